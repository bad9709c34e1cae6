"""Every bundled scenario's expected outcomes (its tests.yaml), run as tests; and the file format's checks.

Quick-tier tests run in ``make test``, full-tier ones are marked slow (``make test-full``). A test
marked ``expect_fail`` in its file is a strict xfail here: it must fail, and passing fails the suite
until the mark is removed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from concurrent.futures import Executor
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.lab.backends import Pool
from gaiko_game.lab.checks import Measure, measure, selected
from gaiko_game.lab.runner import Job, play_chunk
from gaiko_game.scenario.bundled import bundled
from gaiko_game.scenario.expectations import Expectation, bind_tests, read_tests
from gaiko_game.scenario.loader import load
from gaiko_game.session.players import make_policy, player_names
from gaiko_game.session.policies import play_game
from gaiko_game.session.seeding import new_game, stream
from gaiko_game.session.simulate import simulate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"
FOLDERS = [*bundled(), ROOT / "tests" / "fixtures" / "northern_watch"]


def _cases() -> list[object]:
    cases = []
    for folder in FOLDERS:
        for t in read_tests(folder).tests:
            marks = [pytest.mark.slow] if t.tier == "full" else []
            if t.expect_fail:
                marks.append(pytest.mark.xfail(strict=True, reason=t.expect_fail))
            cases.append(pytest.param(folder, t, marks=marks, id=f"{folder.name}:{t.id}"))
    return cases


class Measures:
    """One measure per scenario for the whole module, playing on two worker processes: the games one test
    plays (the advisor's 200, say) serve every other test that needs the same player, seeds and level."""

    def __init__(self, executor: Executor | None) -> None:
        self.executor, self.made = executor, dict[Path, Measure]()

    def of(self, folder: Path) -> Measure:
        if folder not in self.made:
            sc = load(folder).scenario
            assert sc is not None
            self.made[folder] = Measure(sc, folder, self.executor)
        return self.made[folder]


@pytest.fixture(scope="module")
def measures() -> Iterator[Measures]:
    with Pool("process", 2) as executor:
        yield Measures(executor)


@pytest.mark.parametrize(("folder", "test"), _cases())
def test_expected_outcome(folder: Path, test: Expectation, measures: Measures) -> None:
    m = measures.of(folder)
    m.play([test])
    outcome = m.outcome(test)
    assert outcome.passed, outcome.line("en")


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_bundled_scenario_has_clean_tests(folder: Path) -> None:
    file = read_tests(folder)
    sc = load(folder).scenario
    assert sc is not None
    assert file.tests, f"{folder} has no tests.yaml"
    assert file.diagnostics + bind_tests(file, sc, player_names(folder)) == []
    assert selected(file.tests, "quick"), "a scenario needs quick tests, or make test checks nothing of it"


def test_the_default_scenario_keeps_its_design_targets() -> None:
    """DESIGN §3's game-quality targets are written down at full strength (500 seeds) and none is excused."""
    tests = {t.id: t for t in read_tests(DEFAULT).tests}
    assert {"random_rarely_tops", "neglect_loses", "advisor_unbeaten", "advisor_beats_hedge",
            "hedge_beats_random"} <= set(tests)
    assert tests["random_rarely_tops"].at_most == 5 and tests["neglect_loses"].at_least == 90
    assert tests["random_rarely_tops"].seeds >= 500 and tests["neglect_loses"].seeds >= 500
    assert all(t.tier == "full" for t in (tests["random_rarely_tops"], tests["advisor_unbeaten"]))
    assert [t.id for t in tests.values() if t.expect_fail] == []
    lows = {t.low: t for t in tests.values() if t.kind == "tops_after_low" and t.tier == "full"}
    assert set(lows) == {("track.us_commitment", 20), ("relation.china", -70)}
    # "almost never": since the perspectives content (issue 13) a game that lets the alliance slip below 20 once
    # and rebuilds it can still top, about one in a thousand (tests.yaml says so); enmity with China never
    assert lows[("track.us_commitment", 20)].at_most == 1 and lows[("relation.china", -70)].at_most == 0
    assert all(t.seeds >= 500 and not t.group for t in lows.values())


# --- measuring: each figure equals the one gaiko simulate gives on the same seeds ----------------


def _test(**kw: object) -> Expectation:
    base: dict[str, object] = dict(id="t", kind="loses", player="random", other=None, event=None, by=0.0,
                                   at_least=None, at_most=None, seeds=20, budget=16_000, difficulty=None,
                                   tier="quick", expect_fail=None, file="tests.yaml", line=1)
    base.update(kw)
    return Expectation(**base)  # type: ignore[arg-type]


def test_measures_match_simulate() -> None:
    sc = load(DEFAULT).scenario
    assert sc is not None
    level = sc.difficulty(None).id
    hedge = simulate(sc, "hedge", 0, 20, level, DEFAULT)
    rnd = simulate(sc, "random", 0, 20, level, DEFAULT)
    m = Measure(sc, DEFAULT)
    tests = [_test(kind="beats", player="hedge", other="random", by=100.0),
             _test(kind="top_rating", player="random", at_most=50.0),
             _test(kind="fires", event="hosting_g7", at_least=10.0)]
    m.play(tests)
    beats, top, fires = (m.outcome(t) for t in tests)
    diff = sum(h.score - r.score for h, r in zip(hedge, rnd, strict=True)) / 20
    assert beats.measured == pytest.approx(round(diff, 2))
    assert not beats.passed and beats.status == "fail"
    tops = sum(r.rating == "optimal" for r in rnd)
    assert top.measured == pytest.approx(100 * tops / 20)
    assert top.passed == (tops / 20 <= 0.5)
    assert "of 20 games" in top.said["en"] and "20 ゲーム中" in top.said["ja"]
    assert 10.0 <= fires.measured <= 100.0


def test_tops_after_low_counts_the_games_that_fell_below_and_still_topped() -> None:
    sc = load(DEFAULT).scenario
    assert sc is not None
    level = sc.difficulty(None).id
    low = _test(kind="tops_after_low", player="", low=("track.us_commitment", 40), group=("random", "hedge"),
                at_most=10.0)
    m = Measure(sc, DEFAULT)
    m.play([low])
    games = [g for p in ("random", "hedge") for g in m.games[p, level, ()][:20]]
    fell = [g for g in games if g.lows["track.us_commitment"] < 40]
    assert fell and len(fell) < len(games)  # some games dip below 40, some never do
    topped = sum(g.rating == "optimal" for g in fell)
    o = m.outcome(low)
    assert o.measured == pytest.approx(100 * topped / len(fell)) and o.passed == (topped / len(fell) <= 0.10)
    assert f"{len(fell)} of 40 games (2 players) fell below; {topped} of those rated top" in o.said["en"]
    assert "US Commitment fall below 40" in o.said["en"] and "米国の関与が 40 を下回った" in o.said["ja"]
    rnd = simulate(sc, "random", 0, 20, level, DEFAULT)
    assert [g.score for g in m.games["random", level, ()][:20]] == [r.score for r in rnd]
    everyone = _test(kind="tops_after_low", player="", low=("relation.china", -70), at_most=0.0)
    assert m.players_of(everyone)[0] == "random" and "hedge" in m.players_of(everyone)


def test_a_games_lows_are_the_least_each_number_stood_at() -> None:
    sc = load(DEFAULT).scenario
    assert sc is not None
    (g,) = play_chunk(Job(str(DEFAULT), "random", (3,), "standard"))
    game = play_game(new_game(sc, 3, difficulty="standard"), make_policy("random", stream(3, "policy")))
    seen: dict[str, list[int]] = {}
    for c in game.ledger:
        seen.setdefault(c.key, []).extend((c.before, c.after))
    assert g.lows["track.us_commitment"] == min(seen["track.us_commitment"])
    assert g.lows["relation.china"] == min(seen["relation.china"])
    assert set(g.lows) == {f"track.{t.id}" for t in sc.tracks} | {f"relation.{a.id}" for a in sc.actors
                                                                   if a.id != sc.player.id}


def test_an_expected_failure_that_passes_is_reported() -> None:
    sc = load(DEFAULT).scenario
    assert sc is not None
    (o,) = measure(sc, DEFAULT, [_test(kind="loses", player="random", at_most=100.0, expect_fail="issue 10: x")])
    assert o.passed and o.status == "xpass" and not o.ok
    assert "remove its `expect_fail`" in o.line("en")
    (o,) = measure(sc, DEFAULT, [_test(kind="loses", player="random", at_least=99.0, expect_fail="issue 10: x")])
    assert o.status == "xfail" and o.ok and "expected to fail: issue 10: x" in o.line("en")


def test_a_strategy_file_inside_the_scenario_can_be_tested(tmp_path: Path) -> None:
    folder = tmp_path / "sc"
    shutil.copytree(ROOT / "tests" / "fixtures" / "northern_watch", folder)
    (folder / "exploit.yaml").write_text("id: exploit\nformat: 1\nrules: [{role: partners}]\n", encoding="utf-8")
    sc = load(folder).scenario
    assert sc is not None
    (o,) = measure(sc, folder, [_test(kind="beats", player="exploit.yaml", other="do_nothing", seeds=5)])
    assert o.measured > 0


# --- the file format: every mistake is located, with a hint --------------------------------------

def _read(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "sc"
    folder.mkdir(exist_ok=True)
    (folder / "tests.yaml").write_text(text, encoding="utf-8")
    file = read_tests(folder, shown="tests.yaml")
    sc = load(DEFAULT).scenario
    assert sc is not None
    return [d.format() for d in file.diagnostics + bind_tests(file, sc, player_names(DEFAULT), folder)]


@pytest.mark.parametrize(("text", "expected"), [
    ("format: 1\ntests:\n  - {id: a, beats: hedge}\n", "tests.yaml:3:5: error[bad-test]: test 'a': `beats` needs `over`"),
    ("format: 1\ntests:\n  - {id: a, beats: hedge, over: random, loses: random}\n",
     "tests.yaml:3:5: error[bad-test]: test 'a' states beats and loses"),
    ("format: 1\ntests:\n  - {id: a, loses: random}\n", "tests.yaml:3:5: error[bad-test]: test 'a' gives no bound"),
    ("format: 1\ntests:\n  - {id: a, loses: random, at_lest: 9}\n", "tests.yaml:3:28: error[unknown-key]: unknown key 'at_lest'"),
    ("format: 1\ntests:\n  - {id: a, loses: random, at_least: 190}\n", "tests.yaml:3:38: error"),
    ("format: 1\ntests:\n  - {id: a, fires: hosting_g8, at_least: 9}\n",
     "tests.yaml:3:20: error[unknown-id]: scenario 'indo_pacific_2025' has no event 'hosting_g8'\n"
     "    hint: did you mean 'hosting_g7'?"),
    ("format: 1\ntests:\n  - {id: a, beats: hegde, over: random}\n",
     "tests.yaml:3:20: error[unknown-player]: there is no player 'hegde'\n    hint: did you mean 'hedge'?"),
    ("format: 1\ntests:\n  - {id: a, loses: random, at_most: 0.05}\n",
     "tests.yaml:3:37: warning[small-percent]: at_most: 0.05 is less than 1%\n"
     "    hint: percentages go from 0 to 100: did you mean 5?"),
    ("format: 1\ntests:\n  - {id: a, loses: random, at_most: 5}\n  - {id: a, loses: random, at_most: 5}\n",
     "tests.yaml:4:10: error[duplicate-id]: test id 'a' is used twice"),
    ("format: 2\n", "tests.yaml:1:9: error"),
    ("format: 1\ntests:\n  - {id: a, loses: random, at_least: 50, at_most: 10}\n",
     "tests.yaml:3:5: error[bad-test]: test 'a' asks for at least 50% and at most 10%: no figure can meet both"),
    ("format: 1\ntests:\n  - {id: a, beats: hedge, over: random, at_least: 5}\n",
     "tests.yaml:3:51: error[bad-test]: test 'a' is a `beats` test: `at_least` does not apply to it\n"
     "    hint: a `beats` test reads `by`, `over`"),
    ("format: 1\ntests:\n  - {id: a, loses: random, at_most: 5%}\n",
     "tests.yaml:3:37: error[wrong-type]: at_most: expected a number, got '5%'\n"
     "    hint: write the number without the % sign: 5"),
    ("format: 1\ntests:\n  - {id: a, beats: ../x.yaml, over: random}\n",
     "tests.yaml:3:20: error[outside-folder]: '../x.yaml' is outside the scenario folder"),
    ("format: 1\ntests:\n  - {id: a, beats: strategies/missing.yaml, over: random}\n",
     "tests.yaml:3:20: error[missing-file]: there is no strategy file 'strategies/missing.yaml'"),
    ("format: 1\ntests:\n  - {id: a, beats: \"mine\\0.yaml\", over: random}\n",
     "tests.yaml:3:20: error[control-character]: text holds the control character U+0000"),
    ("format: 1\ntests:\n  - {id: a, beats: hegde, over: random}\n  - {id: b, loses: random}\n",
     "tests.yaml:4:5: error[bad-test]: test 'b' gives no bound"),  # reported with the unknown player, in one pass
    ("format: 1\ntests:\n  - {id: a, tops_after_low: {track: us_comitment, below: 20}, at_most: 0}\n",
     "tests.yaml:3:37: error[unknown-id]: scenario 'indo_pacific_2025' has no track 'us_comitment'\n"
     "    hint: did you mean 'us_commitment'?"),
    ("format: 1\ntests:\n  - {id: a, tops_after_low: {relation: chna, below: -70}, at_most: 0}\n",
     "tests.yaml:3:40: error[unknown-id]: scenario 'indo_pacific_2025' has no relation 'chna'"),
    ("format: 1\ntests:\n  - {id: a, tops_after_low: {track: tension, relation: china, below: 2}, at_most: 0}\n",
     "tests.yaml:3:29: error[bad-test]: test 'a': `tops_after_low` names a number by exactly one of `track` and "
     "`relation`"),
    ("format: 1\ntests:\n  - {id: a, tops_after_low: {track: tension, below: 2}}\n",
     "tests.yaml:3:5: error[bad-test]: test 'a' gives no bound"),
    ("format: 1\ntests:\n  - {id: a, tops_after_low: {track: tension, below: 2}, at_most: 0, players: [hegde]}\n",
     "tests.yaml:3:79: error[unknown-player]: there is no player 'hegde'"),
    ("format: 1\ntests:\n  - {id: a, loses: random, at_most: 5, players: [hedge]}\n",
     "tests.yaml:3:49: error[bad-test]: test 'a' is a `loses` test: `players` does not apply to it"),
])
def test_bad_tests_files_are_located(tmp_path: Path, text: str, expected: str) -> None:
    got = _read(tmp_path, text)
    assert any(d.startswith(expected) for d in got), got


def test_no_tests_file_means_no_tests(tmp_path: Path) -> None:
    file = read_tests(tmp_path)
    assert file.tests == [] and file.diagnostics == [] and file.ok


def test_one_pass_reports_a_bad_test_and_an_unknown_player_together(tmp_path: Path) -> None:
    got = _read(tmp_path, "format: 1\ntests:\n  - {id: a, beats: hegde, over: random}\n  - {id: b, loses: random}\n")
    assert [d.split(": error")[0] for d in got] == ["tests.yaml:4:5", "tests.yaml:3:20"]


def test_validate_checks_a_scenarios_own_strategies_and_tests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nw"
    shutil.copytree(ROOT / "tests" / "fixtures" / "northern_watch", folder)
    (folder / "strategies").mkdir()
    (folder / "strategies" / "typo.yaml").write_text("id: typo\nformat: 1\nrules: [{role: partnrs}]\n", encoding="utf-8")
    (folder / "tests.yaml").write_text("format: 1\ntests:\n  - {id: a, fires: nothing_like_it, at_least: 5}\n",
                                       encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "typo.yaml:3:16: error" in out and "partnrs" in out
    assert "tests.yaml:3:20: error[unknown-id]" in out and f"{folder}: FAILED" in out


def test_a_tests_file_that_is_a_link_outside_or_a_folder_is_named_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("format: 1\ntests: []\n")
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "tests.yaml").symlink_to(outside)
    linked = read_tests(folder)
    (folder / "tests.yaml").unlink()
    (folder / "tests.yaml").mkdir()
    a_folder = read_tests(folder)
    assert [(d.code, d.message) for d in linked.diagnostics] == [
        ("path-outside", "'tests.yaml' is outside the scenario folder")]
    assert [(d.code, d.message) for d in a_folder.diagnostics] == [("missing-file", "'tests.yaml' is not a file")]
    assert not linked.ok and not a_folder.ok

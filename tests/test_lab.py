"""The balance lab: seed chunks merged in order, the figures it computes, the search, the command line.

The slow tier checks the issue's two promises: every backend (one process, a process pool, a Dask
LocalCluster, Ray) gives the same bytes; and the search, with its default budget, finds a strategy
of at most five rules scoring at least 85 on held-out seeds on today's rules.
It also holds the whole labs that take ten seconds or more each (a small lab's pairing, serial against a pool,
`validate --balance`), so `make test` stays under five minutes; the fast tier keeps the lab's parts and commands.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from gaiko_game.cli.main import main
from gaiko_game.core.model import COMPLETED
from gaiko_game.lab import runner
from gaiko_game.lab.analysis import Played, Settings, player_figures, report_data
from gaiko_game.lab.backends import Pool
from gaiko_game.lab.experiment import Lab, Plan, strategies
from gaiko_game.lab.report import write_report
from gaiko_game.lab.runner import CHUNK, GameResult, Interrupted, Job, chunks, run
from gaiko_game.lab.search import BUDGET, MAX_AVOID, MAX_CRISES, MAX_RESERVE, MAX_RULES, Mutator, Search, Space, key, within
from gaiko_game.lab.stats import paired, summary
from gaiko_game.scenario.strategyfile import ActionRule, CrisisRule, Strategy, read_strategy
from gaiko_game.session.seeding import stream
from gaiko_game.session.simulate import simulate
from tests.conftest import NORTHERN, ROOT, load_ok

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"
SMALL = Plan(seeds=30, advisor_seeds=4, difficulty="standard", search_budget=1000, families=False)


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


# --- chunks and their order ----------------------------------------------------------------------

def test_chunks_cover_the_seeds_in_order() -> None:
    jobs = chunks("x", "random", range(5, 65), "standard", banned="quad_summit")
    assert [len(j.seeds) for j in jobs] == [CHUNK, CHUNK, 10]
    assert [s for j in jobs for s in j.seeds] == list(range(5, 65))
    assert {(j.player, j.difficulty, j.banned) for j in jobs} == {("random", "standard", "quad_summit")}


def _fake(job: Job) -> list[GameResult]:
    """A chunk that finishes later the earlier it comes: the first job is the last to finish."""
    time.sleep(0.002 * (100 - job.seeds[0]) / 25)
    return [GameResult(s, float(s), "r", COMPLETED, 1, {}, []) for s in job.seeds]


def test_results_come_back_in_job_order_whatever_finishes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "play_chunk", _fake)
    jobs = chunks("x", "random", range(100))
    with ThreadPoolExecutor(4) as pool:
        merged = run(jobs, pool)
    assert [g.seed for chunk in merged for g in chunk] == list(range(100))


def test_a_chunk_plays_exactly_what_simulate_plays() -> None:
    sc = load_ok(DEFAULT)
    (games,) = run(chunks(str(DEFAULT), "hedge", range(3, 8), "standard"), None)
    same = simulate(sc, "hedge", 3, 5, "standard", DEFAULT)
    assert [(g.seed, g.score, g.rating, g.ending, g.turns) for g in games] == [
        (r.seed, r.score, r.rating, r.ending, r.turns) for r in same]
    assert all(len(g.trajectory) == g.turns for g in games)
    assert all(sum(g.actions.values()) > 0 for g in games)


def test_a_banned_action_is_never_taken() -> None:
    (games,) = run(chunks(str(DEFAULT), "random", range(10), "standard", banned="quad_summit"), None)
    assert sum(g.actions["quad_summit"] for g in games) == 0
    (free,) = run(chunks(str(DEFAULT), "random", range(10), "standard"), None)
    assert sum(g.actions["quad_summit"] for g in free) > 0


def test_ctrl_c_keeps_the_finished_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(job: Job) -> list[GameResult]:
        if job.seeds[0] >= 2 * CHUNK:
            raise KeyboardInterrupt
        return _fake(job)

    monkeypatch.setattr(runner, "play_chunk", interrupted)
    with pytest.raises(Interrupted) as caught:
        run(chunks("x", "random", range(100)), None)
    assert sorted(caught.value.done) == [0, 1]
    assert "2 of 4 chunks finished" in str(caught.value)


# --- the figures ---------------------------------------------------------------------------------

def _game(seed: int, score: float, rating: str = "steady", ending: str = COMPLETED, **actions: int) -> GameResult:
    return GameResult(seed, score, rating, ending, 2, {"security": 50, "prosperity": 40, "autonomy": 30},
                      [[40, 40, 40], [50, 40, 30]], Counter(actions))


def test_player_figures_are_exact() -> None:
    sc = load_ok(DEFAULT)
    top = max(sc.ratings, key=lambda r: r.min_score).id
    mine = Played("p", "strategy", {"ja": "p", "en": "p"},
                  [_game(0, 80.0, top, quad_summit=2), _game(1, 60.0, ending="security_collapse"), _game(2, 70.0)])
    advisor = Played("lookahead", "advisor", {"ja": "a", "en": "a"}, [_game(0, 90.0), _game(1, 90.0)])
    f = player_figures(sc, mine, advisor)
    assert f["score"] == {"mean": 70.0, "sd": 10.0, "ci95": [58.68, 81.32], "min": 60.0, "max": 80.0}
    assert f["vs_advisor"] == {"mean_diff": -20.0, "ci95": [-39.6, -0.4], "seeds": 2}
    assert f["top_rating"] == 0.33 and f["lost"] == 0.33
    assert f["ratings"][top] == 1 and f["ratings"]["steady"] == 2
    assert f["endings"] == {COMPLETED: 2, "security_collapse": 1}
    assert f["actions"]["quad_summit"] == 0.67 and f["actions"]["joint_drills"] == 0.0
    assert f["meters"] == {"security": 50.0, "prosperity": 40.0, "autonomy": 30.0}
    assert f["trajectory"]["autonomy"][:2] == [40.0, 30.0] and len(f["trajectory"]["autonomy"]) == sc.turns


def test_stats_are_exact() -> None:
    assert summary([1.0, 2.0, 3.0]) == {"mean": 2.0, "sd": 1.0, "ci95": [0.87, 3.13], "min": 1.0, "max": 3.0}
    assert paired([3.0, 5.0], [1.0, 1.0]) == {"mean_diff": 3.0, "ci95": [1.04, 4.96], "seeds": 2}


def test_flags_and_verdict_on_a_made_up_lab() -> None:
    """Six strategies: the top three take quad_summit every game, the bottom three never; random play is hurt by
    joint_drills; nobody takes host_nation_support; random play tops every game and do-nothing never loses."""
    sc = load_ok(DEFAULT)
    top = max(sc.ratings, key=lambda r: r.min_score).id
    played = [Played(f"s{i}", "strategy", {"ja": "", "en": ""},
                     [_game(k, 90.0 - 10 * i, **({"quad_summit": 1} if i < 3 else {"joint_drills": 1}))
                      for k in range(4)]) for i in range(6)]
    played.append(Played("random", "random", {"ja": "", "en": ""}, [_game(k, 60.0 + k, top, joint_drills=1)
                                                                    for k in range(4)]))
    played.append(Played("do_nothing", "strategy", {"ja": "", "en": ""}, [_game(k, 20.0) for k in range(4)]))
    without = [_game(k, 70.0 + k) for k in range(4)]
    without_quad = [_game(k, 50.0 + k) for k in range(4)]
    data = report_data(sc, Settings(4, 0, 0, "standard", 0), played, {"joint_drills": (played[6].results, without),
                                                                      "quad_summit": (played[6].results, without_quad)},
                       None)
    flags = {a["id"]: a["flag"] for a in data["actions"]}
    assert flags["quad_summit"] == "dominant"
    assert flags["joint_drills"] == "never_worth"
    assert flags["host_nation_support"] == "never_taken"
    drills = next(a for a in data["actions"] if a["id"] == "joint_drills")
    assert drills["marginal"] == {"with": 61.5, "without": 71.5, "diff": -10.0, "ci95": [-10.0, -10.0]}
    verdict = {v["id"]: v for v in data["verdict"]}
    assert not verdict["random_top_rating"]["pass"] and verdict["random_top_rating"]["measured"]["en"] == "100% of 4 games"
    assert verdict["do_nothing_loses"]["pass"] is False
    assert verdict["search_below_advisor"]["pass"] is None  # no advisor, no search: not checked, and says why
    assert "needs both the advisor and the search" in verdict["search_below_advisor"]["measured"]["en"]


# --- the search ----------------------------------------------------------------------------------

def test_mutations_stay_simple_and_every_candidate_is_a_valid_file(tmp_path: Path) -> None:
    sc = load_ok(DEFAULT)
    m = Mutator(Space.of(sc), stream(7, "policy", "search"))
    s = m.random_candidate(0)
    for i in range(400):
        s = m.mutate(s)
        assert 1 <= len(s.rules) <= MAX_RULES and len(s.crises) <= MAX_CRISES
        assert len(s.avoid_roles) <= MAX_AVOID and 0 <= s.reserve <= MAX_RESERVE
        if i % 40 == 0:
            path = tmp_path / f"c{i}.yaml"
            path.write_text(key(s), encoding="utf-8")
            file = read_strategy(path)
            assert file.ok, [d.format() for d in file.diagnostics]
            assert file.strategy is not None and key(file.strategy) == key(s)


def _search(seed: int) -> tuple[str, float, int]:
    sc = load_ok(DEFAULT)
    search = Search(sc, str(DEFAULT), lambda jobs: run(jobs, None), seed=seed, budget=1000, difficulty="standard",
                    seeds=8)
    found = search.run([])
    return key(found.best), found.score, found.games


@pytest.mark.slow  # two whole searches: the slow tier (CI runs it)
def test_the_search_is_deterministic_and_keeps_to_its_budget() -> None:
    first = _search(3)
    assert first == _search(3)
    assert first[2] <= 1000


# --- whole labs ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_lab() -> dict[str, Any]:
    return Lab(load_ok(DEFAULT), DEFAULT, SMALL).run()


@pytest.mark.slow
def test_a_lab_pairs_every_player_on_the_same_seeds(small_lab: dict[str, Any]) -> None:
    players = {p["id"]: p for p in small_lab["players"]}
    assert {"random", "hedge", "do_nothing", "lookahead", "search", "alliance_first", "rival_lean", "partners_only",
            "equidistance", "engagement_alliance", "alliance_self_reliance"} == set(players)
    assert players["hedge"]["games"] == 30 and players["lookahead"]["games"] == 4
    assert players["hedge"]["vs_advisor"]["seeds"] == 4 and players["lookahead"]["vs_advisor"] is None
    hedge = simulate(load_ok(DEFAULT), "hedge", 0, 30, "standard", DEFAULT)
    assert players["hedge"]["score"]["mean"] == round(sum(r.score for r in hedge) / 30, 2)
    assert len(small_lab["actions"]) == len(load_ok(DEFAULT).actions)
    assert all(a["marginal"] is not None for a in small_lab["actions"])
    search = small_lab["search"]
    assert search["seeds_heldout"] == [0, 30] and search["seeds_searched"][0] >= 1_000_000
    assert search["best"]["heldout"]["mean"] == players["search"]["score"]["mean"]
    lows = {v["id"]: v for v in small_lab["verdict"] if v["id"].startswith("no_top_rating")}
    assert set(lows) == {"no_top_rating_without_the_alliance", "no_top_rating_at_enmity_with_china"}
    games = sum(p["games"] for p in small_lab["players"])  # every player's games, the search's best among them
    assert all(v["measured"]["en"].split(" fell below")[0].endswith(f"of {games} games (11 players)")
               for v in lows.values()), lows


@pytest.mark.slow
def test_the_search_best_replays_as_a_strategy_file(small_lab: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "best.yaml"
    path.write_text(small_lab["search"]["best"]["yaml"], encoding="utf-8")
    replayed = simulate(load_ok(DEFAULT), str(path), 0, 30, "standard", DEFAULT)
    best = next(p for p in small_lab["players"] if p["id"] == "search")
    assert round(sum(r.score for r in replayed) / 30, 2) == best["score"]["mean"]


@pytest.mark.slow
def test_serial_and_a_process_pool_give_the_same_bytes() -> None:
    plan = Plan(seeds=8, advisor_seeds=2, difficulty="standard", search_budget=1000, families=False)
    serial = Lab(load_ok(DEFAULT), DEFAULT, plan).run()
    with Pool("process", 2) as pool:
        pooled = Lab(load_ok(DEFAULT), DEFAULT, plan, pool).run()
    assert _json(pooled) == _json(serial)


def test_shipped_strategies_run_on_another_country() -> None:
    data = Lab(load_ok(NORTHERN), NORTHERN, Plan(seeds=5, advisor_seeds=0, difficulty="", search_budget=0,
                                                 ablation=False)).run()
    means = {p["id"]: p["score"]["mean"] for p in data["players"]}
    assert means["hedge"] > means["do_nothing"]


# --- the command line ----------------------------------------------------------------------------

SHORT = ("--seeds", "20", "--advisor-seeds", "0", "--no-search")
"""A short lab for the command-line tests (what they check does not need more games)."""


def _lab(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lab", *args, "--jobs", "1"])
    out, err = capsys.readouterr()
    return code, out, err


def test_gaiko_lab_writes_the_report_and_prints_the_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    code, text, err = _lab(capsys, str(DEFAULT), *SHORT, "--out", str(out), "--lang", "en")
    assert code == 0, err
    assert {"index.html", "report.json"} <= {p.name for p in out.iterdir()}
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["settings"]["seeds"] == 20 and data["search"] is None
    verdict = [line for line in text.splitlines() if line.startswith(("ok ", "FAIL ", "n/a "))]
    assert [line.split(" — ")[0].split(maxsplit=1)[1] for line in verdict] == [
        "random play earns the top rating in at most 5% of games (this scenario's tests.yaml)",
        "doing nothing loses in at least 90% of games (this scenario's tests.yaml)",
        "no simple strategy found by the search beats the advisor (the paired difference's 95% interval reaches 0)",
        "skill orders the results: advisor > hedge > random (each difference's 95% interval above 0)",
        "games that let US Commitment fall below 20 earn the top rating in at most 1% of them (this scenario's "
        "tests.yaml)",
        "games that let the relation with China fall below -70 earn the top rating in at most 0% of them (this "
        "scenario's tests.yaml)"]
    assert verdict[2].startswith("n/a ")  # no search, no advisor in this run
    assert f"report: {out / 'index.html'}" in text
    code, text, _ = _lab(capsys, str(DEFAULT), *SHORT, "--out", str(out), "--json")
    assert code == 0 and json.loads(text) == data


def test_a_broken_strategy_stops_the_lab_with_its_location(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sc"
    shutil.copytree(NORTHERN, folder)
    (folder / "strategies").mkdir()
    (folder / "strategies" / "mine.yaml").write_text("id: mine\nformat: 1\nrules: [{rol: partners}]\n", encoding="utf-8")
    code, _, err = _lab(capsys, str(folder), "--quick", "--out", str(tmp_path / "r"))
    assert code == 1
    assert "mine.yaml:3:10: error[unknown-key]: unknown key 'rol'" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()


def test_bad_scenarios_and_missing_backends_are_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = _lab(capsys, str(tmp_path / "nowhere"), "--quick")
    assert code == 1 and "no such scenario folder" in err
    for backend, module in (("dask", "distributed"), ("ray", "ray")):
        monkeypatch.setitem(sys.modules, module, None)  # as on a machine without the extra
        code = main(["lab", str(DEFAULT), "--quick", "--backend", backend, "--out", str(tmp_path / "r")])
        err = capsys.readouterr().err
        assert code == 1 and f"needs {backend.capitalize()}: pip install 'gaiko-game[{backend}]'" in err, err
        assert "Traceback" not in err and not (tmp_path / "r").exists()


@pytest.mark.slow  # a lab run twice: the slow tier (CI runs it)
def test_an_interrupted_lab_keeps_its_games_and_the_old_report(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report"
    assert _lab(capsys, str(DEFAULT), *SHORT, "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = runner.play_chunk
    calls = []

    def stop_later(job: Job) -> list[GameResult]:
        calls.append(job)
        if len(calls) > 3:
            raise KeyboardInterrupt
        return real(job)

    monkeypatch.setattr(runner, "play_chunk", stop_later)
    code, _, err = _lab(capsys, str(DEFAULT), *SHORT, "--out", str(out))
    assert code == 130 and "3 of" in err and "no report was written" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    kept = json.loads((tmp_path / "report.partial.json").read_text(encoding="utf-8"))
    assert kept["interrupted"] and {who: len(g) for who, g in kept["games"].items()} == {"random": 20, "alliance_first": 20,
                                                                                         "alliance_self_reliance": 20}


def _die(job: Job) -> list[GameResult]:
    os._exit(3)


def test_a_worker_that_dies_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "play_chunk", _die)
    code = main(["lab", str(DEFAULT), "--quick", "--jobs", "2", "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 1 and "a worker process died" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()


@pytest.mark.slow
def test_validate_balance_points_at_the_lines_concerned(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--balance", "--jobs", "2", str(DEFAULT)]) == 0
    out = capsys.readouterr().out
    warnings = [line for line in out.splitlines() if "warning[balance-" in line]
    assert not any("balance-target" in w for w in warnings)  # tests.yaml states those bounds itself
    assert not any("balance-test" in w for w in warnings)  # and its quick tests all pass
    assert any("balance-choice-never-taken" in w for w in warnings)
    for w in warnings:
        if "balance-target" in w:
            continue
        where, _, message = w.partition(": warning")
        file, line, _ = where.rsplit(":", 2)
        named = message.split("`")[1]
        assert f"id: {named}" in Path(file).read_text(encoding="utf-8").splitlines()[int(line) - 1], w


# --- the slow tier: every backend, and the search's promise ---------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("backend", ["dask", "ray"])
def test_every_backend_gives_the_same_bytes(backend: str, small_lab: dict[str, Any]) -> None:
    with Pool(backend, 2) as executor:
        data = Lab(load_ok(DEFAULT), DEFAULT, SMALL, executor).run()
    assert _json(data) == _json(small_lab)


@pytest.mark.parametrize(("backend", "what"), [("dask", "Dask scheduler"), ("ray", "Ray cluster")])
def test_an_unreachable_cluster_is_named_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str,
                                                 what: str) -> None:
    code = main(["lab", str(DEFAULT), "--quick", "--backend", backend, "--address", "127.0.0.1:9", "--out",
                 str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 1 and f"cannot reach the {what} at 127.0.0.1:9" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()


def test_an_address_needs_a_cluster_backend(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lab", str(DEFAULT), "--quick", "--address", "127.0.0.1:9", "--out", str(tmp_path / "r")]) == 1
    assert "use it with --backend dask or --backend ray" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["file", "other files", "current folder"])
def test_the_report_never_replaces_what_is_not_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    out = tmp_path / "out"
    if kind == "file":
        out.write_text("mine", encoding="utf-8")
    elif kind == "other files":
        out.mkdir()
        (out / "notes.txt").write_text("mine", encoding="utf-8")
    else:
        out.mkdir()
        monkeypatch.chdir(out)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["lab", str(DEFAULT), "--quick", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gaiko: error: ") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


@pytest.mark.slow
def test_the_search_with_its_default_budget_finds_a_simple_strategy_at_least_as_good_as_the_files() -> None:
    """What the search is for: a simple strategy no worse, on held-out seeds, than every hand-written one."""
    with Pool("process") as pool:
        data = Lab(load_ok(DEFAULT), DEFAULT, Plan(seeds=200, advisor_seeds=0, difficulty="standard",
                                                    search_budget=BUDGET, ablation=False, families=False), pool).run()
    best = data["search"]["best"]
    files = {p["id"]: p["score"] for p in data["players"] if p["kind"] == "strategy"}
    assert data["search"]["games"] <= BUDGET
    assert all(best["heldout"]["ci95"][1] >= f["mean"] for f in files.values()), (best["heldout"], files)
    assert sum(line[0].isdigit() for line in best["rules"]) <= 5, best["rules"]


def test_a_lab_reports_each_family_it_can_search_at_its_best() -> None:
    mini = ROOT / "tests" / "fixtures" / "mini"
    sc = load_ok(mini)
    data = Lab(sc, mini, Plan(seeds=10, advisor_seeds=0, search_budget=1000, family_budget=1000,
                              ablation=False)).run()
    players = {p["id"]: p for p in data["players"]}
    families = {f["id"]: f for f in data["families"]}
    searchable = {s.id for s in strategies(sc, mini) if s.family and Space.of(sc, s.family).actions}
    assert set(families) == searchable and "alliance_first" in searchable and "partners_only" not in searchable
    for f in families.values():
        assert f["file"]["mean"] == players[f["id"]]["score"]["mean"] and f["rules"]
        assert f["roles"] == list(next(s.family for s in strategies(sc, mini) if s.id == f["id"]))
    assert [f["best"]["mean"] for f in data["families"]] == sorted((f["best"]["mean"] for f in data["families"]),
                                                                    reverse=True)


def test_a_strategy_cut_down_to_a_family_keeps_only_the_familys_rules() -> None:
    sc = load_ok(DEFAULT)
    best = Strategy("b", rules=(ActionRule(roles=("alliance",), per_turn=1), ActionRule(action="quad_summit"),
                                ActionRule(roles=("military",)), ActionRule(tags=("us",))),
                    crises=(CrisisRule(roles=("partners",)), CrisisRule(roles=("rival",))), avoid_roles=("military",),
                    reserve=1)
    family = ("alliance", "partners", "dialogue")
    cut = within(best, sc, family)
    assert cut is not None and cut.reserve == 1
    assert cut.rules == (ActionRule(roles=("alliance",), per_turn=1), ActionRule(action="quad_summit"))
    assert cut.crises == (CrisisRule(roles=("partners",)),)
    assert set(cut.avoid_roles) == set(Space.of(sc, family).avoid)
    assert within(best, sc, ("rival",)) is None  # nothing of it is left in a China-leaning family


def test_a_family_search_stays_within_the_familys_roles() -> None:
    sc = load_ok(DEFAULT)
    family = ("partners", "economic_security")
    space = Space.of(sc, family)
    allowed = sc.tags_for("partners") | sc.tags_for("economic_security")
    outside = frozenset().union(*(sc.tags_for(r) for r, tags in sc.strategy_tags if tags and r not in family))
    tags = {a.id: a.tags for a in sc.actions}
    assert space.roles == family and set(space.avoid) == {r for r, t in sc.strategy_tags if t} - set(family)
    assert space.actions and all(tags[a] & allowed and not tags[a] & outside for a, _ in space.actions)
    search = Search(sc, str(DEFAULT), lambda jobs: run(jobs, None), budget=1000, difficulty="standard", seeds=8,
                    family=family)
    best = search.run([]).best
    assert set(best.avoid_roles) == set(space.avoid)
    assert all(set(r.roles) <= set(family) and (r.action is None or tags[r.action] & allowed) for r in best.rules)


def test_the_report_shows_each_family_at_its_best(tmp_path: Path) -> None:
    data = json.loads((ROOT / "tests" / "fixtures" / "lab" / "sample.json").read_text(encoding="utf-8"))
    data["families"] = [{"id": "hedge", "name": {"ja": "ヘッジ", "en": "Hedge"}, "roles": ["alliance", "partners"],
                         "file": summary([60.0, 70.0]), "best": summary([80.0, 84.0]), "top_rating": 0.5,
                         "rules": ["1. alliance ×1"], "rules_text": {"ja": ["1. 同盟"], "en": ["1. alliance"]}}]
    page = write_report(data, tmp_path / "r", "en").read_text(encoding="utf-8")
    section = page[page.index('<section id="families">'):page.index("</section>", page.index('id="families"'))]
    assert "Each family at its best" in section and "Hedge" in section and "82.0 [" in section and "65.0 [" in section
    assert "alliance, partners" in section and "1. alliance" in section

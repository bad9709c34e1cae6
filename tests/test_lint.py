"""Fewer silent misses: unread files and tags, conditions that can never hold, actions only random play takes.

The exact diagnostics of each case are in tests/bad/{file_unused,tag_unread,condition_impossible}; here are their
hints, what is deliberately not reported, the range reasoning with exact values, and the balance warning.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gaiko_game.cli.main import main
from gaiko_game.core.compiled import COUNTER_BOUNDS
from gaiko_game.core.conditions import (
    AllOf,
    AnyOf,
    CounterRange,
    MeterRange,
    Not,
    RelationRange,
    TrackRange,
    TurnRange,
)
from gaiko_game.core.effects import CounterAdd, MeterAdd, StartModifier
from gaiko_game.lab.warnings import balance_warnings
from gaiko_game.scenario.loader import Place, load
from gaiko_game.scenario.rangecheck import RELATION, Bounds, counter_spans, find
from tests.test_bad_scenarios import broken

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BOUNDS = Bounds({"meter.security": (0, 100), "track.tension": (1, 5), "turn": (1, 6), "counter.summits": (0, 10_000)})


# --- range reasoning -------------------------------------------------------------------------------

def test_a_meter_asked_above_100_can_never_hold() -> None:
    f = find((MeterRange(id="security", min=120),), BOUNDS)
    assert f is not None and f.at == (0, "meter")
    assert f.reason == "meter 'security' is never above 100, but this asks for at least 120"
    assert f.hint == "meter values run 0..100"


def test_a_relation_with_any_actor_and_the_target_runs_from_minus_100_to_100() -> None:
    for actor in ("china", "target", "each"):
        f = find((RelationRange(actor=actor, max=-150),), BOUNDS)
        assert f is not None and f.reason == (f"the relation with '{actor}' is never below -100, but this asks for "
                                              "at most -150")
    assert find((RelationRange(actor="target", max=-100),), BOUNDS) is None
    assert BOUNDS.of(RelationRange(actor="anyone", min=0)) == RELATION == (-100, 100)


def test_a_track_and_a_turn_are_held_to_their_declared_ends() -> None:
    ladder = find((TrackRange(id="tension", min=6),), BOUNDS)
    assert ladder is not None and ladder.hint == ("track 'tension' runs 1..5 as scenario.yaml declares it: change the "
                                                  "number, or the track's range")
    late = find((TurnRange(min=7),), BOUNDS)
    assert late is not None and late.reason == "the turn is never above 6, but this asks for at least 7"
    assert find((TrackRange(id="tension", min=5), TurnRange(min=6, max=6)), BOUNDS) is None


def test_two_ranges_on_one_number_that_do_not_meet_contradict_even_inside_all() -> None:
    f = find((MeterRange(id="security", min=30), AllOf(of=(TrackRange(id="tension", min=4),
                                                             TrackRange(id="tension", max=2)))), BOUNDS)
    assert f is not None and f.at == (1, "all", 1, "track")
    assert f.reason == "track 'tension' cannot be both at least 4 and at most 2 (min 4 and max 2 in the same list)"
    apart = find((TrackRange(id="tension", max=3), MeterRange(id="security", min=1), TrackRange(id="tension", min=4)),
                 BOUNDS)
    assert apart is not None and apart.at == (2, "track")
    assert find((TrackRange(id="tension", min=3), TrackRange(id="tension", max=3)), BOUNDS) is None


def test_any_never_holds_only_when_each_alternative_cannot_alongside_what_came_before() -> None:
    one_left = AnyOf(of=(MeterRange(id="security", min=101), TrackRange(id="tension", min=5)))
    assert find((one_left,), BOUNDS) is None
    f = find((TrackRange(id="tension", min=4), AnyOf(of=(TrackRange(id="tension", max=2), TurnRange(min=9)))), BOUNDS)
    assert f is not None and f.at == (1, "any")
    assert f.reason == ("none of the alternatives of `any` can hold (the first: track 'tension' cannot be both at "
                        "least 4 and at most 2 (min 4 and max 2 in the same list))")


def test_not_of_a_range_that_covers_the_whole_span_never_holds() -> None:
    f = find((Not(of=TrackRange(id="tension", min=1)),), BOUNDS)
    assert f is not None and f.reason == "track 'tension' always lies within 1..5, so `not` of this range never holds"
    assert find((Not(of=TrackRange(id="tension", min=2)),), BOUNDS) is None


def test_a_counter_spans_what_the_signs_of_its_effects_allow() -> None:
    spans = counter_spans([
        CounterAdd(id="raised", by=1), MeterAdd(id="security", by=-3),
        StartModifier(id="boom", turns=2, effects=(CounterAdd(id="lowered", by=-2),)),
        CounterAdd(id="both", by=1), CounterAdd(id="both", by=-1)])
    assert spans == {"counter.raised": (0, 10_000), "counter.lowered": (-10_000, 0), "counter.both": COUNTER_BOUNDS}
    f = find((CounterRange(id="summits", max=-1),), BOUNDS)
    assert f is not None and f.hint == "no effect lowers counter 'summits'; change the number, or the effects that " \
                                       "change the counter"
    assert BOUNDS.of(CounterRange(id="unknown", min=1)) == COUNTER_BOUNDS


def _readable(r: tuple[int | None, int | None]) -> bool:
    """A range the loader accepts: at least one end, and min not above max."""
    lo, hi = r
    return (lo, hi) != (None, None) and (lo is None or hi is None or lo <= hi)


@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(-3, 9)), st.one_of(st.none(), st.integers(-3, 9)))
                .filter(_readable), min_size=1, max_size=5))
def test_a_list_of_ranges_on_one_track_is_impossible_exactly_when_no_value_of_the_track_meets_them_all(
        ranges: list[tuple[int | None, int | None]]) -> None:
    conds = tuple(TrackRange(id="tension", min=lo, max=hi) for lo, hi in ranges)
    some_value_fits = any(all((lo is None or v >= lo) and (hi is None or v <= hi) for lo, hi in ranges)
                          for v in range(1, 6))
    assert (find(conds, BOUNDS) is None) is some_value_fits


# --- the bad cases' hints, and what is not reported ----------------------------------------------------

def test_an_unread_file_gets_a_hint_that_names_where_it_belongs(tmp_path: Path) -> None:
    result = load(broken("file_unused", tmp_path))
    hints = {str(Path(d.file).relative_to(tmp_path / "scenario")): d.hint for d in result.diagnostics}
    assert hints == {
        "actions_extra.yaml": "list it under `files: actions:` in scenario.yaml, or delete it if it is left over",
        "events/old/crises.yaml": "only files directly in events/ are found on their own: move it there, or list "
                                  "every event file under `files: events:` in scenario.yaml",
        "loc/en_more.yaml": "list it under `files: loc: en:` in scenario.yaml (text files are never found on their own)",
        "notes.yml": "list it under `files` in scenario.yaml (actors, actions, rules, agendas, events or loc), or "
                     "delete it; files in hidden folders such as .schema/ are skipped",
    }


def test_tests_yaml_mod_yaml_own_strategies_and_strategies_tests_name_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", folder)
    (folder / "strategies").mkdir()
    (folder / "strategies" / "mine.yaml").write_text("id: mine\nformat: 1\n")
    (folder / "players").mkdir()
    (folder / "players" / "cautious.yaml").write_text("id: cautious\nformat: 1\n")
    (folder / "tests.yaml").write_text("format: 1\ntests:\n  - {id: a_fires, fires: crisis_a, "
                                       "player: players/cautious.yaml, at_least: 0}\n")
    (folder / "mod.yaml").write_text("id: mini\n")
    assert load(folder).diagnostics == []
    (folder / "players" / "bold.yaml").write_text("id: bold\nformat: 1\n")
    assert [(Path(d.file).name, d.code) for d in load(folder).diagnostics] == [("bold.yaml", "file-unused")]


def test_past_50_unread_files_one_line_counts_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", folder)
    for i in range(53):
        (folder / f"extra_{i:02}.yaml").write_text("[]\n")
    found = [d for d in load(folder).diagnostics if d.code == "file-unused"]
    assert len(found) == 51 and found[-1].message == "3 more YAML files are read by nothing"
    assert Path(found[-1].file).name == "extra_50.yaml"


def test_a_stray_link_that_loops_is_reported_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", folder)
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    assert [(Path(d.file).name, d.code) for d in load(folder).diagnostics] == [("loop.yaml", "file-unused")]


def test_with_listed_event_files_an_unlisted_one_is_told_to_be_listed(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", folder)
    text = (folder / "scenario.yaml").read_text()
    (folder / "scenario.yaml").write_text(text + "files: {events: [events/events.yaml]}\n")
    (folder / "events" / "more.yaml").write_text("[]\n")
    (diag,) = load(folder).diagnostics
    assert (diag.code, diag.hint) == ("file-unused", "list it under `files: events:` in scenario.yaml, or delete it "
                                                     "if it is left over")


def test_an_unread_tag_is_hinted_towards_the_read_tag_it_resembles(tmp_path: Path) -> None:
    result = load(broken("tag_unread", tmp_path))
    assert [d.hint for d in sorted(result.diagnostics, key=lambda d: (d.file, d.line))] == [
        "map it to a role under `strategy_tags` in scenario.yaml, test it with `played: {tag: ...}`, or remove it",
        "did you mean 'military'?",
        "did you mean 'us'?",
    ]


def test_a_misspelling_on_the_reading_side_is_left_to_its_own_warning(tmp_path: Path) -> None:
    result = load(broken("strategy_tag_typo", tmp_path))  # strategy_tags names 'uss'; the action carries 'us'
    assert [d.code for d in result.diagnostics] == ["unknown-tag"]


def test_a_tag_misspelt_where_it_is_carried_is_pointed_at_from_where_it_is_read(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "isles", "--lang", "en"]) == 0
    actions = tmp_path / "isles" / "actions.yaml"
    actions.write_text(actions.read_text().replace("tags: [alliance, military]", "tags: [alliance, militry]"))
    result = load("isles")
    slip = ("'militry' at isles/actions.yaml:11:20 looks like a slip for it: write 'military' there "
            "(or, if 'militry' is the spelling you want, write 'militry' here)")
    assert [(d.code, d.location().rsplit("/", 1)[1], d.hint) for d in result.diagnostics] == [
        ("unknown-id", "rules.yaml:17:25", slip), ("unknown-id", "rules.yaml:22:31", slip),
        ("unknown-tag", "scenario.yaml:74:14", slip)]


def test_a_missing_answer_text_is_located_at_the_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "isles", "--lang", "en"]) == 0
    en = tmp_path / "isles" / "loc" / "en.yaml"
    en.write_text("".join(line for line in en.read_text().splitlines(keepends=True)
                          if not line.startswith("event.fishing_dispute.choice.stand_firm:")))
    (diag,) = load("isles").diagnostics
    assert (diag.code, diag.location()) == ("missing-text", "isles/events/crises.yaml:17:7")  # `- id: stand_firm`


def test_every_clean_fixture_stays_free_of_the_new_warnings() -> None:
    for name in ("mini", "northern_watch", "world"):
        result = load(FIXTURES / name)
        assert result.ok and result.diagnostics == [], [d.format() for d in result.diagnostics]


def test_impossible_conditions_in_requirements_and_triggers_keep_their_own_codes(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", folder)
    actions = (folder / "actions.yaml").read_text()
    (folder / "actions.yaml").write_text(actions.replace(
        "    - flag: {id: unlocked}\n", "    - flag: {id: unlocked}\n    - all: [{turn: {min: 4}}, {turn: {max: 3}}]\n"))
    (diag,) = load(folder).diagnostics
    assert (diag.code, diag.message) == ("never-legal", "action 'locked' can never be taken: the turn cannot be both at "
                                                        "least 4 and at most 3 (min 4 and max 3 in the same list)")


def test_validate_prints_the_new_warnings_and_still_passes(tmp_path: Path) -> None:
    folder = broken("condition_impossible", tmp_path)
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "validate", str(folder)], capture_output=True, text=True)
    assert run.returncode == 0 and "Traceback" not in run.stdout + run.stderr
    assert (f"{folder}/rules.yaml:30:17: warning[condition-impossible]: rule 'late': this condition can never hold: "
            f"the turn is never above 6, but this asks for at least 7\n"
            f"    hint: the game has 6 turns (`turns` in scenario.yaml)") in run.stdout
    assert run.stdout.rstrip().endswith(f"{folder}: ok")


# --- the balance lab: actions only random play takes -------------------------------------------------

def _lab(taken: dict[str, dict[str, float]]) -> dict[str, Any]:
    players = [{"id": "random", "kind": "random", "games": 60}, {"id": "hedge", "kind": "strategy", "games": 60},
               {"id": "own", "kind": "own", "games": 60}]
    return {"players": players, "events": [], "choices": [], "verdict": [],
            "actions": [{"id": a, "flag": None, "marginal": None, "taken": t} for a, t in taken.items()]}


def test_an_action_only_random_play_takes_is_a_balance_warning_at_its_line() -> None:
    data = _lab({"drills": {"random": 1.2, "hedge": 0.0, "own": 0.0}, "summit": {"random": 1.0, "hedge": 0.1, "own": 0}})
    places = {("action", "drills"): Place("s/actions.yaml", 3, 7)}
    (w,) = balance_warnings(data, places, "s")
    assert (w.code, w.file, w.line, w.col) == ("balance-no-strategy-takes", "s/actions.yaml", 3, 7)
    assert w.message == "action `drills` is taken only by random play: none of the 2 strategies takes it in 60 games each"
    assert w.hint == ("no strategy's rules reach it: give it a tag that `strategy_tags` maps to a role, or make it "
                      "worth taking; an action only a random player takes is not a choice")


def test_an_action_nobody_takes_keeps_its_own_warning_only() -> None:
    data = _lab({"drills": {"random": 0.0, "hedge": 0.0, "own": 0.0}})
    data["actions"][0]["flag"] = "never_taken"
    assert [w.code for w in balance_warnings(data, {}, "s")] == ["balance-never-taken"]

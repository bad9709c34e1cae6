"""The living world's mechanisms with exact values, on tests/fixtures/world.

Engagement and drift toward baselines, what the player did lately, repeated actions yielding less,
standing programmes (upkeep, lapse, withdrawal), the other actors' moves and their reasons,
declared endings and the end_game effect, and assumptions switched off at load.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from gaiko_game.core import Game, IllegalAction, Order, Scenario, Texts, Withdraw
from gaiko_game.core.conditions import Engaged
from gaiko_game.core.plugins import Condition
from gaiko_game.core.report import score_of
from gaiko_game.core.text import Msg
from gaiko_game.lab.checks import measure
from gaiko_game.lab.experiment import Lab, Plan
from gaiko_game.scenario.bundled import bundled
from gaiko_game.scenario.expectations import read_tests
from gaiko_game.scenario.loader import load
from gaiko_game.session.players import make_policy
from gaiko_game.session.policies import play_turn
from gaiko_game.session.seeding import new_game, stream
from gaiko_game.session.simulate import simulate
from tests.conftest import FIXTURES, NORTHERN, ROOT, load_ok
from tests.support import state

WORLD = FIXTURES / "world"


@pytest.fixture(scope="module")
def world() -> Scenario:
    return load_ok(WORLD)


def deltas(g: Game, key: str, kind: str | None = None, turn: int | None = None) -> list[int]:
    return [c.delta for c in g.ledger if c.key == key and (kind is None or c.cause.kind == kind)
            and (turn is None or c.turn == turn)]


def keep_ally(g: Game) -> None:
    """Pledge to the ally (so the alliance does not rupture) and end the turn."""
    g.apply(Order("pledge"))
    assert g.end_turn() is not None


# --- engagement, drift, what was played lately ----------------------------------------------------

def test_relations_drift_back_to_their_baseline_unless_engaged(world: Scenario) -> None:
    g = new_game(world, 1)
    keep_ally(g)  # turn 1: the partner is not engaged → 40 drifts 6 toward its baseline of 20
    assert deltas(g, "relation.partner", "rule") == [-6]
    g.apply(Order("visit", "partner"))  # turn 2: engaged (its target) → no drift this turn nor next
    keep_ally(g)
    keep_ally(g)  # turn 3: engaged 1 turn ago, within 1
    assert deltas(g, "relation.partner", "rule") == [-6]
    keep_ally(g)  # turn 4: 2 turns ago → drifts again
    keep_ally(g)  # turn 5: 34 − 6 = 28, then 22 …
    keep_ally(g)  # turn 6: … and it stops at the baseline, 20
    assert deltas(g, "relation.partner", "rule") == [-6, -6, -6, -2]
    assert g.view.relation("partner") == 20
    assert g.view.last_engaged("partner") == 2 and g.view.last_engaged("ally") == 6


def test_a_difficulty_sets_how_fast_relations_drift(world: Scenario) -> None:
    g = new_game(world, 1, difficulty="calm")  # drift 0.5: 6 → 3
    keep_ally(g)
    assert deltas(g, "relation.partner", "rule") == [-3]


def test_played_within_reads_what_the_player_did_lately(world: Scenario) -> None:
    g = new_game(world, 1)
    g.apply(Order("visit", "partner"))
    keep_ally(g)  # turn 1: played this turn
    keep_ally(g)  # turn 2: played 1 turn ago, within 1
    keep_ally(g)  # turn 3: 2 turns ago: no dividend
    assert [c.turn for c in g.ledger if c.cause.id == "partner_dividend"] == [1, 2]


def test_engagement_is_explained_with_when_it_last_happened(world: Scenario) -> None:
    g = new_game(world, 1)
    engaged = Engaged(actor="partner", within=1)
    texts = Texts(world.loc, "en")
    assert texts.render(engaged.explain(state(g), None)) == (
        "engaged EN actor.partner this turn or the turn before (never yet)")
    g.apply(Order("visit", "partner"))
    assert texts.render(engaged.explain(state(g), None)).endswith("(this turn)")


# --- repeated actions yield less --------------------------------------------------------------------

def test_a_repeated_action_yields_less_and_its_preview_says_so(world: Scenario) -> None:
    g = new_game(world, 1)
    gains = []
    for turn in range(1, 6):
        p = g.preview(Order("visit", "partner"))
        assert (p.repeats, p.scale) == ((0, 1.0), (1, 0.75), (2, 0.5), (2, 0.5), (2, 0.5))[turn - 1]
        assert [c.delta for c in p.now if c.key == "meter.prosperity"] == [[4], [3], [2], [2], [2]][turn - 1]
        g.apply(Order("visit", "partner"))
        gains.append(deltas(g, "meter.prosperity", "action", turn))
        keep_ally(g)
    assert gains == [[4], [3], [2], [2], [2]]  # memory 3: uses 2 and 3 turns back still count, 4 no longer


def test_costs_are_never_scaled_down(world: Scenario) -> None:
    g = new_game(world, 1)
    for _ in range(3):
        g.apply(Order("pledge"))
        g.end_turn()
    assert deltas(g, "meter.security", "action") == [-2, -2, -2]  # the pledge's cost in security stays whole
    assert deltas(g, "track.commitment", "action") == [8, 6, 4]


# --- standing programmes -------------------------------------------------------------------------

def test_a_programme_acts_each_turn_charges_upkeep_and_cannot_be_taken_twice(world: Scenario) -> None:
    g = new_game(world, 1)
    g.apply(Order("programme"))
    assert g.view.commitments() == {"programme": 1} and g.view.upkeep() == 2
    assert Order("programme") not in g.legal_actions()
    assert g.reasons(Order("programme"))[0] == Msg.of("refuse.committed", since=1)
    with pytest.raises(IllegalAction):
        g.apply(Order("programme"))
    keep_ally(g)
    assert g.reports[-1].programmes == (("programme", "started"),)
    assert deltas(g, "meter.security", "commitment") == [3]
    assert deltas(g, "capital", "upkeep") == [-2]  # charged with turn 2's news


def test_withdrawing_a_programme_costs_what_it_says_and_can_be_undone(world: Scenario) -> None:
    g = new_game(world, 1)
    g.apply(Order("programme"))
    keep_ally(g)
    assert g.withdrawals() == [Withdraw("programme")]
    before = g.fingerprint()
    g.play(Withdraw("programme"))
    assert g.view.commitments() == {} and deltas(g, "relation.ally", "withdrawn") == [-10]
    assert g.undo() == Withdraw("programme") and g.fingerprint() == before
    g.withdraw("programme")
    keep_ally(g)
    assert g.reports[-1].programmes == (("programme", "withdrawn"),)
    assert deltas(g, "meter.security", "commitment") == [3]  # no longer acts
    with pytest.raises(IllegalAction):
        g.withdraw("programme")


def test_a_programme_whose_upkeep_cannot_be_paid_lapses(world: Scenario) -> None:
    g = new_game(world, 1, difficulty="broke")  # no income: 4 capital to start
    g.apply(Order("programme"))
    g.apply(Order("visit", "partner"))  # 4 − 2 − 1 = 1 left, below the upkeep of 2
    keep_ally(g)
    assert g.view.commitments() == {}
    assert deltas(g, "relation.ally", "lapsed") == [-10] and deltas(g, "capital", "upkeep") == []
    g.end_turn()
    assert g.reports[-1].programmes == (("programme", "lapsed"),)


# --- the other actors' moves ---------------------------------------------------------------------

def test_an_actor_moves_when_its_conditions_hold_at_most_once_a_turn(world: Scenario) -> None:
    g = new_game(world, 1)
    for _ in range(2):
        g.apply(Order("visit", "rival"))  # the rival's trade move becomes certain …
        g.end_turn()
    moves = [(f.turn, f.event) for f in g.fired if world.event(f.event).actor == "rival"]  # type: ignore[union-attr]
    assert [t for t, _ in moves] == [1, 2]  # … but an actor makes one move a turn
    assert moves[0] == (1, "rival_trade")  # turn 1: the alliance is at 30, above the probe's 25
    assert deltas(g, "meter.prosperity", "move", 1) == [2]
    why = Texts(world.loc, "en").render(next(f.why for f in g.fired if f.event == "rival_trade"))
    assert why == "Made likelier by: engaged EN actor.rival this turn or the turn before (this turn)"


def test_a_move_names_the_conditions_that_made_it_possible(world: Scenario) -> None:
    g = new_game(world, 2)
    g.end_turn()  # turn 1: commitment 30 → 20
    g.end_turn()  # turn 2: 20 ≤ 25 → the rival probes
    probe = next(f for f in g.fired if f.event == "rival_probe")
    assert probe.turn == 2 and deltas(g, "meter.security", "move") == [-3]
    assert Texts(world.loc, "en").render(probe.why) == "Because: EN track.commitment at most 25 (now 20)"


def test_a_difficulty_sets_how_often_actors_move(world: Scenario) -> None:
    g = new_game(world, 2, difficulty="calm")  # move_chance 0: even certain moves wait
    g.apply(Order("visit", "rival"))
    g.end_turn()
    g.end_turn()
    assert [f.event for f in g.fired if f.event.startswith("rival_")] == []


# --- endings --------------------------------------------------------------------------------------

def test_a_declared_ending_ends_the_game_when_its_conditions_hold(world: Scenario) -> None:
    g = new_game(world, 3)
    for _ in range(3):
        g.end_turn()  # commitment 30 → 20 → 10 → 0
    outcome = g.outcome()
    assert g.is_over and outcome is not None and (outcome.ending, outcome.turns) == ("rupture", 3)


def test_an_end_game_effect_ends_the_game_at_the_end_of_the_turn(world: Scenario) -> None:
    g = new_game(world, 3)
    g.apply(Order("provoke"))
    assert not g.is_over
    g.end_turn()
    outcome = g.outcome()
    assert outcome is not None and (outcome.ending, outcome.turns) == ("clash", 1)


# --- assumptions ----------------------------------------------------------------------------------

def test_switching_an_assumption_off_removes_what_encodes_it(world: Scenario) -> None:
    off = load(WORLD, without=["rival_pressures", "rupture_ends"]).scenario
    assert off is not None and off.without == ("rival_pressures", "rupture_ends")
    assert {e.id for e in world.events} - {e.id for e in off.events} == {"rival_probe"}
    assert [e.id for e in off.endings] == ["clash"]
    assert off.content_hash == world.content_hash + "-without-rival_pressures+rupture_ends"
    g = new_game(off, 3)
    for _ in range(8):
        g.end_turn()
    outcome = g.outcome()
    assert outcome is not None and outcome.ending == "completed"  # no rupture, no probes


def test_an_unknown_assumption_is_a_located_error() -> None:
    result = load(WORLD, without=["rival_pressure"])
    assert result.scenario is None
    (d,) = [d for d in result.diagnostics if d.is_error]
    assert d.message == "no assumption 'rival_pressure' to switch off" and d.hint == "did you mean 'rival_pressures'?"
    assert d.file.endswith("scenario.yaml") and d.line > 0


def test_the_lab_and_scenario_tests_play_without_an_assumption(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    shutil.copytree(WORLD, folder)
    (folder / "tests.yaml").write_text(
        "format: 1\ntests:\n"
        "  - {id: ruptures, loses: do_nothing, at_least: 100, seeds: 5}\n"
        "  - {id: lowest_without_it, loses: do_nothing, at_least: 100, seeds: 5, without: [rupture_ends]}\n",
        encoding="utf-8")
    sc = load_ok(folder)
    outcomes = measure(sc, folder, read_tests(folder).tests)
    assert [(o.test.id, o.measured, o.passed) for o in outcomes] == [("ruptures", 100.0, True),
                                                                      ("lowest_without_it", 100.0, True)]
    off = load(folder, ["rupture_ends"]).scenario
    assert off is not None
    data = Lab(off, folder, Plan(seeds=5, advisor_seeds=0, search_budget=0, ablation=False,
                                 without=("rupture_ends",))).run()
    assert data["settings"]["without"] == ["rupture_ends"]
    nothing = next(p for p in data["players"] if p["id"] == "do_nothing")
    assert nothing["endings"] == {"completed": 5}  # played to the end without the rupture …
    assert nothing["lost"] == 1.0 and nothing["ratings"] == {"good": 0, "bad": 5}  # … but lost all the same: rated lowest


def _conditions(obj: object, seen: set[int]) -> list[Condition]:
    """Every condition anywhere in a scenario (its events, moves, rules, actions, labels, endings…)."""
    if id(obj) in seen:
        return []
    seen.add(id(obj))
    found: list[Condition] = [obj] if isinstance(obj, Condition) else []
    if isinstance(obj, (tuple, list)):
        for item in obj:
            found += _conditions(item, seen)
    elif isinstance(obj, dict):
        for item in obj.values():
            found += _conditions(item, seen)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            found += _conditions(getattr(obj, f.name), seen)
    return found


@pytest.mark.parametrize("folder", [*bundled(), NORTHERN])
def test_every_conditions_fast_test_gives_the_same_answer_as_its_test(folder: Path) -> None:
    """The hot loops call ``fast()``; it must agree with ``test()`` on every condition, in every state met."""
    sc = load_ok(folder)
    conds = _conditions(sc, set())
    kinds = {type(c).__name__ for c in conds}
    if folder.name == "indo_pacific_2025":
        assert {"Not", "AnyOf", "Engaged", "Played", "RelationRange", "FlagSet", "Committed"} <= kinds, kinds
    targets = [None, *(a.id for a in sc.actors)]
    checked = 0
    for seed in range(6):
        game = new_game(sc, seed, undo=False)
        policy = make_policy("random", stream(seed, "policy"))
        while not game.is_over:
            s = state(game)
            for c in conds:
                fast = c.fast()
                for target in targets:
                    assert fast(s, target) == c.test(s, target), (type(c).__name__, c, target)
                    checked += 1
            play_turn(game, policy)
    assert checked > 1_000


DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def test_a_lead_at_turn_12_is_lost_by_turn_24_without_work() -> None:
    """No snowball: a game played well to turn 12 and then left alone (turns ended, crises left to their defaults)
    ends lower than it stood at turn 12, in every game, and by a wide margin on average."""
    sc = load_ok(DEFAULT)
    drops = []
    for seed in range(12):
        game = new_game(sc, seed, undo=False, explain=False)
        policy = make_policy("hedge", stream(seed, "policy"), sc, DEFAULT)
        while not game.is_over and game.turn <= 12:
            play_turn(game, policy)
        at_12 = score_of(game.view.meters())
        while not game.is_over:
            report = game.end_turn()
            while report is None:
                report = game.choose(game.default_choice() or "")
        outcome = game.outcome()
        assert outcome is not None
        drops.append(at_12 - outcome.score)
    assert min(drops) > 0 and sum(drops) / len(drops) >= 10, drops


def test_difficulty_is_felt_by_good_play_not_only_by_random_play() -> None:
    """Each level moves the hedge's result, not only its starting values: gentle > standard > hard, by margins."""
    sc = load_ok(DEFAULT)
    means = {level: sum(r.score for r in simulate(sc, "hedge", 0, 30, level, DEFAULT)) / 30
             for level in ("gentle", "standard", "hard")}
    assert means["gentle"] > means["standard"] + 3 and means["standard"] > means["hard"] + 8, means

"""The event engine, one trigger kind at a time, on tests/fixtures/eventlab."""

from __future__ import annotations

import pytest

from gaiko_game.core import Choose, Game, Order, Scenario
from gaiko_game.core.text import Texts
from gaiko_game.session.seeding import new_game, stream
from tests.conftest import FIXTURES, load_ok
from tests.support import state


@pytest.fixture(scope="module")
def lab() -> Scenario:
    return load_ok(FIXTURES / "eventlab")


def end(g: Game, answers: dict[str, str] | None = None) -> None:
    """End the turn, answering crises from ``answers`` or with their defaults."""
    report = g.end_turn()
    while report is None:
        ev = g.pending_crisis
        assert ev is not None
        report = g.choose((answers or {}).get(ev.id) or g.default_choice() or "")


def counter(g: Game, name: str) -> int:
    return g.view.number(f"counter.{name}")


def fired_turns(g: Game, event: str) -> list[int]:
    return [f.turn for f in g.fired if f.event == event]


def test_scheduled_event_fires_once_in_its_window(lab: Scenario) -> None:
    g = new_game(lab, 1)
    for _ in range(5):
        end(g)
    assert fired_turns(g, "scheduled") == [2]
    assert counter(g, "scheduled") == 1


def test_condition_and_cooldown(lab: Scenario) -> None:
    g = new_game(lab, 1)
    end(g)
    assert fired_turns(g, "conditional") == []
    g.apply(Order("arm"))
    for _ in range(5):
        end(g)
    assert fired_turns(g, "conditional") == [3, 5, 7]  # armed during turn 2; news comes at turn starts


def test_max_times(lab: Scenario) -> None:
    g = new_game(lab, 1)
    for _ in range(5):
        end(g)
    assert fired_turns(g, "capped") == [1, 2]


def test_mutually_exclusive_group_fires_one_member_a_turn_chosen_by_the_deal(lab: Scenario) -> None:
    g = new_game(lab, 1)
    for _ in range(5):
        end(g)
    a, b = fired_turns(g, "grouped_a"), fired_turns(g, "grouped_b")
    assert sorted(a + b) == [1, 2, 3, 4, 5, 6]  # both are certain: exactly one of the pair every turn
    assert a and b  # the deal, not the file order, picks which
    again = new_game(lab, 1)
    for _ in range(5):
        end(again)
    assert fired_turns(again, "grouped_a") == a  # the same seed deals the same way


def test_hidden_events_act_but_are_marked_hidden(lab: Scenario) -> None:
    g = new_game(lab, 1)
    assert [f.hidden for f in g.fired if f.event == "hidden_drift"] == [True]
    assert [(c.key, c.delta, c.cause.kind) for c in g.ledger if c.cause.id == "hidden_drift"] == [
        ("relation.china", -1, "event")]


def test_chance_modifier(lab: Scenario) -> None:
    g = new_game(lab, 1)
    g.apply(Order("arm"))
    end(g)
    assert fired_turns(g, "modified") == []
    g.apply(Order("arm"))
    end(g)
    assert fired_turns(g, "modified") == [3]


def test_why_an_event_fired_names_its_trigger_and_condition(lab: Scenario) -> None:
    g = new_game(lab, 1)
    g.apply(Order("arm"))
    end(g)
    why = next(f.why for f in g.fired if f.event == "conditional")
    en, ja = Texts(lab.loc, "en").render(why), Texts(lab.loc, "ja").render(why)
    assert en == "Because: EN counter.armed at least 1 (now 1)"
    assert ja == "条件：JA counter.armedが1以上（現在1）"
    scheduled = next(f.why for f in g.fired if f.event == "scheduled")
    assert Texts(lab.loc, "en").render(scheduled) == "Scheduled for turns 2–3"


def test_situation_starts_persists_and_stops_without_flicker(lab: Scenario) -> None:
    g = new_game(lab, 1)
    g.apply(Order("shock"))  # security 50 → 38: the start threshold (≤ 40) holds
    end(g)  # turn 2's headline deals the storm: it is going on, and announced
    assert "storm" in g.view.situations() and [e.id for e in g.announced] == ["storm"]
    end(g)  # answered (weather: 38 + 1); the storm costs its first turn
    assert "storm" in g.view.situations()
    assert [c.delta for c in g.ledger if c.cause.kind == "situation"] == [-2]
    g.apply(Order("recover"))  # 39 + 3 = 42: above the start threshold, below the stop threshold (≥ 45)
    end(g)
    assert "storm" in g.view.situations()  # no flicker: it goes on until security reaches 45
    g.apply(Order("recover"))
    end(g)
    assert "storm" not in g.view.situations()
    assert g.reports[-1].ended == ("storm",)
    assert [c.delta for c in g.ledger if c.cause.kind == "situation"] == [-2, -2, -2]


def test_a_choice_can_end_a_situation(lab: Scenario) -> None:
    g = new_game(lab, 1)
    g.apply(Order("shock"))
    end(g)
    assert "storm" in g.view.situations()
    end(g, {"storm": "end_it"})  # answered before the world phase: it never costs a turn
    assert g.reports[-1].ended == ("storm",)
    assert [c for c in g.ledger if c.cause.kind == "situation"] == []
    assert g.view.situations() == {"storm": 3}  # security is still ≤ 40, so turn 3's headline deals it again


def test_three_step_chain_with_delays(lab: Scenario) -> None:
    g = new_game(lab, 1)
    for _ in range(8):
        end(g, {"c1": "go", "c2": "go"})
    assert fired_turns(g, "c1") == [5]
    assert fired_turns(g, "c2") == [6]
    assert fired_turns(g, "c3") == [8]
    assert next(f.why for f in g.fired if f.event == "c3").key == "fired.follow_up"


def test_chain_stops_when_the_player_declines(lab: Scenario) -> None:
    g = new_game(lab, 1)
    for _ in range(8):
        end(g)
    assert fired_turns(g, "c1") == [5] and fired_turns(g, "c2") == [] and fired_turns(g, "c3") == []


def test_default_choice_is_taken_when_unanswered(lab: Scenario) -> None:
    g = new_game(lab, 1)
    for _ in range(4):
        end(g)
    assert g.end_turn() is None and g.pending_crisis is not None and g.pending_crisis.id == "c1"
    assert g.default_choice() == "stay"
    g.choose_default()
    assert counter(g, "stay") == 1
    assert g.history[-1] == Choose("stay")  # the log records the default like any answer, so replays match


@pytest.mark.parametrize("seed", range(8))
def test_crisis_odds_are_rolled_from_the_seeded_stream(lab: Scenario, seed: int) -> None:
    g = new_game(lab, seed)
    for _ in range(7):
        end(g, {"c1": "go", "c2": "go"})
    assert g.pending_crisis is None and g.turn == 8
    expected = state(g).rolls.copy().chance(0.5)  # the next draw of the rolls stream, taken by the choice's roll
    assert g.end_turn() is None and g.pending_crisis is not None and g.pending_crisis.id == "c3"
    g.choose("gamble")
    roll = g.rolls[-1]
    assert roll.p == 0.5 and roll.success is expected
    assert [c.delta for c in g.ledger if c.cause.id == "c3.gamble"] == ([5] if expected else [-5])


def test_preview_shows_the_odds_before_choosing(lab: Scenario) -> None:
    g = new_game(lab, 3)
    for _ in range(7):
        end(g, {"c1": "go", "c2": "go"})
    g.end_turn()
    p = g.preview_choice("gamble")
    assert p.odds == 0.5
    assert [(c.key, c.delta) for c in p.now] == [("meter.prosperity", 5)]
    assert [(c.key, c.delta) for c in p.failure_now] == [("meter.prosperity", -5)]


def test_the_deck_never_draws_from_the_rolls_stream(lab: Scenario) -> None:
    g = new_game(lab, 5)
    for _ in range(3):
        end(g)
    assert state(g).rolls == stream(5, "rolls")  # events fired and crises were dealt, but no roll was made


def test_follow_ups_respect_once_and_max_times(lab: Scenario) -> None:
    import dataclasses

    from gaiko_game.core.model import TriggerDef

    c2 = next(e for e in lab.events if e.id == "c2")
    limited = dataclasses.replace(c2, trigger=TriggerDef(chance=c2.trigger.chance, once=True))
    sc = dataclasses.replace(lab, events=tuple(limited if e.id == "c2" else e for e in lab.events))
    g = new_game(sc, 1)
    state(g).follow_ups = [(2, "c2", "c1"), (3, "c2", "c1")]  # due with turn 2's and turn 3's headlines
    end(g)
    end(g)
    end(g)
    assert fired_turns(g, "c2") == [2]


def test_the_same_follow_up_due_twice_in_a_turn_comes_once(lab: Scenario) -> None:
    g = new_game(lab, 1)
    state(g).follow_ups = [(2, "c2", "c1"), (2, "c2", "c1"), (2, "c2", "c3")]
    end(g)
    assert [e.id for e in g.announced] == ["c2"] and state(g).follow_ups == []
    end(g)
    assert fired_turns(g, "c2") == [2]


def test_a_turn_deals_at_most_the_engines_cap_of_crises_and_the_rest_wait(lab: Scenario) -> None:
    import dataclasses

    from gaiko_game.core.model import CRISES_PER_TURN

    c3 = next(e for e in lab.events if e.id == "c3")
    clones = tuple(dataclasses.replace(c3, id=f"flood_{i}") for i in range(CRISES_PER_TURN + 5))
    sc = dataclasses.replace(lab, events=lab.events + clones)
    g = new_game(sc, 1)
    state(g).follow_ups = [(2, e.id, "c1") for e in clones]
    end(g)
    end(g)
    assert [fired_turns(g, e.id) for e in clones] == [[2]] * CRISES_PER_TURN + [[3]] * 5

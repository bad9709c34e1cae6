"""Real dice for the printed kit: a class may roll two ten-sided dice (01–100) for an action's or an answer's odds,
and the roll rides in the decision, so the game still replays and verifies (issue 15)."""

from __future__ import annotations

import pytest

from gaiko_game.core import Choose, Game, IllegalAction, IllegalChoice, Order, Scenario
from gaiko_game.core.decisions import parse_decision
from gaiko_game.core.rng import dice_needed
from gaiko_game.session.seeding import new_game
from tests.support import set_number, state


@pytest.mark.parametrize(("p", "needed"), [(0.5, 50), (0.655, 66), (0.645, 65), (0.8, 80), (0.0, 0), (1.0, 100),
                                           (0.004, 0), (0.005, 1), (0.999, 100)])
def test_dice_needed_is_the_chance_in_whole_percent_rounded_half_up(p: float, needed: int) -> None:
    assert dice_needed(p) == needed


@pytest.mark.parametrize(("roll", "prosperity", "success"), [(50, 60, True), (1, 60, True), (51, 40, False),
                                                             (100, 40, False)])
def test_a_real_roll_decides_the_action_up_to_the_needed_number(game: Game, roll: int, prosperity: int,
                                                                success: bool) -> None:
    before = state(game).rolls.position()
    game.apply(Order("gamble", None, roll))
    assert game.view.meters()["prosperity"] == prosperity
    assert game.rolls[-1].success is success and game.rolls[-1].dice == roll and game.rolls[-1].p == 0.5
    assert state(game).rolls.position() == before  # the game's own stream did not draw


def test_a_rolled_decision_is_logged_and_replays(mini: Scenario) -> None:
    g = new_game(mini, 7)
    g.apply(Order("gamble", None, 73))
    assert [str(d) for d in g.history] == ["gamble#73"]
    again = new_game(mini, 7)
    for d in g.history:
        again.play(parse_decision(str(d)))
    assert again.fingerprint() == g.fingerprint() and again.view.meters()["prosperity"] == 40


@pytest.mark.parametrize("roll", [0, 101, 999])
def test_a_roll_out_of_range_is_refused_with_a_reason(game: Game, roll: int) -> None:
    with pytest.raises(IllegalAction) as e:
        game.apply(Order("gamble", None, roll))
    assert "1–100" in e.value.text("en") and str(roll) in e.value.text("en")
    assert game.history == [] and game.view.capital == 5


def test_no_dice_for_what_cannot_fail(game: Game) -> None:
    with pytest.raises(IllegalAction) as e:
        game.apply(Order("drills", None, 40))
    assert "cannot fail" in e.value.text("en") and "サイコロ" in e.value.text("ja")
    assert game.history == []


def test_a_crisis_answer_takes_a_roll_too(default: Scenario) -> None:
    """An answer with odds in the default scenario takes a real roll, decided at the needed number."""
    ev, c = next((e, c) for e in default.events for c in e.choices if c.odds is not None and not c.odds.modifiers)
    assert c.odds is not None
    needed = dice_needed(c.odds.base)
    for roll, success in ((needed, True), (needed + 1, False)):
        g = new_game(default, 3)
        g.deal(ev.id)
        set_number(g, "capital", 50)
        g.end_turn()
        while g.pending_crisis is not None and g.pending_crisis.id != ev.id:
            g.choose(g.default_choice() or "")
        assert g.pending_crisis is not None and c.id in g.legal_choices()
        g.choose(c.id, roll)
        assert g.rolls[-1].dice == roll and g.rolls[-1].success is success
        assert Choose(c.id, roll) in g.history and f"choose:{c.id}#{roll}" in [str(d) for d in g.history]
    g = new_game(default, 3)
    g.deal(ev.id)
    g.end_turn()
    while g.pending_crisis is not None and g.pending_crisis.id != ev.id:
        g.choose(g.default_choice() or "")
    certain = next((x for x in ev.choices if x.odds is None and x.id in g.legal_choices()), None)
    if certain is not None:
        with pytest.raises(IllegalChoice):
            g.choose(certain.id, 10)


def test_parse_refuses_a_roll_on_decisions_that_take_none() -> None:
    for text in ("end#4", "deal:x#4", "veto:x#4", "withdraw:x#4", "gamble#", "gamble#x", "gamble#1000"):
        with pytest.raises(ValueError):
            parse_decision(text)
    assert parse_decision("summit@india#7") == Order("summit", "india", 7)
    assert str(Choose("hold", 100)) == "choose:hold#100"

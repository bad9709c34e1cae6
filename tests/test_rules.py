"""The rules, with exact values, on the small fixture scenario (tests/fixtures/mini)."""

from __future__ import annotations

import pytest

from gaiko_game.core import (
    EndTurn,
    Game,
    IllegalAction,
    IllegalChoice,
    NothingToUndo,
    Order,
    Phase,
    Scenario,
    UnknownDifficulty,
    WrongPhase,
)
from gaiko_game.core.effects import MeterAdd
from gaiko_game.core.report import score_of
from gaiko_game.core.text import Msg
from gaiko_game.present.words import Words
from gaiko_game.session.seeding import new_game, stream
from tests.support import set_number, state


def finish_turn(g: Game, answer: str | None = None) -> None:
    report = g.end_turn()
    while report is None:
        report = g.choose(answer or g.default_choice() or "")


def test_start_state(game: Game) -> None:
    assert game.turn == 1 and game.phase is Phase.ACTIONS
    assert game.view.meters() == {"security": 50, "prosperity": 50, "autonomy": 50}
    assert game.view.capital == 5  # start 3 + income 2
    assert game.ledger[0].cause.kind == "income"


def test_action_pays_cost_and_applies_effects(game: Game) -> None:
    changes = game.apply(Order("drills"))
    assert game.view.capital == 3
    assert game.view.meters()["security"] == 55
    assert game.view.number("dep.security.us") == 85
    assert game.view.number("dep.security.india") == 15  # taken from the largest other share
    assert [c.key for c in changes] == ["capital", "meter.security", "dep.security.india", "dep.security.us"]
    assert all(c.cause.kind == "action" and c.cause.id == "drills" for c in changes)


def test_cooldown_refuses_with_turns_left(game: Game) -> None:
    game.apply(Order("drills"))
    with pytest.raises(IllegalAction) as refusal:
        game.apply(Order("drills"))
    assert "usable again in 2 turn" in str(refusal.value)
    assert "あと2ターン" in refusal.value.text("ja")


def test_not_enough_capital(game: Game) -> None:
    game.apply(Order("drills"))
    game.apply(Order("gamble"))
    game.apply(Order("slow"))
    game.apply(Order("key"))
    assert game.view.capital == 0
    reason = game.explain_illegal(Order("summit", "india"))
    assert reason is not None and reason.key == "refuse.capital"
    assert Order("summit", "india") not in game.legal_actions()


def test_requirement_explains_the_missing_flag(game: Game) -> None:
    with pytest.raises(IllegalAction) as refusal:
        game.apply(Order("locked"))
    assert "EN flag.unlocked" in str(refusal.value)
    game.apply(Order("key"))
    assert Order("locked") in game.legal_actions()


def test_targets_must_be_listed(game: Game) -> None:
    with pytest.raises(IllegalAction, match="Choose the target"):
        game.apply(Order("summit", "us"))
    with pytest.raises(IllegalAction, match="takes no target"):
        game.apply(Order("drills", "india"))
    game.apply(Order("summit", "china"))
    assert game.view.number("relation.china") == -10
    assert game.view.number("dep.trade.china") == 44
    assert game.view.number("dep.trade.us") == 37  # the 4 points come from the others in proportion: 40 and 20
    assert game.view.number("dep.trade.india") == 19  # give 2.67 and 1.33, rounded by largest remainder to 3 and 1


def test_a_shift_without_a_source_names_no_partner_as_its_loser(game: Game) -> None:
    """A bigger share for one partner leaves every other share a little smaller; the ledger marks those changes
    as spread, and the words show them as one line, "the others", never as a cut to one named partner."""
    game.apply(Order("summit", "china"))
    moved = [c for c in game.ledger if c.key.startswith("dep.trade.")]
    assert [(c.key, c.delta, c.spread) for c in moved] == [
        ("dep.trade.us", -3, True), ("dep.trade.india", -1, True), ("dep.trade.china", 4, False)]
    words = Words(game.scenario, "en").amounts(moved)
    assert words == ["EN dependency.trade (EN partner.china) +4", "EN dependency.trade (the others, in proportion) -4"]


def test_unknown_action_is_refused(game: Game) -> None:
    with pytest.raises(IllegalAction, match="no action called “fly”"):
        game.apply(Order("fly"))


def test_legal_actions_are_in_scenario_order(game: Game) -> None:
    assert [str(o) for o in game.legal_actions()] == [
        "drills", "summit@india", "summit@china", "gamble", "slow", "key"]


def test_odds_roll_uses_the_game_stream(mini: Scenario) -> None:
    for seed in range(6):
        g = new_game(mini, seed)
        expected = stream(seed, "rolls").chance(0.5)  # the first draw of the game's rolls stream
        g.apply(Order("gamble"))
        assert g.rolls[-1].success is expected and g.rolls[-1].p == 0.5
        assert g.view.meters()["prosperity"] == (60 if expected else 40)
        cause = g.ledger[-1].cause
        assert cause.kind == ("action" if expected else "action_failed")


def test_fading_and_delayed_effects_land_on_their_turns(game: Game) -> None:
    game.apply(Order("slow"))
    assert game.view.meters()["prosperity"] == 52  # 5 over 3 → 2 now
    finish_turn(game)  # world phase of turn 1: pressure −1; autonomy drifts
    assert game.view.meters()["prosperity"] == 52
    finish_turn(game)  # turn 2: crisis_a default "no" −2, fading step +2; turn 3 news +1
    assert game.view.meters()["prosperity"] == 52 - 2 + 2 + 1
    assert game.view.meters()["security"] == 50 - 1 - 1
    finish_turn(game)  # turn 3: last fading step +1; the security delayed by 2 turns lands
    assert game.view.meters()["prosperity"] == 53 + 1
    assert game.view.meters()["security"] == 48 - 1 + 4
    assert [c.turn for c in game.ledger if c.cause.id == "slow" and c.key == "meter.prosperity"] == [1, 2, 3]


def test_rules_react_to_military_moves(game: Game) -> None:
    game.apply(Order("drills"))
    finish_turn(game)
    assert game.view.number("track.tension") == 3
    assert game.view.number("relation.china") == -25
    assert [c.cause.id for c in game.ledger if c.key == "track.tension"] == ["answer"]


def test_autonomy_follows_diversification(game: Game) -> None:
    # security 80/0/20 → (1 − 0.68)/(2/3) = 0.48; trade 40/40/20 → (1 − 0.36)/(2/3) = 0.96
    assert game.view.diversification() == pytest.approx(0.72)
    assert game.view.target() == 72
    finish_turn(game)
    assert game.view.meters()["autonomy"] == 61  # 50 + round(0.5 × 22)
    assert [c.cause.kind for c in game.ledger if c.key == "meter.autonomy"] == ["diversification"]


def test_modifier_applies_each_turn_then_expires(game: Game) -> None:
    game.apply(Order("key"))
    finish_turn(game)
    assert game.view.meters()["prosperity"] == 51 and "boom" in game.view.modifiers()
    finish_turn(game)  # −2 crisis_a default, +1 boom; then turn 3's news +1
    assert game.view.meters()["prosperity"] == 51 and "boom" not in game.view.modifiers()
    assert [c.turn for c in game.ledger if c.cause.kind == "modifier"] == [1, 2]


def test_income_bonus_applies_while_its_condition_holds(game: Game) -> None:
    set_number(game, "capital", 0)
    set_number(game, "meter.prosperity", 65)
    finish_turn(game)
    assert [c.delta for c in game.ledger if c.cause.kind == "income"] == [2, 3]


def test_capital_is_capped(game: Game) -> None:
    finish_turn(game)  # 5 + 2 → capped at 6
    assert game.view.capital == 6
    assert [c.delta for c in game.ledger if c.cause.kind == "income"] == [2, 1]


def test_crisis_waits_for_a_choice(game: Game) -> None:
    finish_turn(game)
    assert game.end_turn() is None
    assert game.phase is Phase.CRISIS and game.pending_crisis is not None
    assert game.pending_crisis.id == "crisis_a"
    assert game.legal_actions() == []
    with pytest.raises(WrongPhase):
        game.end_turn()
    with pytest.raises(IllegalAction, match="answer the crisis first"):
        game.apply(Order("gamble"))
    with pytest.raises(IllegalChoice, match="no choice called"):
        game.choose("maybe")
    report = game.choose("yes")
    assert report is not None and report.turn == 2
    assert game.turn == 3 and game.phase is Phase.ACTIONS
    assert report.fired[0].event == "crisis_a" and report.fired[0].choice == "yes"


def test_follow_up_fires_after_its_delay(game: Game) -> None:
    finish_turn(game)
    finish_turn(game, "yes")
    assert game.end_turn() is None
    assert game.pending_crisis is not None and game.pending_crisis.id == "crisis_b"
    why = game.fired[-1].why
    assert why.key == "fired.follow_up"


def test_default_choice_is_the_scenarios(game: Game) -> None:
    finish_turn(game)
    game.end_turn()
    assert game.default_choice() == "no"


def test_choice_cost_is_checked(game: Game) -> None:
    finish_turn(game)
    set_number(game, "capital", 0)
    game.end_turn()
    assert game.legal_choices() == ["no"]
    with pytest.raises(IllegalChoice, match="Not enough Diplomatic Capital"):
        game.choose("yes")


def test_news_event_fires_at_turn_start(game: Game) -> None:
    finish_turn(game)
    finish_turn(game)
    assert game.turn == 3
    assert [f.event for f in game.fired if f.turn == 3] == ["news_x"]


def test_game_ends_after_last_turn_with_a_rating(game: Game) -> None:
    while not game.is_over:
        finish_turn(game)
    out = game.outcome()
    assert out is not None and out.ending == "completed" and out.turns == 6
    assert out.score == score_of(out.meters)
    assert out.rating == ("good" if out.score >= 60 else "ok" if out.score >= 40 else "bad")
    with pytest.raises(WrongPhase, match="game is over"):
        game.end_turn()


def test_a_meter_at_zero_ends_the_game_at_once(game: Game) -> None:
    set_number(game, "meter.security", 1)
    finish_turn(game)  # pressure −1
    assert game.is_over
    out = game.outcome()
    assert out is not None and out.ending == "security_collapse" and out.score == 0.0 and out.rating == "bad"


def test_score_is_the_geometric_mean() -> None:
    assert score_of({"a": 40, "b": 40, "c": 40}) == 40.0
    assert score_of({"a": 20, "b": 50, "c": 100}) == 46.4
    assert score_of({"a": 0, "b": 100, "c": 100}) == 0.0


def test_bounds_clamp_and_the_ledger_records_the_real_change(game: Game) -> None:
    set_number(game, "meter.security", 98)
    changes = game.apply(Order("drills"))
    assert game.view.meters()["security"] == 100
    assert [c.delta for c in changes if c.key == "meter.security"] == [2]


def test_undo_restores_state_and_logs(game: Game) -> None:
    before = game.fingerprint()
    game.apply(Order("drills"))
    assert game.can_undo() is None
    assert game.undo() == Order("drills")
    assert game.fingerprint() == before
    assert game.history == [] and game.rolls == []


def test_a_roll_once_seen_is_final(game: Game) -> None:
    game.apply(Order("drills"))
    game.apply(Order("gamble"))
    assert len(game.rolls) == 1
    assert game.can_undo() == Msg.of("refuse.undo_roll")
    with pytest.raises(NothingToUndo) as refused:
        game.undo()
    assert refused.value.text("en") == "A roll, once made, is final: it cannot be undone."
    assert game.history[-1] == Order("gamble") and len(game.rolls) == 1


def test_a_finished_turn_is_final(game: Game) -> None:
    game.end_turn()
    assert game.turn == 2
    with pytest.raises(NothingToUndo) as refused:
        game.undo()
    assert refused.value.text("ja") == "終わったターンは取り消せません。"
    assert game.history == [EndTurn()] and len(game.reports) == 1


def test_clone_diverges_independently(game: Game) -> None:
    other = game.clone()
    game.apply(Order("drills"))
    assert other.view.meters()["security"] == 50 and other.history == []
    other.apply(Order("drills"))
    assert other.fingerprint() == game.fingerprint()


def test_preview_matches_apply_without_touching_the_game(game: Game) -> None:
    before = game.fingerprint()
    p = game.preview(Order("slow"))
    assert game.fingerprint() == before
    assert [(c.key, c.delta) for c in p.now] == [("capital", -1), ("meter.prosperity", 2)]
    assert list(p.later) == [(1, MeterAdd(id="prosperity", by=2)), (2, MeterAdd(id="prosperity", by=1)),
                             (2, MeterAdd(id="security", by=4))]
    applied = game.apply(Order("slow"))
    assert [(c.key, c.delta) for c in applied] == [(c.key, c.delta) for c in p.now]


def test_preview_of_a_gamble_shows_both_outcomes(game: Game) -> None:
    p = game.preview(Order("gamble"))
    assert p.odds == 0.5
    assert [(c.key, c.delta) for c in p.now] == [("capital", -1), ("meter.prosperity", 10)]
    assert [(c.key, c.delta) for c in p.failure_now] == [("capital", -1), ("meter.prosperity", -10)]


def test_state_copy_covers_every_field(game: Game) -> None:
    from gaiko_game.core.state import State

    copy = state(game).copy()
    for name in State.__slots__:
        original, copied = getattr(state(game), name), getattr(copy, name)
        assert copied == original, name
        if isinstance(original, (dict, list, set)):
            assert copied is not original, f"{name} is shared, not copied"


def test_preview_shows_where_autonomy_heads(game: Game) -> None:
    # drills move 5 security points to the US: (1 − (85² + 15²)/100²)/(2/3) = 0.3825, with trade 0.96 → 67
    assert game.view.target() == 72
    assert game.preview(Order("drills")).target_shift == -5
    assert game.preview(Order("summit", "india")).target_shift == 1  # trade 40/40/20 → 40/36/24


def test_a_game_without_undo_plays_the_same_and_refuses_undo(mini: Scenario) -> None:
    with_undo, without = new_game(mini, 4), new_game(mini, 4, undo=False)
    for g in (with_undo, without):
        g.apply(Order("gamble"))
        finish_turn(g)
    assert with_undo.fingerprint() == without.fingerprint() and with_undo.ledger == without.ledger
    with pytest.raises(NothingToUndo, match="no undo history"):
        without.undo()
    assert without.clone().keeps_undo is False


def test_diversification_cache_follows_share_changes(game: Game) -> None:
    before = game.view.diversification()
    game.apply(Order("drills"))  # moves security shares
    assert game.view.diversification() < before
    fresh = new_game(game.scenario, 7)
    for key, value in state(game).nums.items():
        if key.startswith("dep."):
            set_number(fresh, key, value)
    assert game.view.diversification() == fresh.view.diversification()


def test_difficulty_changes_start_income_and_crisis_chance(default: Scenario) -> None:
    gentle, standard = new_game(default, 1, difficulty="gentle"), new_game(default, 1)
    assert standard.difficulty.id == "standard"
    assert gentle.view.meters() == {m: v + 10 for m, v in standard.view.meters().items()}
    assert gentle.view.capital == min(default.capital_cap, standard.view.capital + 2 + 1)
    with pytest.raises(UnknownDifficulty, match="no difficulty “impossible”; choose one of: gentle, standard, hard"):
        new_game(default, 1, difficulty="impossible")


def test_difficulty_is_recorded_and_replayed(default: Scenario) -> None:
    from gaiko_game.session.record import Record, rebuild

    g = new_game(default, 3, difficulty="hard")
    g.end_turn()
    again = rebuild(default, Record.of(g, 3))
    assert again.difficulty.id == "hard" and again.fingerprint() == g.fingerprint()


def test_every_reason_an_action_is_unavailable_is_given(game: Game) -> None:
    game.apply(Order("key"))  # 5 → 4 capital
    game.apply(Order("drills"))  # → 2; drills now cools down for 2 turns
    game.apply(Order("gamble"))  # → 1
    game.apply(Order("summit", "india"))  # → 0
    reasons = game.reasons(Order("drills"))
    assert [r.key for r in reasons] == ["refuse.cooldown", "refuse.capital"]
    with pytest.raises(IllegalAction) as refusal:
        game.apply(Order("drills"))
    assert str(refusal.value) == ("Still recovering: usable again in 2 turns. "
                                  "Not enough Diplomatic Capital: it costs 2 and you have 0.")
    assert refusal.value.text("ja") == "準備中です：あと2ターンで再び使えます。外交資本が足りません：必要 2、手元 0。"


def test_preview_refuses_an_unknown_action_as_apply_does_and_explains_an_unaffordable_one(game: Game) -> None:
    for call in (game.preview, game.apply):
        with pytest.raises(IllegalAction, match="no action called “fly”"):
            call(Order("fly"))
        with pytest.raises(IllegalAction, match="Choose the target"):
            call(Order("summit", "us"))
    set_number(game, "capital", 0)
    p = game.preview(Order("drills"))
    assert [r.key for r in p.reasons] == ["refuse.capital"]
    assert [(c.key, c.delta) for c in p.now if c.key == "meter.security"] == [("meter.security", 5)]
    assert game.preview(Order("summit", "india")).reasons != () and game.legal_actions() == []


def test_a_dealt_event_comes_when_the_turn_ends_and_is_in_the_log(game: Game) -> None:
    game.deal("crisis_b")
    assert game.end_turn() is None and game.pending_crisis is not None and game.pending_crisis.id == "crisis_b"
    assert game.fired[-1].why.key == "fired.dealt" and str(game.history[0]) == "deal:crisis_b"
    with pytest.raises(WrongPhase):
        game.deal("crisis_a")
    game.choose("calm")
    from gaiko_game.core import IllegalDeal

    with pytest.raises(IllegalDeal, match="no event called “nope”"):
        game.deal("nope")


def test_a_resampled_clone_draws_its_own_future(mini: Scenario) -> None:
    from gaiko_game.session.seeding import randomness

    g = new_game(mini, 3)
    same, other = g.clone(), g.clone(resample=randomness(4))
    assert same.fingerprint() == g.fingerprint() and other.fingerprint() != g.fingerprint()
    fresh = new_game(mini, 4)
    for copy in (g, same, other, fresh):
        copy.apply(Order("gamble"))
    assert same.rolls[-1] == g.rolls[-1]
    assert other.rolls[-1].success == fresh.rolls[-1].success  # the resampled copy rolls seed 4's dice


def test_the_view_reads_the_board_and_changes_nothing(game: Game) -> None:
    v = game.view
    assert v.meters() == {"security": 50, "prosperity": 50, "autonomy": 50} and v.capital == 5
    assert v.shares("trade") == {"us": 40, "china": 40, "india": 20} and v.dependency_kinds() == ("security", "trade")
    assert v.relation("china") == -20 and v.stance("china") == -100 and v.track("tension") == 2
    game.apply(Order("drills"))
    assert v.ready_in("drills") == 2 and v.played("military") == 1 and v.number("counter.none") == 0
    with pytest.raises(TypeError):
        v.chosen()["x"] = "y"  # type: ignore[index]

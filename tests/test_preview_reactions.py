"""Previews include the world's predictable reactions: the world rules a decision sets off, stops or changes at the
end of the turn, exactly, and how it moves the odds of the other actors' moves."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from gaiko_game.core import Fired, Game, Msg, Order, Scenario, TurnReport
from gaiko_game.core.ledger import Cause, Change
from gaiko_game.core.reactions import CHANGES, FIRES, NONE, STOPS, Reactions
from gaiko_game.present.actions import ActionRow, action_rows
from gaiko_game.present.crisis import crisis_card
from gaiko_game.present.words import words
from gaiko_game.session.seeding import new_game, stream
from tests.conftest import BUNDLED, NORTHERN, PLAYABLE, load_ok
from tests.support import set_number, state

INDO = BUNDLED[[p.name for p in BUNDLED].index("indo_pacific_2025")]
ANSWER = Cause("rule", "china_answers_military")


@pytest.fixture(scope="module")
def indo() -> Scenario:
    return load_ok(INDO)


def row(game: Game, lang: str, order: Order) -> ActionRow:
    return next(r for r in action_rows(game, words(game.scenario, lang)) if r.order == order)


# ── deterministic rules, shown exactly ───────────────────────────────────
def test_the_access_agreement_previews_chinas_answer_with_its_exact_numbers(indo: Scenario) -> None:
    g = new_game(indo, 1)
    fires = {r.rule: r for r in g.preview(Order("australia_raa")).reactions.rules if r.kind == FIRES}
    assert fires["china_answers_military"].changes == (Change(1, "track.tension", 2, 3, ANSWER),
                                                       Change(1, "relation.china", -20, -22, ANSWER))
    assert fires["china_answers_military"].unlisted == ()


def test_the_access_agreement_row_shows_the_answer_in_both_languages(indo: Scenario) -> None:
    g = new_game(indo, 1)
    en, ja = row(g, "en", Order("australia_raa")), row(g, "ja", Order("australia_raa"))
    assert en.world == (
        "Then the world: China answers US–Japan military moves (Regional Tension +1, Relation with China -2)",
        "Then the world: Relations return to their usual level (Relation with China +2, compared with not doing it)",
        "Then the world: Partners bring trade and investment (Prosperity +1)",
        "Then the world: Trusted partners add to deterrence (Security +1)",
        "Australia's move “Australia joins exercises with the Self-Defense Forces”: chance 0% → 30%",
    )
    assert ja.world[0] == "続いて世界の反応：「中国が日米の軍事的動きに対抗」（地域の緊張 +1、中国との関係 -2）"
    assert ja.world[-1] == "オーストラリアの動き「オーストラリアが自衛隊との共同訓練に参加する」：確率 0% → 30%"


def test_the_reactions_are_in_the_tooltip_and_under_the_terminal_line_not_in_it(indo: Scenario) -> None:
    r = row(new_game(indo, 1), "en", Order("australia_raa"))
    assert r.effects[-len(r.world):] == r.world
    assert all(line in r.tooltip(words(indo, "en")) for line in r.world)
    assert "Then the world" not in r.line


def test_an_action_that_sets_nothing_off_previews_no_reaction(indo: Scenario) -> None:
    g = new_game(indo, 1)
    assert g.preview(Order("asean_summit")).reactions == NONE
    assert row(g, "en", Order("asean_summit")).world == ()
    assert not any("world" in line for line in row(g, "en", Order("asean_summit")).effects)


def test_an_alliance_initiative_stops_the_neglect_rule(indo: Scenario) -> None:
    g = new_game(indo, 1)
    stops = [r for r in g.preview(Order("host_nation_support")).reactions.rules if r.kind == STOPS]
    assert [(r.rule, [c.delta for c in r.changes]) for r in stops] == [("alliance_neglect", [-2])]
    assert row(g, "en", Order("host_nation_support")).world[0] == \
        "Then the world no longer: No recent alliance initiative from Tokyo (US Commitment -2)"
    assert row(g, "ja", Order("host_nation_support")).world[0] == \
        "続いて世界の反応「日本から同盟の新しい取り組みがない」（米国の関与 -2）が起きなくなる"


def test_a_rule_that_fires_either_way_shows_the_difference_the_action_makes(indo: Scenario) -> None:
    g = new_game(indo, 1)  # relations with China rest at -20: the action's -2 drifts back the same turn
    changed = [r for r in g.preview(Order("maritime_capacity", "philippines")).reactions.rules if r.kind == CHANGES]
    assert [r.rule for r in changed] == ["great_powers_drift"]
    assert sum(c.delta for c in changed[0].changes if c.key == "relation.china") == 2


def test_a_rule_that_starts_a_modifier_previews_the_modifier(indo: Scenario) -> None:
    g = new_game(indo, 1)
    set_number(g, "track.us_commitment", 20)  # upkeep and neglect take it to 16; the trade push's -3 to 13
    shaken = next(r for r in g.preview(Order("china_trade_expansion")).reactions.rules if r.rule == "alliance_shaken")
    assert shaken.kind == FIRES and [e.name for _, e in shaken.unlisted] == ["modifier"]
    assert row(g, "en", Order("china_trade_expansion")).world[0] == ("Then the world: The alliance nearly broke: doubts "
                                                                     "linger (“Doubts about the alliance linger”: each "
                                                                     "turn for 6 turns, Security -1; Prosperity -1)")


def test_a_failure_that_the_world_answers_differently_says_so_under_if_it_fails(indo: Scenario) -> None:
    g = new_game(indo, 1)
    state(g).flags.add("us_tech_cooperation")
    set_number(g, "capital", 10)
    set_number(g, "meter.security", 74)  # success's +2 now takes it to 76: the security dilemma answers
    p = g.preview(Order("counterstrike_capability"))
    assert "security_dilemma" in {r.rule for r in p.reactions.rules} - {r.rule for r in p.failure_reactions.rules}
    lines = words(indo, "en").preview(p)
    assert "Then the world: Security dilemma: neighbors arm in response (Security -1, Relation with China -1)" in lines
    assert lines[-1].startswith("If it fails: Prosperity -2, Public Support -2, US Commitment +2, "
                                "Then the world no longer: ")


def test_a_scenario_whose_world_has_no_rules_previews_none(indo: Scenario) -> None:
    g = new_game(dataclasses.replace(indo, rules=()), 1)
    assert g.preview(Order("australia_raa")).reactions.rules == ()


def test_an_unavailable_action_previews_no_reaction(indo: Scenario) -> None:
    g = new_game(indo, 1)
    set_number(g, "capital", 0)
    assert g.preview(Order("australia_raa")).reactions == NONE


def test_a_preview_changes_nothing_and_draws_nothing(indo: Scenario) -> None:
    g = new_game(indo, 1)
    before, ledger = g.fingerprint(), list(g.ledger)
    for order in g.legal_actions():
        g.preview(order)
    assert g.fingerprint() == before and list(g.ledger) == ledger


def test_the_preview_is_what_happens_when_the_turn_ends_on_the_same_seed(indo: Scenario) -> None:
    g = new_game(indo, 1)
    fires = next(r for r in g.preview(Order("australia_raa")).reactions.rules if r.rule == "china_answers_military")
    g.apply(Order("australia_raa"))
    report = g.end_turn()
    assert report is not None
    assert tuple(c for c in report.changes if c.cause == ANSWER) == fires.changes


# ── crisis answers ───────────────────────────────────────────────────────
def test_a_crisis_answer_previews_the_world_rule_it_stops(indo: Scenario) -> None:
    g = new_game(load_ok(NORTHERN), 1)
    assert g.end_turn() is None
    card = crisis_card(g, words(g.scenario, "en"))
    assert [c.world for c in card.choices] == [
        (), (), ("Then the world no longer: Hybrid pressure: disinformation and provocations (Cohesion -1)",)]
    assert crisis_card(g, words(g.scenario, "ja")).choices[2].world == (
        "続いて世界の反応「ハイブリッド脅威（偽情報と挑発）」（社会の結束 -1）が起きなくなる",)
    stopped = g.preview_choice("military_hotline").reactions.rules[0]
    report = g.choose("military_hotline")
    assert report is not None
    assert not [c for c in report.changes if c.cause.id == stopped.rule]


# ── the other actors' moves, as the change in their odds ─────────────────
def test_talks_with_china_show_how_they_move_chinas_odds(indo: Scenario) -> None:
    g = new_game(indo, 1)
    moves = {m.move: (m.actor, m.before, m.after) for m in g.preview(Order("china_economic_dialogue")).reactions.moves}
    assert moves["china_dialogue_dividend"] == ("china", 0.0, 0.45)
    assert moves["china_coast_guard_surge"][1] == 0.08 and moves["china_coast_guard_surge"][2] == pytest.approx(0.02)
    world = row(g, "en", Order("china_economic_dialogue")).world
    assert "China's move “China eases its stance after the talks”: chance 0% → 45%" in world
    assert "China's move “China's coast guard steps up operations near the Senkaku Islands”: chance 8% → 2%" in world
    assert "中国の動き「対話を受けて中国が姿勢を和らげる」：確率 0% → 45%" in \
        row(g, "ja", Order("china_economic_dialogue")).world


def test_odds_that_round_to_the_same_percentage_are_not_shown(indo: Scenario) -> None:
    w = words(indo, "en")
    assert w.reactions(Reactions(moves=(dataclasses.replace(
        new_game(indo, 1).preview(Order("korea_shuttle")).reactions.moves[0], before=0.151, after=0.149),))) == []


def test_a_difficulty_scales_the_odds_shown(indo: Scenario) -> None:
    g = new_game(indo, 1, difficulty="gentle")  # gentle: other actors move at 0.6 of their chance
    moves = {m.move: m.after for m in g.preview(Order("china_economic_dialogue")).reactions.moves}
    assert moves["china_dialogue_dividend"] == pytest.approx(0.27)


# ── conformance: over every scenario, the preview is what the turn does ──
def _steady(sc: Scenario, *keep: str) -> Scenario:
    """The scenario with only the news and the ``keep`` phases of events: without crises, no answer comes between an
    action and the world; without the other actors' moves, nothing comes up by chance before the world rules."""
    return dataclasses.replace(sc, events=tuple(e for e in sc.events if e.phase in ("news", *keep)))


def _positions(sc: Scenario, seed: int, turns: int) -> list[Game]:
    """Positions met in a seeded random game: each turn's start, and again after one random action."""
    g, rng, out = new_game(sc, seed), stream(seed, "policy"), []
    while not g.is_over and g.turn <= turns:
        out.append(g.clone())
        legal = g.legal_actions()
        if legal:
            g.apply(legal[rng.below(len(legal))])
            out.append(g.clone())
        g.end_turn()
    return out


def _taken(g: Game, order: Order) -> tuple[TurnReport, bool]:
    """End the turn after ``order``; whether it succeeded."""
    rolls = len(g.rolls)
    g.apply(order)
    success = all(r.success for r in g.rolls[rolls:])
    report = g.end_turn()
    assert report is not None
    return report, success


def _rules_net(report: TurnReport) -> dict[tuple[str, str], int]:
    net: dict[tuple[str, str], int] = {}
    for c in report.changes:
        if c.cause.kind == "rule":
            net[c.cause.id, c.key] = net.get((c.cause.id, c.key), 0) + c.delta
    return net


def _predicted(r: Reactions) -> dict[tuple[str, str], int]:
    net: dict[tuple[str, str], int] = {}
    for x in r.rules:
        for c in x.changes:
            net[x.rule, c.key] = net.get((x.rule, c.key), 0) + (-c.delta if x.kind == STOPS else c.delta)
    return {k: v for k, v in net.items() if v}


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda p: Path(p).name)
def test_every_actions_previewed_rules_are_what_the_turn_does(path: Path) -> None:
    sc, checked = _steady(load_ok(path)), 0
    for seed in (0, 1):
        for g in _positions(sc, seed, 10):
            without = g.clone().end_turn()
            assert without is not None
            for order in g.legal_actions():
                p = g.preview(order)
                report, success = _taken(g.clone(), order)
                happened = {k: v - _rules_net(without).get(k, 0) for k, v in _rules_net(report).items()}
                happened |= {k: -v for k, v in _rules_net(without).items() if k not in happened}
                expected = _predicted(p.reactions if success else p.failure_reactions)
                assert {k: v for k, v in happened.items() if v} == expected, (seed, g.turn, str(order))
                checked += 1
    assert checked >= 100


def _minus(a: dict[tuple[str, str], int], b: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    return {k: v for k in a.keys() | b.keys() if (v := a.get(k, 0) - b.get(k, 0))}


def _answers(g: Game) -> list[tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]]:
    """For each answer to the last crisis of a turn: what the world rules did once it was chosen, and its preview."""
    out = []
    for choice in g.legal_choices():
        p, a = g.preview_choice(choice), g.clone()
        rolls = len(a.rolls)
        report = a.choose(choice)
        assert report is not None
        success = all(r.success for r in a.rolls[rolls:])
        out.append((_rules_net(report), _predicted(p.reactions if success else p.failure_reactions)))
    return out


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda p: Path(p).name)
def test_every_answers_previewed_rules_differ_from_anothers_as_the_turn_does(path: Path) -> None:
    """There is no turn without an answer: what the world does after one answer, less what it does after another,
    is what their previews say."""
    sc, checked = _steady(load_ok(path), "crisis"), 0
    for seed in range(6):
        g, rng = new_game(sc, seed), stream(seed, "policy")
        while not g.is_over and g.turn <= 15:
            if g.pending_crisis is None:
                legal = g.legal_actions()
                if legal and rng.below(2):
                    g.apply(legal[rng.below(len(legal))])
                g.end_turn()
                continue
            if len(g.announced) == 1:
                (real0, seen0), *others = _answers(g)
                for real, seen in others:
                    assert _minus(real, real0) == _minus(seen, seen0), (seed, g.turn, g.pending_crisis.id)
                    checked += 1
            choices = g.legal_choices()
            g.choose(choices[rng.below(len(choices))])
    assert checked >= 5


def _chance(msg: object) -> int | None:
    """The percentage a fired event's reason quotes ("Came up on a 12% chance"), if it quotes one."""
    if isinstance(msg, Msg):
        if msg.key == "fired.chance":
            return int(str(dict(msg.args)["p"]))
        for _, v in msg.args:
            found = _chance(v)
            if found is not None:
                return found
    if isinstance(msg, tuple):
        return next((c for m in msg if (c := _chance(m)) is not None), None)
    return None


def _quoted(f: Fired) -> int:
    """The chance a fired move came up on, in percent (one that always comes up quotes none)."""
    p = _chance(f.why)
    return 100 if p is None else p


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda p: Path(p).name)
def test_a_move_that_comes_up_comes_up_on_the_previewed_odds(path: Path) -> None:
    sc, checked = _steady(load_ok(path), "move"), 0
    for seed in (0, 1, 2):
        for g in _positions(sc, seed, 12):
            without = g.clone().end_turn()
            assert without is not None
            for order in g.legal_actions():
                shifted = {m.move: m for m in g.preview(order).reactions.moves}
                report, success = _taken(g.clone(), order)
                if not success:
                    continue
                for fired, odds in ((report.fired, "after"), (without.fired, "before")):
                    for f in fired:
                        if f.event in shifted:
                            quoted = round(getattr(shifted[f.event], odds) * 100)
                            assert _quoted(f) == quoted, (seed, g.turn, str(order), f.event)
                            checked += 1
    assert checked > 0 or not any(e.phase == "move" for e in sc.events)

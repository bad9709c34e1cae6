"""The default scenario's crisis deck: size, chains, trade-offs, text, and every chain link working."""

from __future__ import annotations

import pytest

from gaiko_game.core import Change, Game, IllegalDeal, Scenario
from gaiko_game.core.model import ChoiceDef, EventDef, FollowUp
from gaiko_game.core.text import Msg
from gaiko_game.session.players import make_policy
from gaiko_game.session.policies import play_game, play_turn
from gaiko_game.session.seeding import new_game, stream
from tests.support import set_number


def crises(sc: Scenario) -> list[EventDef]:
    return [e for e in sc.events if e.choices]


def chains(sc: Scenario) -> list[list[str]]:
    """Every maximal follow-up path, as event ids."""
    graph = {e.id: sorted({f.event for c in e.choices for f in c.follow_ups}) for e in sc.events}
    targets = {t for ts in graph.values() for t in ts}
    paths: list[list[str]] = []

    def walk(path: list[str]) -> None:
        nexts = [n for n in graph[path[-1]] if n not in path]
        if not nexts:
            paths.append(path)
        for n in nexts:
            walk(path + [n])

    for root, nexts in graph.items():
        if root not in targets and nexts:
            walk([root])
    return paths


def test_deck_size_and_choices(default: Scenario) -> None:
    deck = crises(default)
    assert len(deck) >= 28
    assert all(2 <= len(e.choices) <= 4 for e in deck)


def test_at_least_four_chains_of_three_steps(default: Scenario) -> None:
    long = {tuple(p[:3]) for p in chains(default) if len(p) >= 3}
    assert len({p[0] for p in long}) >= 4, long


def test_every_crisis_has_text_and_an_encyclopedia_in_both_languages(default: Scenario) -> None:
    for lang in ("ja", "en"):
        loc = default.loc[lang]
        for e in crises(default):
            assert len(loc[f"event.{e.id}.encyclopedia"]) > (60 if lang == "ja" else 150), e.id
            assert loc[f"event.{e.id}.title"] and loc[f"event.{e.id}.text"]
            assert all(loc[f"event.{e.id}.choice.{c.id}"] for c in e.choices)


def impact(g: Game, c: ChoiceDef) -> tuple[float, ...]:
    """A choice's expected change to each meter once every piece has landed, and to where diversification heads."""
    p = g.preview_choice(c.id)

    def totals(changes: tuple[Change, ...]) -> list[float]:
        return [float(sum(ch.delta for ch in changes if ch.key == f"meter.{m}")) for m in g.scenario.meter_ids()]

    win = [*totals(p.total), float(p.target_shift)]
    if p.odds is None:
        return tuple(win)
    lose = [*totals(p.failure_total), 0.0]
    return tuple(p.odds * w + (1 - p.odds) * lo for w, lo in zip(win, lose, strict=True))


def test_no_choice_is_better_on_every_meter(default: Scenario) -> None:
    dominated = []
    for e in crises(default):
        g = new_game(default, 0)
        g.deal(e.id)
        g.end_turn()
        while g.pending_crisis is not None and g.pending_crisis.id != e.id:
            g.choose_default()
        assert g.pending_crisis is not None and g.pending_crisis.id == e.id
        vectors = {c.id: (impact(g, c), c.cost) for c in e.choices}
        for a, (va, ca) in vectors.items():
            for b, (vb, cb) in vectors.items():
                if a != b and ca <= cb and all(x >= y for x, y in zip(va, vb, strict=True)):
                    dominated.append(f"{e.id}: {a} {va} (cost {ca}) ≥ {b} {vb} (cost {cb})")
    assert dominated == []


def answer_until(g: Game, event_id: str) -> None:
    """End the turn and answer other crises with their defaults until ``event_id`` is the one waiting."""
    g.end_turn()
    while g.pending_crisis is not None and g.pending_crisis.id != event_id:
        g.choose_default()


def chain_link_fires(default: Scenario, turn: int, e: EventDef, c: ChoiceDef, f: FollowUp) -> bool | None:
    """Deal ``e`` on ``turn``, answer ``c``: does ``f`` fire on time? None when this game cannot test it."""
    g = new_game(default, turn)
    while g.turn < turn:
        set_number(g, "track.us_commitment", 60)  # keep the alliance (this test is about chains, not upkeep)
        report = g.end_turn()
        while report is None:
            report = g.choose(g.default_choice() or "")
    set_number(g, "capital", default.capital_cap)
    try:
        g.deal(e.id)
    except IllegalDeal:
        return None  # a once-only event already came in this game
    answer_until(g, e.id)
    if g.pending_crisis is None or g.explain_choice(c.id) is not None:
        return None  # requirements unmet in this state, or the game ended
    report = g.choose(c.id)
    while g.pending_crisis is not None:
        report = g.choose_default()
    while g.turn < turn + f.after and not g.is_over:
        set_number(g, "track.us_commitment", 60)
        report = g.end_turn()
        while report is None:
            report = g.choose(g.default_choice() or "")
    if g.is_over:
        return None
    g.end_turn()
    return any(x.event == f.event and x.turn == turn + f.after for x in g.fired)


def test_every_chain_link_fires_its_follow_up_on_time(default: Scenario) -> None:
    links = [(e, c, f) for e in default.events for c in e.choices for f in c.follow_ups]
    assert len(links) >= 12
    checked = set()
    for turn in (3, 14):  # early and late states: between them every link's requirements are met
        for e, c, f in links:
            fired = chain_link_fires(default, turn, e, c, f)
            assert fired is not False, (turn, e.id, c.id, f.event)
            if fired:
                checked.add((e.id, c.id, f.event))
    assert checked == {(e.id, c.id, f.event) for e, c, f in links}


@pytest.mark.parametrize("seed", [0, 7, 23])
def test_a_game_without_reasons_plays_exactly_as_one_with_them(default: Scenario, seed: int) -> None:
    """Batch simulations skip the reasons (nobody reads them); the game must not change at all."""
    games = [play_game(new_game(default, seed, undo=False, explain=explain), make_policy("random", stream(seed, "policy")))
             for explain in (True, False)]
    with_reasons, without = games
    assert without.history == with_reasons.history and list(without.ledger) == list(with_reasons.ledger)
    assert [(f.turn, f.event, f.choice) for f in without.fired] == [(f.turn, f.event, f.choice)
                                                                   for f in with_reasons.fired]
    assert without.outcome() == with_reasons.outcome()
    dealt = [f for f in with_reasons.fired if f.why.key == "fired.because"]
    assert dealt and all(f.why == Msg.of("fired.unexplained") for f in without.fired
                         if f.why.key not in ("fired.dealt", "fired.follow_up"))
    assert sum(f.why.key == "fired.unexplained" for f in without.fired) == len(dealt)


def test_the_advisors_rollouts_record_no_reasons_but_its_game_does(default: Scenario) -> None:
    game, policy = new_game(default, 3), make_policy("random", stream(3, "policy"))
    for _ in range(4):
        play_turn(game, policy)
    assert game.fired and all(f.why.key != "fired.unexplained" for f in game.fired)
    assert game.clone().fired == game.fired
    rollout, known = game.clone(explain=False), len(game.fired)
    for _ in range(4):
        play_turn(rollout, policy)
    later = rollout.fired[known:]
    assert later and all(f.why.key in ("fired.unexplained", "fired.dealt", "fired.follow_up") for f in later)

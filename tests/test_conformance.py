"""OpenSpiel-style conformance: random legal play of every playable scenario under many seeds.

After every decision: every number within its bounds, capital never negative, dependency
shares adding to 100. Along the way: clones evolve identically, undo restores exactly,
and the final game is rebuilt from (scenario, seed, decision log) and replays the same.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from gaiko_game.core import Choose, Decision, EndTurn, Game, Order, Pcg64, Randomness, Scenario
from gaiko_game.core.model import EventDef, TriggerDef
from gaiko_game.session.seeding import deck_key, new_game, replay, stream
from tests.conftest import BUNDLED, PLAYABLE, load_ok
from tests.support import board, state


def random_decision(g: Game, rng: Pcg64) -> Decision:
    if g.pending_crisis is not None:
        choices = g.legal_choices()
        return Choose(choices[rng.below(len(choices))])
    legal: list[Decision] = [*g.legal_actions(), EndTurn()]
    return legal[rng.below(len(legal))]


def check_invariants(g: Game) -> None:
    b = board(g)
    nums = b.state.nums
    for key, (lo, hi) in b.bounds.items():
        assert lo <= nums[key] <= hi, f"{key}={nums[key]} outside {lo}..{hi}"
    assert g.view.capital >= 0
    for kind in g.view.dependency_kinds():
        assert sum(g.view.shares(kind).values()) == 100, kind


def play_checked(sc: Scenario, seed: int) -> Game:
    g = new_game(sc, seed)
    rng = stream(seed, "policy")
    step = 0
    while not g.is_over:
        decision = random_decision(g, rng)
        done = False
        if step % 7 == 0:  # undo restores exactly, then the same decision is replayed
            before, ledger, rolls, turn = g.fingerprint(), list(g.ledger), len(g.rolls), g.turn
            g.play(decision)
            if g.can_undo() is None:
                assert g.undo() == decision
                assert g.fingerprint() == before and list(g.ledger) == ledger
            else:  # a roll seen or a turn ended is final, and nothing else is
                assert len(g.rolls) > rolls or g.turn != turn or g.is_over
                done = True
        if done:
            pass
        elif step % 11 == 0:  # a clone takes the same path as the original
            twin = g.clone()
            twin.play(decision)
            g.play(decision)
            assert twin.fingerprint() == g.fingerprint() and twin.ledger == g.ledger
        else:
            g.play(decision)
        check_invariants(g)
        step += 1
        assert step < 5000, "game did not end"
    assert g.outcome() is not None
    return g


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda p: Path(p).name)
def test_random_play_keeps_every_invariant(path: Path) -> None:
    sc = load_ok(path)
    for seed in range(25):
        g = play_checked(sc, seed)
        again = replay(sc, seed, list(g.history), g.difficulty.id)
        assert again.fingerprint() == g.fingerprint()
        assert again.ledger == g.ledger and again.outcome() == g.outcome()


@pytest.mark.parametrize("path", PLAYABLE, ids=lambda p: Path(p).name)
def test_same_seed_same_game(path: Path) -> None:
    sc = load_ok(path)
    a, b = play_checked(sc, 99), play_checked(sc, 99)
    assert a.history == b.history and a.ledger == b.ledger and a.rolls == b.rolls


def test_different_seeds_differ() -> None:
    sc = load_ok(BUNDLED[0])
    outcomes = {tuple(play_checked(sc, s).history) for s in range(5)}
    assert len(outcomes) == 5


def test_every_change_in_a_game_has_a_cause() -> None:
    sc = load_ok(BUNDLED[0])
    for seed in range(10):
        g = play_checked(sc, seed)
        assert all(c.cause.kind and c.cause.id and c.before != c.after for c in g.ledger)
        # replaying the ledger from the start values reproduces every final number
        start = new_game(sc, seed)
        nums = dict(state(start).nums)
        for c in start.ledger:  # turn 1's income is already in a fresh game's numbers
            nums[c.key] = c.before
        for c in g.ledger:
            assert nums.get(c.key, 0) == c.before, c
            nums[c.key] = c.after
        assert nums == state(g).nums


def test_illegal_orders_are_refused_during_play() -> None:
    sc = load_ok(BUNDLED[0])
    g = new_game(sc, 4)
    for a in sc.actions:
        for t in a.targets or (None,):
            order = Order(a.id, t)
            assert (g.explain_illegal(order) is None) == (order in g.legal_actions())


def _unconditional(sc: Scenario) -> Scenario:
    """The scenario with nothing the player's state or answers can steer in its deck: no trigger conditions,
    no chance modifiers, no follow-up chains, no situations (chances, windows, caps and groups kept)."""
    def plain(e: EventDef) -> EventDef:
        t = e.trigger
        trigger = TriggerDef(t.window, (), dataclasses.replace(t.chance, modifiers=()), t.once, t.cooldown,
                             t.max_times, t.group)
        choices = tuple(dataclasses.replace(c, follow_ups=()) for c in e.choices)
        return dataclasses.replace(e, trigger=trigger, choices=choices, ongoing=None)

    return dataclasses.replace(sc, events=tuple(plain(e) for e in sc.events))


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_same_seed_deals_the_same_crises_whatever_the_players_do_and_roll(seed: int) -> None:
    """The duplicate format: crises no one's own state triggers come to every player alike."""
    sc = _unconditional(load_ok(BUNDLED[0]))
    dealt = []
    for rolls_seed, policy_seed in ((seed, 1), (seed + 1000, 2)):
        g = Game(sc, Randomness(deck_key(seed), stream(rolls_seed, "rolls")))
        rng = stream(policy_seed, "policy")
        while not g.is_over and g.turn <= 12:
            g.play(random_decision(g, rng))
        dealt.append([(f.turn, f.event) for f in g.fired if f.turn <= min(12, g.turn - 1)])
    assert dealt[0] == dealt[1] and len(dealt[0]) >= 8

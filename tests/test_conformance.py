"""OpenSpiel-style conformance: random legal play of every bundled scenario under many seeds.

After every decision: every number within its bounds, capital never negative, dependency
shares adding to 100. Along the way: clones evolve identically, undo restores exactly,
and the final game is rebuilt from (scenario, seed, action log) and replays the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko_game.core import Decision, EndTurn, Game, Order, Scenario
from gaiko_game.core.rng import Pcg64
from gaiko_game.session.seeding import POLICY_STREAM, new_game, replay, stream
from tests.conftest import BUNDLED, FIXTURES, load_ok

SCENARIOS = [*BUNDLED, FIXTURES / "mini"]


def random_decision(g: Game, rng: Pcg64) -> Decision:
    if g.pending_crisis is not None:
        choices = g.legal_choices()
        from gaiko_game.core import Choose

        return Choose(choices[rng.below(len(choices))])
    legal: list[Decision] = [*g.legal_actions(), EndTurn()]
    return legal[rng.below(len(legal))]


def check_invariants(g: Game) -> None:
    nums = g.state.nums
    for key, (lo, hi) in g.bounds.items():
        assert lo <= nums[key] <= hi, f"{key}={nums[key]} outside {lo}..{hi}"
    assert nums["capital"] >= 0
    for kind, partners in g.partners.items():
        assert sum(nums[f"dep.{kind}.{p}"] for p in partners) == 100, kind
    for m in g.meters().values():
        assert 0 <= m <= 100


def play_checked(sc: Scenario, seed: int) -> Game:
    g = new_game(sc, seed)
    rng = stream(seed, POLICY_STREAM)
    step = 0
    while not g.is_over:
        decision = random_decision(g, rng)
        if step % 7 == 0:  # undo restores exactly, then the same decision is replayed
            before = g.state.fingerprint()
            ledger = list(g.ledger)
            g.play(decision)
            assert g.undo() == decision
            assert g.state.fingerprint() == before and g.ledger == ledger
        if step % 11 == 0:  # a clone takes the same path as the original
            twin = g.clone()
            twin.play(decision)
            g.play(decision)
            assert twin.state.fingerprint() == g.state.fingerprint() and twin.ledger == g.ledger
        else:
            g.play(decision)
        check_invariants(g)
        step += 1
        assert step < 5000, "game did not end"
    assert g.outcome() is not None
    return g


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: Path(p).name)
def test_random_play_keeps_every_invariant(path: Path) -> None:
    sc = load_ok(path)
    for seed in range(25):
        g = play_checked(sc, seed)
        again = replay(sc, seed, list(g.history))
        assert again.state.fingerprint() == g.state.fingerprint()
        assert again.ledger == g.ledger and again.outcome() == g.outcome()


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: Path(p).name)
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
        nums = dict(start.state.nums)
        for c in start.ledger:  # turn 1's income is already in a fresh game's numbers
            nums[c.key] = c.before
        for c in g.ledger:
            assert nums.get(c.key, 0) == c.before, c
            nums[c.key] = c.after
        assert nums == g.state.nums


def test_illegal_orders_are_refused_during_play() -> None:
    sc = load_ok(BUNDLED[0])
    g = new_game(sc, 4)
    for a in sc.actions:
        for t in a.targets or (None,):
            order = Order(a.id, t)
            assert (g.explain_illegal(order) is None) == (order in g.legal_actions())

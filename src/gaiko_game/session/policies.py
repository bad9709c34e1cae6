"""Built-in policies: a random player, three strategies the source article discusses, and the advisor.

A strategy knows only roles, never effects: ``alliance_first`` spends on moves the scenario
tags as the alliance, ``rival_lean`` on moves towards the rival, and ``hedge`` keeps one
alliance move a turn as its base, then spends on partners and economic security. Each
scenario's ``strategy_tags`` say which of its tags mean which role, so what a strategy
achieves comes from the scenario's rules and numbers alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from gaiko_game.core import Game, Order, Pcg64, TurnReport


class Policy(Protocol):
    """Chooses actions and crisis answers."""

    name: str

    def act(self, game: Game) -> Order | None:
        """The next action this turn, or None to end the turn."""
        ...

    def answer(self, game: Game) -> str:
        """A choice for the pending crisis."""
        ...


def weighted_index(rng: Pcg64, weights: list[float]) -> int:
    """An index chosen in proportion to ``weights`` (uniformly when they are all 0), from whole-number draws."""
    ints = [max(0, round(w * 1000)) for w in weights]
    total = sum(ints)
    if total == 0:
        return rng.below(len(weights))
    r = rng.below(total)
    for i, w in enumerate(ints):
        if r < w:
            return i
        r -= w
    raise AssertionError("unreachable: r < total")


@dataclass
class RandomPolicy:
    """Uniformly random legal moves; ends the turn with the same chance as any one action."""

    rng: Pcg64
    name: str = "random"

    def act(self, game: Game) -> Order | None:
        legal = game.legal_actions()
        k = self.rng.below(len(legal) + 1)
        return legal[k] if k < len(legal) else None

    def answer(self, game: Game) -> str:
        ev = game.pending_crisis
        assert ev is not None
        ids = game.legal_choices()
        legal = [c for c in ev.choices if c.id in ids]
        return legal[weighted_index(self.rng, [c.weight for c in legal])].id


def play_turn(game: Game, policy: Policy) -> TurnReport:
    """Let the policy take its actions, end the turn and answer every crisis."""
    while (order := policy.act(game)) is not None:
        game.apply(order)
    report = game.end_turn()
    while report is None:
        report = game.choose(policy.answer(game))
    return report


def play_game(game: Game, policy: Policy) -> Game:
    """Play to the end."""
    while not game.is_over:
        play_turn(game, policy)
    return game

"""A stronger player: one-turn lookahead over the engine's clone(), with hedge play for the rest of the turn.

For each legal action (and for ending the turn now) it plays a copy of the game to the start
of the next turn and scores the result: the geometric mean of the meters (the diversified
meter counted halfway to where diversification is taking it), plus a little for capital kept.
The copies draw from their own randomness (``Game.clone(resample=…)``), so the advisor samples
possible futures rather than peeking at the game's own deck and rolls. The same search explains
its advice: what the best move leads to compared with ending the turn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from gaiko_game.core import Game, Order, Pcg64, Randomness
from gaiko_game.session.policies import Policy
from gaiko_game.session.strategy import StrategyPolicy, shipped


def value(game: Game) -> float:
    """How good a position is: balance of the meters (the diversified one halfway to its target), plus capital."""
    view = game.view
    meters = view.meters()
    if min(meters.values()) <= 0:
        return 0.0
    d, target = game.scenario.diversification, view.target()
    heading = d.meter if d is not None and target is not None else None
    parts = [max((v + (target or 0)) / 2 if m == heading else v, 0.5) for m, v in meters.items()]
    return math.exp(sum(math.log(v) for v in parts) / len(parts)) + 0.3 * view.capital


@dataclass(frozen=True)
class Advice:
    """The advised action (None: end the turn) and what it leads to, compared with ending the turn now.

    ``gains`` holds each meter's difference, and ``target`` the difference in where the diversified
    meter is heading.
    """

    order: Order | None
    gains: dict[str, int]
    target: int
    value: float


class LookaheadPolicy:
    """Picks each action and crisis answer by playing copies of the game to the next turn."""

    name = "lookahead"

    def __init__(self, rng: Pcg64) -> None:
        self.rng = rng
        self.rollout: Policy = StrategyPolicy(shipped("hedge"), Pcg64(rng.raw(), rng.raw()))

    def _finish(self, g: Game) -> Game:
        while (order := self.rollout.act(g)) is not None:
            g.apply(order)
        report = g.end_turn() if g.pending_crisis is None else None
        while report is None and not g.is_over:
            report = g.choose(self.rollout.answer(g))
        return g

    def _copy(self, game: Game) -> Game:
        return game.clone(resample=Randomness(self.rng.raw(), Pcg64(self.rng.raw(), self.rng.raw())))

    def advise(self, game: Game) -> Advice:
        """The best action now (or None to end the turn), with its expected gains."""
        baseline = self._finish(self._copy(game))
        best: tuple[float, Order | None, Game] = (value(baseline), None, baseline)
        for order in game.legal_actions():
            g = self._copy(game)
            g.apply(order)
            g = self._finish(g)
            v = value(g)
            if v > best[0]:
                best = (v, order, g)
        base_m, best_m = baseline.view.meters(), best[2].view.meters()
        gains = {k: best_m[k] - base_m[k] for k in base_m}
        target = (best[2].view.target() or 0) - (baseline.view.target() or 0)
        return Advice(best[1], gains, target, best[0])

    def act(self, game: Game) -> Order | None:
        return self.advise(game).order

    def answer(self, game: Game) -> str:
        legal = game.legal_choices()
        scored = []
        for choice in legal:
            g = self._copy(game)
            g.choose(choice)
            scored.append((value(self._finish(g) if not g.is_over and g.pending_crisis else g), choice))
        return max(scored)[1]

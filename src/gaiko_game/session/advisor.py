"""A stronger player: one-turn lookahead over the engine's clone(), with hedge play for the rest of the turn.

For each legal action (and for ending the turn now) it plays a copy of the game to the start
of the next turn and scores the result: the geometric mean of the meters (the diversified
meter counted halfway to where diversification is taking it), plus a little for capital kept.
The copies draw from their own randomness (``Game.clone(resample=…)``), so the advisor samples
possible futures (three, the same for every option) rather than peeking at the game's own deck and rolls. It
also keeps a margin above the track levels at which the scenario's world rules start to cost it. The same search explains
its advice: what the best move leads to compared with ending the turn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from gaiko_game.core import Game, Order, Pcg64, Randomness
from gaiko_game.core.model import COMPLETED
from gaiko_game.session.policies import Policy, play_turn
from gaiko_game.session.strategy import StrategyPolicy, shipped

DANGER_MARGIN = 0.3
"""How close (as a share of its range) a track may come to a bound that ends the game before the advisor worries."""
DANGER_WEIGHT = 15.0
"""Points of value the advisor gives up for a track at the very bound that would end the game."""


def value(game: Game) -> float:
    """How good a position is: balance of the meters (the diversified one halfway to its target), plus capital,
    less the danger of the scenario's declared endings (a track near the bound that ends the game)."""
    view, out = game.view, game.outcome()
    if game.is_over and (out is None or out.ending != COMPLETED):
        return 0.0
    meters = view.meters()
    if min(meters.values()) <= 0:
        return 0.0
    d, target = game.scenario.diversification, view.target()
    heading = d.meter if d is not None and target is not None else None
    parts = [max((v + (target or 0)) / 2 if m == heading else v, 0.5) for m, v in meters.items()]
    return math.exp(sum(math.log(v) for v in parts) / len(parts)) + CAPITAL_WEIGHT * view.capital - danger(game)


CAPITAL_WEIGHT = 0.3
"""Points of value for each Diplomatic Capital kept."""
FUTURES = 3
"""Sampled futures each option is judged on (the same ones for every option of a decision): one future let the
luck of a single draw decide between close options, and a simple strategy the lab's search found beat it."""
SOFT_WEIGHT = 4.0
"""Points of value the advisor gives up for a track at the very level where a world rule starts to cost it."""


def costly_levels(game: Game) -> tuple[tuple[str, int], ...]:
    """(track, level) for each world rule that costs the player (a meter or capital taken away) once a track falls
    to a level: the advisor keeps a margin above them, as above the bounds that end the game."""
    cached = game.scenario.cache.get("advisor.costly_levels")
    if isinstance(cached, tuple):
        return cached
    out = []
    for rule in game.scenario.rules:
        hurts = any(e.name in ("meter", "capital") and isinstance(getattr(e, "by", 0), int) and getattr(e, "by", 0) < 0
                    for e in rule.effects)
        for c in rule.when if hurts else ():
            level = getattr(c, "max", None)
            if c.name == "track" and level is not None:
                out.append((str(getattr(c, "id", "")), int(level)))
    found = tuple(sorted(set(out)))
    game.scenario.cache["advisor.costly_levels"] = found
    return found


def danger(game: Game) -> float:
    """How close the tracks are to the bounds at which the scenario's declared endings end the game, and (less) to
    the levels at which its world rules start to cost the player."""
    sc, view, total = game.scenario, game.view, 0.0
    spans = {t.id: (t.lo, t.hi) for t in sc.tracks}
    for name, floor in costly_levels(game):
        if name in spans:
            margin = DANGER_MARGIN * (spans[name][1] - spans[name][0])
            rise: float = view.track(name) - floor
            if rise < margin:
                total += SOFT_WEIGHT * (margin - max(rise, 0)) / margin
    for ending in sc.endings:
        for c in ending.when:
            track = getattr(c, "id", None) if c.name == "track" else None
            if track not in spans:
                continue
            lo, hi = spans[track]
            margin = DANGER_MARGIN * (hi - lo)
            now = view.track(track)
            bound_max, bound_min = getattr(c, "max", None), getattr(c, "min", None)
            gap = now - bound_max if bound_max is not None else (bound_min - now if bound_min is not None else margin)
            if gap < margin:
                total += DANGER_WEIGHT * (margin - max(gap, 0)) / margin
    return total


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


HORIZON = 5
"""Turns the advisor plays on (with the hedge) after the current one before it judges a position: enough to
see a provocation come back as tension, or a neglected ally drift away."""


class LookaheadPolicy:
    """Picks each action and crisis answer by playing copies of the game to the next turn, then
    :data:`HORIZON` more turns with the hedge, and judging where they stand."""

    name = "lookahead"

    def __init__(self, rng: Pcg64, horizon: int = HORIZON) -> None:
        self.rng = rng
        self.horizon = horizon
        self.rollout: Policy = StrategyPolicy(shipped("hedge"), Pcg64(rng.raw(), rng.raw()))

    def _judge(self, g: Game) -> tuple[float, dict[str, int], int]:
        """Finish the turn, note the meters and the target then, play the horizon, and value the position."""
        g = self._finish(g)
        meters, target = g.view.meters(), g.view.target() or 0
        for _ in range(self.horizon):
            if g.is_over:
                break
            play_turn(g, self.rollout)
        return value(g), meters, target

    def _finish(self, g: Game) -> Game:
        while (order := self.rollout.act(g)) is not None:
            g.apply(order)
        report = g.end_turn() if g.pending_crisis is None else None
        while report is None and not g.is_over:
            report = g.choose(self.rollout.answer(g))
        return g

    def _future(self) -> tuple[int, int, int]:
        """One sampled future (deck key and roll stream), shared by every option of a decision: the options are
        compared on the same future, so the choice follows their difference and not the luck of the draw."""
        return self.rng.raw(), self.rng.raw(), self.rng.raw()

    @staticmethod
    def _copy(game: Game, future: tuple[int, int, int]) -> Game:
        deck, a, b = future
        return game.clone(resample=Randomness(deck, Pcg64(a, b)), explain=False)  # rollouts show no reasons

    def _judge_all(self, game: Game, order: Order | None, futures: list[tuple[int, int, int]]
                   ) -> tuple[float, dict[str, int], int]:
        """The mean value over the sampled futures of taking ``order`` (None: ending the turn), with the first
        future's meters and target."""
        out = []
        for future in futures:
            g = self._copy(game, future)
            if order is not None:
                g.apply(order)
            out.append(self._judge(g))
        return sum(v for v, _, _ in out) / len(out), out[0][1], out[0][2]

    def advise(self, game: Game) -> Advice:
        """The best action now (or None to end the turn), with what it leads to by the next turn."""
        futures = [self._future() for _ in range(FUTURES)]
        base_v, base_m, base_t = self._judge_all(game, None, futures)
        best: tuple[float, Order | None, dict[str, int], int] = (base_v, None, base_m, base_t)
        for order in game.legal_actions():
            v, m, t = self._judge_all(game, order, futures)
            if v > best[0]:
                best = (v, order, m, t)
        gains = {k: best[2][k] - base_m[k] for k in base_m}
        return Advice(best[1], gains, best[3] - base_t, best[0])

    def act(self, game: Game) -> Order | None:
        return self.advise(game).order

    def answer(self, game: Game) -> str:
        legal = game.legal_choices()
        scored = []
        future = self._future()
        for choice in legal:
            g = self._copy(game, future)
            g.choose(choice)
            scored.append((self._judge(g)[0] if not g.is_over else value(g), choice))
        return max(scored)[1]

"""A ministry's advice for the decision in hand: the legal moves its focus gains most from.

Each classroom role (a ministry) looks after some meters, and the finance role after Diplomatic
Capital too. Its advice ranks what the team can do now (an action, or an answer to the crisis
waiting) by the expected change to the meters in its focus once every piece has landed (odds-weighted
between success and failure; a move of the diversified meter's target counts half); a role that minds
capital ranks by that gain for each capital spent. It reads the same previews the player sees, so the
advice and the menu never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game
from gaiko_game.core.model import MinistryDef
from gaiko_game.core.preview import Preview

CAPITAL = "capital"


@dataclass(frozen=True)
class Pick:
    """One piece of advice: a decision, what it costs, and the expected gain to each meter of the focus."""

    decision: str
    cost: int
    gains: tuple[tuple[str, float], ...]
    score: float


def _expected(game: Game, p: Preview, meter: str) -> float:
    key = f"meter.{meter}"
    win = float(sum(c.delta for c in (p.total or p.now) if c.key == key))
    d = game.scenario.diversification
    if d is not None and d.meter == meter:  # it follows its target: count a move of the target halfway, as the
        win += p.target_shift / 2           # advisor does

    if p.odds is None:
        return win
    lose = sum(c.delta for c in (p.failure_total or p.failure_now) if c.key == key)
    return p.odds * win + (1 - p.odds) * lose


def options(game: Game) -> list[tuple[str, int, Preview]]:
    """What the team can decide now, with its cost and preview: the crisis's legal answers while one waits, else
    every legal action."""
    ev = game.pending_crisis
    if ev is not None:
        return [(f"choose:{c}", next(x.cost for x in ev.choices if x.id == c), game.preview_choice(c, world=False))
                for c in game.legal_choices()]
    out = []
    for order in game.legal_actions():
        a = game.scenario.action(order.action)
        out.append((str(order), a.cost if a else 0, game.preview(order, world=False)))
    return out


def advice(game: Game, ministry: MinistryDef, n: int = 2,
           choices: list[tuple[str, int, Preview]] | None = None) -> list[Pick]:
    """The ``n`` moves that do most for a ministry's focus (only those that gain; none when nothing does);
    ``choices`` are :func:`options` when the caller already has them."""
    meters = [f for f in ministry.focus if f != CAPITAL]
    picks = []
    for decision, cost, p in options(game) if choices is None else choices:
        gains = tuple((m, round(_expected(game, p, m), 1)) for m in meters)
        total = sum(g for _, g in gains)
        score = total / max(cost, 1) if CAPITAL in ministry.focus else total
        if total > 0:
            picks.append(Pick(decision, cost, gains, round(score, 2)))
    picks.sort(key=lambda x: (-x.score, x.cost, x.decision))
    return picks[:n]


def advice_all(game: Game, ministries: tuple[MinistryDef, ...], n: int = 2) -> dict[str, list[Pick]]:
    """Every ministry's advice, from one look at the options (each preview is computed once for them all)."""
    choices = options(game)
    return {m.id: advice(game, m, n, choices) for m in ministries}


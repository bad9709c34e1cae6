"""What a turn and a game produce: rolls, fired events, turn reports, the outcome."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from gaiko_game.core.ledger import Cause, Change
from gaiko_game.core.model import BALANCED, Scenario, WeightingDef
from gaiko_game.core.text import Msg


@dataclass(frozen=True, slots=True)
class Roll:
    """A visible roll: what was tried, its chance, and whether it succeeded."""

    turn: int
    cause: Cause
    p: float
    success: bool
    dice: int | None = None  # a real roll a class made (1–100), when the game did not roll


@dataclass(frozen=True, slots=True)
class Fired:
    """An event that fired, why, and (for a crisis) the answer."""

    turn: int
    event: str
    why: Msg
    choice: str | None = None
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class TurnReport:
    """Everything that changed in one turn, with causes."""

    turn: int
    changes: tuple[Change, ...]
    fired: tuple[Fired, ...]
    rolls: tuple[Roll, ...]
    ended: tuple[str, ...] = ()
    meters: dict[str, int] = field(default_factory=dict)
    capital: int = 0
    programmes: tuple[tuple[str, str], ...] = ()
    """(action, started / withdrawn / lapsed): what happened to the player's standing programmes this turn."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the game ended."""

    ending: str
    score: float
    rating: str
    turns: int
    meters: dict[str, int]


def score_of(meters: dict[str, int], weights: WeightingDef = BALANCED) -> float:
    """Geometric mean of the meters, weighted, to one decimal: balance beats one big number.

    >>> score_of({"a": 20, "b": 50, "c": 100})
    46.4
    >>> score_of({"a": 20, "b": 50, "c": 100}, WeightingDef("a_first", (("a", 2.0),)))
    37.6
    """
    values = list(meters.values())
    if min(values) <= 0:
        return 0.0
    total = sum(weights.of(k) for k in meters)
    log_mean = sum(weights.of(k) * math.log(v) for k, v in meters.items()) / total
    return round(math.exp(log_mean), 1)


def rating_of(sc: Scenario, score: float) -> str:
    """The best rating whose threshold the score reaches (the lowest rating below every threshold)."""
    best = max((r for r in sc.ratings if score >= r.min_score), key=lambda r: r.min_score, default=None)
    if best is not None:
        return best.id
    return min(sc.ratings, key=lambda r: r.min_score).id if sc.ratings else ""

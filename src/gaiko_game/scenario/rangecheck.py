"""Whether a list of conditions can ever hold, given the ranges the scenario declares.

A condition fails for good in two ways: it asks a number for a value the number never takes (a meter
``min: 120``, a relation ``max: -150``, a track past its declared ends, a turn after the last one, a
counter below 0 that no effect ever lowers), or it contradicts another condition on the same number in
the same list (``min: 60`` beside ``max: 40``, also inside ``all``). Such a rule never applies, such an
event never fires, such an ending never comes — and nothing in play says so, hence these warnings.

The reasoning is sound, not complete: it only claims "never" when no state can satisfy the list
(``any`` is impossible only when each of its alternatives is), so a warning is never a false alarm.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from gaiko_game.core.compiled import COUNTER_BOUNDS
from gaiko_game.core.conditions import (
    AllOf,
    AnyOf,
    CapitalRange,
    CounterRange,
    DependencyRange,
    MeterRange,
    Not,
    Range,
    RelationRange,
    StanceRange,
    TrackRange,
    TurnRange,
)
from gaiko_game.core.effects import CounterAdd
from gaiko_game.core.plugins import Condition, Effect

Span = tuple[int, int]
"""The least and the most a number can be (inclusive)."""
Path_ = tuple[str | int, ...]
RELATION: Span = (-100, 100)
"""Every relation and every stance, whatever the actor (``target`` and a rule's ``each`` included)."""


@dataclass(frozen=True)
class Bounds:
    """What each number a condition reads can range over, by the key the condition reads."""

    known: Mapping[str, Span] = field(default_factory=dict)

    def of(self, c: Range) -> Span:
        """The span of the number ``c`` reads (a counter nobody declares: the engine's clamp)."""
        found = self.known.get(c.key(None))
        if found is not None:
            return found
        return RELATION if isinstance(c, (RelationRange, StanceRange)) else COUNTER_BOUNDS


@dataclass(frozen=True)
class Finding:
    """A condition that can never hold: where it is (from the list, as YAML paths go) and why."""

    condition: Condition
    at: Path_
    reason: str
    hint: str


def counter_spans(effects: Iterable[Effect]) -> dict[str, Span]:
    """Each counter's span from the signs of the effects that change it: a counter only ever raised never goes
    below 0, one only ever lowered never above 0 (the magnitude is left to the engine's clamp)."""
    signs: dict[str, set[bool]] = {}
    for e in _flat(effects):
        if isinstance(e, CounterAdd) and e.by:
            signs.setdefault(e.id, set()).add(e.by > 0)
    low, high = COUNTER_BOUNDS
    return {f"counter.{cid}": (low if False in s else 0, high if True in s else 0) for cid, s in signs.items()}


def _flat(effects: Iterable[Effect]) -> Iterable[Effect]:
    """Every effect, with those a timed modifier applies each turn."""
    for e in effects:
        yield e
        inner = getattr(e, "effects", None)
        if isinstance(inner, tuple):
            yield from _flat(inner)


def find(conds: Sequence[Condition], bounds: Bounds) -> Finding | None:
    """The first condition of a list (all of which must hold) that can never hold, with why; None if none."""
    return _Narrowing(bounds).add_all(conds, ())


@dataclass
class _End:
    value: int
    written: str
    """How the condition that set it wrote it, e.g. ``min 60``."""


class _Narrowing:
    """The span each number is narrowed to by the conditions read so far in one list."""

    def __init__(self, bounds: Bounds, ends: dict[str, tuple[_End | None, _End | None]] | None = None) -> None:
        self.bounds = bounds
        self.ends: dict[str, tuple[_End | None, _End | None]] = dict(ends or {})

    def add_all(self, conds: Sequence[Condition], base: Path_) -> Finding | None:
        for i, c in enumerate(conds):
            found = self.add(c, (*base, i, c.name))
            if found is not None:
                return found
        return None

    def add(self, c: Condition, at: Path_) -> Finding | None:
        if isinstance(c, AllOf):
            return self.add_all(c.of, at)
        if isinstance(c, Range):
            return self._range(c, at)
        if isinstance(c, AnyOf):
            return self._any(c, at)
        if isinstance(c, Not) and isinstance(c.of, Range):
            return _never_not(c, c.of, self.bounds, at)
        return None

    def _any(self, c: AnyOf, at: Path_) -> Finding | None:
        """``any`` never holds when none of its alternatives can, each alongside the conditions before it."""
        tried = [_Narrowing(self.bounds, self.ends).add(o, (*at, j, o.name)) for j, o in enumerate(c.of)]
        if not tried or any(f is None for f in tried):
            return None
        first = tried[0]
        assert first is not None
        return Finding(c, at, f"none of the alternatives of `any` can hold (the first: {first.reason})", first.hint)

    def _range(self, c: Range, at: Path_) -> Finding | None:
        lo, hi = self.bounds.of(c)
        what = describe(c)
        if c.min is not None and c.min > hi:
            return Finding(c, at, f"{what} is never above {hi}, but this asks for at least {c.min}", _span_hint(c, lo, hi))
        if c.max is not None and c.max < lo:
            return Finding(c, at, f"{what} is never below {lo}, but this asks for at most {c.max}", _span_hint(c, lo, hi))
        key = c.key(None)
        low, high = self.ends.get(key, (None, None))
        if c.min is not None and (low is None or c.min > low.value):
            low = _End(c.min, f"min {c.min}")
        if c.max is not None and (high is None or c.max < high.value):
            high = _End(c.max, f"max {c.max}")
        self.ends[key] = (low, high)
        if low is not None and high is not None and low.value > high.value:
            return Finding(c, at, f"{what} cannot be both at least {low.value} and at most {high.value} "
                                  f"({low.written} and {high.written} in the same list)",
                           "the conditions of a list must all hold together; use `any` when either will do")
        return None


def _never_not(c: Not, inner: Range, bounds: Bounds, at: Path_) -> Finding | None:
    """``not`` of a range that always holds (it covers the number's whole span) never holds."""
    lo, hi = bounds.of(inner)
    if (inner.min is None or inner.min <= lo) and (inner.max is None or inner.max >= hi):
        return Finding(c, at, f"{describe(inner)} always lies within {lo}..{hi}, so `not` of this range never holds",
                       "narrow the inner range, or drop the `not`")
    return None


def describe(c: Range) -> str:
    """The number a range condition reads, in a modder's words."""
    if isinstance(c, (MeterRange, TrackRange, CounterRange)):
        return f"{c.name} '{c.id}'"
    if isinstance(c, RelationRange):
        return f"the relation with '{c.actor}'"
    if isinstance(c, StanceRange):
        return f"the stance of '{c.actor}'"
    if isinstance(c, DependencyRange):
        return f"{c.kind} dependence on '{c.partner}'"
    if isinstance(c, CapitalRange):
        return "Diplomatic Capital"
    if isinstance(c, TurnRange):
        return "the turn"
    return c.name


def _span_hint(c: Range, lo: int, hi: int) -> str:
    """What sets the span the condition falls outside, and so what to change."""
    if isinstance(c, TrackRange):
        return f"track '{c.id}' runs {lo}..{hi} as scenario.yaml declares it: change the number, or the track's range"
    if isinstance(c, TurnRange):
        return f"the game has {hi} turns (`turns` in scenario.yaml)"
    if isinstance(c, CapitalRange):
        return f"Diplomatic Capital runs 0..{hi} (`capital.cap` in scenario.yaml)"
    if isinstance(c, CounterRange):
        way = "lowers" if lo == 0 else "raises"
        return f"no effect {way} counter '{c.id}'; change the number, or the effects that change the counter"
    if isinstance(c, (RelationRange, StanceRange)):
        return "relations and stances run -100..100"
    return f"{c.name} values run {lo}..{hi}"

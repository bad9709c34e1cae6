"""The board: state plus the cause ledger. Every number changes through :meth:`Board.add`."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple, TypeVar

from gaiko_game.core.model import Scenario
from gaiko_game.core.plugins import TARGET, Plan
from gaiko_game.core.state import Modifier, State
from gaiko_game.core.text import Msg, Name


class Cause(NamedTuple):
    """Why a number changed: an action, a crisis choice, an event, a rule, income..."""

    kind: str
    id: str
    note: str = ""


class Change(NamedTuple):
    """One entry of the ledger: ``key`` went from ``before`` to ``after`` on ``turn``."""

    turn: int
    key: str
    before: int
    after: int
    cause: Cause

    @property
    def delta(self) -> int:
        """How much the number moved."""
        return self.after - self.before


def bounds_of(sc: Scenario) -> dict[str, tuple[int, int]]:
    """Every number's key and its bounds, as the scenario declares them."""
    b: dict[str, tuple[int, int]] = {f"meter.{m}": (0, 100) for m, _ in sc.meters}
    b["capital"] = (0, sc.capital_cap)
    for a in sc.actors:
        b[f"relation.{a.id}"] = (-100, 100)
        b[f"stance.{a.id}"] = (-100, 100)
    for t in sc.tracks:
        b[f"track.{t.id}"] = (t.lo, t.hi)
    for kind, shares in sc.dependencies:
        for partner, _ in shares:
            b[f"dep.{kind}.{partner}"] = (0, 100)
    return b


COUNTER_BOUNDS = (-10_000, 10_000)
_change = tuple.__new__  # builds a Change without NamedTuple's keyword-handling __new__ (the ledger's hot path)


def key_name(key: str) -> Msg:
    """A readable name for a number's key, e.g. ``relation.china`` → "Relation: China"."""
    head, _, rest = key.partition(".")
    if head == "relation":
        return Msg.of("key.relation", actor=Name(f"actor.{rest}"))
    if head == "stance":
        return Msg.of("key.stance", actor=Name(f"actor.{rest}"))
    if head == "dep":
        kind, _, partner = rest.partition(".")
        return Msg.of("key.dependency", kind=Name(f"dependency.{kind}"), partner=Name(f"partner.{partner}"))
    if head == "counter":
        return Msg.of("key.counter", id=rest)
    return Msg.of("key.plain", name=Name(key))


_T = TypeVar("_T")
_TABLES: OrderedDict[int, tuple[Scenario, dict[str, object]]] = OrderedDict()


def per_scenario(sc: Scenario, name: str, make: Callable[[], _T]) -> _T:
    """A table derived from a scenario, built once and shared by every game of it (last 16 scenarios kept)."""
    entry = _TABLES.get(id(sc))
    if entry is None or entry[0] is not sc:
        entry = _TABLES[id(sc)] = (sc, {})
        while len(_TABLES) > 16:
            _TABLES.popitem(last=False)
    tables = entry[1]
    if name not in tables:
        tables[name] = make()
    return tables[name]  # type: ignore[return-value]


class Board:
    """State, bounds and ledger, with the primitives every effect is written in."""

    def __init__(self, scenario: Scenario, state: State) -> None:
        self.scenario = scenario
        self.state = state
        self.ledger: list[Change] = []
        self.ended: list[tuple[int, str]] = []
        self.bounds = per_scenario(scenario, "bounds", lambda: bounds_of(scenario))
        deps = scenario.dependencies
        self.partners = per_scenario(scenario, "partners", lambda: {k: tuple(p for p, _ in v) for k, v in deps})
        self.share_keys = per_scenario(scenario, "share_keys",
                                       lambda: {k: tuple(f"dep.{k}.{p}" for p, _ in v) for k, v in deps})

    def actor(self, actor: str, target: str | None) -> str:
        """Resolve an actor parameter, ``target`` meaning the chosen target."""
        return target if actor == TARGET and target is not None else actor

    def add(self, key: str, by: int, cause: Cause) -> int:
        """Add ``by`` to a number within its bounds; record and return the real change."""
        s = self.state
        nums = s.nums
        before = nums.get(key, 0)
        lo, hi = self.bounds.get(key, COUNTER_BOUNDS)
        after = before + by
        if after > hi:
            after = hi
        elif after < lo:
            after = lo
        if after == before:
            return 0
        nums[key] = after
        if key[0] == "d":  # a dependency share: the cached diversification index is stale
            s.diversification = -1.0
        self.ledger.append(_change(Change, (s.turn, key, before, after, cause)))
        return after - before

    def shift(self, kind: str, to: str, source: str | None, points: int, cause: Cause) -> int:
        """Move dependency share points to ``to`` from ``source`` (else the largest other share)."""
        nums = self.state.nums
        if source is None:
            others = [p for p in self.partners[kind] if p != to]
            if not others:
                return 0
            source = min(others, key=lambda p: (-nums[f"dep.{kind}.{p}"], p))
        source_key, to_key = f"dep.{kind}.{source}", f"dep.{kind}.{to}"
        moved = min(points, nums[source_key])
        if moved <= 0 or source_key == to_key:
            return 0
        self.add(source_key, -moved, cause)
        self.add(to_key, moved, cause)
        return moved

    def set_flag(self, flag: str, on: bool) -> None:
        """Set or clear a flag."""
        if on:
            self.state.flags.add(flag)
        else:
            self.state.flags.discard(flag)

    def run(self, steps: Plan, cause: Cause, target: str | None) -> None:
        """Apply a plan: pieces due now at once, later pieces into the delayed queue."""
        s = self.state
        for offset, eff in steps:
            if offset:
                s.delayed.append((s.turn + offset, eff, cause, target))
            elif eff.plain_key:  # a plain addition to a fixed number: skip the plugin's own call
                self.add(eff.plain_key, eff.plain_by, cause)
            else:
                eff.apply(self, cause, target)

    def end_situation(self, event_id: str) -> None:
        """End an ongoing situation, if it is in progress."""
        if self.state.situations.pop(event_id, None) is not None:
            self.ended.append((self.state.turn, event_id))

    def add_modifier(self, mod_id: str, turns: int, steps: Plan, cause: Cause) -> None:
        """Start (or restart) a timed modifier that applies its steps each turn."""
        self.state.modifiers[mod_id] = Modifier(self.state.turn + turns, steps, cause)

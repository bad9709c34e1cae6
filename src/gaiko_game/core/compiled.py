"""Tables derived once from a scenario's definitions and shared by every game of it.

The hot loops of a turn (bounds, trigger scans, world rules) read these flat tables
instead of walking the definitions; they live in the scenario's own cache, so there
is no module-level registry to keep in step with loaded scenarios.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from gaiko_game.core.decisions import Order
from gaiko_game.core.ledger import Cause
from gaiko_game.core.model import ActionDef, Bonus, EventDef, Scenario
from gaiko_game.core.plugins import TARGET, Condition, Effect, Plan
from gaiko_game.core.rng import card_salt

if TYPE_CHECKING:
    from gaiko_game.core.state import State

COUNTER_BOUNDS = (-10_000, 10_000)
Test = Callable[["State", "str | None"], bool]
"""A condition's bound ``test`` method."""
_TWO32 = 1 << 32


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event's trigger as flat values: window, cap on occurrences, cooldown, conditions, chance, group, salt.

    A chance is decided by the low 32 bits of the card's draw compared with ``p × 2³²``.
    """

    event: EventDef
    lo: int
    hi: int
    cap: int
    cooldown: int
    when: tuple[Condition, ...]
    base: float
    threshold: float
    modifiers: tuple[Bonus, ...]
    group: str | None
    salt: int
    factor: float = 1.0
    """Multiplies the chance after its modifiers (the other actors' moves: a difficulty's ``move_chance``)."""
    tests: tuple[Test, ...] = ()
    """``when``'s conditions as bound ``test`` methods (the hot loop calls them directly)."""
    mods: tuple[tuple[tuple[Test, ...], float], ...] = ()
    """The chance modifiers as (bound tests, amount)."""
    row: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    """Everything the deal reads, as one flat tuple: id, window, cap, cooldown, tests, base, mods, factor, salt,
    ceiling, self."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "row", (self.event.id, self.lo, self.hi, self.cap, self.cooldown, self.tests,
                                         self.base, self.mods, self.factor, self.salt, self.ceiling(), self))

    def ceiling(self) -> int:
        """The card value (low 32 bits) at or above which the trigger cannot fire whatever holds: its chance with
        every raising modifier, over 2**32; 0 when that chance reaches 1 (no card is too high). The deal skips a
        card above it without testing conditions: the same outcome, as the chance can only be lower."""
        p = self.base
        for _, add in self.mods:
            if add > 0:
                p += add
        p *= self.factor
        return 0 if p >= 1.0 else int(p * _TWO32) + 1


def _trigger(ev: EventDef, factor: float, scale_all: bool = False) -> Trigger:
    """A trigger's flat values; ``factor`` scales a crisis's base chance (certain ones stay certain), or with
    ``scale_all`` the whole chance, modifiers included (how often the other actors move)."""
    t = ev.trigger
    lo, hi = t.window if t.window is not None else (1, 1_000_000)
    base = t.chance.base * factor if t.chance.base < 1.0 and not scale_all else t.chance.base
    return Trigger(ev, lo, hi, 1 if t.once else t.max_times, max(t.cooldown, 1), t.when, base, base * _TWO32,
                   t.chance.modifiers, t.group, card_salt(ev.id), factor if scale_all else 1.0,
                   tuple(c.fast() for c in t.when), tuple((tuple(c.fast() for c in m.when), m.add) for m in t.chance.modifiers))


def bounds_of(sc: Scenario) -> dict[str, tuple[int, int]]:
    """Every number's key and its bounds, as the scenario declares them."""
    b: dict[str, tuple[int, int]] = {f"meter.{m.id}": (0, 100) for m in sc.meters}
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


@dataclass(frozen=True, slots=True)
class Compiled:
    """A scenario's derived tables (see the module docstring)."""

    bounds: dict[str, tuple[int, int]]
    limits: dict[str, tuple[int, int, bool]]
    """Each number's bounds and whether it is a dependency share (the ledger's hot path reads both at once)."""
    partners: dict[str, tuple[str, ...]]
    share_keys: dict[str, tuple[str, ...]]
    dep_keys: frozenset[str]
    orders: dict[tuple[str, str | None], Order]
    actions: dict[str, ActionDef]
    causes: dict[tuple[str, str | None], Cause]
    rules: tuple[tuple[tuple[Test, ...], Plan, Cause], ...]
    events: dict[str, EventDef]
    income: tuple[tuple[tuple[Condition, ...], int], ...]
    news: tuple[Trigger, ...]
    collapse: tuple[tuple[str, str], ...]
    meter_keys: tuple[tuple[str, str], ...]
    menu: tuple[tuple[str, int, tuple[Test, ...], tuple[Order, ...]], ...]
    """Each action as the legal-move loop reads it: id, cost, its requirements' tests, its orders (one a target)."""
    baselines: dict[str, int]
    """Each actor's relation at rest (where ``drift`` takes it)."""
    engages: dict[tuple[str, str | None], tuple[str, ...]]
    """The actors an action (on a target), a crisis answer (``event.choice``, None) or a standing programme in force
    (``programme:<action>``, None) engages."""
    crises: dict[float, tuple[Trigger, ...]] = field(default_factory=dict)
    moves: dict[float, tuple[Trigger, ...]] = field(default_factory=dict)
    scaled: dict[tuple[str, int], Plan] = field(default_factory=dict)
    row_cache: dict[int, tuple[tuple[Trigger, ...], tuple[tuple[Any, ...], ...]]] = field(default_factory=dict)

    def move_triggers(self, sc: Scenario, factor: float) -> tuple[Trigger, ...]:
        """The other actors' moves, their chances scaled by a difficulty's ``move_chance``."""
        found = self.moves.get(factor)
        if found is None:
            found = self.moves[factor] = tuple(_trigger(e, factor, scale_all=True) for e in sc.events if e.phase == "move")
        return found

    def repeated(self, sc: Scenario, a: ActionDef, repeats: int) -> Plan:
        """An action's success plan after ``repeats`` recent uses: its gains scaled down (see ``RepetitionDef``)."""
        rep = sc.repetition
        if rep is None or repeats <= 0:
            return a.success_plan
        found = self.scaled.get((a.id, repeats))
        if found is None:
            k = rep.scale(repeats)
            found = self.scaled[a.id, repeats] = tuple(
                (off, _scaled(e, k)) for off, e in a.success_plan)
        return found

    def rows(self, triggers: tuple[Trigger, ...]) -> tuple[tuple[Any, ...], ...]:
        """The triggers' flat rows, built once per tuple of triggers (the deal's loop reads these)."""
        found = self.row_cache.get(id(triggers))
        if found is None or found[0] is not triggers:
            found = self.row_cache[id(triggers)] = (triggers, tuple(t.row for t in triggers))
        return found[1]

    def crisis_triggers(self, sc: Scenario, factor: float) -> tuple[Trigger, ...]:
        """The self-triggering crises, their chances scaled by a difficulty's ``factor``."""
        found = self.crises.get(factor)
        if found is None:
            found = self.crises[factor] = tuple(_trigger(e, factor) for e in sc.events
                                                if e.phase == "crisis" and e.self_triggering)
        return found


def _scaled(e: Effect, k: float) -> Effect:
    """A gain (a positive amount) scaled by ``k``, rounded half away from zero and kept at 1 or more."""
    by = getattr(e, "by", None)
    if not isinstance(by, int) or by <= 0 or e.name in ("drift",):
        return e
    return replace(e, by=max(1, int(by * k + 0.5)))  # type: ignore[call-arg]


def _engages(effects: tuple[Effect, ...], target: str | None, actors: frozenset[str]) -> tuple[str, ...]:
    """The actors a decision engages: its target, and every actor whose relation its effects raise."""
    found = [target] if target in actors else []
    for e in effects:  # the relation effect, read by name (core.effects imports the board, which imports this)
        if e.name == "relation" and int(getattr(e, "by", 0)) > 0:
            actor = str(getattr(e, "actor", ""))
            found.append(target if actor == TARGET and target is not None else actor)
    return tuple(dict.fromkeys(a for a in found if a is not None))


def _build(sc: Scenario) -> Compiled:
    actors = frozenset(a.id for a in sc.actors)
    deps = sc.dependencies
    orders = {(a.id, t): Order(a.id, t) for a in sc.actions for t in (a.targets or (None,))}
    bounds = bounds_of(sc)
    dep_keys = frozenset(f"dep.{k}.{p}" for k, v in deps for p, _ in v)
    return Compiled(
        bounds=bounds,
        limits={k: (lo, hi, k in dep_keys) for k, (lo, hi) in bounds.items()},
        partners={k: tuple(p for p, _ in v) for k, v in deps},
        share_keys={k: tuple(f"dep.{k}.{p}" for p, _ in v) for k, v in deps},
        dep_keys=dep_keys,
        orders=orders,
        actions={a.id: a for a in sc.actions},
        causes={k: Cause("action", k[0], k[1] or "") for k in orders},
        rules=tuple((tuple(c.fast() for c in r.when), r.steps, Cause("rule", r.id)) for r in sc.rules),
        events={e.id: e for e in sc.events},
        income=tuple((b.when, int(b.add)) for b in sc.income_bonuses),
        news=tuple(_trigger(e, 1.0) for e in sc.events if e.phase == "news" and e.self_triggering),
        collapse=tuple((f"meter.{m.id}", m.at_zero) for m in sc.meters),
        meter_keys=tuple((m.id, f"meter.{m.id}") for m in sc.meters),
        menu=tuple((a.id, a.cost, tuple(c.fast() for c in a.requires),
                    tuple(orders[a.id, t] for t in (a.targets or (None,)))) for a in sc.actions),
        baselines={a.id: a.rest for a in sc.actors},
        engages={**{(a.id, t): _engages(a.effects, t, actors) for a in sc.actions for t in (a.targets or (None,))},
                 **{(f"programme:{a.id}", None): _engages(a.commitment.each_turn, None, actors)
                    for a in sc.actions if a.commitment is not None},
                 **{(f"{e.id}.{c.id}", None): _engages(c.effects, None, actors) for e in sc.events for c in e.choices}},
    )


def compiled(sc: Scenario) -> Compiled:
    """The scenario's tables, built on first use."""
    found = sc.cache.get("compiled")
    if not isinstance(found, Compiled):
        found = sc.cache["compiled"] = _build(sc)
    return found

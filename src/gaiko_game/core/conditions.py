"""Condition plugins: each tests one part of the state.

Range conditions take ``min`` and/or ``max`` (inclusive); the loader requires at
least one. Every docstring's "YAML usage" block is copied into the modding reference.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from gaiko_game.core.plugins import TARGET, Condition, between, condition, nested, ref
from gaiko_game.core.state import State
from gaiko_game.core.text import Msg, Name


@dataclass(frozen=True, kw_only=True, slots=True)
class Range(Condition):
    """A number in ``nums`` lies within ``[min, max]``."""

    min: int | None = None
    max: int | None = None
    fixed_key: str = field(default="", init=False, repr=False, compare=False)
    lo: int = field(default=-(2**62), init=False, repr=False, compare=False)
    hi: int = field(default=2**62, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.reads_target():
            object.__setattr__(self, "fixed_key", self.key(None))
        if self.min is not None:
            object.__setattr__(self, "lo", self.min)
        if self.max is not None:
            object.__setattr__(self, "hi", self.max)

    @abstractmethod
    def key(self, target: str | None) -> str:
        """The number this condition reads."""

    def reads_target(self) -> bool:
        """Whether the number depends on the action's chosen target (``actor: target``)."""
        return False

    @abstractmethod
    def label(self, target: str | None) -> Msg:
        """What the number is called."""

    def test(self, s: State, target: str | None) -> bool:
        return self.lo <= s.nums.get(self.fixed_key or self.key(target), 0) <= self.hi

    def fast(self) -> Callable[[State, str | None], bool]:
        if not self.fixed_key or type(self).test is not Range.test:
            return self.test
        key, lo, hi = self.fixed_key, self.lo, self.hi
        return lambda s, target: lo <= s.nums.get(key, 0) <= hi

    def explain(self, s: State, target: str | None) -> Msg:
        now = s.nums.get(self.key(target), 0)
        name = self.label(target)
        if self.max is None:
            return Msg.of("cond.at_least", name=name, min=self.min, now=now)
        if self.min is None:
            return Msg.of("cond.at_most", name=name, max=self.max, now=now)
        return Msg.of("cond.between", name=name, min=self.min, max=self.max, now=now)


def _actor(actor: str, target: str | None) -> str:
    return target if actor == TARGET and target is not None else actor


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class MeterRange(Range):
    """One of the scenario's meters (0–100) lies in a range.

    YAML usage:
        - meter: {id: security, min: 40}
    """

    name: ClassVar[str] = "meter"
    id: str = field(metadata=ref("meter"))

    def key(self, target: str | None) -> str:
        return f"meter.{self.id}"

    def label(self, target: str | None) -> Msg:
        return Msg.of("key.plain", name=Name(f"meter.{self.id}"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class RelationRange(Range):
    """The player's relation with an actor (−100..100) lies in a range; ``actor: target`` means the action's target.

    YAML usage:
        - relation: {actor: india, min: 20}
    """

    name: ClassVar[str] = "relation"
    actor: str = field(metadata=ref("actor", target=True))

    def reads_target(self) -> bool:
        return self.actor == TARGET

    def key(self, target: str | None) -> str:
        return f"relation.{_actor(self.actor, target)}"

    def label(self, target: str | None) -> Msg:
        return Msg.of("key.relation", actor=Name(f"actor.{_actor(self.actor, target)}"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class StanceRange(Range):
    """An actor's place on the scenario's stance axis (−100..100) lies in a range; ``actor: target`` works too.

    YAML usage:
        - stance: {actor: vietnam, max: 0}
    """

    name: ClassVar[str] = "stance"
    actor: str = field(metadata=ref("actor", target=True))

    def reads_target(self) -> bool:
        return self.actor == TARGET

    def key(self, target: str | None) -> str:
        return f"stance.{_actor(self.actor, target)}"

    def label(self, target: str | None) -> Msg:
        return Msg.of("key.stance", actor=Name(f"actor.{_actor(self.actor, target)}"), axis=Name("stance.name"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class TrackRange(Range):
    """A track (such as a tension ladder) lies in a range.

    YAML usage:
        - track: {id: tension, min: 4}
    """

    name: ClassVar[str] = "track"
    id: str = field(metadata=ref("track"))

    def key(self, target: str | None) -> str:
        return f"track.{self.id}"

    def label(self, target: str | None) -> Msg:
        return Msg.of("key.plain", name=Name(f"track.{self.id}"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class CapitalRange(Range):
    """Diplomatic Capital lies in a range.

    YAML usage:
        - capital: {min: 3}
    """

    name: ClassVar[str] = "capital"

    def key(self, target: str | None) -> str:
        return "capital"

    def label(self, target: str | None) -> Msg:
        return Msg.of("key.plain", name=Name("capital"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class CounterRange(Range):
    """A counter set by effects lies in a range (a counter never changed is 0).

    YAML usage:
        - counter: {id: summits_hosted, min: 2}
    """

    name: ClassVar[str] = "counter"
    id: str = field(metadata=ref("counter"))

    def key(self, target: str | None) -> str:
        return f"counter.{self.id}"

    def label(self, target: str | None) -> Msg:
        return Msg.of("key.plain", name=Name(f"counter.{self.id}"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class DependencyRange(Range):
    """The player's share of one kind of dependence (e.g. trade) on a partner, in points of 100.

    YAML usage:
        - dependency: {kind: trade, partner: china, min: 30}
    """

    name: ClassVar[str] = "dependency"
    kind: str = field(metadata=ref("dependency"))
    partner: str = field(metadata=ref("partner"))

    def key(self, target: str | None) -> str:
        return f"dep.{self.kind}.{self.partner}"

    def label(self, target: str | None) -> Msg:
        return Msg.of("key.dependency", kind=Name(f"dependency.{self.kind}"), partner=Name(f"partner.{self.partner}"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class TurnRange(Range):
    """The turn number (1 is the first turn) lies in a range.

    YAML usage:
        - turn: {min: 5, max: 12}
    """

    name: ClassVar[str] = "turn"

    def key(self, target: str | None) -> str:
        return "turn"

    def label(self, target: str | None) -> Msg:
        return Msg.of("word.turn")

    def test(self, s: State, target: str | None) -> bool:
        return (self.min is None or s.turn >= self.min) and (self.max is None or s.turn <= self.max)

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of("cond.turn", min=self.min or 1, max=self.max or "—", now=s.turn)


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class FlagSet(Condition):
    """A flag has been set by an effect (and not cleared since).

    YAML usage:
        - flag: {id: us_tech_cooperation}
    """

    name: ClassVar[str] = "flag"
    id: str = field(metadata=ref("flag"))

    def test(self, s: State, target: str | None) -> bool:
        return self.id in s.flags

    def fast(self) -> Callable[[State, str | None], bool]:
        flag = self.id
        return lambda s, target: flag in s.flags

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of("cond.flag", flag=Name(f"flag.{self.id}"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class ModifierActive(Condition):
    """A timed modifier is active.

    YAML usage:
        - modifier: {id: sanctions}
    """

    name: ClassVar[str] = "modifier"
    id: str = field(metadata=ref("modifier"))

    def test(self, s: State, target: str | None) -> bool:
        return self.id in s.modifiers

    def fast(self) -> Callable[[State, str | None], bool]:
        modifier = self.id
        return lambda s, target: modifier in s.modifiers

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of("cond.modifier", id=Name(f"modifier.{self.id}"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class Played(Condition):
    """This turn the player took at least ``min`` actions carrying a tag (or one named action); with
    ``within: N``, at least one such action this turn or in the N turns before (what the player did lately).

    YAML usage:
        - played: {tag: military}
        - played: {action: joint_drills, min: 1}
        - played: {tag: dialogue, within: 2}
    """

    name: ClassVar[str] = "played"
    tag: str | None = field(default=None, metadata=ref("tag"))
    action: str | None = field(default=None, metadata=ref("action"))
    min: int = 1
    within: int = field(default=0, metadata=between(0, 40))

    def _key(self) -> str:
        return f"tag:{self.tag}" if self.tag is not None else f"action:{self.action}"

    def test(self, s: State, target: str | None) -> bool:
        if self.within:
            last = s.last_played.get(self._key())
            return last is not None and s.turn - last <= self.within
        return s.played.get(self._key(), 0) >= self.min

    def fast(self) -> Callable[[State, str | None], bool]:
        key, within, least = self._key(), self.within, self.min
        if within:
            return lambda s, target: s.turn - s.last_played.get(key, -1_000_000) <= within
        return lambda s, target: s.played.get(key, 0) >= least

    def explain(self, s: State, target: str | None) -> Msg:
        what = Name(f"tag.{self.tag}") if self.tag is not None else Name(f"action.{self.action}.name")
        if self.within:
            last = s.last_played.get(self._key())
            key = "cond.played_within_one" if self.within == 1 else "cond.played_within"
            return Msg.of(key, what=what, within=self.within, ago=_ago(s, last))
        return Msg.of("cond.played", what=what, min=self.min)


def _ago(s: State, last: int | None) -> Msg:
    """When something last happened: never, this turn, or N turns ago."""
    if last is None:
        return Msg.of("cond.never")
    if last == s.turn:
        return Msg.of("cond.this_turn")
    return Msg.of("cond.ago_one") if s.turn - last == 1 else Msg.of("cond.ago", n=s.turn - last)


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class Engaged(Condition):
    """The player engaged an actor this turn or in the ``within`` turns before: took an action or gave a crisis
    answer that names it as its target or raises the relation with it.

    YAML usage:
        - engaged: {actor: india, within: 2}
        - not: {engaged: {actor: each, within: 3}}
    """

    name: ClassVar[str] = "engaged"
    actor: str = field(metadata=ref("actor", target=True))
    within: int = field(default=2, metadata=between(0, 40))

    def test(self, s: State, target: str | None) -> bool:
        last = s.engaged.get(target if self.actor == TARGET and target is not None else self.actor)
        return last is not None and s.turn - last <= self.within

    def fast(self) -> Callable[[State, str | None], bool]:
        if self.actor == TARGET:
            return self.test
        actor, within = self.actor, self.within
        return lambda s, target: s.turn - s.engaged.get(actor, -1_000_000) <= within

    def explain(self, s: State, target: str | None) -> Msg:
        actor = target if self.actor == TARGET and target is not None else self.actor
        last = s.engaged.get(actor)
        key = "cond.engaged_one" if self.within == 1 else "cond.engaged"
        return Msg.of(key, actor=Name(f"actor.{actor}"), within=self.within, ago=_ago(s, last))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class Committed(Condition):
    """A standing programme (an action with a ``commitment``) is in force.

    YAML usage:
        - committed: {action: defence_buildup}
    """

    name: ClassVar[str] = "committed"
    action: str = field(metadata=ref("action"))

    def test(self, s: State, target: str | None) -> bool:
        return self.action in s.commitments

    def fast(self) -> Callable[[State, str | None], bool]:
        action = self.action
        return lambda s, target: action in s.commitments

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of("cond.committed", action=Name(f"action.{self.action}.name"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class Chose(Condition):
    """The player answered an earlier crisis with a given choice.

    YAML usage:
        - chose: {event: us_tariffs_on_allies, choice: retaliate}
    """

    name: ClassVar[str] = "chose"
    event: str = field(metadata=ref("event"))
    choice: str = field(metadata=ref("choice"))

    def test(self, s: State, target: str | None) -> bool:
        return s.chosen.get(self.event) == self.choice

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of(
            "cond.chose",
            event=Name(f"event.{self.event}.title"),
            choice=Name(f"event.{self.event}.choice.{self.choice}"),
        )


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class Not(Condition):
    """The inner condition does not hold.

    YAML usage:
        - not: {flag: {id: sanctions_imposed}}
    """

    name: ClassVar[str] = "not"
    of: Condition = field(metadata=nested("condition"))

    def test(self, s: State, target: str | None) -> bool:
        return not self.of.test(s, target)

    def fast(self) -> Callable[[State, str | None], bool]:
        inner = self.of.fast()
        return lambda s, target: not inner(s, target)

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of("cond.not", inner=self.of.explain(s, target))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class AnyOf(Condition):
    """At least one of the listed conditions holds.

    YAML usage:
        - any:
            - relation: {actor: india, min: 40}
            - relation: {actor: australia, min: 40}
    """

    name: ClassVar[str] = "any"
    of: tuple[Condition, ...] = field(metadata=nested("conditions"))

    def test(self, s: State, target: str | None) -> bool:
        return any(c.test(s, target) for c in self.of)

    def fast(self) -> Callable[[State, str | None], bool]:
        tests = tuple(c.fast() for c in self.of)

        def any_holds(s: State, target: str | None) -> bool:
            for test in tests:  # noqa: SIM110 - a plain loop is cheaper than any() over a generator
                if test(s, target):
                    return True
            return False
        return any_holds

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of("cond.any", inner=tuple(c.explain(s, target) for c in self.of))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class AllOf(Condition):
    """Every listed condition holds (a plain list of conditions already means this).

    YAML usage:
        - all:
            - meter: {id: security, min: 30}
            - track: {id: tension, max: 3}
    """

    name: ClassVar[str] = "all"
    of: tuple[Condition, ...] = field(metadata=nested("conditions"))

    def test(self, s: State, target: str | None) -> bool:
        return all(c.test(s, target) for c in self.of)

    def fast(self) -> Callable[[State, str | None], bool]:
        tests = tuple(c.fast() for c in self.of)

        def all_hold(s: State, target: str | None) -> bool:
            for test in tests:  # noqa: SIM110
                if not test(s, target):
                    return False
            return True
        return all_hold

    def explain(self, s: State, target: str | None) -> Msg:
        failing = tuple(c.explain(s, target) for c in self.of if not c.test(s, target))
        return Msg.of("cond.all", inner=failing or tuple(c.explain(s, target) for c in self.of))


def holds(conds: tuple[Condition, ...], s: State, target: str | None = None) -> bool:
    """Whether every condition in a list holds (a plain loop: this is the hot path of every trigger scan)."""
    for c in conds:  # noqa: SIM110
        if not c.test(s, target):
            return False
    return True


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class SituationActive(Condition):
    """An ongoing situation (an event with ``ongoing``) is in progress.

    YAML usage:
        - situation: {id: energy_route_crisis}
    """

    name: ClassVar[str] = "situation"
    id: str = field(metadata=ref("event"))

    def test(self, s: State, target: str | None) -> bool:
        return self.id in s.situations

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of("cond.situation", event=Name(f"event.{self.id}.title"))


@condition
@dataclass(frozen=True, kw_only=True, slots=True)
class HasFired(Condition):
    """An event has fired at least ``min`` times so far.

    YAML usage:
        - fired: {event: taiwan_strait_exercises}
        - fired: {event: north_korea_missile, min: 2}
    """

    name: ClassVar[str] = "fired"
    event: str = field(metadata=ref("event"))
    min: int = 1

    def test(self, s: State, target: str | None) -> bool:
        return s.fired_count.get(self.event, 0) >= self.min

    def explain(self, s: State, target: str | None) -> Msg:
        return Msg.of("cond.fired", event=Name(f"event.{self.event}.title"), min=self.min,
                      now=s.fired_count.get(self.event, 0))

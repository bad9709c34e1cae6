"""Effect plugins: each changes one part of the state and records its cause.

Any effect takes ``delay: N`` (apply N turns later); amounts also take
``over: N`` (fade in over N turns, in whole steps, larger steps first).
Every docstring's "YAML usage" block is copied into the modding reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from gaiko_game.core.board import Board, key_name
from gaiko_game.core.ledger import Cause
from gaiko_game.core.plugins import TARGET, Amount, Effect, between, effect, nested, plan, ref
from gaiko_game.core.text import Msg, Name


def _amount_msg(e: Amount, key: str) -> Msg:
    return Msg.of("effect.amount", name=key_name(key), by=e.by)


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class MeterAdd(Amount):
    """Add to one of the scenario's meters (kept within 0–100).

    YAML usage:
        - meter: {id: security, by: 4}
        - meter: {id: prosperity, by: 6, over: 3}
    """

    name: ClassVar[str] = "meter"
    id: str = field(metadata=ref("meter"))
    key: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"meter.{self.id}")
        self.plain(self.key, self.by)

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.add(self.key, self.by, cause)

    def describe(self) -> Msg:
        return _amount_msg(self, f"meter.{self.id}")


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class RelationAdd(Amount):
    """Add to the player's relation with an actor (−100..100); ``actor: target`` means the action's target.

    YAML usage:
        - relation: {actor: china, by: -3}
    """

    name: ClassVar[str] = "relation"
    actor: str = field(metadata=ref("actor", target=True))
    key: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"relation.{self.actor}")
        if self.actor != TARGET:
            self.plain(self.key, self.by)

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.add(f"relation.{target}" if self.actor == TARGET else self.key, self.by, cause)

    def describe(self) -> Msg:
        return _amount_msg(self, f"relation.{self.actor}")


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class StanceAdd(Amount):
    """Move an actor along the scenario's stance axis: positive towards its ``high`` end, negative towards ``low``.

    YAML usage:
        - stance: {actor: target, by: 5}
    """

    name: ClassVar[str] = "stance"
    actor: str = field(metadata=ref("actor", target=True))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.add(f"stance.{b.actor(self.actor, target)}", self.by, cause)

    def describe(self) -> Msg:
        return _amount_msg(self, f"stance.{self.actor}")


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class TrackAdd(Amount):
    """Move a track (such as a tension ladder) within its bounds.

    YAML usage:
        - track: {id: tension, by: 1}
    """

    name: ClassVar[str] = "track"
    id: str = field(metadata=ref("track"))
    key: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"track.{self.id}")
        self.plain(self.key, self.by)

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.add(self.key, self.by, cause)

    def describe(self) -> Msg:
        return _amount_msg(self, f"track.{self.id}")


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class CapitalAdd(Amount):
    """Add Diplomatic Capital (kept within 0 and the scenario's cap).

    YAML usage:
        - capital: {by: 2}
    """

    name: ClassVar[str] = "capital"

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.add("capital", self.by, cause)

    def describe(self) -> Msg:
        return _amount_msg(self, "capital")


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class CounterAdd(Amount):
    """Add to a counter that conditions can read (counters start at 0).

    YAML usage:
        - counter: {id: summits_hosted, by: 1}
    """

    name: ClassVar[str] = "counter"
    id: str = field(metadata=ref("counter", defines=True))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.add(f"counter.{self.id}", self.by, cause)

    def describe(self) -> Msg:
        return _amount_msg(self, f"counter.{self.id}")


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class DependencyShift(Amount):
    """Move points of one kind of dependence to a partner, from a named partner or else from the largest other share.

    Shares always add up to 100; autonomy follows how spread out they are. In an
    action with targets, ``to: target`` names the chosen target (each target must
    then also be a partner).

    YAML usage:
        - dependency: {kind: trade, to: india, by: 3}
        - dependency: {kind: security, to: australia, from: us, by: 2}
    """

    name: ClassVar[str] = "dependency"
    by: int = field(metadata=between(1, 100))
    kind: str = field(metadata=ref("dependency"))
    to: str = field(metadata=ref("partner", target=True))
    source: str | None = field(default=None, metadata=ref("partner", alias="from"))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.shift(self.kind, b.actor(self.to, target), self.source, self.by, cause)

    def describe(self) -> Msg:
        return Msg.of(
            "effect.dependency_one" if self.by == 1 else "effect.dependency",
            kind=Name(f"dependency.{self.kind}"),
            to=Name(f"partner.{self.to}"),
            by=self.by,
        )


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class SetFlag(Effect):
    """Set a flag that conditions can test.

    YAML usage:
        - set_flag: {id: us_tech_cooperation}
    """

    name: ClassVar[str] = "set_flag"
    counted: ClassVar[bool] = False
    id: str = field(metadata=ref("flag", defines=True))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.set_flag(self.id, True)

    def describe(self) -> Msg:
        return Msg.of("effect.set_flag", flag=Name(f"flag.{self.id}"))


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class ClearFlag(Effect):
    """Clear a flag.

    YAML usage:
        - clear_flag: {id: sanctions_imposed}
    """

    name: ClassVar[str] = "clear_flag"
    counted: ClassVar[bool] = False
    id: str = field(metadata=ref("flag"))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.set_flag(self.id, False)

    def describe(self) -> Msg:
        return Msg.of("effect.clear_flag", flag=Name(f"flag.{self.id}"))


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class StartModifier(Effect):
    """Start a timed modifier: its effects apply at the end of each of the next ``turns`` turns.

    Starting a modifier that is already active restarts its clock.

    YAML usage:
        - modifier:
            id: export_boom
            turns: 4
            effects:
              - meter: {id: prosperity, by: 1}
    """

    name: ClassVar[str] = "modifier"
    counted: ClassVar[bool] = False
    id: str = field(metadata=ref("modifier", defines=True))
    turns: int = field(metadata=between(1, 40))
    effects: tuple[Effect, ...] = field(metadata=nested("effects"))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.add_modifier(self.id, self.turns, plan(self.effects), Cause("modifier", self.id, cause.id))

    def describe(self) -> Msg:
        inner = tuple(e.describe() for e in self.effects)
        return Msg.of("effect.modifier", id=Name(f"modifier.{self.id}"), turns=self.turns, inner=inner)


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class EndSituation(Effect):
    """End an ongoing situation now (its each-turn costs stop).

    YAML usage:
        - end_situation: {id: energy_route_crisis}
    """

    name: ClassVar[str] = "end_situation"
    counted: ClassVar[bool] = False
    id: str = field(metadata=ref("event"))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        b.end_situation(self.id)

    def describe(self) -> Msg:
        return Msg.of("effect.end_situation", event=Name(f"event.{self.id}.title"))


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class Drift(Effect):
    """Move the player's relation with each listed actor back toward its baseline (the actor's ``baseline``, else
    its starting relation) by up to ``by`` points, faster or slower with the difficulty's ``drift``; with
    ``unless_engaged: N``, only the actors the player has not engaged in the last N turns drift. Written in a
    world rule: relations are kept up, not won once.

    YAML usage:
        - drift: {actors: [india, australia], by: 3, unless_engaged: 2}
        - drift: {actors: [china], by: 2}
    """

    name: ClassVar[str] = "drift"
    actors: tuple[str, ...] = field(metadata=ref("actor", many=True))
    by: int = field(metadata=between(1, 50))
    unless_engaged: int = field(default=-1, metadata=between(-1, 40))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        s = b.state
        nums, engaged, turn, baselines = s.nums, s.engaged, s.turn, b.tables.baselines
        level = b.level.drift
        if level <= 0:
            return
        most = max(1, round(self.by * level))
        window = self.unless_engaged
        for actor in self.actors:
            if window >= 0 and turn - engaged.get(actor, -1_000_000) <= window:
                continue
            key = f"relation.{actor}"
            now, rest = nums[key], baselines[actor]
            if now != rest:
                step = min(abs(now - rest), most)
                b.add(key, step if now < rest else -step, cause)

    def describe(self) -> Msg:
        return Msg.of("effect.drift", actor=Name(f"actor.{self.actors[0]}") if len(self.actors) == 1
                      else Msg.of("word.listed_actors", n=len(self.actors)), by=self.by)


@effect
@dataclass(frozen=True, kw_only=True, slots=True)
class EndGame(Effect):
    """End the game at the end of this turn with an ending the scenario declares (a failed escalation, say).

    YAML usage:
        - end_game: {ending: armed_clash}
    """

    name: ClassVar[str] = "end_game"
    counted: ClassVar[bool] = False
    ending: str = field(metadata=ref("ending"))

    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        if b.state.end_request is None:
            b.state.end_request = self.ending

    def describe(self) -> Msg:
        return Msg.of("effect.end_game", ending=Name(f"ending.{self.ending}"))

"""Conditions and effects are small registered plugins with typed parameters.

A plugin is a frozen dataclass whose fields are its YAML parameters. Field
metadata tells the scenario loader what each value refers to and its range::

    @condition
    @dataclass(frozen=True, kw_only=True, slots=True)
    class Relation(Range):
        '''The player's relation with an actor lies in a range.'''
        name: ClassVar[str] = "relation"
        actor: str = field(metadata=ref("actor"))

Every plugin's docstring carries a "YAML usage" example that becomes the
modding reference. Registration is explicit, by decorator, at import.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from gaiko_game.core.ledger import Cause
from gaiko_game.core.text import Msg

if TYPE_CHECKING:
    from gaiko_game.core.board import Board
    from gaiko_game.core.state import State

CONDITIONS: dict[str, type[Condition]] = {}
EFFECTS: dict[str, type[Effect]] = {}

TARGET = "target"
"""An actor parameter naming the action's chosen target instead of a fixed actor."""


def ref(kind: str, **extra: Any) -> dict[str, Any]:
    """Field metadata: the value must be an id of ``kind`` (actor, track, flag, ...)."""
    return {"ref": kind, **extra}


def between(lo: int | float, hi: int | float) -> dict[str, Any]:
    """Field metadata: the value must lie in ``[lo, hi]``."""
    return {"ge": lo, "le": hi}


def nested(kind: str) -> dict[str, Any]:
    """Field metadata: the value is a list of further conditions or effects."""
    return {"nested": kind}


@dataclass(frozen=True, kw_only=True, slots=True)
class Condition(ABC):
    """Something that holds or not in a state."""

    name: ClassVar[str] = ""

    @abstractmethod
    def test(self, s: State, target: str | None) -> bool:
        """Whether the condition holds."""

    @abstractmethod
    def explain(self, s: State, target: str | None) -> Msg:
        """What the condition asks for, and where the state stands now."""

    def fast(self) -> Callable[[State, str | None], bool]:
        """The test as the hot loops call it: a plain function when the condition can give one (the same answer
        as :meth:`test`, without attribute lookups), else the bound method."""
        return self.test


@dataclass(frozen=True, kw_only=True, slots=True)
class Effect(ABC):
    """Something that changes the state, now or ``delay`` turns later."""

    name: ClassVar[str] = ""
    counted: ClassVar[bool] = True
    """Whether all it does shows in the ledger as changes to numbers (a flag, a modifier or an ending does not)."""
    delay: int = field(default=0, metadata=between(0, 40))
    plain_key: str = field(default="", init=False, repr=False, compare=False)
    """Set by effects that only add ``plain_by`` to one fixed number, so the board can apply them directly."""
    plain_by: int = field(default=0, init=False, repr=False, compare=False)

    def plain(self, key: str, by: int) -> None:
        """Declare this effect a plain addition of ``by`` to ``key`` (called from ``__post_init__``)."""
        object.__setattr__(self, "plain_key", key)
        object.__setattr__(self, "plain_by", by)

    @abstractmethod
    def apply(self, b: Board, cause: Cause, target: str | None) -> None:
        """Change the board, recording ``cause`` for every number changed."""

    @abstractmethod
    def describe(self) -> Msg:
        """What the effect does, for previews and the modding reference."""

    def parts(self) -> list[tuple[int, Effect]]:
        """The effect as (turns from now, undelayed effect) pieces."""
        if self.delay == 0:
            return [(0, self)]
        return [(self.delay, replace(self, delay=0))]


@dataclass(frozen=True, kw_only=True, slots=True)
class Amount(Effect):
    """An effect that adds ``by``, optionally faded in over ``over`` turns."""

    by: int = field(metadata=between(-100, 100))
    over: int = field(default=1, metadata=between(1, 12))

    def parts(self) -> list[tuple[int, Effect]]:
        """Split ``by`` into ``over`` whole steps, larger steps first."""
        n, sign = self.over, (1 if self.by >= 0 else -1)
        q, r = divmod(abs(self.by), n)
        steps = [sign * (q + (1 if i < r else 0)) for i in range(n)]
        return [(self.delay + i, replace(self, by=v, over=1, delay=0)) for i, v in enumerate(steps) if v]


Plan = tuple[tuple[int, Effect], ...]


def plan(effects: tuple[Effect, ...]) -> Plan:
    """Every effect split into its timed pieces, in order."""
    return tuple(piece for e in effects for piece in e.parts())


_C = TypeVar("_C", bound=type[Condition])
_E = TypeVar("_E", bound=type[Effect])


def _register(table: dict[str, Any], base: type) -> Callable[[Any], Any]:
    def deco(cls: Any) -> Any:
        if not issubclass(cls, base) or not cls.name:
            raise TypeError(f"{cls.__name__} must subclass {base.__name__} and set `name`")
        if cls.name in table:
            raise TypeError(f"two plugins are named {cls.name!r}")
        table[cls.name] = cls
        return cls

    return deco


def condition(cls: _C) -> _C:
    """Register a condition plugin under its ``name``."""
    result: _C = _register(CONDITIONS, Condition)(cls)
    return result


def effect(cls: _E) -> _E:
    """Register an effect plugin under its ``name``."""
    result: _E = _register(EFFECTS, Effect)(cls)
    return result

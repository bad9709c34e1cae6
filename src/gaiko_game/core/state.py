"""The mutable state of one game; copied whole for clone() and undo()."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from gaiko_game.core.ledger import Cause
from gaiko_game.core.rng import Pcg64

if TYPE_CHECKING:
    from gaiko_game.core.plugins import Effect, Plan


class Phase(Enum):
    """Where the turn stands."""

    ACTIONS = "actions"
    CRISIS = "crisis"
    OVER = "over"


@dataclass(frozen=True, slots=True)
class Modifier:
    """A timed modifier: its effects apply each turn until ``until`` (exclusive)."""

    until: int
    steps: Plan
    cause: Cause


@dataclass(slots=True)
class State:
    """Every number is in ``nums`` under a dotted key, e.g. ``relation.china``.

    ``rolls`` is the stream the odds of actions and answers draw from; ``deck`` is the key of the
    crisis deck's draws (see ``core.rng``).
    """

    rolls: Pcg64
    deck: int
    nums: dict[str, int]
    turn: int = 1
    phase: Phase = Phase.ACTIONS
    flags: set[str] = field(default_factory=set)
    cooldowns: dict[str, int] = field(default_factory=dict)
    played: dict[str, int] = field(default_factory=dict)
    delayed: list[tuple[int, Effect, Cause, str | None]] = field(default_factory=list)
    modifiers: dict[str, Modifier] = field(default_factory=dict)
    fired_last: dict[str, int] = field(default_factory=dict)
    fired_count: dict[str, int] = field(default_factory=dict)
    chosen: dict[str, str] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)
    follow_ups: list[tuple[int, str, str]] = field(default_factory=list)
    """(turn due, event, the event whose answer queued it — "" when dealt by hand)."""
    situations: dict[str, int] = field(default_factory=dict)
    engaged: dict[str, int] = field(default_factory=dict)
    """Actor → the last turn the player engaged it (an action or an answer naming it or raising relations)."""
    last_played: dict[str, int] = field(default_factory=dict)
    """``tag:<t>`` / ``action:<a>`` → the last turn the player took such an action."""
    uses: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Action → the turns it was taken, recent ones only (what makes a repeated action yield less)."""
    commitments: dict[str, int] = field(default_factory=dict)
    """Standing programmes in force: the action that started each → the turn it started."""
    end_request: str | None = None
    """An ending an effect asked for (``end_game``); the game ends with it at the end of the turn."""
    ending: str | None = None
    report_from: int = 0
    diversification: float = -1.0
    """Cached 1 − HHI index; -1 when a dependency share has changed since it was computed."""

    def copy(self) -> State:
        """An independent copy (definitions, plans and modifiers are immutable and shared)."""
        new = State.__new__(State)
        new.rolls = self.rolls.copy()
        new.deck = self.deck
        new.nums = self.nums.copy()
        new.turn = self.turn
        new.phase = self.phase
        new.flags = self.flags.copy()
        new.cooldowns = self.cooldowns.copy()
        new.played = self.played.copy()
        new.delayed = self.delayed.copy()
        new.modifiers = self.modifiers.copy()
        new.fired_last = self.fired_last.copy()
        new.fired_count = self.fired_count.copy()
        new.chosen = self.chosen.copy()
        new.pending = self.pending.copy()
        new.follow_ups = self.follow_ups.copy()
        new.situations = self.situations.copy()
        new.engaged = self.engaged.copy()
        new.last_played = self.last_played.copy()
        new.uses = self.uses.copy()
        new.commitments = self.commitments.copy()
        new.end_request = self.end_request
        new.ending = self.ending
        new.report_from = self.report_from
        new.diversification = self.diversification
        return new

    def fingerprint(self) -> tuple[object, ...]:
        """A value that equals another state's exactly when the games are the same."""
        return (
            self.rolls.position(),
            self.deck,
            self.turn,
            self.phase.value,
            tuple(sorted(self.nums.items())),
            tuple(sorted(self.flags)),
            tuple(sorted(self.cooldowns.items())),
            tuple(sorted(self.played.items())),
            tuple((d, repr(e), c, t) for d, e, c, t in self.delayed),
            tuple(sorted((k, m.until, m.cause) for k, m in self.modifiers.items())),
            tuple(sorted(self.fired_last.items())),
            tuple(sorted(self.fired_count.items())),
            tuple(sorted(self.chosen.items())),
            tuple(self.pending),
            tuple(self.follow_ups),
            tuple(sorted(self.situations.items())),
            tuple(sorted(self.engaged.items())),
            tuple(sorted(self.last_played.items())),
            tuple(sorted(self.uses.items())),
            tuple(sorted(self.commitments.items())),
            self.end_request,
            self.ending,
        )

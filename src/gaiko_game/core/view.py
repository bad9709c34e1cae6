"""A game's state as readers see it: typed, read-only, in the scenario's vocabulary.

Front ends, policies, the advisor and the debrief read a game through its ``view``;
nothing outside the core reads the state's internal tables or changes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from gaiko_game.core.board import Board
from gaiko_game.core.state import Phase
from gaiko_game.core.turn import diversification, diversification_target


class View:
    """What the board shows now. Cheap to make; valid until the game moves on."""

    __slots__ = ("_b",)

    def __init__(self, board: Board) -> None:
        self._b = board

    @property
    def turn(self) -> int:
        """The current turn, 1-based."""
        return self._b.state.turn

    @property
    def phase(self) -> Phase:
        """Actions, crisis or over."""
        return self._b.state.phase

    def number(self, key: str) -> int:
        """Any number by its ledger key, e.g. ``relation.china`` (a counter never changed is 0)."""
        return self._b.state.nums.get(key, 0)

    def meters(self) -> dict[str, int]:
        """Every meter now, in the scenario's order."""
        nums = self._b.state.nums
        return {m.id: nums[f"meter.{m.id}"] for m in self._b.scenario.meters}

    def meter(self, meter_id: str) -> int:
        """One meter now."""
        return self._b.state.nums[f"meter.{meter_id}"]

    @property
    def capital(self) -> int:
        """Diplomatic Capital in hand."""
        return self._b.state.nums["capital"]

    def income(self) -> int:
        """Capital gained at the start of this turn (the scenario's base before the first turn)."""
        return next((c.delta for c in reversed(self._b.ledger) if c.cause.kind == "income"),
                    self._b.scenario.income_base)

    def track(self, track_id: str) -> int:
        """A track's value."""
        return self._b.state.nums[f"track.{track_id}"]

    def relation(self, actor: str) -> int:
        """The player's relation with an actor, −100..100."""
        return self._b.state.nums[f"relation.{actor}"]

    def stance(self, actor: str) -> int:
        """An actor's place on the scenario's stance axis, −100..100."""
        return self._b.state.nums[f"stance.{actor}"]

    def shares(self, kind: str) -> dict[str, int]:
        """One kind of dependence: each partner's share in points of 100, in the scenario's order."""
        nums = self._b.state.nums
        return {p: nums[f"dep.{kind}.{p}"] for p in self._b.partners[kind]}

    def dependency_kinds(self) -> tuple[str, ...]:
        """The kinds of dependence the scenario tracks."""
        return tuple(self._b.partners)

    def diversification(self) -> float:
        """How spread out dependence is, 0–1 (weighted 1 − HHI, normalised)."""
        return diversification(self._b)

    def target(self) -> int | None:
        """Where the diversified meter is heading, 0–100 (None when the scenario has none)."""
        return diversification_target(self._b)

    def ready_in(self, action_id: str) -> int:
        """Turns until an action can be taken again (0: ready now)."""
        s = self._b.state
        return max(0, s.cooldowns.get(action_id, 0) - s.turn)

    def modifiers(self) -> dict[str, int]:
        """Active timed modifiers and the turns each has left."""
        s = self._b.state
        return {k: m.until - s.turn for k, m in s.modifiers.items()}

    def flags(self) -> frozenset[str]:
        """The flags set now."""
        return frozenset(self._b.state.flags)

    def situations(self) -> dict[str, int]:
        """Ongoing situations and the turn each began."""
        return dict(self._b.state.situations)

    def commitments(self) -> dict[str, int]:
        """The player's standing programmes in force (by the action that started each) and the turn each began."""
        return dict(self._b.state.commitments)

    def upkeep(self) -> int:
        """The Diplomatic Capital the standing programmes in force will charge at the start of next turn."""
        actions = self._b.tables.actions
        return sum(c.upkeep for a in self._b.state.commitments if (c := actions[a].commitment) is not None)

    def last_engaged(self, actor: str) -> int | None:
        """The last turn the player engaged an actor (None: never)."""
        return self._b.state.engaged.get(actor)

    def played(self, tag: str) -> int:
        """How many actions carrying ``tag`` were taken this turn."""
        return self._b.state.played.get(f"tag:{tag}", 0)

    def taken(self, action_id: str) -> int:
        """How many times an action was taken this turn (once, unless it has no cooldown)."""
        return self._b.state.played.get(f"action:{action_id}", 0)

    def chosen(self) -> Mapping[str, str]:
        """The answer last given to each crisis answered so far."""
        return MappingProxyType(self._b.state.chosen)

    def fired_count(self, event_id: str) -> int:
        """How many times an event has fired."""
        return self._b.state.fired_count.get(event_id, 0)

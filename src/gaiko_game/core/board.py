"""The board: state plus the records of a game. Every number changes through :meth:`Board.add`.

Effect plugins write through these primitives; the engine's phases (``core.turn``) and its
decisions (``core.engine``) do too. Nothing outside the core holds a board: front ends read
a game through its :class:`~gaiko_game.core.view.View`.
"""

from __future__ import annotations

from gaiko_game.core.compiled import COUNTER_BOUNDS, compiled
from gaiko_game.core.ledger import Cause, Change
from gaiko_game.core.model import STANDARD, DifficultyDef, Scenario
from gaiko_game.core.plugins import TARGET, Plan
from gaiko_game.core.report import Fired, Roll
from gaiko_game.core.state import Modifier, State
from gaiko_game.core.text import Msg, Name

_change = tuple.__new__  # builds a Change without NamedTuple's keyword-handling __new__ (the ledger's hot path)
_COUNTER = (*COUNTER_BOUNDS, False)
SPREAD = "*"
"""The partner part of a key that stands for all the shares a shift without ``from`` made smaller, together."""


def key_name(key: str) -> Msg:
    """A readable name for a number's key, e.g. ``relation.china`` → "Relation with China"."""
    head, _, rest = key.partition(".")
    if head == "relation":
        return Msg.of("key.relation", actor=Name(f"actor.{rest}"))
    if head == "stance":
        return Msg.of("key.stance", actor=Name(f"actor.{rest}"), axis=Name("stance.name"))
    if head == "dep":
        kind, _, partner = rest.partition(".")
        if partner == SPREAD:
            return Msg.of("key.dependency_others", kind=Name(f"dependency.{kind}"))
        return Msg.of("key.dependency", kind=Name(f"dependency.{kind}"), partner=Name(f"partner.{partner}"))
    return Msg.of("key.plain", name=Name(key))


class Board:
    """State, bounds and records, with the primitives every effect is written in."""

    def __init__(self, scenario: Scenario, state: State, level: DifficultyDef = STANDARD) -> None:
        self.scenario = scenario
        self.state = state
        self.level = level
        self.ledger: list[Change] = []
        self.ended: list[tuple[int, str]] = []
        self.fired: list[Fired] = []
        self.rolls: list[Roll] = []
        self.programmes: list[tuple[int, str, str]] = []
        """(turn, action, started / withdrawn / lapsed): what happened to the player's standing programmes."""
        self.explain = True
        """Whether fired events record why they fired (batch simulations, which nobody reads, turn it off)."""
        self.tables = tables = compiled(scenario)
        self.bounds = tables.bounds
        self.partners = tables.partners
        self.share_keys = tables.share_keys
        self._limits = tables.limits

    def copy(self) -> Board:
        """An independent board at the same point, with copies of its records."""
        b = Board(self.scenario, self.state.copy(), self.level)
        b.ledger, b.ended, b.fired, b.rolls = self.ledger.copy(), self.ended.copy(), self.fired.copy(), self.rolls.copy()
        b.programmes = self.programmes.copy()
        b.explain = self.explain
        return b

    def marks(self) -> tuple[int, int, int, int, int]:
        """The lengths of the records, to cut them back to on undo."""
        return len(self.ledger), len(self.ended), len(self.fired), len(self.rolls), len(self.programmes)

    def cut(self, marks: tuple[int, int, int, int, int]) -> None:
        """Drop every record made after ``marks``."""
        n_ledger, n_ended, n_fired, n_rolls, n_programmes = marks
        del self.ledger[n_ledger:], self.ended[n_ended:], self.fired[n_fired:], self.rolls[n_rolls:]
        del self.programmes[n_programmes:]

    def end_programme(self, action: str, how: str) -> None:
        """End a standing programme: its ending costs apply (cause ``withdrawn`` or ``lapsed``), and it is noted."""
        s = self.state
        a = self.tables.actions[action]
        if s.commitments.pop(action, None) is None or a.commitment is None:
            return
        self.programmes.append((s.turn, action, how))
        self.run(a.commitment.end_steps, Cause(how, action), None)

    def actor(self, actor: str, target: str | None) -> str:
        """Resolve an actor parameter, ``target`` meaning the chosen target."""
        return target if actor == TARGET and target is not None else actor

    def limits(self, key: str) -> tuple[int, int, bool]:
        """A number's bounds, and whether it is a dependency share."""
        return self._limits.get(key, _COUNTER)

    def add(self, key: str, by: int, cause: Cause, spread: bool = False) -> int:
        """Add ``by`` to a number within its bounds; record and return the real change."""
        s = self.state
        nums = s.nums
        before = nums.get(key, 0)
        lo, hi, share = self._limits.get(key, _COUNTER)
        after = before + by
        if after > hi:
            after = hi
        elif after < lo:
            after = lo
        if after == before:
            return 0
        nums[key] = after
        if share:  # a dependency share moved: the cached diversification index is stale
            s.diversification = -1.0
        self.ledger.append(_change(Change, (s.turn, key, before, after, cause, spread)))
        return after - before

    def shift(self, kind: str, to: str, source: str | None, points: int, cause: Cause) -> int:
        """Move dependency share points to ``to`` from ``source``, or else from all the other shares in proportion.

        Without a source, no partner is singled out: a bigger share for ``to`` leaves every other share a little
        smaller, each by its part of ``points`` (largest remainders round, ties to the larger share, then the
        scenario's order), and the ledger marks those changes ``spread``.
        """
        nums = self.state.nums
        to_key = f"dep.{kind}.{to}"
        if source is not None:
            source_key = f"dep.{kind}.{source}"
            moved = min(points, nums[source_key])
            if moved <= 0 or source_key == to_key:
                return 0
            self.add(source_key, -moved, cause)
            self.add(to_key, moved, cause)
            return moved
        others = [(p, nums[f"dep.{kind}.{p}"]) for p in self.partners[kind] if p != to]
        total = sum(share for _, share in others)
        moved = min(points, total)
        if moved <= 0:
            return 0
        parts = {p: moved * share // total for p, share in others}
        order = sorted(range(len(others)), key=lambda i: (-(moved * others[i][1] % total), -others[i][1], i))
        for i in order[:moved - sum(parts.values())]:
            parts[others[i][0]] += 1
        for p, _ in others:
            if parts[p]:
                self.add(f"dep.{kind}.{p}", -parts[p], cause, spread=True)
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

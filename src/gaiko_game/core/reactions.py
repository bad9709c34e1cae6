"""The world's predictable reactions to a decision at the end of this turn.

Two scratch boards end the turn from where the game stands: one after the decision, one without it. Nothing is
answered or moved in between (the player's later decisions and the other actors' moves are not known yet), so the
world rules (``core.turn.world_rules``, the engine's own loop) give exact reactions: the rules the decision sets
off, heads off or changes. The other actors' moves are chances, so a preview gives how the decision moves them.
Neither board draws from the game's random streams.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from gaiko_game.core.board import Board
from gaiko_game.core.ledger import Change
from gaiko_game.core.plugins import Effect, Plan
from gaiko_game.core.turn import move_chance, world_rules, world_start

FIRES = "fires"
"""A rule that fires at the end of this turn only because of the decision."""
STOPS = "stops"
"""A rule that would fire at the end of this turn, and does not because of the decision."""
CHANGES = "changes"
"""A rule that fires either way, but changes other numbers (or by other amounts) because of the decision."""


@dataclass(frozen=True, slots=True)
class Reaction:
    """A world rule whose firing at the end of this turn a decision changes, and exactly how.

    ``changes``: what the rule does (:data:`FIRES`), what it would have done (:data:`STOPS`), or the difference
    the decision makes to what it does, as changes that net to it (:data:`CHANGES`).
    """

    rule: str
    kind: str
    changes: tuple[Change, ...]
    unlisted: tuple[tuple[int, Effect], ...] = ()
    """What the rule does that ``changes`` cannot show: flags, modifiers, endings, pieces due in later turns."""


@dataclass(frozen=True, slots=True)
class MoveOdds:
    """An actor's move whose chance of coming up this turn a decision changes (0–1, before and after it)."""

    move: str
    actor: str
    before: float
    after: float


@dataclass(frozen=True, slots=True)
class Reactions:
    """A decision's reactions: the world rules, in the scenario's order, then the moves, in agenda order."""

    rules: tuple[Reaction, ...] = ()
    moves: tuple[MoveOdds, ...] = ()


NONE = Reactions()


class _Ended(NamedTuple):
    """A scratch board's world phase: each move's chance, and each fired rule's changes by its index."""

    odds: dict[str, float]
    fired: dict[int, tuple[Change, ...]]


def _end(b: Board, decide: Callable[[Board], None] | None) -> _Ended:
    scratch = Board(b.scenario, b.state.copy(), b.level)
    if decide is not None:
        decide(scratch)
    world_start(scratch)
    moves = scratch.tables.move_triggers(b.scenario, b.level.move_chance)
    odds = {t.event.id: move_chance(scratch, t) for t in moves}
    marks = world_rules(scratch)
    ends = [m for _, m in marks[1:]] + [len(scratch.ledger)] * bool(marks)  # each ends where the next begins
    return _Ended(odds, {i: tuple(scratch.ledger[m:end]) for (i, m), end in zip(marks, ends, strict=True)})


def move_odds(b: Board) -> tuple[MoveOdds, ...]:
    """Each other actor's move with the chance it comes up at the end of this turn if the player ends it now
    (``before`` and ``after`` alike), in agenda order; moves that cannot come up are left out."""
    odds = _end(b, None).odds
    return tuple(MoveOdds(t.event.id, t.event.actor or "", odds[t.event.id], odds[t.event.id])
                 for t in b.tables.move_triggers(b.scenario, b.level.move_chance) if odds[t.event.id] > 0)


def world_now(b: Board) -> _Ended:
    """The world phase as it would run if the turn ended now, with no decision (what every preview compares with:
    the game computes it once per state, see ``Game.preview``)."""
    return _end(b, None)


def reactions(b: Board, decide: Callable[[Board], None], without: _Ended | None = None) -> Reactions:
    """What the world does differently at the end of this turn when ``decide`` is applied to the board now
    (``without``: :func:`world_now` of this very board, when the caller has it)."""
    without, after = without or _end(b, None), _end(b, decide)
    moves = tuple(MoveOdds(t.event.id, t.event.actor or "", without.odds[t.event.id], after.odds[t.event.id])
                  for t in b.tables.move_triggers(b.scenario, b.level.move_chance)
                  if abs(after.odds[t.event.id] - without.odds[t.event.id]) > 1e-9)
    return Reactions(_rules(b, without, after), moves)


def _rules(b: Board, without: _Ended, after: _Ended) -> tuple[Reaction, ...]:
    found: dict[tuple[str, str], Reaction] = {}
    for i, (_, steps, cause) in enumerate(b.tables.rules):
        now, before = after.fired.get(i), without.fired.get(i)
        if now is not None and before is None:
            r = Reaction(cause.id, FIRES, now, _unlisted(steps))
        elif before is not None and now is None:
            r = Reaction(cause.id, STOPS, before, _unlisted(steps))
        elif now is not None and before is not None and _net(now) != _net(before):
            r = Reaction(cause.id, CHANGES, now + tuple(_reverse(c) for c in before))
        else:
            continue
        if not _net(r.changes) and not r.unlisted:  # it fires, but every amount is held at a bound
            continue
        same = found.get((r.rule, r.kind))  # a rule written `for_each` actor: its firings read as one
        found[r.rule, r.kind] = r if same is None else Reaction(r.rule, r.kind, same.changes + r.changes,
                                                                 same.unlisted + r.unlisted)
    return tuple(found.values())


def _unlisted(steps: Plan) -> tuple[tuple[int, Effect], ...]:
    return tuple((off, e) for off, e in steps if off or not e.counted)


def _net(changes: tuple[Change, ...]) -> dict[str, int]:
    net: dict[str, int] = {}
    for c in changes:
        net[c.key] = net.get(c.key, 0) + c.delta
    return {k: v for k, v in net.items() if v}


def _reverse(c: Change) -> Change:
    """A change taken back (what "without the decision" subtracts)."""
    return Change(c.turn, c.key, c.after, c.before, c.cause, c.spread)

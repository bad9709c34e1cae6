"""What an action or a crisis choice would do, computed on a scratch copy of the board."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core.board import Board, Cause, Change
from gaiko_game.core.model import ActionDef, ChoiceDef
from gaiko_game.core.plugins import Effect, Plan
from gaiko_game.core.state import State
from gaiko_game.core.world import autonomy_target


@dataclass(frozen=True, slots=True)
class Preview:
    """Immediate changes on success, later pieces (turns from now, effect), odds, and the failure case."""

    now: tuple[Change, ...]
    later: tuple[tuple[int, Effect], ...]
    odds: float | None
    failure_now: tuple[Change, ...] = ()
    failure_later: tuple[tuple[int, Effect], ...] = ()
    autonomy_target: int = 0
    """How far the success case moves where autonomy is heading (from dependency shifts, now and later)."""


def _run(board: Board, state: State, steps: Plan, cost: int, cause: Cause, target: str | None) -> tuple[Change, ...]:
    scratch = Board(board.scenario, state.copy())
    scratch.add("capital", -cost, cause)
    scratch.run(steps, cause, target)
    return tuple(scratch.ledger)


def _target_shift(board: Board, steps: Plan, cause: Cause, target: str | None) -> int:
    """The change in autonomy's target once every piece of the plan has landed."""
    scratch = Board(board.scenario, board.state.copy())
    before = autonomy_target(scratch)
    scratch.run(tuple((0, e) for _, e in steps), cause, target)
    return autonomy_target(scratch) - before


def preview(board: Board, item: ActionDef | ChoiceDef, odds: float | None, target: str | None = None) -> Preview:
    """Preview an action or a choice without touching the game or its random stream."""
    cause = Cause("action" if isinstance(item, ActionDef) else "choice", item.id, target or "")
    s = board.state
    later = tuple(p for p in item.success_plan if p[0] > 0)
    shift = _target_shift(board, item.success_plan, cause, target)
    if odds is None:
        return Preview(_run(board, s, item.success_plan, item.cost, cause, target), later, None, autonomy_target=shift)
    return Preview(
        _run(board, s, item.success_plan, item.cost, cause, target), later, odds,
        _run(board, s, item.failure_plan, item.cost, cause, target), tuple(p for p in item.failure_plan if p[0] > 0),
        autonomy_target=shift,
    )

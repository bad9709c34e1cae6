"""What an action or a crisis choice would do, computed on a scratch copy of the board."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from gaiko_game.core.board import Board
from gaiko_game.core.ledger import Cause, Change
from gaiko_game.core.model import ActionDef, ChoiceDef
from gaiko_game.core.plugins import Effect, Plan
from gaiko_game.core.reactions import NONE, Reactions, _Ended, reactions
from gaiko_game.core.text import Msg
from gaiko_game.core.turn import diversification_target


@dataclass(frozen=True, slots=True)
class Preview:
    """Immediate changes on success, later pieces (turns from now, effect), odds, and the failure case.

    ``reasons`` says why the action or choice cannot be taken now (empty when it can).
    """

    now: tuple[Change, ...]
    later: tuple[tuple[int, Effect], ...]
    odds: float | None
    failure_now: tuple[Change, ...] = ()
    failure_later: tuple[tuple[int, Effect], ...] = ()
    target_shift: int = 0
    """How far the success case moves where the diversified meter is heading, once every piece has landed."""
    reasons: tuple[Msg, ...] = ()
    total: tuple[Change, ...] = ()
    """Every change of the success case once every piece (now, later, faded in) has landed, cost aside."""
    failure_total: tuple[Change, ...] = ()
    repeats: int = 0
    """Times the action was taken lately: its gains are already scaled down for them (see ``RepetitionDef``)."""
    scale: float = 1.0
    """The share of its gains the action keeps now."""
    reactions: Reactions = NONE
    """What the world does differently at the end of this turn on success (see ``core.reactions``)."""
    failure_reactions: Reactions = NONE
    """What the world does differently at the end of this turn on failure (none without odds)."""


def _run(board: Board, steps: Plan, cost: int, cause: Cause, target: str | None) -> tuple[Change, ...]:
    scratch = Board(board.scenario, board.state.copy(), board.level)
    scratch.add("capital", -cost, cause)
    scratch.run(steps, cause, target)
    return tuple(scratch.ledger)


def _landed(board: Board, steps: Plan, cause: Cause, target: str | None) -> tuple[tuple[Change, ...], int]:
    """Every change once all of the plan's pieces have landed, and how far the diversified meter's target moved."""
    scratch = Board(board.scenario, board.state.copy(), board.level)
    before = diversification_target(scratch)
    scratch.run(tuple((0, e) for _, e in steps), cause, target)
    after = diversification_target(scratch)
    return tuple(scratch.ledger), (0 if before is None or after is None else after - before)


def preview(board: Board, item: ActionDef | ChoiceDef, odds: float | None, target: str | None = None,
            reasons: tuple[Msg, ...] = (), success: Plan | None = None, repeats: int = 0) -> Preview:
    """Preview an action or a choice without touching the game or its random streams.

    ``success`` is the plan that taking it now would run (an action taken lately yields less), and
    ``repeats`` how many recent uses scaled it.
    """
    cause = Cause("action" if isinstance(item, ActionDef) else "choice", item.id, target or "")
    plan = item.success_plan if success is None else success
    rep = board.scenario.repetition
    scale = rep.scale(repeats) if rep is not None and repeats else 1.0
    later = tuple(p for p in plan if p[0] > 0)
    total, shift = _landed(board, plan, cause, target)
    now = _run(board, plan, item.cost, cause, target)
    if odds is None:
        return Preview(now, later, None, target_shift=shift, reasons=reasons, total=total, repeats=repeats, scale=scale)
    return Preview(now, later, odds, _run(board, item.failure_plan, item.cost, cause, target),
                   tuple(p for p in item.failure_plan if p[0] > 0), target_shift=shift, reasons=reasons, total=total,
                   failure_total=_landed(board, item.failure_plan, cause, target)[0], repeats=repeats, scale=scale)


def with_world(p: Preview, board: Board, decide: Callable[[Board, bool], None], without: object = None) -> Preview:
    """``p`` with the world's reactions to the decision added: to its success, and to its failure when it has odds
    (``decide(scratch, success)`` takes the decision on a scratch board). None when it cannot be taken now.
    ``without``: the board's :func:`~gaiko_game.core.reactions.world_now`, when the caller keeps it."""
    if p.reasons:
        return p
    base = without if isinstance(without, _Ended) else None
    fail = NONE if p.odds is None else reactions(board, lambda b: decide(b, False), base)
    return replace(p, reactions=reactions(board, lambda b: decide(b, True), base), failure_reactions=fail)

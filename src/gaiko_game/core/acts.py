"""What a decision does to a board: taking an action, answering a crisis.

The engine's doors (``Game.apply``, ``Game.choose``) call these after checking the decision is allowed; a preview
calls them on a scratch board with the roll's outcome given, so both run the same steps.
"""

from __future__ import annotations

from gaiko_game.core.board import Board
from gaiko_game.core.conditions import holds
from gaiko_game.core.ledger import Cause
from gaiko_game.core.model import FOLLOW_UPS_PER_CHOICE, ActionDef, ChoiceDef, EventDef, Odds
from gaiko_game.core.report import Roll
from gaiko_game.core.rng import dice_needed
from gaiko_game.core.turn import record_answer


def chance(b: Board, odds: Odds | None, target: str | None) -> float | None:
    """The chance of success now, after modifiers, or None when success is certain."""
    if odds is None:
        return None
    p = odds.base
    for m in odds.modifiers:
        if holds(m.when, b.state, target):
            p += m.add
    return min(1.0, max(0.0, p))


def repeats(b: Board, action_id: str) -> int:
    """How many times the action was taken in the scenario's repetition memory (what makes it yield less)."""
    rep = b.scenario.repetition
    s = b.state
    if rep is None:
        return 0
    return sum(1 for t in s.uses.get(action_id, ()) if s.turn - t < rep.memory)


def _remember(b: Board, action_id: str) -> None:
    rep = b.scenario.repetition
    if rep is not None:
        s = b.state
        s.uses[action_id] = (*(t for t in s.uses.get(action_id, ()) if s.turn - t < rep.memory), s.turn)


def _roll(b: Board, item: ActionDef | ChoiceDef, cause: Cause, target: str | None, dice: int | None) -> bool:
    """Roll for the item's odds: the game's stream draws, unless a class rolled real dice (``dice``, 1–100), which
    succeed up to :func:`dice_needed` and leave the stream where it was."""
    p = chance(b, item.odds, target)
    if p is None:
        return True
    s = b.state
    success = s.rolls.chance(p) if dice is None else dice <= dice_needed(p)
    b.rolls.append(Roll(s.turn, cause, p, success, dice))
    return success


def take(b: Board, a: ActionDef, target: str | None, success: bool | None = None, dice: int | None = None) -> None:
    """Take an action: pay its cost, start its cooldown, note its tags and the actors it engages, then run its
    effects, or its failure's when the roll fails (``success``, when given, is the roll's outcome: nothing is
    drawn; ``dice`` is a real roll, see :func:`_roll`)."""
    s, tables = b.state, b.tables
    cause = tables.causes[a.id, target]
    b.add("capital", -a.cost, cause)
    s.cooldowns[a.id] = s.turn + a.cooldown
    plan = tables.repeated(b.scenario, a, repeats(b, a.id))
    played, last = s.played, s.last_played
    for key in a.played_keys:
        played[key] = played.get(key, 0) + 1
        last[key] = s.turn
    _remember(b, a.id)
    for actor in tables.engages[a.id, target]:
        s.engaged[actor] = s.turn
    if _roll(b, a, cause, target, dice) if success is None else success:
        b.run(plan, cause, target)
        if a.commitment is not None:
            s.commitments[a.id] = s.turn
            b.programmes.append((s.turn, a.id, "started"))
    else:
        b.run(a.failure_plan, cause._replace(kind="action_failed"), target)


def answer(b: Board, ev: EventDef, c: ChoiceDef, success: bool | None = None, dice: int | None = None) -> None:
    """Answer a crisis with a choice: pay its cost, note it and the actors it engages, run its effects (or its
    failure's: ``success`` as in :func:`take`), and queue its follow-ups."""
    s = b.state
    cause = Cause("choice", f"{ev.id}.{c.id}")
    b.add("capital", -c.cost, cause)
    s.chosen[ev.id] = c.id
    for actor in b.tables.engages[cause.id, None]:
        s.engaged[actor] = s.turn
    if _roll(b, c, cause, None, dice) if success is None else success:
        b.run(c.success_plan, cause, None)
    else:
        b.run(c.failure_plan, cause._replace(kind="choice_failed"), None)
    for f in c.follow_ups[:FOLLOW_UPS_PER_CHOICE]:  # the validator refuses more; the bound holds regardless
        queued = (s.turn + f.after, f.event, ev.id)
        if queued not in s.follow_ups:
            s.follow_ups.append(queued)
    record_answer(b, ev.id, c.id)

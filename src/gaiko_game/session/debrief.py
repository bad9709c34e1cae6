"""What the debrief shows, as data: curves over the turns, the largest causes, and the strategy played."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gaiko_game.core import Cause, Choose, EndTurn, Game, Order
from gaiko_game.core.compiled import compiled
from gaiko_game.core.model import STRATEGY_ROLES
from gaiko_game.core.plugins import Condition


def series(game: Game) -> dict[str, list[int]]:
    """Each meter and Diplomatic Capital at the end of every turn played."""
    out: dict[str, list[int]] = {m: [r.meters[m] for r in game.reports] for m in game.scenario.meter_ids()}
    out["capital"] = [r.capital for r in game.reports]
    return out


def largest_causes(game: Game, n: int = 6) -> list[tuple[Cause, str, int]]:
    """The causes that moved the meters most over the game, as (cause, meter, net change)."""
    totals: Counter[tuple[Cause, str]] = Counter()
    for ch in game.ledger:
        if ch.key.startswith("meter."):
            totals[(ch.cause._replace(note=""), ch.key[6:])] += ch.delta
    ranked = sorted(totals.items(), key=lambda kv: (-abs(kv[1]), kv[0][1], kv[0][0]))
    return [(cause, meter, delta) for (cause, meter), delta in ranked[:n]]


@dataclass(frozen=True)
class Behaviour:
    """What the player did over a game, as the debrief's labels read it.

    ``turns``: for each role the scenario maps (``strategy_tags``), the share of turns played in which the
    player took an action in that role or had a standing programme in it in force; ``engaged``: the actors
    engaged at least once; ``lowest``/``highest``: each number's extremes over the game, its start included.
    """

    turns: dict[str, float]
    engaged: frozenset[str]
    lowest: dict[str, int]
    highest: dict[str, int]
    engaged_turns: dict[str, float]
    """For each actor, the share of turns in which the player engaged it."""


def behaviour(game: Game) -> Behaviour:
    """What the player did: moves by role and turn, actors engaged, the range each number went through."""
    sc = game.scenario
    roles = {r: sc.tags_for(r) for r in STRATEGY_ROLES}
    turns_with: dict[str, set[int]] = {r: set() for r in roles}
    engaging: dict[str, set[int]] = {}
    for turn, tags, actors in _moves(game):
        for role, wanted in roles.items():
            if tags & wanted:
                turns_with[role].add(turn)
        for actor in actors:
            engaging.setdefault(actor, set()).add(turn)
    played = max(1, len(game.reports))
    lowest: dict[str, int] = {}
    highest: dict[str, int] = {}
    for c in game.ledger:
        for value in (c.before, c.after):
            if c.key not in lowest or value < lowest[c.key]:
                lowest[c.key] = value
            if c.key not in highest or value > highest[c.key]:
                highest[c.key] = value
    return Behaviour({r: len(t) / played for r, t in turns_with.items()},
                     frozenset(a for a in (x.id for x in sc.actors) if game.view.last_engaged(a) is not None),
                     lowest, highest, {a: len(t) / played for a, t in engaging.items()})


def _moves(game: Game) -> list[tuple[int, frozenset[str], tuple[str, ...]]]:
    """Each move the player chose, with its turn, its tags and the actors it engaged: the actions taken, and every
    turn a standing programme was in force (crisis answers are left out: a player who lets time run out still
    gets one)."""
    sc, out = game.scenario, []
    engages = compiled(sc).engages
    turn, ended = 1, False
    for d in game.history:
        if isinstance(d, Choose):  # a turn's crisis answers come after its end
            continue
        if ended:
            turn, ended = turn + 1, False
        if isinstance(d, EndTurn):
            ended = True
        elif isinstance(d, Order) and (action := sc.action(d.action)) is not None:
            out.append((turn, action.tags, engages.get((d.action, d.target), ())))
    active: set[str] = set()
    for report in game.reports:
        for action_id, how in report.programmes:
            (active.add if how == "started" else active.discard)(action_id)
        out += [(report.turn, a.tags, engages.get((f"programme:{a.id}", None), ()))
                for a in (sc.action(x) for x in sorted(active)) if a is not None]
    return out


def kept(b: Behaviour, c: Condition, now: int) -> bool:
    """Whether a condition on one number held all game: its ``min`` against the lowest value, ``max`` the highest
    (``now``: the number's value, for a number that never changed)."""
    key = getattr(c, "fixed_key", "")
    lo, hi = getattr(c, "min", None), getattr(c, "max", None)
    return (lo is None or b.lowest.get(key, now) >= lo) and (hi is None or b.highest.get(key, now) <= hi)


def label(game: Game, b: Behaviour | None = None) -> str | None:
    """The first of the scenario's labels that what the player did fits (None when it declares none)."""
    b = b or behaviour(game)
    for lab in game.scenario.labels:
        if any(b.turns.get(role, 0.0) < share for role, share in lab.turns) or len(b.engaged) < lab.breadth:
            continue
        if any(b.engaged_turns.get(actor, 0.0) < share for actor, share in lab.engaged):
            continue
        if all(kept(b, c, game.view.number(getattr(c, "fixed_key", ""))) for c in lab.kept):
            return lab.id
    return None

"""Checks on the event graph and on conditions that can never hold.

Errors: follow-up chains that loop, answers that queue too many follow-ups. Warnings: events that can never fire,
choices that change nothing, conditions outside the range of what they test.
"""

from __future__ import annotations

from gaiko_game.core.model import FOLLOW_UPS_PER_CHOICE, EventDef
from gaiko_game.core.plugins import Effect
from gaiko_game.scenario.build import Parts
from gaiko_game.scenario.rangecheck import Bounds, counter_spans, find
from gaiko_game.scenario.schema import ScenarioModel


def bounds_by_key(parts: Parts, sm: ScenarioModel) -> dict[str, tuple[int, int]]:
    """What each number can range over, from the scenario's definitions."""
    b: dict[str, tuple[int, int]] = {f"meter.{m.id}": (0, 100) for m in sm.meters}
    b["capital"] = (0, sm.capital.cap)
    b["turn"] = (1, sm.turns)
    for a in parts.actors:
        b[f"relation.{a.id}"] = b[f"stance.{a.id}"] = (-100, 100)
    for t in sm.tracks:
        b[f"track.{t.id}"] = (t.min, t.max)
    for kind, shares in sm.dependencies.items():
        for partner in shares:
            b[f"dep.{kind}.{partner}"] = (0, 100)
    b.update(counter_spans(all_effects(parts)))
    return b


def all_effects(parts: Parts) -> list[Effect]:
    """Every effect the scenario's actions, rules and events can apply (a counter's span comes from them)."""
    out: list[Effect] = []
    for a in parts.actions:
        out += [*a.effects, *a.on_failure, *(a.commitment.each_turn + a.commitment.on_end if a.commitment else ())]
    for r in parts.rules:
        out += r.effects
    for e in parts.events:
        out += [*e.immediate, *(e.ongoing.each_turn if e.ongoing else ())]
        for c in e.choices:
            out += [*c.effects, *c.on_failure]
    return out


def check_events(parts: Parts, sm: ScenarioModel) -> None:
    """Run every event-graph check."""
    bounds = Bounds(bounds_by_key(parts, sm))
    _check_loops(parts)
    _check_fan_out(parts)
    queued = {f.event for e in parts.events for c in e.choices for f in c.follow_ups}
    for ev in parts.events:
        _check_can_fire(parts, sm, ev, queued, bounds)
        _check_choices(parts, ev, bounds)
    for a in parts.actions:
        bad = find(a.requires, bounds)
        if bad is not None:
            where = parts.defined[("action", a.id)]
            parts.checker.report(where.doc, where.path + ("requires",), "never-legal",
                                 f"action '{a.id}' can never be taken: {bad.reason}", hint=bad.hint, warning=True)


def _check_can_fire(parts: Parts, sm: ScenarioModel, ev: EventDef, queued: set[str], bounds: Bounds) -> None:
    where = parts.defined[("event", ev.id)]
    t = ev.trigger

    def warn(message: str, hint: str | None = None) -> None:
        parts.checker.report(where.doc, where.path + ("trigger",), "never-fires", message, hint=hint, warning=True)

    if t.window is not None and t.window[0] > sm.turns:
        warn(f"event '{ev.id}' opens on turn {t.window[0]}, after the last turn ({sm.turns})")
        return
    bad = find(t.when, bounds)
    if bad is not None:
        warn(f"event '{ev.id}' can never fire: {bad.reason}", bad.hint)
        return
    best = t.chance.base + sum(max(0.0, m.add) for m in t.chance.modifiers)
    if best <= 0 and ev.id not in queued:
        warn(f"event '{ev.id}' has no chance to fire and no choice queues it",
             hint="give it a chance, or queue it with follow_up from another event's choice")


def _check_choices(parts: Parts, ev: EventDef, bounds: Bounds) -> None:
    where = parts.defined[("event", ev.id)]
    for j, c in enumerate(ev.choices):
        if not (c.effects or c.on_failure or c.follow_ups or c.cost):
            parts.checker.report(where.doc, where.path + ("choices", j), "no-effect",
                                 f"choice '{c.id}' of '{ev.id}' changes nothing", warning=True,
                                 hint="a choice with no consequence teaches nothing; give it effects")
        bad = find(c.requires, bounds)
        if bad is not None:
            parts.checker.report(where.doc, where.path + ("choices", j, "requires"), "never-legal",
                                 f"choice '{c.id}' of '{ev.id}' can never be taken: {bad.reason}", hint=bad.hint,
                                 warning=True)


def _check_loops(parts: Parts) -> None:
    """A follow-up chain that leads back to an event already in it never ends.

    Walked with an explicit stack, not recursion, so a chain of any length is checked (a thousand
    events deep is as easy as three).
    """
    graph = {e.id: sorted({f.event for c in e.choices for f in c.follow_ups}) for e in parts.events}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    reported: set[frozenset[str]] = set()
    for root, first in graph.items():
        if root in state:
            continue
        state[root] = 1
        path = [root]
        stack = [iter(first)]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    where = parts.defined[("event", path[-1])]
                    parts.checker.report(where.doc, where.path + ("choices",), "chain-loop",
                                         f"follow-up chain loops: {' → '.join(_short_chain(cycle))}",
                                         hint="a chain must end; remove one follow_up in the loop")
            elif nxt not in state and nxt in graph:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph[nxt]))


def _short_chain(cycle: list[str]) -> list[str]:
    """A loop as printed: all of it when short, its two ends when long."""
    return cycle if len(cycle) <= 8 else [*cycle[:3], f"… ({len(cycle) - 6} more) …", *cycle[-3:]]


def _check_fan_out(parts: Parts) -> None:
    """An answer queues each follow-up once, and at most :data:`FOLLOW_UPS_PER_CHOICE` of them."""
    for ev in parts.events:
        where = parts.defined[("event", ev.id)]
        for j, c in enumerate(ev.choices):
            at = where.path + ("choices", j, "follow_up")
            events = [f.event for f in c.follow_ups]
            twice = sorted({e for e in events if events.count(e) > 1})
            if twice:
                parts.checker.report(where.doc, at, "duplicate-follow-up",
                                     f"choice '{c.id}' of '{ev.id}' queues '{twice[0]}' more than once",
                                     hint="an answer queues an event once; give it one `after`")
            if len(events) > FOLLOW_UPS_PER_CHOICE:
                parts.checker.report(where.doc, at, "too-many-follow-ups",
                                     f"choice '{c.id}' of '{ev.id}' queues {len(events)} follow-ups; "
                                     f"the limit is {FOLLOW_UPS_PER_CHOICE}",
                                     hint="chain them instead: let one follow-up queue the next")

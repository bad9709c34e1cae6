"""A played game as a timeline, turn by turn: the actions, the crises and answers, the rolls, the meters after.

``timeline`` is the text the terminal prints (``gaiko replay``); ``turn_views`` is each turn as the window's replay
viewer shows it: what the player did with what each decision changed, the crises and events with the answers, the
other countries' moves, and the meters' net change, all read from the record and the turn's ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import takewhile

from gaiko_game.core import Cause, Change, Choose, Deal, Decision, EndTurn, Game, Order, TurnReport, Veto, Withdraw
from gaiko_game.present.report import moves, net, roll_line
from gaiko_game.present.words import Words


def timeline(game: Game, w: Words) -> list[str]:
    """Each turn as a header line and indented detail lines, then the ending."""
    lines: list[str] = []
    turn, orders = 1, []
    reports = {r.turn: r for r in game.reports}
    for decision in game.history:
        if isinstance(decision, Order | Withdraw):
            orders.append(w.decision(decision))
        elif isinstance(decision, EndTurn):
            year, quarter = game.scenario.date(turn)
            lines.append(w.ui("timeline.turn", year=year, quarter=quarter, turn=turn, orders=w.join(orders) or "—"))
            orders = []
            report = reports.get(turn)
            if report is not None:
                for f in report.fired:
                    if f.hidden:
                        continue
                    title = w.event_title(f.event)
                    answer = w.name(f"event.{f.event}.choice.{f.choice}") if f.choice else ""
                    lines.append("    " + (w.ui("timeline.crisis", title=title, answer=answer) if f.choice else title))
                lines += ["    " + w.ui("report.roll", roll=roll_line(w, r), cause=w.cause(r.cause)) for r in report.rolls]
                lines.append("    " + w.join([f"{w.meter(m)} {v}" for m, v in report.meters.items()]))
            turn += 1
    if orders or not game.history:
        year, quarter = game.scenario.date(turn)
        lines.append(w.ui("timeline.now", year=year, quarter=quarter, turn=turn, orders=w.join(orders) or "—"))
    out = game.outcome()
    if out is not None:
        lines.append(w.ui("timeline.end", ending=w.name(f"ending.{out.ending}"), score=out.score,
                          rating=w.name(f"rating.{out.rating}")))
    return lines


# ── the replay viewer's turns ───────────────────────────────────────────────


@dataclass(frozen=True)
class Entry:
    """One thing a turn holds: something the player did, a crisis and its answer, an event, another country's move."""

    kind: str
    """``action``, ``withdraw``, ``crisis``, ``opportunity``, ``event``, ``ended``, ``lapsed`` or ``move``."""
    icon: str
    """What to draw beside it: an action's category id, or ``crisis``, ``opportunity``, ``programme``, ``moved``."""
    title: str
    detail: str
    """What it changed, on a line ("" when nothing)."""
    tip: tuple[str, ...]
    """The whole story, for a tooltip: the title, the roll, the answer, every change, why it happened."""
    note: str = ""
    """The answer chosen, the roll, a programme started: what to read before the changes."""
    cost: int = 0
    """The Diplomatic Capital it cost (actions and answers)."""
    failed: bool = False
    why: str = ""
    """Why it happened, and what a crisis did as it broke (for a panel with room to spare)."""


@dataclass(frozen=True)
class MeterChange:
    """A meter over a turn: where the turn's first change found it and where the turn left it, and what moved it."""

    id: str
    name: str
    colour: str
    before: int
    after: int
    causes: tuple[str, ...]
    """"+2 Action: Joint drills", largest first."""


@dataclass(frozen=True)
class TurnView:
    """A turn as the replay viewer shows it: what the player did, what happened, the other countries' moves, the
    meters' net change; from the record (the decisions) and the ledger (the turn's report)."""

    turn: int
    title: str
    """"Turn 5 — 2026 Q2"."""
    done: tuple[Entry, ...]
    happened: tuple[Entry, ...]
    moves: tuple[Entry, ...]
    meters: tuple[MeterChange, ...]
    finished: bool
    """Played to its end (False for the turn in progress: its report does not exist yet)."""
    marker: str
    """``crisis`` when a crisis broke this turn, else ``opportunity`` when one opened, else ""."""

    def lines(self) -> list[str]:
        """The turn in short, for the timeline's tooltip: its title, then each decision, answer, event and move."""
        return [self.title, *(e.title for e in (*self.done, *self.happened, *self.moves))]


def decisions_by_turn(game: Game) -> dict[int, list[Decision]]:
    """The record split into turns: each turn's orders and withdrawals, its end, and its crisis answers (a dealt
    event is the facilitator's, not the player's, so it is left out)."""
    out: dict[int, list[Decision]] = {1: []}
    turn, closed = 1, False
    for d in game.history:
        if isinstance(d, Choose):
            out[turn].append(d)
            continue
        if closed:  # the first decision after a turn's end and its answers starts the next turn
            turn, closed = turn + 1, False
            out[turn] = []
        if isinstance(d, EndTurn):
            closed = True
        if not isinstance(d, Deal | Veto):
            out[turn].append(d)
    return out


def turn_views(game: Game, w: Words, starts: Sequence[int] = ()) -> list[TurnView]:
    """Every turn of a game, played or in progress, in order.

    ``starts`` says where in the ledger each turn was shown starting (the length of the ledger of the game as turn
    1, 2… began, after its news): the meters' change then runs from that board to the end of the turn. Without
    it, from the turn's first change (its news included), as the turn report has it.
    """
    reports = {r.turn: r for r in game.reports}
    by_turn = decisions_by_turn(game)
    last = max([*by_turn, *reports, game.turn])
    return [turn_view(game, w, t, by_turn.get(t, []), reports.get(t), starts[t - 1] if t <= len(starts) else None)
            for t in range(1, last + 1)]


def turn_view(game: Game, w: Words, turn: int, decisions: list[Decision], report: TurnReport | None,
              start: int | None = None) -> TurnView:
    """One turn: its decisions with what each changed, and (once it ended) what happened and the net change
    (from ledger entry ``start`` when given, else from the turn's first change)."""
    year, quarter = game.scenario.date(turn)
    title = w.ui("replay.turn", turn=turn, year=year, quarter=quarter)
    done = tuple(_done(w, d, report) for d in decisions if isinstance(d, Order | Withdraw))
    if report is None:
        return TurnView(turn, title, done, (), (), (), False, "")
    happened = (*_fired(w, report), *_lapsed(w, report))
    moved = tuple(Entry("move", "moved", m.text, w.join(list(m.effects)), (m.text, m.desc, *m.effects, m.why),
                        why=m.why) for m in moves(report, w))
    kinds = {e.kind for e in happened}
    marker = "crisis" if "crisis" in kinds else "opportunity" if "opportunity" in kinds else ""
    since = report.changes if start is None else tuple(takewhile(lambda c: c.turn == turn, game.ledger[start:]))
    return TurnView(turn, title, done, happened, moved, _meters(game, w, since, report), True, marker)


def _effects(w: Words, changes: tuple[Change, ...], *causes: Cause) -> list[str]:
    """What these causes changed this turn (Diplomatic Capital left out: a cost is shown as a cost)."""
    return w.amounts([c for c in changes if c.cause in causes])


def _done(w: Words, d: Order | Withdraw, report: TurnReport | None) -> Entry:
    """A decision of the turn with what it changed (read from the turn's ledger once the turn has ended)."""
    changes = report.changes if report is not None else ()
    started = report is not None and (d.action, "started") in report.programmes
    if isinstance(d, Withdraw):
        title = w.ui("report.programme_withdrawn", name=w.name(f"action.{d.action}.name"))
        effects = _effects(w, changes, Cause("withdrawn", d.action))
        return Entry("withdraw", "programme", title, w.join(effects), (title, *effects))
    a = w.scenario.action(d.action)
    success, failure = Cause("action", d.action, d.target or ""), Cause("action_failed", d.action, d.target or "")
    roll = next((r for r in (report.rolls if report is not None else ()) if r.cause == success), None)
    effects = _effects(w, changes, success, failure)
    title, cost = w.order(d), a.cost if a is not None else 0
    notes = [roll_line(w, roll)] if roll is not None else []
    if started and a is not None and a.commitment is not None:
        notes.append(w.ui("replay.programme", upkeep=a.commitment.upkeep))
    detail = w.join(effects) or (w.ui("word.no_changes") if report is not None else "")
    tip = (w.ui("replay.cost", name=title, cost=cost), *notes, *effects)
    return Entry("action", a.category if a is not None else "", title, detail, tip, w.join(notes), cost,
                 roll is not None and not roll.success)


def _fired(w: Words, report: TurnReport) -> list[Entry]:
    """The crises and opportunities with their answers, and the events, that the turn brought."""
    out = []
    for f in report.fired:
        ev = w.event_def(f.event)
        if f.hidden or ev is None or ev.actor is not None:
            continue
        name, why = w.name(f"event.{f.event}.title"), w.render(f.why)
        broke = _effects(w, report.changes, Cause("event", f.event))
        if not ev.choices:
            title = w.ui("cause.event", name=name)
            out.append(Entry("event", "generic", title, w.join(broke), (title, why, *broke), why=why))
            continue
        kind = "opportunity" if ev.opportunity else "crisis"
        title = w.ui("crisis.opportunity_title" if ev.opportunity else "crisis.title", title=name)
        choice = ev.choice(f.choice) if f.choice else None
        if choice is None:
            out.append(Entry(kind, kind, title, w.join(broke), (title, why, *broke), why=why))
            continue
        answer = w.ui("crisis.chosen", name=w.name(f"event.{f.event}.choice.{choice.id}"))
        cause = Cause("choice", f"{f.event}.{choice.id}")
        roll = next((r for r in report.rolls if r.cause == cause), None)
        effects = _effects(w, report.changes, cause, cause._replace(kind="choice_failed"))
        rolled = [roll_line(w, roll)] if roll is not None else []
        immediate = [w.ui("crisis.immediate", changes=w.join(broke))] if broke else []
        tip = (title, why, *immediate, answer, *rolled, *effects)
        out.append(Entry(kind, kind, title, w.join(effects), tip, w.join([answer, *rolled]), choice.cost,
                         roll is not None and not roll.success, "\n".join([*immediate, why])))
    out += [Entry("ended", "generic", line, "", (line,)) for line in
            (w.ui("report.ended", event=w.name(f"event.{e}.title")) for e in report.ended)]
    return out


def _lapsed(w: Words, report: TurnReport) -> list[Entry]:
    """Programmes that ended because their upkeep could not be paid."""
    out = []
    for action, how in report.programmes:
        if how == "lapsed":
            title = w.ui("report.programme_lapsed", name=w.name(f"action.{action}.name"))
            effects = _effects(w, report.changes, Cause("lapsed", action))
            out.append(Entry("lapsed", "programme", title, w.join(effects), (title, *effects)))
    return out


def _meters(game: Game, w: Words, changes: tuple[Change, ...], report: TurnReport) -> tuple[MeterChange, ...]:
    """Each meter from where the first of ``changes`` found it to where the turn left it, and their causes."""
    spans = net(changes)
    out = []
    for m in game.scenario.meters:
        key, after = f"meter.{m.id}", report.meters.get(m.id, 0)
        by_cause: dict[Cause, int] = {}
        for c in changes:
            if c.key == key:
                by_cause[c.cause] = by_cause.get(c.cause, 0) + c.delta
        causes = tuple(w.ui("replay.cause", delta=d, cause=w.cause(c))
                       for c, d in sorted(by_cause.items(), key=lambda kv: -abs(kv[1])) if d)
        out.append(MeterChange(m.id, w.meter(m.id), m.colour, spans[key][0] if key in spans else after, after, causes))
    return tuple(out)


@dataclass(frozen=True)
class EndView:
    """How a finished game ended, as the replay viewer's last tick shows it."""

    title: str
    """"Game over: Full term completed"."""
    score: str
    rating: str
    """What the rating means."""
    ending: str
    """What the ending means."""
    answers: tuple[str, ...]
    """Every crisis answer, in order: "turn: crisis → answer"."""


def end_view(game: Game, w: Words) -> EndView | None:
    """The ending, score and rating, and the crisis answers of a finished game (None while it goes on)."""
    out = game.outcome()
    if out is None:
        return None
    rating = w.name(f"rating.{out.rating}")
    answers = tuple(w.ui("debrief.decision", turn=f.turn, title=w.name(f"event.{f.event}.title"),
                         answer=w.name(f"event.{f.event}.choice.{f.choice}")) for f in game.fired if f.choice)
    return EndView(w.ui("debrief.game_over", ending=w.name(f"ending.{out.ending}")),
                   w.ui("debrief.final_score", score=out.score, rating=rating), w.name(f"rating.{out.rating}.desc"),
                   w.name(f"ending.{out.ending}.desc"), answers)

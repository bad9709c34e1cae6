"""The turn report as data: what fired and why, the rolls, the programmes, the meters' net change, every cause's
effects, and what the other countries did and why.

Changes are grouped by cause, in the order they happened: "Action: Joint drills: Security +4,
US Commitment +3". A player reads what each decision and each force in the world did; the other
actors' moves come last, under their own heading, each with its reasons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gaiko_game.core import Cause, Change, Fired, Game, Roll, TurnReport
from gaiko_game.present.words import Words


@dataclass(frozen=True)
class NetChange:
    """A number's change over the turn."""

    key: str
    name: str
    before: int
    after: int
    tone: str
    """``good`` or ``bad`` for meters and capital (higher is better), else ``neutral``."""
    line: str


@dataclass(frozen=True)
class CauseGroup:
    """Everything one cause changed this turn."""

    cause: Cause
    name: str
    amounts: tuple[str, ...]
    line: str


@dataclass(frozen=True)
class MoveView:
    """Another country's move: what it did, what that changed, and why it happened."""

    event: str
    actor: str
    actor_name: str
    text: str
    desc: str
    effects: tuple[str, ...]
    line: str
    """"China restricts exports of rare earths — Prosperity -4"."""
    why: str
    """Why it happened: "Because: Relation with China at most -30 (now -35); Made likelier by: …"."""


@dataclass(frozen=True)
class ReportView:
    """A turn's report."""

    title: str
    events: tuple[str, ...]
    rolls: tuple[str, ...]
    ended: tuple[str, ...]
    net: tuple[NetChange, ...]
    groups: tuple[CauseGroup, ...]
    programmes: tuple[str, ...] = ()
    """Programmes started, withdrawn or lapsed this turn."""
    moves: tuple[MoveView, ...] = ()
    moves_title: str = ""
    """"What other countries did" (shown only when one did something)."""

    def lines(self) -> list[str]:
        """The whole report as lines, in reading order."""
        moves = [self.moves_title, *(x for m in self.moves for x in (f"  {m.line}", f"    {m.why}"))] if self.moves else []
        return [*self.events, *self.rolls, *self.ended, *self.programmes, *(n.line for n in self.net),
                *(g.line for g in self.groups), *moves]


def roll_line(w: Words, roll: Roll) -> str:
    """A roll: "Roll: 80% chance → success"."""
    return w.ui("word.roll", p=round(roll.p * 100), result=w.ui("word.success" if roll.success else "word.failure"))


def net(changes: Iterable[Change]) -> dict[str, tuple[int, int]]:
    """Each number the changes moved, once: (where it stood before the first, where it stood after the last), in the
    order first moved; numbers that came back to where they started are left out."""
    spans: dict[str, tuple[int, int]] = {}
    for ch in changes:
        spans[ch.key] = (spans[ch.key][0] if ch.key in spans else ch.before, ch.after)
    return {key: span for key, span in spans.items() if span[0] != span[1]}


def _net(w: Words, changes: tuple[Change, ...]) -> tuple[NetChange, ...]:
    """The meters' net change over the turn (the numbers a player judges the turn by). Capital is left to its
    cause lines: its income arrives before the turn's header is shown, so a net line would start from a figure
    the player never saw."""
    spans = net(changes)
    out = []
    for key in sorted(spans, key=w.rank):
        if not key.startswith("meter."):
            continue
        before, after = spans[key]
        tone = "good" if after > before else "bad"
        out.append(NetChange(key, w.key(key), before, after, tone,
                             w.ui("report.net", name=w.key(key), before=before, after=after, delta=after - before)))
    return tuple(out)


def _groups(w: Words, changes: tuple[Change, ...]) -> tuple[CauseGroup, ...]:
    """What each cause changed, except the other countries' moves (they have their own section)."""
    by_cause: dict[Cause, list[Change]] = {}
    for ch in changes:
        if ch.cause.kind != "move":
            by_cause.setdefault(ch.cause, []).append(ch)
    out = []
    for cause, items in by_cause.items():
        amounts = tuple(w.amounts(items, skip=()))
        if amounts:
            name = w.cause(cause)
            out.append(CauseGroup(cause, name, amounts, w.ui("report.group", cause=name, changes=w.join(list(amounts)))))
    return tuple(out)


def _actor(w: Words, f: Fired) -> str | None:
    """The actor whose move fired, or None when it was an event."""
    ev = w.event_def(f.event)
    return ev.actor if ev is not None else None


def moves(report: TurnReport, w: Words) -> tuple[MoveView, ...]:
    """The other countries' moves in a turn, in the order they happened."""
    out = []
    for f in report.fired:
        actor = _actor(w, f)
        if actor is None or f.hidden:
            continue
        effects = tuple(w.amounts([c for c in report.changes if c.cause == Cause("move", f.event)], skip=()))
        text = w.name(f"move.{f.event}")
        line = w.ui("report.move", text=text, effects=w.join(list(effects))) if effects else text
        out.append(MoveView(f.event, actor, w.name(f"actor.{actor}"), text, w.name(f"move.{f.event}.desc"), effects,
                            line, w.render(f.why)))
    return tuple(out)


def latest_moves(game: Game, w: Words) -> tuple[MoveView, ...]:
    """What the other countries did in the turn last played (what the map marks)."""
    return moves(game.reports[-1], w) if game.reports else ()


_PROGRAMME = {"started": "report.programme_started", "withdrawn": "report.programme_withdrawn",
              "lapsed": "report.programme_lapsed"}


def _programmes(report: TurnReport, w: Words) -> tuple[str, ...]:
    """Programmes started, withdrawn or lapsed this turn (a lapse is charged with the news, so it lands next turn)."""
    out = []
    for action, how in report.programmes:
        a = w.scenario.action(action)
        upkeep = a.commitment.upkeep if a is not None and a.commitment is not None else 0
        out.append(w.ui(_PROGRAMME[how], name=w.name(f"action.{action}.name"), upkeep=upkeep))
    return tuple(out)


def turn_report(report: TurnReport, w: Words) -> ReportView:
    """A turn's report in one language."""
    events = tuple(w.ui("report.event", title=w.name(f"event.{f.event}.title"), why=w.render(f.why))
                   for f in report.fired if not f.hidden and _actor(w, f) is None)
    rolls = tuple(w.ui("report.roll", roll=roll_line(w, r), cause=w.cause(r.cause)) for r in report.rolls)
    ended = tuple(w.ui("report.ended", event=w.name(f"event.{e}.title")) for e in report.ended)
    return ReportView(w.ui("report.title", turn=report.turn), events, rolls, ended, _net(w, report.changes),
                      _groups(w, report.changes), _programmes(report, w), moves(report, w), w.ui("report.moves"))

"""The turn report as data: what fired and why, the rolls, the meters' net change, and every cause's effects.

Changes are grouped by cause, in the order they happened: "Action: Joint drills: Security +4,
US Commitment +3". A player reads what each decision and each force in the world did.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Cause, Change, Roll, TurnReport
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
class ReportView:
    """A turn's report."""

    title: str
    events: tuple[str, ...]
    rolls: tuple[str, ...]
    ended: tuple[str, ...]
    net: tuple[NetChange, ...]
    groups: tuple[CauseGroup, ...]

    def lines(self) -> list[str]:
        """The whole report as lines, in reading order."""
        return [*self.events, *self.rolls, *self.ended, *(n.line for n in self.net), *(g.line for g in self.groups)]


def roll_line(w: Words, roll: Roll) -> str:
    """A roll: "Roll: 80% chance → success"."""
    return w.ui("word.roll", p=round(roll.p * 100), result=w.ui("word.success" if roll.success else "word.failure"))


def _net(w: Words, changes: tuple[Change, ...]) -> tuple[NetChange, ...]:
    """The meters' and capital's net change over the turn (the numbers a player judges the turn by)."""
    first: dict[str, Change] = {}
    last: dict[str, Change] = {}
    for ch in changes:
        first.setdefault(ch.key, ch)
        last[ch.key] = ch
    out = []
    for key in sorted(first, key=w.rank):
        if not (key.startswith("meter.") or key == "capital"):
            continue
        before, after = first[key].before, last[key].after
        if before == after:
            continue
        tone = "good" if after > before else "bad"
        out.append(NetChange(key, w.key(key), before, after, tone,
                             w.ui("report.net", name=w.key(key), before=before, after=after, delta=after - before)))
    return tuple(out)


def _groups(w: Words, changes: tuple[Change, ...]) -> tuple[CauseGroup, ...]:
    by_cause: dict[Cause, list[Change]] = {}
    for ch in changes:
        by_cause.setdefault(ch.cause, []).append(ch)
    out = []
    for cause, items in by_cause.items():
        amounts = tuple(w.amounts(items, skip=()))
        if amounts:
            name = w.cause(cause)
            out.append(CauseGroup(cause, name, amounts, w.ui("report.group", cause=name, changes=w.join(list(amounts)))))
    return tuple(out)


def turn_report(report: TurnReport, w: Words) -> ReportView:
    """A turn's report in one language."""
    events = tuple(w.ui("report.event", title=w.name(f"event.{f.event}.title"), why=w.render(f.why))
                   for f in report.fired if not f.hidden)
    rolls = tuple(w.ui("report.roll", roll=roll_line(w, r), cause=w.cause(r.cause)) for r in report.rolls)
    ended = tuple(w.ui("report.ended", event=w.name(f"event.{e}.title")) for e in report.ended)
    return ReportView(w.ui("report.title", turn=report.turn), events, rolls, ended, _net(w, report.changes),
                      _groups(w, report.changes))

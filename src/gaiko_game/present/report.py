"""The turn report as data: what fired and why, the rolls, the programmes, the meters' net change, every cause's
effects, and what the other countries did and why.

Changes are grouped by cause, in the order they happened: "Action: Joint drills: Security +4,
US Commitment +3". A player reads what each decision and each force in the world did; the other
actors' moves come last, under their own heading, each with its reasons.

The summary the window shows first is built here too: each meter's (and capital's, and each changed track's) net
change with its biggest causes (:class:`MeterBar`), and what fired as cards (:class:`EventCard`).
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
class Push:
    """One cause's part in a number's change over the turn."""

    cause: Cause
    name: str
    """The cause, short: the action, answer, rule or event itself ("Joint drills"), the country for another's move,
    any other kind as the ledger words it ("Upkeep: …")."""
    delta: int
    line: str
    """"Joint drills +4"."""


@dataclass(frozen=True)
class MeterBar:
    """A number's change over the turn, with what pushed it: a row of the summary."""

    key: str
    name: str
    kind: str
    """``meter``, ``capital`` or ``track``."""
    before: int
    """Where it stood when the player first saw the turn (capital: after the turn's income and upkeep)."""
    after: int
    tone: str
    """``good`` or ``bad`` for a meter's or capital's rise or fall (higher is better), else ``neutral``."""
    pushes: tuple[Push, ...]
    """Every cause that moved it, the largest first (by size, then in the order they happened)."""
    values: str
    """"65 → 68"."""
    change: str
    """"+3", "-2" or "±0"."""
    causes: str
    """The biggest causes on one line, with how many more and what they came to: "A +2、B +1、ほか2件 -1"."""

    @property
    def delta(self) -> int:
        """The net change."""
        return self.after - self.before


@dataclass(frozen=True)
class EventCard:
    """Something that happened this turn other than another country's move, as a card of the summary."""

    kind: str
    """``event``, ``crisis``, ``opportunity``, ``roll``, ``ended`` or ``programme``."""
    title: str
    lines: tuple[str, ...]
    """What it did: the answer chosen, its effects, a roll's result."""
    note: str
    """Why it happened, or "" (shown quieter)."""
    tone: str = "neutral"
    """A roll's ``good`` success or ``bad`` failure; ``neutral`` otherwise."""


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
    bars: tuple[MeterBar, ...] = ()
    """The summary's rows: every meter, capital, then each track that moved."""
    cards: tuple[EventCard, ...] = ()
    """The summary's cards for what fired, the rolls, what ended and the programmes, in the report's order."""

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


TOP = 3
"""How many causes a summary row names; the rest are counted and summed."""
_NEWS = ("income", "upkeep")
"""Capital's changes at the start of a turn, before the player sees it (the HUD's figure already has them)."""


def signed(delta: int, zero: str = "±0") -> str:
    """A change with its sign, never colour alone: "+3", "-2", ``zero`` ("±0", or "0" in a table of changes)."""
    return f"{delta:+d}" if delta else zero


def short_cause(w: Words, cause: Cause) -> str:
    """A cause as a summary row names it: the action, answer, rule or event itself ("Joint drills"), a failure said
    to be one, another country's move by the country; any other kind as the ledger words it."""
    kind, ident = cause.kind, cause.id
    if kind in ("action", "action_failed"):
        name = w.name(f"action.{ident}.name")
        if cause.note:
            name = w.ui("cause.with_target", name=name, target=w.name(f"actor.{cause.note}"))
    elif kind in ("choice", "choice_failed"):
        event, _, choice = ident.partition(".")
        name = w.name(f"event.{event}.choice.{choice}")
    elif kind in ("rule", "event"):
        name = w.name(f"rule.{ident}" if kind == "rule" else f"event.{ident}.title")
    elif kind == "move" and (ev := w.event_def(ident)) is not None and ev.actor is not None:
        name = w.name(f"actor.{ev.actor}")
    else:
        return w.cause(cause)
    return w.ui("report.failed", name=name) if kind.endswith("_failed") else name


def pushes(w: Words, changes: Iterable[Change]) -> tuple[Push, ...]:
    """What each cause did to one number, the largest first (ties in the order they happened); causes that came
    to nothing are left out."""
    by: dict[Cause, int] = {}
    for ch in changes:
        by[ch.cause] = by.get(ch.cause, 0) + ch.delta
    order = sorted((c for c, d in by.items() if d), key=lambda c: -abs(by[c]))
    return tuple(Push(c, name, by[c], f"{name} {by[c]:+d}") for c in order for name in (short_cause(w, c),))


def causes_line(w: Words, found: tuple[Push, ...], top: int = TOP) -> str:
    """The ``top`` biggest causes on one line, then how many more there were and what they came to together."""
    items = [p.line for p in found[:top]]
    if len(found) > top:
        items.append(w.ui("report.more", n=len(found) - top, delta=signed(sum(p.delta for p in found[top:]))))
    return w.join(items) if items else w.ui("report.still")


def _bar(w: Words, key: str, kind: str, changes: list[Change], before: int, after: int) -> MeterBar:
    """One summary row: the net change, and its biggest causes named on one line."""
    found = pushes(w, changes)
    delta = after - before
    tone = "neutral" if kind == "track" or not delta else "good" if delta > 0 else "bad"
    return MeterBar(key, w.key(key), kind, before, after, tone, found,
                    w.ui("report.values", before=before, after=after), signed(delta), causes_line(w, found))


def _bars(report: TurnReport, w: Words) -> tuple[MeterBar, ...]:
    """Every meter, capital from the figure the player saw when the turn began, then each track that moved."""
    def of(key: str) -> list[Change]:
        return [c for c in report.changes if c.key == key]

    out = []
    for m in w.scenario.meter_ids():
        mine, now = of(f"meter.{m}"), report.meters.get(m, 0)
        out.append(_bar(w, f"meter.{m}", "meter", mine, mine[0].before if mine else now, mine[-1].after if mine else now))
    capital = of("capital")
    lead = next((i for i, c in enumerate(capital) if c.cause.kind not in _NEWS), len(capital))
    seen = capital[lead - 1].after if lead else capital[0].before if capital else report.capital
    spent = capital[lead:]
    out.append(_bar(w, "capital", "capital", spent, seen, spent[-1].after if spent else seen))
    for t in w.scenario.tracks:
        mine = of(f"track.{t.id}")
        if mine and mine[0].before != mine[-1].after:
            out.append(_bar(w, f"track.{t.id}", "track", mine, mine[0].before, mine[-1].after))
    return tuple(out)


def _from(cause: Cause, event: str) -> bool:
    """Whether a change came from this event: its own effects, or the answer chosen to it."""
    if cause.kind in ("choice", "choice_failed"):
        return cause.id.partition(".")[0] == event
    return cause.kind in ("event", "situation") and cause.id == event


def _cards(report: TurnReport, w: Words, ended: tuple[str, ...], programmes: tuple[str, ...]) -> tuple[EventCard, ...]:
    """What fired (with the answer chosen and its effects), the rolls, what ended and the programmes, as cards."""
    out = []
    for f in report.fired:
        ev = w.event_def(f.event)
        if f.hidden or (ev is not None and ev.actor is not None):
            continue
        kind = "event" if ev is None or not ev.choices else "opportunity" if ev.opportunity else "crisis"
        lines = [w.ui("crisis.chosen", name=w.name(f"event.{f.event}.choice.{f.choice}"))] if f.choice else []
        effects = w.amounts([c for c in report.changes if _from(c.cause, f.event) and not c.key.startswith("dep.")],
                            skip=())  # dependence shares are left to the details
        lines += [w.join(effects)] if effects else []
        out.append(EventCard(kind, w.name(f"event.{f.event}.title"), tuple(lines), w.render(f.why)))
    out += [EventCard("roll", short_cause(w, r.cause), (roll_line(w, r),), "", "good" if r.success else "bad")
            for r in report.rolls]
    out += [EventCard("ended", line, (), "") for line in ended]
    out += [EventCard("programme", line, (), "") for line in programmes]
    return tuple(out)


def turn_report(report: TurnReport, w: Words) -> ReportView:
    """A turn's report in one language."""
    events = tuple(w.ui("report.event", title=w.name(f"event.{f.event}.title"), why=w.render(f.why))
                   for f in report.fired if not f.hidden and _actor(w, f) is None)
    rolls = tuple(w.ui("report.roll", roll=roll_line(w, r), cause=w.cause(r.cause)) for r in report.rolls)
    ended = tuple(w.ui("report.ended", event=w.name(f"event.{e}.title")) for e in report.ended)
    programmes = _programmes(report, w)
    return ReportView(w.ui("report.title", turn=report.turn), events, rolls, ended, _net(w, report.changes),
                      _groups(w, report.changes), programmes, moves(report, w), w.ui("report.moves"),
                      _bars(report, w), _cards(report, w, ended, programmes))

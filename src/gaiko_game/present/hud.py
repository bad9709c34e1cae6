"""The HUD as data: the date, capital and upkeep, meters with their trends and causes, the tracks, and the
programmes in force; and the turn's header as the terminal prints it (with the headline)."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game
from gaiko_game.present.headline import headline
from gaiko_game.present.programmes import programmes
from gaiko_game.present.words import Words


@dataclass(frozen=True)
class MeterView:
    """A meter: its name and value, the change since last turn, its colour and what it means."""

    id: str
    name: str
    value: int
    trend: int
    """How much the last turn played moved it."""
    colour: str
    desc: str
    line: str
    icon: str = "generic"
    """The picture beside its name (the scenario's ``icon``)."""
    """E.g. "Security 57 (+2 last turn)"."""


@dataclass(frozen=True)
class TrackView:
    """A track: a ladder (few steps, drawn as boxes) or a number."""

    id: str
    name: str
    value: int
    lo: int
    hi: int
    ladder: bool
    desc: str
    line: str


@dataclass(frozen=True)
class Hud:
    """Everything the top of the screen shows."""

    date: str
    capital: str
    capital_value: int
    capital_cap: int
    meters: tuple[MeterView, ...]
    tracks: tuple[TrackView, ...]
    guide: tuple[str, ...]
    upkeep: int = 0
    """What the programmes in force charge at the start of each turn."""
    programmes: str = ""
    """The programmes in force and their upkeep on one line ("" when none is)."""


def hud(game: Game, w: Words) -> Hud:
    """The HUD of a game now."""
    sc, view = game.scenario, game.view
    year, quarter = sc.date(game.turn)
    last = game.reports[-1].changes if game.reports else ()
    meters = []
    for m in sc.meters:
        value = view.meter(m.id)
        trend = sum(c.delta for c in last if c.key == f"meter.{m.id}")
        line = w.ui("hud.meter", name=w.meter(m.id), value=value, trend=w.ui("hud.trend", delta=trend) if trend else "")
        meters.append(MeterView(m.id, w.meter(m.id), value, trend, m.colour, w.name(f"meter.{m.id}.desc"), line, m.icon))
    tracks = tuple(
        TrackView(t.id, w.name(f"track.{t.id}"), view.track(t.id), t.lo, t.hi, t.hi - t.lo <= 6,
                  w.name(f"track.{t.id}.desc"), w.ui("hud.track", name=w.name(f"track.{t.id}"), value=view.track(t.id),
                                                     hi=t.hi))
        for t in sc.tracks)
    upkeep = view.upkeep()
    capital = w.ui("hud.capital_upkeep" if upkeep else "hud.capital", name=w.name("capital"), value=view.capital,
                   cap=sc.capital_cap, income=view.income(), upkeep=upkeep)
    guide = tuple(w.name(f"guide.{g}") for g in sc.guide_for(game.turn))
    return Hud(w.ui("hud.date", year=year, quarter=quarter, turn=game.turn, turns=sc.turns), capital, view.capital,
               sc.capital_cap, tuple(meters), tracks, guide, upkeep, programmes(game, w).summary)


def header(game: Game, w: Words) -> list[str]:
    """The top of a turn as the terminal prints it: the date, meters, capital and tracks, the programmes in
    force, and the headline (this turn's crises and opportunities, with what each answer costs)."""
    h = hud(game, w)
    return [f"=== {h.date} ===", " | ".join(m.line for m in h.meters), " | ".join([h.capital, *(t.line for t in h.tracks)]),
            *([h.programmes] if h.programmes else []), *headline(game, w).lines()]

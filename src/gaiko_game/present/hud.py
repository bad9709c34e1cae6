"""The HUD as data: the date, capital, meters with their trends and causes, and the tracks."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game
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
        meters.append(MeterView(m.id, w.meter(m.id), value, trend, m.colour, w.name(f"meter.{m.id}.desc"), line))
    tracks = tuple(
        TrackView(t.id, w.name(f"track.{t.id}"), view.track(t.id), t.lo, t.hi, t.hi - t.lo <= 6,
                  w.name(f"track.{t.id}.desc"), w.ui("hud.track", name=w.name(f"track.{t.id}"), value=view.track(t.id),
                                                     hi=t.hi))
        for t in sc.tracks)
    capital = w.ui("hud.capital", name=w.name("capital"), value=view.capital, cap=sc.capital_cap, income=view.income())
    guide = tuple(w.name(f"guide.{g}") for g in sc.guide_for(game.turn))
    return Hud(w.ui("hud.date", year=year, quarter=quarter, turn=game.turn, turns=sc.turns), capital, view.capital,
               sc.capital_cap, tuple(meters), tracks, guide)

"""Dependence as data: each kind's shares by partner, and where the diversified meter is heading.

The window draws each kind as a stacked bar (partners keep one colour across kinds); the
terminal's ``d`` prints the same lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game
from gaiko_game.present.palette import SERIES, Colour
from gaiko_game.present.words import Words


@dataclass(frozen=True)
class Share:
    """One partner's share of a kind of dependence, in points of 100."""

    partner: str
    name: str
    value: int
    colour: Colour


@dataclass(frozen=True)
class KindView:
    """One kind of dependence: its shares, largest first."""

    id: str
    name: str
    """The kind's name, with its weight in the diversified meter's target when the scenario weighs kinds."""
    shares: tuple[Share, ...]
    text: str
    """The shares on one line, largest first: "China 22, US 15, …"."""
    line: str
    """"Trade Dependence: China 22, US 15, …"."""


@dataclass(frozen=True)
class DependenceView:
    """Every kind of dependence, and what it means for the meter that follows diversification."""

    title: str
    head: str
    """What the shares mean, with the target (the terminal's first line)."""
    heading: str
    """"Autonomy 45 → heading for 52 (…)", or "" when no meter follows diversification."""
    kinds: tuple[KindView, ...]

    def lines(self) -> list[str]:
        """The view as the terminal prints it."""
        return [self.head, *(k.line for k in self.kinds)]


def partner_colours(game: Game) -> dict[str, Colour]:
    """One colour per partner, the same in every kind (in the order partners first appear)."""
    v = game.view
    order = list(dict.fromkeys(p for kind in v.dependency_kinds() for p in v.shares(kind)))
    return {p: SERIES[i % len(SERIES)] for i, p in enumerate(order)}


def dependence_view(game: Game, w: Words) -> DependenceView:
    """Dependency shares by kind, largest first, and where the diversified meter is heading."""
    v, d = game.view, game.scenario.diversification
    target = v.target()
    if d is not None and target is not None:
        head = w.ui("inspect.dependence_header", meter=w.meter(d.meter), target=target)
        heading = w.ui("dependence.heading", meter=w.meter(d.meter), value=v.meter(d.meter), target=target,
                       rate=round(d.rate * 100))
        weights = dict(d.weights)
    else:
        head, heading, weights = w.ui("inspect.dependence_plain"), "", {}
    colours = partner_colours(game)
    kinds = []
    for kind in v.dependency_kinds():
        ordered = sorted(((value, p) for p, value in v.shares(kind).items() if value), key=lambda s: (-s[0], s[1]))
        shares = tuple(Share(p, w.name(f"partner.{p}"), value, colours[p]) for value, p in ordered)
        name = w.name(f"dependency.{kind}")
        text = w.join([f"{s.name} {s.value}" for s in shares])
        shown = w.ui("dependence.kind", kind=name, weight=f"{weights[kind]:g}") if kind in weights else name
        kinds.append(KindView(kind, shown, shares, text, w.ui("inspect.dependence_line", kind=name, shares=text)))
    return DependenceView(w.ui("win.dependence"), head, heading, tuple(kinds))

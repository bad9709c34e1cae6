"""The game's icons as geometry on a 24-unit grid (y down), drawn through a pen: the window draws them with pygame
(``gaiko_game.ui.icons``), the print kit with the PDF's own shapes, so a category looks the same on screen and on a
card. A pen draws ``poly``, ``disc`` and ``box`` in one colour, ``cut`` ones in the ground's (a hole); everything
else here is built from those three.

Icons are named by what they show. Meters belong to the scenario, so nothing here knows a meter's id: a screen
that wants a meter icon takes its name from the scenario or passes it through (``shield_check``, ``rising_bars``
and ``compass`` are drawn for the default three); categories have ``category_icon`` with a generic fallback.
"""

from __future__ import annotations

import itertools
import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

Point = tuple[float, float]

GRID = 24.0
"""Icon geometry is written on a 24×24 grid (like most icon sets), with about a unit of margin."""

CATEGORY_ICONS: dict[str, str] = {"alliance": "alliance", "partnership": "partnership",
                                  "economic_security": "economic_security", "dialogue": "dialogue"}
"""The bundled scenarios' action categories; any other category gets ``generic``."""


def category_icon(category_id: str) -> str:
    """The icon for an action category: the bundled four have their own, a modder's new one the generic icon."""
    return CATEGORY_ICONS.get(category_id, "generic")


class Pen(ABC):
    """Draws in grid units; ``small`` icons leave out fine detail."""

    small = False

    @abstractmethod
    def poly(self, pts: Sequence[Point], cut: bool = False) -> None:
        """A filled polygon."""

    @abstractmethod
    def disc(self, c: Point, r: float, cut: bool = False) -> None:
        """A filled circle."""

    @abstractmethod
    def box(self, x: float, y: float, w: float, h: float, r: float, cut: bool = False) -> None:
        """A rectangle with corners rounded by ``r``."""

    def ring(self, c: Point, r: float, w: float, cut: bool = False) -> None:
        """A ring of width ``w`` centred on radius ``r``."""
        self.band(c, r + w / 2, r - w / 2, 0, 360, cut)

    def band(self, c: Point, outer: float, inner: float, a0: float, a1: float, cut: bool = False) -> None:
        """Part of a ring between ``inner`` and ``outer``, from angle ``a0`` to ``a1`` (degrees, clockwise from east)."""
        steps = max(8, int(abs(a1 - a0) / 4))
        angles = [math.radians(a0 + (a1 - a0) * i / steps) for i in range(steps + 1)]
        out = [(c[0] + outer * math.cos(a), c[1] + outer * math.sin(a)) for a in angles]
        inn = [(c[0] + inner * math.cos(a), c[1] + inner * math.sin(a)) for a in reversed(angles)]
        self.poly(out + inn, cut)

    def line(self, a: Point, b: Point, w: float, cut: bool = False) -> None:
        """A stroke of width ``w`` with round ends."""
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy) or 1.0
        ox, oy = -dy / n * w / 2, dx / n * w / 2
        self.poly([(a[0] + ox, a[1] + oy), (b[0] + ox, b[1] + oy), (b[0] - ox, b[1] - oy), (a[0] - ox, a[1] - oy)], cut)
        self.disc(a, w / 2, cut)
        self.disc(b, w / 2, cut)

    def path(self, pts: Sequence[Point], w: float, cut: bool = False) -> None:
        for a, b in itertools.pairwise(pts):
            self.line(a, b, w, cut)

    def rounded(self, pts: Sequence[Point], r: float, cut: bool = False) -> None:
        """The polygon ``pts`` grown by ``r`` with round corners (pts are the corners' centres)."""
        self.poly(pts, cut)
        self.path([*pts, pts[0]], 2 * r, cut)


def draw(name: str, pen: Pen) -> None:
    """Draw the icon ``name`` (``generic`` when there is none of that name) with ``pen``."""
    DRAW.get(name, _generic)(pen)


# -- the icons, on the 24-unit grid ---------------------------------------------------------------------------------

def _shield_outline(top: float = 2.0, bottom: float = 22.0, half: float = 8.5) -> list[Point]:
    """A heater shield: a flat-ish top with a peak, straight sides, curving to a point."""
    cx = 12.0
    shoulder = top + 2.2
    side_end = top + (bottom - top) * 0.45
    pts: list[Point] = [(cx, top), (cx + half, shoulder), (cx + half, side_end)]
    steps = 10
    for i in range(1, steps):  # quadratic curve from the side's end to the point
        t = i / steps
        c1 = (cx + half, side_end + (bottom - side_end) * 0.55)
        x = (1 - t) ** 2 * (cx + half) + 2 * (1 - t) * t * c1[0] + t**2 * cx
        y = (1 - t) ** 2 * side_end + 2 * (1 - t) * t * c1[1] + t**2 * bottom
        pts.append((x, y))
    pts.append((cx, bottom))
    return pts + [(2 * cx - x, y) for x, y in reversed(pts[1:-1])]


def _alliance(pen: Pen) -> None:
    """A shield per pale: outlined, its left half solid."""
    outer = _shield_outline()
    pen.poly(outer)
    inner = _shield_outline(4.6, 18.8, 6.0)
    pen.poly([q for q in inner if q[0] >= 12.0 - 1e-6], cut=True)


def _shield_check(pen: Pen) -> None:
    """A solid shield with a tick cut out of it."""
    pen.poly(_shield_outline())
    pen.path([(7.6, 11.6), (10.8, 14.8), (16.6, 8.6)], 2.6, cut=True)


def _partnership(pen: Pen) -> None:
    """Two linked rings, each passing over the other once."""
    a, b, r, w, gap = (8.3, 12.0), (15.7, 12.0), 6.0, 2.4, 1.3
    pen.ring(a, r, w)
    pen.ring(b, r, w)
    # top crossing: b over a; bottom crossing: a over b (angles clockwise from east, y down)
    pen.band(b, r + w / 2 + gap, r - w / 2 - gap, 195, 250, cut=True)
    pen.band(b, r + w / 2, r - w / 2, 190, 255)
    pen.band(a, r + w / 2 + gap, r - w / 2 - gap, 20, 75, cut=True)
    pen.band(a, r + w / 2, r - w / 2, 15, 80)


def _microchip(pen: Pen) -> None:
    """A chip: a square body with pins on every side and a notch."""
    pen.box(6.0, 6.0, 12.0, 12.0, 1.6)
    pins = (9.5, 14.5) if pen.small else (8.8, 12.0, 15.2)
    for q in pins:
        pen.line((2.8, q), (6.5, q), 1.8)
        pen.line((17.5, q), (21.2, q), 1.8)
        pen.line((q, 2.8), (q, 6.5), 1.8)
        pen.line((q, 17.5), (q, 21.2), 1.8)
    pen.box(9.0, 9.0, 6.0, 6.0, 0.8, cut=True)
    pen.box(10.6, 10.6, 2.8, 2.8, 0.4)


def _dialogue(pen: Pen) -> None:
    """Two speech bubbles, the front one outlined by a gap."""
    pen.box(1.5, 2.5, 14.0, 10.0, 3.0)
    pen.poly([(4.0, 11.0), (8.5, 11.0), (3.5, 16.0)])
    front = (8.5, 9.0, 14.0, 10.0)
    pen.box(front[0] - 1.4, front[1] - 1.4, front[2] + 2.8, front[3] + 2.8, 4.4, cut=True)
    pen.poly([(15.0, 17.0), (21.6, 17.0), (22.6, 23.0)], cut=True)
    pen.box(*front, 3.0)
    pen.poly([(16.5, 18.0), (20.5, 18.0), (21.0, 21.6)])
    for x in (11.9, 15.5, 19.1):
        pen.disc((x, 14.0), 1.1, cut=True)


def _generic(pen: Pen) -> None:
    """A rounded square with a dot: the icon for a category the game has no picture of."""
    pen.box(3.0, 3.0, 18.0, 18.0, 4.0)
    pen.box(5.4, 5.4, 13.2, 13.2, 2.2, cut=True)
    pen.disc((12.0, 12.0), 3.2)


def _rising_bars(pen: Pen) -> None:
    """A bar chart rising to the right, on a baseline."""
    for x, top in ((4.0, 14.0), (10.0, 9.5), (16.0, 4.0)):
        pen.box(x, top, 4.4, 18.5 - top, 0.8)
    pen.line((2.4, 20.6), (21.6, 20.6), 1.8)


def _compass(pen: Pen) -> None:
    """A compass: a ring and a needle pointing north-east, the needle's southern half hollow."""
    c = (12.0, 12.0)
    pen.ring(c, 9.0, 2.2)
    tip, tail = (17.2, 6.8), (6.8, 17.2)
    side_a, side_b = (9.9, 9.9), (14.1, 14.1)
    pen.poly([tip, side_a, tail, side_b])
    pen.poly(_shrink([side_a, tail, side_b], 0.45), cut=True)


def _shrink(pts: Sequence[Point], f: float) -> list[Point]:
    """``pts`` scaled by ``f`` about their centroid."""
    gx, gy = sum(q[0] for q in pts) / len(pts), sum(q[1] for q in pts) / len(pts)
    return [(gx + (q[0] - gx) * f, gy + (q[1] - gy) * f) for q in pts]


def _capital(pen: Pen) -> None:
    """A cut gem: table, girdle and point, with two facet lines."""
    pen.rounded([(7.2, 4.6), (16.8, 4.6), (21.0, 9.4), (12.0, 20.6), (3.0, 9.4)], 0.6)
    pen.line((3.2, 9.6), (20.8, 9.6), 1.5 if pen.small else 1.3, cut=True)
    if pen.small:
        return
    pen.line((9.6, 4.0), (8.4, 9.6), 1.1, cut=True)
    pen.line((14.4, 4.0), (15.6, 9.6), 1.1, cut=True)
    pen.line((8.4, 9.6), (12.0, 19.0), 1.1, cut=True)
    pen.line((15.6, 9.6), (12.0, 19.0), 1.1, cut=True)


def _crisis(pen: Pen) -> None:
    """A warning triangle with an exclamation mark cut out."""
    pen.rounded([(12.0, 3.6), (20.6, 19.0), (3.4, 19.0)], 1.6)
    pen.poly([(10.8, 8.6), (13.2, 8.6), (12.6, 13.8), (11.4, 13.8)], cut=True)
    pen.disc((12.0, 8.6), 1.2, cut=True)
    pen.disc((12.0, 16.6), 1.35, cut=True)


def _star_points(c: Point, outer: float, inner: float, n: int, turn: float = -90.0) -> list[Point]:
    pts = []
    for i in range(2 * n):
        r = outer if i % 2 == 0 else inner
        a = math.radians(turn + 180.0 * i / n)
        pts.append((c[0] + r * math.cos(a), c[1] + r * math.sin(a)))
    return pts


def _opportunity(pen: Pen) -> None:
    """A five-pointed star."""
    pen.rounded(_star_points((12.0, 12.8), 9.6, 4.2, 5), 0.7)


def _arrowhead(pen: Pen, c: Point, r: float, angle: float, size: float) -> None:
    """A triangle at ``angle`` on a circle, pointing clockwise along it."""
    a = math.radians(angle)
    n = (math.cos(a), math.sin(a))
    t = (-math.sin(a), math.cos(a))
    p = (c[0] + r * n[0], c[1] + r * n[1])
    pen.poly([(p[0] + t[0] * size * 1.1, p[1] + t[1] * size * 1.1),
              (p[0] + n[0] * size, p[1] + n[1] * size), (p[0] - n[0] * size, p[1] - n[1] * size)])


def _programme(pen: Pen) -> None:
    """Two arrows chasing each other round a circle: something that repeats every turn."""
    c, r, w = (12.0, 12.0), 7.2, 2.6
    for start in (195.0, 15.0):
        pen.band(c, r + w / 2, r - w / 2, start, start + 115.0)
        _arrowhead(pen, c, r, start + 115.0, 4.2)


def _locked(pen: Pen) -> None:
    """A padlock with a keyhole cut out."""
    pen.band((12.0, 10.0), 6.2, 3.9, 180, 360)
    pen.box(5.8, 9.6, 2.3, 2.0, 0.0)
    pen.box(15.9, 9.6, 2.3, 2.0, 0.0)
    pen.box(4.0, 10.5, 16.0, 11.5, 2.2)
    pen.disc((12.0, 15.0), 1.8, cut=True)
    pen.poly([(11.2, 15.4), (12.8, 15.4), (13.3, 19.0), (10.7, 19.0)], cut=True)


def _moved(pen: Pen) -> None:
    """A burst: a spiky star, as when a piece has just been moved."""
    pen.poly(_star_points((12.0, 12.0), 11.0, 5.6, 8, turn=-90.0))
    pen.disc((12.0, 12.0), 2.4, cut=True)


DRAW: dict[str, Callable[[Pen], None]] = {
    "alliance": _alliance,
    "partnership": _partnership,
    "economic_security": _microchip,
    "dialogue": _dialogue,
    "generic": _generic,
    "shield_check": _shield_check,
    "rising_bars": _rising_bars,
    "compass": _compass,
    "capital": _capital,
    "crisis": _crisis,
    "opportunity": _opportunity,
    "programme": _programme,
    "locked": _locked,
    "moved": _moved,
}

ICON_NAMES: tuple[str, ...] = tuple(DRAW)
"""Every icon there is; any other name draws ``generic``."""

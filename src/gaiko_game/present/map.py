"""The scenario's map as data: its region cropped from a geometry file, and a Mercator projection into any box.

Pure arithmetic on longitudes and latitudes (no drawing), so the window, the web pages and the
print kit place countries and markers the same way. Countries are drawn largest first, so an
enclave (Lesotho inside South Africa) is never hidden; disputed areas are cut out of the country
that draws them and drawn last.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from gaiko_game.core import Game, Scenario
from gaiko_game.present.palette import ROLE_COLOURS, Colour, diverging, stance_colour
from gaiko_game.scenario.bundled import world_map
from gaiko_game.scenario.geometry import Ring, read_geometry

Box = tuple[float, float, float, float]
"""(west, east, south, north) in degrees."""


@dataclass(frozen=True)
class Shape:
    """A country (or a disputed area) inside the region: its rings, in degrees, and who it belongs to in the game."""

    name: str
    rings: tuple[Ring, ...]
    actor: str | None
    disputed: str | None = None


@dataclass(frozen=True)
class MapData:
    """What a scenario's map shows: the region and its shapes, in drawing order."""

    bounds: Box
    shapes: tuple[Shape, ...]


def _area(ring: Ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _placed(ring: Ring, box: Box) -> Ring | None:
    """The ring shifted by a whole turn of longitude so it overlaps the region, or None when it never does."""
    west, east, south, north = box
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    if max(ys) < south or min(ys) > north:
        return None
    for shift in (0.0, 360.0, -360.0):
        if min(xs) + shift <= east and max(xs) + shift >= west:
            return ring if not shift else tuple((x + shift, y) for x, y in ring)
    return None


def _inside(ring: Ring, box: Box) -> bool:
    west, east, south, north = box
    return all(west <= x <= east and south <= y <= north for x, y in ring)


def geometry_path(sc: Scenario) -> Path:
    """The scenario's geometry file: its own, or the bundled world map."""
    return Path(sc.map.geometry) if sc.map.geometry else world_map()


def map_data(sc: Scenario) -> MapData:
    """The scenario's map (built once and kept in the scenario's cache)."""
    found = sc.cache.get("map")
    if isinstance(found, MapData):
        return found
    geometry = read_geometry(geometry_path(sc))
    actor_of = {country: actor for actor, country in sc.map.countries}
    bounds = sc.map.bounds
    shapes: list[tuple[float, Shape]] = []
    cut: dict[str, list[Ring]] = {d.id: [] for d in sc.map.disputed}
    for name, rings in geometry.countries.items():
        kept: list[Ring] = []
        for ring in rings:
            placed = _placed(ring, bounds)
            if placed is None:
                continue
            area = next((d.id for d in sc.map.disputed if d.country == name and _inside(placed, d.box)), None)
            (cut[area] if area else kept).append(placed)
        if kept:
            shapes.append((math.fsum(_area(r) for r in kept), Shape(name, tuple(kept), actor_of.get(name))))
    ordered = [s for _, s in sorted(shapes, key=lambda item: (-item[0], item[1].name))]
    ordered += [Shape(d.id, tuple(cut[d.id]), None, d.id) for d in sc.map.disputed if cut[d.id]]
    data = MapData(bounds, tuple(ordered))
    sc.cache["map"] = data
    return data


def mercator_y(lat: float) -> float:
    """Web Mercator's y for a latitude, in radians of projected distance."""
    return math.log(math.tan(math.pi / 4 + math.radians(max(-85.0, min(85.0, lat))) / 2))


class Projection:
    """Longitude/latitude to pixels inside a box (x, y, width, height), keeping the map's aspect ratio."""

    def __init__(self, box: tuple[int, int, int, int], bounds: Box) -> None:
        x, y, w, h = box
        self.west, self.east, self.south, self.north = bounds
        x_span = math.radians(self.east - self.west)
        self.y_top = mercator_y(self.north)
        y_span = self.y_top - mercator_y(self.south)
        self.scale = min(w / x_span, h / y_span)
        self.ox = x + (w - x_span * self.scale) / 2
        self.oy = y + (h - y_span * self.scale) / 2

    def point(self, lon: float, lat: float) -> tuple[int, int]:
        """Pixel position of a place (a longitude a whole turn away is brought into the region)."""
        if lon < self.west and lon + 360 <= self.east:
            lon += 360
        elif lon > self.east and lon - 360 >= self.west:
            lon -= 360
        return (round(self.ox + math.radians(lon - self.west) * self.scale),
                round(self.oy + (self.y_top - mercator_y(lat)) * self.scale))

    def inside(self, lon: float, lat: float) -> bool:
        """Whether a place lies within the region."""
        in_lon = any(self.west <= lon + k <= self.east for k in (0, 360, -360))
        return in_lon and self.south <= lat <= self.north


def colour(game: Game, actor: str, mode: str) -> Colour:
    """An actor's colour in a map mode: its relation with the player, its stance, or its role."""
    view = game.view
    if mode == "relation":
        return diverging(view.relation(actor) / 100)
    if mode == "stance":
        return stance_colour(view.stance(actor))
    a = game.scenario.actor(actor)
    return ROLE_COLOURS[a.role] if a else ROLE_COLOURS["neutral"]

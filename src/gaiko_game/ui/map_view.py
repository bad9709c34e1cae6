"""The Indo-Pacific map: Mercator projection, a cached base layer, actor markers and map modes.

The static map (sea, land, borders) is drawn once into a surface and redrawn only
when the map's size or mode changes; each frame blits it and draws the markers.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pygame

from gaiko_game.core import Game
from gaiko_game.ui import theme

MODES = ("relation", "stance", "role")
ROLE_COLOURS = {"ally": theme.BLUE, "partner": theme.SKY, "neutral": theme.YELLOW, "rival": theme.VERMILION}


def asset_path() -> Path:
    """The map asset: inside the installed package, else the source checkout's ``assets/map``."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "assets" / "map" / "indo_pacific.json"
    return packaged if packaged.is_file() else here.parent.parent / "assets" / "map" / "indo_pacific.json"


@cache
def load_map() -> dict[str, object]:
    """The map data (bounds and country rings), read once."""
    data: dict[str, object] = json.loads(asset_path().read_text(encoding="utf-8"))
    return data


def mercator_y(lat: float) -> float:
    """Web Mercator's y for a latitude, in radians of projected distance."""
    return math.log(math.tan(math.pi / 4 + math.radians(max(-85.0, min(85.0, lat))) / 2))


@dataclass
class Projection:
    """Longitude/latitude to pixels inside ``rect``, keeping the map's aspect ratio (letterboxed)."""

    rect: pygame.Rect
    west: float
    east: float
    south: float
    north: float

    def __post_init__(self) -> None:
        x_span = math.radians(self.east - self.west)
        y_top, y_bottom = mercator_y(self.north), mercator_y(self.south)
        self.scale = min(self.rect.w / x_span, self.rect.h / (y_top - y_bottom))
        self.ox = self.rect.x + (self.rect.w - x_span * self.scale) / 2
        self.oy = self.rect.y + (self.rect.h - (y_top - y_bottom) * self.scale) / 2
        self.y_top = y_top

    def point(self, lon: float, lat: float) -> tuple[int, int]:
        """Pixel position of a place."""
        x = self.ox + math.radians(lon - self.west) * self.scale
        y = self.oy + (self.y_top - mercator_y(lat)) * self.scale
        return round(x), round(y)

    def inside(self, lon: float, lat: float) -> bool:
        """Whether a place lies within the map's bounds."""
        return self.west <= lon <= self.east and self.south <= lat <= self.north


class MapView:
    """Draws the map and the actors on it; knows which actor is under the mouse."""

    def __init__(self) -> None:
        self.mode = MODES[0]
        self._base: pygame.Surface | None = None
        self._base_key: tuple[object, ...] = ()
        self.projection: Projection | None = None
        self.markers: dict[str, tuple[int, int]] = {}
        self.insets: dict[str, pygame.Rect] = {}
        self.disputed: list[tuple[str, pygame.Rect, list[list[tuple[int, int]]]]] = []
        self.shapes: dict[str, list[list[tuple[int, int]]]] = {}

    def layout(self, rect: pygame.Rect, game: Game, inset_w: int = 0) -> None:
        """Fit the map to ``rect``; place actor markers (insets at the edge, ``inset_w`` wide, for actors off it)."""
        data = load_map()
        b = data["bounds"]
        assert isinstance(b, dict)
        self.projection = p = Projection(rect, b["west"], b["east"], b["south"], b["north"])
        self.markers, self.insets = {}, {}
        inset_w, inset_h = max(inset_w, 60, rect.w // 12), max(26, rect.h // 22)
        edge = 0
        for a in game.scenario.actors:
            if a.inset or not p.inside(a.lon, a.lat):
                box = pygame.Rect(rect.right - inset_w - 6, rect.y + 6 + edge * (inset_h + 6), inset_w, inset_h)
                self.insets[a.id] = box
                self.markers[a.id] = box.center
                edge += 1
            else:
                self.markers[a.id] = p.point(a.lon, a.lat)
        self.markers["japan"] = p.point(game.scenario.player[1], game.scenario.player[0])
        self.disputed = []
        countries = data["countries"]
        assert isinstance(countries, list)
        playing = {a.id for a in game.scenario.actors}  # a scenario may leave some of the map's countries out
        self.shapes = {c["actor"]: [[p.point(lon, lat) for lon, lat in ring] for ring in c["rings"]]
                       for c in countries if c.get("actor") in playing}
        for country in countries:
            if country.get("disputed"):
                polys = [[p.point(lon, lat) for lon, lat in ring] for ring in country["rings"]]
                xs = [x for poly in polys for x, _ in poly]
                ys = [y for poly in polys for _, y in poly]
                box = pygame.Rect(min(xs) - 4, min(ys) - 4, max(xs) - min(xs) + 8, max(ys) - min(ys) + 8)
                self.disputed.append((country["name"], box, polys))

    def base(self) -> pygame.Surface:
        """The static map for the current size and mode, drawn once."""
        assert self.projection is not None
        key = (tuple(self.projection.rect), self.mode)
        if self._base is None or key != self._base_key:
            self._base = self._draw_base()
            self._base_key = key
        return self._base

    def _draw_base(self) -> pygame.Surface:
        p = self.projection
        assert p is not None
        surf = pygame.Surface(p.rect.size).convert() if pygame.display.get_surface() else pygame.Surface(p.rect.size)
        surf.fill(theme.SEA)
        shift = (-p.rect.x, -p.rect.y)
        countries = load_map()["countries"]
        assert isinstance(countries, list)
        for country in countries:
            colour = (96, 104, 98) if country.get("actor") == "japan" else theme.LAND
            disputed = bool(country.get("disputed"))
            for ring in country["rings"]:
                pts = [p.point(lon, lat) for lon, lat in ring]
                pts = [(x + shift[0], y + shift[1]) for x, y in pts]
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, theme.DISPUTED if disputed else colour, pts)
                    pygame.draw.lines(surf, theme.YELLOW if disputed else theme.BORDER, True, pts, 1)
        return surf

    def tint(self, surf: pygame.Surface, game: Game) -> None:
        """Fill each actor's country with its map-mode colour, blended into the land."""
        for actor, polys in self.shapes.items():
            c = self.colour(game, actor)
            fill = tuple((a + 2 * b) // 3 for a, b in zip(c, theme.LAND, strict=True))
            for pts in polys:
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, fill, pts)
                    pygame.draw.lines(surf, theme.BORDER, True, pts, 1)

    def colour(self, game: Game, actor: str) -> theme.Colour:
        """An actor's marker colour in the current map mode."""
        if actor == "japan":
            return theme.INK
        nums = game.state.nums
        if self.mode == "relation":
            return theme.diverging(nums[f"relation.{actor}"] / 100)
        if self.mode == "stance":
            v = nums[f"stance.{actor}"] / 100
            return theme.BLUE if v > 0.33 else (theme.VERMILION if v < -0.33 else theme.YELLOW)
        role = next(a.role for a in game.scenario.actors if a.id == actor)
        return ROLE_COLOURS[role]

    def disputed_at(self, pos: tuple[int, int]) -> str | None:
        """The disputed area under ``pos`` (generously: within its bounding box), if any."""
        for name, box, _ in self.disputed:
            if box.collidepoint(pos):
                return name
        return None

    def actor_at(self, pos: tuple[int, int], radius: int) -> str | None:
        """The actor whose marker or inset is under ``pos``."""
        for actor, box in self.insets.items():
            if box.collidepoint(pos):
                return actor
        best, best_d = None, radius * radius
        for actor, (x, y) in self.markers.items():
            d = (x - pos[0]) ** 2 + (y - pos[1]) ** 2
            if d <= best_d:
                best, best_d = actor, d
        return best

"""The scenario's map on screen: a cached base layer (sea, land, borders, disputed areas), country tints, markers.

Geometry and colours come from ``present.map``; this module only draws. The base is drawn
once per size and redrawn only when the map's box changes; each frame blits it.
"""

from __future__ import annotations

import pygame

from gaiko_game.core import Game
from gaiko_game.present.map import MapData, Projection, colour, map_data
from gaiko_game.present.palette import MODES
from gaiko_game.ui import theme

Polys = list[list[tuple[int, int]]]


class MapView:
    """Draws the map and the actors on it; knows which actor or disputed area is under the mouse."""

    def __init__(self) -> None:
        self.mode = MODES[0]
        self._base: pygame.Surface | None = None
        self._base_key: tuple[object, ...] = ()
        self.rect = pygame.Rect(0, 0, 1, 1)
        self.data: MapData | None = None
        self.projection: Projection | None = None
        self.player = ""
        self.markers: dict[str, tuple[int, int]] = {}
        self.insets: dict[str, pygame.Rect] = {}
        self.disputed: list[tuple[str, pygame.Rect, Polys]] = []
        self.shapes: dict[str, Polys] = {}
        self._land: list[tuple[theme.Colour, Polys]] = []

    def layout(self, rect: pygame.Rect, game: Game, inset_w: int = 0) -> None:
        """Fit the map to ``rect``; place markers (insets at the edge, ``inset_w`` wide, for actors off the map)."""
        sc = game.scenario
        self.rect = rect
        self.data = data = map_data(sc)
        self.projection = p = Projection((rect.x, rect.y, rect.w, rect.h), data.bounds)
        self.player = sc.player.id
        self.markers, self.insets = {}, {}
        inset_w, inset_h = max(inset_w, 60, rect.w // 12), max(26, rect.h // 22)
        edge = 0
        for a in sc.actors:
            if a.inset or not p.inside(a.lon, a.lat):
                box = pygame.Rect(rect.right - inset_w - 6, rect.y + 6 + edge * (inset_h + 6), inset_w, inset_h)
                self.insets[a.id] = box
                self.markers[a.id] = box.center
                edge += 1
            else:
                self.markers[a.id] = p.point(a.lon, a.lat)
        self.markers[sc.player.id] = p.point(sc.player.lon, sc.player.lat)
        self.shapes, self.disputed, self._land = {}, [], []
        for shape in data.shapes:
            polys = [[p.point(lon, lat) for lon, lat in ring] for ring in shape.rings]
            if shape.disputed:
                xs, ys = [x for poly in polys for x, _ in poly], [y for poly in polys for _, y in poly]
                box = pygame.Rect(min(xs) - 4, min(ys) - 4, max(xs) - min(xs) + 8, max(ys) - min(ys) + 8)
                self.disputed.append((shape.disputed, box, polys))
                continue
            if shape.actor is not None:
                self.shapes[shape.actor] = polys
            self._land.append((theme.PLAYER_LAND if shape.actor == sc.player.id else theme.LAND, polys))
        self._base = None

    def base(self) -> pygame.Surface:
        """The static map for the current size, drawn once."""
        if self._base is None or self._base_key != tuple(self.rect):
            self._base = self._draw_base()
            self._base_key = tuple(self.rect)
        return self._base

    def _draw_base(self) -> pygame.Surface:
        size = self.rect.size
        surf = pygame.Surface(size).convert() if pygame.display.get_surface() else pygame.Surface(size)
        surf.fill(theme.SEA)
        dx, dy = -self.rect.x, -self.rect.y
        for fill, polys in self._land:
            for poly in polys:
                pts = [(x + dx, y + dy) for x, y in poly]
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, fill, pts)
                    pygame.draw.lines(surf, theme.BORDER, True, pts, 1)
        for _, _, polys in self.disputed:
            for poly in polys:
                pts = [(x + dx, y + dy) for x, y in poly]
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, theme.DISPUTED, pts)
                    pygame.draw.lines(surf, theme.YELLOW, True, pts, 1)
        return surf

    def tint(self, surf: pygame.Surface, game: Game) -> None:
        """Fill each actor's country with its map-mode colour, blended into the land."""
        for actor, polys in self.shapes.items():
            if actor == self.player:
                continue
            c = colour(game, actor, self.mode)
            fill = tuple((a + 2 * b) // 3 for a, b in zip(c, theme.LAND, strict=True))
            for pts in polys:
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, fill, pts)
                    pygame.draw.lines(surf, theme.BORDER, True, pts, 1)

    def colour(self, game: Game, actor: str) -> theme.Colour:
        """An actor's marker colour in the current map mode (the player's is ink)."""
        return theme.INK if actor == self.player else colour(game, actor, self.mode)

    def disputed_at(self, pos: tuple[int, int]) -> str | None:
        """The disputed area under ``pos`` (generously: within its bounding box), if any."""
        return next((area for area, box, _ in self.disputed if box.collidepoint(pos)), None)

    def actor_at(self, pos: tuple[int, int], radius: int) -> str | None:
        """The actor (or the player) whose marker or inset is under ``pos``."""
        for actor, box in self.insets.items():
            if box.collidepoint(pos):
                return actor
        best, best_d = None, radius * radius
        for actor, (x, y) in self.markers.items():
            d = (x - pos[0]) ** 2 + (y - pos[1]) ** 2
            if d <= best_d:
                best, best_d = actor, d
        return best

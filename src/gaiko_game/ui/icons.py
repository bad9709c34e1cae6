"""Icons and map tokens drawn in code: no image files, so nothing to license and every size is crisp.

Each icon (its geometry is ``gaiko_game.present.icons``) is one colour on a transparent ground (holes are cut, not
painted), drawn on the 24-unit grid at four times its size and shrunk with an area filter, which anti-aliases every
edge, thick strokes included. Rendered icons and tokens are cached, so a frame costs a blit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from gaiko_game.present.icons import CATEGORY_ICONS, DRAW, GRID, ICON_NAMES, Pen, Point, category_icon
from gaiko_game.present.palette import mix
from gaiko_game.ui import theme

__all__ = ["CATEGORY_ICONS", "ICON_NAMES", "category_icon", "draw_icon", "icon_surface", "token", "token_radius"]

RGBA = tuple[int, int, int, int]

SUPERSAMPLE = 4
"""Icons are drawn this many times larger, then shrunk: the average of each block is the anti-aliased pixel."""

PLAYER_SCALE = 1.3
"""The player's token is this much larger than the others at the same ``radius``."""


class _Pen(Pen):
    """Draws on a square canvas in grid units (0..24, y down); ``ink`` fills, ``clear`` cuts holes."""

    def __init__(self, canvas: pygame.Surface, rgb: tuple[int, int, int]) -> None:
        self.canvas = canvas
        self.k = canvas.get_width() / GRID
        self.small = canvas.get_width() < 20 * SUPERSAMPLE  # below 20 px, icons leave out fine detail
        self.ink: RGBA = (*rgb, 255)
        self.clear: RGBA = (*rgb, 0)  # same RGB as the ink so shrinking never darkens an edge

    def p(self, pt: Point) -> tuple[float, float]:
        return pt[0] * self.k, pt[1] * self.k

    def poly(self, pts: Sequence[Point], cut: bool = False) -> None:
        pygame.draw.polygon(self.canvas, self.clear if cut else self.ink, [self.p(q) for q in pts])

    def disc(self, c: Point, r: float, cut: bool = False) -> None:
        pygame.draw.circle(self.canvas, self.clear if cut else self.ink, self.p(c), r * self.k)

    def box(self, x: float, y: float, w: float, h: float, r: float, cut: bool = False) -> None:
        k = self.k
        rect = pygame.Rect(round(x * k), round(y * k), round(w * k), round(h * k))
        pygame.draw.rect(self.canvas, self.clear if cut else self.ink, rect, border_radius=round(r * k))


_ICONS: dict[tuple[str, int, RGBA], pygame.Surface] = {}
_TOKENS: dict[tuple[int, RGBA, RGBA, bool, bool], pygame.Surface] = {}
_CACHE_LIMIT = 1024  # a runaway caller (a new size every frame) empties the cache instead of growing it


def _rgba(colour: Sequence[int] | pygame.Color) -> RGBA:
    c = pygame.Color(colour)
    return c.r, c.g, c.b, c.a


def icon_surface(name: str, size: int, colour: Sequence[int] | pygame.Color) -> pygame.Surface:
    """The icon ``name`` (``generic`` if unknown) as a ``size``×``size`` transparent surface, from the cache."""
    name = name if name in DRAW else "generic"
    size = max(1, int(size))
    rgba = _rgba(colour)
    key = (name, size, rgba)
    cached = _ICONS.get(key)
    if cached is not None:
        return cached
    big = pygame.Surface((size * SUPERSAMPLE, size * SUPERSAMPLE), pygame.SRCALPHA)
    big.fill((*rgba[:3], 0))
    DRAW[name](_Pen(big, rgba[:3]))
    surf = pygame.transform.smoothscale(big, (size, size))
    if rgba[3] != 255:
        surf.fill((255, 255, 255, rgba[3]), special_flags=pygame.BLEND_RGBA_MULT)
    if len(_ICONS) >= _CACHE_LIMIT:
        _ICONS.clear()
    _ICONS[key] = surf
    return surf


def draw_icon(surf: pygame.Surface, name: str, rect: pygame.Rect, colour: Sequence[int] | pygame.Color) -> None:
    """Draw the icon ``name`` as large as fits in ``rect``, centred; an unknown name draws the generic icon."""
    size = min(rect.w, rect.h)
    if size <= 0:
        return
    icon = icon_surface(name, size, colour)
    surf.blit(icon, (rect.x + (rect.w - size) // 2, rect.y + (rect.h - size) // 2))


# -- tokens ----------------------------------------------------------------------------------------------------------

def token_radius(radius: int, player: bool) -> int:
    """The radius a token is drawn at (the player's is larger), without its selection ring and shadow."""
    return max(2, round(radius * PLAYER_SCALE)) if player else max(2, radius)


def _token_surface(radius: int, fill: RGBA, edge: RGBA, selected: bool, player: bool) -> pygame.Surface:
    """A token centred on its surface: shadow, rim (doubled for the player), a domed face, the selection ring."""
    s = SUPERSAMPLE
    r = token_radius(radius, player)
    ring_w, ring_gap = max(2.0, r * 0.2), max(1.0, r * 0.1)
    drop, blur = max(1.0, r * 0.16), max(1.5, r * 0.3)
    half = math.ceil(r + ring_gap + ring_w + drop + blur) + 1
    big = pygame.Surface((2 * half * s, 2 * half * s), pygame.SRCALPHA)
    big.fill((0, 0, 0, 0))
    c = (half * s, half * s)

    def disc(colour: Sequence[int], radius_px: float, alpha: int = 255, at: Point = (0.0, 0.0)) -> None:
        pygame.draw.circle(big, (*colour[:3], alpha), (c[0] + at[0] * s, c[1] + at[1] * s), radius_px * s)

    layers = 8  # a soft shadow below and to the right: discs darker inwards (drawing replaces, so the inner one wins)
    for i in range(layers):
        t = (i + 1) / layers
        disc(theme.BLACK, r + blur * (1 - t), round(130 * t**1.5), (drop * 0.5, drop))
    if selected:
        disc(theme.YELLOW, r + ring_gap + ring_w)
        disc(theme.BLACK, r + ring_gap, 220)
    rim = max(1.2, r * 0.17)
    disc(mix(edge, theme.BLACK, 0.4), r)
    disc(edge, r - min(0.6, rim * 0.4))
    face = r - rim
    if player:  # a second rim inside the first, with a light line between them
        line = max(1.0, r * 0.09)
        disc(mix(fill, theme.INK, 0.7), face)
        disc(edge, face - line)
        face -= line + max(1.0, r * 0.11)
    bevel = max(0.9, face * 0.16)  # lit from the upper left: a light crescent there, a shaded one opposite
    disc(mix(fill, theme.BLACK, 0.28), face)
    disc(mix(fill, theme.INK, 0.4), face - bevel * 0.5, at=(-bevel * 0.35, -bevel * 0.35))
    disc(fill, face - bevel)
    return pygame.transform.smoothscale(big, (2 * half, 2 * half))


def token(surf: pygame.Surface, centre: tuple[int, int], radius: int, fill: Sequence[int] | pygame.Color,
          edge: Sequence[int] | pygame.Color | None = None, selected: bool = False, player: bool = False) -> pygame.Rect:
    """A tabletop counter for an actor at ``centre``: a domed disc with a darker rim and a soft drop shadow.

    ``edge`` is the rim's colour (a darker ``fill`` if None). The player's token is ``PLAYER_SCALE`` larger with a
    double rim; a selected one gets a yellow ring. Returns the token's disc, for hit-testing. Pre-rendered once per
    (radius, fill, edge, selected, player), so a frame costs a blit per token.
    """
    rgba = _rgba(fill)
    key = (max(1, int(radius)), rgba, _rgba(edge) if edge is not None else (*mix(rgba, theme.BLACK, 0.5), 255),
           bool(selected), bool(player))
    img = _TOKENS.get(key)
    if img is None:
        if len(_TOKENS) >= _CACHE_LIMIT:
            _TOKENS.clear()
        img = _TOKENS[key] = _token_surface(*key)
    half = img.get_width() // 2
    surf.blit(img, (centre[0] - half, centre[1] - half))
    r = token_radius(key[0], key[4])
    return pygame.Rect(centre[0] - r, centre[1] - r, 2 * r, 2 * r)

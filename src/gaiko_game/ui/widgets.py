"""Buttons and tooltips: drawn by hand so Japanese wraps cleanly and frames stay cheap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from gaiko_game.ui import theme
from gaiko_game.ui.fonts import Fonts

if TYPE_CHECKING:
    from gaiko_game.ui.screen import Transition


@dataclass
class Button:
    """A clickable box with a label; disabled buttons are greyed and say why in their tooltip."""

    rect: pygame.Rect
    label: str
    action: Callable[[], Transition | None]
    enabled: bool = True
    tooltip: list[str] = field(default_factory=list)
    selected: bool = False
    detail: str = ""
    reserve: int = 0  # pixels at the right kept free for badges drawn over the button
    tip: bool = False  # a tooltip shows the whole label, so a label cut short loses nothing

    def hit(self, pos: tuple[int, int]) -> bool:
        """Whether ``pos`` is on the button."""
        return bool(self.rect.collidepoint(pos))

    def draw(self, surf: pygame.Surface, fonts: Fonts, size: int, hover: bool) -> None:
        """Draw the button."""
        bg = theme.PANEL_HI if (hover and self.enabled) or self.selected else theme.PANEL
        pygame.draw.rect(surf, bg, self.rect, border_radius=4)
        edge = theme.SKY if self.selected else (theme.MUTED if self.enabled else theme.DIM)
        pygame.draw.rect(surf, edge, self.rect, width=1, border_radius=4)
        colour = theme.INK if self.enabled else theme.MUTED  # out of reach, but still readable on a projector
        pad = max(4, size // 3)
        tip = self.tip or bool(self.tooltip)
        if not self.detail:  # one line, centred on the box whatever the font's line spacing
            label = fonts.fit(self.label, size, self.rect.w - 2 * pad - self.reserve, tip=tip)
            fonts.blit(surf, label, size, colour, midleft=(self.rect.x + pad, self.rect.centery))
            return
        line = fonts.get(size).get_linesize()
        small = max(10, size - 3)
        block = line + (fonts.get(small).get_linesize() if self.detail else 0)
        top = self.rect.y + max(0, (self.rect.h - block) // 2)
        fonts.draw(surf, self.label, self.rect.x + pad, top, self.rect.w - 2 * pad, size, colour, max_lines=1, tip=tip)
        fonts.draw(surf, self.detail, self.rect.x + pad, top + line, self.rect.w - 2 * pad, small,
                   theme.MUTED if self.enabled else theme.DIM, max_lines=1, tip=tip)


_TIPS: dict[tuple[tuple[str, ...], int, int], pygame.Surface] = {}


def tooltip_surface(fonts: Fonts, lines: list[str], size: int, width: int) -> pygame.Surface:
    """The tooltip box for these lines, laid out once and then reused while the mouse stays on it."""
    key = (tuple(lines), size, width)
    box = _TIPS.get(key)
    if box is None:
        if len(_TIPS) > 200:
            _TIPS.clear()
        wrapped = [w for line in lines for w in fonts.lines(line, size, width)]
        step = fonts.get(size).get_linesize()
        w = min(width, max(fonts.render(line, size, theme.INK).get_width() for line in wrapped)) + 16
        box = pygame.Surface((w, step * len(wrapped) + 12))
        box.fill((20, 24, 30))
        pygame.draw.rect(box, theme.MUTED, box.get_rect(), width=1)
        for i, line in enumerate(wrapped):
            fonts.blit(box, line, size, theme.INK, topleft=(8, 6 + i * step))
        _TIPS[key] = box
    return box


def fitted_tooltip(surf: pygame.Surface, fonts: Fonts, lines: list[str], size: int, width: int) -> pygame.Surface:
    """The tooltip box, made wider, then its text smaller, until it is no taller than the window (a long preview on
    a small window is never cut off at the bottom)."""
    box = tooltip_surface(fonts, lines, size, width)
    while box.get_height() > surf.get_height() - 8 and (width < surf.get_width() - 16 or size > 10):
        if width < surf.get_width() - 16:
            width = min(surf.get_width() - 16, width * 3 // 2)
        else:
            size -= 1
        box = tooltip_surface(fonts, lines, size, width)
    while box.get_height() > surf.get_height() - 8 and len(lines) > 1:  # past all that: the last lines give way
        lines = [*lines[:-2], "…"]
        box = tooltip_surface(fonts, lines, size, width)
    return box


def draw_tooltip(surf: pygame.Surface, fonts: Fonts, lines: list[str], pos: tuple[int, int], size: int,
                 width: int) -> None:
    """A box of lines near ``pos``, kept inside the window."""
    if not lines:
        return
    box = fitted_tooltip(surf, fonts, lines, size, width)
    x = min(pos[0] + 16, surf.get_width() - box.get_width() - 4)
    y = min(pos[1] + 16, surf.get_height() - box.get_height() - 4)
    surf.blit(box, (max(4, x), max(4, y)))

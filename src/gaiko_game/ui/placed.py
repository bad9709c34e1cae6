"""Texts a layout pass places and a later pass draws: where each goes, how it looks, how many lines it may take."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from gaiko_game.ui import theme
from gaiko_game.ui.fonts import Fonts


@dataclass(frozen=True)
class Text:
    """A text as laid out: wrapped to ``width`` from (x, y) in at most ``lines`` lines (any number when None), or one
    line ending at x when ``right``."""

    text: str
    x: int
    y: int
    width: int
    size: int
    colour: theme.Colour
    bold: bool = False
    lines: int | None = None
    right: bool = False


def draw_text(surf: pygame.Surface, fonts: Fonts, t: Text, tip: bool = False) -> None:
    """Draw a placed text (``tip``: a tooltip holds the whole of a text cut short)."""
    if t.right:
        fonts.blit(surf, t.text, t.size, t.colour, t.bold, topright=(t.x, t.y))
    else:
        fonts.draw(surf, t.text, t.x, t.y, t.width, t.size, t.colour, bold=t.bold, max_lines=t.lines, tip=tip)

"""Text on the debrief's pages, drawn and measured: a line that fits blitted at once, a heading, and coloured segments
flowing left to right over as many lines as they need."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from gaiko_game.ui import theme
from gaiko_game.ui.context import Context

Segment = tuple[str, theme.Colour]
Line = list[tuple[str, theme.Colour, int]]
"""A flowed line: each segment's text, colour and x offset."""


class Pen:
    """Draws and measures the debrief's texts; remembers how segments flowed (a new pen for a new window or language)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._flows: dict[tuple[object, ...], list[Line]] = {}

    def draw(self, surf: pygame.Surface, text: str, x: int, y: int, width: int, size: int, colour: theme.Colour,
             bold: bool = False, max_lines: int | None = None, tip: bool = False) -> int:
        """``Fonts.draw``, with a line that fits blitted at once (wrapping measures letter by letter)."""
        font = self.ctx.fonts.get(size, bold)
        if text and "\n" not in text and font.size(text)[0] <= width:
            self.ctx.fonts.blit(surf, text, size, colour, bold, topleft=(x, y))
            return font.get_linesize()
        return self.ctx.fonts.draw(surf, text, x, y, width, size, colour, bold=bold, max_lines=max_lines, tip=tip)

    def height(self, text: str, width: int, size: int, bold: bool = False, max_lines: int | None = None) -> int:
        """The height :meth:`draw` uses."""
        font = self.ctx.fonts.get(size, bold)
        if text and "\n" not in text and font.size(text)[0] <= width:
            return font.get_linesize()
        return self.ctx.fonts.height(text, width, size, bold, max_lines)

    def heading(self, surf: pygame.Surface, text: str, x: int, y: int, width: int) -> int:
        """A section's heading; returns the height it takes with the gap under it."""
        px = self.ctx.sizes.px
        return self.draw(surf, text, x, y, width, px(15), theme.INK, bold=True) + px(4)

    def flow_lines(self, segments: Sequence[Segment], width: int, size: int) -> list[Line]:
        """Segments laid left to right, each with its x offset: one that fits a line goes whole to the next line when
        it does not fit this one; a longer one is wrapped where the line ends."""
        key = (tuple(segments), width, size)
        found = self._flows.get(key)
        if found is not None:
            return found
        fonts, gap = self.ctx.fonts, self.ctx.sizes.px(12)
        font = fonts.get(size)
        lines: list[Line] = [[]]
        x = 0
        for text, colour in segments:
            rest = text
            while rest:
                whole = font.size(rest)[0]
                first = rest if whole <= width - x or whole <= width else fonts.lines(rest, size, max(1, width - x))[0]
                if x and (font.size(first)[0] > width - x or not rest.startswith(first)):
                    lines.append([])
                    x = 0
                    continue
                if not x and whole > width:
                    first = fonts.lines(rest, size, width)[0]
                    if not rest.startswith(first):  # the wrapper reshaped the line: place the segment whole
                        first = rest
                lines[-1].append((first, colour, x))
                rest = rest[len(first):].lstrip()
                x += font.size(first)[0] + gap
                if rest:
                    lines.append([])
                    x = 0
        self._flows[key] = lines
        return lines

    def flow_height(self, segments: Sequence[Segment], width: int, size: int) -> int:
        """The height :meth:`flow` uses."""
        return len(self.flow_lines(segments, width, size)) * self.ctx.fonts.get(size).get_linesize()

    def flow(self, surf: pygame.Surface, segments: Sequence[Segment], x: int, y: int, width: int, size: int) -> int:
        """Draw segments in a flowing line; returns the height used."""
        step = self.ctx.fonts.get(size).get_linesize()
        lines = self.flow_lines(segments, width, size)
        for i, line in enumerate(lines):
            for text, colour, dx in line:
                self.ctx.fonts.blit(surf, text, size, colour, topleft=(x + dx, y + i * step))
        return len(lines) * step

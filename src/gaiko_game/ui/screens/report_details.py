"""The report's details: every card, every cause's effects and every move as rows of a two-column table, shown a page
of whole rows at a time from a chosen first row, with a scroll bar when they do not all fit."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from gaiko_game.core import Scenario
from gaiko_game.present.report import ReportView
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context


@dataclass(frozen=True)
class Row:
    """A row of the details: a name at the left, what it did at the right (a heading spans both)."""

    left: str
    right: tuple[tuple[str, theme.Colour], ...] = ()
    heading: bool = False


class Details:
    """The table of one turn's report in ``viewport``, its text ``size`` pixels: its rows, each one's height, and the
    first row of its last page."""

    def __init__(self, ctx: Context, scenario: Scenario, view: ReportView, viewport: pygame.Rect, size: int) -> None:
        self.ctx, self.scenario, self.view, self.viewport, self.size = ctx, scenario, view, viewport, size
        self.rows = self._rows()
        self.heights = [self._row_height(row) for row in self.rows]
        self.last_top = self._last_top()

    def _rows(self) -> list[Row]:
        """Every card, every cause's effects and every move, as rows of a table that scrolls."""
        v, join = self.view, self.ctx.words(self.scenario).join
        rows = [Row(self.ctx.t("report.happened"), heading=True)] if v.cards else []
        rows += [Row(c.title, (*((line, theme.INK) for line in c.lines), *(((c.note, theme.MUTED),) if c.note else ())))
                 for c in v.cards]
        rows += [Row(self.ctx.t("report.causes"), heading=True)]
        rows += [Row(g.name, ((join(list(g.amounts)), theme.INK),)) for g in v.groups]
        if v.moves:
            rows += [Row(v.moves_title, heading=True)]
            rows += [Row(m.actor_name, ((m.line, theme.INK), (m.why, theme.MUTED))) for m in v.moves]
        return rows

    def _columns(self) -> tuple[int, int, int, int]:
        """The left column (x, width) and right column (x, width), inside the viewport's padding and clear of the
        scroll bar."""
        px = self.ctx.sizes.px
        inner = self.viewport.inflate(-2 * px(20), -2 * px(12))
        left_w = min(self.size * 28, round(inner.w * 0.36))  # some thirty letters: a cause's name on a line or two
        right_x = inner.x + left_w + px(24)
        return inner.x, left_w, right_x, inner.right - px(16) - right_x

    def _row_height(self, row: Row) -> int:
        px, fonts, size = self.ctx.sizes.px, self.ctx.fonts, self.size
        lx, lw, rx, rw = self._columns()
        if row.heading:
            return fonts.height(row.left, rw + rx - lx, size, True) + px(14)
        right = sum(fonts.height(text, rw, size) for text, _ in row.right)
        return max(fonts.height(row.left, lw, size, True), right) + px(12)

    def room(self) -> int:
        """The height of a page."""
        return self.viewport.h - 2 * self.ctx.sizes.px(12)

    def _last_top(self) -> int:
        """The first row of the last page: from there on, every row fits."""
        used, top = 0, len(self.rows)
        while top > 0 and used + self.heights[top - 1] <= self.room():
            top -= 1
            used += self.heights[top]
        return top

    def shown(self, top: int) -> list[Row]:
        """The rows of the page from row ``top`` (whole rows only; a heading goes to the page its rows are on)."""
        out, used = [], 0
        for row, height in zip(self.rows[top:], self.heights[top:], strict=True):
            used += height
            if used > self.room():
                break
            out.append(row)
        if len(out) > 1 and out[-1].heading and top + len(out) < len(self.rows):
            out.pop()
        return out

    def draw(self, surf: pygame.Surface, top: int) -> None:
        """The page of rows from ``top``: names at the left, what they did at the right; a scroll bar when the rows
        do not all fit."""
        px, fonts, size = self.ctx.sizes.px, self.ctx.fonts, self.size
        pygame.draw.rect(surf, theme.PANEL, self.viewport, border_radius=px(8))
        lx, lw, rx, rw = self._columns()
        y = self.viewport.y + px(12)
        shown = self.shown(top)
        with fonts.panel(self.viewport):
            for i, row in enumerate(shown):
                if row.heading:
                    fonts.draw(surf, row.left, lx, y + px(4), rx + rw - lx, size, theme.ORANGE, bold=True)
                else:
                    if i and not self.rows[top + i - 1].heading:
                        pygame.draw.line(surf, theme.PANEL_HI, (lx, y - px(6)), (rx + rw, y - px(6)))
                    fonts.draw(surf, row.left, lx, y, lw, size, theme.INK, bold=True)
                    ry = y
                    for text, colour in row.right:
                        ry += fonts.draw(surf, text, rx, ry, rw, size, colour)
                y += self.heights[top + i]
        if self.last_top:  # a scroll bar: where the page lies in the whole list
            track = pygame.Rect(self.viewport.right - px(18), self.viewport.y + px(12), px(6), self.room())
            pygame.draw.rect(surf, theme.PANEL_HI, track, border_radius=px(3))
            total, before = sum(self.heights), sum(self.heights[:top])
            seen = sum(self.heights[top:top + len(shown)])
            thumb = pygame.Rect(track.x, track.y + track.h * before // total, track.w, max(px(12), track.h * seen // total))
            pygame.draw.rect(surf, theme.MUTED, thumb, border_radius=px(3))

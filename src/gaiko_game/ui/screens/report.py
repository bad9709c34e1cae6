"""The turn's report: what fired and why, the rolls, the programmes, the meters' net change, what each cause did,
and what the other countries did and why."""

from __future__ import annotations

import pygame

from gaiko_game.core import TurnReport
from gaiko_game.present.report import ReportView, turn_report
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Pop, Screen, Transition


class ReportScreen(Screen):
    """Enter, Space, Esc or a click continues."""

    name = "report"

    def __init__(self, ctx: Context, campaign: Campaign, report: TurnReport) -> None:
        super().__init__(ctx)
        self.c, self.report = campaign, report
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    def resized(self) -> None:
        self.view: ReportView = turn_report(self.report, self.ctx.words(self.c.scenario))
        v = self.view
        moves = [(v.moves_title, theme.ORANGE, True, 0)] if v.moves else []
        for m in v.moves:
            moves += [(m.line, theme.INK, False, 1), (m.why, theme.MUTED, False, 2)]
        self.lines: list[tuple[str, theme.Colour, bool, int]] = (
            [(t, theme.YELLOW, False, 0) for t in (*v.events, *v.rolls, *v.ended, *v.programmes)]
            + [(n.line, theme.tone_colour(n.tone), True, 0) for n in v.net]
            + [(g.line, theme.INK, False, 0) for g in v.groups] + moves)
        """(text, colour, bold, indent level) in reading order."""

    def handle(self, event: pygame.event.Event) -> Transition | None:
        keys = (pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_KP_ENTER)
        if (event.type == pygame.KEYDOWN and event.key in keys) or (
                event.type == pygame.MOUSEBUTTONDOWN and event.button == 1):
            return Pop()
        return None

    def fit(self, width: int, height: int) -> tuple[int, int]:
        """The text size and column width that show every line: one column when it fits, else two, and a smaller
        size (down to 11 pixels at scale 1) when even two columns at the usual size would cut the report short."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        full, half, room = width - px(80), (width - px(120)) // 2, height - px(124)
        for size in range(px(15), px(11) - 1, -1):
            step = fonts.get(size).get_linesize()
            for col_w, columns in ((full, 1), (half, 2)):
                if self._rows(size, col_w, step, room) <= columns:
                    return size, col_w
        return px(11), half

    def _rows(self, size: int, col_w: int, step: int, room: int) -> int:
        """How many columns the lines take at ``size`` in columns ``col_w`` wide and ``room`` high."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        columns, y = 1, 0
        for text, _, bold, indent in self.lines:
            used = min(3, len(fonts.lines(text, size, col_w - indent * px(16), bold))) * step
            if y + used > room and y:
                columns, y = columns + 1, 0
            y += used
        return columns

    def shows_everything(self) -> bool:
        """Whether every line of the report fits on the screen at the size chosen."""
        px = self.ctx.sizes.px
        w, h = self.ctx.surface.get_size()
        size, col_w = self.fit(w, h)
        columns = 1 if col_w == w - px(80) else 2
        return self._rows(size, col_w, self.ctx.fonts.get(size).get_linesize(), h - px(124)) <= columns

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, h = surf.get_size()
        fonts.blit(surf, self.view.title, px(26), theme.INK, bold=True, topleft=(px(40), px(24)))
        size, col_w = self.fit(w, h)
        step = fonts.get(size).get_linesize()
        x, y, col = px(40), px(74), 0
        for text, colour, bold, indent in self.lines:
            pad = indent * px(16)
            used = min(3, len(fonts.lines(text, size, col_w - pad, bold))) * step
            if y + used > h - px(50) and y > px(74):
                col += 1
                if col > 1:
                    break
                x, y = px(40) + col * (col_w + px(40)), px(74)
            y += fonts.draw(surf, text, x + pad, y, col_w - pad, size, colour, bold=bold, max_lines=3)
        fonts.blit(surf, self.ctx.t("win.continue_hint"), px(15), theme.MUTED, bottomright=(w - px(30), h - px(14)))

    def texts(self) -> list[str]:
        return [text for text, _, _, _ in self.lines]

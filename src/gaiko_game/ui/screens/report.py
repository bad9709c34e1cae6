"""The turn's report: what fired and why, the rolls, the meters' net change, and what each cause did."""

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
        self.lines: list[tuple[str, theme.Colour, bool]] = (
            [(t, theme.YELLOW, False) for t in (*self.view.events, *self.view.rolls, *self.view.ended)]
            + [(n.line, theme.tone_colour(n.tone), True) for n in self.view.net]
            + [(g.line, theme.INK, False) for g in self.view.groups])

    def handle(self, event: pygame.event.Event) -> Transition | None:
        keys = (pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_KP_ENTER)
        if (event.type == pygame.KEYDOWN and event.key in keys) or (
                event.type == pygame.MOUSEBUTTONDOWN and event.button == 1):
            return Pop()
        return None

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, h = surf.get_size()
        surf.blit(fonts.render(self.view.title, px(26), theme.INK, bold=True), (px(40), px(24)))
        step = fonts.get(px(15)).get_linesize()
        full = w - px(80)
        one_column = sum(len(fonts.lines(t, px(15), full)) for t, _, _ in self.lines) * step <= h - px(124)
        col_w = full if one_column else (w - px(120)) // 2
        x, y, col = px(40), px(74), 0
        for text, colour, bold in self.lines:
            if y + step > h - px(50):
                col += 1
                if col > 1:
                    break
                x, y = px(40) + col * (col_w + px(40)), px(74)
            y += fonts.draw(surf, text, x, y, col_w, px(15), colour, bold=bold, max_lines=3)
        hint = fonts.render(self.ctx.t("win.continue_hint"), px(15), theme.MUTED)
        surf.blit(hint, (w - hint.get_width() - px(30), h - px(36)))

    def texts(self) -> list[str]:
        return [text for text, _, _ in self.lines]

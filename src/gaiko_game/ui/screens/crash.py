"""Something went wrong: what, whether the campaign was saved, where the log is, and the way back."""

from __future__ import annotations

import pygame

from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import ToCrash, ToTitle
from gaiko_game.ui.screen import Reset, Screen, Transition


class CrashScreen(Screen):
    """Enter (or Esc, or a click) returns to the title."""

    name = "crash"

    def __init__(self, ctx: Context, crash: ToCrash) -> None:
        super().__init__(ctx)
        self.crash = crash

    def handle(self, event: pygame.event.Event) -> Transition | None:
        keys = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_SPACE)
        if (event.type == pygame.KEYDOWN and event.key in keys) or (
                event.type == pygame.MOUSEBUTTONDOWN and event.button == 1):
            return Reset(ToTitle())
        return None

    def lines(self) -> list[tuple[str, theme.Colour]]:
        """What the screen says, in order."""
        t, c = self.ctx.t, self.crash
        saved = t("win.crash_saved") if c.saved else t("win.crash_not_saved", why=c.save_problem or "?")
        return [(saved, theme.INK if c.saved else theme.VERMILION), (c.error, theme.MUTED),
                (t("win.crash_log", path=c.log), theme.MUTED), (t("win.crash_back"), theme.YELLOW)]

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        width = surf.get_width() - px(120)
        y = px(80)
        fonts.blit(surf, self.ctx.t("win.crash_title"), px(30), theme.VERMILION, bold=True, topleft=(px(60), y))
        y += px(60)
        for text, colour in self.lines():
            y += fonts.draw(surf, text, px(60), y, width, px(17), colour, max_lines=4) + px(14)

    def texts(self) -> list[str]:
        return [self.ctx.t("win.crash_title"), *(text for text, _ in self.lines())]

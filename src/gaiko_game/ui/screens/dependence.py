"""Dependence over the map: each kind's shares as a stacked bar, and where the diversified meter is heading."""

from __future__ import annotations

import pygame

from gaiko_game.present.dependence import DependenceView, Share, dependence_view
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Pop, Screen, Transition


class DependenceScreen(Screen):
    """D, Esc, Enter or a click closes it."""

    name = "dependence"
    overlay = True

    def __init__(self, ctx: Context, campaign: Campaign) -> None:
        super().__init__(ctx)
        self.c = campaign
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    def resized(self) -> None:
        px = self.ctx.sizes.px
        width, height = self.ctx.surface.get_size()
        self.view: DependenceView = dependence_view(self.c.game, self.ctx.words(self.c.scenario))
        inner = px(140) + len(self.view.kinds) * px(86)
        self.box = pygame.Rect(px(110), 0, width - px(220), min(height - px(60), inner))
        self.box.centery = height // 2

    def handle(self, event: pygame.event.Event) -> Transition | None:
        keys = (pygame.K_d, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
        if (event.type == pygame.KEYDOWN and event.key in keys) or (
                event.type == pygame.MOUSEBUTTONDOWN and event.button == 1):
            return Pop()
        return None

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts, view = self.ctx.sizes.px, self.ctx.fonts, self.view
        shade = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surf.blit(shade, (0, 0))
        pygame.draw.rect(surf, theme.PANEL, self.box, border_radius=6)
        pygame.draw.rect(surf, theme.SKY, self.box, width=2, border_radius=6)
        x, y, width = self.box.x + px(20), self.box.y + px(16), self.box.w - px(40)
        y += fonts.draw(surf, view.title, x, y, width, px(22), theme.INK, bold=True, max_lines=1) + px(2)
        if view.heading:
            y += fonts.draw(surf, view.heading, x, y, width, px(17), theme.YELLOW, bold=True, max_lines=1)
        y += fonts.draw(surf, view.head, x, y, width, px(14), theme.MUTED, max_lines=2) + px(8)
        for kind in view.kinds:
            y += fonts.draw(surf, kind.name, x, y, width, px(15), theme.INK, bold=True, max_lines=1) + px(2)
            self._bar(surf, kind.shares, pygame.Rect(x, y, width, px(28)))
            y += px(32)
            y += fonts.draw(surf, kind.text, x, y, width, px(13), theme.MUTED, max_lines=1) + px(10)
        hint = self.ctx.t("win.dependence_hint")
        fonts.draw(surf, hint, x, self.box.bottom - px(26), width, px(13), theme.MUTED, max_lines=1)

    def _bar(self, surf: pygame.Surface, shares: tuple[Share, ...], rect: pygame.Rect) -> None:
        """One kind's shares side by side, each labelled inside when it has room."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        total = sum(s.value for s in shares) or 1
        left, running = rect.x, 0
        for s in shares:
            running += s.value
            right = rect.x + round(rect.w * running / total)
            part = pygame.Rect(left, rect.y, max(1, right - left), rect.h)
            pygame.draw.rect(surf, s.colour, part)
            pygame.draw.rect(surf, theme.PANEL, part, width=1)
            ink = theme.BACKGROUND if sum(s.colour) > 330 else theme.INK
            text = f"{s.name} {s.value}"
            if fonts.get(px(13), True).size(text)[0] + px(6) <= part.w:
                fonts.blit(surf, text, px(13), ink, bold=True, center=part.center)
            left = right

    def texts(self) -> list[str]:
        return [self.view.title, self.view.heading, self.view.head, *(k.line for k in self.view.kinds)]

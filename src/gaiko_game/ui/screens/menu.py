"""A vertical menu of buttons, played with the mouse or the keyboard (arrows, Enter, number keys, Esc)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Screen, Transition
from gaiko_game.ui.widgets import Button, draw_tooltip

Item = tuple[str, Callable[[], Transition | None], bool, list[str]]
"""(label, what choosing it does, enabled, tooltip lines)."""


class MenuScreen(Screen):
    """Subclasses give a title, a subtitle and their items."""

    button_width = 420

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.focus = 0
        self.buttons: list[Button] = []
        self.resized()

    def title(self) -> str:
        """The big line at the top."""
        return ""

    def subtitle(self) -> str:
        """Text under the title."""
        return ""

    def items(self) -> list[Item]:
        """The menu's entries."""
        return []

    def resized(self) -> None:
        """Title, subtitle, then the buttons under them: on a short window the title moves up and the buttons
        tighten (never below a height that holds their text), so nothing overlaps and every button stays on screen."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, h = self.ctx.surface.get_size()
        items = self.items()
        n = max(1, len(items))
        self.sub_w = min(w - px(80), px(820))
        sub = self.subtitle()
        sub_h = fonts.height(sub, self.sub_w, px(17), max_lines=4) if sub else 0
        bottom = h - px(30)  # the title screen's version line sits below
        bw, bh, gap = px(self.button_width), px(44), px(10)
        self.title_y = px(90)
        for title_y in (px(90), px(50), px(24)):
            self.title_y = title_y
            if self._top(sub_h) + n * (bh + gap) <= bottom:
                break
        top = self._top(sub_h)
        if top + n * (bh + gap) > bottom:
            gap = px(6)
            bh = max(fonts.get(px(20)).get_linesize() + px(6), (bottom - top) // n - gap)
        self.buttons = []
        for i, (label, action, enabled, tip) in enumerate(items):
            rect = pygame.Rect((w - bw) // 2, top + i * (bh + gap), bw, bh)
            self.buttons.append(Button(rect, f"{i + 1}. {label}", action, enabled, tip))
        self.focus = min(self.focus, max(0, len(self.buttons) - 1))

    def _top(self, sub_h: int) -> int:
        """Where the first button goes, under the title and a subtitle ``sub_h`` high."""
        px = self.ctx.sizes.px
        below_title = self.title_y + self.ctx.fonts.get(px(40), True).get_linesize() + px(10)
        if not sub_h:  # no subtitle: the buttons follow the title, with no empty band between
            return below_title + px(30)
        return max(below_title + sub_h + px(18), min(px(210), self.ctx.surface.get_height() // 2 - px(20)))

    def choose(self, i: int) -> Transition | None:
        """Activate button ``i`` if it is enabled."""
        if 0 <= i < len(self.buttons) and self.buttons[i].enabled:
            result = self.buttons[i].action()
            self.resized()  # labels may have changed (settings cycle in place)
            return result
        return None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, b in enumerate(self.buttons):
                if b.hit(event.pos):
                    self.focus = i
                    return self.choose(i)
        elif event.type == pygame.MOUSEMOTION:
            for i, b in enumerate(self.buttons):
                if b.hit(event.pos):
                    self.focus = i
        elif event.type == pygame.KEYDOWN:
            n = len(self.buttons)
            if event.key in (pygame.K_DOWN, pygame.K_TAB) and n:
                self.focus = (self.focus + 1) % n
            elif event.key == pygame.K_UP and n:
                self.focus = (self.focus - 1) % n
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.choose(self.focus)
            elif pygame.K_1 <= event.key <= pygame.K_9:
                return self.choose(event.key - pygame.K_1)
        return super().handle(event)

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, _ = surf.get_size()
        top = fonts.blit(surf, self.title(), px(40), theme.INK, bold=True, midtop=(w // 2, self.title_y)).bottom
        sub = self.subtitle()
        if sub:
            fonts.draw(surf, sub, (w - self.sub_w) // 2, top + px(10), self.sub_w, px(17), theme.MUTED, max_lines=4)
        hovered = None
        for i, b in enumerate(self.buttons):
            b.selected = i == self.focus
            b.draw(surf, fonts, px(20), hover=b.hit(self.ctx.mouse))
            if b.hit(self.ctx.mouse):
                hovered = b
        if hovered and hovered.tooltip:
            draw_tooltip(surf, fonts, hovered.tooltip, self.ctx.mouse, px(15), px(380))

    def texts(self) -> list[str]:
        return [self.title(), self.subtitle(), *(b.label for b in self.buttons)]

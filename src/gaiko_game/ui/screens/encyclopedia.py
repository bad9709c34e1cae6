"""The encyclopedia: the background of every action and crisis of a scenario."""

from __future__ import annotations

import pygame

from gaiko_game.core import Scenario
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Screen, Transition


class EncyclopediaScreen(Screen):
    """Up/Down or a click picks an entry; Esc goes back."""

    name = "encyclopedia"

    def __init__(self, ctx: Context, scenario: Scenario, start: str | None = None) -> None:
        super().__init__(ctx)
        self.scenario = scenario
        self.entries = [f"action.{a.id}" for a in scenario.actions] + [f"event.{e.id}" for e in scenario.events if e.choices]
        self.index = self.entries.index(start) if start in self.entries else 0
        self.resized()

    def title_of(self, entry: str) -> str:
        """An entry's heading: the action's name or the crisis's title."""
        return self.ctx.words(self.scenario).name(f"{entry}.name" if entry.startswith("action.") else f"{entry}.title")

    def resized(self) -> None:
        px = self.ctx.sizes.px
        w, h = self.ctx.surface.get_size()
        self.list_rect = pygame.Rect(px(20), px(70), px(380), h - px(100))
        self.row_h = px(22)
        self.text_rect = pygame.Rect(self.list_rect.right + px(30), px(70), w - self.list_rect.right - px(50), h - px(100))

    def _first_visible(self) -> int:
        per_page = self.list_rect.h // self.row_h
        return max(0, min(self.index - per_page // 2, len(self.entries) - per_page))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_DOWN, pygame.K_UP):
            self.index = (self.index + (1 if event.key == pygame.K_DOWN else -1)) % len(self.entries)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.list_rect.collidepoint(event.pos):
            i = self._first_visible() + (event.pos[1] - self.list_rect.y) // self.row_h
            if 0 <= i < len(self.entries):
                self.index = i
        elif event.type == pygame.MOUSEWHEEL:
            self.index = max(0, min(len(self.entries) - 1, self.index - event.y))
        return super().handle(event)

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts, w = self.ctx.sizes.px, self.ctx.fonts, self.ctx.words(self.scenario)
        fonts.blit(surf, w.ui("win.encyclopedia"), px(28), theme.INK, bold=True, topleft=(px(20), px(18)))
        first = self._first_visible()
        for row, entry in enumerate(self.entries[first:first + self.list_rect.h // self.row_h]):
            i = first + row
            y = self.list_rect.y + row * self.row_h
            colour = theme.YELLOW if i == self.index else (theme.INK if entry.startswith("action.") else theme.SKY)
            label = fonts.fit(self.title_of(entry), px(15), self.list_rect.w, tip=True)  # shown whole when chosen
            fonts.blit(surf, label, px(15), colour, topleft=(self.list_rect.x, y))
        entry = self.entries[self.index]
        r = self.text_rect
        y = r.y + fonts.draw(surf, self.title_of(entry), r.x, r.y, r.w, px(24), theme.INK, bold=True) + px(10)
        lead = f"{entry}.desc" if entry.startswith("action.") else f"{entry}.text"
        y += fonts.draw(surf, w.name(lead), r.x, y, r.w, px(16), theme.MUTED) + px(10)
        fonts.draw(surf, w.name(f"{entry}.encyclopedia"), r.x, y, r.w, px(17), theme.INK)

    def texts(self) -> list[str]:
        w = self.ctx.words(self.scenario)
        return [self.title_of(self.entries[self.index]), w.name(f"{self.entries[self.index]}.encyclopedia")]

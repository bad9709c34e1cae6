"""The encyclopedia: the background of every action and crisis of a scenario."""

from __future__ import annotations

import pygame

from gaiko_game.core import Scenario
from gaiko_game.lab.modelcard import figures_for
from gaiko_game.present.modelcard import entries
from gaiko_game.scenario.bundled import bundled_by_id
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.icons import category_icon, draw_icon
from gaiko_game.ui.screen import Screen, Transition


class EncyclopediaScreen(Screen):
    """Up/Down or a click picks an entry; Esc goes back."""

    name = "encyclopedia"

    def __init__(self, ctx: Context, scenario: Scenario, start: str | None = None) -> None:
        super().__init__(ctx)
        self.scenario = scenario
        folder = bundled_by_id(scenario.id)
        card = entries(ctx.words(scenario), figures_for(folder) if folder is not None else None)
        self.card = {e.key: e for e in card}
        self.entries = [e.key for e in card] + [f"action.{a.id}" for a in scenario.actions] + [
            f"event.{e.id}" for e in scenario.events if e.choices]
        self.index = self.entries.index(start) if start in self.entries else 0
        self.resized()

    def title_of(self, entry: str) -> str:
        """An entry's heading: the card entry's, the action's name or the crisis's title."""
        if entry in self.card:
            return self.card[entry].title
        return self.ctx.words(self.scenario).name(f"{entry}.name" if entry.startswith("action.") else f"{entry}.title")

    def resized(self) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, h = self.ctx.surface.get_size()
        footer = fonts.get(px(13)).get_linesize() + px(16)
        self.list_rect = pygame.Rect(px(20), px(70), min(px(400), w // 3), h - px(70) - footer)
        self.row_h = fonts.get(px(15)).get_linesize() + px(3)
        self.text_rect = pygame.Rect(self.list_rect.right + px(30), px(70), w - self.list_rect.right - px(50),
                                     h - px(70) - footer)
        self.footer_y = h - footer + px(6)
        card = len(self.card)
        actions = sum(1 for e in self.entries if e.startswith("action."))
        t = self.ctx.t
        heads = {0: t("win.encyclopedia_card", n=card)} if card else {}
        if actions:
            heads[card] = t("win.encyclopedia_actions", n=actions)
        if card + actions < len(self.entries):
            heads[card + actions] = t("win.encyclopedia_events", n=len(self.entries) - card - actions)
        self.rows: list[tuple[str, int]] = []
        for i, entry in enumerate(self.entries):  # a heading before each section
            if i in heads:
                self.rows.append((heads[i], -1))
            self.rows.append((entry, i))

    def _first_visible(self) -> int:
        """The first row shown: the chosen entry stays in the middle of the list, its heading in view at the top."""
        per_page = self.list_rect.h // self.row_h
        at = next(r for r, (_, i) in enumerate(self.rows) if i == self.index)
        return max(0, min(at - per_page // 2, len(self.rows) - per_page))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_DOWN, pygame.K_UP):
            self.index = (self.index + (1 if event.key == pygame.K_DOWN else -1)) % len(self.entries)
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_HOME, pygame.K_END):
            self.index = 0 if event.key == pygame.K_HOME else len(self.entries) - 1
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.list_rect.collidepoint(event.pos):
            r = self._first_visible() + (event.pos[1] - self.list_rect.y) // self.row_h
            if 0 <= r < len(self.rows) and self.rows[r][1] >= 0:
                self.index = self.rows[r][1]
        elif event.type == pygame.MOUSEWHEEL:
            self.index = max(0, min(len(self.entries) - 1, self.index - event.y))
        return super().handle(event)

    def _icon(self, entry: str) -> str:
        """An action's category icon, a crisis's warning, an opportunity's star, the card's book."""
        if entry in self.card:
            return "generic"
        if entry.startswith("action."):
            a = self.scenario.action(entry.removeprefix("action."))
            return category_icon(a.category) if a is not None else "generic"
        ev = next((e for e in self.scenario.events if f"event.{e.id}" == entry), None)
        return "opportunity" if ev is not None and ev.opportunity else "crisis"

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts, w = self.ctx.sizes.px, self.ctx.fonts, self.ctx.words(self.scenario)
        fonts.blit(surf, w.ui("win.encyclopedia"), px(28), theme.INK, bold=True, topleft=(px(20), px(18)))
        first, icon = self._first_visible(), px(14)
        with fonts.panel(self.list_rect):
            for row, (text, i) in enumerate(self.rows[first:first + self.list_rect.h // self.row_h]):
                y = self.list_rect.y + row * self.row_h
                if i < 0:  # a section's heading
                    fonts.blit(surf, text, px(14), theme.MUTED, bold=True, topleft=(self.list_rect.x, y))
                    continue
                if i == self.index:
                    pygame.draw.rect(surf, theme.PANEL_HI, (self.list_rect.x, y, self.list_rect.w, self.row_h),
                                     border_radius=3)
                colour = theme.YELLOW if i == self.index else theme.INK
                draw_icon(surf, self._icon(text), pygame.Rect(self.list_rect.x + px(4), y + (self.row_h - icon) // 2,
                                                             icon, icon), theme.SKY if i != self.index else colour)
                room = self.list_rect.w - icon - px(12)
                label = fonts.fit(self.title_of(text), px(15), room, tip=True)  # shown whole when chosen
                fonts.blit(surf, label, px(15), colour, topleft=(self.list_rect.x + icon + px(10), y))
        entry = self.entries[self.index]
        r = self.text_rect
        with fonts.panel(r):
            y = r.y + fonts.draw(surf, self.title_of(entry), r.x, r.y, r.w, px(24), theme.INK, bold=True) + px(10)
            y += fonts.draw(surf, self.lead(entry), r.x, y, r.w, px(16), theme.MUTED) + px(10)
            fonts.draw(surf, self.body(entry), r.x, y, r.w, px(17), theme.INK)
        hint = w.ui("win.encyclopedia_hint", at=self.index + 1, n=len(self.entries))
        fonts.draw(surf, hint, px(20), self.footer_y, surf.get_width() - px(40), px(13), theme.MUTED, max_lines=1)

    def lead(self, entry: str) -> str:
        """The line under an entry's heading: the card entry's lead, the action's summary or the crisis's text."""
        if entry in self.card:
            return self.card[entry].lead
        return self.ctx.words(self.scenario).name(f"{entry}.desc" if entry.startswith("action.") else f"{entry}.text")

    def body(self, entry: str) -> str:
        """An entry's text: the card entry's, or the background with its sources and date."""
        return self.card[entry].body if entry in self.card else self.ctx.words(self.scenario).background(entry)

    def texts(self) -> list[str]:
        entry = self.entries[self.index]
        return [self.title_of(entry), self.lead(entry), self.body(entry)]

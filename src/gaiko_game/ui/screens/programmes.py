"""Standing programmes in force, over the map: each with its upkeep, what it does, and what ending it costs.

Choosing one (its number or a click) asks first, showing what withdrawing it costs; Enter
withdraws it, Esc keeps it. Esc on the list goes back to the map.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from gaiko_game.core import Refusal
from gaiko_game.present.programmes import ProgrammesView, ProgrammeView, programmes
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Pop, Screen, Transition
from gaiko_game.ui.widgets import Button


class ProgrammesScreen(Screen):
    """1–9 or a click picks a programme to withdraw; Enter confirms, Esc keeps it (and Esc again goes back)."""

    name = "programmes"
    overlay = True

    def __init__(self, ctx: Context, campaign: Campaign) -> None:
        super().__init__(ctx)
        self.c = campaign
        self.asking: ProgrammeView | None = None
        self.note = ""
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    @property
    def open_to_change(self) -> bool:
        """Whether programmes may be withdrawn now (only during the action phase)."""
        return bool(self.c.game.withdrawals())

    def resized(self) -> None:
        px = self.ctx.sizes.px
        width, height = self.ctx.surface.get_size()
        w = self.ctx.words(self.c.scenario)
        self.view: ProgrammesView = programmes(self.c.game, w)
        rows = max(1, len(self.view.items))
        inner = px(130) + rows * px(62) + (px(150) if self.asking else 0)
        self.box = pygame.Rect(px(110), 0, width - px(220), min(height - px(100), inner))
        self.box.centery = height // 2
        y = self.box.y + px(88)
        self.buttons: list[Button] = []
        for p in self.view.items:
            rect = pygame.Rect(self.box.x + px(20), y, self.box.w - px(40), px(56))
            detail = " · ".join(x for x in (p.each_turn, p.ending) if x)
            self.buttons.append(Button(rect, f"{p.number}. {p.line}", self._asker(p), self.open_to_change,
                                       detail=detail))
            y += px(62)
        half = (self.box.w - px(60)) // 2
        self.confirm_buttons = [
            Button(pygame.Rect(self.box.x + px(20), self.box.bottom - px(60), half, px(44)), w.ui("win.withdraw"),
                   self.confirm),
            Button(pygame.Rect(self.box.x + px(40) + half, self.box.bottom - px(60), half, px(44)), w.ui("win.keep"),
                   self.keep),
        ]

    def _asker(self, p: ProgrammeView) -> Callable[[], Transition | None]:
        return lambda: self.ask(p)

    def ask(self, p: ProgrammeView) -> None:
        """Ask before withdrawing ``p``, showing what ending it costs."""
        self.asking, self.note = p, ""
        self.resized()

    def keep(self) -> None:
        """Keep the programme asked about."""
        self.asking = None
        self.resized()

    def confirm(self) -> None:
        """Withdraw the programme asked about; the list shows what it cost."""
        p, self.asking = self.asking, None
        if p is None:
            return
        w = self.ctx.words(self.c.scenario)
        try:
            changes = self.c.withdraw(p.action)
            self.note = w.ui("programme.withdrawn", name=p.name) + " — " + (w.join(w.amounts(changes, skip=()))
                                                                            or w.ui("word.no_changes"))
        except Refusal as refusal:
            self.note = refusal.text(self.ctx.settings.lang)
        self.resized()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.asking is not None:
            return self._handle_question(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for b in self.buttons:
                if b.hit(event.pos) and b.enabled:
                    return b.action()
        elif event.type == pygame.KEYDOWN:
            i: int = event.key - pygame.K_1
            if 0 <= i < len(self.buttons) and self.buttons[i].enabled:
                return self.buttons[i].action()
            if event.key in (pygame.K_ESCAPE, pygame.K_p):
                return Pop()
        return None

    def _handle_question(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for b in self.confirm_buttons:
                if b.hit(event.pos):
                    return b.action()
        elif event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_y):
                self.confirm()
            elif event.key in (pygame.K_ESCAPE, pygame.K_n):
                self.keep()
        return None

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w = self.ctx.words(self.c.scenario)
        shade = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surf.blit(shade, (0, 0))
        pygame.draw.rect(surf, theme.PANEL, self.box, border_radius=6)
        pygame.draw.rect(surf, theme.YELLOW, self.box, width=2, border_radius=6)
        x, y, width = self.box.x + px(20), self.box.y + px(16), self.box.w - px(40)
        y += fonts.draw(surf, w.ui("win.programmes"), x, y, width, px(24), theme.INK, bold=True, max_lines=1)
        y += fonts.draw(surf, self.view.heading, x, y, width, px(15), theme.MUTED, max_lines=1)
        if not self.view.items:
            fonts.draw(surf, self.note, x, y + px(10), width, px(15), theme.YELLOW, max_lines=2)
        for b in self.buttons:
            b.draw(surf, fonts, px(16), hover=active and self.asking is None and b.hit(self.ctx.mouse))
        if self.asking is not None:
            top = self.box.bottom - px(150)
            pygame.draw.line(surf, theme.PANEL_HI, (x, top - px(8)), (x + width, top - px(8)))
            fonts.draw(surf, self.asking.confirm, x, top, width, px(18), theme.INK, bold=True, max_lines=3)
            for b in self.confirm_buttons:
                b.draw(surf, fonts, px(17), hover=b.hit(self.ctx.mouse))
            return
        bottom = self.box.bottom - px(28)
        if self.note and self.view.items:
            fonts.draw(surf, self.note, x, bottom - px(24), width, px(15), theme.YELLOW, max_lines=1)
        if not self.buttons:
            hint = w.ui("win.programmes_back")
        elif self.open_to_change:
            hint = w.ui("win.programmes_hint")
        else:
            hint = w.ui("win.programmes_later")
        fonts.draw(surf, hint, x, bottom, width, px(13), theme.MUTED, max_lines=1)

    def texts(self) -> list[str]:
        confirm = [self.asking.confirm, *(b.label for b in self.confirm_buttons)] if self.asking else []
        return [self.view.heading, *(b.label for b in self.buttons), *confirm, *([self.note] if self.note else [])]

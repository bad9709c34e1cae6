"""A crisis (or an opportunity, framed in a calmer colour), over the map: its scene, the answers with previews,
costs, requirements and odds."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from gaiko_game.present.crisis import CrisisCard, crisis_card
from gaiko_game.present.report import roll_line
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import ToCrisis, ToReport
from gaiko_game.ui.screen import Pop, Replace, Screen, Transition
from gaiko_game.ui.widgets import Button, draw_tooltip

_Block = tuple[str, int, theme.Colour, bool, int | None, int]
"""A block of the card's text: (text, size, colour, bold, max lines, gap after)."""


class CrisisScreen(Screen):
    """Answer with a click or a number key; I shows the background; Esc looks at the map first."""

    name = "crisis"
    overlay = True

    def __init__(self, ctx: Context, campaign: Campaign, note: str = "") -> None:
        super().__init__(ctx)
        self.c = campaign
        self.note = note
        self.show_background = False
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    def resized(self) -> None:
        px = self.ctx.sizes.px
        width, height = self.ctx.surface.get_size()
        w = self.ctx.words(self.c.scenario)
        self.card: CrisisCard = crisis_card(self.c.game, w)
        box_w = width - px(220)
        room = height - px(100)
        self.box = pygame.Rect(px(110), 0, box_w, min(room, self._content_height(box_w - px(40))))
        self.box.centery = height // 2  # the card is as tall as what it says: no empty half-screen
        self.buttons: list[Button] = []
        y = self.box.bottom - px(16) - len(self.card.choices) * px(62)
        for i, c in enumerate(self.card.choices):
            rect = pygame.Rect(self.box.x + px(20), y + i * px(62), self.box.w - px(40), px(56))
            cost = w.ui("word.dc", cost=c.cost) if c.cost else ""
            label = f"{c.number}. {c.label}" + (f"  ({cost})" if cost else "")
            self.buttons.append(Button(rect, label, self._chooser(c.id), c.enabled, detail=c.detail))

    def _blocks(self) -> list[_Block]:
        """The card's text from the top, as (text, size, colour, bold, max lines, gap after): what :meth:`draw`
        draws and what the card's height is measured from, so the two never drift apart."""
        px, card = self.ctx.sizes.px, self.card
        w = self.ctx.words(self.c.scenario)
        blocks: list[_Block] = [(self.note, px(14), theme.YELLOW, False, 1, px(2))] if self.note else []
        blocks.append((card.heading, px(24), theme.INK, True, None, px(6)))
        blocks.append((card.background if self.show_background else card.text, px(16), theme.INK, False, 7, px(4)))
        if card.immediate:
            blocks.append((card.immediate, px(16), theme.VERMILION, False, 2, px(4)))
        blocks.append((w.ui("win.crisis_hint", n=len(card.choices)), px(13), theme.MUTED, False, 1, px(12)))
        return blocks

    def _content_height(self, width: int) -> int:
        """The card's height for the text it shows (the scene, or its background after I), its hint and its
        answers, with their margins."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        text = sum(fonts.height(t, width, size, bold, lines) + gap for t, size, _, bold, lines, gap in self._blocks())
        return px(16) + text + len(self.card.choices) * px(62) + px(16)

    def _chooser(self, choice_id: str) -> Callable[[], Transition | None]:
        return lambda: self.choose(choice_id)

    def choose(self, choice_id: str) -> Transition:
        """Answer; the next crisis, or the turn's report, follows."""
        game = self.c.game
        rolls = len(game.rolls)
        report = self.c.choose(choice_id)
        w = self.ctx.words(self.c.scenario)
        note = roll_line(w, game.rolls[-1]) if len(game.rolls) > rolls else ""
        if report is None:
            return Replace(ToCrisis(self.c, note))
        return Replace(ToReport(self.c, report))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for b in self.buttons:
                if b.hit(event.pos) and b.enabled:
                    return b.action()
        elif event.type == pygame.KEYDOWN:
            i = event.key - pygame.K_1
            if 0 <= i < len(self.buttons):
                return self.buttons[i].action() if self.buttons[i].enabled else None
            if event.key == pygame.K_i:
                self.show_background = not self.show_background
                self.resized()  # the card grows or shrinks to the text it now shows
            elif event.key == pygame.K_ESCAPE:
                return Pop()  # back to the map; End turn brings the crisis back
        return None

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts, card = self.ctx.sizes.px, self.ctx.fonts, self.card
        shade = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surf.blit(shade, (0, 0))
        pygame.draw.rect(surf, theme.PANEL, self.box, border_radius=6)
        pygame.draw.rect(surf, theme.GOOD if card.opportunity else theme.BAD, self.box, width=2, border_radius=6)
        x, y, width = self.box.x + px(20), self.box.y + px(16), self.box.w - px(40)
        for text, size, colour, bold, lines, gap in self._blocks():
            y += fonts.draw(surf, text, x, y, width, size, colour, bold=bold, max_lines=lines) + gap
        hovered = None
        for b in self.buttons:
            b.draw(surf, fonts, px(17), hover=b.hit(self.ctx.mouse))
            if b.hit(self.ctx.mouse):
                hovered = b
        if hovered is not None and hovered.detail:
            draw_tooltip(surf, fonts, [hovered.label, hovered.detail], self.ctx.mouse, px(15), px(420))

    def texts(self) -> list[str]:
        return [self.card.title, *(b.label for b in self.buttons)]

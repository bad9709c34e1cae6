"""A crisis (or an opportunity, framed in a calmer colour), over the map: its scene, the answers with previews,
costs, requirements and odds."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from gaiko_game.present.crisis import ChoiceView, CrisisCard, crisis_card
from gaiko_game.present.report import roll_line
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import ToCrisis, ToReport
from gaiko_game.ui.icons import draw_icon
from gaiko_game.ui.screen import Pop, Replace, Screen, Transition
from gaiko_game.ui.widgets import Button

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
        self.focus = 0
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    def resized(self) -> None:
        """Lay the card out: the scene on the left and the answers, each with its whole preview, on the right (one
        column on a narrow window); the text steps down a size or two when the window is short, and the card is as
        tall as what it says."""
        px = self.ctx.sizes.px
        width, height = self.ctx.surface.get_size()
        w = self.ctx.words(self.c.scenario)
        self.card: CrisisCard = crisis_card(self.c.game, w)
        box_w = min(width - px(60), px(1500))
        self.two = box_w >= px(860)
        inner = box_w - px(40)
        self.left_w = (inner - px(24)) * 9 // 20 if self.two else inner
        self.right_w = inner - self.left_w - px(24) if self.two else inner
        for step in range(0, 7):
            self.text_size, self.choice_size = px(16) - step, px(16) - step
            left = self._scene_height()
            answers = self._answer_heights()
            right = sum(answers) + px(8) * (len(answers) - 1)
            content = max(left, right) if self.two else left + px(8) + right
            if content + px(32) <= height - px(24):
                break
        self.box = pygame.Rect(0, 0, box_w, content + px(32))
        self.box.center = (width // 2, height // 2)  # the card is as tall as what it says: no empty half-screen
        x = self.box.x + px(20) + (self.left_w + px(24) if self.two else 0)
        y = self.box.y + px(16) + (0 if self.two else left + px(8))
        self.buttons: list[Button] = []
        for c, h in zip(self.card.choices, answers, strict=True):
            cost = w.ui("word.dc", cost=c.cost) if c.cost else ""
            label = f"{c.number}. " + (w.ui("word.with_cost", name=c.label, cost=cost) if cost else c.label)
            self.buttons.append(Button(pygame.Rect(x, y, self.right_w, h), label, self._chooser(c.id), c.enabled))
            y += h + px(8)
        self.focus = min(self.focus, len(self.buttons) - 1)

    def _blocks(self) -> list[_Block]:
        """The scene's text from the top, as (text, size, colour, bold, max lines, gap after): what :meth:`draw`
        draws and what the card's height is measured from, so the two never drift apart."""
        px, card, size = self.ctx.sizes.px, self.card, self.text_size
        w = self.ctx.words(self.c.scenario)
        blocks: list[_Block] = [(self.note, px(14), theme.YELLOW, False, None, px(2))] if self.note else []
        blocks.append((card.heading, size + px(6), theme.INK, True, None, px(6)))
        blocks.append((card.background if self.show_background else card.text, size, theme.INK, False, None, px(6)))
        if card.immediate:
            blocks.append((card.immediate, size, theme.VERMILION, False, None, px(6)))
        blocks.append((w.ui("win.crisis_hint", n=len(card.choices)), px(13), theme.MUTED, False, None, 0))
        return blocks

    def _scene_height(self) -> int:
        """How tall the scene's column is."""
        fonts, icon = self.ctx.fonts, self.ctx.sizes.px(24)
        return sum(fonts.height(t, self.left_w - (icon + self.ctx.sizes.px(8) if i == self._heading_index() else 0),
                                size, bold, lines) + gap
                   for i, (t, size, _, bold, lines, gap) in enumerate(self._blocks()))

    def _heading_index(self) -> int:
        return 1 if self.note else 0

    def _answer_lines(self, c: ChoiceView) -> list[tuple[str, int, theme.Colour]]:
        """An answer's card from the top: its name and cost, why it cannot be chosen, then everything it does."""
        size, w = self.choice_size, self.ctx.words(self.c.scenario)
        cost = w.ui("word.dc", cost=c.cost) if c.cost else ""
        label = f"{c.number}. " + (w.ui("word.with_cost", name=c.label, cost=cost) if cost else c.label)
        lines = [(label, size, theme.INK if c.enabled else theme.MUTED)]
        if c.reasons:
            lines.append((c.reasons, size - 2, theme.ORANGE))
        lines.append((w.join(list(c.effects)) or w.ui("word.no_changes"), size - 2, theme.MUTED))
        return lines

    def _answer_heights(self) -> list[int]:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        return [px(16) + sum(fonts.height(t, self.right_w - px(20), size, i == 0) for i, (t, size, _) in
                             enumerate(self._answer_lines(c))) for c in self.card.choices]

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
        if event.type == pygame.MOUSEMOTION:
            self.focus = next((i for i, b in enumerate(self.buttons) if b.hit(event.pos)), self.focus)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for b in self.buttons:
                if b.hit(event.pos) and b.enabled:
                    return b.action()
        elif event.type == pygame.KEYDOWN:
            i = event.key - pygame.K_1
            if 0 <= i < len(self.buttons):
                return self.buttons[i].action() if self.buttons[i].enabled else None
            if event.key in (pygame.K_DOWN, pygame.K_UP, pygame.K_TAB):
                step = -1 if event.key == pygame.K_UP else 1
                self.focus = (self.focus + step) % len(self.buttons)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.buttons[self.focus].enabled:
                return self.buttons[self.focus].action()
            elif event.key == pygame.K_i:
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
        accent = theme.GOOD if card.opportunity else theme.BAD
        pygame.draw.rect(surf, theme.PANEL, self.box, border_radius=6)
        pygame.draw.rect(surf, accent, self.box, width=2, border_radius=6)
        x, y = self.box.x + px(20), self.box.y + px(16)
        with fonts.panel(self.box):
            for i, (text, size, colour, bold, lines, gap) in enumerate(self._blocks()):
                if i == self._heading_index():  # the heading carries the card's mark: a warning, or a star
                    icon = px(24)
                    draw_icon(surf, "opportunity" if card.opportunity else "crisis",
                              pygame.Rect(x, y + (fonts.get(size, True).get_linesize() - icon) // 2, icon, icon), accent)
                    y += fonts.draw(surf, text, x + icon + px(8), y, self.left_w - icon - px(8), size, colour,
                                    bold=bold, max_lines=lines) + gap
                else:
                    y += fonts.draw(surf, text, x, y, self.left_w, size, colour, bold=bold, max_lines=lines) + gap
            for i, (c, b) in enumerate(zip(card.choices, self.buttons, strict=True)):
                self._draw_answer(surf, c, b, hover=i == self.focus)  # one highlight: the mouse moves the focus too

    def _draw_answer(self, surf: pygame.Surface, c: ChoiceView, b: Button, hover: bool) -> None:
        """One answer's card: a box with its name, and under it every effect it has (or why it is out of reach)."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        pygame.draw.rect(surf, theme.PANEL_HI if hover and c.enabled else theme.BACKGROUND, b.rect, border_radius=5)
        edge = theme.SKY if hover else (theme.MUTED if c.enabled else theme.DIM)
        pygame.draw.rect(surf, edge, b.rect, width=2 if hover else 1, border_radius=5)
        y = b.rect.y + px(8)
        with fonts.panel(b.rect):
            for i, (text, size, colour) in enumerate(self._answer_lines(c)):
                y += fonts.draw(surf, text, b.rect.x + px(10), y, b.rect.w - px(20), size, colour, bold=i == 0)

    def texts(self) -> list[str]:
        return [self.card.title, *(b.label for b in self.buttons)]

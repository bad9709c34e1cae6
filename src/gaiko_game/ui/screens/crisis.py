"""A crisis: its scene, the choices with previews, costs, requirements and odds, and the roll."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from gaiko_game.core.board import key_name
from gaiko_game.core.explain import preview_msgs
from gaiko_game.core.text import Msg
from gaiko_game.ui import theme
from gaiko_game.ui.screen import Pop, Replace, Screen, Transition
from gaiko_game.ui.widgets import Button, draw_tooltip

if TYPE_CHECKING:
    from gaiko_game.ui.screens.campaign import CampaignScreen


class CrisisScreen(Screen):
    """Answer with a click or a number key; I shows the background; Esc looks at the map first."""

    name = "crisis"

    def __init__(self, app: object, campaign: CampaignScreen) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.campaign = campaign
        self.game = campaign.game
        self.show_background = False
        self.resized()

    def resized(self) -> None:
        px = self.app.sizes.px
        w, h = self.app.surface.get_size()
        self.box = pygame.Rect(px(110), px(50), w - px(220), h - px(100))
        ev = self.game.pending_crisis
        assert ev is not None
        self.event = ev
        self.buttons: list[Button] = []
        y = self.box.bottom - px(16) - len(ev.choices) * px(62)
        for i, c in enumerate(ev.choices):
            rect = pygame.Rect(self.box.x + px(20), y + i * px(62), self.box.w - px(40), px(56))
            reason = self.game.explain_choice(c.id)
            label = f"{i + 1}. {self.app.name(f'event.{ev.id}.choice.{c.id}')}"
            if c.cost:
                label += f"  ({self.app.t('ui.choice_cost', cost=c.cost).strip(' ()')})"
            detail = self.app.texts.render(reason) if reason else self.preview_line(c.id)
            self.buttons.append(Button(rect, label, self._chooser(c.id), reason is None, detail=detail))

    def _chooser(self, choice_id: str) -> Callable[[], Transition | None]:
        return lambda: self.choose(choice_id)

    def preview_line(self, choice_id: str) -> str:
        """The choice's effects with the engine's numbers, and its odds."""
        t = self.app.texts
        return t.join([t.render(m) for m in preview_msgs(self.game.preview_choice(choice_id))])

    def choose(self, choice_id: str) -> Transition:
        """Answer; the next crisis, or the turn's report, follows."""
        from gaiko_game.ui.screens.report import ReportScreen

        rolls = len(self.game.rolls)
        report = self.game.choose(choice_id)
        if len(self.game.rolls) > rolls:
            roll = self.game.rolls[-1]
            result = self.app.t("ui.success" if roll.success else "ui.failure")
            self.campaign.message = self.app.t("ui.roll", p=round(roll.p * 100), result=result)
        if report is None:
            return Replace(CrisisScreen(self.app, self.campaign))
        return Replace(ReportScreen(self.app, self.campaign, report))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for b in self.buttons:
                if b.hit(event.pos) and b.enabled:
                    return b.action()
        elif event.type == pygame.KEYDOWN:
            if pygame.K_1 <= event.key <= pygame.K_4:
                i = int(event.key) - pygame.K_1
                if i < len(self.buttons) and self.buttons[i].enabled:
                    return self.buttons[i].action()
            elif event.key == pygame.K_i:
                self.show_background = not self.show_background
            elif event.key == pygame.K_ESCAPE:
                return Pop()  # back to the map; End turn brings the crisis back
        return None

    def draw(self, surf: pygame.Surface) -> None:
        self.campaign.draw(surf, tooltips=False)
        px, fonts, ev = self.app.sizes.px, self.app.fonts, self.event
        shade = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surf.blit(shade, (0, 0))
        pygame.draw.rect(surf, theme.PANEL, self.box, border_radius=6)
        pygame.draw.rect(surf, theme.VERMILION, self.box, width=2, border_radius=6)
        x, y, width = self.box.x + px(20), self.box.y + px(16), self.box.w - px(40)
        y += fonts.draw(surf, self.app.t("ui.crisis", title=self.app.name(f"event.{ev.id}.title")), x, y, width, px(24),
                        theme.INK, bold=True) + px(6)
        key = f"event.{ev.id}.encyclopedia" if self.show_background else f"event.{ev.id}.text"
        y += fonts.draw(surf, self.app.name(key), x, y, width, px(16), theme.INK, max_lines=7) + px(4)
        hit = [c for c in self.game.ledger
               if c.cause.kind == "event" and c.cause.id == ev.id and c.turn == self.game.turn]
        if hit:
            summary = self.app.texts.join([self.app.texts.render(Msg.of("effect.amount", name=key_name(c.key),
                                                                                         by=c.delta)) for c in hit])
            y += fonts.draw(surf, self.app.t("ui.crisis_immediate", changes=summary), x, y, width, px(16),
                            theme.VERMILION, max_lines=2) + px(4)
        hint = self.app.t("win.crisis_hint")
        fonts.draw(surf, hint, x, y, width, px(13), theme.MUTED, max_lines=1)
        hovered = None
        for b in self.buttons:
            b.draw(surf, fonts, px(17), hover=b.hit(self.app.mouse))
            if b.hit(self.app.mouse):
                hovered = b
        if hovered is not None and hovered.detail:
            draw_tooltip(surf, fonts, [hovered.label, hovered.detail], self.app.mouse, px(15), px(420))

    def texts(self) -> list[str]:
        return [self.app.name(f"event.{self.event.id}.title"), *(b.label for b in self.buttons)]

"""The debrief: meter curves, the decisions, the largest causes, strategy, rating, questions."""

from __future__ import annotations

from datetime import datetime

import pygame

from gaiko_game.present.debrief import DebriefView, debrief
from gaiko_game.present.palette import hex_rgb
from gaiko_game.session.campaign import Campaign
from gaiko_game.session.debrief import series
from gaiko_game.session.saves import data_dir
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import Series, ToCampaign, ToReplay
from gaiko_game.ui.screen import Pop, Push, Replace, Screen, Transition


class DebriefScreen(Screen):
    """←/→ pick a turn: V replays from it, R rewinds to it to play differently (what-if).

    P saves the debrief as a PNG; Esc or Enter returns to the title.
    """

    name = "debrief"

    def __init__(self, ctx: Context, campaign: Campaign, compare: Series | None = None) -> None:
        super().__init__(ctx)
        self.c = campaign
        self.compare = compare
        self.saved = ""
        self.turn = max(1, len(campaign.game.reports) // 2)
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    def resized(self) -> None:
        self.view: DebriefView = debrief(self.c.game, self.ctx.words(self.c.scenario))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type != pygame.KEYDOWN:
            return None
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = 1 if event.key == pygame.K_RIGHT else -1
            self.turn = max(1, min(len(self.c.game.reports), self.turn + step))
        elif event.key == pygame.K_v:
            return Push(ToReplay(self.c, self.turn))
        elif event.key == pygame.K_r:
            return Replace(ToCampaign(self.c.branch(self.turn), compare=series(self.c.game)))
        elif event.key == pygame.K_p:
            self.export()
        elif event.key in (pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_KP_ENTER):
            return Pop()
        return None

    def export(self) -> None:
        """Save the debrief as a PNG in the data folder; the hint says where, or that it failed."""
        path = data_dir() / "debriefs" / f"gaiko-debrief-{datetime.now().strftime('%Y%m%d-%H%M%S')}.png"
        ok = self.ctx.screenshot(path)
        self.saved = self.ctx.t("saves.saved", path=str(path)) if ok else self.ctx.t("saves.failed", why=str(path))

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        w, h = surf.get_size()
        fonts.blit(surf, v.headline, px(26), theme.INK, bold=True, topleft=(px(30), px(18)))
        if v.strategy:
            fonts.blit(surf, v.strategy, px(17), theme.YELLOW, topleft=(px(30), px(58)))
        self._chart(surf, pygame.Rect(px(30), px(92), w // 2 - px(50), h // 2 - px(70)))
        x, y, width = w // 2, px(92), w // 2 - px(30)
        fonts.blit(surf, self.ctx.t("debrief.largest_causes"), px(16), theme.INK, bold=True, topleft=(x, y))
        y += px(26)
        for line, tone in v.largest:
            y += fonts.draw(surf, line, x, y, width, px(14), theme.tone_colour(tone), max_lines=1)
        y += px(10)
        fonts.blit(surf, self.ctx.t("debrief.timeline"), px(16), theme.INK, bold=True, topleft=(x, y))
        y += px(24)
        for line in v.decisions[-7:]:
            y += fonts.draw(surf, line, x, y, width, px(13), theme.MUTED, max_lines=1)
        y = h // 2 + px(40)
        fonts.blit(surf, self.ctx.t("debrief.questions"), px(16), theme.INK, bold=True, topleft=(px(30), y))
        y += px(26)
        for q in v.questions:
            y += fonts.draw(surf, f"・{q}", px(30), y, w - px(60), px(14), theme.INK, max_lines=2) + px(2)
        hint = self.ctx.t("win.rewind_hint", turn=self.turn) + " · " + (self.saved or self.ctx.t("win.debrief_hint"))
        fonts.draw(surf, hint, px(30), h - px(30), w - px(60), px(14), theme.MUTED, max_lines=1)

    def _chart(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        pygame.draw.rect(surf, theme.PANEL, rect)
        n = max(2, len(v.capital))

        def x_of(j: int, count: int = n) -> int:
            return rect.x + round(j * (rect.w - 1) / (max(2, count) - 1))

        label_x = rect.x + px(6)
        for curve in v.curves:
            colour = hex_rgb(curve.colour)
            pts = [(x_of(j), rect.bottom - round(value * (rect.h - 1) / 100)) for j, value in enumerate(curve.values)]
            if len(pts) >= 2:
                pygame.draw.lines(surf, colour, False, pts, 3)
            label_x = fonts.blit(surf, curve.name, px(13), colour, topleft=(label_x, rect.y + px(4))).right + px(14)
            old = (self.compare or {}).get(curve.id)
            if old:  # the earlier run, thin, in the same colour
                pts = [(x_of(j, len(old)), rect.bottom - round(value * (rect.h - 1) / 100)) for j, value in enumerate(old)]
                if len(pts) >= 2:
                    pygame.draw.lines(surf, colour, False, pts, 1)
        if self.compare is not None:
            fonts.blit(surf, self.ctx.t("debrief.earlier_run"), px(13), theme.MUTED,
                       topleft=(rect.x + px(6), rect.bottom - px(22)))
        marker = x_of(self.turn - 1)
        pygame.draw.line(surf, theme.MUTED, (marker, rect.y), (marker, rect.bottom), 1)
        cap = max(1, self.c.scenario.capital_cap)
        pts = [(x_of(j), rect.bottom - round(value * (rect.h - 1) / cap)) for j, value in enumerate(v.capital)]
        if len(pts) >= 2:
            pygame.draw.lines(surf, theme.YELLOW, False, pts, 1)
        fonts.blit(surf, v.capital_name, px(13), theme.YELLOW, topleft=(label_x, rect.y + px(4)))

    def texts(self) -> list[str]:
        return [self.view.headline, self.ctx.t("debrief.largest_causes"), self.ctx.t("debrief.timeline")]

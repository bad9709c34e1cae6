"""The debrief: meter curves, the decision timeline, the largest causes, strategy, rating, questions."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pygame

from gaiko_game.core import Game
from gaiko_game.core.explain import cause_msg
from gaiko_game.session import saves
from gaiko_game.session.debrief import METERS, largest_causes, series, strategy
from gaiko_game.ui import theme
from gaiko_game.ui.screen import Pop, Push, Replace, Screen, Transition


class DebriefScreen(Screen):
    """←/→ pick a turn: V replays from it, R rewinds to it to play differently (what-if).

    P saves the debrief as a PNG; Esc or Enter returns to the title.
    """

    name = "debrief"

    def __init__(self, app: object, game: Game, export_dir: Path | None = None, seed: int | None = None,
                 compare: dict[str, list[int]] | None = None) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.game = game
        self.seed = seed
        self.compare = compare
        self.export_dir = export_dir or saves.saves_dir().parent / "debriefs"
        self.saved: Path | None = None
        self.turn = max(1, len(game.reports) // 2)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = 1 if event.key == pygame.K_RIGHT else -1
            self.turn = max(1, min(len(self.game.reports), self.turn + step))
            return None
        if event.type == pygame.KEYDOWN and event.key == pygame.K_v and self.seed is not None:
            from gaiko_game.ui.screens.replay import ReplayScreen

            return Push(ReplayScreen(self.app, self.game, self.seed, self.turn))
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and self.seed is not None:
            from gaiko_game.session.timeline import at_turn
            from gaiko_game.ui.screens.campaign import CampaignScreen

            rewound = at_turn(self.game, self.seed, self.turn)
            return Replace(CampaignScreen(self.app, rewound, self.seed, compare=series(self.game)))
        if event.type == pygame.KEYDOWN and event.key == pygame.K_p:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            self.saved = self.export_dir / f"gaiko-debrief-{stamp}.png"
            self.app.screenshot(self.saved)
            return None
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_KP_ENTER):
            return Pop()
        return None

    def draw(self, surf: pygame.Surface) -> None:
        px, fonts, g = self.app.sizes.px, self.app.fonts, self.game
        w, h = surf.get_size()
        out = g.outcome()
        assert out is not None
        head = f"{self.app.name(f'ending.{out.ending}')} — {self.app.name(f'rating.{out.rating}')} ({out.score})"
        surf.blit(fonts.render(head, px(26), theme.INK, bold=True), (px(30), px(18)))
        label = self.app.t("win.strategy", name=self.app.t(f"win.strategy_{strategy(g)}"))
        surf.blit(fonts.render(label, px(17), theme.YELLOW), (px(30), px(58)))
        self._chart(surf, pygame.Rect(px(30), px(92), w // 2 - px(50), h // 2 - px(70)))
        x, y, width = w // 2, px(92), w // 2 - px(30)
        surf.blit(fonts.render(self.app.t("win.largest_causes"), px(16), theme.INK, bold=True), (x, y))
        y += px(26)
        for cause, meter, delta in largest_causes(g):
            text = f"{delta:+d} {self.app.name(f'meter.{meter}')}: {self.app.texts.render(cause_msg(cause))}"
            y += fonts.draw(surf, text, x, y, width, px(14), theme.GOOD if delta > 0 else theme.BAD, max_lines=1)
        y += px(10)
        surf.blit(fonts.render(self.app.t("win.timeline"), px(16), theme.INK, bold=True), (x, y))
        y += px(24)
        for f in [f for f in g.fired if f.choice][-7:]:
            text = f"{f.turn}: {self.app.name(f'event.{f.event}.title')} → {self.app.name(f'event.{f.event}.choice.{f.choice}')}"
            y += fonts.draw(surf, text, x, y, width, px(13), theme.MUTED, max_lines=1)
        y = h // 2 + px(40)
        surf.blit(fonts.render(self.app.t("ui.questions"), px(16), theme.INK, bold=True), (px(30), y))
        y += px(26)
        for q in g.scenario.questions:
            y += fonts.draw(surf, f"・{self.app.name(f'question.{q}')}", px(30), y, w - px(60), px(14), theme.INK,
                            max_lines=2) + px(2)
        hint = self.app.t("win.debrief_hint") if self.saved is None else self.app.t("win.saved", path=str(self.saved))
        if self.seed is not None:
            hint = self.app.t("win.rewind_hint", turn=self.turn) + " · " + hint
        surf.blit(fonts.render(hint, px(14), theme.MUTED), (px(30), h - px(30)))

    def _chart(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        px, fonts = self.app.sizes.px, self.app.fonts
        pygame.draw.rect(surf, theme.PANEL, rect)
        data = series(self.game)
        n = max(2, len(data["security"]))
        for i, m in enumerate(METERS):
            values = data[m]
            pts = [(rect.x + round(j * (rect.w - 1) / (n - 1)), rect.bottom - round(v * (rect.h - 1) / 100))
                   for j, v in enumerate(values)]
            if len(pts) >= 2:
                pygame.draw.lines(surf, theme.METER_COLOURS[m], False, pts, 3)
            surf.blit(fonts.render(self.app.name(f"meter.{m}"), px(13), theme.METER_COLOURS[m]),
                      (rect.x + px(6) + i * px(110), rect.y + px(4)))
        if self.compare is not None:  # the earlier run, thin, in the same colours
            for m in METERS:
                old = self.compare[m]
                step = (rect.w - 1) / (max(2, len(old)) - 1)
                pts = [(rect.x + round(j * step), rect.bottom - round(v * (rect.h - 1) / 100)) for j, v in enumerate(old)]
                if len(pts) >= 2:
                    pygame.draw.lines(surf, theme.METER_COLOURS[m], False, pts, 1)
            surf.blit(fonts.render(self.app.t("win.earlier_run"), px(13), theme.MUTED), (rect.x + px(6), rect.bottom - px(22)))
        if self.seed is not None:  # the turn chosen for V and R
            x = rect.x + round((self.turn - 1) * (rect.w - 1) / (n - 1))
            pygame.draw.line(surf, theme.MUTED, (x, rect.y), (x, rect.bottom), 1)
        cap = max(1, self.game.scenario.capital_cap)
        pts = [(rect.x + round(j * (rect.w - 1) / (n - 1)), rect.bottom - round(v * (rect.h - 1) / cap))
               for j, v in enumerate(data["capital"])]
        if len(pts) >= 2:
            pygame.draw.lines(surf, theme.YELLOW, False, pts, 1)
        surf.blit(fonts.render(self.app.name("capital"), px(13), theme.YELLOW), (rect.x + px(6) + 3 * px(110), rect.y + px(4)))

    def texts(self) -> list[str]:
        return [self.app.t("win.largest_causes"), self.app.t("win.timeline")]

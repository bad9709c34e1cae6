"""The replay viewer: step through a finished or saved game's turns on the map."""

from __future__ import annotations

import pygame

from gaiko_game.core import Game
from gaiko_game.session.timeline import turn_starts
from gaiko_game.ui import theme
from gaiko_game.ui.screen import Pop, Screen, Transition


class ReplayScreen(Screen):
    """←/→ step a turn, Home/End jump, Esc back. The map, HUD and tooltips show the game as it stood."""

    name = "replay"

    def __init__(self, app: object, game: Game, seed: int, start: int = 1) -> None:
        from gaiko_game.ui.screens.campaign import CampaignScreen

        super().__init__(app)  # type: ignore[arg-type]
        self.frames = turn_starts(game, seed)
        self.views = [CampaignScreen(app, g, seed) for g in self.frames]
        self.index = max(0, min(start - 1, len(self.frames) - 1))

    def resized(self) -> None:
        for view in self.views:
            view.resized()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            last = len(self.frames) - 1
            if event.key == pygame.K_RIGHT:
                self.index = min(last, self.index + 1)
            elif event.key == pygame.K_LEFT:
                self.index = max(0, self.index - 1)
            elif event.key == pygame.K_HOME:
                self.index = 0
            elif event.key == pygame.K_END:
                self.index = last
            elif event.key == pygame.K_ESCAPE:
                return Pop()
        return None

    def draw(self, surf: pygame.Surface) -> None:
        view = self.views[self.index]
        view.message = self.app.t("win.replay_hint", turn=view.game.turn, turns=len(self.frames) - 1)
        view.draw(surf)
        px = self.app.sizes.px
        banner = self.app.fonts.render(self.app.t("win.replay"), px(15), theme.BACKGROUND, bold=True)
        box = banner.get_rect(topleft=(view.map_rect.x + px(14), view.map_rect.y + px(12))).inflate(px(12), px(6))
        pygame.draw.rect(surf, theme.YELLOW, box, border_radius=3)
        surf.blit(banner, banner.get_rect(center=box.center))

    def texts(self) -> list[str]:
        return [self.app.t("win.replay"), *self.views[self.index].texts()]

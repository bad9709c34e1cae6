"""The replay viewer: step through a campaign's turns on the map, read-only."""

from __future__ import annotations

import pygame

from gaiko_game.core import Game
from gaiko_game.present.actions import action_rows
from gaiko_game.present.hud import hud
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.board_view import BoardView
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Pop, Screen, Transition
from gaiko_game.ui.widgets import draw_tooltip


class ReplayScreen(Screen):
    """←/→ step a turn, Home/End jump, Esc back. The map, HUD and tooltips show the game as it stood."""

    name = "replay"

    def __init__(self, ctx: Context, campaign: Campaign, start: int = 1) -> None:
        super().__init__(ctx)
        self.c = campaign
        self.frames: list[Game] = campaign.replayed()
        self.index = max(0, min(start - 1, len(self.frames) - 1))
        self.board = BoardView(ctx)
        self.resized()

    @property
    def game(self) -> Game:
        """The game as it stood at the chosen turn."""
        return self.frames[self.index]

    def resized(self) -> None:
        w = self.ctx.words(self.c.scenario)
        self.board.layout(self.game, w)
        self.board.set_rows(action_rows(self.game, w), enabled=False)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type != pygame.KEYDOWN:
            return None
        last = len(self.frames) - 1
        moves = {pygame.K_RIGHT: min(last, self.index + 1), pygame.K_LEFT: max(0, self.index - 1),
                 pygame.K_HOME: 0, pygame.K_END: last}
        if event.key in moves:
            self.index = moves[event.key]
            self.resized()
        elif event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, g = self.ctx.words(self.c.scenario), self.game
        self.board.draw_map(surf, g, w, None, "")
        self.board.draw_hud(surf, hud(g, w))
        self.board.draw_panel(surf, -1, None)
        pygame.draw.rect(surf, theme.PANEL, self.board.bottom)
        hint = w.ui("win.replay_hint", turn=g.turn, turns=len(self.frames) - 1)
        fonts.draw(surf, hint, px(12), self.board.bottom.y + px(10), self.board.bottom.w - px(24), px(15), theme.INK,
                   max_lines=1)
        font = fonts.get(px(15), True)
        m = self.board.map_rect
        box = pygame.Rect(m.x + px(8), m.y + px(9), font.size(w.ui("win.replay"))[0] + px(12), font.get_height() + px(6))
        pygame.draw.rect(surf, theme.YELLOW, box, border_radius=3)
        fonts.blit(surf, w.ui("win.replay"), px(15), theme.BACKGROUND, bold=True, center=box.center)
        hover = self.board.hovered(self.ctx.mouse, self.c.scenario.player.id) if active else None
        if hover is not None:
            draw_tooltip(surf, fonts, self.board.tooltip(g, w, hover), self.ctx.mouse, px(15), px(420))

    def texts(self) -> list[str]:
        return [self.ctx.t("win.replay"), *(b.label for _, b in self.board.rows)]

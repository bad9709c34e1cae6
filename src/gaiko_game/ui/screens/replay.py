"""The replay viewer: a finished (or saved) campaign turn by turn, read-only.

The map and HUD show the game as the chosen turn began; the turn panel beside them says what the player did
that turn, what broke and how it was answered, what the other countries did, and how the meters moved; the
timeline along the bottom has a tick a turn (crises and opportunities marked) and the end. ←/→, Home/End, the
wheel or a click on a tick choose the turn; Esc goes back to the debrief. Nothing here plays.
"""

from __future__ import annotations

import pygame

from gaiko_game.core import Game
from gaiko_game.present.hud import hud
from gaiko_game.present.timeline import EndView, MeterChange, TurnView, end_view, turn_views
from gaiko_game.present.words import Words
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.board_view import BoardView, Hover
from gaiko_game.ui.context import Context
from gaiko_game.ui.icons import draw_icon
from gaiko_game.ui.screen import Pop, Screen, Transition
from gaiko_game.ui.screens.replay_panel import Tip, TurnPanel
from gaiko_game.ui.widgets import draw_tooltip, tooltip_surface

_STEPS = {pygame.K_RIGHT: 1, pygame.K_LEFT: -1}


class ReplayScreen(Screen):
    """←/→ step a turn, Home/End jump, the wheel or a click on the timeline too; Esc back to the debrief."""

    name = "replay"

    def __init__(self, ctx: Context, campaign: Campaign, start: int = 1) -> None:
        super().__init__(ctx)
        self.c = campaign
        self.frames: list[Game] = campaign.replayed()
        self.index = max(0, min(start - 1, len(self.frames) - 1))
        self.board = BoardView(ctx)
        self.ticks: list[pygame.Rect] = []
        self._layer: pygame.Surface | None = None
        self._layer_key: tuple[object, ...] | None = None
        self._tip_cache: dict[Hover, list[str]] = {}
        self.stops: list[int] = []
        self.focus: int | None = None
        self.resized()

    @property
    def game(self) -> Game:
        """The game as it stood when the chosen turn began (or at the end, on the last tick of a finished game)."""
        return self.frames[self.index]

    @property
    def at_end(self) -> bool:
        """Whether the chosen tick is the end of a finished game."""
        return self.c.game.is_over and self.index == len(self.frames) - 1

    @property
    def turn(self) -> TurnView | None:
        """The chosen turn (None on the end)."""
        return None if self.at_end else self.turns[min(self.index, len(self.turns) - 1)]

    def resized(self) -> None:
        self.w: Words = self.ctx.words(self.c.scenario)
        self.turns = turn_views(self.c.game, self.w, [len(f.ledger) for f in self.frames])
        self.ending: EndView | None = end_view(self.c.game, self.w)
        self.panel = TurnPanel(self.ctx, self.w)
        self.board.layout(self.game, self.w)  # the map's geometry depends on the window, not on the turn
        self.show(self.index)

    def show(self, index: int) -> None:
        """Lay out the screen for tick ``index``: the board of that turn, its panel, the timeline and the hint."""
        self.index = max(0, min(index, len(self.frames) - 1))
        self._tip_cache = {}
        self._arrange_panel()
        self._arrange_timeline()
        tips = [r for r, _ in self.tips]  # Tab visits each tooltip area not inside a later, larger one
        self.stops = [i for i, r in enumerate(tips) if not any(o.contains(r) for o in tips[i + 1:])]
        self.focus = None

    # ── input ────────────────────────────────────────────────────────────
    def handle(self, event: pygame.event.Event) -> Transition | None:
        last = len(self.frames) - 1
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return Pop()
            jumps = {pygame.K_HOME: 0, pygame.K_END: last}
            if event.key == pygame.K_TAB and self.stops:
                back = bool(event.mod & pygame.KMOD_SHIFT)
                at = self.stops.index(self.focus) if self.focus in self.stops else (0 if back else -1)
                self.focus = self.stops[(at + (-1 if back else 1)) % len(self.stops)]
            elif event.key in _STEPS:
                self.show(self.index + _STEPS[event.key])
            elif event.key in jumps:
                self.show(jumps[event.key])
        elif event.type == pygame.MOUSEWHEEL and event.y:
            self.show(self.index + (-1 if event.y > 0 else 1))
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = next((i for i, r in enumerate(self.ticks) if r.collidepoint(event.pos)), None)
            if hit is not None:
                self.show(hit)
        return None

    # ── the turn panel ───────────────────────────────────────────────────
    @property
    def tips(self) -> list[Tip]:
        """The turn panel's tooltip areas."""
        return self.panel.tips

    def _arrange_panel(self) -> None:
        """Lay out the turn panel for the chosen tick (on the end, with the meters over the whole game)."""
        self.panel.arrange(self.board.panel, self.turn, self.ending, self._totals() if self.turn is None else ())

    def _totals(self) -> tuple[MeterChange, ...]:
        """Each meter from the first turn to the tick shown."""
        first = self.frames[0].view
        return tuple(MeterChange(m.id, self.w.meter(m.id), m.colour, first.meter(m.id), self.game.view.meter(m.id), ())
                     for m in self.c.scenario.meters)

    # ── the timeline ─────────────────────────────────────────────────────
    def _arrange_timeline(self) -> None:
        """A tick a turn across the bottom (and one for the end), each as wide as the window allows."""
        px, b = self.ctx.sizes.px, self.board.bottom
        track = pygame.Rect(b.x + px(12), b.y + px(14), b.w - px(24), px(22))
        n = len(self.frames)
        gap = px(2) if track.w / n > px(14) else 0
        self.ticks = [pygame.Rect(track.x + track.w * i // n + gap // 2, track.y,
                                  track.w * (i + 1) // n - track.w * i // n - gap, track.h) for i in range(n)]

    def tick_label(self, i: int) -> str:
        """A tick's label: its turn, or "End"."""
        return self.w.ui("replay.end") if self.c.game.is_over and i == len(self.frames) - 1 else str(i + 1)

    def tick_tip(self, i: int) -> list[str]:
        """What a tick's tooltip says: the turn in short, or the ending."""
        if self.c.game.is_over and i == len(self.frames) - 1:
            return [self.ending.title, self.ending.score] if self.ending is not None else []
        return self.turns[min(i, len(self.turns) - 1)].lines()

    def hint(self) -> str:
        """The keys, as the line under the timeline says them."""
        t = self.turn
        turn = t.turn if t is not None else self.c.scenario.turns
        return " · ".join([self.w.ui("win.replay_hint", turn=turn, turns=self.c.scenario.turns),
                           self.w.ui("replay.keys")])

    # ── drawing ──────────────────────────────────────────────────────────
    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        s = self.ctx.settings
        key = (self.index, surf.get_size(), s.lang, s.scale)
        if self._layer is None or key != self._layer_key or self._layer.get_size() != surf.get_size():
            self._layer = pygame.Surface(surf.get_size()).convert()
            self._draw_layer(self._layer)
            self._layer_key = key
        surf.blit(self._layer, (0, 0))
        if not active:
            return
        mouse = self.ctx.mouse
        hit = next((r for r in self.ticks if r.collidepoint(mouse)), None)
        if hit is None and self.board.panel.collidepoint(mouse):  # the entry whose tooltip shows
            hit = next((r.inflate(8, 4) for r, _ in reversed(self.tips) if r.collidepoint(mouse)), None)
        if hit is not None:
            pygame.draw.rect(surf, theme.SKY, hit.inflate(2, 2), width=2, border_radius=4)
        tip = self.tooltip(mouse)
        if tip:
            draw_tooltip(surf, self.ctx.fonts, tip, mouse, self.ctx.sizes.px(15), self.ctx.sizes.px(420))
        elif self.focus is not None:
            self._draw_focus(surf)

    def _draw_focus(self, surf: pygame.Surface) -> None:
        """The panel area Tab reached, framed, with its tooltip beside the panel."""
        assert self.focus is not None
        px, (rect, lines) = self.ctx.sizes.px, self.tips[self.focus]
        pygame.draw.rect(surf, theme.YELLOW, rect.inflate(10, 6), width=2, border_radius=4)
        box = tooltip_surface(self.ctx.fonts, list(lines), px(15), px(420))
        pos = (self.board.panel.x - box.get_width() - px(24), rect.y - px(16))
        draw_tooltip(surf, self.ctx.fonts, list(lines), pos, px(15), px(420))

    def tooltip(self, pos: tuple[int, int]) -> list[str]:
        """What the thing under ``pos`` means, for the turn shown: a tick, a panel entry, the map or the HUD."""
        for i, r in enumerate(self.ticks):
            if r.collidepoint(pos):
                return self.tick_tip(i)
        if self.board.panel.collidepoint(pos):
            return next((list(lines) for r, lines in reversed(self.tips) if r.collidepoint(pos)), [])
        hover = self.board.hovered(pos, self.c.scenario.player.id)
        if hover is None:
            return []
        if hover not in self._tip_cache:
            self._tip_cache[hover] = self.board.tooltip(self.game, self.w, hover)
        return self._tip_cache[hover]

    def _draw_layer(self, surf: pygame.Surface) -> None:
        px, fonts, w = self.ctx.sizes.px, self.ctx.fonts, self.w
        surf.fill(theme.BACKGROUND)
        sc = self.c.scenario
        legend = w.ui(f"win.mode_{self.board.map.mode}", player=w.player(), axis=w.name("stance.name"),
                      low=w.name(f"actor.{sc.stance.low}"), high=w.name(f"actor.{sc.stance.high}"))
        self.board.draw_map(surf, self.game, w, None, legend)
        self.board.draw_hud(surf, hud(self.game, w))
        m = self.board.map_rect
        label = w.ui("win.replay")
        box = pygame.Rect(m.x + px(8), m.y + px(8), fonts.get(px(15), True).size(label)[0] + px(14),
                          fonts.get(px(15), True).get_linesize() + px(4))
        pygame.draw.rect(surf, theme.YELLOW, box, border_radius=px(4))
        fonts.blit(surf, label, px(15), theme.BACKGROUND, bold=True, center=box.center)
        self.panel.draw(surf)
        self._draw_timeline(surf)

    def _draw_timeline(self, surf: pygame.Surface) -> None:
        px, fonts, b = self.ctx.sizes.px, self.ctx.fonts, self.board.bottom
        pygame.draw.rect(surf, theme.PANEL, b)
        pygame.draw.line(surf, theme.PANEL_HI, b.topleft, b.topright)
        with fonts.panel(b):
            for i, r in enumerate(self.ticks):
                if i and i < len(self.turns) and self.c.scenario.date(i + 1)[1] == 1:  # a year begins
                    x = r.x - max(1, (r.x - self.ticks[i - 1].right) // 2) - 1
                    pygame.draw.line(surf, theme.MUTED, (x, r.y - px(10)), (x, r.bottom), 1)
                current = i == self.index
                fill = theme.YELLOW if current else theme.PANEL_HI
                pygame.draw.rect(surf, fill, r, border_radius=px(3))
                marker = self.turns[i].marker if i < len(self.turns) and not (self.c.game.is_over and
                                                                             i == len(self.frames) - 1) else ""
                if marker:
                    size = px(11)
                    draw_icon(surf, marker, pygame.Rect(r.centerx - size // 2, r.y - size - px(2), size, size),
                              theme.BAD if marker == "crisis" else theme.GOOD)
                label = self.tick_label(i)
                colour = theme.BACKGROUND if current else theme.INK
                if fonts.get(px(12), current).size(label)[0] <= r.w - 2:
                    fonts.blit(surf, label, px(12), colour, bold=current, center=r.center)
            hint = self.hint()
            line = fonts.get(px(13)).get_linesize()
            fonts.draw(surf, hint, b.x + px(12), b.bottom - line - px(2), b.w - px(24), px(13), theme.MUTED,
                       max_lines=1)

    def texts(self) -> list[str]:
        """What the screen shows: the turn panel's texts, the timeline's labels and the hint."""
        return [t.text for t in self.panel.texts] + [self.tick_label(i) for i in range(len(self.ticks))] + [self.hint()]


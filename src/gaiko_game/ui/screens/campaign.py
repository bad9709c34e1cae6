"""The campaign: HUD on top, the headline strip and the map on the left, actions on the right, news, the programmes
in force and End turn below."""

from __future__ import annotations

import pygame

from gaiko_game.core import Game, Order, Refusal
from gaiko_game.present.actions import action_rows
from gaiko_game.present.headline import headline
from gaiko_game.present.hud import hud
from gaiko_game.present.inspect import advice_line
from gaiko_game.present.palette import MODES
from gaiko_game.present.programmes import programmes
from gaiko_game.present.words import Words
from gaiko_game.session.advisor import LookaheadPolicy
from gaiko_game.session.campaign import Campaign
from gaiko_game.session.seeding import stream
from gaiko_game.ui import theme
from gaiko_game.ui.board_view import BoardView, Hover
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import (
    Series,
    ToCrisis,
    ToDebrief,
    ToDependence,
    ToEncyclopedia,
    ToProgrammes,
    ToReport,
)
from gaiko_game.ui.screen import Pop, Push, Replace, Screen, Transition
from gaiko_game.ui.widgets import Button, draw_tooltip, fitted_tooltip, tooltip_surface


class CampaignScreen(Screen):
    """One campaign, played with the mouse or the keyboard."""

    name = "campaign"

    def __init__(self, ctx: Context, campaign: Campaign, compare: Series | None = None, message: str = "") -> None:
        super().__init__(ctx)
        self.c = campaign
        self.compare = compare  # an earlier run's curves, when this campaign is a what-if rewind
        self.board = BoardView(ctx)
        self.focus = 0
        self.selected: str | None = None
        self.message = message
        self.guide_hidden: set[int] = set()  # turns whose guide prompts the player closed
        self.guide_page: dict[int, int] = {}  # the prompt on show, by turn
        self._layer: pygame.Surface | None = None
        self._layer_key: tuple[object, ...] = ()
        self._tips: dict[Hover, list[str]] = {}
        self._resume_crisis = campaign.game.pending_crisis is not None  # a game saved mid-crisis reopens on it
        self.inspected: Hover | None = None
        """What the keyboard points at (Tab, or the arrows on the action rows): its tooltip shows until the mouse moves."""
        self._bottom = ""
        self.resized()

    @property
    def game(self) -> Game:
        """The campaign's game."""
        return self.c.game

    @property
    def w(self) -> Words:
        """The campaign's scenario's words in the player's language."""
        return self.ctx.words(self.c.scenario)

    def campaign(self) -> Campaign:
        return self.c

    # ── layout ───────────────────────────────────────────────────────────
    def resized(self) -> None:
        px = self.ctx.sizes.px
        self.board.layout(self.game, self.w, strip=True, legends=self.legends())
        b = self.board.bottom
        self.end_button = Button(pygame.Rect(b.right - px(220), b.y + px(10), px(205), px(44)),
                                 self.w.ui("win.end_turn"), self.end_turn)
        self.programmes_button = Button(pygame.Rect(self.end_button.rect.x - px(275), b.y + px(10), px(260), px(44)),
                                        "", self.open_programmes)
        self._refresh()

    def _refresh(self) -> None:
        self.board.set_rows(action_rows(self.game, self.w))
        self.focus = min(self.focus, max(0, len(self.board.rows) - 1))
        self._layer = None

    @property
    def rows(self) -> list[tuple[Order, Button]]:
        """Each action row's order and button, in menu order."""
        return [(r.order, b) for r, b in self.board.rows]

    # ── actions ──────────────────────────────────────────────────────────
    def take(self, order: Order) -> None:
        """Take an action; a refusal is shown, not raised."""
        try:
            self.c.apply(order)
            self.message = self.w.ui("action.done", name=self.w.order(order))
            self.inspected = None  # the bottom line says what happened; the note would cover it
        except Refusal as refusal:
            self.message = refusal.text(self.ctx.settings.lang)
        self._refresh()

    def open_programmes(self) -> Transition:
        """The programmes in force, to withdraw one."""
        return Push(ToProgrammes(self.c))

    def undo(self) -> None:
        """Take back the last decision of this turn, or say why it cannot be (a roll was seen, the turn is over)."""
        reason = self.game.can_undo()
        if reason is not None:
            self.message = self.w.render(reason)
            return
        self.message = self.w.ui("action.undone", what=self.w.decision(self.c.undo()))
        self._refresh()

    @property
    def shows_programmes(self) -> bool:
        """Whether the bottom bar offers the programmes button (some programme is in force)."""
        return bool(self.game.view.commitments())

    def end_turn(self) -> Transition:
        """End the action phase: crises come first, then the turn's report."""
        if self.game.pending_crisis is not None:  # the player looked at the map before answering
            return Push(ToCrisis(self.c))
        report = self.c.end_turn()
        self.message = self.w.ui("saves.failed", why=self.c.save_problem) if self.c.save_problem else ""
        if report is None:
            return Push(ToCrisis(self.c))
        return Push(ToReport(self.c, report))

    def update(self, dt: float) -> Transition | None:
        if self._resume_crisis:
            self._resume_crisis = False
            return Push(ToCrisis(self.c))
        if self.game.is_over:
            return Replace(ToDebrief(self.c, self.compare))
        return None

    def save(self) -> None:
        """Quick-save; a failure is shown, never raised — the game goes on."""
        path = self.c.quicksave()
        w = self.w
        self.message = w.ui("saves.saved", path=path.name) if path else w.ui("saves.failed", why=self.c.save_problem)

    # ── input ────────────────────────────────────────────────────────────
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos)
        if event.type == pygame.MOUSEMOTION:
            self.inspected = None
        if event.type == pygame.MOUSEWHEEL and self.board.panel.collidepoint(self.ctx.mouse):
            self.board.wheel(event.y)
            self._layer = None
        if event.type != pygame.KEYDOWN:
            return None
        key, rows = event.key, self.board.rows
        if key == pygame.K_e:
            return self.end_turn()
        if key == pygame.K_ESCAPE:
            self.c.autosave()
            return Pop()
        if key == pygame.K_p:
            return self.open_programmes()
        if key == pygame.K_d:
            return Push(ToDependence(self.c))
        if key in (pygame.K_i, pygame.K_F1):
            order = rows[self.focus][0].order if rows else None
            return Push(ToEncyclopedia(self.c.scenario, f"action.{order.action}" if order else None))
        if key == pygame.K_TAB:
            self.inspect(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.inspected and self.inspected[0] == "actor":
            self.aim(self.inspected[1])
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER) and rows:
            self.take(rows[self.focus][0].order)
        elif key == pygame.K_g:
            self.next_guide()
        elif key == pygame.K_F5:
            self.save()
        elif key == pygame.K_m:
            self.board.map.mode = MODES[(MODES.index(self.board.map.mode) + 1) % len(MODES)]
        elif key == pygame.K_u:
            self.undo()
        elif key in (pygame.K_DOWN, pygame.K_UP) and rows:
            self.focus = (self.focus + (1 if key == pygame.K_DOWN else -1)) % len(rows)
            self.board.reveal(self.focus)
            self.inspected = ("row", str(self.focus))
        return None

    def _click(self, pos: tuple[int, int]) -> Transition | None:
        box = self.guide_box()
        if box is not None and box.collidepoint(pos):
            self.next_guide()
            return None
        if self.end_button.hit(pos):
            return self.end_turn()
        if self.shows_programmes and self.programmes_button.hit(pos):
            return self.open_programmes()
        d = self.c.scenario.diversification
        if d is not None and d.meter in self.board.meter_rects and self.board.meter_rects[d.meter].collidepoint(pos):
            return Push(ToDependence(self.c))
        i = self.board.row_at(pos)
        if i is not None:
            self.focus = i
            self.take(self.board.rows[i][0].order)
            return None
        if self.board.map_rect.collidepoint(pos):
            self.aim(self.board.map.actor_at(pos, self.ctx.sizes.px(14)))
        return None

    def aim(self, actor: str | None) -> None:
        """Select a country: when an action can target it, focus the first such action (Enter takes it)."""
        self.selected = actor
        aimed = [i for i, (r, _) in enumerate(self.board.rows) if r.order.target is not None and r.order.target == actor]
        if aimed:
            self.focus = aimed[0]
            self.board.reveal(self.focus)

    def inspect(self, step: int) -> None:
        """Point the keyboard at the next (or previous) thing with a tooltip; rows scroll into view."""
        found = self.board.targets(self.c.scenario.player.id)
        if not found:
            return
        at = found.index(self.inspected) if self.inspected in found else (-1 if step > 0 else 0)
        self.inspected = found[(at + step) % len(found)]
        if self.inspected[0] == "row":
            self.focus = int(self.inspected[1])
            self.board.reveal(self.focus)

    # ── drawing ──────────────────────────────────────────────────────────
    def state_key(self) -> tuple[object, ...]:
        """Everything the static layer depends on; it is redrawn only when this changes."""
        g, s = self.game, self.ctx.settings
        return (len(g.history), len(g.ledger), g.turn, g.phase, self.board.map.mode, self.selected, self.focus,
                self.message, self.ctx.surface.get_size(), s.lang, s.scale, s.advisor, self.board.scroll)

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        key = self.state_key()
        if key != self._layer_key or self._layer is None or self._layer.get_size() != surf.get_size():
            self._layer = pygame.Surface(surf.get_size()).convert()
            self._layer.fill(theme.BACKGROUND)
            w = self.w
            legend = self.legend()
            self.board.draw_map(self._layer, self.game, w, self.selected, legend)
            self.board.draw_strip(self._layer, headline(self.game, w))
            self.board.draw_hud(self._layer, hud(self.game, w))
            self.board.draw_panel(self._layer, self.focus, self.selected)
            self._draw_bottom(self._layer)
            self._layer_key = key
            self._tips = {}
        surf.blit(self._layer, (0, 0))
        if not active:
            return
        mouse = self.ctx.mouse
        row = self.board.row_at(mouse)
        if row is not None and self.board.rows[row][1].enabled:
            pygame.draw.rect(surf, theme.SKY, self.board.rows[row][1].rect, width=1, border_radius=4)
        for button in (self.end_button, *([self.programmes_button] if self.shows_programmes else [])):
            if button.hit(mouse):
                pygame.draw.rect(surf, theme.SKY, button.rect, width=2, border_radius=4)
        self._draw_guide(surf)
        tip = self.tooltip()
        if tip:
            px = self.ctx.sizes.px
            if self.inspected is not None:  # the keyboard's: a frame round its subject, the tooltip beside it
                rect = self.board.rect_of(self.inspected)
                pygame.draw.rect(surf, theme.YELLOW, rect.inflate(px(4), px(4)), width=2, border_radius=4)
                box = fitted_tooltip(surf, self.ctx.fonts, tip, px(15), px(420))
                at = (rect.x - box.get_width() - px(24), rect.y) if self.inspected[0] == "row" else rect.bottomleft
                draw_tooltip(surf, self.ctx.fonts, tip, at, px(15), px(420))
            else:
                draw_tooltip(surf, self.ctx.fonts, tip, mouse, px(15), px(420))

    def legend(self, mode: str | None = None) -> str:
        """The map mode's legend (the mode on show by default), naming this scenario's player and stance axis."""
        w, sc = self.w, self.c.scenario
        legend = w.ui(f"win.mode_{mode or self.board.map.mode}", player=w.player(), axis=w.name("stance.name"),
                      low=w.name(f"actor.{sc.stance.low}"), high=w.name(f"actor.{sc.stance.high}"))
        return legend + (w.ui("win.disputed_legend") if sc.map.disputed else "")

    def legends(self) -> tuple[str, ...]:
        """Every map mode's legend, with the move marker (the map keeps room for the longest)."""
        return tuple(self.legend(m) + " · " + self.w.ui("win.moved_marker") for m in MODES)

    def bottom_line(self) -> str:
        """The line under the map: the advisor's hint when it is on, then the last message, the news or the keys."""
        g, w = self.game, self.w
        news = [w.event_title(f.event) for f in g.fired[-3:] if not f.hidden]
        line = self.message or (w.ui("win.news", items=" · ".join(news)) if news else w.ui("win.hint"))
        if self.ctx.settings.advisor and not g.is_over and g.pending_crisis is None:
            line = self.advice_text() + ("\n" + line if line else "")
        return line

    def _draw_bottom(self, surf: pygame.Surface) -> None:
        px, fonts, w = self.ctx.sizes.px, self.ctx.fonts, self.w
        pygame.draw.rect(surf, theme.PANEL, self.board.bottom)
        self._bottom = self.bottom_line()
        right = self.programmes_button.rect.x if self.shows_programmes else self.end_button.rect.x
        fonts.draw(surf, self._bottom, px(12), self.board.bottom.y + px(10), right - px(24), px(15),
                   theme.INK, max_lines=2)
        self.end_button.label = w.ui("win.end_turn")
        left = self.game.view.capital
        affordable = any(b.enabled for _, b in self.board.rows)
        self.end_button.detail = w.ui("win.unspent", n=left) if left and affordable else ""  # said, not blocked
        self.end_button.draw(surf, fonts, px(16) if self.end_button.detail else px(18), hover=False)
        if self.shows_programmes:
            self.programmes_button.label = programmes(self.game, w).button
            self.programmes_button.draw(surf, fonts, px(15), hover=False)

    def advice_text(self) -> str:
        """The advisor's hint, sampled from the campaign's policy stream at this point of the game."""
        rng = stream(self.c.seed, "policy", f"advice-{len(self.game.history)}")
        return advice_line(self.game, self.w, LookaheadPolicy(rng).advise(self.game))

    def guide_lines(self) -> list[str]:
        """The guide prompt on show this turn (tutorial scenarios): one at a time, unless the player closed them."""
        prompts = hud(self.game, self.w).guide
        page = self.guide_page.get(self.game.turn, 0)
        if self.game.turn in self.guide_hidden or page >= len(prompts):
            return []
        return [prompts[page]]

    def guide_footer(self) -> str:
        """How to go on: the next prompt, or close the guide after the last."""
        n, page = len(hud(self.game, self.w).guide), self.guide_page.get(self.game.turn, 0)
        return self.w.ui("win.guide_next" if page + 1 < n else "win.guide_close", page=page + 1, pages=n)

    def next_guide(self) -> None:
        """On to the next prompt; after the last one the guide closes for this turn."""
        self.guide_page[self.game.turn] = self.guide_page.get(self.game.turn, 0) + 1
        if not self.guide_lines():
            self.guide_hidden.add(self.game.turn)

    def _guide_panel(self) -> pygame.Surface | None:
        lines = self.guide_lines()
        if not lines:
            return None
        px = self.ctx.sizes.px
        width = min(px(520), self.board.map_rect.w - px(40))
        return tooltip_surface(self.ctx.fonts, [*lines, self.guide_footer()], px(16), width)

    def guide_box(self) -> pygame.Rect | None:
        """Where the guide panel is drawn, when there is one."""
        panel = self._guide_panel()
        if panel is None:
            return None
        px, m = self.ctx.sizes.px, self.board.map_rect
        return pygame.Rect(m.x + px(12), m.y + px(12), panel.get_width(), panel.get_height())

    def _draw_guide(self, surf: pygame.Surface) -> None:
        panel, box = self._guide_panel(), self.guide_box()
        if panel is not None and box is not None:
            surf.blit(panel, box.topleft)
            pygame.draw.rect(surf, theme.YELLOW, box, width=2)

    def tooltip(self) -> list[str]:
        """What the thing under the mouse means, with the engine's numbers (worked out once per state)."""
        hover = self.inspected or self.board.hovered(self.ctx.mouse, self.c.scenario.player.id)
        if hover is None and self.shows_programmes and self.programmes_button.hit(self.ctx.mouse):
            view = programmes(self.game, self.w)  # the programmes in force, what each does a turn, and the key
            return [view.heading, *(x for p in view.items for x in (p.line, p.each_turn) if x), self.w.ui("win.programmes_tip")]
        if hover is None:
            return []
        lines = self._tips.get(hover)
        if lines is None:
            lines = self._tips[hover] = self.board.tooltip(self.game, self.w, hover)
        return lines

    def row_badge(self, order: Order) -> str:
        """What a row shows beside its cost (turns until ready, else its odds)."""
        return next(r.badge for r, _ in self.board.rows if r.order == order)

    def texts(self) -> list[str]:
        """The action rows, End turn, and the bottom line as last drawn."""
        return [b.label for _, b in self.board.rows] + [self.end_button.label, self._bottom]

    def headline_texts(self) -> list[str]:
        """What the headline strip shows (tests read both languages with this)."""
        h = headline(self.game, self.w)
        return [x for item in h.items for x in (item.kind, item.title, item.answers)] or [h.empty]

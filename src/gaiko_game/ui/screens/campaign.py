"""The campaign: HUD on top, the map on the left, actions on the right, news and End turn below."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from gaiko_game.core import Game, Order, Refusal
from gaiko_game.core.explain import cause_msg, preview_msgs
from gaiko_game.session import saves
from gaiko_game.session.seeding import new_game
from gaiko_game.ui import theme
from gaiko_game.ui.map_view import MODES, MapView
from gaiko_game.ui.screen import Pop, Push, Replace, Screen, Transition
from gaiko_game.ui.widgets import Button, draw_tooltip, tooltip_surface

METERS = ("security", "prosperity", "autonomy")


class CampaignScreen(Screen):
    """One game of the scenario, played with the mouse or the keyboard."""

    name = "campaign"

    def __init__(self, app: object, game: Game, seed: int, compare: dict[str, list[int]] | None = None) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.game = game
        self.seed = seed
        self.compare = compare  # an earlier run's curves, when this campaign is a what-if rewind
        self.map = MapView()
        self.rows: list[tuple[Order, Button]] = []
        self.focus = 0
        self.selected: str | None = None
        self.message = ""
        self._layer: pygame.Surface | None = None
        self._layer_key: tuple[object, ...] = ()
        self._tips: dict[tuple[str, object], list[str]] = {}
        self.guide_hidden: set[int] = set()  # turns whose guide prompts the player closed
        self._resume_crisis = game.pending_crisis is not None  # a game saved mid-crisis reopens on it
        self.resized()

    @staticmethod
    def new(app: object, seed: int | None = None, difficulty: str | None = None) -> CampaignScreen:
        """A fresh campaign of the app's scenario, at a difficulty (the scenario's default when None)."""
        import random

        if seed is None:
            seed = getattr(app, "seed", None)
        seed = seed if seed is not None else random.randrange(2**32)
        if difficulty is None:
            difficulty = getattr(app, "difficulty", None)
        return CampaignScreen(app, new_game(app.scenario, seed, difficulty=difficulty), seed)  # type: ignore[attr-defined]

    # ── layout ───────────────────────────────────────────────────────────
    def resized(self) -> None:
        px = self.app.sizes.px
        w, h = self.app.surface.get_size()
        self.hud = pygame.Rect(0, 0, w, px(74))
        self.panel = pygame.Rect(w - px(400), self.hud.bottom, px(400), h - self.hud.bottom - px(64))
        self.map_rect = pygame.Rect(0, self.hud.bottom, self.panel.x, self.panel.h)
        self.bottom = pygame.Rect(0, self.panel.bottom, w, h - self.panel.bottom)
        self.end_button = Button(pygame.Rect(w - px(220), self.bottom.y + px(10), px(205), px(44)),
                                 self.app.t("win.end_turn"), self.end_turn)
        names = [self.app.name(f"actor.{a.id}") for a in self.game.scenario.actors if a.inset or a.lat < -25]
        inset_w = max((self.app.fonts.get(px(13)).size(n)[0] for n in names), default=0) + px(16)
        self.map.layout(self.map_rect, self.game, inset_w)
        self._build_rows()

    def _build_rows(self) -> None:
        px = self.app.sizes.px
        g = self.game
        entries = sum(len(a.targets or (None,)) for a in g.scenario.actions)
        heads = len({a.category for a in g.scenario.actions})
        row = min(px(25), (self.panel.h - px(12) - heads * px(19)) // max(1, entries))
        y, x, width = self.panel.y + px(6), self.panel.x + px(8), self.panel.w - px(16)
        self.rows, self.headings = [], []
        category = None
        for a in g.scenario.actions:
            if a.category != category:
                category = a.category
                self.headings.append((self.app.name(f"category.{category}"), y))
                y += px(19)
            for target in a.targets or (None,):
                order = Order(a.id, target)
                name = self.app.name(f"action.{a.id}.name")
                if target:
                    name += f" → {self.app.name(f'actor.{target}')}"
                label = f"{name}"
                button = Button(pygame.Rect(x, y, width, row - px(3)), label, self._taker(order),
                                enabled=g.explain_illegal(order) is None, detail="")
                self.rows.append((order, button))
                y += row

    def _taker(self, order: Order) -> Callable[[], Transition | None]:
        return lambda: self.take(order)

    # ── actions ──────────────────────────────────────────────────────────
    def take(self, order: Order) -> Transition | None:
        """Take an action; a refusal is shown, not raised."""
        try:
            self.game.apply(order)
            self.message = self.app.t("ui.done", name=self._order_name(order))
        except Refusal as refusal:
            self.message = refusal.text(self.app.settings.lang)
        self._build_rows()
        return None

    def end_turn(self) -> Transition | None:
        """End the action phase: crises come first, then the turn's report."""
        from gaiko_game.ui.screens.crisis import CrisisScreen
        from gaiko_game.ui.screens.report import ReportScreen

        if self.game.pending_crisis is not None:  # the player looked at the map before answering
            return Push(CrisisScreen(self.app, self))
        report = self.game.end_turn()
        if report is None:
            return Push(CrisisScreen(self.app, self))
        return Push(ReportScreen(self.app, self, report))

    def closing(self) -> None:
        """The window is closing: autosave, so the player continues exactly here."""
        if not self.game.is_over:
            self.save()

    def update(self, dt: float) -> Transition | None:
        if self._resume_crisis:
            self._resume_crisis = False
            from gaiko_game.ui.screens.crisis import CrisisScreen

            return Push(CrisisScreen(self.app, self))
        return None

    def save(self, quick: bool = False) -> None:
        """Autosave (or quick-save); a failure is shown, never raised — the game goes on."""
        try:
            path = saves.quicksave(self.game, self.seed) if quick else saves.autosave(self.game, self.seed)
            if quick:
                self.message = self.app.t("win.saved", path=path.name)
        except OSError as e:
            self.message = self.app.t("win.save_failed", why=str(e))

    def after_turn(self) -> Transition | None:
        """Called when the report is closed: autosave; the debrief replaces the campaign once the game is over."""
        self.save()
        self._build_rows()
        if self.game.is_over:
            from gaiko_game.ui.screens.debrief import DebriefScreen

            return Replace(DebriefScreen(self.app, self.game, seed=self.seed, compare=self.compare))
        return None

    def _order_name(self, order: Order) -> str:
        name = self.app.name(f"action.{order.action}.name")
        return name if order.target is None else f"{name} → {self.app.name(f'actor.{order.target}')}"

    # ── input ────────────────────────────────────────────────────────────
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            box = self.guide_box()
            if box is not None and box.collidepoint(event.pos):
                self.guide_hidden.add(self.game.turn)
                return None
            if self.end_button.hit(event.pos):
                return self.end_turn()
            for i, (_, b) in enumerate(self.rows):
                if b.hit(event.pos):
                    self.focus = i
                    return b.action()
            if self.map_rect.collidepoint(event.pos):
                self.selected = self.map.actor_at(event.pos, self.app.sizes.px(14))
                aimed = [i for i, (o, _) in enumerate(self.rows) if o.target is not None and o.target == self.selected]
                if aimed:  # the country becomes the target: focus its first action, Enter takes it
                    self.focus = aimed[0]
        elif event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_e:
                return self.end_turn()
            if key == pygame.K_g:
                self.guide_hidden.add(self.game.turn)
            elif key == pygame.K_F5:
                self.save(quick=True)
            elif key in (pygame.K_i, pygame.K_F1):
                from gaiko_game.ui.screens.encyclopedia import EncyclopediaScreen

                order = self.rows[self.focus][0] if self.rows else None
                return Push(EncyclopediaScreen(self.app, f"action.{order.action}" if order else None))
            elif key == pygame.K_ESCAPE:
                self.save()
                return Pop()
            if key == pygame.K_m:
                self.map.mode = MODES[(MODES.index(self.map.mode) + 1) % len(MODES)]
            elif key == pygame.K_u and self.game.history and isinstance(self.game.history[-1], Order):
                self.game.undo()
                self._build_rows()
            elif key in (pygame.K_DOWN, pygame.K_UP) and self.rows:
                self.focus = (self.focus + (1 if key == pygame.K_DOWN else -1)) % len(self.rows)
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.rows:
                return self.rows[self.focus][1].action()
        return super().handle(event)

    # ── drawing ──────────────────────────────────────────────────────────
    def state_key(self) -> tuple[object, ...]:
        """Everything the static layer depends on; it is redrawn only when this changes."""
        g, s = self.game, self.app.settings
        return (len(g.history), len(g.ledger), g.turn, g.phase, self.map.mode, self.selected, self.focus,
                self.message, self.app.surface.get_size(), s.lang, s.scale)

    def draw(self, surf: pygame.Surface, tooltips: bool = True) -> None:
        key = self.state_key()
        if key != self._layer_key or self._layer is None or self._layer.get_size() != surf.get_size():
            self._layer = pygame.Surface(surf.get_size()).convert()
            self._layer.fill(theme.BACKGROUND)
            self._draw_map(self._layer)
            self._draw_hud(self._layer)
            self._draw_panel(self._layer)
            self._draw_bottom(self._layer)
            self._layer_key = key
            self._tips = {}
        surf.blit(self._layer, (0, 0))
        mouse = self.app.mouse
        for _, b in self.rows:
            if b.enabled and b.hit(mouse):
                pygame.draw.rect(surf, theme.SKY, b.rect, width=1, border_radius=4)
        if self.end_button.hit(mouse):
            pygame.draw.rect(surf, theme.SKY, self.end_button.rect, width=2, border_radius=4)
        self._draw_guide(surf)
        if tooltips:
            tip = self.tooltip()
            if tip:
                draw_tooltip(surf, self.app.fonts, tip, mouse, self.app.sizes.px(15), self.app.sizes.px(420))

    def _draw_hud(self, surf: pygame.Surface) -> None:
        px, fonts, g = self.app.sizes.px, self.app.fonts, self.game
        pygame.draw.rect(surf, theme.PANEL, self.hud)
        year, quarter = g.scenario.date(g.turn)
        head = self.app.t("win.date", year=year, quarter=quarter, turn=g.turn, turns=g.scenario.turns)
        surf.blit(fonts.render(head, px(18), theme.INK, bold=True), (px(12), px(8)))
        capital = g.state.nums["capital"]
        income = next((c.delta for c in reversed(g.ledger) if c.cause.kind == "income"), g.scenario.income_base)
        surf.blit(fonts.render(self.app.t("win.capital", name=self.app.name("capital"), value=capital,
                                          cap=g.scenario.capital_cap, income=income), px(16), theme.YELLOW),
                  (px(12), px(40)))
        self.meter_rects = {}
        last = g.reports[-1].meters if g.reports else None
        for i, m in enumerate(METERS):
            rect = pygame.Rect(px(300) + i * px(250), px(10), px(230), px(54))
            self.meter_rects[m] = rect
            value = g.meters()[m]
            label = self.app.name(f"meter.{m}")
            trend = "" if not last or last[m] == value else ("▲" if value > last[m] else "▼")
            surf.blit(fonts.render(f"{label} {value} {trend}", px(16), theme.INK), (rect.x, rect.y))
            bar = pygame.Rect(rect.x, rect.y + px(28), rect.w, px(12))
            pygame.draw.rect(surf, theme.PANEL_HI, bar, border_radius=3)
            fill = bar.copy()
            fill.w = round(bar.w * value / 100)
            pygame.draw.rect(surf, theme.METER_COLOURS[m], fill, border_radius=3)
        self._draw_tracks(surf, pygame.Rect(px(1050), px(8), self.hud.w - px(1060), self.hud.h - px(12)))

    def _draw_tracks(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """The US–China tension ladder as five steps, then the other tracks as numbers."""
        px, fonts, g = self.app.sizes.px, self.app.fonts, self.game
        y = rect.y
        for t in g.scenario.tracks:
            value = g.state.nums[f"track.{t.id}"]
            name = self.app.name(f"track.{t.id}")
            if t.hi - t.lo <= 6:  # a ladder: one box a step, warmer as it climbs
                surf.blit(fonts.render(name, px(13), theme.MUTED), (rect.x, y))
                box = px(14)
                for step in range(t.lo, t.hi + 1):
                    colour = theme.diverging(-(step - t.lo) / max(1, t.hi - t.lo)) if step <= value else theme.PANEL_HI
                    r = pygame.Rect(rect.right - (t.hi - step + 1) * (box + px(3)), y + px(3), box, box)
                    pygame.draw.rect(surf, colour, r, border_radius=2)
                y += px(20)
            else:
                text = fonts.render(f"{name} {value}", px(13), theme.MUTED)
                surf.blit(text, (rect.x, y))
                y += px(20)

    def _draw_map(self, surf: pygame.Surface) -> None:
        px, fonts, g = self.app.sizes.px, self.app.fonts, self.game
        surf.blit(self.map.base(), self.map_rect.topleft)
        clip = surf.get_clip()
        surf.set_clip(self.map_rect)
        self.map.tint(surf, g)
        surf.set_clip(clip)
        japan = self.map.markers["japan"]
        for a in g.scenario.actors:  # partnership lines: close partners and the alliance
            rel = g.state.nums[f"relation.{a.id}"]
            if rel >= 60 and a.id in self.map.markers:
                width = 3 if a.role == "ally" else 1
                pygame.draw.line(surf, theme.SKY if a.role != "ally" else theme.BLUE, japan, self.map.markers[a.id], width)
        for actor, (x, y) in self.map.markers.items():
            colour = self.map.colour(g, actor)
            if actor in self.map.insets:
                box = self.map.insets[actor]
                pygame.draw.rect(surf, theme.PANEL, box, border_radius=3)
                pygame.draw.rect(surf, colour, box, width=2, border_radius=3)
                label = fonts.render(self.app.name(f"actor.{actor}"), px(13), theme.INK)
                surf.blit(label, label.get_rect(center=box.center))
                continue
            r = px(9) if actor == "japan" else px(7)
            pygame.draw.circle(surf, colour, (x, y), r)
            pygame.draw.circle(surf, theme.YELLOW if actor == self.selected else theme.BLACK, (x, y), r, 2)
            label = fonts.render(self.app.name(f"actor.{actor}"), px(13), theme.INK)
            surf.blit(label, (x + r + 2, y - label.get_height() // 2))
        legend = self.app.t(f"win.mode_{self.map.mode}")
        surf.blit(fonts.render(legend, px(14), theme.INK), (self.map_rect.x + px(8), self.map_rect.bottom - px(24)))

    def _draw_panel(self, surf: pygame.Surface) -> None:
        px, fonts = self.app.sizes.px, self.app.fonts
        pygame.draw.rect(surf, theme.BACKGROUND, self.panel)
        for text, y in self.headings:
            surf.blit(fonts.render(text, px(14), theme.MUTED, bold=True), (self.panel.x + px(8), y))
        for i, (order, b) in enumerate(self.rows):
            a = self.game.scenario.action(order.action)
            assert a is not None
            b.selected = i == self.focus or (self.selected is not None and order.target == self.selected)
            cost = fonts.render(str(a.cost), px(14), theme.YELLOW if b.enabled else theme.DIM, bold=True)
            badge = self.row_badge(order)
            tag = fonts.render(badge, px(12), theme.MUTED) if badge else None
            b.reserve = (tag.get_width() + px(8) if tag else 0)
            b.draw(surf, fonts, px(14), hover=False)
            right = b.rect.right - px(8)
            surf.blit(cost, cost.get_rect(midright=(right, b.rect.centery)))
            if tag is not None:
                surf.blit(tag, tag.get_rect(midright=(right - cost.get_width() - px(8), b.rect.centery)))

    def row_badge(self, order: Order) -> str:
        """What a row shows beside its cost: turns until it is ready again, else its odds, else nothing."""
        action = self.game.scenario.action(order.action)
        assert action is not None
        ready = self.game.state.cooldowns.get(action.id, 0) - self.game.turn
        if ready > 0:
            return self.app.t("win.row_cooldown", n=ready)
        odds = self.game.odds(action.odds, order.target)
        return self.app.t("ui.odds", p=round(odds * 100)) if odds is not None else ""

    def _draw_bottom(self, surf: pygame.Surface) -> None:
        px, fonts, g = self.app.sizes.px, self.app.fonts, self.game
        pygame.draw.rect(surf, theme.PANEL, self.bottom)
        news = [self.app.name(f"event.{f.event}.title") for f in g.fired[-3:] if not f.hidden]
        line = self.message or (self.app.t("win.news", items=" · ".join(news)) if news else self.app.t("win.hint"))
        if self.app.settings.advisor and not g.is_over and g.pending_crisis is None:
            line = self.advice_text() + ("\n" + line if line else "")
        fonts.draw(surf, line, px(12), self.bottom.y + px(10), self.end_button.rect.x - px(24), px(15), theme.INK,
                   max_lines=2)
        self.end_button.label = self.app.t("win.end_turn")
        self.end_button.draw(surf, fonts, px(18), hover=False)

    def advice_text(self) -> str:
        """The advisor's hint: the action a one-turn lookahead prefers, and what it gains over ending the turn."""
        from gaiko_game.session.advisor import LookaheadPolicy
        from gaiko_game.session.seeding import POLICY_STREAM, stream

        advice = LookaheadPolicy(stream(self.seed + len(self.game.history), POLICY_STREAM)).advise(self.game)
        t = self.app.texts
        if advice.order is None:
            return t.ui("win.advice_end")
        gains = t.join([f"{self.app.name(f'meter.{m}')} {d:+d}" for m, d in advice.gains.items() if m in METERS and d])
        return t.ui("win.advice", action=self._order_name(advice.order), gains=gains or t.ui("win.advice_even"))

    def guide_lines(self) -> list[str]:
        """This turn's guide prompts (tutorial scenarios), unless the player closed them."""
        if self.game.turn in self.guide_hidden:
            return []
        prompts = [self.app.name(f"guide.{g}") for g in self.game.scenario.guide_for(self.game.turn)]
        return [line for i, p in enumerate(prompts) for line in (([""] if i else []) + [p])]  # a blank line between

    def guide_box(self) -> pygame.Rect | None:
        """Where the guide panel is drawn, when there is one."""
        lines = self.guide_lines()
        if not lines:
            return None
        px = self.app.sizes.px
        panel = tooltip_surface(self.app.fonts, [*lines, self.app.t("win.guide_close")], px(16), px(460))
        return pygame.Rect(self.map_rect.x + px(12), self.map_rect.y + px(12), panel.get_width(), panel.get_height())

    def _draw_guide(self, surf: pygame.Surface) -> None:
        box = self.guide_box()
        if box is not None:
            px = self.app.sizes.px
            panel = tooltip_surface(self.app.fonts, [*self.guide_lines(), self.app.t("win.guide_close")], px(16), px(460))
            surf.blit(panel, box.topleft)
            pygame.draw.rect(surf, theme.YELLOW, box, width=2)

    # ── tooltips ─────────────────────────────────────────────────────────
    def tooltip(self) -> list[str]:
        """What the thing under the mouse means, with the engine's numbers (worked out once per state)."""
        pos = self.app.mouse
        target = self._hovered(pos)
        if target is None:
            return []
        lines = self._tips.get(target)
        if lines is None:
            lines = self._tips[target] = self._tooltip_for(target)
        return lines

    def _hovered(self, pos: tuple[int, int]) -> tuple[str, object] | None:
        for order, b in self.rows:
            if b.hit(pos):
                return ("action", order)
        for m, rect in getattr(self, "meter_rects", {}).items():
            if rect.collidepoint(pos):
                return ("meter", m)
        if self.map_rect.collidepoint(pos):
            actor = self.map.actor_at(pos, self.app.sizes.px(14))
            if actor and actor != "japan":
                return ("actor", actor)
            area = self.map.disputed_at(pos)
            if area:
                return ("disputed", area)
        return None

    def _tooltip_for(self, target: tuple[str, object]) -> list[str]:
        kind, what = target
        if kind == "action":
            assert isinstance(what, Order)
            return self.action_tooltip(what)
        if kind == "meter":
            return self.meter_tooltip(str(what))
        if kind == "disputed":
            return [self.app.t("win.disputed_" + str(what).lower().replace(" ", "_"))]
        return self.actor_tooltip(str(what))

    def action_tooltip(self, order: Order) -> list[str]:
        """Description, cost, odds, every effect previewed, or why it is unavailable."""
        g, t = self.game, self.app.texts
        a = g.scenario.action(order.action)
        assert a is not None
        lines = [self._order_name(order), self.app.name(f"action.{a.id}.desc"),
                 self.app.t("win.cost", cost=a.cost, cooldown=a.cooldown)]
        lines += [t.render(m) for m in preview_msgs(g.preview(order))]
        reason = g.explain_illegal(order)
        if reason is not None:
            lines.append(t.render(reason))
        return lines

    def meter_tooltip(self, meter: str) -> list[str]:
        """The meter's meaning and the causes of its recent changes."""
        t = self.app.texts
        lines = [self.app.name(f"meter.{meter}.desc")]
        for ch in [c for c in self.game.ledger if c.key == f"meter.{meter}"][-8:]:
            lines.append(t.ui("ui.why_line", turn=ch.turn, delta=ch.delta, cause=t.render(cause_msg(ch.cause))))
        return lines

    def actor_tooltip(self, actor: str) -> list[str]:
        """An actor's numbers and the recent causes of its relation."""
        g, t = self.game, self.app.texts
        a = next(x for x in g.scenario.actors if x.id == actor)
        nums = g.state.nums
        lines = [t.ui("ui.relation_line", name=self.app.name(f"actor.{actor}"), role=self.app.name(f"role.{a.role}"),
                      relation=nums[f"relation.{actor}"], stance=nums[f"stance.{actor}"]).strip()]
        for ch in [c for c in g.ledger if c.key == f"relation.{actor}"][-5:]:
            lines.append(t.ui("ui.why_line", turn=ch.turn, delta=ch.delta, cause=t.render(cause_msg(ch.cause))))
        return lines

    def texts(self) -> list[str]:
        return [b.label for _, b in self.rows] + [self.end_button.label]

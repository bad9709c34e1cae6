"""The board as the campaign and the replay viewer draw it: HUD on top, the headline strip over the map (campaign
only), the map with the other countries' latest moves marked, the action panel, a bottom line.

A component, not a screen: it lays out and draws a game's view models and says what is under
the mouse; the screens that hold it decide what input does.
"""

from __future__ import annotations

import pygame

from gaiko_game.core import Game
from gaiko_game.present.actions import ActionRow
from gaiko_game.present.headline import Headline
from gaiko_game.present.hud import Hud
from gaiko_game.present.inspect import actor_card, meter_card, track_card
from gaiko_game.present.labels import Placed, place
from gaiko_game.present.palette import diverging, hex_rgb
from gaiko_game.present.report import latest_moves
from gaiko_game.present.words import Words
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.icons import category_icon, draw_icon, token, token_radius
from gaiko_game.ui.map_view import MapView
from gaiko_game.ui.widgets import Button

Hover = tuple[str, str]
"""What is under the mouse: ("meter" | "track" | "actor" | "disputed" | "row" | "headline", id)."""


class BoardView:
    """Lays out and draws one game's HUD, map and action panel."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.map = MapView()
        self.meter_rects: dict[str, pygame.Rect] = {}
        self.track_rects: dict[str, pygame.Rect] = {}
        self.rows: list[tuple[ActionRow, Button]] = []
        self.headings: list[tuple[str, int]] = []
        self.row_font = 14
        self.strip = pygame.Rect(0, 0, 0, 0)
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.row_h = self.head_h = self.content_h = self.scroll = self.hidden_above = self.hidden_below = 0
        self._slots: list[tuple[str, int, int]] = []
        """("head" | "row", index, y within the list) in the panel's order."""
        self.shown: set[int] = set()
        self.heading_icons: list[str] = []
        self.strip_rects: list[pygame.Rect] = []
        self.headline: Headline | None = None
        self.move_rects: dict[str, pygame.Rect] = {}
        self.labels: Placed = Placed({})
        self.legend_lines = 1

    def layout(self, game: Game, w: Words, strip: bool = False, legends: tuple[str, ...] = ()) -> None:
        """Place the HUD, the headline strip (when ``strip``), map, panel and bottom bar for the window's size and
        scale; the map keeps room at its foot for the longest of ``legends`` (each map mode's), wrapped."""
        px = self.ctx.sizes.px
        width, height = self.ctx.surface.get_size()
        tracks = len(game.scenario.tracks)  # one row each beside the meters; a scenario with many gets a taller HUD
        self.hud = pygame.Rect(0, 0, width, max(px(74), px(12) + tracks * px(20)))
        self.panel = pygame.Rect(width - px(400), self.hud.bottom, px(400), height - self.hud.bottom - px(64))
        strip_h = 2 * self.ctx.fonts.get(px(14)).get_linesize() + px(10) if strip else 0
        self.strip = pygame.Rect(0, self.hud.bottom, self.panel.x, strip_h)
        self.map_rect = pygame.Rect(0, self.strip.bottom, self.panel.x, self.panel.bottom - self.strip.bottom)
        self.bottom = pygame.Rect(0, self.panel.bottom, width, height - self.panel.bottom)
        names = [w.name(f"actor.{a.id}") for a in game.scenario.actors]
        font = self.ctx.fonts.get(px(13))
        inset_w = max((font.size(n)[0] for n in names), default=0) + px(16)
        self.map.layout(self.map_rect, game, inset_w)
        self.legend_lines = max([1, *(len(self.ctx.fonts.lines(x, px(14), self.map_rect.w - px(16))) for x in legends)])
        self.labels = self._place_labels(game, w)

    def _place_labels(self, game: Game, w: Words) -> Placed:
        """Where each country's name goes: beside its token where there is room, else a little way off with a leader
        line; clear of the insets and their badges, the legend line, and a move badge's place over every token."""
        px, m = self.ctx.sizes.px, self.map_rect
        font, player, badge = self.ctx.fonts.get(px(13)), game.scenario.player.id, px(6)
        dots = {a: c for a, c in self.map.markers.items() if a not in self.map.insets}
        obstacles = [(b.x - 2 * badge - px(4), b.y, b.w + 2 * badge + px(4), b.h) for b in self.map.insets.values()]
        legend = self.legend_lines * self.ctx.fonts.get(px(14)).get_linesize() + px(3)
        obstacles.append((m.x, m.bottom - legend, m.w, legend))
        obstacles += [(x - badge, y - px(7) - 2 * badge - px(1), 2 * badge, 2 * badge) for x, y in dots.values()]
        return place(dots, {a: font.size(w.name(f"actor.{a}")) for a in dots}, (m.x, m.y, m.w, m.h),
                     {a: token_radius(px(7), a == player) for a in dots}, obstacles, gap=px(2), step=px(8))

    def set_rows(self, rows: list[ActionRow], enabled: bool = True) -> None:
        """Lay out the action panel's rows under their category headings, at a height that holds their text; when
        they are more than the panel holds, the panel scrolls (the wheel, or the focus moving past an edge)."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        self.row_font = px(14)
        self.row_h = fonts.get(self.row_font).get_linesize() + px(8)  # a box a little taller than its text, and a gap
        self.head_h = fonts.get(px(14), True).get_linesize() + px(3)
        x, width = self.panel.x + px(8), self.panel.w - px(16)
        self.rows, self.headings, self._slots, self.heading_icons = [], [], [], []
        category, y = None, 0
        for row in rows:
            if row.category != category:
                category = row.category
                self.headings.append((row.category_name, 0))
                self.heading_icons.append(category_icon(row.category))
                self._slots.append(("head", len(self.headings) - 1, y))
                y += self.head_h
            button = Button(pygame.Rect(x, 0, width, self.row_h - px(4)), row.label, lambda: None,
                            row.enabled and enabled, tip=True)
            self._slots.append(("row", len(self.rows), y))
            self.rows.append((row, button))
            y += self.row_h
        self.content_h = y
        self.scroll_to(self.scroll)

    def view_rect(self) -> pygame.Rect:
        """The part of the panel rows are shown in (above the line that says how many more there are)."""
        px = self.ctx.sizes.px
        more = self.ctx.fonts.get(px(13)).get_linesize() + px(4) if self.content_h > self.panel.h - px(12) else 0
        return pygame.Rect(self.panel.x, self.panel.y + px(6), self.panel.w, self.panel.h - px(12) - more)

    def scroll_to(self, offset: int) -> None:
        """Scroll the panel to ``offset`` pixels from its top (kept in range), and place the rows that show."""
        view = self.view_rect()
        self.scroll = max(0, min(offset, self.content_h - view.h))
        self.shown = set()
        self.hidden_above = self.hidden_below = 0
        heads = []
        for kind, i, y in self._slots:
            top = view.y + y - self.scroll
            height = self.head_h if kind == "head" else self.row_h
            fits = top >= view.y and top + height <= view.bottom
            if kind == "head":
                heads.append((self.headings[i][0], top if fits else None))
                continue
            self.rows[i][1].rect.y = top
            if fits:
                self.shown.add(i)
            elif top < view.y:
                self.hidden_above += 1
            else:
                self.hidden_below += 1
        self.headings = [(t, y if y is not None else -1) for t, y in heads]

    def reveal(self, index: int) -> None:
        """Scroll just enough that row ``index`` shows (the keyboard's focus never leaves the screen)."""
        if index in self.shown or not 0 <= index < len(self.rows):
            return
        view, y = self.view_rect(), next(y for kind, i, y in self._slots if kind == "row" and i == index)
        heading = next((y2 for kind, _, y2 in self._slots if kind == "head" and y2 == y - self.head_h), None)
        top = heading if heading is not None else y  # bring its heading along when it starts a category
        self.scroll_to(top if y < self.scroll else y + self.row_h - view.h)

    def wheel(self, steps: int) -> None:
        """Scroll by mouse-wheel steps (positive: towards the top), three rows a step."""
        self.scroll_to(self.scroll - steps * 3 * self.row_h)

    def row_at(self, pos: tuple[int, int]) -> int | None:
        """The shown row under ``pos``."""
        return next((i for i in sorted(self.shown) if self.rows[i][1].hit(pos)), None)

    # ── drawing ──────────────────────────────────────────────────────────
    def draw_hud(self, surf: pygame.Surface, h: Hud) -> None:
        """The date, capital (and upkeep), meter bars and tracks, placed from the window's width."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        pygame.draw.rect(surf, theme.PANEL, self.hud)
        date = fonts.blit(surf, h.date, px(18), theme.INK, bold=True, topleft=(px(12), px(8)))
        capital = fonts.blit(surf, h.capital, px(16), theme.YELLOW, topleft=(px(12), px(40)))
        tracks_w = min(px(230), self.hud.w // 5)
        tracks = pygame.Rect(self.hud.right - tracks_w - px(10), px(8), tracks_w, self.hud.h - px(12))
        left = max(px(300), max(date.w, capital.w) + px(28))
        n = max(1, len(h.meters))
        span = (tracks.x - px(10) - left) // n
        self.meter_rects = {}
        for i, m in enumerate(h.meters):
            rect = pygame.Rect(left + i * span, px(10), span - px(20), px(54))
            self.meter_rects[m.id] = rect
            arrow = "" if not m.trend else ("▲" if m.trend > 0 else "▼")
            icon = px(18)
            draw_icon(surf, m.icon, pygame.Rect(rect.x, rect.y + px(2), icon, icon), hex_rgb(m.colour))
            text, room = f"{m.name} {m.value} {arrow}", rect.w - icon - px(6)
            size = next((z for z in (px(16), px(15), px(14), px(13)) if fonts.get(z).size(text)[0] <= room), px(13))
            label = fonts.fit(text, size, room, tip=True)  # only on a window narrower than any offered: its tooltip
            fonts.blit(surf, label, size, theme.INK, midleft=(rect.x + icon + px(6), rect.y + px(2) + icon // 2))
            bar = pygame.Rect(rect.x, rect.y + px(28), rect.w, px(12))
            pygame.draw.rect(surf, theme.PANEL_HI, bar, border_radius=3)
            fill = bar.copy()
            fill.w = round(bar.w * m.value / 100)
            pygame.draw.rect(surf, hex_rgb(m.colour), fill, border_radius=3)
        self._draw_tracks(surf, h, tracks)

    def _draw_tracks(self, surf: pygame.Surface, h: Hud, rect: pygame.Rect) -> None:
        """Ladders as one box a step, warmer as they climb; other tracks as numbers."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        y = rect.y
        self.track_rects = {}
        for t in h.tracks:
            self.track_rects[t.id] = pygame.Rect(rect.x, y, rect.w, px(20))
            if t.ladder:
                box = px(14)
                room = rect.w - (t.hi - t.lo + 1) * (box + px(3)) - px(4)
                font = fonts.get(px(13))
                label = next((x for x in (f"{t.name} {t.value}/{t.hi}", f"{t.name} {t.value}", t.name)
                              if font.size(x)[0] <= room), t.name)
                fonts.blit(surf, fonts.fit(label, px(13), room, tip=True), px(13), theme.INK, topleft=(rect.x, y))
                for step in range(t.lo, t.hi + 1):  # a board's ladder: numbered rungs, filled to the marker
                    fill = theme.PANEL_HI if step > t.value else _warm(step, t.lo, t.hi)
                    r = pygame.Rect(rect.right - (t.hi - step + 1) * (box + px(3)), y + px(3), box, box)
                    pygame.draw.rect(surf, fill, r, border_radius=2)
                    if step == t.value:
                        pygame.draw.rect(surf, theme.INK, r.inflate(px(2), px(2)), width=max(1, px(2)), border_radius=3)
            else:  # the number, and a gauge of where it stands between its bounds
                text = fonts.blit(surf, fonts.fit(f"{t.name} {t.value}", px(13), rect.w), px(13), theme.INK,
                                  topleft=(rect.x, y))
                gauge = pygame.Rect(text.right + px(8), y + px(7), rect.right - text.right - px(8), px(6))
                if gauge.w >= px(24):
                    pygame.draw.rect(surf, theme.PANEL_HI, gauge, border_radius=3)
                    level = gauge.copy()
                    level.w = round(gauge.w * (t.value - t.lo) / max(1, t.hi - t.lo))
                    pygame.draw.rect(surf, theme.SKY, level, border_radius=3)
            y += px(20)

    def draw_strip(self, surf: pygame.Surface, headline: Headline) -> None:
        """The headline over the map: each announced crisis or opportunity, labelled, with its answers' costs."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        self.headline, self.strip_rects = headline, []
        if not self.strip.h:
            return
        pygame.draw.rect(surf, theme.PANEL, self.strip)
        pygame.draw.line(surf, theme.PANEL_HI, self.strip.bottomleft, self.strip.bottomright)
        size, step = px(14), fonts.get(px(14)).get_linesize()
        x, y, width = self.strip.x + px(10), self.strip.y + px(5), self.strip.w - px(20)
        if not headline.items:
            fonts.draw(surf, headline.empty, x, y, width, size, theme.MUTED, max_lines=1)
            return
        per = 2 if len(headline.items) == 1 else 1  # one item: title, then its answers; more: a line each
        more = len(headline.items) - 2
        for i, item in enumerate(headline.items[:2]):
            top = y + i * step
            badge_w = fonts.get(size, True).size(item.kind)[0]
            box = pygame.Rect(x, top + 1, badge_w + px(8), step)
            pygame.draw.rect(surf, theme.GOOD if item.opportunity else theme.BAD, box, border_radius=3)
            fonts.blit(surf, item.kind, size, theme.BACKGROUND, bold=True, center=box.center)
            tx = box.right + px(8)
            text = item.title + (f" (+{more})" if i == 1 and more > 0 else "")
            title = fonts.blit(surf, fonts.fit(text, size, x + width - tx, bold=True, tip=True), size, theme.INK,
                               bold=True, topleft=(tx, top))
            rest = x + width - tx - title.w - px(12)
            if per == 1 and rest > px(60):
                answers = fonts.fit(item.answers, size, rest, tip=True)
                fonts.blit(surf, answers, size, theme.MUTED, topleft=(tx + title.w + px(12), top))
            elif per == 2:
                fonts.blit(surf, fonts.fit(item.answers, size, x + width - tx, tip=True), size, theme.MUTED,
                           topleft=(tx, top + step))
            self.strip_rects.append(pygame.Rect(self.strip.x, top, self.strip.w, step * per))

    def draw_map(self, surf: pygame.Surface, game: Game, w: Words, selected: str | None, legend: str) -> None:
        """The map, country tints, partnership lines, markers and insets, and the map mode's legend."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        surf.blit(self.map.base(), self.map_rect.topleft)
        clip = surf.get_clip()
        surf.set_clip(self.map_rect)
        self.map.tint(surf, game)
        player = game.scenario.player.id
        home = self.map.markers[player]
        view = game.view
        for a in game.scenario.actors:  # partnership lines: close partners and the alliance
            if view.relation(a.id) >= 60 and a.id in self.map.markers:
                ally = a.role == "ally"
                pygame.draw.line(surf, theme.BLUE if ally else theme.SKY, home, self.map.markers[a.id], 3 if ally else 1)
        for line in self.labels.leaders.values():  # under the tokens, so each token sits on its line
            pygame.draw.line(surf, theme.MUTED, *line, 1)
        for actor, (x, y) in self.map.markers.items():
            name = w.name(f"actor.{actor}")
            colour = self.map.colour(game, actor)
            if actor in self.map.insets:
                box = self.map.insets[actor]
                pygame.draw.rect(surf, theme.PANEL, box, border_radius=3)
                pygame.draw.rect(surf, colour, box, width=2, border_radius=3)
                fonts.blit(surf, name, px(13), theme.INK, center=box.center)
                continue
            token(surf, (x, y), px(7), colour, selected=actor == selected, player=actor == player)
            spot = self.labels.get(actor)
            if spot is not None:
                fonts.blit(surf, name, px(13), theme.INK, topleft=spot.rect[:2])
        self._draw_moves(surf, game, w)
        surf.set_clip(clip)
        if self.move_rects:
            legend = " · ".join(x for x in (legend, w.ui("win.moved_marker")) if x)
        step = fonts.get(px(14)).get_linesize()
        rows = fonts.lines(legend, px(14), self.map_rect.w - px(16))[:self.legend_lines]  # room was kept for them
        top = self.map_rect.bottom - px(3) - len(rows) * step
        with fonts.panel(self.map_rect):
            for i, row in enumerate(rows):
                fonts.blit(surf, row, px(14), theme.INK, topleft=(self.map_rect.x + px(8), top + i * step))

    def _draw_moves(self, surf: pygame.Surface, game: Game, w: Words) -> None:
        """A "!" badge by each country that made a move in the turn last played (its tooltip says what and why)."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        self.move_rects = {}
        for actor in dict.fromkeys(m.actor for m in latest_moves(game, w)):
            if actor not in self.map.markers:
                continue
            r = px(6)
            if actor in self.map.insets:
                centre = (self.map.insets[actor].x - r - px(2), self.map.insets[actor].centery)
            else:  # just above the marker, where label placement keeps a place free
                x, y = self.map.markers[actor]
                centre = (x, y - px(7) - r - px(1))
            pygame.draw.circle(surf, theme.ORANGE, centre, r)
            pygame.draw.circle(surf, theme.BLACK, centre, r, 1)
            fonts.blit(surf, "!", px(11), theme.BLACK, bold=True, center=centre)
            self.move_rects[actor] = pygame.Rect(centre[0] - r, centre[1] - r, 2 * r, 2 * r)

    def draw_panel(self, surf: pygame.Surface, focus: int, selected: str | None) -> None:
        """The shown action rows under their category headings, each with its cost and badge, and how many more
        rows the panel scrolls to."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        pygame.draw.rect(surf, theme.BACKGROUND, self.panel)
        with fonts.panel(self.panel):
            icon = px(16)
            for (text, y), name in zip(self.headings, self.heading_icons, strict=True):
                if y >= 0:  # the category's icon, then its name, like the header of a deck of cards
                    line = fonts.get(px(14), True).get_linesize()
                    draw_icon(surf, name, pygame.Rect(self.panel.x + px(8), y + (line - icon) // 2, icon, icon), theme.SKY)
                    fonts.blit(surf, text, px(14), theme.INK, bold=True, topleft=(self.panel.x + px(14) + icon, y))
            size = self.row_font
            for i, (row, b) in enumerate(self.rows):
                if i not in self.shown:
                    continue
                b.selected = i == focus or (selected is not None and row.order.target == selected)
                small = min(px(12), size)
                gem = px(11)
                cost_w = fonts.get(size, True).size(str(row.cost))[0] + gem + px(3)
                b.reserve = cost_w + px(8) + (fonts.get(small).size(row.badge)[0] + px(8) if row.badge else 0)
                with fonts.panel(b.rect):
                    b.draw(surf, fonts, size, hover=False)
                    right, ink = b.rect.right - px(8), theme.YELLOW if b.enabled else theme.MUTED
                    cost = fonts.blit(surf, str(row.cost), size, ink, bold=True, midright=(right, b.rect.centery))
                    draw_icon(surf, "capital", pygame.Rect(cost.x - px(3) - gem, b.rect.centery - gem // 2, gem, gem), ink)
                    if row.badge:
                        fonts.blit(surf, row.badge, small, theme.MUTED,
                                   midright=(right - cost_w - px(8), b.rect.centery))
            if self.hidden_above or self.hidden_below:
                view = self.view_rect()
                w = self.ctx.words()
                more = " ・ ".join([*([w.ui("win.more_above", n=self.hidden_above)] if self.hidden_above else []),
                                   *([w.ui("win.more_below", n=self.hidden_below)] if self.hidden_below else [])])
                more += " " + w.ui("win.more_how")
                fonts.blit(surf, fonts.fit(more, px(13), self.panel.w - px(16)), px(13), theme.MUTED,
                           topleft=(self.panel.x + px(8), view.bottom + px(2)))

    # ── what the mouse points at ─────────────────────────────────────────
    def hovered(self, pos: tuple[int, int], player: str) -> Hover | None:
        """The thing under ``pos`` that has a tooltip."""
        row = self.row_at(pos)
        if row is not None:
            return ("row", str(row))
        for i, r in enumerate(self.strip_rects):
            if r.collidepoint(pos):
                return ("headline", str(i))
        for mover, r in self.move_rects.items():
            if r.inflate(4, 4).collidepoint(pos):
                return ("actor", mover)
        for kind, rects in (("meter", self.meter_rects), ("track", self.track_rects)):
            found = next((k for k, r in rects.items() if r.collidepoint(pos)), None)
            if found is not None:
                return (kind, found)
        if self.map_rect.collidepoint(pos):
            actor = self.map.actor_at(pos, self.ctx.sizes.px(14))
            if actor and actor != player:
                return ("actor", actor)
            area = self.map.disputed_at(pos)
            if area:
                return ("disputed", area)
        return None

    def targets(self, player: str) -> list[Hover]:
        """Everything with a tooltip, in the order Tab visits them: the meters, the tracks, the headline, the other
        countries from west to east, then the action rows (the keyboard reaches every tooltip the mouse does)."""
        found: list[Hover] = [("meter", m) for m in self.meter_rects] + [("track", t) for t in self.track_rects]
        found += [("headline", str(i)) for i in range(len(self.strip_rects))]
        found += [("actor", a) for a, _ in sorted(self.map.markers.items(), key=lambda kv: (kv[1][0], kv[1][1]))
                  if a != player]
        return found + [("row", str(i)) for i in range(len(self.rows))]

    def rect_of(self, hover: Hover) -> pygame.Rect:
        """Where a tooltip's subject is on screen (the keyboard's tooltip is drawn beside it)."""
        kind, what = hover
        if kind == "row":
            return self.rows[int(what)][1].rect
        if kind == "meter":
            return self.meter_rects[what]
        if kind == "track":
            return self.track_rects[what]
        if kind == "headline":
            return self.strip_rects[int(what)]
        if what in self.map.insets:
            return self.map.insets[what]
        x, y = self.map.markers.get(what, self.map_rect.center)
        r = self.ctx.sizes.px(9)
        return pygame.Rect(x - r, y - r, 2 * r, 2 * r)

    def tooltip(self, game: Game, w: Words, hover: Hover) -> list[str]:
        """What a hovered thing means, with the engine's numbers and causes."""
        kind, what = hover
        if kind == "row":
            return self.rows[int(what)][0].tooltip(w)
        if kind == "meter":
            return meter_card(game, w, what)
        if kind == "track":
            return track_card(game, w, what)
        if kind == "disputed":
            return [w.name(f"disputed.{what}")]
        if kind == "headline":
            return self.headline_card(w, int(what))
        return actor_card(game, w, what)


    def headline_card(self, w: Words, index: int) -> list[str]:
        """A headline item in full: its heading, the scene, what it did at once, and every answer with its cost."""
        if self.headline is None or index >= len(self.headline.items):
            return []
        shown = self.headline.items[index:] if index == 1 else self.headline.items[index:index + 1]  # the last row
        lines = [x for item in shown for x in (item.heading, item.text, *([item.immediate] if item.immediate else []),
                                                *_with_reactions(item.details, item.world))]  # every item the strip
        # had no room for, each answer followed by the world's reactions to it
        return [*lines, w.ui("win.headline_hint")]


def _with_reactions(answers: tuple[str, ...], world: tuple[tuple[str, ...], ...]) -> list[str]:
    """Each answer's line, then the world's reactions to it, indented."""
    reactions = world or tuple(() for _ in answers)
    return [x for line, more in zip(answers, reactions, strict=True) for x in (line, *(f"   {r}" for r in more))]


def _warm(step: int, lo: int, hi: int) -> theme.Colour:
    """A ladder step's colour: grey at the bottom, vermilion at the top."""
    return diverging(-(step - lo) / max(1, hi - lo))

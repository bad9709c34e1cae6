"""The debrief: the meters over time on labelled axes, the player's most consequential decisions, benchmarks on the
same seed, what moved the meters, the rating's description; a second page lists every crisis answer and the
questions to discuss. The chart is drawn by ``debrief_chart``, the benchmarks and what moved the meters by
``debrief_tables``, their texts by ``debrief_text``; this module holds the screen: its pages, keys and the decisions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pygame

from gaiko_game.present.debrief import BenchRow, DebriefView, Impact, debrief, earlier_score
from gaiko_game.present.palette import hex_rgb, light
from gaiko_game.session.campaign import Campaign
from gaiko_game.session.debrief import Benchmarks, series
from gaiko_game.session.saves import data_dir
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import Series, ToCampaign, ToReplay
from gaiko_game.ui.screen import Pop, Push, Replace, Screen, Transition
from gaiko_game.ui.screens.debrief_chart import Chart
from gaiko_game.ui.screens.debrief_tables import BenchTable, MovedTable
from gaiko_game.ui.screens.debrief_text import Pen, Segment
from gaiko_game.ui.widgets import draw_tooltip

PAGES = ("summary", "discuss")
BENCH_BUDGET = 0.008
"""Seconds a frame may spend playing the advisor's benchmark game (a turn takes about 20 ms: one turn a frame)."""


class DebriefScreen(Screen):
    """←/→ (or a click on the chart) pick a turn: V replays from it, R rewinds to it to play differently (what-if).

    Tab (or a click on a tab) turns to the crisis answers and the questions, where ↑/↓ and the wheel scroll.
    P saves the debrief as a PNG; Esc or Enter returns to the title.
    """

    name = "debrief"

    def __init__(self, ctx: Context, campaign: Campaign, compare: Series | None = None) -> None:
        super().__init__(ctx)
        self.c = campaign
        self.compare = compare
        self.saved = ""
        self.turn = max(1, len(campaign.game.reports) // 2)
        self.page = PAGES[0]
        self.scroll = [0, 0]  # the first crisis answer and the first question shown on the second page
        self.bench = Benchmarks(campaign)
        self.bench.quick()  # the strategy files: a few milliseconds each; the advisor plays on in update()
        self._layer: pygame.Surface | None = None
        self._layer_key: tuple[object, ...] = ()
        self._tips: list[tuple[pygame.Rect, list[str]]] = []
        self._hits: list[tuple[pygame.Rect, str, int]] = []
        self._scrolls: dict[int, tuple[pygame.Rect, int, int]] = {}  # list → (its rect, entries shown, in all)
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    def resized(self) -> None:
        self.view: DebriefView = debrief(self.c.game, self.ctx.words(self.c.scenario), self.c.weighting)
        self.earlier = earlier_score(self.compare, self.c.scenario.meter_ids()) if self.compare else None
        self._layer = None
        self.pen = Pen(self.ctx)

    # ── input ───────────────────────────────────────────────────────────
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos)
        if event.type == pygame.MOUSEWHEEL:
            for which, (rect, _, _) in list(self._scrolls.items()):
                if rect.collidepoint(self.ctx.mouse):
                    self._scroll(which, -event.y)
            return None
        if event.type != pygame.KEYDOWN:
            return None
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = 1 if event.key == pygame.K_RIGHT else -1
            self.turn = max(1, min(len(self.c.game.reports), self.turn + step))
        elif event.key == pygame.K_TAB:
            self.page = PAGES[(PAGES.index(self.page) + 1) % len(PAGES)]
        elif event.key in (pygame.K_UP, pygame.K_DOWN):
            for which in list(self._scrolls):
                self._scroll(which, 1 if event.key == pygame.K_DOWN else -1)
        elif event.key == pygame.K_v:
            return Push(ToReplay(self.c, self.turn))
        elif event.key == pygame.K_r:
            return Replace(ToCampaign(self.c.branch(self.turn), compare=series(self.c.game)))
        elif event.key == pygame.K_p:
            self.export()
        elif event.key in (pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_KP_ENTER):
            return Pop()
        return None

    def _click(self, pos: tuple[int, int]) -> Transition | None:
        for rect, what, value in self._hits:
            if rect.collidepoint(pos):
                if what == "page":
                    self.page = PAGES[value]
                elif what == "turn":
                    self.turn = value
        return None

    def _scroll(self, which: int, by: int) -> None:
        """Scroll one of the second page's lists (0: crisis answers, 1: questions) that does not fit, an entry at a
        time, no further than its last entry in view."""
        if self.page != "discuss" or which not in self._scrolls:
            return
        _, shown, count = self._scrolls[which]
        self.scroll[which] = max(0, min(count - shown, self.scroll[which] + by))

    def update(self, dt: float) -> Transition | None:
        if not self.bench.finished:
            self.bench.step(BENCH_BUDGET)
        return None

    def export(self) -> None:
        """Save the debrief as a PNG in the data folder; the hint says where, or that it failed."""
        path = data_dir() / "debriefs" / f"gaiko-debrief-{datetime.now().strftime('%Y%m%d-%H%M%S')}.png"
        ok = self.ctx.screenshot(path)
        self.saved = self.ctx.t("saves.saved", path=str(path)) if ok else self.ctx.t("saves.failed", why=str(path))

    # ── drawing ─────────────────────────────────────────────────────────
    def state_key(self) -> tuple[object, ...]:
        """Everything the drawn layer depends on; it is drawn again only when this changes."""
        s = self.ctx.settings
        progress = tuple((player, played // 4) for player, played, _ in self.bench.playing())  # redrawn every 4 turns
        return (self.ctx.surface.get_size(), s.lang, s.scale, self.page, self.turn, tuple(self.scroll), self.saved,
                len(self.bench.done), progress, id(self.ctx.fonts.log))

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        key = self.state_key()
        if self._layer is None or key != self._layer_key or self._layer.get_size() != surf.get_size():
            self._layer = pygame.Surface(surf.get_size()).convert()
            self._layer.fill(theme.BACKGROUND)
            self._tips, self._hits, self._scrolls = [], [], {}
            self._draw_all(self._layer)
            self._layer_key = key
        surf.blit(self._layer, (0, 0))
        if not active:
            return
        mouse = self.ctx.mouse
        for rect, what, value in self._hits:
            if rect.collidepoint(mouse) and what == "page" and PAGES[value] != self.page:
                pygame.draw.rect(surf, theme.SKY, rect, width=1, border_radius=4)
        tip = next((lines for rect, lines in self._tips if rect.collidepoint(mouse)), None)
        if tip:
            px = self.ctx.sizes.px
            draw_tooltip(surf, self.ctx.fonts, tip, mouse, px(14), px(420))

    def _draw_all(self, surf: pygame.Surface) -> None:
        px = self.ctx.sizes.px
        w, h = surf.get_size()
        margin = px(24)
        footer = self._footer(surf, margin, w, h)
        top = self._header(surf, pygame.Rect(margin, px(12), w - 2 * margin, h))
        body = pygame.Rect(margin, top + px(10), w - 2 * margin, footer - top - px(20))
        if self.page == "summary":
            self._summary(surf, body)
        else:
            self._discuss(surf, body)

    def _header(self, surf: pygame.Surface, rect: pygame.Rect) -> int:
        """The headline, the page tabs, the strategy played and what the rating and the ending mean; returns its
        bottom."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        size = px(14)
        labels = [self.ctx.t("debrief.tab_summary"), self.ctx.t("debrief.tab_discuss")]
        widths = [fonts.get(size, True).size(t)[0] + px(20) for t in labels]
        tab_h = fonts.get(size, True).get_linesize() + px(8)
        x = rect.right - sum(widths) - px(6)
        with fonts.panel(pygame.Rect(x, rect.y, rect.right - x, tab_h)):
            for i, (text, tw) in enumerate(zip(labels, widths, strict=True)):
                box = pygame.Rect(x, rect.y, tw, tab_h)
                chosen = PAGES[i] == self.page
                pygame.draw.rect(surf, theme.PANEL_HI if chosen else theme.PANEL, box, border_radius=4)
                if chosen:
                    pygame.draw.rect(surf, theme.YELLOW, (box.x, box.bottom - px(3), box.w, px(3)))
                fonts.blit(surf, text, size, theme.INK if chosen else theme.MUTED, bold=True, center=box.center)
                self._hits.append((box, "page", i))
                x += tw + px(6)
        head_w = rect.w - sum(widths) - px(24)
        with fonts.panel(pygame.Rect(rect.x, rect.y, head_w, rect.h)):
            y = rect.y + self.pen.draw(surf, v.headline, rect.x, rect.y, head_w, px(24), theme.INK, bold=True)
        with fonts.panel(pygame.Rect(rect.x, y, rect.w, rect.h - y)):
            if v.strategy:
                y += self.pen.draw(surf, v.strategy, rect.x, y, rect.w, px(15), theme.YELLOW) + px(2)
            if v.weighted:
                y += self.pen.draw(surf, v.weighted, rect.x, y, rect.w, px(13), theme.INK) + px(2)
            about = self.ctx.words(self.c.scenario).sentences([v.rating_desc, v.ending_desc])
            y += self.pen.draw(surf, about, rect.x, y, rect.w, px(13), theme.MUTED)
        return max(y, rect.y + tab_h)

    def _footer(self, surf: pygame.Surface, margin: int, w: int, h: int) -> int:
        """The key hints at the bottom (or where the PNG was saved); returns their top."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        hint = " · ".join([self.ctx.t("win.rewind_hint", turn=self.turn), self.ctx.t("debrief.tab_hint"),
                           self.saved or self.ctx.t("win.debrief_hint")])
        width, size = w - 2 * margin, px(13)
        top = h - px(10) - self.pen.height(hint, width, size)
        with fonts.panel(pygame.Rect(margin, top, width, h - top)):
            self.pen.draw(surf, hint, margin, top, width, size, theme.MUTED)
        return top

    # ── the summary page ────────────────────────────────────────────────
    def _summary(self, surf: pygame.Surface, body: pygame.Rect) -> None:
        """The chart with the decisions under it, the benchmarks and what moved the meters beside it; in a window
        with room to spare, the decisions join the right column and the chart takes the whole left one."""
        px = self.ctx.sizes.px
        gap = px(16)
        left_w = round((body.w - gap) * 0.56)
        right = pygame.Rect(body.x + left_w + gap, body.y, body.w - left_w - gap, body.h)
        bench, moved = self._bench_table(), MovedTable(self.ctx, self.view)
        bench_h = bench.height(right)
        moved_h = moved.height(right.w)
        beside = bench_h + moved_h + self._impacts_height(right.w) + 2 * px(14) <= right.h
        if beside:
            self._chart(surf, pygame.Rect(body.x, body.y, left_w, body.h))
        else:
            least = px(240) if body.h >= px(480) else px(210)  # the smallest window gives the decisions their room
            chart = pygame.Rect(body.x, body.y, left_w, max(least, body.h - px(12) - self._impacts_height(left_w)))
            self._chart(surf, chart)
            self._impacts(surf, pygame.Rect(body.x, chart.bottom + px(12), left_w, body.bottom - chart.bottom - px(12)))
        used = bench.draw(surf, right)
        self._tips += bench.tips
        y = right.y + used + px(14)
        if beside:
            moved.draw(surf, pygame.Rect(right.x, y, right.w, moved_h))
            y += moved_h + px(14)
            self._impacts(surf, pygame.Rect(right.x, y, right.w, right.bottom - y))
        else:
            moved.draw(surf, pygame.Rect(right.x, y, right.w, right.bottom - y))

    def _chart(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """The chart in ``rect``, its columns to click and its tooltips kept."""
        chart = Chart(self.ctx, self.c.scenario, self.view, self.turn, self.compare, self.earlier)
        chart.draw(surf, rect)
        self._hits += chart.hits
        self._tips += chart.tips

    def _bench_table(self) -> BenchTable:
        return BenchTable(self.ctx, self.c, self.bench, self.view.score, self.earlier)

    def _rows(self) -> list[BenchRow]:
        """The benchmarks' rows as the table shows them now."""
        return self._bench_table().rows()

    def _impacts_height(self, width: int) -> int:
        """The height the three decisions take at ``width``, with the note on how they were ranked."""
        px = self.ctx.sizes.px
        head = self.pen.height(self.ctx.t("debrief.impacts"), width, px(15), True) + px(4)
        how = self.pen.height(self.ctx.t("debrief.impacts_how"), width, px(12)) + px(4)
        entries = sum(self._entry_height(imp, width) for imp in self.view.impacts) or px(20)
        return head + how + entries

    def _impacts(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """The player's three most consequential decisions: when, what, what each did to the meters, how much."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        with fonts.panel(rect):
            y = rect.y + self.pen.heading(surf, self.ctx.t("debrief.impacts"), rect.x, rect.y, rect.w)
            how = self.ctx.t("debrief.impacts_how")
            entries = sum(self._entry_height(imp, rect.w) for imp in v.impacts)
            if self.pen.height(how, rect.w, px(12)) + px(4) + entries <= rect.bottom - y:
                y += self.pen.draw(surf, how, rect.x, y, rect.w, px(12), theme.MUTED) + px(4)
            if not v.impacts:
                self.pen.draw(surf, self.ctx.t("debrief.impact_none"), rect.x, y, rect.w, px(13), theme.MUTED)
            for i, imp in enumerate(v.impacts):
                if y + self._entry_height(imp, rect.w) > rect.bottom:
                    break
                y += self._entry(surf, imp, rect.x, y, rect.w, str(i + 1))

    def _segments(self, imp: Impact) -> tuple[list[Segment], list[Segment]]:
        """An entry's two flowing lines: what was chosen, then when, what it did and how much it moved."""
        head: list[Segment] = [(imp.parts[0], theme.INK)]
        if imp.parts[1]:
            head.append((f"→ {imp.parts[1]}", light(theme.SKY, 0.3)))
        tail: list[Segment] = [(imp.when, theme.MUTED)]
        tail += [(text, light(hex_rgb(c))) for text, c in imp.effects]
        if imp.later:
            tail += [(self.ctx.t("debrief.impact_later"), theme.MUTED), *((t, light(hex_rgb(c))) for t, c in imp.later)]
        tail.append((imp.total, theme.MUTED))
        return head, tail

    def _entry_height(self, imp: Impact, width: int) -> int:
        px = self.ctx.sizes.px
        head, tail = self._segments(imp)
        inner = width - px(28)
        return self.pen.flow_height(head, inner, px(14)) + self.pen.flow_height(tail, inner, px(12)) + px(6)

    def _entry(self, surf: pygame.Surface, imp: Impact, x: int, y: int, width: int, badge: str) -> int:
        """A decision with a numbered badge: what was chosen, then when and what it did; returns the height used."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        centre = (x + px(10), y + px(10))
        pygame.draw.circle(surf, theme.PANEL_HI, centre, px(10))
        fonts.blit(surf, badge, px(11), theme.YELLOW, bold=True, center=centre)
        head, tail = self._segments(imp)
        inner = width - px(28)
        top = y
        y += self.pen.flow(surf, head, x + px(28), y, inner, px(14))
        y += self.pen.flow(surf, tail, x + px(28), y, inner, px(12))
        return y - top + px(6)

    # ── the second page: every crisis answer, and the questions ─────────
    def _discuss(self, surf: pygame.Surface, body: pygame.Rect) -> None:
        px, v = self.ctx.sizes.px, self.view
        gap = px(28)
        left = round((body.w - gap) * 0.55)
        self._list(surf, pygame.Rect(body.x, body.y, left, body.h), self.ctx.t("debrief.timeline"), 0,
                   [self._answer_item(imp) for imp in v.answers], self.ctx.t("debrief.no_crises"))
        self._list(surf, pygame.Rect(body.x + left + gap, body.y, body.w - left - gap, body.h),
                   self.ctx.t("debrief.questions"), 1, [self._question_item(q) for q in v.questions], "")

    def _answer_item(self, imp: Impact) -> tuple[Callable[[int], int], Callable[[pygame.Surface, int, int, int], int]]:
        return (lambda width: self._entry_height(imp, width),
                lambda surf, x, y, width: self._entry(surf, imp, x, y, width, str(imp.turn)))

    def _question_item(self, q: str) -> tuple[Callable[[int], int], Callable[[pygame.Surface, int, int, int], int]]:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts

        def draw(surf: pygame.Surface, x: int, y: int, width: int) -> int:
            fonts.blit(surf, "・", px(14), theme.MUTED, topleft=(x, y))
            return self.pen.draw(surf, q, x + px(16), y, width - px(16), px(14), theme.INK) + px(8)

        return (lambda width: self.pen.height(q, width - px(16), px(14)) + px(8), draw)

    def _list(self, surf: pygame.Surface, rect: pygame.Rect, heading: str, which: int,
              items: list[tuple[Callable[[int], int], Callable[[pygame.Surface, int, int, int], int]]],
              empty: str) -> None:
        """A heading and entries, each whole, from the list's scroll position; when they do not all fit, a line says
        which are shown and how to see the others."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        with fonts.panel(rect):
            y = rect.y + self.pen.heading(surf, heading, rect.x, rect.y, rect.w) + px(2)
            if not items:
                self.pen.draw(surf, empty, rect.x, y, rect.w, px(13), theme.MUTED)
                return
            first = min(self.scroll[which], len(items) - 1)
            note_h = fonts.get(px(12)).get_linesize() + px(6)
            whole = first == 0 and sum(height(rect.w) for height, _ in items) <= rect.bottom - y
            bottom = rect.bottom if whole else rect.bottom - note_h
            last = first
            for height, draw in items[first:]:
                if y + height(rect.w) > bottom:
                    break
                y += draw(surf, rect.x, y, rect.w)
                last += 1
            if not whole:
                note = self.ctx.t("debrief.scroll", first=first + 1, last=last, count=len(items))
                self.pen.draw(surf, note, rect.x, rect.bottom - note_h + px(6), rect.w, px(12), theme.YELLOW)
                self._scrolls[which] = (rect, last - first, len(items))

    def texts(self) -> list[str]:
        return [self.view.headline, self.ctx.t("debrief.largest_causes"), self.ctx.t("debrief.timeline")]

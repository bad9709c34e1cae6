"""The debrief: the meters over time on labelled axes, the player's most consequential decisions, benchmarks on the
same seed, what moved the meters, the rating's description; a second page lists every crisis answer and the
questions to discuss."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import pygame

from gaiko_game.present.debrief import BenchRow, DebriefView, Impact, bench_rows, debrief, earlier_score
from gaiko_game.present.palette import hex_rgb
from gaiko_game.session.campaign import Campaign
from gaiko_game.session.debrief import Benchmarks, series
from gaiko_game.session.saves import data_dir
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import Series, ToCampaign, ToReplay
from gaiko_game.ui.screen import Pop, Push, Replace, Screen, Transition
from gaiko_game.ui.widgets import draw_tooltip

PAGES = ("summary", "discuss")
BENCH_BUDGET = 0.008
"""Seconds a frame may spend playing the advisor's benchmark game (a turn takes about 20 ms: one turn a frame)."""


def light(c: theme.Colour, t: float = 0.35) -> theme.Colour:
    """``c`` mixed with white: a meter's colour made readable as text on the dark panels."""
    return (round(c[0] + (255 - c[0]) * t), round(c[1] + (255 - c[1]) * t), round(c[2] + (255 - c[2]) * t))


def mix(a: theme.Colour, b: theme.Colour, t: float) -> theme.Colour:
    """``a`` moved ``t`` of the way to ``b``."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def signed(n: int) -> str:
    """A change with its sign, as the game writes changes: "+3", "-24", "0"."""
    return f"{n:+d}" if n else "0"


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
        self.view: DebriefView = debrief(self.c.game, self.ctx.words(self.c.scenario))
        self.earlier = earlier_score(self.compare, self.c.scenario.meter_ids()) if self.compare else None
        self._layer = None
        self._flows: dict[tuple[object, ...], list[list[tuple[str, theme.Colour, int]]]] = {}

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
            y = rect.y + self._draw(surf, v.headline, rect.x, rect.y, head_w, px(24), theme.INK, bold=True)
        with fonts.panel(pygame.Rect(rect.x, y, rect.w, rect.h - y)):
            if v.strategy:
                y += self._draw(surf, v.strategy, rect.x, y, rect.w, px(15), theme.YELLOW) + px(2)
            about = " ".join(t for t in (v.rating_desc, v.ending_desc) if t)
            y += self._draw(surf, about, rect.x, y, rect.w, px(13), theme.MUTED)
        return max(y, rect.y + tab_h)

    def _footer(self, surf: pygame.Surface, margin: int, w: int, h: int) -> int:
        """The key hints at the bottom (or where the PNG was saved); returns their top."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        hint = " · ".join([self.ctx.t("win.rewind_hint", turn=self.turn), self.ctx.t("debrief.tab_hint"),
                           self.saved or self.ctx.t("win.debrief_hint")])
        width, size = w - 2 * margin, px(13)
        top = h - px(10) - self._height(hint, width, size)
        with fonts.panel(pygame.Rect(margin, top, width, h - top)):
            self._draw(surf, hint, margin, top, width, size, theme.MUTED)
        return top

    # ── the summary page ────────────────────────────────────────────────
    def _summary(self, surf: pygame.Surface, body: pygame.Rect) -> None:
        """The chart with the decisions under it, the benchmarks and what moved the meters beside it; in a window
        with room to spare, the decisions join the right column and the chart takes the whole left one."""
        px = self.ctx.sizes.px
        gap = px(16)
        left_w = round((body.w - gap) * 0.56)
        right = pygame.Rect(body.x + left_w + gap, body.y, body.w - left_w - gap, body.h)
        bench_h = self._bench_height(right)
        moved_h = self._moved_height(right.w)
        beside = bench_h + moved_h + self._impacts_height(right.w) + 2 * px(14) <= right.h
        if beside:
            self._chart(surf, pygame.Rect(body.x, body.y, left_w, body.h))
        else:
            least = px(240) if body.h >= px(480) else px(210)  # the smallest window gives the decisions their room
            chart = pygame.Rect(body.x, body.y, left_w, max(least, body.h - px(12) - self._impacts_height(left_w)))
            self._chart(surf, chart)
            self._impacts(surf, pygame.Rect(body.x, chart.bottom + px(12), left_w, body.bottom - chart.bottom - px(12)))
        used = self._benchmarks(surf, right)
        y = right.y + used + px(14)
        if beside:
            self._moved(surf, pygame.Rect(right.x, y, right.w, moved_h))
            y += moved_h + px(14)
            self._impacts(surf, pygame.Rect(right.x, y, right.w, right.bottom - y))
        else:
            self._moved(surf, pygame.Rect(right.x, y, right.w, right.bottom - y))

    def _draw(self, surf: pygame.Surface, text: str, x: int, y: int, width: int, size: int, colour: theme.Colour,
              bold: bool = False, max_lines: int | None = None, tip: bool = False) -> int:
        """``Fonts.draw``, with a line that fits blitted at once (wrapping measures letter by letter)."""
        font = self.ctx.fonts.get(size, bold)
        if text and "\n" not in text and font.size(text)[0] <= width:
            self.ctx.fonts.blit(surf, text, size, colour, bold, topleft=(x, y))
            return font.get_linesize()
        return self.ctx.fonts.draw(surf, text, x, y, width, size, colour, bold=bold, max_lines=max_lines, tip=tip)

    def _height(self, text: str, width: int, size: int, bold: bool = False, max_lines: int | None = None) -> int:
        """The height :meth:`_draw` uses."""
        font = self.ctx.fonts.get(size, bold)
        if text and "\n" not in text and font.size(text)[0] <= width:
            return font.get_linesize()
        return self.ctx.fonts.height(text, width, size, bold, max_lines)

    def _heading(self, surf: pygame.Surface, text: str, x: int, y: int, width: int) -> int:
        px = self.ctx.sizes.px
        return self._draw(surf, text, x, y, width, px(15), theme.INK, bold=True) + px(4)

    def _chart(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """The meters from the start on a 0–100 axis with gridlines, Diplomatic Capital on a strip of its own with
        its own scale, turn numbers below and years marked along the foot, a legend, and the chosen turn with what
        it held."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        pygame.draw.rect(surf, theme.PANEL, rect, border_radius=px(4))
        inner = rect.inflate(-2 * px(10), -2 * px(8))
        tick, n = px(11), self._span()
        tick_h = fonts.get(tick).get_linesize()
        cap = max(1, self.c.scenario.capital_cap)
        roomy = rect.h >= px(300)  # a small window: a one-line caption, a slimmer strip for Diplomatic Capital
        with fonts.panel(rect):
            y = inner.y + self._legend(surf, inner)
            caption = v.turns[self.turn - 1] if 0 < self.turn <= len(v.turns) else ""
            lines = 2 if roomy else 1
            cap_h = self._height(caption, inner.w, px(12), max_lines=lines)
            cap_y = inner.bottom - cap_h
            gutter = max(fonts.get(tick).size(t)[0] for t in ("100", str(cap), self.ctx.t("debrief.axis_turn"))) + px(6)
            turns_y = cap_y - px(4) - tick_h
            strip_h = (2 if roomy else 1) * fonts.get(tick).get_height() + px(4)
            strip = pygame.Rect(inner.x + gutter, turns_y - px(3) - strip_h, inner.w - gutter, strip_h)
            plot = pygame.Rect(strip.x, y + tick_h // 2 + px(2), strip.w, strip.y - px(8) - tick_h // 2 - y - px(2))

            def x_of(j: float) -> int:
                return plot.x + round(j * (plot.w - 1) / n)

            band = pygame.Rect(x_of(self.turn - 1), plot.y, max(1, x_of(self.turn) - x_of(self.turn - 1)),
                               strip.bottom - plot.y)
            pygame.draw.rect(surf, theme.PANEL_HI, band)
            for t in range(1, len(v.turns) + 1):  # a click or a hover on a turn's column picks it or tells what it held
                column = pygame.Rect(x_of(t - 1), plot.y, max(1, x_of(t) - x_of(t - 1)), strip.bottom - plot.y)
                self._hits.append((column, "turn", t))
                self._tips.append((column, [v.turns[t - 1], self._values_at(t)]))
            self._grid(surf, plot, tick, tick_h)
            self._curves(surf, plot, x_of)
            self._capital(surf, strip, x_of, cap, tick, tick_h)
            self._years(surf, plot, x_of, tick)
            self._parting(surf, plot, x_of, tick)
            self._turn_axis(surf, plot, turns_y, x_of, tick, inner.x)
            self._draw(surf, caption, inner.x, cap_y, inner.w, px(12), theme.INK, max_lines=lines, tip=True)
            self._tips.append((pygame.Rect(inner.x, cap_y, inner.w, cap_h), [caption]))

    def _span(self) -> int:
        """The turns the time axis spans: the scenario's, or more if a run went on longer (a game that ended early
        shows where it stopped)."""
        runs = [len(self.view.capital), *(len(s) for s in (self.compare or {}).values())]
        return max(1, self.c.scenario.turns, *runs)

    def _values_at(self, turn: int) -> str:
        v = self.view
        w = self.ctx.words(self.c.scenario)
        parts = [f"{c.name} {c.values[turn - 1]}" for c in v.curves if len(c.values) >= turn]
        if len(v.capital) >= turn:
            parts.append(f"{v.capital_name} {v.capital[turn - 1]}")
        return w.join(parts)

    def _legend(self, surf: pygame.Surface, inner: pygame.Rect) -> int:
        """The chart's legend: a sample of each line and of Diplomatic Capital's bars; in a what-if, on a line of its
        own, the earlier run's thin lines and the two runs' scores. Returns its height."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        size = px(12)
        line_h = fonts.get(size).get_linesize()
        items: list[tuple[str, theme.Colour, str]] = [(c.name, hex_rgb(c.colour), "line") for c in v.curves]
        items.append((self.ctx.t("debrief.capital_axis", name=v.capital_name, cap=self.c.scenario.capital_cap),
                      theme.YELLOW, "bar"))
        if self.compare is not None:
            items.append((self.ctx.t("debrief.earlier_run"), theme.MUTED, "thin"))
            if self.earlier is not None:
                items.append((self.ctx.t("debrief.compare", now=v.score, before=self.earlier,
                                         diff=f"{round(v.score - self.earlier, 1):+.1f}"), theme.INK, "text"))
        x, y, sample = inner.x, inner.y, px(18)
        for text, colour, kind in items:
            lead = 0 if kind == "text" else sample + px(5)
            width = lead + fonts.get(size, kind == "text").size(text)[0]
            if x > inner.x and (x + width > inner.right or kind == "thin"):
                x, y = inner.x, y + line_h
            mid = y + line_h // 2
            if kind == "bar":
                pygame.draw.rect(surf, mix(colour, theme.PANEL, 0.35), (x + px(4), mid - px(5), px(10), px(10)))
            elif kind != "text":
                pygame.draw.line(surf, colour, (x, mid), (x + sample, mid), 1 if kind == "thin" else max(2, px(3)))
            if width > inner.w:  # one item wider than the chart: wrapped under its sample
                y += self._draw(surf, text, x + lead, y, inner.w - lead, size, colour, bold=kind == "text") - line_h
            else:
                fonts.blit(surf, text, size, light(colour) if kind == "line" else colour, bold=kind == "text",
                           topleft=(x + lead, y))
            x += width + px(14)
        return y + line_h - inner.y + px(4)

    def _grid(self, surf: pygame.Surface, plot: pygame.Rect, tick: int, tick_h: int) -> None:
        """Gridlines at 0, 25, 50, 75 and 100 with their labels (0, 50 and 100 when the chart is short)."""
        values = (0, 25, 50, 75, 100) if plot.h >= 4 * (tick_h + 2) else (0, 50, 100)
        for value in values:
            y = plot.bottom - 1 - round(value * (plot.h - 1) / 100)
            pygame.draw.line(surf, theme.BORDER if value % 50 else theme.DIM, (plot.x, y), (plot.right - 1, y), 1)
            self.ctx.fonts.blit(surf, str(value), tick, theme.MUTED, midright=(plot.x - self.ctx.sizes.px(5), y))

    def _curves(self, surf: pygame.Surface, plot: pygame.Rect, x_of: Callable[[float], int]) -> None:
        """Each meter as a thick line from its start; in a what-if the earlier run as a thin one in the same colour."""
        px, v = self.ctx.sizes.px, self.view

        def y_of(value: int) -> int:
            return plot.bottom - 1 - round(max(0, min(100, value)) * (plot.h - 1) / 100)

        for curve in v.curves:
            colour = hex_rgb(curve.colour)
            old = (self.compare or {}).get(curve.id)
            if old:
                pts = [(x_of(j), y_of(value)) for j, value in enumerate([curve.start, *old])]
                pygame.draw.lines(surf, light(colour, 0.2), False, pts, max(1, px(1)))
        for curve in v.curves:
            pts = [(x_of(j), y_of(value)) for j, value in enumerate([curve.start, *curve.values])]
            if len(pts) >= 2:
                pygame.draw.lines(surf, hex_rgb(curve.colour), False, pts, max(2, px(3)))

    def _capital(self, surf: pygame.Surface, strip: pygame.Rect, x_of: Callable[[float], int], cap: int, tick: int,
                 tick_h: int) -> None:
        """Diplomatic Capital at the end of each turn, as bars on a strip of its own, scaled 0 to the cap."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        pygame.draw.rect(surf, theme.BACKGROUND, strip)
        colour = mix(theme.YELLOW, theme.PANEL, 0.35)
        for j, value in enumerate(v.capital):
            left, right = x_of(j), x_of(j + 1)
            hgt = round(max(0, min(cap, value)) * strip.h / cap)
            if hgt:
                pygame.draw.rect(surf, colour, (left + 1, strip.bottom - hgt, max(1, right - left - 2), hgt))
        fonts.blit(surf, str(cap), tick, theme.YELLOW, topright=(strip.x - px(5), strip.y))
        if strip.h >= 2 * tick_h:
            fonts.blit(surf, "0", tick, theme.YELLOW, bottomright=(strip.x - px(5), strip.bottom))

    def _turn_axis(self, surf: pygame.Surface, plot: pygame.Rect, turns_y: int, x_of: Callable[[float], int], tick: int,
                   left: int) -> None:
        """Turn numbers under the columns: as many as fit, and the chosen one always, highlighted."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        n = self._span()
        font = fonts.get(tick)
        fonts.blit(surf, self.ctx.t("debrief.axis_turn"), tick, theme.MUTED, topleft=(left, turns_y))
        column = max(1, (plot.w - 1) / max(1, n))
        widest = font.size(str(n))[0] + px(6)
        step = next(k for k in (1, 2, 3, 4, 6, 8, 12, 24, 48, 10_000) if k * column >= widest)
        chosen = pygame.Rect(0, 0, fonts.get(tick, True).size(str(self.turn))[0], 1)
        chosen.centerx = round((x_of(self.turn - 1) + x_of(self.turn)) / 2)
        chosen = chosen.inflate(px(6), 0)
        for t in range(1, n + 1):
            cx = round((x_of(t - 1) + x_of(t)) / 2)
            if t == self.turn:
                fonts.blit(surf, str(t), tick, theme.YELLOW, bold=True, midtop=(cx, turns_y))
            elif (t - 1) % step == 0:
                half = font.size(str(t))[0] // 2
                if cx + half < chosen.left or cx - half > chosen.right:
                    fonts.blit(surf, str(t), tick, theme.MUTED, midtop=(cx, turns_y))

    def _parted(self) -> int | None:
        """In a what-if, the first turn whose meters differ from the earlier run's (None when they never do)."""
        if not self.compare:
            return None
        for j in range(len(self.view.capital)):
            for curve in self.view.curves:
                old = self.compare.get(curve.id, [])
                if j < len(curve.values) and (j >= len(old) or old[j] != curve.values[j]):
                    return j + 1
        return None

    def _parting(self, surf: pygame.Surface, plot: pygame.Rect, x_of: Callable[[float], int], tick: int) -> None:
        """Where a what-if parts from the earlier run: a line at the start of that turn, labelled at the top."""
        turn = self._parted()
        if turn is None:
            return
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        x = x_of(turn - 1)
        pygame.draw.line(surf, theme.MUTED, (x, plot.y), (x, plot.bottom - 1), 1)
        text = self.ctx.t("debrief.parted", turn=turn)
        wide = fonts.get(tick).size(text)[0]
        left = x + px(4) if x + px(4) + wide <= plot.right else x - px(4) - wide
        box = pygame.Rect(left, plot.y + px(2), wide, fonts.get(tick).get_height())
        pygame.draw.rect(surf, theme.PANEL, box.inflate(px(4), 0))
        fonts.blit(surf, text, tick, theme.INK, topleft=box.topleft)

    def _years(self, surf: pygame.Surface, plot: pygame.Rect, x_of: Callable[[float], int], tick: int) -> None:
        """Where each year begins: a faint line across the plot, the year at its foot (on a patch of the panel, so
        a curve passing by does not cross it)."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        font = fonts.get(tick)
        last = plot.x - px(100)
        for turn, text in self.view.years:
            x = x_of(turn - 1)
            box = pygame.Rect(x + px(3), plot.bottom - px(3) - font.get_height(), font.size(text)[0], font.get_height())
            if box.x < last or box.right > plot.right - px(2):
                continue
            if turn > 1:
                for y in range(plot.y, plot.bottom, px(6)):
                    pygame.draw.line(surf, theme.DIM, (x, y), (x, min(plot.bottom - 1, y + px(2))), 1)
            pygame.draw.rect(surf, theme.PANEL, box.inflate(px(4), 0))
            fonts.blit(surf, text, tick, theme.MUTED, topleft=box.topleft)
            last = box.right + px(10)

    def _impacts_height(self, width: int) -> int:
        """The height the three decisions take at ``width``, with the note on how they were ranked."""
        px = self.ctx.sizes.px
        head = self._height(self.ctx.t("debrief.impacts"), width, px(15), True) + px(4)
        how = self._height(self.ctx.t("debrief.impacts_how"), width, px(12)) + px(4)
        entries = sum(self._entry_height(imp, width) for imp in self.view.impacts) or px(20)
        return head + how + entries

    def _impacts(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """The player's three most consequential decisions: when, what, what each did to the meters, how much."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        with fonts.panel(rect):
            y = rect.y + self._heading(surf, self.ctx.t("debrief.impacts"), rect.x, rect.y, rect.w)
            how = self.ctx.t("debrief.impacts_how")
            entries = sum(self._entry_height(imp, rect.w) for imp in v.impacts)
            if self._height(how, rect.w, px(12)) + px(4) + entries <= rect.bottom - y:
                y += self._draw(surf, how, rect.x, y, rect.w, px(12), theme.MUTED) + px(4)
            if not v.impacts:
                self._draw(surf, self.ctx.t("debrief.impact_none"), rect.x, y, rect.w, px(13), theme.MUTED)
            for i, imp in enumerate(v.impacts):
                if y + self._entry_height(imp, rect.w) > rect.bottom:
                    break
                y += self._entry(surf, imp, rect.x, y, rect.w, str(i + 1))

    def _segments(self, imp: Impact) -> tuple[list[tuple[str, theme.Colour]], list[tuple[str, theme.Colour]]]:
        """An entry's two flowing lines: what was chosen, then when, what it did and how much it moved."""
        head: list[tuple[str, theme.Colour]] = [(imp.parts[0], theme.INK)]
        if imp.parts[1]:
            head.append((f"→ {imp.parts[1]}", light(theme.SKY, 0.3)))
        tail: list[tuple[str, theme.Colour]] = [(imp.when, theme.MUTED)]
        tail += [(text, light(hex_rgb(c))) for text, c in imp.effects]
        if imp.later:
            tail += [(self.ctx.t("debrief.impact_later"), theme.MUTED), *((t, light(hex_rgb(c))) for t, c in imp.later)]
        tail.append((imp.total, theme.MUTED))
        return head, tail

    def _entry_height(self, imp: Impact, width: int) -> int:
        px = self.ctx.sizes.px
        head, tail = self._segments(imp)
        inner = width - px(28)
        return self._flow_height(head, inner, px(14)) + self._flow_height(tail, inner, px(12)) + px(6)

    def _entry(self, surf: pygame.Surface, imp: Impact, x: int, y: int, width: int, badge: str) -> int:
        """A decision with a numbered badge: what was chosen, then when and what it did; returns the height used."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        centre = (x + px(10), y + px(10))
        pygame.draw.circle(surf, theme.PANEL_HI, centre, px(10))
        fonts.blit(surf, badge, px(11), theme.YELLOW, bold=True, center=centre)
        head, tail = self._segments(imp)
        inner = width - px(28)
        top = y
        y += self._flow(surf, head, x + px(28), y, inner, px(14))
        y += self._flow(surf, tail, x + px(28), y, inner, px(12))
        return y - top + px(6)

    def _flow_lines(self, segments: Sequence[tuple[str, theme.Colour]], width: int,
                    size: int) -> list[list[tuple[str, theme.Colour, int]]]:
        """Segments laid left to right, each with its x offset: one that fits a line goes whole to the next line when
        it does not fit this one; a longer one is wrapped where the line ends."""
        key = (tuple(segments), width, size)
        found = self._flows.get(key)
        if found is not None:
            return found
        fonts, gap = self.ctx.fonts, self.ctx.sizes.px(12)
        font = fonts.get(size)
        lines: list[list[tuple[str, theme.Colour, int]]] = [[]]
        x = 0
        for text, colour in segments:
            rest = text
            while rest:
                whole = font.size(rest)[0]
                first = rest if whole <= width - x or whole <= width else fonts.lines(rest, size, max(1, width - x))[0]
                if x and (font.size(first)[0] > width - x or not rest.startswith(first)):
                    lines.append([])
                    x = 0
                    continue
                if not x and whole > width:
                    first = fonts.lines(rest, size, width)[0]
                    if not rest.startswith(first):  # the wrapper reshaped the line: place the segment whole
                        first = rest
                lines[-1].append((first, colour, x))
                rest = rest[len(first):].lstrip()
                x += font.size(first)[0] + gap
                if rest:
                    lines.append([])
                    x = 0
        self._flows[key] = lines
        return lines

    def _flow_height(self, segments: Sequence[tuple[str, theme.Colour]], width: int, size: int) -> int:
        return len(self._flow_lines(segments, width, size)) * self.ctx.fonts.get(size).get_linesize()

    def _flow(self, surf: pygame.Surface, segments: Sequence[tuple[str, theme.Colour]], x: int, y: int, width: int,
              size: int) -> int:
        """Draw segments in a flowing line; returns the height used."""
        step = self.ctx.fonts.get(size).get_linesize()
        lines = self._flow_lines(segments, width, size)
        for i, line in enumerate(lines):
            for text, colour, dx in line:
                self.ctx.fonts.blit(surf, text, size, colour, topleft=(x + dx, y + i * step))
        return len(lines) * step

    def _rows(self) -> list[BenchRow]:
        w = self.ctx.words(self.c.scenario)
        return list(bench_rows(w, self.bench.results(), self.view.score, self.earlier))

    def _bench_height(self, rect: pygame.Rect) -> int:
        """The height of the benchmarks' panel: a row for each player and for the player, a title above."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        step = fonts.get(px(13)).get_linesize() + px(3)
        count = len(self.bench.players) + 1 + (self.earlier is not None)
        return min(rect.h, px(24) + step * count + px(14))

    def _benchmarks(self, surf: pygame.Surface, rect: pygame.Rect) -> int:
        """The reference players' scores on this seed and difficulty, ranked, with the player's among them (and the
        advisor's game while it is still being played); returns the height used."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w = self.ctx.words(self.c.scenario)
        size = px(13)
        step = fonts.get(size).get_linesize() + px(3)
        rows = self._rows()
        playing = self.bench.playing()
        box = pygame.Rect(rect.x, rect.y, rect.w, self._bench_height(rect))
        pygame.draw.rect(surf, theme.PANEL, box, border_radius=px(4))
        inner = box.inflate(-2 * px(10), -2 * px(6))
        with fonts.panel(box):
            where = w.ui("debrief.bench_where", seed=self.c.seed, difficulty=w.name(f"difficulty.{self.c.game.difficulty.id}"))
            title = self.ctx.t("debrief.benchmarks")
            title_w = fonts.get(px(15), True).size(title)[0]
            fonts.blit(surf, title, px(15), theme.INK, bold=True, topleft=(inner.x, inner.y))
            if title_w + px(16) + fonts.get(px(11)).size(where)[0] <= inner.w:
                fonts.blit(surf, where, px(11), theme.MUTED, bottomright=(inner.right, inner.y + px(19)))
            y = inner.y + px(24)
            rank_w = fonts.get(size).size("10")[0] + px(8)
            score_w = fonts.get(size, True).size("100.0")[0]
            bar_w = max(px(40), round(inner.w * 0.28))
            name_w = inner.w - rank_w - bar_w - score_w - px(16)
            for i, row in enumerate(rows):
                if y + step > box.bottom:
                    break
                line = pygame.Rect(box.x + px(4), y - px(1), box.w - px(8), step)
                you = row.kind in ("you", "earlier")
                if row.kind == "you":
                    pygame.draw.rect(surf, theme.PANEL_HI, line, border_radius=3)
                colour = theme.YELLOW if row.kind == "you" else light(theme.ORANGE, 0.2) if you else theme.INK
                fonts.blit(surf, str(i + 1), size, theme.MUTED, topleft=(inner.x, y))
                name = fonts.fit(row.name, size, name_w, bold=you, tip=True)
                fonts.blit(surf, name, size, colour, bold=you, topleft=(inner.x + rank_w, y))
                bx = inner.x + rank_w + name_w + px(8)
                bar_h = max(px(6), step // 2)
                pygame.draw.rect(surf, theme.BACKGROUND, (bx, y + (step - bar_h) // 2 - px(1), bar_w, bar_h))
                fill = round(bar_w * max(0.0, min(100.0, row.score)) / 100)
                if fill:
                    pygame.draw.rect(surf, mix(colour, theme.PANEL, 0.25), (bx, y + (step - bar_h) // 2 - px(1), fill, bar_h))
                fonts.blit(surf, f"{row.score:.1f}", size, colour, bold=you, topright=(inner.right, y))
                self._tips.append((line, list(row.tip) or [row.name, self.ctx.t("debrief.bench_tip", score=row.score,
                                                                                   rating=row.rating)]))
                y += step
            for player, played, turns in playing:
                if y + step > box.bottom:
                    break
                name = fonts.fit(self.ctx.t("debrief.advisor") if player == "lookahead" else player, size, name_w,
                                 tip=True)
                fonts.blit(surf, "…", size, theme.MUTED, topleft=(inner.x, y))
                fonts.blit(surf, name, size, theme.MUTED, topleft=(inner.x + rank_w, y))
                state = fonts.fit(self.ctx.t("debrief.thinking", turn=played, turns=turns), px(12),
                                  bar_w + score_w + px(8), tip=True)
                fonts.blit(surf, state, px(12), theme.MUTED, topright=(inner.right, y))
                self._tips.append((pygame.Rect(box.x, y, box.w, step),
                                   [self.ctx.t("debrief.advisor"), self.ctx.t("debrief.thinking", turn=played, turns=turns)]))
                y += step
        return box.h

    def _moved_height(self, width: int) -> int:
        """The height what moved the meters takes with every line it can show."""
        px, v = self.ctx.sizes.px, self.view
        out = self._height(self.ctx.t("debrief.largest_causes"), width, px(15), True) + px(4) + self._splits_height(width)
        out += px(6) + (self._height(v.steady, width, px(12)) + px(4) if v.steady else 0)
        for head, lines in ((self.ctx.t("debrief.world_heading"), v.largest), (self.ctx.t("debrief.yours_heading"), v.yours)):
            if lines:
                out += self._height(head, width, px(12), True) + px(4)
                out += sum(self._height(line, width - px(8), px(13)) for line, _ in lines)
        return out

    def _moved(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """What moved each meter: the player's decisions, the world and its steady pressure, then the largest causes
        of each (as many as the room allows, the table and the steady pressure first)."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        if rect.h <= px(40):
            return
        with fonts.panel(rect):
            y = rect.y + self._heading(surf, self.ctx.t("debrief.largest_causes"), rect.x, rect.y, rect.w)
            y += self._splits(surf, pygame.Rect(rect.x, y, rect.w, rect.bottom - y)) + px(6)
            blocks = [("steady", [(v.steady, theme.MUTED)] if v.steady else []),
                      ("world", [(line, theme.tone_colour(tone)) for line, tone in v.largest]),
                      ("yours", [(line, theme.tone_colour(tone)) for line, tone in v.yours])]
            heads = {"world": self.ctx.t("debrief.world_heading"), "yours": self.ctx.t("debrief.yours_heading")}
            room, shown = rect.bottom - y, {}
            for name, lines in blocks:
                kept: list[tuple[str, theme.Colour]] = []
                need = self._height(heads[name], rect.w, px(12), True) if name in heads else 0
                for text, colour in lines:
                    more = self._height(text, rect.w - px(8), px(13) if name != "steady" else px(12))
                    if need + more > room:
                        break
                    need += more
                    kept.append((text, colour))
                if kept:
                    shown[name] = kept
                    room -= need + px(4)
            for name in ("world", "yours", "steady"):
                if name not in shown:
                    continue
                if name in heads:
                    y += self._draw(surf, heads[name], rect.x, y, rect.w, px(12), theme.MUTED, bold=True)
                for text, colour in shown[name]:
                    size = px(12) if name == "steady" else px(13)
                    y += self._draw(surf, text, rect.x + (px(8) if name != "steady" else 0), y,
                                    rect.w - (px(8) if name != "steady" else 0), size, colour)
                y += px(4)

    def _splits_height(self, width: int) -> int:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        return self._split_head_h(width) + px(2) + fonts.get(px(13)).get_linesize() * len(self.view.splits)

    def _split_columns(self, width: int) -> tuple[int, int, int]:
        """The table's columns: the meter's name, start → end, then each group's (three of them)."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        font = fonts.get(px(13))
        name_w = max((font.size(s.name)[0] for s in self.view.splits), default=0) + px(10)
        span_w = font.size("100 → 100")[0] + px(10)
        return name_w, span_w, max(1, (width - name_w - span_w) // 3)

    def _split_head_h(self, width: int) -> int:
        px = self.ctx.sizes.px
        col = self._split_columns(width)[2]
        heads = [self.ctx.t("debrief.split_yours"), self.ctx.t("debrief.split_world"), self.ctx.t("debrief.split_steady")]
        return max(self._height(t, col - px(6), px(11)) for t in heads)

    def _splits(self, surf: pygame.Surface, rect: pygame.Rect) -> int:
        """Each meter from start to end, with the net change of each group of causes; returns the height used."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        size, small = px(13), px(11)
        name_w, span_w, col = self._split_columns(rect.w)
        heads = [self.ctx.t("debrief.split_yours"), self.ctx.t("debrief.split_world"), self.ctx.t("debrief.split_steady")]
        head_h = self._split_head_h(rect.w)
        step = fonts.get(size).get_linesize()
        if head_h + step * len(v.splits) > rect.h:
            return 0
        x0 = rect.x + name_w + span_w
        for i, text in enumerate(heads):
            self._draw(surf, text, x0 + i * col, rect.y, col - px(6), small, theme.MUTED)
        y = rect.y + head_h + px(2)
        for s in v.splits:
            fonts.blit(surf, s.name, size, light(hex_rgb(s.colour)), topleft=(rect.x, y))
            fonts.blit(surf, f"{s.start} → {s.end}", size, theme.INK, topleft=(rect.x + name_w, y))
            for i, value in enumerate((s.yours, s.world, s.steady)):
                colour = theme.MUTED if value == 0 else theme.GOOD if value > 0 else theme.BAD
                fonts.blit(surf, signed(value), size, colour, bold=i == 0, topleft=(x0 + i * col, y))
            y += step
        return y - rect.y

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
            return self._draw(surf, q, x + px(16), y, width - px(16), px(14), theme.INK) + px(8)

        return (lambda width: self._height(q, width - px(16), px(14)) + px(8), draw)

    def _list(self, surf: pygame.Surface, rect: pygame.Rect, heading: str, which: int,
              items: list[tuple[Callable[[int], int], Callable[[pygame.Surface, int, int, int], int]]],
              empty: str) -> None:
        """A heading and entries, each whole, from the list's scroll position; when they do not all fit, a line says
        which are shown and how to see the others."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        with fonts.panel(rect):
            y = rect.y + self._heading(surf, heading, rect.x, rect.y, rect.w) + px(2)
            if not items:
                self._draw(surf, empty, rect.x, y, rect.w, px(13), theme.MUTED)
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
                self._draw(surf, note, rect.x, rect.bottom - note_h + px(6), rect.w, px(12), theme.YELLOW)
                self._scrolls[which] = (rect, last - first, len(items))

    def texts(self) -> list[str]:
        return [self.view.headline, self.ctx.t("debrief.largest_causes"), self.ctx.t("debrief.timeline")]

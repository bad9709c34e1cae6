"""The debrief's chart: the meters over the game on a 0–100 axis with gridlines, Diplomatic Capital on a strip of its
own, turn numbers and years along the foot, a legend, the chosen turn with what it held, and in a what-if the earlier
run's lines and where the two runs part."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from gaiko_game.core import Scenario
from gaiko_game.present.debrief import DebriefView
from gaiko_game.present.palette import hex_rgb, light, mix
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import Series
from gaiko_game.ui.screens.debrief_text import Pen


class Chart:
    """The chart of ``view`` with ``turn`` chosen (``compare``: an earlier run's curves, ``earlier`` its score). Drawing
    it collects ``hits`` (a turn's column, to click) and ``tips`` (what a column or the caption holds)."""

    def __init__(self, ctx: Context, scenario: Scenario, view: DebriefView, turn: int, compare: Series | None = None,
                 earlier: float | None = None) -> None:
        self.ctx, self.scenario, self.view, self.turn = ctx, scenario, view, turn
        self.compare, self.earlier = compare, earlier
        self.pen = Pen(ctx)
        self.hits: list[tuple[pygame.Rect, str, int]] = []
        self.tips: list[tuple[pygame.Rect, list[str]]] = []

    def draw(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """The meters from the start on a 0–100 axis with gridlines, Diplomatic Capital on a strip of its own with
        its own scale, turn numbers below and years marked along the foot, a legend, and the chosen turn with what
        it held."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        pygame.draw.rect(surf, theme.PANEL, rect, border_radius=px(4))
        inner = rect.inflate(-2 * px(10), -2 * px(8))
        tick, n = px(11), self._span()
        tick_h = fonts.get(tick).get_linesize()
        cap = max(1, self.scenario.capital_cap)
        roomy = rect.h >= px(300)  # a small window: a one-line caption, a slimmer strip for Diplomatic Capital
        with fonts.panel(rect):
            y = inner.y + self._legend(surf, inner)
            caption = v.turns[self.turn - 1] if 0 < self.turn <= len(v.turns) else ""
            lines = 2 if roomy else 1
            cap_h = self.pen.height(caption, inner.w, px(12), max_lines=lines)
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
                self.hits.append((column, "turn", t))
                self.tips.append((column, [v.turns[t - 1], self._values_at(t)]))
            self._grid(surf, plot, tick, tick_h)
            self._curves(surf, plot, x_of)
            self._capital(surf, strip, x_of, cap, tick, tick_h)
            self._years(surf, plot, x_of, tick)
            self._parting(surf, plot, x_of, tick)
            self._turn_axis(surf, plot, turns_y, x_of, tick, inner.x)
            self.pen.draw(surf, caption, inner.x, cap_y, inner.w, px(12), theme.INK, max_lines=lines, tip=True)
            self.tips.append((pygame.Rect(inner.x, cap_y, inner.w, cap_h), [caption]))

    def _span(self) -> int:
        """The turns the time axis spans: the scenario's, or more if a run went on longer (a game that ended early
        shows where it stopped)."""
        runs = [len(self.view.capital), *(len(s) for s in (self.compare or {}).values())]
        return max(1, self.scenario.turns, *runs)

    def _values_at(self, turn: int) -> str:
        v = self.view
        w = self.ctx.words(self.scenario)
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
        items.append((self.ctx.t("debrief.capital_axis", name=v.capital_name, cap=self.scenario.capital_cap),
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
                y += self.pen.draw(surf, text, x + lead, y, inner.w - lead, size, colour, bold=kind == "text") - line_h
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

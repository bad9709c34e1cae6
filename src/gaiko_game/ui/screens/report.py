"""The turn's report as a summary a player takes in at a glance, and every cause on demand.

The summary: each meter's (capital's, each moved track's) net change as a diverging bar, with its sign and number and
its biggest causes named beside it; what fired this turn and the rolls as cards; the other countries' moves as
cards (who, what, the effect, why). D, Tab or the Details button swaps in the full cause-by-cause list, scrolled
by the wheel, the arrows and Page Up/Down when it does not fit. Every text is wrapped, never cut: the summary picks
the largest text size and the fewest columns that hold all of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from gaiko_game.core import TurnReport
from gaiko_game.present.palette import GREY, ROLE_COLOURS, hex_rgb
from gaiko_game.present.report import TOP, EventCard, MeterBar, MoveView, ReportView, causes_line, turn_report
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import icons, theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Pop, Screen, Transition
from gaiko_game.ui.widgets import Button

_ICON = {"crisis": ("crisis", theme.VERMILION), "opportunity": ("opportunity", theme.SKY),
         "event": ("moved", theme.YELLOW), "programme": ("programme", theme.SKY), "ended": ("locked", GREY)}
"""A card's icon and accent by kind (a roll's colour is its result's)."""
_CONTINUE = (pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_KP_ENTER)
_TOGGLE = (pygame.K_d, pygame.K_TAB)


@dataclass(frozen=True)
class Text:
    """A text as laid out: wrapped to ``width`` from (x, y), or one line ending at x when ``right``."""

    text: str
    x: int
    y: int
    width: int
    size: int
    colour: theme.Colour
    bold: bool = False
    right: bool = False


@dataclass
class Box:
    """A panel: its rect and look, the texts that belong inside it and the shapes drawn under them."""

    rect: pygame.Rect
    texts: list[Text] = field(default_factory=list)
    marks: list[Callable[[pygame.Surface], None]] = field(default_factory=list)
    fill: theme.Colour | None = theme.PANEL
    accent: theme.Colour | None = None
    bars: dict[str, tuple[pygame.Rect, pygame.Rect]] = field(default_factory=dict)
    """The summary's bars by number: (trough, the part the change fills)."""


@dataclass(frozen=True)
class Row:
    """A row of the details: a name at the left, what it did at the right (a heading spans both)."""

    left: str
    right: tuple[tuple[str, theme.Colour], ...] = ()
    heading: bool = False


class ReportScreen(Screen):
    """Enter, Space, Esc or a click continues; D, Tab or the Details button shows every cause."""

    name = "report"

    def __init__(self, ctx: Context, campaign: Campaign, report: TurnReport) -> None:
        super().__init__(ctx)
        self.c, self.report = campaign, report
        self.details = False
        self.top = 0
        """The first row of the details shown."""
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    # ── input ────────────────────────────────────────────────────────────
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in _CONTINUE:
                return Pop()
            if event.key in _TOGGLE:
                self.toggle()
            elif self.details:
                page = max(1, len(self.shown()) - 1)
                steps = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page,
                         pygame.K_HOME: -len(self.rows), pygame.K_END: len(self.rows)}
                self.scroll(steps.get(event.key, 0))
        elif event.type == pygame.MOUSEWHEEL and self.details:
            self.scroll(-event.y)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.button.hit(event.pos):
                self.toggle()
            else:
                return Pop()
        return None

    def toggle(self) -> None:
        """Between the summary and the details (which open at their top)."""
        self.details, self.top = not self.details, 0
        self.button.label = self.ctx.t("report.summary" if self.details else "report.details")

    def scroll(self, rows: int) -> None:
        """Move the details by ``rows`` rows, no further than their first row and the page that ends with the last."""
        self.top = max(0, min(self.last_top, self.top + rows))

    # ── layout ───────────────────────────────────────────────────────────
    def resized(self) -> None:
        self.view: ReportView = turn_report(self.report, self.ctx.words(self.c.scenario))
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, h = self.ctx.surface.get_size()
        self.base = self._base(w, h)
        self.margin = px(32)
        self.title_size, self.button_size, self.hint_size = round(self.base * 1.8), self.base, round(self.base * 0.9)
        self.title_y = px(16)
        label = self.ctx.t("report.summary" if self.details else "report.details")
        widest = max(fonts.get(self.button_size, True).size(self.ctx.t(k))[0] for k in ("report.summary", "report.details"))
        title_h = fonts.get(self.title_size, True).get_linesize()
        rect = pygame.Rect(0, 0, widest + 2 * px(16), fonts.get(self.button_size).get_linesize() + px(12))
        rect.midright = (w - self.margin, self.title_y + title_h // 2)
        self.button = Button(rect, label, lambda: None)
        self.body_top = max(rect.bottom, self.title_y + title_h) + px(12)
        self.title_room = rect.x - px(16) - self.margin
        self.date = self._date(self.title_room)
        self.body_bottom = h - fonts.get(self.hint_size).get_linesize() - px(20)
        self.boxes, self.fits = self._summary()
        self.viewport = pygame.Rect(self.margin, self.body_top, w - 2 * self.margin, self.body_bottom - self.body_top)
        self.rows = self._details()
        self.heights = [self._row_height(row) for row in self.rows]
        self.last_top = self._last_top()
        self.top = min(self.top, self.last_top)

    def _date(self, room: int) -> str:
        """When the turn was, beside the title ("2026 Q2 · turn 6 of 24"), or "" where it would not fit."""
        year, quarter = self.c.scenario.date(self.report.turn)
        date = self.ctx.t("hud.date", year=year, quarter=quarter, turn=self.report.turn, turns=self.c.scenario.turns)
        fonts = self.ctx.fonts
        used = fonts.get(self.title_size, True).size(self.view.title)[0] + self.ctx.sizes.px(20)
        return date if used + fonts.get(self.base).size(date)[0] <= room else ""

    def _base(self, w: int, h: int) -> int:
        """The largest text size to try: 15 pixels at scale 1, up to 1.45 times that in a window larger than the scale
        needs (a 1920×1080 window at 1×)."""
        px = self.ctx.sizes.px
        return round(px(15) * min(1.45, max(1.0, min(h / px(720), w / px(1280)))))

    def _summary(self) -> tuple[list[Box], bool]:
        """The summary at the largest size that shows all of it, in the fewest columns; the smallest size if none
        does (``fits`` is then False and the cards that do not fit are left to the details)."""
        px = self.ctx.sizes.px
        sizes = list(range(self.base, px(11) - 1, -1)) or [px(11)]
        for top in (TOP, TOP - 1):  # in a tight spot, a row names one cause less (the details name them all)
            for size in sizes:
                meters = self._meters(size, top)
                cards = self._cards(size, meters.rect.bottom + px(18), last=size == sizes[-1] and top < TOP)
                if cards is not None:
                    return [meters, *cards[0]], cards[1]
        raise AssertionError("the smallest size always lays out")  # pragma: no cover

    def _meters(self, b: int, top: int) -> Box:
        """The rows of meters, capital and moved tracks: name, before → after, the bar, its number, its ``top``
        biggest causes."""
        px, fonts, bars = self.ctx.sizes.px, self.ctx.fonts, self.view.bars
        words = self.ctx.words(self.c.scenario)
        small, big, gap, pad, spacing = round(b * 0.93), round(b * 1.2), px(16), px(16), round(b * 0.7)
        x, width = self.margin, self.ctx.surface.get_width() - 2 * self.margin
        inner = width - 2 * pad
        swatch = fonts.get(b, True).get_height() // 2
        name_w = swatch + px(8) + max(fonts.get(b, True).size(m.name)[0] for m in bars)
        value_w = max(fonts.get(b).size(m.values)[0] for m in bars)
        change_w = max(fonts.get(big, True).size(m.change)[0] for m in bars)
        bar_w = max(px(100), min(px(420), round(inner * 0.24)))
        causes_w = inner - name_w - value_w - bar_w - change_w - 4 * gap
        if causes_w < px(200):
            bar_w = max(px(80), bar_w - (px(200) - causes_w))
            causes_w = inner - name_w - value_w - bar_w - change_w - 4 * gap
        cols = [x + pad, x + pad + name_w + gap]
        cols += [cols[1] + value_w + gap, cols[1] + value_w + gap + bar_w + gap]
        cols.append(cols[3] + change_w + gap)
        box = Box(pygame.Rect(x, self.body_top, width, 0))
        y = self.body_top + pad
        head = round(b * 0.8)
        box.texts += [Text(self.ctx.t("report.col_change"), cols[2], y, bar_w + gap + change_w, head, theme.MUTED),
                      Text(self.ctx.t("report.col_causes"), cols[4], y, causes_w, head, theme.MUTED)]
        y += fonts.get(head).get_linesize() + px(4)
        scale = max(5, *(abs(m.delta) for m in bars))
        line = fonts.get(b).get_linesize()
        for i, m in enumerate(bars):
            causes = m.causes if top == TOP else causes_line(words, m.pushes, top)
            if i:
                box.marks.append(_line(theme.PANEL_HI, (x + pad, y - spacing // 2), (x + width - pad, y - spacing // 2)))
            colour = self._colour(m)
            box.texts += [Text(m.name, cols[0] + swatch + px(8), y, name_w, b, theme.INK, bold=True),
                          Text(m.values, cols[1] + value_w, y, value_w, b, theme.MUTED, right=True),
                          Text(m.change, cols[3] + change_w, y + (line - fonts.get(big).get_linesize()) // 2, change_w,
                               big, theme.tone_colour(m.tone) if m.delta else theme.MUTED, bold=True, right=True),
                          Text(causes, cols[4], y + (line - fonts.get(small).get_linesize()) // 2, causes_w, small,
                               theme.INK if m.pushes else theme.MUTED)]
            mid = y + fonts.get(b).get_ascent() - round(b * 0.36)  # the middle of the name's capitals
            box.marks.append(_swatch(pygame.Rect(cols[0], mid - swatch // 2, swatch, swatch), colour, m.kind))
            trough = pygame.Rect(cols[2], mid - round(line * 0.32), bar_w, round(line * 0.64))
            box.bars[m.key] = trough, _fill(trough, m.delta, scale)
            box.marks.append(_bar(trough, box.bars[m.key][1], scale, theme.tone_colour(m.tone), px(1)))
            used = max(line, fonts.height(causes, causes_w, small) + (line - fonts.get(small).get_linesize()) // 2)
            y += used + spacing
        box.rect.h = y - spacing + pad - self.body_top
        return box

    def _colour(self, m: MeterBar) -> theme.Colour:
        """A row's swatch: the meter's own colour, capital's yellow, a track's grey."""
        meter = next((d for d in self.c.scenario.meters if f"meter.{d.id}" == m.key), None)
        return hex_rgb(meter.colour) if meter is not None else theme.YELLOW if m.kind == "capital" else GREY

    def _cards(self, b: int, top: int, last: bool) -> tuple[list[Box], bool] | None:
        """The cards in sections side by side (this turn's events, the other countries' moves), each section flowed
        over as many columns as it needs; None when they do not fit at this size. At the ``last`` size, what fits
        and a line naming the rest (which the details show)."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        x, width, gap = self.margin, self.ctx.surface.get_width() - 2 * self.margin, px(16)
        happened: list[EventCard | MoveView] = [*v.cards]
        moved: list[EventCard | MoveView] = [*v.moves]
        sections = [(title, items) for title, items in ((self.ctx.t("report.happened"), happened),
                                                        (v.moves_title, moved)) if items]
        if not sections:
            quiet = Box(pygame.Rect(x, top, width, self.body_bottom - top), fill=None)
            quiet.texts.append(Text(self.ctx.t("report.quiet"), x, top, width, b, theme.MUTED))
            return [quiet], fonts.height(quiet.texts[0].text, width, b) <= quiet.rect.h
        room = self.body_bottom - top - fonts.get(b, True).get_linesize() - px(8)
        widest = max(2, min(5, (width + gap) // (px(220) + gap)))
        for k in range(2, widest + 1):
            col_w = (width - (k - 1) * gap) // k
            heights = [[self._card(item, b, 0, 0, col_w).rect.h for item in items] for _, items in sections]
            for split in _splits(k, len(sections)):
                fitted = [_flow(hs, n, room, px(10)) for hs, n in zip(heights, split, strict=True)]
                flows = [f for f in fitted if f is not None]
                if len(flows) == len(sections):
                    return self._place(sections, split, flows, b, top, col_w, gap), True
        return self._partly(sections, heights, b, top, col_w, room) if last else None

    def _partly(self, sections: list[tuple[str, list[EventCard | MoveView]]], heights: list[list[int]], b: int,
                top: int, col_w: int, room: int) -> tuple[list[Box], bool]:
        """The cards that fit in the most columns, in reading order, and a line naming the rest."""
        px, fonts, words = self.ctx.sizes.px, self.ctx.fonts, self.ctx.words(self.c.scenario)
        x, width = self.margin, self.ctx.surface.get_width() - 2 * self.margin
        every = words.join([_name(item) for _, items in sections for item in items])
        below = fonts.height(self.ctx.t("report.left_out", names=every), width, b)
        room -= below + px(8)  # for the line naming what is left out (at most all of it)
        k = (width + px(16)) // (col_w + px(16))
        best = max(_splits(k, len(sections)), key=lambda split: sum(
            c < n for hs, n in zip(heights, split, strict=True) for c in _greedy(hs, n, room, px(10))))
        flows = [_greedy(hs, n, room, px(10)) for hs, n in zip(heights, best, strict=True)]
        boxes = self._place(sections, best, flows, b, top, col_w, px(16))
        left_out = [_name(item) for (_, items), flow, n in zip(sections, flows, best, strict=True)
                    for item, c in zip(items, flow, strict=True) if c >= n]
        more = Box(pygame.Rect(x, self.body_bottom - below - px(4), width, below), fill=None)
        more.texts.append(Text(self.ctx.t("report.left_out", names=words.join(left_out)), x, more.rect.y, width, b,
                               theme.YELLOW))
        return [*boxes, more], False

    def _place(self, sections: list[tuple[str, list[EventCard | MoveView]]], split: tuple[int, ...],
               flows: list[list[int]], b: int, top: int, col_w: int, gap: int) -> list[Box]:
        """The cards at their places: each section's heading, then its columns side by side (a card whose column
        is past the section's last is left out)."""
        px, out, column = self.ctx.sizes.px, [], 0
        head = self.ctx.fonts.get(b, True).get_linesize() + px(8)
        for (title, items), n, flow in zip(sections, split, flows, strict=True):
            left = self.margin + column * (col_w + gap)
            heading = Box(pygame.Rect(left, top, n * col_w + (n - 1) * gap, head), fill=None)
            heading.texts.append(Text(title, left, top, heading.rect.w, b, theme.ORANGE, bold=True))
            heading.marks.append(_line(theme.ORANGE, (left, top + head - px(4)), (heading.rect.right, top + head - px(4))))
            out.append(heading)
            ys = [top + head] * n
            for item, col in zip(items, flow, strict=True):
                if col < n:
                    card = self._card(item, b, left + col * (col_w + gap), ys[col], col_w)
                    out.append(card)
                    ys[col] = card.rect.bottom + px(10)
            column += n
        return out

    def _card(self, item: EventCard | MoveView, b: int, x: int, y: int, width: int) -> Box:
        """One card: an icon (a token for a country) and a title, then what it did and, quieter, why."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        small = round(b * 0.93)
        pad, strip = px(12), px(4)
        inner_x = x + strip + pad
        inner_w = width - strip - 2 * pad
        icon = fonts.get(b, True).get_height()
        box = Box(pygame.Rect(x, y, width, 0))
        if isinstance(item, MoveView):
            actor = self.c.scenario.actor(item.actor)
            accent = ROLE_COLOURS.get(actor.role if actor is not None else "neutral", GREY)
            title, lines, note = item.actor_name, [item.line], item.why
            box.marks.append(_token(((inner_x + icon // 2), y + pad + fonts.get(b, True).get_linesize() // 2),
                                    icon // 2, accent))
        else:
            name, accent = _ICON.get(item.kind, ("generic", theme.tone_colour(item.tone)))
            title, lines, note = item.title, list(item.lines), item.note
            line_h = fonts.get(b, True).get_linesize()
            box.marks.append(_icon(name, pygame.Rect(inner_x, y + pad + (line_h - icon) // 2, icon, icon), accent))
        box.accent = accent
        text_x, text_w = inner_x + icon + px(8), inner_w - icon - px(8)
        ty = y + pad
        box.texts.append(Text(title, text_x, ty, text_w, b, theme.INK, bold=True))
        ty += fonts.height(title, text_w, b, True) + px(2)
        for line in lines:
            box.texts.append(Text(line, text_x, ty, text_w, small, theme.INK))
            ty += fonts.height(line, text_w, small) + px(2)
        if note:
            box.texts.append(Text(note, text_x, ty, text_w, small, theme.MUTED))
            ty += fonts.height(note, text_w, small)
        box.rect.h = ty - y + pad
        return box

    def _details(self) -> list[Row]:
        """Every card, every cause's effects and every move, as rows of a table that scrolls."""
        v, join = self.view, self.ctx.words(self.c.scenario).join
        rows = [Row(self.ctx.t("report.happened"), heading=True)] if v.cards else []
        rows += [Row(c.title, (*((line, theme.INK) for line in c.lines), *(((c.note, theme.MUTED),) if c.note else ())))
                 for c in v.cards]
        rows += [Row(self.ctx.t("report.causes"), heading=True)]
        rows += [Row(g.name, ((join(list(g.amounts)), theme.INK),)) for g in v.groups]
        if v.moves:
            rows += [Row(v.moves_title, heading=True)]
            rows += [Row(m.actor_name, ((m.line, theme.INK), (m.why, theme.MUTED))) for m in v.moves]
        return rows

    def _columns(self) -> tuple[int, int, int, int]:
        """The details' left column (x, width) and right column (x, width), inside the viewport's padding and
        clear of the scroll bar."""
        px = self.ctx.sizes.px
        inner = self.viewport.inflate(-2 * px(20), -2 * px(12))
        left_w = min(self.base * 28, round(inner.w * 0.36))  # some thirty letters: a cause's name on a line or two
        right_x = inner.x + left_w + px(24)
        return inner.x, left_w, right_x, inner.right - px(16) - right_x

    def _row_height(self, row: Row) -> int:
        px, fonts, size = self.ctx.sizes.px, self.ctx.fonts, self.base
        lx, lw, rx, rw = self._columns()
        if row.heading:
            return fonts.height(row.left, rw + rx - lx, size, True) + px(14)
        right = sum(fonts.height(text, rw, size) for text, _ in row.right)
        return max(fonts.height(row.left, lw, size, True), right) + px(12)

    def _room(self) -> int:
        """The height of the details' page."""
        return self.viewport.h - 2 * self.ctx.sizes.px(12)

    def _last_top(self) -> int:
        """The first row of the last page: from there on, every row fits."""
        used, top = 0, len(self.rows)
        while top > 0 and used + self.heights[top - 1] <= self._room():
            top -= 1
            used += self.heights[top]
        return top

    def shown(self) -> list[Row]:
        """The rows of the details on screen now (whole rows only; a heading goes to the page its rows are on)."""
        out, used = [], 0
        for row, height in zip(self.rows[self.top:], self.heights[self.top:], strict=True):
            used += height
            if used > self._room():
                break
            out.append(row)
        if len(out) > 1 and out[-1].heading and self.top + len(out) < len(self.rows):
            out.pop()
        return out

    def bar(self, key: str) -> tuple[pygame.Rect, pygame.Rect]:
        """A number's bar in the summary: its trough, and the part its change fills (empty when it did not move)."""
        return self.boxes[0].bars[key]

    def shows_everything(self) -> bool:
        """Whether the summary shows every meter, move and event of this turn without cutting anything."""
        return self.fits

    # ── drawing ──────────────────────────────────────────────────────────
    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, h = surf.get_size()
        with fonts.panel(pygame.Rect(self.margin, self.title_y, self.title_room, self.body_top - self.title_y)):
            fonts.draw(surf, self.view.title, self.margin, self.title_y, self.title_room, self.title_size, theme.INK,
                       bold=True)
            if self.date:  # on the title's baseline
                title, small = fonts.get(self.title_size, True), fonts.get(self.base)
                x = self.margin + title.size(self.view.title)[0] + px(20)
                fonts.blit(surf, self.date, self.base, theme.MUTED,
                           topleft=(x, self.title_y + title.get_ascent() - small.get_ascent()))
        self._draw_button(surf)
        if self.details:
            self._draw_details(surf)
        else:
            for box in self.boxes:
                _draw_box(surf, box, self.ctx)
        hint = self.hint()
        with fonts.panel(pygame.Rect(0, self.body_bottom, w, h - self.body_bottom)):
            fonts.blit(surf, hint, self.hint_size, theme.MUTED, bottomright=(w - self.margin, h - px(12)))

    def _draw_button(self, surf: pygame.Surface) -> None:
        """The Details / Summary button: its label centred, its edge lit while it is hovered or the details show."""
        px, fonts, b = self.ctx.sizes.px, self.ctx.fonts, self.button
        hover = b.hit(self.ctx.mouse)
        pygame.draw.rect(surf, theme.PANEL_HI if hover else theme.PANEL, b.rect, border_radius=px(6))
        pygame.draw.rect(surf, theme.SKY if hover or self.details else theme.MUTED, b.rect, width=max(1, px(1)),
                         border_radius=px(6))
        with fonts.panel(b.rect):
            fonts.blit(surf, b.label, self.button_size, theme.INK, bold=True, center=b.rect.center)

    def _draw_details(self, surf: pygame.Surface) -> None:
        """The page of rows from ``top``: names at the left, what they did at the right; a scroll bar when the rows
        do not all fit."""
        px, fonts, size = self.ctx.sizes.px, self.ctx.fonts, self.base
        pygame.draw.rect(surf, theme.PANEL, self.viewport, border_radius=px(8))
        lx, lw, rx, rw = self._columns()
        y = self.viewport.y + px(12)
        with fonts.panel(self.viewport):
            for i, row in enumerate(self.shown()):
                if row.heading:
                    fonts.draw(surf, row.left, lx, y + px(4), rx + rw - lx, size, theme.ORANGE, bold=True)
                else:
                    if i and not self.rows[self.top + i - 1].heading:
                        pygame.draw.line(surf, theme.PANEL_HI, (lx, y - px(6)), (rx + rw, y - px(6)))
                    fonts.draw(surf, row.left, lx, y, lw, size, theme.INK, bold=True)
                    ry = y
                    for text, colour in row.right:
                        ry += fonts.draw(surf, text, rx, ry, rw, size, colour)
                y += self.heights[self.top + i]
        if self.last_top:  # a scroll bar: where the page lies in the whole list
            track = pygame.Rect(self.viewport.right - px(18), self.viewport.y + px(12), px(6), self._room())
            pygame.draw.rect(surf, theme.PANEL_HI, track, border_radius=px(3))
            total, before = sum(self.heights), sum(self.heights[:self.top])
            seen = sum(self.heights[self.top:self.top + len(self.shown())])
            thumb = pygame.Rect(track.x, track.y + track.h * before // total, track.w, max(px(12), track.h * seen // total))
            pygame.draw.rect(surf, theme.MUTED, thumb, border_radius=px(3))

    def hint(self) -> str:
        """The keys, in the player's language: the details' (or the summary's), then how to go on."""
        own, going_on = self.ctx.t("report.details_hint" if self.details else "report.hint"), self.ctx.t("win.continue_hint")
        return f"{own} · {going_on}"

    def texts(self) -> list[str]:
        """Every text on screen now, in reading order."""
        head = [self.view.title, *([self.date] if self.date else []), self.button.label]
        hint = self.hint()
        if self.details:
            return [*head, *(t for r in self.shown() for t in (r.left, *(text for text, _ in r.right))), hint]
        return [*head, *(t.text for box in self.boxes for t in box.texts), hint]


def _splits(columns: int, sections: int) -> list[tuple[int, ...]]:
    """Ways to share ``columns`` between ``sections`` (each gets one at least), the most even first."""
    if sections == 1:
        return [(columns,)]
    out = [(a, columns - a) for a in range(1, columns)]
    return sorted(out, key=lambda s: abs(s[0] - s[1]))


def _name(item: EventCard | MoveView) -> str:
    """What a card is called where there is no room for it."""
    return item.title if isinstance(item, EventCard) else item.actor_name


def _greedy(heights: list[int], columns: int, limit: int, gap: int) -> list[int]:
    """Each card's column, in reading order, filling a column up to ``limit`` before starting the next; once a
    card does not fit, it and every card after it get ``columns`` (left out)."""
    col, used, placed = 0, 0, []
    for h in heights:
        if used and used + gap + h > limit:
            col, used = col + 1, 0
        if col >= columns or h > limit:
            col = columns
        used += (gap if used else 0) + h
        placed.append(col)
    return placed


def _flow(heights: list[int], columns: int, room: int, gap: int) -> list[int] | None:
    """Each card's column, in reading order, with the tallest column as short as it can be; None when the cards do
    not fit ``columns`` columns ``room`` high."""
    limits = sorted({sum(heights[i:j]) + gap * (j - i - 1) for i in range(len(heights))
                     for j in range(i + 1, len(heights) + 1)})
    for limit in limits:
        if limit > room:
            break
        placed = _greedy(heights, columns, limit, gap)
        if max(placed) < columns:
            return placed
    return None


def _draw_box(surf: pygame.Surface, box: Box, ctx: Context) -> None:
    px, fonts = ctx.sizes.px, ctx.fonts
    if box.fill is not None:
        pygame.draw.rect(surf, box.fill, box.rect, border_radius=px(8))
    if box.accent is not None:
        strip = pygame.Rect(box.rect.x, box.rect.y, px(4), box.rect.h)
        pygame.draw.rect(surf, box.accent, strip, border_top_left_radius=px(8), border_bottom_left_radius=px(8))
    for mark in box.marks:
        mark(surf)
    with fonts.panel(box.rect):
        for t in box.texts:
            if t.right:
                fonts.blit(surf, t.text, t.size, t.colour, t.bold, topright=(t.x, t.y))
            else:
                fonts.draw(surf, t.text, t.x, t.y, t.width, t.size, t.colour, bold=t.bold)


def _line(colour: theme.Colour, a: tuple[int, int], b: tuple[int, int]) -> Callable[[pygame.Surface], None]:
    def draw(surf: pygame.Surface) -> None:
        pygame.draw.line(surf, colour, a, b)
    return draw


def _swatch(rect: pygame.Rect, colour: theme.Colour, kind: str) -> Callable[[pygame.Surface], None]:
    """A meter's colour chip; capital's gem; a track's ring."""
    def draw(surf: pygame.Surface) -> None:
        if kind == "capital":
            icons.draw_icon(surf, "capital", rect.inflate(rect.w // 2, rect.h // 2), colour)
        elif kind == "track":
            pygame.draw.rect(surf, colour, rect, width=max(1, rect.w // 5), border_radius=rect.w // 4)
        else:
            pygame.draw.rect(surf, colour, rect, border_radius=rect.w // 4)
    return draw


def _fill(rect: pygame.Rect, delta: int, scale: int) -> pygame.Rect:
    """The part of a bar's trough a change fills: from the middle, rightwards for a rise, leftwards for a fall, a
    point as long as ``rect.w // 2 / scale``."""
    half = rect.w // 2
    length = round(half * abs(delta) / scale)
    return pygame.Rect(rect.centerx if delta > 0 else rect.centerx - length, rect.y, length, rect.h)


def _bar(rect: pygame.Rect, fill: pygame.Rect, scale: int, colour: theme.Colour,
         hair: int) -> Callable[[pygame.Surface], None]:
    """A diverging bar: a trough with a notch a point, the zero line at its middle, the change filled from it."""
    def draw(surf: pygame.Surface) -> None:
        pygame.draw.rect(surf, theme.BACKGROUND, rect, border_radius=rect.h // 3)
        if fill.w:
            pygame.draw.rect(surf, colour, fill, border_radius=rect.h // 3)
        step = rect.w // 2 / scale
        if step >= 6 * hair:  # notches while points are far enough apart to tell
            for i in range(1, scale):
                for sign in (-1, 1):
                    tx = rect.centerx + sign * round(step * i)
                    pygame.draw.line(surf, theme.PANEL, (tx, rect.y), (tx, rect.bottom - 1), hair)
        pygame.draw.line(surf, theme.MUTED, (rect.centerx, rect.y - 3 * hair), (rect.centerx, rect.bottom + 3 * hair),
                         2 * hair)
    return draw


def _icon(name: str, rect: pygame.Rect, colour: theme.Colour) -> Callable[[pygame.Surface], None]:
    return lambda surf: icons.draw_icon(surf, name, rect, colour)


def _token(centre: tuple[int, int], radius: int, colour: theme.Colour) -> Callable[[pygame.Surface], None]:
    def draw(surf: pygame.Surface) -> None:
        icons.token(surf, centre, radius, colour)
    return draw

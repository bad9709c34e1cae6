"""The report's summary laid out: a row for each meter (capital, each moved track) with its net change as a diverging
bar and its biggest causes named beside it, then this turn's events and the other countries' moves as cards in as few
columns as hold them all, at the largest text size that does; every piece a :class:`Box` that :func:`draw_box` draws."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from gaiko_game.core import Scenario
from gaiko_game.present.palette import GREY, ROLE_COLOURS, hex_rgb
from gaiko_game.present.report import TOP, EventCard, MeterBar, MoveView, ReportView, causes_line
from gaiko_game.ui import icons, theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.placed import Text, draw_text

_ICON = {"crisis": ("crisis", theme.VERMILION), "opportunity": ("opportunity", theme.SKY),
         "event": ("moved", theme.YELLOW), "programme": ("programme", theme.SKY), "ended": ("locked", GREY)}
"""A card's icon and accent by kind (a roll's colour is its result's)."""


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


class Summary:
    """One turn's report laid out in ``area`` (down to the hint), at text sizes from ``base`` down to the smallest."""

    def __init__(self, ctx: Context, scenario: Scenario, view: ReportView, area: pygame.Rect, base: int) -> None:
        self.ctx, self.scenario, self.view, self.area, self.base = ctx, scenario, view, area, base

    def lay_out(self) -> tuple[list[Box], bool]:
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
        words = self.ctx.words(self.scenario)
        small, big, gap, pad, spacing = round(b * 0.93), round(b * 1.2), px(16), px(16), round(b * 0.7)
        x, width = self.area.x, self.area.w
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
        box = Box(pygame.Rect(x, self.area.y, width, 0))
        y = self.area.y + pad
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
        box.rect.h = y - spacing + pad - self.area.y
        return box

    def _colour(self, m: MeterBar) -> theme.Colour:
        """A row's swatch: the meter's own colour, capital's yellow, a track's grey."""
        meter = next((d for d in self.scenario.meters if f"meter.{d.id}" == m.key), None)
        return hex_rgb(meter.colour) if meter is not None else theme.YELLOW if m.kind == "capital" else GREY

    def _cards(self, b: int, top: int, last: bool) -> tuple[list[Box], bool] | None:
        """The cards in sections side by side (this turn's events, the other countries' moves), each section flowed
        over as many columns as it needs; None when they do not fit at this size. At the ``last`` size, what fits
        and a line naming the rest (which the details show)."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        x, width, gap = self.area.x, self.area.w, px(16)
        happened: list[EventCard | MoveView] = [*v.cards]
        moved: list[EventCard | MoveView] = [*v.moves]
        sections = [(title, items) for title, items in ((self.ctx.t("report.happened"), happened),
                                                        (v.moves_title, moved)) if items]
        if not sections:
            quiet = Box(pygame.Rect(x, top, width, self.area.bottom - top), fill=None)
            quiet.texts.append(Text(self.ctx.t("report.quiet"), x, top, width, b, theme.MUTED))
            return [quiet], fonts.height(quiet.texts[0].text, width, b) <= quiet.rect.h
        room = self.area.bottom - top - fonts.get(b, True).get_linesize() - px(8)
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
        px, fonts, words = self.ctx.sizes.px, self.ctx.fonts, self.ctx.words(self.scenario)
        x, width = self.area.x, self.area.w
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
        more = Box(pygame.Rect(x, self.area.bottom - below - px(4), width, below), fill=None)
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
            left = self.area.x + column * (col_w + gap)
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
            actor = self.scenario.actor(item.actor)
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


def draw_box(surf: pygame.Surface, box: Box, ctx: Context) -> None:
    """A box: its panel and accent strip, its marks, then its texts."""
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
            draw_text(surf, fonts, t)


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

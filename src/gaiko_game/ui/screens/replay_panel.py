"""The replay's turn panel: what the player did in the chosen turn, what broke and how it was answered, what the
other countries did and how the meters moved (or, on the last tick, how the game ended), fitted to the panel's
height and drawn from the texts, marks and tooltip areas it placed."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from gaiko_game.present.palette import hex_rgb
from gaiko_game.present.report import signed
from gaiko_game.present.timeline import EndView, Entry, MeterChange, TurnView
from gaiko_game.present.words import Words
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.icons import category_icon, draw_icon
from gaiko_game.ui.placed import Text, draw_text

LEVELS = ((2, 2, 3, 4), (2, 2, 3, 0), (2, 2, 2, 0), (2, 1, 1, 0), (1, 1, 1, 0), (1, 1, 0, 0))
"""How many lines an entry's title, note, changes and reasons may take, from roomiest to tightest."""

Level = tuple[int, int, int, int]
Tip = tuple[pygame.Rect, tuple[str, ...]]


@dataclass(frozen=True)
class Mark:
    """An icon, a bar or a box the turn panel draws under its texts."""

    kind: str
    """``icon`` (``name`` in ``colour``), ``box`` (filled), ``frame`` (outlined) or ``rule`` (a line)."""
    rect: pygame.Rect
    colour: theme.Colour
    name: str = ""


class TurnPanel:
    """The panel beside the map, laid out for one tick by :meth:`arrange` and drawn by :meth:`draw`."""

    def __init__(self, ctx: Context, words: Words) -> None:
        self.ctx, self.w = ctx, words
        self.texts: list[Text] = []
        self.marks: list[Mark] = []
        self.tips: list[Tip] = []
        """Tooltip areas, in the order placed (a later one is looked up first: it lies over an earlier one)."""
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._turn: TurnView | None = None
        self._ending: EndView | None = None
        self._totals: tuple[MeterChange, ...] = ()
        self._cut: dict[tuple[str, int, int, bool], int] = {}
        self._bottom = 0

    def arrange(self, rect: pygame.Rect, turn: TurnView | None, ending: EndView | None,
                totals: tuple[MeterChange, ...]) -> None:
        """Place the panel's texts, icons and tooltip areas for ``turn`` (None: the end, with ``ending`` and the meters
        over the whole game, ``totals``): every entry at its tightest, then each given more lines (what the player did
        first, the other countries' moves last) while the panel holds them; when even the tightest does not fit, the
        last entries of the longest section become "n more"."""
        self.rect, self._turn, self._ending, self._totals = rect, turn, ending, totals
        bottom = rect.bottom - self.ctx.sizes.px(8)
        sections = self._entries()
        count = sum(len(s) for s in sections)
        levels = [LEVELS[-1]] * count
        self._place(levels, None)
        if self._bottom > bottom:
            shown = list(sections)
            while self._bottom > bottom and any(shown):
                longest = max(range(len(shown)), key=lambda i: (len(shown[i]), i))
                shown[longest] = shown[longest][:-1]
                self._place(levels, shown)
            return
        for level in reversed(LEVELS[:-1]):
            for i in range(count):
                trial = [*levels[:i], level, *levels[i + 1:]]
                self._place(trial, None)
                if self._bottom <= bottom:
                    levels = trial
        self._place(levels, None)

    def _entries(self) -> list[tuple[Entry, ...]]:
        t = self._turn
        return [] if t is None else [t.done, t.happened, t.moves] if t.finished else [t.done]

    def _place(self, levels: list[Level], shown: list[tuple[Entry, ...]] | None) -> None:
        px, p = self.ctx.sizes.px, self.rect
        self.texts, self.marks, self.tips = [], [], []
        x, width = p.x + px(14), p.w - px(28)
        y = p.y + px(10)
        t = self._turn
        if t is None:
            self._place_end(x, y, width)
            return
        y += self._text(t.title, x, y, width, px(18), theme.INK, bold=True) + px(4)
        if t.finished:
            y = self._place_meters(t.meters, self.w.ui("replay.net"), x, y, width) + px(6)
        heads = (("replay.done", "replay.done_none"), ("replay.happened", "replay.happened_none"),
                 ("report.moves", "replay.moves_none"))
        sections = self._entries()
        first = 0
        for (head, empty), full, part in zip(heads, sections, shown or sections, strict=False):
            y += self._section(self.w.ui(head), full, part, self.w.ui(empty), x, y, width, levels[first:])
            first += len(full)
        if not t.finished:
            y += self._text(self.w.ui("replay.in_progress"), x, y, width, px(13), theme.MUTED, lines=2)
        self._bottom = y

    def _text(self, text: str, x: int, y: int, width: int, size: int, colour: theme.Colour, bold: bool = False,
              lines: int = 1) -> int:
        """Place a text (its tooltip area holds the whole of it when it is cut); returns the height it takes."""
        fonts = self.ctx.fonts
        self.texts.append(Text(text, x, y, width, size, colour, bold, lines))
        height = fonts.height(text, width, size, bold, lines)
        key = (text, size, width, bold)
        if key not in self._cut:  # the panel is placed several times a turn, with the same texts
            self._cut[key] = len(fonts.lines(text, size, width, bold))
        if self._cut[key] > lines:
            self.tips.append((pygame.Rect(x, y, width, height), (text,)))
        return height

    def _section(self, head: str, full: tuple[Entry, ...], part: tuple[Entry, ...], empty: str, x: int, y: int,
                 width: int, levels: list[Level]) -> int:
        """A heading over a rule, then its entries (``part`` of ``full``, the rest as "n more"); returns the height."""
        px = self.ctx.sizes.px
        top = y
        y += self._text(head, x, y, width, px(14), theme.INK, bold=True)
        self.marks.append(Mark("rule", pygame.Rect(x, y + px(1), width, 1), theme.PANEL_HI))
        y += px(6)
        if not full:
            return y + self._text(empty, x, y, width, px(13), theme.MUTED) + px(8) - top
        for e, level in zip(part, levels, strict=False):
            y += self._entry(e, x, y, width, level) + px(5)
        if len(part) < len(full):
            rest = full[len(part):]
            more = self.w.ui("replay.more", n=len(rest))
            h = self._text(more, x + px(26), y, width - px(26), px(12), theme.MUTED)
            self.tips.append((pygame.Rect(x, y, width, h), tuple(line for e in rest for line in (e.title, e.detail) if line)))
            y += h + px(5)
        return y + px(4) - top

    def _entry(self, e: Entry, x: int, y: int, width: int, level: Level) -> int:
        """An entry: its icon, title, cost, the answer or roll, what it changed and why; returns its height."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        title_lines, note_lines, detail_lines, why_lines = level
        icon_colour = {"crisis": theme.BAD, "opportunity": theme.GOOD, "move": theme.ORANGE}.get(e.kind, theme.SKY)
        icon = category_icon(e.icon) if e.kind == "action" else e.icon
        self.marks.append(Mark("icon", pygame.Rect(x, y + px(1), px(18), px(18)), icon_colour, icon))
        tx, tw = x + px(26), width - px(26)
        cost_w = 0
        if e.cost:
            label = str(e.cost)
            cost_w = fonts.get(px(14), True).size(label)[0] + px(20)
            right = x + width
            self.marks.append(Mark("icon", pygame.Rect(right - cost_w + px(2), y + px(3), px(14), px(14)),
                                   theme.YELLOW, "capital"))
            self.texts.append(Text(label, right - cost_w + px(18), y, cost_w, px(14), theme.YELLOW, True, lines=1))
        h = self._text(e.title, tx, y, tw - cost_w, px(14), theme.INK, lines=title_lines)
        if e.note and note_lines:
            colour = theme.BAD if e.failed else theme.YELLOW if e.kind in ("crisis", "opportunity") else theme.MUTED
            h += self._text(e.note, tx, y + h, tw, px(13), colour, lines=note_lines)
        if e.detail and detail_lines:
            h += self._text(e.detail, tx, y + h, tw, px(12), theme.MUTED, lines=detail_lines)
        if e.why and why_lines:
            h += self._text(e.why, tx, y + h, tw, px(12), theme.MUTED, lines=why_lines)
        self.tips.append((pygame.Rect(x, y, width, h), e.tip))
        return max(h, px(20))

    def _place_meters(self, meters: tuple[MeterChange, ...], head: str, x: int, y: int, width: int) -> int:
        """The meters as cells: each one's name, where it went and by how much, and a bar; returns the y after."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        y += self._text(head, x, y, width, px(13), theme.MUTED, bold=True) + px(2)
        cols, gap = max(1, min(3, len(meters))), px(8)
        cell_w = (width - (cols - 1) * gap) // cols
        name_h, value_h = fonts.get(px(12)).get_linesize(), fonts.get(px(15), True).get_linesize()
        cell_h = name_h + value_h + px(12)
        for i, m in enumerate(meters):
            cx, cy = x + (i % cols) * (cell_w + gap), y + (i // cols) * (cell_h + gap)
            cell = pygame.Rect(cx, cy, cell_w, cell_h)
            self.marks.append(Mark("box", cell, theme.PANEL_HI))
            inner_x, inner_w = cx + px(6), cell_w - px(12)
            self._text(m.name, inner_x, cy + px(2), inner_w, px(12), theme.MUTED)
            delta = m.after - m.before
            sign = signed(delta)
            sign_w = fonts.get(px(15), True).size(sign)[0]
            tone = theme.GOOD if delta > 0 else theme.BAD if delta < 0 else theme.MUTED
            span = self.w.ui("replay.span", before=m.before, after=m.after)
            self._text(span, inner_x, cy + px(2) + name_h, inner_w - sign_w - px(4), px(15), theme.INK, bold=True)
            self.texts.append(Text(sign, cx + cell_w - px(6) - sign_w, cy + px(2) + name_h, sign_w, px(15), tone, True,
                                   lines=1))
            bar = pygame.Rect(inner_x, cell.bottom - px(8), inner_w, px(4))
            self.marks += _meter_bar(bar, m)
            self.tips.append((cell, (f"{m.name} {span} ({sign})", *m.causes)))
        rows = -(-len(meters) // cols)
        return y + rows * cell_h + (rows - 1) * gap

    def _place_end(self, x: int, y: int, width: int) -> None:
        """The end: the ending, score and rating with what they mean, the meters over the whole game, and the crisis
        decisions (as many as the panel holds; the rest as "n more")."""
        px, v = self.ctx.sizes.px, self._ending
        assert v is not None
        y += self._text(v.title, x, y, width, px(18), theme.INK, bold=True, lines=2) + px(4)
        y += self._text(v.score, x, y, width, px(14), theme.YELLOW, bold=True, lines=2) + px(2)
        y += self._text(v.rating, x, y, width, px(13), theme.INK, lines=3) + px(4)
        y += self._text(v.ending, x, y, width, px(13), theme.MUTED, lines=3) + px(8)
        y = self._place_meters(self._totals, self.w.ui("replay.net_game"), x, y, width) + px(10)
        y += self._text(self.w.ui("replay.answers"), x, y, width, px(14), theme.INK, bold=True)
        self.marks.append(Mark("rule", pygame.Rect(x, y + px(1), width, 1), theme.PANEL_HI))
        y += px(6)
        fonts, room = self.ctx.fonts, self.rect.bottom - px(8) - y
        wrapped = sum(fonts.height(line, width, px(12), max_lines=2) for line in v.answers) <= room
        step = fonts.get(px(12)).get_linesize()
        fit = len(v.answers) if wrapped or len(v.answers) * step <= room else max(0, room // step - 1)
        for line in v.answers[:fit]:
            y += self._text(line, x, y, width, px(12), theme.MUTED, lines=2 if wrapped else 1)
        rest = v.answers[fit:]
        if rest:
            h = self._text(self.w.ui("replay.more", n=len(rest)), x, y, width, px(12), theme.MUTED)
            self.tips.append((pygame.Rect(x, y, width, h), rest))
            y += h
        self._bottom = y

    def draw(self, surf: pygame.Surface) -> None:
        """The panel: its background, the marks, then the texts (a text cut short has a tooltip)."""
        p, fonts = self.rect, self.ctx.fonts
        pygame.draw.rect(surf, theme.PANEL, p)
        pygame.draw.line(surf, theme.PANEL_HI, p.topleft, p.bottomleft)
        for mark in self.marks:
            if mark.kind == "icon":
                draw_icon(surf, mark.name, mark.rect, mark.colour)
            elif mark.kind == "rule":
                pygame.draw.rect(surf, mark.colour, mark.rect)
            else:
                pygame.draw.rect(surf, mark.colour, mark.rect, width=0 if mark.kind != "frame" else 1,
                                 border_radius=self.ctx.sizes.px(4 if mark.kind == "box" else 2))
        with fonts.panel(p):
            for t in self.texts:
                draw_text(surf, fonts, t, tip=True)


def _meter_bar(bar: pygame.Rect, m: MeterChange) -> list[Mark]:
    """A meter's bar over the turn: where it ended in its colour, and the part gained (bright) or lost (vermilion)."""
    def x_of(value: int) -> int:
        return bar.x + round(bar.w * max(0, min(100, value)) / 100)

    low, high = sorted((m.before, m.after))
    marks = [Mark("box", bar, theme.BACKGROUND),
             Mark("box", pygame.Rect(bar.x, bar.y, x_of(low) - bar.x, bar.h), hex_rgb(m.colour))]
    if high != low:
        marks.append(Mark("box", pygame.Rect(x_of(low), bar.y, max(1, x_of(high) - x_of(low)), bar.h),
                          theme.GOOD if m.after > m.before else theme.BAD))
    return marks

"""How the kit's sheets are laid out: sections of known height set one under another across as many pages as they
need, paragraphs measured before they are placed, sub-headings and simple tables, and numbers as printed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gaiko_game.core.engine import starting_numbers
from gaiko_game.core.model import Scenario
from gaiko_game.present.palette import Colour, light
from gaiko_game.printkit.context import Context
from gaiko_game.printkit.document import INK, MUTED, RULE
from gaiko_game.printkit.text import LEADING, PT, Block, set_blocks

BOTTOM = 13.0
"""The space kept at the foot of a page (mm) for the footer."""
HEAD_SIZE = 8.5
"""The size of a table's column titles (pt)."""


def line_height(size: float) -> float:
    """The height of one line of text at ``size`` points (mm)."""
    return size * LEADING * PT


def num(value: float) -> str:
    """A number as printed: a true minus sign, no trailing ".0"."""
    text = f"{value:g}"
    return text.replace("-", "−")


def signed(value: int) -> str:
    return ("+" if value > 0 else "") + num(value)


@dataclass(frozen=True)
class Starts:
    """Where the numbers start at the scenario's default difficulty."""

    meters: dict[str, int]
    capital: int
    income: int


def starts(scenario: Scenario) -> Starts:
    """The numbers a game of the scenario starts from, as the engine starts it."""
    level = scenario.difficulty(None)
    nums = starting_numbers(scenario, level)
    return Starts({m.id: nums[f"meter.{m.id}"] for m in scenario.meters}, nums["capital"],
                  scenario.income_base + level.income)


# ── the page flow ──────────────────────────────────────────────────────────
class Flow:
    """Sections set one under another, on as many pages as they need (each one headed)."""

    def __init__(self, ctx: Context, heading: str, landscape: bool = False) -> None:
        self.ctx = ctx
        self.heading = heading
        self.landscape = landscape
        self.pages = 0
        self.y = self.top = 0.0
        self.new_page()

    def new_page(self) -> None:
        title = self.heading if self.pages == 0 else self.ctx.t("sheet.continued", title=self.heading)
        self.pages += 1
        self.y = self.top = self.ctx.page(title, landscape=self.landscape)

    @property
    def bottom(self) -> float:
        return self.ctx.pdf.h - BOTTOM

    def room(self, height: float) -> float:
        """The y where a section of this height goes (on a new page if this one has no room)."""
        if self.y + height > self.bottom and self.y > self.top:
            self.new_page()
        return self.y

    def take(self, height: float) -> None:
        self.y += height


@dataclass(frozen=True)
class Section:
    """Something of known height, drawn at a y."""

    height: float
    draw: Callable[[float], None]


def set_sections(flow: Flow, sections: Sequence[Section], keep: int = 1) -> None:
    """Set sections one after another; the first ``keep`` of them stay on one page together (a heading with its
    first row)."""
    head = sum(s.height for s in sections[:keep])
    flow.room(head)
    for s in sections:
        y = flow.room(s.height)
        s.draw(y)
        flow.take(s.height)


def paragraph(ctx: Context, label: str, text: str, x: float, w: float, size: float = 9.0,
               bold: bool = False, colour: Colour = INK, gap: float = 2.0) -> Section:
    """A paragraph set to fit its width (its height measured first, so the flow can place it)."""
    blocks = [Block(text, size, bold, after=0)]
    height = set_blocks(blocks, w, 1000.0, ctx.pdf.measure).height

    def draw(y: float) -> None:
        ctx.pdf.fit(label, blocks, x, y, w, height + 0.01, colour)

    return Section(height + gap, draw)


def subheading(ctx: Context, text: str, x: float, w: float, legend: bool = False) -> Section:
    """A heading over a group of rows (with the key to the start boxes at its right, if ``legend``)."""
    pdf = ctx.pdf

    def draw(y: float) -> None:
        pdf.line_at(x, y + 4.5, text, 11.0, bold=True)
        if legend:
            key = ctx.t("sheet.board.legend")
            kw = pdf.measure(key, 8.5)
            pdf.line_at(x + w - kw, y + 4.5, key, 8.5, colour=MUTED)
            pdf.colours(draw=INK, fill=light(MUTED, 0.45), width=0.7)
            pdf.rect(x + w - kw - 9.0, y + 1.2, 7.0, 4.0, style="DF")
        pdf.colours(draw=RULE, width=0.2)
        pdf.line(x, y + 6.2, x + w, y + 6.2)

    return Section(8.5, draw)



def fit_centred(ctx: Context, label: str, blocks: list[Block], x: float, y: float, w: float, h: float) -> None:
    """Fit blocks in a box with each line centred: the size is chosen for the whole box, then each line is set as
    a box of its own (so every line is on record, at the size it was drawn)."""
    pdf = ctx.pdf
    setting = set_blocks(blocks, w, h, pdf.measure)
    if not setting.fits:  # let the record say so
        pdf.fit(label, blocks, x, y, w, h)
        return
    yy = y
    n = 0
    for block, size, lines in setting.lines:
        step = line_height(size)
        for text in lines:
            tw = pdf.measure(text, size, block.bold) + 0.05
            pdf.fit(f"{label}.{n}", [Block(text, size, block.bold, after=0)], x + (w - tw) / 2, yy, tw, step + 0.01)
            yy += step
            n += 1
        yy += block.after * step



def table_head(ctx: Context, label: str, titles: Sequence[str], widths: Sequence[float], x: float) -> Section:
    pdf = ctx.pdf
    blocks = [[Block(t, HEAD_SIZE, bold=True, after=0)] for t in titles]
    tallest = max(set_blocks(b, wd - 2.0, 1000.0, pdf.measure).height for b, wd in zip(blocks, widths, strict=True))
    h = tallest + 2.0

    def draw(y: float) -> None:
        pdf.colours(draw=INK, fill=light(MUTED, 0.85), width=0.3)
        pdf.rect(x, y, sum(widths), h, style="DF")
        cx = x
        for i, (b, wd) in enumerate(zip(blocks, widths, strict=True)):
            pdf.fit(f"{label}.head.{i}", b, cx + 1.0, y + 1.0, wd - 2.0, h - 1.0)
            cx += wd
            if i < len(widths) - 1:
                pdf.colours(draw=RULE, width=0.2)
                pdf.line(cx, y, cx, y + h)

    return Section(h, draw)


def table_row(ctx: Context, label: str, cells: Sequence[str], widths: Sequence[float], x: float, h: float,
               bold_first: bool = False) -> Section:
    pdf = ctx.pdf

    def draw(y: float) -> None:
        pdf.colours(draw=RULE, width=0.2)
        pdf.rect(x, y, sum(widths), h, style="D")
        cx = x
        for i, (text, wd) in enumerate(zip(cells, widths, strict=True)):
            if text:
                blocks = [Block(text, 9.0, bold=bold_first and i == 0, after=0)]
                need = set_blocks(blocks, wd - 3.0, h, pdf.measure).height
                pdf.fit(f"{label}.{i}", blocks, cx + 1.5, y + max(0.3, (h - need) / 2), wd - 3.0, h - 0.3)
            cx += wd
            if i < len(widths) - 1:
                pdf.line(cx, y, cx, y + h)

    return Section(h, draw)


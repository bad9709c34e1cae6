"""The team's ledger: one row a turn (landscape), with the team's name and a blank for each minister, the start's
numbers filled in, and a column for every meter: what the referee is told after the lesson."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from gaiko_game.present.palette import light
from gaiko_game.printkit.context import MARGIN, Context
from gaiko_game.printkit.document import INK, MUTED, RULE
from gaiko_game.printkit.flow import BOTTOM, HEAD_SIZE, Starts, line_height, paragraph, starts
from gaiko_game.printkit.text import Block, set_blocks


# ── the ledger ─────────────────────────────────────────────────────────────
def _roles(ctx: Context) -> list[str]:
    out = []
    for r in ctx.scenario.roles():
        key = f"ministry.{r.id}"
        out.append(ctx.w.name(key) if ctx.w.has(key) else ctx.w.meter(r.id))
    return out


@dataclass(frozen=True)
class _Column:
    key: str
    title: str
    width: float


def ledger_sheet(ctx: Context) -> None:
    """The team's record of the game, one row a turn (landscape): what the laptop is told after the lesson."""
    pdf, sc = ctx.pdf, ctx.scenario
    title = ctx.t("sheet.ledger.title")
    begin = starts(sc)
    turn_w = _turn_cell_width(ctx)
    pages = 1
    page_rows: list[list[int]] = []
    while True:
        y = ctx.page(title if pages == 1 else ctx.t("sheet.continued", title=title), landscape=True)
        x, width = MARGIN, pdf.w - 2 * MARGIN
        y = _ledger_header(ctx, x, y, width)
        columns = _ledger_columns(ctx, width, turn_w)
        head_h = _ledger_head_height(ctx, columns)
        avail = pdf.h - BOTTOM - (y + head_h)
        if not page_rows:
            rows = list(range(0, sc.turns + 1))  # 0: the start
            fits = max(1, int(avail // 8.0))
            count = math.ceil(len(rows) / fits)
            per = math.ceil(len(rows) / count)
            page_rows = [rows[i:i + per] for i in range(0, len(rows), per)]
        chunk = page_rows[pages - 1]
        row_h = max(7.0, min(12.0, avail / len(chunk)))
        _ledger_head(ctx, columns, x, y, head_h)
        y += head_h
        for n, turn in enumerate(chunk):
            _ledger_row(ctx, columns, x, y, row_h, turn, begin, shade=n % 2 == 1)
            y += row_h
        if pages == len(page_rows):
            break
        pages += 1


def _turn_cell_width(ctx: Context) -> float:
    pdf, sc = ctx.pdf, ctx.scenario
    number = max(pdf.measure(str(t), 10.0, True) for t in range(1, sc.turns + 1))
    date = 0.0
    for t in range(1, sc.turns + 1):
        year, quarter = sc.date(t)
        date = max(date, pdf.measure(ctx.t("sheet.year", year=year), 8.0),
                   pdf.measure(ctx.t("sheet.quarter", quarter=quarter), 8.0))
    head = pdf.measure(ctx.t("sheet.ledger.turn"), 8.5, True)
    start = pdf.measure(ctx.t("sheet.ledger.start_row"), 8.5, True)
    return max(number + date + 5.0, head + 3.0, start + 3.0, 20.0)


def _ledger_columns(ctx: Context, width: float, turn_w: float) -> list[_Column]:
    sc = ctx.scenario
    widest = max((ctx.pdf.measure(word, HEAD_SIZE, True) for m in sc.meter_ids() for word in ctx.w.meter(m).split()),
                 default=0.0)
    meter_w = round(min(30.0, max(17.0, widest + 2.6)), 1)  # a meter's name breaks between words, never inside one
    fixed = [_Column("turn", ctx.t("sheet.ledger.turn"), turn_w),
             _Column("capital", ctx.t("sheet.ledger.capital"), 18.0)]
    after = [_Column(k, ctx.t(f"sheet.ledger.{k}"), _title_width(ctx, f"sheet.ledger.{k}", 22.0, 32.0))
             for k in ("crisis", "dice")]
    meters = [_Column(f"meter.{m}", ctx.w.meter(m), meter_w) for m in sc.meter_ids()]
    used = sum(c.width for c in fixed + after + meters)
    free = width - used
    cards = round(free * 0.6, 1)
    return [*fixed, _Column("cards", ctx.t("sheet.ledger.cards"), cards), *after, *meters,
            _Column("notes", ctx.t("sheet.ledger.notes"), width - used - cards)]


def _title_width(ctx: Context, key: str, least: float, most: float) -> float:
    """A column as wide as its title on one line, within bounds."""
    return round(min(most, max(least, ctx.pdf.measure(ctx.t(key), HEAD_SIZE, True) + 2.6)), 1)


def _ledger_head_height(ctx: Context, columns: Sequence[_Column]) -> float:
    meters = [c for c in columns if c.key.startswith("meter.")]
    group = line_height(HEAD_SIZE) + 1.6 if meters else 0.0
    tallest = 0.0
    for c in columns:
        h = set_blocks([Block(c.title, HEAD_SIZE, bold=True, after=0)], c.width - 2.0, 1000.0, ctx.pdf.measure).height
        tallest = max(tallest, h + (group if c.key.startswith("meter.") else 0.0))
    return tallest + 2.0


def _ledger_header(ctx: Context, x: float, y: float, width: float) -> float:
    """"Team ____" and the roles with a blank for each student's name; the y under them."""
    pdf = ctx.pdf
    size = 10.0
    base = y + 4.0
    team = ctx.t("sheet.ledger.team")
    pdf.line_at(x, base, team, size, bold=True)
    tx = x + pdf.measure(team, size, True) + 2.0
    pdf.colours(draw=INK, width=0.3)
    pdf.line(tx, base + 0.8, tx + 40.0, base + 0.8)
    roles_label = ctx.t("sheet.ledger.roles")
    rx = tx + 48.0
    pdf.line_at(rx, base, roles_label, size, bold=True)
    rx += pdf.measure(roles_label, size, True) + 3.0
    left = rx
    blank = 30.0
    for role in _roles(ctx):
        need = pdf.measure(role, 9.0) + 1.5 + blank
        if rx + need > x + width and rx > left:
            rx = left
            base += 7.0
        need = min(need, x + width - left)
        pdf.line_at(rx, base, role, 9.0)
        lx = rx + pdf.measure(role, 9.0) + 1.5
        pdf.line(lx, base + 0.8, min(lx + blank, x + width), base + 0.8)
        rx += need + 5.0
    y = base + 4.0
    hint = paragraph(ctx, "sheet.ledger.hint", ctx.t("sheet.ledger.hint"), x, width, 8.5, colour=MUTED)
    hint.draw(y)
    return y + hint.height + 0.5


def _ledger_head(ctx: Context, columns: Sequence[_Column], x: float, y: float, h: float) -> None:
    pdf = ctx.pdf
    meters = [c for c in columns if c.key.startswith("meter.")]
    group = line_height(HEAD_SIZE) + 1.6 if meters else 0.0
    pdf.colours(draw=INK, fill=light(MUTED, 0.85), width=0.3)
    pdf.rect(x, y, sum(c.width for c in columns), h, style="DF")
    cx = x
    for c in columns:
        top = y
        if c.key.startswith("meter."):
            top += group
            pdf.colours(draw=RULE, width=0.2)
            pdf.line(cx, top, cx + c.width, top)
        pdf.fit(f"sheet.ledger.head.{c.key}", [Block(c.title, HEAD_SIZE, bold=True, after=0)], cx + 1.0, top + 0.8,
                c.width - 2.0, y + h - top - 0.8)
        cx += c.width
        pdf.colours(draw=RULE, width=0.2)
        if cx < x + sum(col.width for col in columns) - 0.1:
            pdf.line(cx, y + (group if c.key.startswith("meter.") and c is not meters[-1] else 0.0), cx, y + h)
    if meters:
        mx = x + sum(c.width for c in columns[:columns.index(meters[0])])
        mw = sum(c.width for c in meters)
        pdf.fit("sheet.ledger.head.meters", [Block(ctx.t("sheet.ledger.meters"), HEAD_SIZE, bold=True, after=0)],
                mx + 1.0, y + 0.8, mw - 2.0, group)


def _ledger_row(ctx: Context, columns: Sequence[_Column], x: float, y: float, h: float, turn: int, begin: Starts,
                shade: bool) -> None:
    pdf, sc = ctx.pdf, ctx.scenario
    total = sum(c.width for c in columns)
    pdf.colours(draw=RULE, fill=light(MUTED, 0.93) if shade else (255, 255, 255), width=0.2)
    pdf.rect(x, y, total, h, style="DF" if shade else "D")
    cx = x
    for c in columns[:-1]:
        cx += c.width
        pdf.line(cx, y, cx, y + h)
    turn_col = columns[0]
    if turn == 0:
        pdf.line_at(x + 1.5, y + h / 2 + 1.4, ctx.t("sheet.ledger.start_row"), 8.5, bold=True)
        values = {"capital": str(begin.capital), **{f"meter.{k}": str(v) for k, v in begin.meters.items()}}
        cx = x
        for c in columns:
            if c.key in values:
                pdf.line_at(cx, y + h / 2 + 1.4, values[c.key], 9.0, colour=MUTED, align="C", width=c.width)
            cx += c.width
        return
    year, quarter = sc.date(turn)
    number = str(turn)
    pdf.line_at(x + 1.5, y + h / 2 + 1.7, number, 10.0, bold=True)
    nx = x + 1.5 + max(pdf.measure(str(sc.turns), 10.0, True), pdf.measure(number, 10.0, True)) + 2.0
    blocks = [Block(ctx.t("sheet.year", year=year), 8.0, after=0), Block(ctx.t("sheet.quarter", quarter=quarter), 8.0,
                                                                        after=0)]
    dw = turn_col.width - (nx - x) - 1.0
    need = set_blocks(blocks, dw, 1000.0, pdf.measure).height
    pdf.fit(f"sheet.ledger.row.{turn}", blocks, nx, y + max(0.2, (h - need) / 2), dw, min(h - 0.4, need + 0.01),
            MUTED)



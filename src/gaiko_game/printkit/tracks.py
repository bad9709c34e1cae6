"""The track sheet: the team's board of numbers (turn and date, meters, Diplomatic Capital, the scenario's tracks,
the relations with every country and their stance), and a page of markers to cut out. Everything on it comes from
the scenario, so the same code prints a sheet for any scenario.

Tracks are drawn as a row of empty boxes with their numbers printed *above* the boxes: a marker sits in a box and
may be wider than it without hiding a number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from gaiko_game.present.palette import BAD, GREY, ROLE_COLOURS, Colour, hex_rgb, light
from gaiko_game.printkit.context import MARGIN, Context
from gaiko_game.printkit.document import INK, MUTED, RULE
from gaiko_game.printkit.flow import (
    Flow,
    Section,
    fit_centred,
    line_height,
    num,
    paragraph,
    set_sections,
    signed,
    starts,
    subheading,
)
from gaiko_game.printkit.text import MIN_BODY, Block, set_blocks

LANE = 7.0
"""The least height of a track's boxes (mm)."""
LABEL = 8.0
"""The size of the numbers above a track's boxes (pt)."""
SMALL_LABEL = 7.0
"""Their size where 8 pt does not fit the boxes."""
MARKER_SIZE = 8.5
"""The size of a marker's label (pt), shrunk to 8 when needed."""
MARKER_PAD = 1.0
NOTCH = 1.2
"""The height of the triangle at the top of a marker (its label starts under it)."""
GUTTER = 8.0
"""The space between markers, where the cut marks go."""
BOX_MAX = 16.0
"""The widest a track's box grows (a short track does not stretch across the page)."""
NEUTRAL: Colour = GREY



def grid(lo: int, hi: int, most: int = 21) -> list[int]:
    """The values of a track's boxes: every value when they are few, else steps of 2, 5, 10, 20, 25, 50…
    (at most ``most`` boxes), the top always included."""
    span = hi - lo
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        step = candidate
        if span // step + 1 <= most:
            break
    else:
        step = math.ceil(span / (most - 1))
    values = list(range(lo, hi + 1, step))
    if values[-1] != hi:
        values.append(hi)
    return values


def box_of(values: Sequence[int], value: int) -> int:
    """The index of the box a value goes in: the last box at or below it."""
    found = 0
    for i, v in enumerate(values):
        if v <= value:
            found = i
    return found


# ── tracks ─────────────────────────────────────────────────────────────────
@dataclass(frozen=True)
class _Track:
    """A row of boxes: their values, the one a marker starts in, its colour; the box at ``danger`` (a meter's 0)
    has its number in red."""

    values: tuple[int, ...]
    start: int
    colour: Colour
    danger: int | None = None


def _label_size(ctx: Context, values: Sequence[int], pitch: float) -> float:
    widest = max(ctx.pdf.measure(num(v), LABEL) for v in values)
    return LABEL if widest <= pitch - 0.6 else SMALL_LABEL


def _draw_track(ctx: Context, track: _Track, x: float, y: float, pitch: float, lane: float) -> None:
    """The numbers (baseline at y + 3) and under them the boxes (from y + 4 to y + 4 + lane)."""
    pdf = ctx.pdf
    size = _label_size(ctx, track.values, pitch)
    start = box_of(track.values, track.start)
    for i, v in enumerate(track.values):
        bx = x + i * pitch
        danger = track.danger is not None and v == track.danger
        pdf.line_at(bx, y + 3.0, num(v), size, bold=i == start or danger, colour=BAD if danger else INK,
                    align="C", width=pitch)
        if i == start:
            pdf.colours(draw=track.colour, fill=light(track.colour, 0.45), width=0.7)
        else:
            pdf.colours(draw=RULE, fill=light(track.colour, 0.88), width=0.2)
        pdf.rect(bx + 0.35, y + 4.0 + 0.35, pitch - 0.7, lane - 0.7, style="DF")


TRACK_TOP = 4.0
"""From a track's top to its boxes: the row of numbers."""


def _titled_track(ctx: Context, label: str, name: str, note: str, track: _Track, lane: float) -> Section:
    """A track across the page under its name, with a note (start, bounds…) beside the name or under it."""
    pdf = ctx.pdf
    x, width = MARGIN, pdf.w - 2 * MARGIN
    name_size = 10.0
    name_w = pdf.measure(name, name_size, bold=True)
    beside_w = width - name_w - 3.0
    note_block = [Block(note, 8.5, after=0)]
    beside = beside_w > 20 and set_blocks(note_block, beside_w, line_height(8.5) + 0.01, pdf.measure).fits
    under = 0.0 if beside else set_blocks(note_block, width, 1000.0, pdf.measure).height
    title_h = 5.5 + under
    pitch = min(width / len(track.values), BOX_MAX)

    def draw(y: float) -> None:
        pdf.line_at(x, y + 4.0, name, name_size, bold=True)
        if beside:
            pdf.fit(label, note_block, x + name_w + 3.0, y + 4.0 - line_height(8.5) * 0.72, beside_w, line_height(8.5) + 0.01,
                    MUTED)
        else:
            pdf.fit(label, note_block, x, y + 5.3, width, under + 0.01, MUTED)
        _draw_track(ctx, track, x, y + title_h, pitch, lane)

    return Section(title_h + TRACK_TOP + lane + 2.5, draw)


def _named_track(ctx: Context, label: str, name: str, notes: Sequence[str], track: _Track, lane: float,
                 name_w: float, stance: _Track | None) -> Section:
    """A track with its name (and notes) in a column on its left: the relations, one a country."""
    pdf = ctx.pdf
    x, width = MARGIN, pdf.w - 2 * MARGIN
    blocks = [Block(name, 9.0, bold=True, after=0.1)] + [Block(n, 8.0, after=0) for n in notes]
    pitch = (width - name_w) / len(track.values)
    stance_h = 4.6 if stance is not None else 0.0
    body = TRACK_TOP + lane + stance_h
    text_h = set_blocks(blocks, name_w - 2.0, 1000.0, pdf.measure).height
    height = max(body, text_h) + 2.0

    def draw(y: float) -> None:
        pdf.fit(label, blocks, x, y + 0.3, name_w - 2.0, max(body, text_h) + 0.01)
        _draw_track(ctx, track, x + name_w, y, pitch, lane)
        if stance is not None:
            sy = y + TRACK_TOP + lane + 0.5
            pdf.line_at(x, sy + 2.9, ctx.t("sheet.board.stance"), 8.0, colour=MUTED, align="R", width=name_w - 2.0)
            _draw_strip(ctx, stance, x + name_w, sy, pitch, stance_h - 0.9)

    return Section(height, draw)


def _draw_strip(ctx: Context, track: _Track, x: float, y: float, pitch: float, h: float) -> None:
    """A thin row of boxes under a track's, on its scale (the numbers above), to mark in pencil."""
    pdf = ctx.pdf
    start = box_of(track.values, track.start)
    for i in range(len(track.values)):
        if i == start:
            pdf.colours(draw=track.colour, fill=light(track.colour, 0.45), width=0.5)
        else:
            pdf.colours(draw=RULE, fill=(255, 255, 255), width=0.2)
        pdf.rect(x + i * pitch + 0.35, y, pitch - 0.7, h, style="DF")


def _actor_colour(role: str) -> Colour:
    return ROLE_COLOURS.get(role, NEUTRAL)


def _bonus_text(ctx: Context) -> str:
    parts = [ctx.t("sheet.board.bonus", when=ctx.w.conditions(b.when), amount=signed(int(b.add)))
             for b in ctx.scenario.income_bonuses]
    return ctx.t("sheet.board.bonuses", list=ctx.w.join(parts)) if parts else ""


# ── markers ────────────────────────────────────────────────────────────────
@dataclass(frozen=True)
class _Marker:
    """A marker to cut out: squares for the numbers of the team's own board, rounded ones for the countries."""

    label: str
    text: str
    fill: Colour
    edge: Colour
    round: bool = False


def _markers(ctx: Context) -> list[_Marker]:
    sc, w = ctx.scenario, ctx.w
    out = [_Marker(f"sheet.marker.meter.{m.id}", w.meter(m.id), light(hex_rgb(m.colour), 0.55), hex_rgb(m.colour))
           for m in sc.meters]
    out.append(_Marker("sheet.marker.capital", w.name("capital"), (255, 255, 255), INK))
    out += [_Marker(f"sheet.marker.track.{t.id}", w.name(f"track.{t.id}"), light(NEUTRAL, 0.8), NEUTRAL)
            for t in sc.tracks]
    out.append(_Marker("sheet.marker.turn", ctx.t("sheet.marker.turn"), (255, 255, 255), INK))
    for a in sc.actors:
        if a.id != sc.player.id:
            c = _actor_colour(a.role)
            out.append(_Marker(f"sheet.marker.actor.{a.id}", w.name(f"actor.{a.id}"), light(c, 0.7), c, round=True))
    return out


ONE_LINE_MAX = 30.0
"""The widest a marker grows to keep its label on one line (mm); longer labels take two lines."""


def _marker_size(ctx: Context, markers: Sequence[_Marker]) -> tuple[float, float]:
    """The size markers of one kind are cut to: the narrowest (from 12 mm, by whole millimetres) whose labels all
    fit on one line, or if that would be wider than :data:`ONE_LINE_MAX`, in two."""
    for lines, most in ((1, ONE_LINE_MAX), (2, 60.0)):
        height = lines * line_height(MIN_BODY) + 0.05
        width = 12.0
        while width <= most:
            if all(set_blocks([Block(m.text, MARKER_SIZE, bold=True, after=0)], width - 2 * MARKER_PAD, height,
                              ctx.pdf.measure).fits for m in markers):
                return width, height + 2 * MARKER_PAD + NOTCH
            width += 1.0
    return 60.0, 2 * line_height(MIN_BODY) + 2 * MARKER_PAD + NOTCH


def _lanes(ctx: Context) -> tuple[float, float]:
    """The height of the boxes of the board's own tracks and of the relations: as tall as their markers (a marker
    may cover a box's edges, never a number)."""
    markers = _markers(ctx)
    square = [m for m in markers if not m.round]
    rounded = [m for m in markers if m.round] or square
    return max(LANE, _marker_size(ctx, square)[1]), max(LANE, _marker_size(ctx, rounded)[1])




# ── the sheets ─────────────────────────────────────────────────────────────
def track_sheet(ctx: Context) -> None:
    """The team's board of numbers (meters, capital, tracks, turn, relations) and a page of markers to cut out."""
    pdf, sc, w = ctx.pdf, ctx.scenario, ctx.w
    begin = starts(sc)
    flow = Flow(ctx, ctx.t("sheet.board.title"))
    x, width = MARGIN, pdf.w - 2 * MARGIN
    lane, relation_lane = _lanes(ctx)
    set_sections(flow, [paragraph(ctx, "sheet.board.intro", ctx.t("sheet.board.intro"), x, width, 9.0)])

    # turn and date (kept on one page), with the key to the start boxes beside its heading
    turns = _turn_rows(ctx, lane)
    set_sections(flow, [subheading(ctx, ctx.t("sheet.board.turns"), x, width, legend=True), *turns], keep=1 + len(turns))

    # meters
    rows = [subheading(ctx, ctx.t("sheet.board.meters"), x, width)]
    for m in sc.meters:
        ending = f"ending.{m.at_zero}"
        start = begin.meters[m.id]
        note = (ctx.t("sheet.board.meter_note", start=start, ending=w.name(ending)) if w.has(ending)
                else ctx.t("sheet.board.meter_note_plain", start=start))
        rows.append(_titled_track(ctx, f"sheet.board.meter.{m.id}", w.meter(m.id), note,
                                  _Track(tuple(grid(0, 100)), start, hex_rgb(m.colour), danger=0), lane))
    set_sections(flow, rows, keep=2)

    # Diplomatic Capital
    note = ctx.t("sheet.board.capital_note", start=begin.capital, cap=sc.capital_cap,
                 income=signed(begin.income)) + _bonus_text(ctx)
    set_sections(flow, [_titled_track(ctx, "sheet.board.capital", w.name("capital"), note,
                               _Track(tuple(grid(0, sc.capital_cap)), begin.capital, NEUTRAL), lane)])

    # the scenario's tracks
    if sc.tracks:
        rows = [subheading(ctx, ctx.t("sheet.board.tracks"), x, width)]
        for t in sc.tracks:
            rows.append(_titled_track(ctx, f"sheet.board.track.{t.id}", w.name(f"track.{t.id}"),
                                      ctx.t("sheet.board.track_note", start=num(t.start), lo=num(t.lo), hi=num(t.hi)),
                                      _Track(tuple(grid(t.lo, t.hi)), t.start, NEUTRAL), lane))
        set_sections(flow, rows, keep=2)

    # relations (and stance, when it fits)
    _relations(ctx, flow, relation_lane)

    _marker_page(ctx)


def _turn_rows(ctx: Context, lane: float) -> list[Section]:
    """The turn track: each box with its turn and date above it, in as many rows as it takes."""
    pdf, sc = ctx.pdf, ctx.scenario
    x, width = MARGIN, pdf.w - 2 * MARGIN
    labels = []
    for turn in range(1, sc.turns + 1):
        year, quarter = sc.date(turn)
        labels.append((str(turn), ctx.t("sheet.year", year=year), ctx.t("sheet.quarter", quarter=quarter)))
    widest = max(max(pdf.measure(a, 10.0, True), pdf.measure(b, 8.0), pdf.measure(c, 8.0)) for a, b, c in labels)
    least = widest + 1.6
    per_row = max(1, int(width // least))
    rows = math.ceil(sc.turns / per_row)
    per_row = math.ceil(sc.turns / rows)
    pitch = min(width / per_row, max(BOX_MAX, least))
    head = line_height(10.0) + 2 * line_height(8.0) + 0.6
    out = []
    for r in range(rows):
        chunk = list(enumerate(labels[r * per_row:(r + 1) * per_row], r * per_row + 1))

        def draw(y: float, chunk: list[tuple[int, tuple[str, str, str]]] = chunk) -> None:
            for i, (turn, (number, year, quarter)) in enumerate(chunk):
                bx = x + i * pitch
                pdf.line_at(bx, y + line_height(10.0) * 0.78, number, 10.0, bold=True, align="C", width=pitch)
                pdf.line_at(bx, y + line_height(10.0) + line_height(8.0) * 0.75, year, 8.0, colour=MUTED, align="C", width=pitch)
                pdf.line_at(bx, y + line_height(10.0) + line_height(8.0) * 1.75, quarter, 8.0, colour=MUTED, align="C",
                            width=pitch)
                first = turn == 1
                if first:
                    pdf.colours(draw=INK, fill=light(MUTED, 0.45), width=0.7)
                else:
                    pdf.colours(draw=RULE, fill=light(NEUTRAL, 0.88), width=0.2)
                pdf.rect(bx + 0.35, y + head + 0.35, pitch - 0.7, lane - 0.7, style="DF")

        out.append(Section(head + lane + 2.5, draw))
    return out


def _relations(ctx: Context, flow: Flow, lane: float) -> None:
    pdf, sc, w = ctx.pdf, ctx.scenario, ctx.w
    x, width = MARGIN, pdf.w - 2 * MARGIN
    actors = [a for a in sc.actors if a.id != sc.player.id]
    if not actors:
        return
    axis = w.name("stance.name")
    names = {a.id: w.name(f"actor.{a.id}") for a in actors}
    values = tuple(grid(-100, 100))
    notes = {a.id: ctx.t("sheet.board.stance_note", start=num(a.relation), stance=signed(a.stance)) for a in actors}
    widest = max([pdf.measure(n, 9.0, True) for n in names.values()] + [pdf.measure(n, 8.0) for n in notes.values()])
    most = width - len(values) * (pdf.measure(num(-100), LABEL) + 0.7)  # the numbers above the boxes stay at 8 pt
    name_w = min(most, max(26.0, widest + 3.0))

    def rows(with_stance: bool) -> list[Section]:
        out = []
        for a in actors:
            note = notes[a.id] if not with_stance else ctx.t("sheet.board.relation_note", start=num(a.relation))
            stance = _Track(values, a.stance, _actor_colour(a.role)) if with_stance else None
            out.append(_named_track(ctx, f"sheet.board.relation.{a.id}", names[a.id], [note],
                                    _Track(values, a.relation, _actor_colour(a.role)), lane, name_w, stance))
        return out

    low, high = w.name(f"actor.{sc.stance.low}"), w.name(f"actor.{sc.stance.high}")

    def head(with_stance: bool) -> list[Section]:
        help_key = "sheet.board.stance_help" if with_stance else "sheet.board.stance_text"
        return [subheading(ctx, ctx.t("sheet.board.relations"), x, width),
                paragraph(ctx, "sheet.board.stance", ctx.t(help_key, axis=axis, low=low, high=high), x, width, 8.5,
                           colour=MUTED)]

    # The stance strips go in when every relation fits on one page with them (this one, or a fresh one).
    full = flow.bottom - flow.top
    left = flow.bottom - flow.y
    with_stance = sum(s.height for s in head(True) + rows(True)) <= full
    sections = head(with_stance) + rows(with_stance)
    total = sum(s.height for s in sections)
    if total > left and total <= full:
        flow.new_page()
    set_sections(flow, sections, keep=3)


def _marker_page(ctx: Context) -> None:
    """One set of markers, each with cut marks at its corners."""
    pdf = ctx.pdf
    x, width = MARGIN, pdf.w - 2 * MARGIN
    markers = _markers(ctx)
    flow = Flow(ctx, ctx.t("sheet.markers.title"))
    x, width = MARGIN, pdf.w - 2 * MARGIN
    set_sections(flow, [paragraph(ctx, "sheet.markers.intro", ctx.t("sheet.markers.intro"), x, width, 9.0, gap=2.0)])
    inset = 5.0  # room for the marks left of the first column and above the first row
    for kind in (False, True):
        group = [m for m in markers if m.round is kind]
        if not group:
            continue
        mw, mh = _marker_size(ctx, group)
        per_row = max(1, int((width - 2 * inset + GUTTER) // (mw + GUTTER)))
        for r in range(math.ceil(len(group) / per_row)):
            y = flow.room(mh + GUTTER) + inset
            for i, m in enumerate(group[r * per_row:(r + 1) * per_row]):
                mx = x + inset + i * (mw + GUTTER)
                _draw_marker(ctx, m, mx, y, mw, mh)
                pdf.cut_marks(mx, y, mw, mh, length=2.5, gap=1.0)
            flow.take(mh + GUTTER)
        flow.take(3.0)


def _draw_marker(ctx: Context, m: _Marker, x: float, y: float, w: float, h: float) -> None:
    pdf = ctx.pdf
    pdf.colours(draw=m.edge, fill=m.fill, width=0.6)
    if m.round:
        pdf.rect(x, y, w, h, style="DF", round_corners=True, corner_radius=min(w, h) / 3)
    else:
        pdf.rect(x, y, w, h, style="DF")
    pdf.colours(fill=INK)
    pdf.polygon([(x + w / 2 - 1.1, y), (x + w / 2 + 1.1, y), (x + w / 2, y + NOTCH)], style="F")
    blocks = [Block(m.text, MARKER_SIZE, bold=True, after=0)]
    inner_w, inner_h = w - 2 * MARKER_PAD, h - 2 * MARKER_PAD - NOTCH
    setting = set_blocks(blocks, inner_w, inner_h, pdf.measure)
    top = y + MARKER_PAD + NOTCH + max(0.0, (inner_h - setting.height) / 2)
    fit_centred(ctx, m.label, blocks, x + MARKER_PAD, top, inner_w, y + h - MARKER_PAD - top)

"""The score sheet: how the final score is worked out (the scenario's own weighting, with the start as an example),
the rating bands, and a table for the teams' scores."""

from __future__ import annotations

from gaiko_game.core.report import rating_of, score_of
from gaiko_game.printkit.context import MARGIN, Context
from gaiko_game.printkit.document import MUTED
from gaiko_game.printkit.flow import Flow, Section, paragraph, set_sections, starts, subheading, table_head, table_row


# ── the score ──────────────────────────────────────────────────────────────
def _weight_text(value: float) -> str:
    return f"{value:g}"


def score_sheet(ctx: Context) -> None:
    """How the final score and rating are worked out, the rating bands, and a table for the teams' scores."""
    pdf, sc, w = ctx.pdf, ctx.scenario, ctx.w
    flow = Flow(ctx, ctx.t("sheet.score.title"))
    x, width = MARGIN, pdf.w - 2 * MARGIN
    weighting = sc.weighting()
    ids = sc.meter_ids()
    weights = {m: weighting.of(m) for m in ids}
    total = sum(weights.values())
    factors = " × ".join(w.meter(m) if weights[m] == 1 else f"{w.meter(m)}^{_weight_text(weights[m])}" for m in ids)
    formula = f"({factors})^(1/{_weight_text(total)})"
    listed = w.join([f"{w.meter(m)} {_weight_text(weights[m])}" for m in ids])
    if sc.weightings:
        weights_line = ctx.t("sheet.score.weights", name=w.name(f"weighting.{weighting.id}"), list=listed,
                             total=_weight_text(total))
    else:
        weights_line = ctx.t("sheet.score.weights_plain", list=listed, total=_weight_text(total))
    begin = starts(sc).meters
    score = score_of(dict(begin), weighting)
    example = ctx.t("sheet.score.example", values=w.join([f"{w.meter(m)} {begin[m]}" for m in ids]),
                    score=f"{score:.1f}", rating=w.name(f"rating.{rating_of(sc, score)}"))
    set_sections(flow, [
        paragraph(ctx, "sheet.score.how", ctx.t("sheet.score.how"), x, width, 9.5, gap=2.5),
        paragraph(ctx, "sheet.score.formula", ctx.t("sheet.score.formula", formula=formula), x, width, 10.5,
                   bold=True, gap=1.5),
        paragraph(ctx, "sheet.score.weights", weights_line, x, width, 9.0, gap=1.5),
        paragraph(ctx, "sheet.score.example", example, x, width, 9.0, colour=MUTED, gap=4.0),
    ])

    # the rating bands, highest first
    bands = sorted(sc.ratings, key=lambda r: -r.min_score)
    if bands:
        name_w = min(width * 0.6, max(60.0, max(pdf.measure(w.name(f"rating.{r.id}"), 9.5, True) for r in bands) + 6))
        range_w = 45.0
        row_h = 7.5
        sections = [subheading(ctx, ctx.t("sheet.score.ratings"), x, width),
                    table_head(ctx, "sheet.score.ratings",
                                [ctx.t("sheet.score.rating"), ctx.t("sheet.score.range")], [name_w, range_w], x)]
        for i, r in enumerate(bands):
            if i == 0:
                text = ctx.t("sheet.score.top", min=_weight_text(r.min_score))
            else:
                text = ctx.t("sheet.score.band", min=_weight_text(r.min_score),
                             max=_weight_text(round(bands[i - 1].min_score - 0.1, 1)))
            sections.append(table_row(ctx, f"sheet.score.band.{r.id}", [w.name(f"rating.{r.id}"), text],
                                       [name_w, range_w], x, row_h, bold_first=True))
        sections.append(Section(5.0, lambda y: None))
        set_sections(flow, sections, keep=3)

    # the teams' table
    heads = [ctx.t("sheet.score.team"), *[w.meter(m) for m in ids], ctx.t("sheet.score.score"),
             ctx.t("sheet.score.rating")]
    team_w, score_w = 30.0, 20.0
    rating_w = min(48.0, max(30.0, max((pdf.measure(w.name(f"rating.{r.id}"), 8.5) for r in bands), default=0) + 3))
    meter_w = (width - team_w - score_w - rating_w) / max(1, len(ids))
    widths = [team_w, *[meter_w] * len(ids), score_w, rating_w]
    sections = [subheading(ctx, ctx.t("sheet.score.table"), x, width),
                table_head(ctx, "sheet.score.table", heads, widths, x)]
    sections += [table_row(ctx, f"sheet.score.team.{n}", [""] * len(widths), widths, x, 11.0) for n in range(1, 9)]
    set_sections(flow, sections, keep=3)
    set_sections(flow, [Section(2.0, lambda y: None),
                 paragraph(ctx, "sheet.score.check", ctx.t("sheet.score.check"), x, width, 9.5, bold=True)])


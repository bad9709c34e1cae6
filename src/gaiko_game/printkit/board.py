"""The map board: the scenario's region in the same projection as the window, each country an actor colours filled
by its starting relation with the player (the colour-blind-safe diverging scale), each actor's token with its name,
code and starting relation and stance; actors off the map (or drawn as insets) sit in boxes at the edge."""

from __future__ import annotations

from fpdf.enums import RenderStyle

from gaiko_game.present.labels import place
from gaiko_game.present.map import Projection, map_data
from gaiko_game.present.palette import ROLE_COLOURS, diverging, light, mix
from gaiko_game.printkit.context import MARGIN, Context
from gaiko_game.printkit.document import INK, MUTED
from gaiko_game.printkit.text import Block

LAND = (236, 233, 226)
SEA = (226, 238, 247)
EDGE = (150, 150, 150)
SCALE = 100.0
"""The projection works in whole units: hundredths of a millimetre keep the board's curves smooth."""


def board(ctx: Context) -> None:
    """The map board, on a landscape page."""
    sc, w, pdf = ctx.scenario, ctx.w, ctx.pdf
    top = ctx.page(ctx.t("board.heading"), landscape=True)
    inset_w = 46.0
    box = (MARGIN, top, pdf.w - 2 * MARGIN - inset_w - 4, pdf.h - top - 30)
    proj = Projection(tuple(round(v * SCALE) for v in box), sc.map.bounds)  # type: ignore[arg-type]

    def at(lon: float, lat: float) -> tuple[float, float]:
        x, y = proj.point(lon, lat)
        return x / SCALE, y / SCALE

    pdf.colours(fill=SEA, draw=EDGE, width=0.2)
    pdf.rect(*box, style=RenderStyle.DF)
    start = {a.id: a.relation for a in sc.actors}
    with pdf.rect_clip(*box):
        for shape in map_data(sc).shapes:
            if shape.disputed:
                fill = mix(LAND, (200, 200, 200), 0.5)
            elif shape.actor == sc.player.id:
                fill = light(ROLE_COLOURS["ally"], 0.15)
            elif shape.actor in start:
                fill = light(diverging(start[shape.actor] / 100), 0.35)
            else:
                fill = LAND
            pdf.colours(fill=fill, draw=EDGE, width=0.12)
            for ring in shape.rings:
                pdf.polygon([at(x, y) for x, y in ring], style=RenderStyle.DF)
    edge_y = top
    tokens: dict[str, tuple[float, float, float]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for a in sc.actors:
        name = w.name(f"actor.{a.id}")
        colour = ROLE_COLOURS.get(a.role, MUTED)
        facts = ctx.t("board.token", relation=a.relation, stance=a.stance) if a.id != sc.player.id else ctx.t("board.you")
        if a.inset or not proj.inside(a.lon, a.lat):
            x, y = box[0] + box[2] + 4, edge_y
            pdf.colours(fill=(255, 255, 255), draw=colour, width=0.5)
            pdf.rect(x, y, inset_w, 14, style=RenderStyle.DF, round_corners=True, corner_radius=1.5)
            pdf.line_at(x + 3, y + 5.5, name, 9.0, bold=True)
            pdf.line_at(x + 3, y + 11, facts, 8.0, colour=MUTED)
            edge_y += 17
            continue
        cx, cy = at(a.lon, a.lat)
        tokens[a.id] = (cx, cy, 2.0)
        labels[a.id] = (name, facts)
    if proj.inside(sc.player.lon, sc.player.lat):
        tokens[sc.player.id] = (*at(sc.player.lon, sc.player.lat), 2.8)
        labels[sc.player.id] = (w.player(), ctx.t("board.you"))
    k = 10  # the label placer works in whole units: tenths of a millimetre
    sizes = {i: (round((max(pdf.measure(n, 9.0, True), pdf.measure(f, 8.0)) + 3) * k), round(9.5 * k))
             for i, (n, f) in labels.items()}
    placed = place({i: (round(x * k), round(y * k)) for i, (x, y, _) in tokens.items()}, sizes,
                   (round(box[0] * k), round(box[1] * k), round(box[2] * k), round(box[3] * k)),
                   {i: round(r * k) for i, (_, _, r) in tokens.items()}, gap=8, step=60, rings=6)
    for spot in placed.values():
        if spot.leader is not None:
            (x1, y1), (x2, y2) = spot.leader
            pdf.colours(draw=INK, width=0.25)
            pdf.line(x1 / k, y1 / k, x2 / k, y2 / k)
    roles = {a.id: a.role for a in sc.actors}
    for i, (cx, cy, r) in tokens.items():
        colour = ROLE_COLOURS.get(roles.get(i, "ally"), MUTED) if i != sc.player.id else (25, 25, 25)
        pdf.colours(fill=colour, draw=mix(colour, INK, 0.5), width=0.4)
        pdf.circle(cx, cy, r, style=RenderStyle.DF)
    for i, spot in placed.items():
        x, y, wd, ht = (v / k for v in spot.rect)
        name, facts = labels[i]
        pdf.colours(fill=(255, 255, 255), draw=EDGE, width=0.1)
        pdf.rect(x, y, wd, ht, style=RenderStyle.DF)
        pdf.line_at(x + 1.5, y + 3.9, name, 9.0, bold=True)
        pdf.line_at(x + 1.5, y + 8.1, facts, 8.0, colour=MUTED)
    _legend(ctx, box[0], box[1] + box[3] + 7)


def _legend(ctx: Context, x: float, y: float) -> None:
    """The relation scale and the roles' colours, under the map."""
    pdf, w = ctx.pdf, ctx.w
    pdf.line_at(x, y, ctx.t("board.scale"), 8.0, bold=True)
    x0 = x + pdf.measure(ctx.t("board.scale"), 8.0, True) + 3
    for i, v in enumerate(range(-100, 101, 25)):
        pdf.colours(fill=light(diverging(v / 100), 0.35), draw=EDGE, width=0.1)
        pdf.rect(x0 + i * 10, y - 3.2, 10, 4, style=RenderStyle.DF)
        pdf.line_at(x0 + i * 10, y + 4.5, f"{v:+d}" if v else "0", 8.0, colour=MUTED, align="C", width=10)
    x1 = x0 + 9 * 10 + 8
    used = {a.role for a in ctx.scenario.actors}
    for role in [r for r in ROLE_COLOURS if r in used]:
        pdf.colours(fill=ROLE_COLOURS[role], draw=mix(ROLE_COLOURS[role], INK, 0.5), width=0.3)
        pdf.circle(x1 + 1.6, y - 1.2, 1.6, style=RenderStyle.DF)
        label = w.name(f"role.{role}")
        pdf.line_at(x1 + 4.5, y, label, 8.0)
        x1 += 4.5 + pdf.measure(label, 8.0) + 6
    st = ctx.scenario.stance
    note = ctx.t("board.note", low=w.name(f"actor.{st.low}"), high=w.name(f"actor.{st.high}"))
    ctx.pdf.fit("board note", [Block(note, 8.0)], x, y + 6, pdf.w - 2 * MARGIN, 12)

"""The kit's cards: actions, crises and the other actors' agendas, nine to a page (poker size, 63 × 88 mm) with
cut marks, each sheet of fronts followed by its backs, mirrored left to right so that printed on both sides
(flip on the long edge) every back lands behind its front.

Every card shows its code (A07, C03, W02), which is what the referee types; its text is set to fit at 8 pt or
more, and a card that would need less is split in two (an actor with many moves), so nothing is ever too small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf.enums import RenderStyle

from gaiko_game.core.model import ActionDef, ActorDef, ChoiceDef, EventDef, Odds
from gaiko_game.core.rng import dice_needed
from gaiko_game.present.icons import Pen, Point, category_icon, draw
from gaiko_game.present.palette import GREY, ROLE_COLOURS, SERIES, Colour, light, mix
from gaiko_game.present.programmes import programme_note
from gaiko_game.printkit.context import Context
from gaiko_game.printkit.document import INK, MUTED, KitPdf
from gaiko_game.printkit.text import MIN_BODY, Block, set_blocks
from gaiko_game.printkit.words import PaperWords

CARD_W, CARD_H = 63.0, 88.0
BAND = 10.0
PAD = 3.0
BODY = 8.5
CRISIS_COLOUR: Colour = (213, 94, 0)
OPPORTUNITY_COLOUR: Colour = (0, 158, 115)
WHITE: Colour = (255, 255, 255)

Front = Callable[[Context, float, float], None]


@dataclass(frozen=True)
class Card:
    """One card: its code, the colour and icon of its band, and how to draw its front (at the card's top left)."""

    code: str
    kind: str
    colour: Colour
    icon: str
    front: Front
    back: Front | None = None
    """Its own back (the rest of a long crisis), else the kind's plain back."""


class PdfPen(Pen):
    """Draws the game's icons with the PDF's shapes: ink in one colour, cuts in the ground's."""

    def __init__(self, pdf: KitPdf, x: float, y: float, size: float, ink: Colour, ground: Colour) -> None:
        self.pdf, self.x, self.y, self.k = pdf, x, y, size / 24.0
        self.ink, self.ground = ink, ground

    def _fill(self, cut: bool) -> None:
        c = self.ground if cut else self.ink
        self.pdf.set_fill_color(*c)
        self.pdf.set_draw_color(*c)
        self.pdf.set_line_width(0.01)

    def poly(self, pts: Sequence[Point], cut: bool = False) -> None:
        self._fill(cut)
        self.pdf.polygon([(self.x + px * self.k, self.y + py * self.k) for px, py in pts], style=RenderStyle.F)

    def disc(self, c: Point, r: float, cut: bool = False) -> None:
        self._fill(cut)
        self.pdf.circle(self.x + c[0] * self.k, self.y + c[1] * self.k, r * self.k, style=RenderStyle.F)

    def box(self, x: float, y: float, w: float, h: float, r: float, cut: bool = False) -> None:
        self._fill(cut)
        k = self.k
        self.pdf.rect(self.x + x * k, self.y + y * k, w * k, h * k, style=RenderStyle.F, round_corners=r > 0,
                      corner_radius=r * k)


def icon(pdf: KitPdf, name: str, x: float, y: float, size: float, ink: Colour, ground: Colour) -> None:
    """Draw one of the game's icons in a square at (x, y)."""
    draw(name, PdfPen(pdf, x, y, size, ink, ground))


def category_colour(ctx: Context, category: str) -> Colour:
    """An action category's colour: the scenario's categories in order through the colour-blind-safe series."""
    cats = ctx.scenario.categories
    return SERIES[cats.index(category) % len(SERIES)] if category in cats else GREY


def _band(ctx: Context, card: Card, x: float, y: float, title: str) -> None:
    pdf = ctx.pdf
    ground = light(card.colour, 0.55)
    pdf.colours(fill=ground)
    pdf.rect(x, y, CARD_W, BAND, style=RenderStyle.F)
    icon(pdf, card.icon, x + 2.0, y + 1.5, 7.0, mix(card.colour, INK, 0.35), ground)
    pdf.line_at(x + 10.5, y + 6.9, card.code, 12.0, bold=True)
    pdf.line_at(x + 10.5, y + 6.9, title, 8.0, colour=INK, align="R", width=CARD_W - 10.5 - PAD)


def _odds_line(ctx: Context, odds: Odds | None, w: PaperWords) -> list[Block]:
    """A chance of success, the dice that decide it, and what shifts it."""
    if odds is None:
        return []
    out = [Block(ctx.t("card.odds", p=round(odds.base * 100), dice=dice_needed(odds.base)), BODY, bold=True)]
    for m in odds.modifiers:
        out.append(Block(ctx.t("card.odds_mod", add=f"{round(m.add * 100):+d}", when=w.conditions(m.when)), BODY))
    return out


def _effects(w: PaperWords, item: ActionDef | ChoiceDef) -> str:
    return w.join([w.effect(e, off) for off, e in item.success_plan]) or w.ui("word.no_changes")


def _failure(ctx: Context, w: PaperWords, item: ActionDef | ChoiceDef) -> list[Block]:
    if item.odds is None:
        return []
    text = w.join([w.effect(e, off) for off, e in item.failure_plan]) or w.ui("word.no_changes")
    return [Block(ctx.t("card.on_failure", effects=text), BODY)]


# ── actions ──────────────────────────────────────────────────────────────
def action_card(ctx: Context, a: ActionDef) -> Card:
    """An action's card: its name, cost, cooldown, targets, requirements, odds and effects."""
    w = paper(ctx)
    colour = category_colour(ctx, a.category)

    def front(ctx: Context, x: float, y: float) -> None:
        card = Card(ctx.codes.action[a.id], "action", colour, category_icon(a.category), front)
        _band(ctx, card, x, y, ctx.t("card.cost", cost=a.cost))
        meta = [w.name(f"category.{a.category}")]
        meta.append(ctx.t("card.cooldown", n=a.cooldown) if a.cooldown else ctx.t("card.every_turn"))
        blocks = [Block(w.name(f"action.{a.id}.name"), 10.0, bold=True, after=0.3), Block(w.join(meta), BODY)]
        if a.targets:
            names = w.join([f"{w.name(f'actor.{t}')}（{t}）" if ctx.lang == "ja" else f"{w.name(f'actor.{t}')} ({t})"
                            for t in a.targets])
            blocks.append(Block(ctx.t("card.targets", targets=names), BODY))
        if a.requires:
            blocks.append(Block(ctx.t("card.requires", conditions=w.conditions(a.requires)), BODY))
        blocks += _odds_line(ctx, a.odds, w)
        blocks.append(Block(ctx.t("card.effects", effects=_effects(w, a)), BODY))
        blocks += _failure(ctx, w, a)
        blocks += [Block(line, BODY) for line in programme_note(w, a)]
        ctx.pdf.fit(f"action {a.id}", blocks, x + PAD, y + BAND + 1.5, CARD_W - 2 * PAD, CARD_H - BAND - PAD - 1.5)

    return Card(ctx.codes.action[a.id], "action", colour, category_icon(a.category), front)


# ── crises ───────────────────────────────────────────────────────────────
def _split(ctx: Context, head: list[Block], groups: list[list[Block]], cont: Block) -> tuple[list[Block], list[Block]]:
    """The blocks of a card's two faces: ``head`` and as many groups as fit on the front, the rest (after ``cont``) on
    the back. Groups are never split; the back is empty when everything fits on the front. The front is filled at the
    body size first, and at the readable minimum when the back would not hold the rest otherwise."""
    box_w, box_h = CARD_W - 2 * PAD, CARD_H - BAND - PAD - 1.5
    faces: tuple[list[Block], list[Block]] = (list(head), [])
    for floor in (BODY, MIN_BODY):
        front = list(head)
        for n, g in enumerate(groups):
            if set_blocks([*front, *g], box_w, box_h, ctx.pdf.measure, floor=floor).fits:
                front += g
                continue
            faces = front, [cont] + [b for rest in groups[n:] for b in rest]
            if set_blocks(faces[1], box_w, box_h, ctx.pdf.measure).fits:
                return faces
            break
        else:
            return front, []
    return faces


def _with_story(ctx: Context, ev: EventDef, back: list[Block]) -> list[Block]:
    """A crisis card's back with the crisis's story under whatever ran on from the front, when the story fits there
    whole (else it stays only in the teacher's pages, read aloud)."""
    key = f"event.{ev.id}.text"
    if not ctx.w.has(key):
        return back
    trial = [*back, Block(ctx.t("card.story"), BODY, bold=True, after=0.2), Block(ctx.w.name(key), BODY, after=0)]
    fits = set_blocks(trial, CARD_W - 2 * PAD, CARD_H - BAND - PAD - 1.5, ctx.pdf.measure).fits
    return trial if fits else back


def crisis_card(ctx: Context, ev: EventDef) -> Card:
    """A crisis's card: its title, what it does when it breaks, and each answer with its cost, odds and effects,
    running on to the back when the front is full (a crisis card is dealt by the laptop, face up, so its back is free
    to hold the rest), and its story on the back when it fits there too. The teacher's pages list every story by
    code, to read aloud."""
    w = paper(ctx)
    colour = OPPORTUNITY_COLOUR if ev.opportunity else CRISIS_COLOUR
    kind = "card.opportunity" if ev.opportunity else "card.crisis"
    code = ctx.codes.crisis[ev.id]
    glyph = "opportunity" if ev.opportunity else "crisis"
    head = [Block(w.name(f"event.{ev.id}.title"), 9.5, bold=True, after=0.3)]
    now = w.join([w.effect(e, off) for off, e in ev.immediate_plan])
    if now:
        head.append(Block(ctx.t("card.when_it_breaks", effects=now), BODY, bold=True, after=0.4))
    groups = []
    for c in ev.choices:
        g = [Block(f"{ctx.codes.answer(ev, c.id)[-1]}  {w.name(f'event.{ev.id}.choice.{c.id}')}", BODY + 0.5, bold=True,
                   after=0.1)]
        bits = [ctx.t("card.cost", cost=c.cost)] if c.cost else []
        if c.id == ev.default:
            bits.append(ctx.t("card.default"))
        if c.requires:
            bits.append(ctx.t("card.requires", conditions=w.conditions(c.requires)))
        if bits:
            g.append(Block(w.join(bits), BODY, after=0.1))
        g += _odds_line(ctx, c.odds, w)
        g.append(Block(_effects(w, c), BODY, after=0.1))
        g += _failure(ctx, w, c)
        g[-1] = Block(g[-1].text, g[-1].size, g[-1].bold, after=0.5)
        groups.append(g)
    front_blocks, back_blocks = _split(ctx, head, groups, Block(ctx.t("card.continued", code=code), BODY, bold=True,
                                                                after=0.3))
    if back_blocks:
        front_blocks.append(Block(ctx.t("card.turn_over"), BODY, bold=True))
    back_blocks = _with_story(ctx, ev, back_blocks)

    def front(ctx: Context, x: float, y: float) -> None:
        _band(ctx, Card(code, "crisis", colour, glyph, front), x, y, ctx.t(kind))
        ctx.pdf.fit(f"crisis {ev.id}", front_blocks, x + PAD, y + BAND + 1.5, CARD_W - 2 * PAD,
                    CARD_H - BAND - PAD - 1.5)

    def back(ctx: Context, x: float, y: float) -> None:
        _outline(ctx.pdf, x, y)
        _band(ctx, Card(code, "crisis", colour, glyph, front), x, y, ctx.t(kind))
        ctx.pdf.fit(f"crisis {ev.id} back", back_blocks, x + PAD, y + BAND + 1.5, CARD_W - 2 * PAD,
                    CARD_H - BAND - PAD - 1.5)

    return Card(code, "crisis", colour, glyph, front, back if back_blocks else None)


# ── the other actors' agendas ────────────────────────────────────────────
def _move_blocks(ctx: Context, w: PaperWords, ev: EventDef) -> list[Block]:
    """One move of an actor's agenda: its name, its chance and what makes it likelier, what it does."""
    t = ev.trigger
    blocks = [Block(w.name(f"move.{ev.id}"), BODY + 0.5, bold=True, after=0.1)]
    chance = [ctx.t("card.move_chance", p=round(t.chance.base * 100))]
    if t.when:
        chance.append(ctx.t("card.move_when", conditions=w.conditions(t.when)))
    blocks.append(Block(w.join(chance), BODY, after=0.1))
    for m in t.chance.modifiers:
        blocks.append(Block(ctx.t("card.odds_mod", add=f"{round(m.add * 100):+d}", when=w.conditions(m.when)), BODY,
                            after=0.1))
    blocks.append(Block(ctx.t("card.effects", effects=w.join([w.effect(e, o) for o, e in ev.immediate_plan])
                              or w.ui("word.no_changes")), BODY, after=0.45))
    return blocks


def agenda_cards(ctx: Context, actor: ActorDef, start: int) -> list[Card]:
    """An actor's agenda: who it is, where it starts, and each move it may make in a turn's world phase; split
    over as many cards as its moves need at a readable size."""
    w = paper(ctx)
    moves = [e for e in ctx.scenario.events if e.actor == actor.id]
    colour = ROLE_COLOURS.get(actor.role, GREY)
    head = [Block(w.name(f"actor.{actor.id}"), 10.0, bold=True, after=0.2),
            Block(ctx.t("card.actor_start", role=w.name(f"role.{actor.role}"), relation=actor.relation,
                        stance=actor.stance), BODY, after=0.4)]
    groups: list[list[Block]] = []
    current = list(head)
    box_w, box_h = CARD_W - 2 * PAD, CARD_H - BAND - PAD - 1.5
    for ev in moves:
        trial = current + _move_blocks(ctx, w, ev)
        if len(current) > len(head) and not set_blocks(trial, box_w, box_h, ctx.pdf.measure, floor=BODY).fits:
            groups.append(current)
            current = [head[0]] + _move_blocks(ctx, w, ev)
        else:
            current = trial
    if not moves:
        current.append(Block(ctx.t("card.no_moves"), BODY))
    groups.append(current)
    cards = []
    for n, blocks in enumerate(groups):
        code = f"W{start:02d}" + (f"-{n + 1}" if len(groups) > 1 else "")

        def front(ctx: Context, x: float, y: float, blocks: list[Block] = blocks, code: str = code) -> None:
            _band(ctx, Card(code, "agenda", colour, "moved", front), x, y, ctx.t("card.agenda"))
            ctx.pdf.fit(f"agenda {actor.id} {code}", blocks, x + PAD, y + BAND + 1.5, box_w, box_h)

        cards.append(Card(code, "agenda", colour, "moved", front))
    return cards


def paper(ctx: Context) -> PaperWords:
    """The kit's words (conditions as rules)."""
    return ctx.w


# ── sheets of nine ───────────────────────────────────────────────────────
def _grid(pdf: KitPdf) -> tuple[float, float]:
    return (pdf.w - 3 * CARD_W) / 2, (pdf.h - 3 * CARD_H) / 2


def sheets(ctx: Context, cards: list[Card], back_title: str) -> None:
    """The cards nine to a page, each page of fronts followed by its page of backs (mirrored for duplex)."""
    pdf = ctx.pdf
    for start in range(0, len(cards), 9):
        batch = cards[start:start + 9]
        pdf.add_page(orientation="P")
        x0, y0 = _grid(pdf)
        for i, card in enumerate(batch):
            x, y = x0 + (i % 3) * CARD_W, y0 + (i // 3) * CARD_H
            _outline(pdf, x, y)
            card.front(ctx, x, y)
        _grid_marks(pdf, x0, y0)
        _page_note(ctx, y0, ctx.t("card.fronts", first=batch[0].code, last=batch[-1].code))
        pdf.add_page(orientation="P")
        for i, card in enumerate(batch):
            col = 2 - i % 3  # a long-edge flip puts the left column behind the right
            at = (x0 + col * CARD_W, y0 + (i // 3) * CARD_H)
            if card.back is not None:
                card.back(ctx, *at)
            else:
                _back(ctx, card, *at, back_title)
        _grid_marks(pdf, x0, y0)
        _page_note(ctx, y0, ctx.t("card.backs"))


def _outline(pdf: KitPdf, x: float, y: float) -> None:
    pdf.colours(draw=(200, 203, 206), width=0.15)
    pdf.rect(x, y, CARD_W, CARD_H, style=RenderStyle.D)


def _grid_marks(pdf: KitPdf, x0: float, y0: float) -> None:
    """Cut marks where the card edges meet the grid's border, outside it (cards share their edges)."""
    pdf.colours(draw=(120, 124, 128), width=0.2)
    x1, y1 = x0 + 3 * CARD_W, y0 + 3 * CARD_H
    reach = min(4.0, x0 - 1.0, y0 - 1.0)
    for i in range(4):
        x, y = x0 + i * CARD_W, y0 + i * CARD_H
        pdf.line(x, y0 - 1.0, x, y0 - 1.0 - reach)
        pdf.line(x, y1 + 1.0, x, y1 + 1.0 + reach)
        pdf.line(x0 - 1.0, y, x0 - 1.0 - reach, y)
        pdf.line(x1 + 1.0, y, x1 + 1.0 + reach, y)


def _page_note(ctx: Context, y0: float, text: str) -> None:
    """A line above the grid: which cards these are, the scenario and its hash."""
    pdf = ctx.pdf
    baseline = max(3.2, y0 - 5.5)
    footer = ctx.t("footer", scenario=ctx.w.name("scenario.name"), hash=ctx.scenario.content_hash[:12])
    pdf.line_at(12, baseline, f"{text}   {footer}", 7.0, colour=MUTED)


def _back(ctx: Context, card: Card, x: float, y: float, title: str) -> None:
    pdf = ctx.pdf
    ground = light(card.colour, 0.7)
    pdf.colours(fill=ground, draw=card.colour, width=0.4)
    pdf.rect(x + 2.5, y + 2.5, CARD_W - 5, CARD_H - 5, style=RenderStyle.DF, round_corners=True, corner_radius=3)
    icon(pdf, card.icon, x + CARD_W / 2 - 11, y + 22, 22.0, mix(card.colour, INK, 0.3), ground)
    pdf.line_at(x, y + 58, card.code, 16.0, bold=True, align="C", width=CARD_W)
    pdf.line_at(x, y + 67, ctx.t(f"card.back_{card.kind}"), 9.0, align="C", width=CARD_W)
    pdf.line_at(x, y + 80, title, 8.0, colour=MUTED, align="C", width=CARD_W)


def all_cards(ctx: Context) -> list[tuple[str, list[Card]]]:
    """Every card of the kit by kind: actions in menu order, crises in file order, one agenda per actor."""
    sc = ctx.scenario
    actions = [action_card(ctx, a) for a in sc.actions]
    crises = [crisis_card(ctx, e) for e in sc.events if e.choices]
    agendas: list[Card] = []
    others = [a for a in sc.actors if a.id != sc.player.id]
    for n, actor in enumerate(others, 1):
        agendas += agenda_cards(ctx, actor, n)
    return [("action", actions), ("crisis", crises), ("agenda", agendas)]

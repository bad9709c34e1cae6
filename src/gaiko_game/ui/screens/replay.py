"""The replay viewer: a finished (or saved) campaign turn by turn, read-only.

The map and HUD show the game as the chosen turn began; the turn panel beside them says what the player did
that turn, what broke and how it was answered, what the other countries did, and how the meters moved; the
timeline along the bottom has a tick a turn (crises and opportunities marked) and the end. ←/→, Home/End, the
wheel or a click on a tick choose the turn; Esc goes back to the debrief. Nothing here plays.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from gaiko_game.core import Game
from gaiko_game.present.hud import hud
from gaiko_game.present.palette import hex_rgb
from gaiko_game.present.timeline import EndView, Entry, MeterChange, TurnView, end_view, turn_views
from gaiko_game.present.words import Words
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.board_view import BoardView, Hover
from gaiko_game.ui.context import Context
from gaiko_game.ui.icons import category_icon, draw_icon
from gaiko_game.ui.screen import Pop, Screen, Transition
from gaiko_game.ui.widgets import draw_tooltip, tooltip_surface

_STEPS = {pygame.K_RIGHT: 1, pygame.K_LEFT: -1}

_LEVELS = ((2, 2, 3, 4), (2, 2, 3, 0), (2, 2, 2, 0), (2, 1, 1, 0), (1, 1, 1, 0), (1, 1, 0, 0))
"""How many lines an entry's title, note, changes and reasons may take, from roomiest to tightest."""

Level = tuple[int, int, int, int]


@dataclass(frozen=True)
class _Text:
    """A text the turn panel draws (wrapped to ``width``, at most ``lines`` lines)."""

    text: str
    x: int
    y: int
    width: int
    size: int
    colour: theme.Colour
    bold: bool = False
    lines: int = 1


@dataclass(frozen=True)
class _Mark:
    """An icon, a bar or a box the turn panel draws under its texts."""

    kind: str
    """``icon`` (``name`` in ``colour``), ``box`` (filled), ``frame`` (outlined) or ``rule`` (a line)."""
    rect: pygame.Rect
    colour: theme.Colour
    name: str = ""


class ReplayScreen(Screen):
    """←/→ step a turn, Home/End jump, the wheel or a click on the timeline too; Esc back to the debrief."""

    name = "replay"

    def __init__(self, ctx: Context, campaign: Campaign, start: int = 1) -> None:
        super().__init__(ctx)
        self.c = campaign
        self.frames: list[Game] = campaign.replayed()
        self.index = max(0, min(start - 1, len(self.frames) - 1))
        self.board = BoardView(ctx)
        self.ticks: list[pygame.Rect] = []
        self.texts_: list[_Text] = []
        self.marks: list[_Mark] = []
        self.tips: list[tuple[pygame.Rect, tuple[str, ...]]] = []
        self._layer: pygame.Surface | None = None
        self._layer_key: tuple[object, ...] | None = None
        self._tip_cache: dict[Hover, list[str]] = {}
        self._bottom = 0
        self.stops: list[int] = []
        self.focus: int | None = None
        self.resized()

    @property
    def game(self) -> Game:
        """The game as it stood when the chosen turn began (or at the end, on the last tick of a finished game)."""
        return self.frames[self.index]

    @property
    def at_end(self) -> bool:
        """Whether the chosen tick is the end of a finished game."""
        return self.c.game.is_over and self.index == len(self.frames) - 1

    @property
    def turn(self) -> TurnView | None:
        """The chosen turn (None on the end)."""
        return None if self.at_end else self.turns[min(self.index, len(self.turns) - 1)]

    def resized(self) -> None:
        self.w: Words = self.ctx.words(self.c.scenario)
        self.turns = turn_views(self.c.game, self.w, [len(f.ledger) for f in self.frames])
        self.ending: EndView | None = end_view(self.c.game, self.w)
        self._cut: dict[tuple[str, int, int, bool], int] = {}
        self.board.layout(self.game, self.w)  # the map's geometry depends on the window, not on the turn
        self.show(self.index)

    def show(self, index: int) -> None:
        """Lay out the screen for tick ``index``: the board of that turn, its panel, the timeline and the hint."""
        self.index = max(0, min(index, len(self.frames) - 1))
        self._tip_cache = {}
        self._arrange_panel()
        self._arrange_timeline()
        tips = [r for r, _ in self.tips]  # Tab visits each tooltip area not inside a later, larger one
        self.stops = [i for i, r in enumerate(tips) if not any(o.contains(r) for o in tips[i + 1:])]
        self.focus = None

    # ── input ────────────────────────────────────────────────────────────
    def handle(self, event: pygame.event.Event) -> Transition | None:
        last = len(self.frames) - 1
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return Pop()
            jumps = {pygame.K_HOME: 0, pygame.K_END: last}
            if event.key == pygame.K_TAB and self.stops:
                back = bool(event.mod & pygame.KMOD_SHIFT)
                at = self.stops.index(self.focus) if self.focus in self.stops else (0 if back else -1)
                self.focus = self.stops[(at + (-1 if back else 1)) % len(self.stops)]
            elif event.key in _STEPS:
                self.show(self.index + _STEPS[event.key])
            elif event.key in jumps:
                self.show(jumps[event.key])
        elif event.type == pygame.MOUSEWHEEL and event.y:
            self.show(self.index + (-1 if event.y > 0 else 1))
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = next((i for i, r in enumerate(self.ticks) if r.collidepoint(event.pos)), None)
            if hit is not None:
                self.show(hit)
        return None

    # ── the turn panel ───────────────────────────────────────────────────
    def _arrange_panel(self) -> None:
        """Place the panel's texts, icons and tooltip areas: every entry at its tightest, then each given more lines
        (what the player did first, the other countries' moves last) while the panel holds them; when even the
        tightest does not fit, the last entries of the longest section become "n more"."""
        bottom = self.board.panel.bottom - self.ctx.sizes.px(8)
        sections = self._entries()
        count = sum(len(s) for s in sections)
        levels = [_LEVELS[-1]] * count
        self._place(levels, None)
        if self._bottom > bottom:
            shown = list(sections)
            while self._bottom > bottom and any(shown):
                longest = max(range(len(shown)), key=lambda i: (len(shown[i]), i))
                shown[longest] = shown[longest][:-1]
                self._place(levels, shown)
            return
        for level in reversed(_LEVELS[:-1]):
            for i in range(count):
                trial = [*levels[:i], level, *levels[i + 1:]]
                self._place(trial, None)
                if self._bottom <= bottom:
                    levels = trial
        self._place(levels, None)

    def _entries(self) -> list[tuple[Entry, ...]]:
        t = self.turn
        return [] if t is None else [t.done, t.happened, t.moves] if t.finished else [t.done]

    def _place(self, levels: list[Level], shown: list[tuple[Entry, ...]] | None) -> None:
        px, p = self.ctx.sizes.px, self.board.panel
        self.texts_, self.marks, self.tips = [], [], []
        x, width = p.x + px(14), p.w - px(28)
        y = p.y + px(10)
        t = self.turn
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
        self.texts_.append(_Text(text, x, y, width, size, colour, bold, lines))
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
        self.marks.append(_Mark("rule", pygame.Rect(x, y + px(1), width, 1), theme.PANEL_HI))
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
        self.marks.append(_Mark("icon", pygame.Rect(x, y + px(1), px(18), px(18)), icon_colour, icon))
        tx, tw = x + px(26), width - px(26)
        cost_w = 0
        if e.cost:
            label = str(e.cost)
            cost_w = fonts.get(px(14), True).size(label)[0] + px(20)
            right = x + width
            self.marks.append(_Mark("icon", pygame.Rect(right - cost_w + px(2), y + px(3), px(14), px(14)),
                                    theme.YELLOW, "capital"))
            self.texts_.append(_Text(label, right - cost_w + px(18), y, cost_w, px(14), theme.YELLOW, True))
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
            self.marks.append(_Mark("box", cell, theme.PANEL_HI))
            inner_x, inner_w = cx + px(6), cell_w - px(12)
            self._text(m.name, inner_x, cy + px(2), inner_w, px(12), theme.MUTED)
            delta = m.after - m.before
            sign = f"{delta:+d}" if delta else "±0"
            sign_w = fonts.get(px(15), True).size(sign)[0]
            tone = theme.GOOD if delta > 0 else theme.BAD if delta < 0 else theme.MUTED
            span = self.w.ui("replay.span", before=m.before, after=m.after)
            self._text(span, inner_x, cy + px(2) + name_h, inner_w - sign_w - px(4), px(15), theme.INK, bold=True)
            self.texts_.append(_Text(sign, cx + cell_w - px(6) - sign_w, cy + px(2) + name_h, sign_w, px(15), tone,
                                     True))
            bar = pygame.Rect(inner_x, cell.bottom - px(8), inner_w, px(4))
            self.marks += _meter_bar(bar, m)
            self.tips.append((cell, (f"{m.name} {span} ({sign})", *m.causes)))
        rows = -(-len(meters) // cols)
        return y + rows * cell_h + (rows - 1) * gap

    def _place_end(self, x: int, y: int, width: int) -> None:
        """The end: the ending, score and rating with what they mean, the meters over the whole game, and the crisis
        decisions (as many as the panel holds; the rest as "n more")."""
        px, v = self.ctx.sizes.px, self.ending
        assert v is not None
        y += self._text(v.title, x, y, width, px(18), theme.INK, bold=True, lines=2) + px(4)
        y += self._text(v.score, x, y, width, px(14), theme.YELLOW, bold=True, lines=2) + px(2)
        y += self._text(v.rating, x, y, width, px(13), theme.INK, lines=3) + px(4)
        y += self._text(v.ending, x, y, width, px(13), theme.MUTED, lines=3) + px(8)
        first = self.frames[0].view
        meters = tuple(MeterChange(m.id, self.w.meter(m.id), m.colour, first.meter(m.id), self.game.view.meter(m.id),
                                   ()) for m in self.c.scenario.meters)
        y = self._place_meters(meters, self.w.ui("replay.net_game"), x, y, width) + px(10)
        y += self._text(self.w.ui("replay.answers"), x, y, width, px(14), theme.INK, bold=True)
        self.marks.append(_Mark("rule", pygame.Rect(x, y + px(1), width, 1), theme.PANEL_HI))
        y += px(6)
        fonts, room = self.ctx.fonts, self.board.panel.bottom - px(8) - y
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

    # ── the timeline ─────────────────────────────────────────────────────
    def _arrange_timeline(self) -> None:
        """A tick a turn across the bottom (and one for the end), each as wide as the window allows."""
        px, b = self.ctx.sizes.px, self.board.bottom
        track = pygame.Rect(b.x + px(12), b.y + px(14), b.w - px(24), px(22))
        n = len(self.frames)
        gap = px(2) if track.w / n > px(14) else 0
        self.ticks = [pygame.Rect(track.x + track.w * i // n + gap // 2, track.y,
                                  track.w * (i + 1) // n - track.w * i // n - gap, track.h) for i in range(n)]

    def tick_label(self, i: int) -> str:
        """A tick's label: its turn, or "End"."""
        return self.w.ui("replay.end") if self.c.game.is_over and i == len(self.frames) - 1 else str(i + 1)

    def tick_tip(self, i: int) -> list[str]:
        """What a tick's tooltip says: the turn in short, or the ending."""
        if self.c.game.is_over and i == len(self.frames) - 1:
            return [self.ending.title, self.ending.score] if self.ending is not None else []
        return self.turns[min(i, len(self.turns) - 1)].lines()

    def hint(self) -> str:
        """The keys, as the line under the timeline says them."""
        t = self.turn
        turn = t.turn if t is not None else self.c.scenario.turns
        return " · ".join([self.w.ui("win.replay_hint", turn=turn, turns=self.c.scenario.turns),
                           self.w.ui("replay.keys")])

    # ── drawing ──────────────────────────────────────────────────────────
    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        s = self.ctx.settings
        key = (self.index, surf.get_size(), s.lang, s.scale)
        if self._layer is None or key != self._layer_key or self._layer.get_size() != surf.get_size():
            self._layer = pygame.Surface(surf.get_size()).convert()
            self._draw_layer(self._layer)
            self._layer_key = key
        surf.blit(self._layer, (0, 0))
        if not active:
            return
        mouse = self.ctx.mouse
        hit = next((r for r in self.ticks if r.collidepoint(mouse)), None)
        if hit is None and self.board.panel.collidepoint(mouse):  # the entry whose tooltip shows
            hit = next((r.inflate(8, 4) for r, _ in reversed(self.tips) if r.collidepoint(mouse)), None)
        if hit is not None:
            pygame.draw.rect(surf, theme.SKY, hit.inflate(2, 2), width=2, border_radius=4)
        tip = self.tooltip(mouse)
        if tip:
            draw_tooltip(surf, self.ctx.fonts, tip, mouse, self.ctx.sizes.px(15), self.ctx.sizes.px(420))
        elif self.focus is not None:
            self._draw_focus(surf)

    def _draw_focus(self, surf: pygame.Surface) -> None:
        """The panel area Tab reached, framed, with its tooltip beside the panel."""
        assert self.focus is not None
        px, (rect, lines) = self.ctx.sizes.px, self.tips[self.focus]
        pygame.draw.rect(surf, theme.YELLOW, rect.inflate(10, 6), width=2, border_radius=4)
        box = tooltip_surface(self.ctx.fonts, list(lines), px(15), px(420))
        pos = (self.board.panel.x - box.get_width() - px(24), rect.y - px(16))
        draw_tooltip(surf, self.ctx.fonts, list(lines), pos, px(15), px(420))

    def tooltip(self, pos: tuple[int, int]) -> list[str]:
        """What the thing under ``pos`` means, for the turn shown: a tick, a panel entry, the map or the HUD."""
        for i, r in enumerate(self.ticks):
            if r.collidepoint(pos):
                return self.tick_tip(i)
        if self.board.panel.collidepoint(pos):
            return next((list(lines) for r, lines in reversed(self.tips) if r.collidepoint(pos)), [])
        hover = self.board.hovered(pos, self.c.scenario.player.id)
        if hover is None:
            return []
        if hover not in self._tip_cache:
            self._tip_cache[hover] = self.board.tooltip(self.game, self.w, hover)
        return self._tip_cache[hover]

    def _draw_layer(self, surf: pygame.Surface) -> None:
        px, fonts, w = self.ctx.sizes.px, self.ctx.fonts, self.w
        surf.fill(theme.BACKGROUND)
        sc = self.c.scenario
        legend = w.ui(f"win.mode_{self.board.map.mode}", player=w.player(), axis=w.name("stance.name"),
                      low=w.name(f"actor.{sc.stance.low}"), high=w.name(f"actor.{sc.stance.high}"))
        self.board.draw_map(surf, self.game, w, None, legend)
        self.board.draw_hud(surf, hud(self.game, w))
        m = self.board.map_rect
        label = w.ui("win.replay")
        box = pygame.Rect(m.x + px(8), m.y + px(8), fonts.get(px(15), True).size(label)[0] + px(14),
                          fonts.get(px(15), True).get_linesize() + px(4))
        pygame.draw.rect(surf, theme.YELLOW, box, border_radius=px(4))
        fonts.blit(surf, label, px(15), theme.BACKGROUND, bold=True, center=box.center)
        self._draw_panel(surf)
        self._draw_timeline(surf)

    def _draw_panel(self, surf: pygame.Surface) -> None:
        p, fonts = self.board.panel, self.ctx.fonts
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
            for t in self.texts_:
                fonts.draw(surf, t.text, t.x, t.y, t.width, t.size, t.colour, bold=t.bold, max_lines=t.lines, tip=True)

    def _draw_timeline(self, surf: pygame.Surface) -> None:
        px, fonts, b = self.ctx.sizes.px, self.ctx.fonts, self.board.bottom
        pygame.draw.rect(surf, theme.PANEL, b)
        pygame.draw.line(surf, theme.PANEL_HI, b.topleft, b.topright)
        with fonts.panel(b):
            for i, r in enumerate(self.ticks):
                if i and i < len(self.turns) and self.c.scenario.date(i + 1)[1] == 1:  # a year begins
                    x = r.x - max(1, (r.x - self.ticks[i - 1].right) // 2) - 1
                    pygame.draw.line(surf, theme.MUTED, (x, r.y - px(10)), (x, r.bottom), 1)
                current = i == self.index
                fill = theme.YELLOW if current else theme.PANEL_HI
                pygame.draw.rect(surf, fill, r, border_radius=px(3))
                marker = self.turns[i].marker if i < len(self.turns) and not (self.c.game.is_over and
                                                                             i == len(self.frames) - 1) else ""
                if marker:
                    size = px(11)
                    draw_icon(surf, marker, pygame.Rect(r.centerx - size // 2, r.y - size - px(2), size, size),
                              theme.BAD if marker == "crisis" else theme.GOOD)
                label = self.tick_label(i)
                colour = theme.BACKGROUND if current else theme.INK
                if fonts.get(px(12), current).size(label)[0] <= r.w - 2:
                    fonts.blit(surf, label, px(12), colour, bold=current, center=r.center)
            hint = self.hint()
            line = fonts.get(px(13)).get_linesize()
            fonts.draw(surf, hint, b.x + px(12), b.bottom - line - px(2), b.w - px(24), px(13), theme.MUTED,
                       max_lines=1)

    def texts(self) -> list[str]:
        """What the screen shows: the turn panel's texts, the timeline's labels and the hint."""
        return [t.text for t in self.texts_] + [self.tick_label(i) for i in range(len(self.ticks))] + [self.hint()]


def _meter_bar(bar: pygame.Rect, m: MeterChange) -> list[_Mark]:
    """A meter's bar over the turn: where it ended in its colour, and the part gained (bright) or lost (vermilion)."""
    def x_of(value: int) -> int:
        return bar.x + round(bar.w * max(0, min(100, value)) / 100)

    low, high = sorted((m.before, m.after))
    marks = [_Mark("box", bar, theme.BACKGROUND),
             _Mark("box", pygame.Rect(bar.x, bar.y, x_of(low) - bar.x, bar.h), hex_rgb(m.colour))]
    if high != low:
        marks.append(_Mark("box", pygame.Rect(x_of(low), bar.y, max(1, x_of(high) - x_of(low)), bar.h),
                           theme.GOOD if m.after > m.before else theme.BAD))
    return marks

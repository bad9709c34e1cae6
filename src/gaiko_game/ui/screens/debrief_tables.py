"""The debrief's tables: the benchmarks (the reference players' scores on the same seed, ranked, with the player's
among them) and what moved the meters (each meter's change split between the player, the world and the steady
pressure, then the largest causes of each)."""

from __future__ import annotations

import pygame

from gaiko_game.present.debrief import BenchRow, DebriefView, bench_rows
from gaiko_game.present.palette import hex_rgb, light, mix
from gaiko_game.present.report import signed
from gaiko_game.session.campaign import Campaign
from gaiko_game.session.debrief import Benchmarks
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screens.debrief_text import Pen


class BenchTable:
    """The benchmarks of ``campaign``'s seed and difficulty as ``bench`` has them so far, with the player's ``score``
    (and an ``earlier`` run's); drawing it collects ``tips`` (what each row's score means)."""

    def __init__(self, ctx: Context, campaign: Campaign, bench: Benchmarks, score: float,
                 earlier: float | None = None) -> None:
        self.ctx, self.c, self.bench, self.score, self.earlier = ctx, campaign, bench, score, earlier
        self.pen = Pen(ctx)
        self.tips: list[tuple[pygame.Rect, list[str]]] = []

    def rows(self) -> list[BenchRow]:
        """The players ranked by score, the player (and an earlier run) among them."""
        w = self.ctx.words(self.c.scenario)
        return list(bench_rows(w, self.bench.results(), self.score, self.earlier))

    def height(self, rect: pygame.Rect) -> int:
        """The height of the benchmarks' panel: a row for each player and for the player, a title above."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        step = fonts.get(px(13)).get_linesize() + px(3)
        count = len(self.bench.players) + 1 + (self.earlier is not None)
        return min(rect.h, px(24) + step * count + px(14))

    def draw(self, surf: pygame.Surface, rect: pygame.Rect) -> int:
        """The reference players' scores on this seed and difficulty, ranked, with the player's among them (and the
        advisor's game while it is still being played); returns the height used."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w = self.ctx.words(self.c.scenario)
        size = px(13)
        step = fonts.get(size).get_linesize() + px(3)
        rows = self.rows()
        playing = self.bench.playing()
        box = pygame.Rect(rect.x, rect.y, rect.w, self.height(rect))
        pygame.draw.rect(surf, theme.PANEL, box, border_radius=px(4))
        inner = box.inflate(-2 * px(10), -2 * px(6))
        with fonts.panel(box):
            where = w.ui("debrief.bench_where", seed=self.c.seed, difficulty=w.name(f"difficulty.{self.c.game.difficulty.id}"))
            title = self.ctx.t("debrief.benchmarks")
            title_w = fonts.get(px(15), True).size(title)[0]
            fonts.blit(surf, title, px(15), theme.INK, bold=True, topleft=(inner.x, inner.y))
            if title_w + px(16) + fonts.get(px(11)).size(where)[0] <= inner.w:
                fonts.blit(surf, where, px(11), theme.MUTED, bottomright=(inner.right, inner.y + px(19)))
            y = inner.y + px(24)
            rank_w = fonts.get(size).size("10")[0] + px(8)
            score_w = fonts.get(size, True).size("100.0")[0]
            bar_w = max(px(40), round(inner.w * 0.28))
            name_w = inner.w - rank_w - bar_w - score_w - px(16)
            for i, row in enumerate(rows):
                if y + step > box.bottom:
                    break
                line = pygame.Rect(box.x + px(4), y - px(1), box.w - px(8), step)
                you = row.kind in ("you", "earlier")
                if row.kind == "you":
                    pygame.draw.rect(surf, theme.PANEL_HI, line, border_radius=3)
                colour = theme.YELLOW if row.kind == "you" else light(theme.ORANGE, 0.2) if you else theme.INK
                fonts.blit(surf, str(i + 1), size, theme.MUTED, topleft=(inner.x, y))
                name = fonts.fit(row.name, size, name_w, bold=you, tip=True)
                fonts.blit(surf, name, size, colour, bold=you, topleft=(inner.x + rank_w, y))
                bx = inner.x + rank_w + name_w + px(8)
                bar_h = max(px(6), step // 2)
                if not row.lost:
                    pygame.draw.rect(surf, theme.BACKGROUND, (bx, y + (step - bar_h) // 2 - px(1), bar_w, bar_h))
                fill = round(bar_w * max(0.0, min(100.0, row.score)) / 100)
                if row.lost:  # a game cut short: say how, not an empty bar
                    fonts.blit(surf, fonts.fit(row.lost, px(12), bar_w, tip=True), px(12), theme.BAD,
                               midleft=(bx, y + step // 2))
                elif fill:
                    pygame.draw.rect(surf, mix(colour, theme.PANEL, 0.25), (bx, y + (step - bar_h) // 2 - px(1), fill, bar_h))
                fonts.blit(surf, f"{row.score:.1f}", size, colour, bold=you, topright=(inner.right, y))
                self.tips.append((line, list(row.tip) or [row.name, self.ctx.t("debrief.bench_tip", score=row.score,
                                                                                   rating=row.rating)]))
                y += step
            for player, played, turns in playing:
                if y + step > box.bottom:
                    break
                name = fonts.fit(self.ctx.t("debrief.advisor") if player == "lookahead" else player, size, name_w,
                                 tip=True)
                fonts.blit(surf, "…", size, theme.MUTED, topleft=(inner.x, y))
                fonts.blit(surf, name, size, theme.MUTED, topleft=(inner.x + rank_w, y))
                state = fonts.fit(self.ctx.t("debrief.thinking", turn=played, turns=turns), px(12),
                                  bar_w + score_w + px(8), tip=True)
                fonts.blit(surf, state, px(12), theme.MUTED, topright=(inner.right, y))
                self.tips.append((pygame.Rect(box.x, y, box.w, step),
                                   [self.ctx.t("debrief.advisor"), self.ctx.t("debrief.thinking", turn=played, turns=turns)]))
                y += step
        return box.h


class MovedTable:
    """What moved the meters in ``view``: a table of each meter's change by group, then the largest causes."""

    def __init__(self, ctx: Context, view: DebriefView) -> None:
        self.ctx, self.view = ctx, view
        self.pen = Pen(ctx)

    def height(self, width: int) -> int:
        """The height what moved the meters takes with every line it can show."""
        px, v = self.ctx.sizes.px, self.view
        out = self.pen.height(self.ctx.t("debrief.largest_causes"), width, px(15), True) + px(4) + self._splits_height(width)
        out += px(6) + (self.pen.height(v.steady, width, px(12)) + px(4) if v.steady else 0)
        for head, lines in ((self.ctx.t("debrief.world_heading"), v.largest), (self.ctx.t("debrief.yours_heading"), v.yours)):
            if lines:
                out += self.pen.height(head, width, px(12), True) + px(4)
                out += sum(self.pen.height(line, width - px(8), px(13)) for line, _ in lines)
        return out

    def draw(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """What moved each meter: the player's decisions, the world and its steady pressure, then the largest causes
        of each (as many as the room allows, the table and the steady pressure first)."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        if rect.h <= px(40):
            return
        with fonts.panel(rect):
            y = rect.y + self.pen.heading(surf, self.ctx.t("debrief.largest_causes"), rect.x, rect.y, rect.w)
            y += self._splits(surf, pygame.Rect(rect.x, y, rect.w, rect.bottom - y)) + px(6)
            blocks = [("steady", [(v.steady, theme.MUTED)] if v.steady else []),
                      ("world", [(line, theme.tone_colour(tone)) for line, tone in v.largest]),
                      ("yours", [(line, theme.tone_colour(tone)) for line, tone in v.yours])]
            heads = {"world": self.ctx.t("debrief.world_heading"), "yours": self.ctx.t("debrief.yours_heading")}
            room, shown = rect.bottom - y, {}
            for name, lines in blocks:
                kept: list[tuple[str, theme.Colour]] = []
                need = self.pen.height(heads[name], rect.w, px(12), True) if name in heads else 0
                for text, colour in lines:
                    more = self.pen.height(text, rect.w - px(8), px(13) if name != "steady" else px(12))
                    if need + more > room:
                        break
                    need += more
                    kept.append((text, colour))
                if kept:
                    shown[name] = kept
                    room -= need + px(4)
            for name in ("world", "yours", "steady"):
                if name not in shown:
                    continue
                if name in heads:
                    y += self.pen.draw(surf, heads[name], rect.x, y, rect.w, px(12), theme.MUTED, bold=True)
                for text, colour in shown[name]:
                    size = px(12) if name == "steady" else px(13)
                    y += self.pen.draw(surf, text, rect.x + (px(8) if name != "steady" else 0), y,
                                    rect.w - (px(8) if name != "steady" else 0), size, colour)
                y += px(4)

    def _splits_height(self, width: int) -> int:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        return self._split_head_h(width) + px(2) + fonts.get(px(13)).get_linesize() * len(self.view.splits)

    def _split_columns(self, width: int) -> tuple[int, int, int]:
        """The table's columns: the meter's name, start → end, then each group's (four of them)."""
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        font = fonts.get(px(13))
        name_w = max((font.size(s.name)[0] for s in self.view.splits), default=0) + px(10)
        span_w = font.size("100 → 100")[0] + px(10)
        return name_w, span_w, max(1, (width - name_w - span_w) // len(self._heads()))

    def _heads(self) -> list[str]:
        """The groups' column heads: your decisions, your standing, other countries and events, steady pressure."""
        return [self.ctx.t(f"debrief.split_{g}") for g in ("yours", "standing", "world", "steady")]

    def _split_head_h(self, width: int) -> int:
        px = self.ctx.sizes.px
        col = self._split_columns(width)[2]
        return max(self.pen.height(t, col - px(6), px(11)) for t in self._heads())

    def _splits(self, surf: pygame.Surface, rect: pygame.Rect) -> int:
        """Each meter from start to end, with the net change of each group of causes; returns the height used."""
        px, fonts, v = self.ctx.sizes.px, self.ctx.fonts, self.view
        size, small = px(13), px(11)
        name_w, span_w, col = self._split_columns(rect.w)
        heads = self._heads()
        head_h = self._split_head_h(rect.w)
        step = fonts.get(size).get_linesize()
        if head_h + step * len(v.splits) > rect.h:
            return 0
        x0 = rect.x + name_w + span_w
        for i, text in enumerate(heads):
            self.pen.draw(surf, text, x0 + i * col, rect.y, col - px(6), small, theme.MUTED)
        y = rect.y + head_h + px(2)
        for s in v.splits:
            fonts.blit(surf, s.name, size, light(hex_rgb(s.colour)), topleft=(rect.x, y))
            fonts.blit(surf, f"{s.start} → {s.end}", size, theme.INK, topleft=(rect.x + name_w, y))
            for i, value in enumerate((s.yours, s.standing, s.world, s.steady)):
                colour = theme.MUTED if value == 0 else theme.GOOD if value > 0 else theme.BAD
                fonts.blit(surf, signed(value, zero="0"), size, colour, bold=i == 0, topleft=(x0 + i * col, y))
            y += step
        return y - rect.y


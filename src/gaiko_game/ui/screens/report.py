"""The turn's report as a summary a player takes in at a glance, and every cause on demand.

The summary: each meter's (capital's, each moved track's) net change as a diverging bar, with its sign and number and
its biggest causes named beside it; what fired this turn and the rolls as cards; the other countries' moves as
cards (who, what, the effect, why). D, Tab or the Details button swaps in the full cause-by-cause list, scrolled
by the wheel, the arrows and Page Up/Down when it does not fit. Every text is wrapped, never cut: the summary picks
the largest text size and the fewest columns that hold all of it. The summary's layout is in ``report_summary``,
the details' table in ``report_details``; this module holds the screen: its title, button, keys and hint.
"""

from __future__ import annotations

import pygame

from gaiko_game.core import TurnReport
from gaiko_game.present.report import ReportView, turn_report
from gaiko_game.session.campaign import Campaign
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Pop, Screen, Transition
from gaiko_game.ui.screens.report_details import Details, Row
from gaiko_game.ui.screens.report_summary import Summary, draw_box
from gaiko_game.ui.widgets import Button

_CONTINUE = (pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_KP_ENTER)
_TOGGLE = (pygame.K_d, pygame.K_TAB)


class ReportScreen(Screen):
    """Enter, Space, Esc or a click continues; D, Tab or the Details button shows every cause."""

    name = "report"

    def __init__(self, ctx: Context, campaign: Campaign, report: TurnReport) -> None:
        super().__init__(ctx)
        self.c, self.report = campaign, report
        self.details = False
        self.top = 0
        """The first row of the details shown."""
        self.resized()

    def campaign(self) -> Campaign:
        return self.c

    # ── input ────────────────────────────────────────────────────────────
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in _CONTINUE:
                return Pop()
            if event.key in _TOGGLE:
                self.toggle()
            elif self.details:
                page = max(1, len(self.shown()) - 1)
                steps = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page,
                         pygame.K_HOME: -len(self.rows), pygame.K_END: len(self.rows)}
                self.scroll(steps.get(event.key, 0))
        elif event.type == pygame.MOUSEWHEEL and self.details:
            self.scroll(-event.y)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.button.hit(event.pos):
                self.toggle()
            else:
                return Pop()
        return None

    def toggle(self) -> None:
        """Between the summary and the details (which open at their top)."""
        self.details, self.top = not self.details, 0
        self.button.label = self.ctx.t("report.summary" if self.details else "report.details")

    def scroll(self, rows: int) -> None:
        """Move the details by ``rows`` rows, no further than their first row and the page that ends with the last."""
        self.top = max(0, min(self.last_top, self.top + rows))

    # ── layout ───────────────────────────────────────────────────────────
    def resized(self) -> None:
        self.view: ReportView = turn_report(self.report, self.ctx.words(self.c.scenario))
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, h = self.ctx.surface.get_size()
        self.base = self._base(w, h)
        self.margin = px(32)
        self.title_size, self.button_size, self.hint_size = round(self.base * 1.8), self.base, round(self.base * 0.9)
        self.title_y = px(16)
        label = self.ctx.t("report.summary" if self.details else "report.details")
        widest = max(fonts.get(self.button_size, True).size(self.ctx.t(k))[0] for k in ("report.summary", "report.details"))
        title_h = fonts.get(self.title_size, True).get_linesize()
        rect = pygame.Rect(0, 0, widest + 2 * px(16), fonts.get(self.button_size).get_linesize() + px(12))
        rect.midright = (w - self.margin, self.title_y + title_h // 2)
        self.button = Button(rect, label, lambda: None)
        self.body_top = max(rect.bottom, self.title_y + title_h) + px(12)
        self.title_room = rect.x - px(16) - self.margin
        self.date = self._date(self.title_room)
        self.body_bottom = h - fonts.get(self.hint_size).get_linesize() - px(20)
        self.viewport = pygame.Rect(self.margin, self.body_top, w - 2 * self.margin, self.body_bottom - self.body_top)
        self.boxes, self.fits = Summary(self.ctx, self.c.scenario, self.view, self.viewport, self.base).lay_out()
        self.table = Details(self.ctx, self.c.scenario, self.view, self.viewport, self.base)
        self.rows, self.last_top = self.table.rows, self.table.last_top
        self.top = min(self.top, self.last_top)

    def _date(self, room: int) -> str:
        """When the turn was, beside the title ("2026 Q2 · turn 6 of 24"), or "" where it would not fit."""
        year, quarter = self.c.scenario.date(self.report.turn)
        date = self.ctx.t("hud.date", year=year, quarter=quarter, turn=self.report.turn, turns=self.c.scenario.turns)
        fonts = self.ctx.fonts
        used = fonts.get(self.title_size, True).size(self.view.title)[0] + self.ctx.sizes.px(20)
        return date if used + fonts.get(self.base).size(date)[0] <= room else ""

    def _base(self, w: int, h: int) -> int:
        """The largest text size to try: 15 pixels at scale 1, up to 1.45 times that in a window larger than the scale
        needs (a 1920×1080 window at 1×)."""
        px = self.ctx.sizes.px
        return round(px(15) * min(1.45, max(1.0, min(h / px(720), w / px(1280)))))

    def shown(self) -> list[Row]:
        """The rows of the details on screen now (whole rows only; a heading goes to the page its rows are on)."""
        return self.table.shown(self.top)

    def bar(self, key: str) -> tuple[pygame.Rect, pygame.Rect]:
        """A number's bar in the summary: its trough, and the part its change fills (empty when it did not move)."""
        return self.boxes[0].bars[key]

    def shows_everything(self) -> bool:
        """Whether the summary shows every meter, move and event of this turn without cutting anything."""
        return self.fits

    # ── drawing ──────────────────────────────────────────────────────────
    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        w, h = surf.get_size()
        with fonts.panel(pygame.Rect(self.margin, self.title_y, self.title_room, self.body_top - self.title_y)):
            fonts.draw(surf, self.view.title, self.margin, self.title_y, self.title_room, self.title_size, theme.INK,
                       bold=True)
            if self.date:  # on the title's baseline
                title, small = fonts.get(self.title_size, True), fonts.get(self.base)
                x = self.margin + title.size(self.view.title)[0] + px(20)
                fonts.blit(surf, self.date, self.base, theme.MUTED,
                           topleft=(x, self.title_y + title.get_ascent() - small.get_ascent()))
        self._draw_button(surf)
        if self.details:
            self.table.draw(surf, self.top)
        else:
            for box in self.boxes:
                draw_box(surf, box, self.ctx)
        hint = self.hint()
        with fonts.panel(pygame.Rect(0, self.body_bottom, w, h - self.body_bottom)):
            fonts.blit(surf, hint, self.hint_size, theme.MUTED, bottomright=(w - self.margin, h - px(12)))

    def _draw_button(self, surf: pygame.Surface) -> None:
        """The Details / Summary button: its label centred, its edge lit while it is hovered or the details show."""
        px, fonts, b = self.ctx.sizes.px, self.ctx.fonts, self.button
        hover = b.hit(self.ctx.mouse)
        pygame.draw.rect(surf, theme.PANEL_HI if hover else theme.PANEL, b.rect, border_radius=px(6))
        pygame.draw.rect(surf, theme.SKY if hover or self.details else theme.MUTED, b.rect, width=max(1, px(1)),
                         border_radius=px(6))
        with fonts.panel(b.rect):
            fonts.blit(surf, b.label, self.button_size, theme.INK, bold=True, center=b.rect.center)

    def hint(self) -> str:
        """The keys, in the player's language: the details' (or the summary's), then how to go on."""
        own, going_on = self.ctx.t("report.details_hint" if self.details else "report.hint"), self.ctx.t("win.continue_hint")
        return f"{own} · {going_on}"

    def texts(self) -> list[str]:
        """Every text on screen now, in reading order."""
        head = [self.view.title, *([self.date] if self.date else []), self.button.label]
        hint = self.hint()
        if self.details:
            return [*head, *(t for r in self.shown() for t in (r.left, *(text for text, _ in r.right))), hint]
        return [*head, *(t.text for box in self.boxes for t in box.texts), hint]


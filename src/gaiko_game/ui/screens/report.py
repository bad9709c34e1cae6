"""The turn's report: what fired and why, and every change with its causes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from gaiko_game.core import TurnReport
from gaiko_game.core.board import Change, key_name
from gaiko_game.core.explain import cause_msg, key_rank
from gaiko_game.ui import theme
from gaiko_game.ui.screen import Pop, Screen, Transition

if TYPE_CHECKING:
    from gaiko_game.ui.screens.campaign import CampaignScreen

class ReportScreen(Screen):
    """Enter, Space, Esc or a click continues."""

    name = "report"

    def __init__(self, app: object, campaign: CampaignScreen, report: TurnReport) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.campaign, self.report = campaign, report
        self.lines = self._lines()

    def _lines(self) -> list[tuple[str, theme.Colour, bool]]:
        t, r = self.app.texts, self.report
        out: list[tuple[str, theme.Colour, bool]] = []
        for f in r.fired:
            if not f.hidden:
                out.append((t.ui("ui.fired", title=self.app.name(f"event.{f.event}.title"), why=t.render(f.why)),
                            theme.YELLOW, False))
        for roll in r.rolls:
            result = t.ui("ui.success" if roll.success else "ui.failure")
            out.append((t.ui("ui.roll", p=round(roll.p * 100), result=result) + " — " + t.render(cause_msg(roll.cause)),
                        theme.YELLOW, False))
        for event_id in r.ended:
            out.append((t.ui("situation.ended", event=self.app.name(f"event.{event_id}.title")), theme.YELLOW, False))
        by_key: dict[str, list[Change]] = {}
        for ch in r.changes:
            by_key.setdefault(ch.key, []).append(ch)
        for key in sorted(by_key, key=key_rank):
            items = by_key[key]
            delta = items[-1].after - items[0].before
            judged = key.startswith("meter.") or key == "capital"  # higher is better only for these
            colour = (theme.GOOD if delta > 0 else theme.BAD) if judged and delta else theme.INK
            out.append((t.ui("ui.report_line", name=t.render(key_name(key)), before=items[0].before,
                             after=items[-1].after, delta=delta), colour, True))
            causes: dict[object, int] = {}
            for ch in items:
                causes[ch.cause] = causes.get(ch.cause, 0) + ch.delta
            for cause, d in causes.items():
                out.append((t.ui("ui.report_cause", delta=d, cause=t.render(cause_msg(cause))).strip(),  # type: ignore[arg-type]
                            theme.MUTED, False))
        return out

    def handle(self, event: pygame.event.Event) -> Transition | None:
        done = (event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE,
                                                                pygame.K_KP_ENTER)) or (
            event.type == pygame.MOUSEBUTTONDOWN and event.button == 1)
        if done:
            self.app.apply(Pop())
            return self.campaign.after_turn()
        return None

    def draw(self, surf: pygame.Surface) -> None:
        px, fonts = self.app.sizes.px, self.app.fonts
        w, h = surf.get_size()
        title = self.app.t("ui.report_header", turn=self.report.turn).strip("- ")
        surf.blit(fonts.render(title, px(26), theme.INK, bold=True), (px(40), px(24)))
        col_w = (w - px(120)) // 2
        x, y, col = px(40), px(74), 0
        step = fonts.get(px(15)).get_linesize()
        for text, colour, bold in self.lines:
            if y + step > h - px(50):
                col += 1
                if col > 1:
                    break
                x, y = px(40) + col * (col_w + px(40)), px(74)
            y += fonts.draw(surf, text, x + (0 if bold or colour is theme.YELLOW else px(16)), y, col_w, px(15), colour,
                            bold=bold, max_lines=2)
        hint = fonts.render(self.app.t("win.continue_hint"), px(15), theme.MUTED)
        surf.blit(hint, (w - hint.get_width() - px(30), h - px(36)))

    def texts(self) -> list[str]:
        return [text for text, _, _ in self.lines]

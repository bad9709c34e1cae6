"""Load a saved campaign: every readable save of every campaign, newest first; unreadable ones are listed, not deleted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gaiko_game.present.saves import meters_line, save_label, started
from gaiko_game.session import saves
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import ToLoad, ToOpenFolder
from gaiko_game.ui.opening import open_campaign
from gaiko_game.ui.screen import Pop, Replace, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


class LoadScreen(MenuScreen):
    """Choose a save; Esc goes back. The folder is read when the screen opens, not every frame.

    Files that cannot be opened follow the saves as greyed rows, each with its reason and, on hover, where it is.
    """

    name = "load"
    button_width = 760

    def __init__(self, ctx: Context) -> None:
        self.found, self.problems = saves.listing()
        self.page = 0
        super().__init__(ctx)

    def title(self) -> str:
        return self.ctx.t("win.load")

    def subtitle(self) -> str:
        damaged = self.ctx.t("saves.damaged", n=len(self.problems)) if self.problems else ""
        return self.ctx.words().sentences([self.ctx.notice, damaged])

    def items(self) -> list[Item]:
        lang = self.ctx.settings.lang
        rows: list[Item] = [(save_label(s, lang), self._opener(s.path), True, [meters_line(s, lang), started(s, lang)])
                            for s in self.found]
        rows += [(p.text(lang), _nothing, False, [p.text(lang), saves.shown(p.path or "")]) for p in self.problems]
        room = self.fits()
        if len(rows) > room:  # pages, with a button to turn them
            room = max(1, room - 1)
            pages = (len(rows) + room - 1) // room
            self.page %= pages
            turn: Item = (self.ctx.t("win.more", page=self.page + 1, pages=pages), self._turn, True, [])
            rows = [*rows[self.page * room:(self.page + 1) * room], turn]
        return [*rows, (self.ctx.t("win.back"), Pop, True, [])]

    def fits(self) -> int:
        """How many rows fit above the Back button at this window size and scale (the newest saves first)."""
        px = self.ctx.sizes.px
        room = self.ctx.surface.get_height() - px(230)
        return max(1, room // (px(44) + px(10)) - 1)

    def _turn(self) -> Transition | None:
        """The next page of saves (the menu is laid out again after a choice)."""
        self.page += 1
        return None

    def _opener(self, path: Path) -> Callable[[], Transition | None]:
        def go() -> Transition | None:
            to = open_campaign(self.ctx, path)
            if isinstance(to, ToOpenFolder):
                return Replace(replace(to, back=ToLoad()))  # Back on the question comes back here
            return Replace(to) if to is not None else None

        return go


def _nothing() -> Transition | None:
    """What a greyed row does when chosen: nothing (it cannot be chosen)."""
    return None

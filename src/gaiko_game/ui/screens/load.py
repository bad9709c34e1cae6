"""Load a saved campaign: every readable save of every campaign, newest first; unreadable ones are listed, not deleted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gaiko_game.present.saves import meters_line, save_label, started
from gaiko_game.session import saves
from gaiko_game.ui.context import Context
from gaiko_game.ui.opening import open_campaign
from gaiko_game.ui.screen import Pop, Replace, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


class LoadScreen(MenuScreen):
    """Choose a save; Esc goes back. The folder is read when the screen opens, not every frame."""

    name = "load"
    button_width = 760

    def __init__(self, ctx: Context) -> None:
        self.found, self.problems = saves.listing()
        super().__init__(ctx)

    def title(self) -> str:
        return self.ctx.t("win.load")

    def subtitle(self) -> str:
        return self.ctx.notice or " / ".join(p.text(self.ctx.settings.lang) for p in self.problems)

    def items(self) -> list[Item]:
        lang = self.ctx.settings.lang
        items: list[Item] = [(save_label(s, lang), self._opener(s.path), True, [meters_line(s, lang), started(s, lang)])
                             for s in self.found[: self.fits()]]
        return items + [(self.ctx.t("win.back"), Pop, True, [])]

    def fits(self) -> int:
        """How many saves fit above the Back button at this window size and scale (the newest are shown)."""
        px = self.ctx.sizes.px
        room = self.ctx.surface.get_height() - px(230)
        return max(1, room // (px(44) + px(10)) - 1)

    def _opener(self, path: Path) -> Callable[[], Transition | None]:
        def go() -> Transition | None:
            to = open_campaign(self.ctx, path)
            return Replace(to) if to is not None else None

        return go

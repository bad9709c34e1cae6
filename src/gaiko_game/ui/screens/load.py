"""Load a saved campaign: every readable save, newest first; unreadable ones are listed, not deleted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gaiko_game.session import saves
from gaiko_game.ui.screen import Pop, Replace, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


class LoadScreen(MenuScreen):
    """Choose a save; Esc goes back."""

    name = "load"

    def title(self) -> str:
        return self.app.t("win.load")

    def subtitle(self) -> str:
        _, problems = saves.listing()
        return " / ".join(problems)

    def items(self) -> list[Item]:
        found, _ = saves.listing()
        items: list[Item] = [
            (self.app.t("win.save_line", turn=s.turn, when=s.saved_at, name=s.path.stem), self._opener(s.path), True,
             [f"{self.app.name(f'meter.{m}')} {v}" for m, v in s.meters.items()])
            for s in found[:8]
        ]
        return items + [(self.app.t("win.back"), lambda: Pop(), True, [])]

    def _opener(self, path: Path) -> Callable[[], Transition | None]:
        def go() -> Transition | None:
            from gaiko_game.ui.screens.title import open_save

            campaign = open_save(self.app, path)
            return Replace(campaign) if campaign is not None else None

        return go

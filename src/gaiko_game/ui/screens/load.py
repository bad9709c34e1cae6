"""Load a saved campaign: every readable save, newest first; unreadable ones are listed, not deleted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gaiko_game.session import saves
from gaiko_game.ui.screen import Pop, Replace, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


def save_label(app: object, s: saves.SaveInfo) -> str:
    """A save as the player reads it: which slot, which turn, when (local time, to the minute)."""
    from datetime import datetime

    slot = s.path.stem
    name = app.t("win.quicksave") if slot == "quicksave" else app.t("win.autosave", n=slot.rsplit("-", 1)[-1])  # type: ignore[attr-defined]
    try:
        when = datetime.fromisoformat(s.saved_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = s.saved_at
    return app.t("win.save_line", turn=s.turn, when=when, name=name)  # type: ignore[attr-defined,no-any-return]


class LoadScreen(MenuScreen):
    """Choose a save; Esc goes back."""

    name = "load"
    button_width = 620

    def title(self) -> str:
        return self.app.t("win.load")

    def subtitle(self) -> str:
        _, problems = saves.listing()
        return " / ".join(problems)

    def items(self) -> list[Item]:
        found, _ = saves.listing()
        items: list[Item] = [
            (save_label(self.app, s), self._opener(s.path), True,
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

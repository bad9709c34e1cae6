"""Asking before a save opens a scenario folder: a save file names a path, and only the player decides to load it."""

from __future__ import annotations

import pygame

from gaiko_game.session.saves import shown
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import ToOpenFolder
from gaiko_game.ui.opening import open_campaign
from gaiko_game.ui.screen import Pop, Replace, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


class OpenFolderScreen(MenuScreen):
    """"This save was played on the scenario in folder X. Open that folder?" — Open, or Back (Esc)."""

    name = "open_folder"
    button_width = 520

    def __init__(self, ctx: Context, to: ToOpenFolder) -> None:
        self.to = to
        super().__init__(ctx)

    def title(self) -> str:
        return self.ctx.t("win.folder_title")

    def subtitle(self) -> str:
        """The question; a very long path is cut in the middle to keep it on screen (Open's tooltip has all of it)."""
        t = self.ctx.t
        return t("win.folder_question", folder=middle_cut(shown(self.to.folder), 150)) + " " + t("win.folder_note")

    def items(self) -> list[Item]:
        t = self.ctx.t
        return [(t("win.folder_open"), self._open, True, [shown(self.to.folder)]), (t("win.back"), self._back, True, [])]

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self._back()
        return super().handle(event)

    def _open(self) -> Transition:
        """Load the folder now; when the save still cannot open, back to where the player came from, saying why."""
        to = open_campaign(self.ctx, self.to.save, self.to.folder)
        return Replace(to) if to is not None else self._back()

    def _back(self) -> Transition:
        return Replace(self.to.back) if self.to.back is not None else Pop()


def middle_cut(text: str, limit: int) -> str:
    """``text`` of at most ``limit`` characters, cut in the middle (a path keeps its start and its last folders)."""
    if len(text) <= limit:
        return text
    head = limit // 3
    return text[:head] + "…" + text[len(text) - (limit - head - 1):]

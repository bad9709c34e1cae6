"""Settings: language, UI scale for projectors, fullscreen — remembered between runs."""

from __future__ import annotations

from gaiko_game.ui.screen import Pop, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen
from gaiko_game.ui.settings import SCALES
from gaiko_game.ui.theme import fitting


class SettingsScreen(MenuScreen):
    """Each entry cycles its setting; the change applies at once and is saved."""

    name = "settings"

    def title(self) -> str:
        return self.ctx.t("win.settings")

    def items(self) -> list[Item]:
        s = self.ctx.settings
        lang = "日本語" if s.lang == "ja" else "English"
        on = self.ctx.t("win.on" if s.fullscreen else "win.off")
        return [
            (self.ctx.t("win.language", value=lang), self._language, True, [self.ctx.t("win.language_tip")]),
            (self.ctx.t("win.scale", value=f"{self.ctx.sizes.scale:g}×"), self._scale, True,
             [self.ctx.t("win.scale_tip", fits=" / ".join(f"{f:g}×" for f in self._fits()))]),
            (self.ctx.t("win.fullscreen", value=on), self._fullscreen, True, [self.ctx.t("win.fullscreen_tip")]),
            (self.ctx.t("win.advisor", value=self.ctx.t("win.on" if s.advisor else "win.off")), self._advisor, True,
             [self.ctx.t("win.advisor_tip")]),
            (self.ctx.t("win.back"), Pop, True, []),
        ]

    def _language(self) -> Transition | None:
        s = self.ctx.settings
        self.ctx.apply_settings(s.with_(lang="en" if s.lang == "ja" else "ja"))
        return None

    def _fits(self) -> tuple[float, ...]:
        """The scales that fit the window as it is now (the only ones offered)."""
        return fitting(SCALES, self.ctx.surface.get_size())

    def _scale(self) -> Transition | None:
        fits, now = self._fits(), self.ctx.sizes.scale
        following = [f for f in fits if f > now]
        self.ctx.apply_settings(self.ctx.settings.with_(scale=following[0] if following else fits[0]))
        return None

    def _advisor(self) -> Transition | None:
        s = self.ctx.settings
        self.ctx.apply_settings(s.with_(advisor=not s.advisor))
        return None

    def _fullscreen(self) -> Transition | None:
        s = self.ctx.settings
        self.ctx.apply_settings(s.with_(fullscreen=not s.fullscreen))
        return None

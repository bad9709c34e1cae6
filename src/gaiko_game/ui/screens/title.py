"""The title screen: start a campaign, change settings, quit."""

from __future__ import annotations

from gaiko_game.ui.screen import Push, Quit, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


class TitleScreen(MenuScreen):
    """The first screen; Esc here quits."""

    name = "title"

    def title(self) -> str:
        return "外交 Gaikō" if self.app.settings.lang == "ja" else "Gaikō 外交"

    def subtitle(self) -> str:
        return f"{self.app.name('scenario.name')} — {self.app.name('scenario.description')}"

    def items(self) -> list[Item]:
        t = self.app.t
        scenario = self.app.name("scenario.name")
        return [
            (t("win.new_campaign"), self._new, True, [t("win.new_campaign_tip", scenario=scenario)]),
            (t("win.settings"), self._settings, True, []),
            (t("win.quit"), lambda: Quit(), True, []),
        ]

    def _new(self) -> Transition:
        from gaiko_game.ui.screens.campaign import CampaignScreen

        return Push(CampaignScreen.new(self.app))

    def _settings(self) -> Transition:
        from gaiko_game.ui.screens.settings_screen import SettingsScreen

        return Push(SettingsScreen(self.app))

"""The title screen: start a campaign, change settings, quit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from gaiko_game.session import saves
from gaiko_game.ui.screen import Push, Quit, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen

if TYPE_CHECKING:
    from gaiko_game.ui.app import App
    from gaiko_game.ui.screens.campaign import CampaignScreen


def TUTORIAL() -> Path:  # noqa: N802 - reads as a constant, resolved when asked
    """The bundled tutorial scenario's folder."""
    from gaiko_game.scenario.bundled import scenarios_root

    return scenarios_root() / "tutorial"


def open_save(app: App, path: Path) -> CampaignScreen | None:
    """The campaign in a save file; when it cannot be used, the reason goes to ``app.notice``."""
    from gaiko_game.ui.screens.campaign import CampaignScreen

    try:
        game, seed = saves.load(path, app.scenario)
    except saves.ChangedScenario as e:  # offer what still works: the decisions the new rules accept
        game, seed, played, total = saves.load_partial(path, app.scenario)
        campaign = CampaignScreen(app, game, seed)
        campaign.message = app.t("win.changed_scenario", why=str(e), played=played, total=total)
        return campaign
    except saves.BadSave as e:
        app.notice = str(e)
        return None
    return CampaignScreen(app, game, seed)


class TitleScreen(MenuScreen):
    """The first screen; Esc here quits."""

    name = "title"

    def title(self) -> str:
        return "外交 Gaikō" if self.app.settings.lang == "ja" else "Gaikō 外交"

    def subtitle(self) -> str:
        notice = getattr(self.app, "notice", "")
        return notice or f"{self.app.name('scenario.name')} — {self.app.name('scenario.description')}"

    def items(self) -> list[Item]:
        t = self.app.t
        scenario = self.app.name("scenario.name")
        found, problems = saves.listing()
        from gaiko_game.ui.screens.load import save_label

        latest = [save_label(self.app, found[0])] if found else []
        none = [t("win.no_saves")]
        return [
            (t("win.new_campaign"), self._new, True, [t("win.new_campaign_tip", scenario=scenario)]),
            (t("win.continue"), self._continue, bool(found), latest or none),
            (t("win.load"), self._load, bool(found), (latest or none) + problems),
            (t("win.encyclopedia"), self._encyclopedia, True, [t("win.encyclopedia_tip")]),
            (t("win.settings"), self._settings, True, []),
            (t("win.tutorial"), self._tutorial, TUTORIAL().is_dir(), [t("win.tutorial_tip")]),
            (t("win.quit"), lambda: Quit(), True, []),
        ]

    def _tutorial(self) -> Transition | None:
        from gaiko_game.scenario.loader import load
        from gaiko_game.ui.screens.new_campaign import NewCampaignScreen

        result = load(TUTORIAL())
        if result.scenario is None:
            self.app.notice = self.app.t("win.tutorial_broken")
            return None
        self.app.set_scenario(result.scenario)
        return Push(NewCampaignScreen(self.app))

    def _continue(self) -> Transition | None:
        found, _ = saves.listing()
        campaign = open_save(self.app, found[0].path) if found else None
        return Push(campaign) if campaign is not None else None

    def _load(self) -> Transition:
        from gaiko_game.ui.screens.load import LoadScreen

        return Push(LoadScreen(self.app))

    def _encyclopedia(self) -> Transition:
        from gaiko_game.ui.screens.encyclopedia import EncyclopediaScreen

        return Push(EncyclopediaScreen(self.app))

    def _new(self) -> Transition:
        from gaiko_game.ui.screens.new_campaign import NewCampaignScreen

        return Push(NewCampaignScreen(self.app))

    def _settings(self) -> Transition:
        from gaiko_game.ui.screens.settings_screen import SettingsScreen

        return Push(SettingsScreen(self.app))

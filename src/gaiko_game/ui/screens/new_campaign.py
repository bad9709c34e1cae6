"""A new campaign: choose the scenario and the difficulty, then start."""

from __future__ import annotations

from gaiko_game.scenario.bundled import bundled
from gaiko_game.scenario.loader import load
from gaiko_game.ui.screen import Pop, Replace, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


class NewCampaignScreen(MenuScreen):
    """Enter cycles a choice; Start begins; Esc goes back."""

    name = "new_campaign"

    def __init__(self, app: object) -> None:
        self.folders = bundled()
        self.levels: list[str] = []
        self.level = 0
        super().__init__(app)
        self._sync_levels()

    def _sync_levels(self) -> None:
        sc = self.app.scenario
        self.levels = [d.id for d in sc.difficulties] or ["standard"]
        wanted = self.app.difficulty if self.app.difficulty in self.levels else sc.default_difficulty
        self.level = self.levels.index(wanted) if wanted in self.levels else 0
        self.focus = 2  # Start: the common case is Enter straight away
        self.resized()

    def title(self) -> str:
        return self.app.t("win.new_campaign")

    def subtitle(self) -> str:
        return self.app.name("scenario.description")

    def items(self) -> list[Item]:
        t, name = self.app.t, self.app.name
        level = self.levels[self.level] if self.levels else "standard"
        level_name = name(f"difficulty.{level}") if self.app.texts.has(f"difficulty.{level}") else level
        level_tip = [name(f"difficulty.{level}.desc")] if self.app.texts.has(f"difficulty.{level}.desc") else []
        many = len(self.folders) > 1
        return [
            (t("win.scenario", name=name("scenario.name")), self._next_scenario, many,
             [name("scenario.description")] if many else [t("win.one_scenario")]),
            (t("win.difficulty", name=level_name), self._next_level, len(self.levels) > 1, level_tip),
            (t("win.start"), self._start, True, level_tip),
            (t("win.back"), lambda: Pop(), True, []),
        ]

    def _next_scenario(self) -> Transition | None:
        ids = [p.name for p in self.folders]
        current = ids.index(self.app.scenario.id) if self.app.scenario.id in ids else -1
        result = load(self.folders[(current + 1) % len(self.folders)])
        if result.scenario is not None:
            self.app.set_scenario(result.scenario)
            self._sync_levels()
        return None

    def _next_level(self) -> Transition | None:
        self.level = (self.level + 1) % len(self.levels)
        return None

    def _start(self) -> Transition:
        from gaiko_game.ui.screens.campaign import CampaignScreen

        return Replace(CampaignScreen.new(self.app, difficulty=self.levels[self.level]))

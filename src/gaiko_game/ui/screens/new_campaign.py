"""A new campaign: choose the scenario and the difficulty, then start."""

from __future__ import annotations

from gaiko_game.core import Scenario
from gaiko_game.scenario.bundled import bundled
from gaiko_game.scenario.loader import load
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import ToCampaign
from gaiko_game.ui.screen import Pop, Replace, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


class NewCampaignScreen(MenuScreen):
    """Enter cycles a choice; Start begins; Esc goes back."""

    name = "new_campaign"

    def __init__(self, ctx: Context, scenario: Scenario, source: Source) -> None:
        self.scenario, self.source = scenario, source
        self.folders = bundled()
        self.levels: list[str] = []
        self.level = 0
        self.weighting = 0
        super().__init__(ctx)
        self._sync_levels()

    def _sync_levels(self) -> None:
        sc = self.scenario
        self.levels = list(sc.difficulty_ids())
        wanted = self.ctx.difficulty if self.ctx.difficulty in self.levels else sc.default_difficulty
        self.level = self.levels.index(wanted) if wanted in self.levels else 0
        self.weighting = 0
        self.focus = 3  # Start: the common case is Enter straight away
        self.resized()

    def title(self) -> str:
        return self.ctx.t("win.new_campaign")

    def subtitle(self) -> str:
        """The scenario's note on what it is (facts as of when, what is fictional, where its model is explained),
        before anyone starts; its description when it has no note (the scenario button's tip holds both)."""
        w = self.ctx.words(self.scenario)
        return w.note() or w.name("scenario.description")

    def items(self) -> list[Item]:
        w = self.ctx.words(self.scenario)
        level = self.levels[self.level] if self.levels else "standard"
        level_name = w.name(f"difficulty.{level}") if w.has(f"difficulty.{level}") else level
        level_tip = [w.name(f"difficulty.{level}.desc")] if w.has(f"difficulty.{level}.desc") else []
        many = len(self.folders) > 1
        about = [w.name("scenario.description"), *([w.note()] if w.note() else [])]
        weightings = self.scenario.weightings
        value = weightings[self.weighting].id if weightings else ""
        value_name = w.name(f"weighting.{value}") if value else w.ui("win.weighting_equal")
        value_tip = [w.name(f"weighting.{value}.desc")] if value else []
        return [
            (w.ui("win.scenario", name=w.name("scenario.name")), self._next_scenario, many,
             about if many else [*about, w.ui("win.one_scenario")]),
            (w.ui("win.difficulty", name=level_name), self._next_level, len(self.levels) > 1, level_tip),
            (w.ui("win.weighting", name=value_name), self._next_weighting, len(weightings) > 1, value_tip),
            (w.ui("win.start"), self._start, True, level_tip),
            (w.ui("win.back"), Pop, True, []),
        ]

    def _next_scenario(self) -> Transition | None:
        ids = [p.name for p in self.folders]
        current = ids.index(self.scenario.id) if self.scenario.id in ids else -1
        folder = self.folders[(current + 1) % len(self.folders)]
        result = load(folder)
        if result.scenario is not None:
            self.scenario, self.source = result.scenario, Source.of(folder)
            self._sync_levels()
        return None

    def _next_level(self) -> Transition | None:
        self.level = (self.level + 1) % len(self.levels)
        return None

    def _next_weighting(self) -> Transition | None:
        self.weighting = (self.weighting + 1) % max(1, len(self.scenario.weightings))
        return None

    def _start(self) -> Transition:
        weightings = self.scenario.weightings
        campaign = Campaign.new(self.scenario, self.source, self.ctx.seed, self.levels[self.level],
                                weighting=weightings[self.weighting].id if weightings else None)
        return Replace(ToCampaign(campaign))

"""A new campaign: choose the scenario (a bundled one or an installed mod) and the difficulty, then start.

Installed mods are offered beside the bundled scenarios; one that is broken or made for another game version is
shown with its first located problems and cannot be started.
"""

from __future__ import annotations

from gaiko_game import __version__
from gaiko_game.core import Scenario
from gaiko_game.scenario.loader import load
from gaiko_game.session import mods
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
        self.entries = mods.catalogue()
        here = source.mod or source.bundled or scenario.id
        self.at = next((i for i, e in enumerate(self.entries) if e.id == here), -1)
        self.unplayable: mods.Entry | None = None
        """The installed mod shown now when it cannot be played (its problems take the subtitle)."""
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
        if self.unplayable is not None:
            return self._problems(self.unplayable)
        w = self.ctx.words(self.scenario)
        return w.note() or w.name("scenario.description")

    def _problems(self, entry: mods.Entry) -> str:
        """Why an installed mod cannot be played: the versions it needs, or its first located problems."""
        t = self.ctx.t
        if entry.status == "incompatible":
            return t("win.mod_incompatible", needs=entry.needs, version=__version__)
        shown = [f"{d.location()}: {d.message}" for d in entry.problems[:2]]  # the subtitle holds four lines
        return t("win.mod_broken", problems="\n".join(shown))

    def items(self) -> list[Item]:
        w = self.ctx.words(self.scenario)
        level = self.levels[self.level] if self.levels else "standard"
        level_name = w.name(f"difficulty.{level}") if w.has(f"difficulty.{level}") else level
        level_tip = [w.name(f"difficulty.{level}.desc")] if w.has(f"difficulty.{level}.desc") else []
        many = len(self.entries) > 1
        about = [w.name("scenario.description"), *([w.note()] if w.note() else [])]
        scenario_label = w.ui("win.scenario", name=w.name("scenario.name"))
        if self.source.mod:
            scenario_label = w.ui("win.scenario_mod", name=w.name("scenario.name"))  # its version: in the tip
            entry = self.entries[self.at] if 0 <= self.at < len(self.entries) else None
            if entry is not None:
                about.append(w.ui("win.mod_about", mod=entry.id, version=entry.version, author=entry.author,
                                  licence=entry.licence))
        if self.unplayable is not None:
            scenario_label = w.ui("win.scenario_broken", name=self.unplayable.name(w.lang))
            about = [self._problems(self.unplayable)]
        weightings = self.scenario.weightings
        value = weightings[self.weighting].id if weightings else ""
        value_name = w.name(f"weighting.{value}") if value else w.ui("win.weighting_equal")
        value_tip = [w.name(f"weighting.{value}.desc")] if value else []
        return [
            (scenario_label, self._next_scenario, many, about if many else [*about, w.ui("win.one_scenario")]),
            (w.ui("win.difficulty", name=level_name), self._next_level, len(self.levels) > 1, level_tip),
            (w.ui("win.weighting", name=value_name), self._next_weighting, len(weightings) > 1, value_tip),
            (w.ui("win.start"), self._start, self.unplayable is None, level_tip),
            (w.ui("win.back"), Pop, True, []),
        ]

    def _next_scenario(self) -> Transition | None:
        """The next bundled scenario or installed mod; one that cannot be played is shown, and Start stays off."""
        self.at = (self.at + 1) % len(self.entries)
        entry = self.entries[self.at]
        result = load(entry.path) if entry.playable else None
        if result is None or result.scenario is None or not result.ok:
            self.unplayable = entry if not entry.bundled else None
            self.focus = 0
            return None
        self.unplayable = None
        self.scenario, self.source = result.scenario, Source.of(entry.path)
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

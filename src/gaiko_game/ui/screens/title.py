"""The title screen: new campaign (of a bundled scenario or an installed mod), continue, load, encyclopedia, settings,
tutorial, quit."""

from __future__ import annotations

import pygame

from gaiko_game.core import Scenario
from gaiko_game.present.saves import save_label
from gaiko_game.scenario.bundled import bundled_by_id
from gaiko_game.scenario.loader import load
from gaiko_game.session import mods, saves
from gaiko_game.session.campaign import Source
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import ToEncyclopedia, ToLoad, ToNewCampaign, ToSettings
from gaiko_game.ui.opening import open_campaign
from gaiko_game.ui.screen import Push, Quit, Transition
from gaiko_game.ui.screens.menu import Item, MenuScreen


class TitleScreen(MenuScreen):
    """The first screen; Esc here quits."""

    name = "title"
    button_width = 520  # wide enough for a tutorial's name and length in either language

    def __init__(self, ctx: Context) -> None:
        self.found: list[saves.SaveInfo] = []
        self.problems: list[saves.BadSave] = []
        self._installed: list[mods.Entry] = []
        self._tutorial = self._find_tutorial(ctx)
        super().__init__(ctx)

    def resized(self) -> None:
        self.found, self.problems = saves.listing()  # once per layout, never per frame; unchanged files are not re-read
        self._installed = mods.installed()
        super().resized()

    def title(self) -> str:
        return "外交 Gaikō" if self.ctx.settings.lang == "ja" else "Gaikō 外交"

    def subtitle(self) -> str:
        w = self.ctx.words()
        return self.ctx.notice or f"{w.name('scenario.name')} — {w.name('scenario.description')}"

    def mods_line(self) -> str:
        """The installed mods by name (none installed: nothing), shown along the bottom, so a modder sees theirs."""
        t, lang = self.ctx.t, self.ctx.settings.lang
        names = [m.name(lang) if m.playable else t("win.mod_cannot_play", name=m.name(lang)) for m in self._installed]
        return t("win.mods_installed", names=" · ".join(names)) if names else ""

    def texts(self) -> list[str]:
        line = self.mods_line()
        return [*super().texts(), *([line] if line else [])]

    def items(self) -> list[Item]:
        t, lang = self.ctx.t, self.ctx.settings.lang
        latest = saves.latest_unfinished(self.found)
        newest = [save_label(self.found[0], lang)] if self.found else []
        problems = [t("saves.damaged", n=len(self.problems))] if self.problems else []
        resume = ([save_label(latest, lang)] if latest else [t("saves.all_over")] if self.found
                  else problems or [t("saves.none")])
        if not newest and not problems:
            newest = [t("saves.none")]
        items: list[Item] = [
            (t("win.new_campaign"), self._new, True,
             [t("win.new_campaign_tip", scenario=self.ctx.words().name("scenario.name")), self._scenarios_tip()]),
            (t("win.continue"), self._continue, latest is not None, resume),
            (t("win.load"), lambda: Push(ToLoad()), bool(self.found or self.problems), newest + problems),
            (t("win.encyclopedia"), lambda: Push(ToEncyclopedia(self.ctx.home)), True, [t("win.encyclopedia_tip")]),
            (t("win.settings"), lambda: Push(ToSettings()), True, []),
        ]
        if self._tutorial is not None:
            w = self.ctx.words(self._tutorial)
            items.append((t("win.tutorial", name=w.name("scenario.name"), turns=self._tutorial.turns),
                          self._start_tutorial, True, [t("win.tutorial_tip")]))
        return [*items, (t("win.quit"), Quit, True, [])]

    def _scenarios_tip(self) -> str:
        """How many scenarios New campaign offers: the bundled ones and the installed mods (a broken one too)."""
        installed = self._installed
        return self.ctx.t("win.scenarios_tip", bundled=len(mods.bundled_entries()), mods=len(installed),
                          broken=sum(not m.playable for m in installed))

    @staticmethod
    def _find_tutorial(ctx: Context) -> Scenario | None:
        """The home scenario's tutorial, loaded once, when it names one that is installed (a broken one says so)."""
        folder = bundled_by_id(ctx.home.tutorial) if ctx.home.tutorial else None
        if folder is None:
            return None
        loaded = load(folder).scenario
        if loaded is None:
            ctx.notice = ctx.t("win.tutorial_broken")
        return loaded

    def _start_tutorial(self) -> Transition | None:
        assert self._tutorial is not None
        return Push(ToNewCampaign(self._tutorial, Source(bundled=self._tutorial.id)))

    def _new(self) -> Transition:
        return Push(ToNewCampaign(self.ctx.home, self.ctx.home_source))

    def _continue(self) -> Transition | None:
        latest = saves.latest_unfinished(self.found)
        to = open_campaign(self.ctx, latest.path) if latest else None
        return Push(to) if to is not None else None

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        super().draw(surf, active)
        px = self.ctx.sizes.px
        w, h = surf.get_size()
        version = self.ctx.fonts.blit(surf, self.ctx.t("win.version", version=self.ctx.version), px(13), theme.DIM,
                                      bottomright=(w - px(12), h - px(4)))
        line = self.mods_line()
        if line:
            # cut to the width when many are installed: New campaign lists every one, so a cut loses nothing
            fitted = self.ctx.fonts.fit(line, px(15), version.left - px(36), tip=True)
            self.ctx.fonts.blit(surf, fitted, px(15), theme.MUTED, bottomleft=(px(12), h - px(4)))

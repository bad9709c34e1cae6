"""Installed mods in the window: the title still starts with a broken one; New campaign offers the installed mods
beside the bundled scenarios, shows a broken one with its located problems, and plays a good one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from gaiko_game.core import Scenario
from gaiko_game.session import modarchive, mods
from gaiko_game.session.campaign import Source
from gaiko_game.ui.app import App
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.new_campaign import NewCampaignScreen
from gaiko_game.ui.screens.title import TitleScreen
from gaiko_game.ui.textlog import TextLog
from tests.test_mods import MANIFEST, mod_folder
from tests.test_ui import make_app, press

SHOTS = Path(os.environ.get("GAIKO_MOD_SHOTS", "")) if os.environ.get("GAIKO_MOD_SHOTS") else None
"""Set to a folder to keep the screenshots of this test (they are written to a temporary folder otherwise)."""


def install_two(tmp_path: Path) -> None:
    """A good mod (Finland, from a zip) and a broken one (a folder with a misspelt key) in the mods folder."""
    archive = modarchive.pack(mod_folder(tmp_path / "src"), tmp_path / "nw.zip").path
    modarchive.install(archive)
    broken = mod_folder(mods.mods_dir(), MANIFEST.replace("northern_watch", "broken_watch").replace("Northern", "Broken")
                           .replace("北の", "壊れた"), "broken_watch")
    yaml = broken / "scenario.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("id: northern_watch", "id: broken_watch")
                    .replace("turns: 8", "turnz: 8"), encoding="utf-8")


def hover(app: App, pos: tuple[int, int]) -> None:
    """Point at a place (its tooltip shows) and draw a frame."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.step()


def cycle_to(app: App, label_start: str) -> NewCampaignScreen:
    """On New campaign, press the scenario button until its label starts so."""
    screen = app.screen
    assert isinstance(screen, NewCampaignScreen)
    for _ in range(len(screen.entries)):
        if screen.buttons[0].label.startswith(f"1. {label_start}"):
            return screen
        press(app, pygame.K_1)
        screen = app.screen
        assert isinstance(screen, NewCampaignScreen)
    raise AssertionError(f"no scenario labelled {label_start!r}: {[b.label for b in screen.buttons]}")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_broken_mod_is_shown_with_its_problems_and_a_good_one_plays(lang: str, default: Scenario, data: Path,
                                                                      tmp_path: Path) -> None:
    install_two(tmp_path)
    shots = SHOTS or tmp_path / "shots"
    app = make_app(default, lang)
    assert isinstance(app.screen, TitleScreen)
    tip = app.screen.buttons[0].tooltip[-1]
    assert tip == {"en": "4 bundled scenario(s), 2 installed mod(s) (1 cannot be played).",
                   "ja": "同梱のシナリオ 4 本、インストール済みのモッド 2 本（うち遊べないもの 1 本）。"}[lang]
    assert app.screen.mods_line() == {
        "en": "Installed mods, under New campaign: Broken Watch (cannot be played) · Northern Watch",
        "ja": "インストール済みのモッド（「新しいキャンペーン」で選べます）：壊れた見張り（遊べません） · 北の見張り"}[lang]
    app.fonts.log = log = TextLog()  # the line is drawn, whole, on the title screen itself
    app.step()
    app.fonts.log = None
    assert [p.text for p in log.placed if p.text == app.screen.mods_line() and not p.shortened]
    hover(app, app.screen.buttons[0].rect.center)
    assert app.screenshot(shots / f"title-{lang}.png")
    press(app, pygame.K_1)  # New campaign
    broken = cycle_to(app, {"en": "Scenario: Broken Watch (broken mod)", "ja": "シナリオ：壊れた見張り（壊れたモッド）"}[lang])
    assert broken.unplayable is not None and broken.unplayable.id == "broken_watch"
    assert not broken.buttons[3].enabled  # Start
    problems = ("broken_watch/scenario.yaml:9:1: missing required key 'turns'\n"
                "broken_watch/scenario.yaml:11:1: unknown key 'turnz'")
    assert broken.subtitle() == {
        "en": "This mod is broken and cannot be played (gaiko validate shows every problem). Its first problems:\n",
        "ja": "このモッドは壊れているため遊べません（gaiko validate ですべて確認できます）。最初の問題：\n"}[lang] + problems
    app.step()
    assert app.screenshot(shots / f"new_campaign_broken-{lang}.png")
    press(app, pygame.K_RETURN)  # Start is off: nothing happens
    assert app.screen is broken
    good = cycle_to(app, {"en": "Scenario: Northern Watch 2026 (mod)", "ja": "シナリオ：北の見張り2026（モッド）"}[lang])
    assert good.buttons[0].tooltip[-1] == {"en": "Mod “northern_watch” version 1.0.0 · by Test Author · licence CC-BY-4.0",
                                           "ja": "モッド「northern_watch」バージョン 1.0.0 · 作者 Test Author · ライセンス "
                                                 "CC-BY-4.0"}[lang]
    hover(app, good.buttons[0].rect.center)
    assert app.screenshot(shots / f"new_campaign_mod-{lang}.png")
    assert good.source == Source(mod="northern_watch", version="1.0.0")
    press(app, pygame.K_4)  # Start
    assert isinstance(app.screen, CampaignScreen)
    campaign = app.screen.c
    assert campaign.scenario.id == "northern_watch"
    assert campaign.data()["source"] == {"mod": "northern_watch", "version": "1.0.0"}
    app.step()
    assert app.screenshot(shots / f"campaign_mod-{lang}.png")
    shutil.rmtree(mods.mods_dir() / "broken_watch")

"""Every screen at every window size and UI scale that fits, in both languages: no text leaves its panel, is
clipped, is cut short with nothing to show the rest, or lies over another text.

The rects come from the draw calls themselves (``Fonts.log``), not recomputed beside them. `make test` runs the
sizes a laptop and a classroom projector use; `make test-full` the whole matrix up to 3840×2160 at 2×.
"""

from __future__ import annotations

import os

import pygame
import pytest

from gaiko_game.core import Scenario
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.textlog import TextLog, problems
from tests.screens import QUICK, SCREENS, Positions, make_positions, pairs, render


@pytest.fixture(scope="module")
def positions(default: Scenario, tutorial: Scenario, tmp_path_factory: pytest.TempPathFactory) -> Positions:
    folder = tmp_path_factory.mktemp("layout-data")
    os.environ["GAIKO_DATA_DIR"] = str(folder / "data")
    os.environ["GAIKO_CONFIG_DIR"] = str(folder / "config")
    return make_positions(default, tutorial)


def check(scenario: Scenario, positions: Positions, screen: str, size: tuple[int, int], scale: float, lang: str) -> None:
    app, log = render(scenario, positions, screen, size, scale, lang)
    assert app.screen.name == SCREENS[screen](positions, scenario)[-1].__class__.__name__.removeprefix("To").lower() \
        or screen in ("tutorial", "open_folder", "new_campaign")
    drawn = [p for p in log.placed if p.layer == log.layer]
    assert drawn, f"{screen} drew no text"
    found = problems(log, (0, 0, *size))
    assert not found, f"{screen} at {size[0]}×{size[1]} {scale:g}× ({lang}):\n  " + "\n  ".join(found[:12])


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size,scale", QUICK, ids=[f"{w}x{h}@{s:g}" for (w, h), s in QUICK])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_holds_its_layout(default: Scenario, positions: Positions, screen: str, size: tuple[int, int],
                                       scale: float, lang: str) -> None:
    check(default, positions, screen, size, scale, lang)


FULL = [pair for pair in pairs() if pair not in QUICK]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size,scale", FULL, ids=[f"{w}x{h}@{s:g}" for (w, h), s in FULL])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_holds_its_layout_at_every_size(default: Scenario, positions: Positions, screen: str,
                                                     size: tuple[int, int], scale: float, lang: str) -> None:
    check(default, positions, screen, size, scale, lang)


def test_the_matrix_covers_every_size_and_each_scale_that_fits() -> None:
    assert pairs() == [((1024, 600), 1.0), ((1280, 720), 1.0), ((1920, 1080), 1.0), ((1920, 1080), 1.25),
                       ((1920, 1080), 1.5), ((3840, 2160), 1.0), ((3840, 2160), 1.25), ((3840, 2160), 1.5),
                       ((3840, 2160), 2.0)]
    assert set(QUICK) <= set(pairs())


def test_the_log_catches_a_text_that_overflows_its_panel_or_overlaps(default: Scenario) -> None:
    """The checker itself: a text drawn past its panel, one over another, and one cut short are each reported."""
    app = App(default, settings_mod.Settings(lang="en"))
    log = app.fonts.log = TextLog()
    surf = app.surface
    with app.fonts.panel(pygame.Rect(10, 10, 60, 30)):
        app.fonts.blit(surf, "A long label that overflows", 16, (255, 255, 255), topleft=(12, 12))
    app.fonts.blit(surf, "one", 16, (255, 255, 255), topleft=(300, 300))
    app.fonts.blit(surf, "two", 16, (255, 255, 255), topleft=(310, 305))
    app.fonts.blit(surf, app.fonts.fit("Autonomy 51", 16, 40), 16, (255, 255, 255), topleft=(500, 500))
    app.fonts.blit(surf, app.fonts.fit("Autonomy 52", 16, 40, tip=True), 16, (255, 255, 255), topleft=(600, 500))
    app.fonts.blit(surf, "edge", 16, (255, 255, 255), topleft=(1270, 100))
    found = problems(log, (0, 0, 1280, 720))
    assert [f.split(":")[0] for f in found] == ["leaves its panel (10, 10, 60, 30)", "shortened with no tooltip holding it",
                                                "leaves its panel (0, 0, 1280, 720)", "clipped by (0, 0, 1280, 720)",
                                                "overlaps"]
    app.fonts.log = None

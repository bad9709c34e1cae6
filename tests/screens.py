"""The screens of the game in the positions each one shows, for the layout test and the screenshot tool.

Campaigns are played by a built-in strategy to the moments each screen needs (mid-game, at a
crisis, just after a turn, finished); ``render`` opens a screen in a window of a given size,
UI scale and language and draws one frame with the text log on.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from gaiko_game.core import Order, Scenario, TurnReport
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.players import make_policy
from gaiko_game.session.seeding import stream
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.destinations import (
    Destination,
    ToCampaign,
    ToCrash,
    ToCrisis,
    ToDebrief,
    ToDependence,
    ToEncyclopedia,
    ToLoad,
    ToNewCampaign,
    ToOpenFolder,
    ToProgrammes,
    ToReplay,
    ToReport,
    ToSettings,
    ToTitle,
)
from gaiko_game.ui.textlog import TextLog
from gaiko_game.ui.theme import fitting

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"
TUTORIAL = ROOT / "scenarios" / "tutorial"
SIZES = ((1024, 600), (1280, 720), (1920, 1080), (3840, 2160))
QUICK = (((1024, 600), 1.0), ((1280, 720), 1.0), ((1920, 1080), 1.5))
"""What `make test` renders: the smallest window, the default one, and a projector at 1.5×."""


def pairs() -> list[tuple[tuple[int, int], float]]:
    """Every window size with every UI scale that fits it."""
    return [(size, scale) for size in SIZES for scale in fitting(settings_mod.SCALES, size)]


@dataclass
class Positions:
    """Campaigns at the moments each screen shows: mid-game, at a crisis, just after a turn, and finished."""

    mid: Campaign
    crisis: Campaign
    report: tuple[Campaign, TurnReport]
    over: Campaign
    tutorial: Campaign
    saved: Path


def play(c: Campaign, seed: int, turns: int, player: str = "hedge") -> TurnReport | None:
    """Let a built-in player play ``turns`` turns (or to the end), answering every crisis; the last turn's report
    (None if it stopped at a crisis)."""
    policy = make_policy(player, stream(seed, "policy"), c.scenario, DEFAULT)
    report = None
    for _ in range(turns):
        if c.game.is_over:
            break
        while (order := policy.act(c.game)) is not None:
            c.apply(order)
        report = c.end_turn()
        while report is None and not c.game.is_over:
            report = c.choose(policy.answer(c.game))
    return report


def make_positions(default: Scenario, tutorial: Scenario) -> Positions:
    """Play the campaigns each screen is shown with (saves go to ``GAIKO_DATA_DIR``)."""
    mid = Campaign.new(default, Source.of(DEFAULT), seed=7)
    play(mid, 7, 4)
    mid.apply(Order("defence_buildup"))  # a programme in force, for the programmes screen
    crisis = Campaign.new(default, Source.of(DEFAULT), seed=3)
    play(crisis, 3, 2)
    while crisis.end_turn() is not None:  # on to a turn that stops at a crisis
        play(crisis, 3, 1)
    report_c = Campaign.new(default, Source.of(DEFAULT), seed=5)
    report = play(report_c, 5, 6)
    assert report is not None
    over = Campaign.new(default, Source.of(DEFAULT), seed=9)
    play(over, 9, default.turns)
    assert over.game.is_over and crisis.game.pending_crisis is not None
    tut = Campaign.new(tutorial, Source.of(TUTORIAL), seed=1)
    saved = mid.save("layout")
    assert saved is not None
    return Positions(mid, crisis, (report_c, report), over, tut, saved)


SCREENS: dict[str, Callable[[Positions, Scenario], list[Destination]]] = {
    "title": lambda p, s: [ToTitle()],
    "settings": lambda p, s: [ToTitle(), ToSettings()],
    "new_campaign": lambda p, s: [ToTitle(), ToNewCampaign(s, Source.of(DEFAULT))],
    "load": lambda p, s: [ToTitle(), ToLoad()],
    "open_folder": lambda p, s: [ToTitle(), ToOpenFolder(p.saved, DEFAULT)],
    "encyclopedia": lambda p, s: [ToTitle(), ToEncyclopedia(s)],
    "campaign": lambda p, s: [ToTitle(), ToCampaign(p.mid)],
    "tutorial": lambda p, s: [ToTitle(), ToCampaign(p.tutorial)],
    "crisis": lambda p, s: [ToTitle(), ToCampaign(p.crisis), ToCrisis(p.crisis)],
    "report": lambda p, s: [ToTitle(), ToCampaign(p.report[0]), ToReport(*p.report)],
    "programmes": lambda p, s: [ToTitle(), ToCampaign(p.mid), ToProgrammes(p.mid)],
    "dependence": lambda p, s: [ToTitle(), ToCampaign(p.mid), ToDependence(p.mid)],
    "debrief": lambda p, s: [ToTitle(), ToDebrief(p.over)],
    "replay": lambda p, s: [ToTitle(), ToDebrief(p.over), ToReplay(p.over, 5)],
    "crash": lambda p, s: [ToCrash("KeyError: 'security'", "/home/student/.local/share/gaiko/logs/crash.log", True)],
}


def render(scenario: Scenario, positions: Positions, screen: str, size: tuple[int, int], scale: float,
           lang: str) -> tuple[App, TextLog]:
    """Open ``screen`` in a window of ``size`` at ``scale`` and draw one frame with the text log on."""
    app = App(scenario, settings_mod.Settings(lang=lang, scale=scale), Source.of(DEFAULT))
    app.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    app.stack = [app.open(ToTitle())]
    app.step()
    assert app.sizes.scale == scale
    app.stack = [app.open(to) for to in SCREENS[screen](positions, scenario)]
    app.mouse = (0, 0)  # nothing hovered
    log = app.fonts.log = TextLog()
    app.step()
    app.fonts.log = None
    return app, log



"""Starting the window: normal play, or autoplay with screenshots."""

from __future__ import annotations

import sys
from pathlib import Path

from gaiko_game.core import Scenario
from gaiko_game.session.campaign import Source
from gaiko_game.session.players import make_policy
from gaiko_game.session.seeding import stream
from gaiko_game.session.simulate import settle
from gaiko_game.session.strategy import BadStrategy
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App, NoDisplay
from gaiko_game.ui.autoplay import Autopilot
from gaiko_game.ui.destinations import ToTitle
from gaiko_game.ui.watch import watch as watch_folder

NO_DISPLAY_HINT = (
    "Gaikō could not open a window: {why}.\n"
    "  hint: play in the terminal with 'gaiko play --text', or, on a machine without a screen, run\n"
    "        SDL_VIDEODRIVER=dummy gaiko play --autoplay hedge --seed 1 --screenshots shots/\n"
)


def run_window(scenario: Scenario, folder: Path, default_lang: str, lang: str | None, seed: int | None,
               autoplay: str | None, screenshots: Path | None, difficulty: str | None = None,
               watch: bool = False) -> int:
    """Open the window and play; returns an exit code (``watch``: reload the scenario folder when its files change)."""
    if autoplay is not None:  # a misspelt player is refused before a window opens
        try:
            make_policy(autoplay, stream(1, "policy"), scenario, folder)
        except BadStrategy as e:
            sys.stderr.write(f"gaiko: error: {e}\n")
            return 2
    settings, warning = settings_mod.load(default_lang)
    if warning:
        sys.stderr.write(f"note: {warning}\n")
    if lang is not None:
        settings = settings.with_(lang=lang)
    try:
        app = App(scenario, settings, Source.of(folder))
    except NoDisplay as e:
        sys.stderr.write(NO_DISPLAY_HINT.format(why=e))
        return 1
    app.seed = seed
    app.difficulty = difficulty
    settle()  # fewer collector pauses during frames
    if autoplay is None:
        if watch:
            watch_folder(app, folder)
        app.run(ToTitle())
        return 0
    app.seed = seed if seed is not None else 1
    app.stack = [app.open(ToTitle())]
    pilot = Autopilot(app, make_policy(autoplay, stream(app.seed, "policy"), scenario, folder), screenshots)
    taken = pilot.run()
    if screenshots is not None:
        print(f"saved {len(taken)} screenshots in {screenshots}")
    return 0

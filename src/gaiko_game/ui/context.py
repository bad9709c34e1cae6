"""What a screen may use of the window: a protocol, so screens never import the app (no cycles)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pygame

from gaiko_game.core import Scenario
from gaiko_game.present.words import Words
from gaiko_game.session.campaign import Source
from gaiko_game.ui.fonts import Fonts
from gaiko_game.ui.settings import Settings
from gaiko_game.ui.theme import Sizes


class Context(Protocol):
    """The window as screens see it."""

    surface: pygame.Surface
    fonts: Fonts
    sizes: Sizes
    settings: Settings
    mouse: tuple[int, int]
    notice: str
    """A line the title screen shows once (a save that could not open, a tutorial that would not load)."""
    home: Scenario
    """The scenario the game was started with: New campaign and the title offer it."""
    home_source: Source
    seed: int | None
    """The seed of the next new campaign (None: random)."""
    difficulty: str | None
    """The difficulty preselected for a new campaign (None: the scenario's default)."""
    version: str

    def words(self, scenario: Scenario | None = None) -> Words:
        """A scenario's words (the home scenario's by default) in the player's language."""
        ...

    def t(self, key: str, **args: object) -> str:
        """An interface string in the player's language."""
        ...

    def apply_settings(self, new: Settings) -> None:
        """Change language, scale or fullscreen now, and remember them."""
        ...

    def screenshot(self, path: Path) -> bool:
        """Save what the window shows now as a PNG; False when it could not be written."""
        ...

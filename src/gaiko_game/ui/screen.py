"""Screens handle their own input and say what comes next: stay, push, pop, replace or quit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from gaiko_game.ui.app import App


@dataclass(frozen=True)
class Push:
    """Open ``screen`` on top of this one (Esc comes back)."""

    screen: Screen


@dataclass(frozen=True)
class Replace:
    """Leave this screen for ``screen``."""

    screen: Screen


@dataclass(frozen=True)
class Pop:
    """Go back to the screen below."""


@dataclass(frozen=True)
class Quit:
    """Close the game."""


Transition = Push | Replace | Pop | Quit


class Screen:
    """One screen of the game; the app calls these each frame."""

    name = "screen"

    def __init__(self, app: App) -> None:
        self.app = app

    def handle(self, event: pygame.event.Event) -> Transition | None:
        """React to one input event; Esc backs out unless a screen says otherwise."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def update(self, dt: float) -> Transition | None:
        """Advance time (animations, timers)."""
        return None

    def draw(self, surf: pygame.Surface) -> None:
        """Draw the whole screen."""

    def resized(self) -> None:
        """The window changed size or scale: rebuild layouts."""

    def closing(self) -> None:
        """The window is closing: keep anything that must not be lost."""

    def texts(self) -> list[str]:
        """Every text the screen shows now (tests check both languages with this)."""
        return []

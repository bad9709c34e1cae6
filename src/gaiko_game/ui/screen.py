"""Screens handle their own input and say what comes next: stay, push, pop, replace, reset or quit."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from gaiko_game.session.campaign import Campaign
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import Destination


@dataclass(frozen=True)
class Push:
    """Open a screen on top of this one (Esc comes back)."""

    to: Destination


@dataclass(frozen=True)
class Replace:
    """Leave this screen for another."""

    to: Destination


@dataclass(frozen=True)
class Reset:
    """Leave every screen for one (the title after a crash or a debrief)."""

    to: Destination


@dataclass(frozen=True)
class Pop:
    """Go back to the screen below."""


@dataclass(frozen=True)
class Quit:
    """Close the game."""


Transition = Push | Replace | Reset | Pop | Quit


class Screen:
    """One screen of the game; the app calls these each frame."""

    name = "screen"
    overlay = False
    """Drawn over the screen below it (which is drawn first, inactive)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def handle(self, event: pygame.event.Event) -> Transition | None:
        """React to one input event; Esc backs out unless a screen says otherwise."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def update(self, dt: float) -> Transition | None:
        """Advance time (animations, timers); runs only for the screen on top."""
        return None

    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        """Draw the whole screen (``active`` is False when it is drawn under an overlay)."""

    def resized(self) -> None:
        """The window changed size, scale or language: rebuild layouts."""

    def campaign(self) -> Campaign | None:
        """The campaign this screen shows, if any (the app autosaves it when the window closes or crashes)."""
        return None

    def texts(self) -> list[str]:
        """Every text the screen shows now (tests check both languages with this)."""
        return []

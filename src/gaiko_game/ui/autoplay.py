"""Autoplay: a policy plays a campaign through the real screens by posting input events.

Each frame it looks at the screen on top and posts what a player would press or click:
a click on the chosen action's row, E to end the turn, 1–4 for a crisis answer, Enter to
close a report. It saves a PNG of each new screen it passes.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from gaiko_game.session.policies import Policy
from gaiko_game.ui.app import App
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.crisis import CrisisScreen
from gaiko_game.ui.screens.debrief import DebriefScreen
from gaiko_game.ui.screens.report import ReportScreen


def key(k: int) -> None:
    """Post a key press."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))


def click(pos: tuple[int, int]) -> None:
    """Post a mouse move and a left click at ``pos``."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))


def wheel(pos: tuple[int, int], steps: int) -> None:
    """Post a mouse move to ``pos`` and a turn of the wheel (positive: away from the player, scrolling up)."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=steps, flipped=False, precise_x=0.0,
                                         precise_y=float(steps)))


class Autopilot:
    """Drives the app with a policy until the debrief; returns the screenshots it took."""

    TOUR = (pygame.K_4, pygame.K_ESCAPE, pygame.K_5, pygame.K_ESCAPE, pygame.K_1, pygame.K_4)
    """From the title: the encyclopedia, back, the settings, back, New campaign, then Start."""

    def __init__(self, app: App, policy: Policy, shots: Path | None, tour: bool = True) -> None:
        """``tour=False`` takes over whatever screen is open instead of starting from the title."""
        self.app, self.policy, self.shots = app, policy, shots
        self.taken: list[Path] = []
        self._last: object = None
        self._tour = list(self.TOUR) if tour else []

    def snap(self) -> None:
        """Save the screen once each time a new screen comes on top."""
        top = self.app.screen
        if self.shots is None or top is self._last:
            return
        self._last = top
        self.app.step()  # draw it before saving
        path = self.shots / f"{len(self.taken):03d}_{top.name}.png"
        self.app.screenshot(path)
        self.taken.append(path)

    def act(self) -> bool:
        """Post the next input; False once the campaign is over and the debrief was saved."""
        top = self.app.screen
        if self._tour:
            key(self._tour.pop(0))
        elif isinstance(top, CampaignScreen):
            order = self.policy.act(top.game)
            if order is None:
                key(pygame.K_e)
            else:
                index = next(i for i, (o, _) in enumerate(top.rows) if o == order)
                if index in top.board.shown:
                    click(top.rows[index][1].rect.center)
                else:  # scroll the panel towards it, as a player would
                    above = top.rows[index][1].rect.y < top.board.view_rect().y
                    wheel(top.board.panel.center, 1 if above else -1)
        elif isinstance(top, CrisisScreen):
            choice = self.policy.answer(top.c.game)
            key(pygame.K_1 + [c.id for c in top.card.choices].index(choice))
        elif isinstance(top, ReportScreen):
            key(pygame.K_RETURN)
        elif isinstance(top, DebriefScreen):
            return False
        return True

    def run(self, max_frames: int = 100_000) -> list[Path]:
        """Play to the debrief."""
        for _ in range(max_frames):
            self.snap()
            if not self.act():
                break
            self.app.step()
        self.snap()
        return self.taken

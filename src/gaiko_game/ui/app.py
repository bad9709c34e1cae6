"""The window and its loop: one screen on top of a stack gets each event; Esc backs out."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from gaiko_game.core import Scenario, Texts
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui import theme
from gaiko_game.ui.fonts import Fonts
from gaiko_game.ui.screen import Pop, Push, Quit, Replace, Screen, Transition
from gaiko_game.ui.theme import Sizes

WINDOW = (1280, 720)


class NoDisplay(RuntimeError):
    """There is no screen to open a window on."""


def open_window(fullscreen: bool) -> pygame.Surface:
    """Initialise pygame and open the 1280×720 resizable window."""
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    try:
        pygame.display.init()
        pygame.font.init()
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
        surf = pygame.display.set_mode(WINDOW, flags)
    except pygame.error as e:
        raise NoDisplay(str(e)) from None
    pygame.display.set_caption("Gaikō 外交")
    pygame.key.set_repeat(400, 40)
    return surf


class App:
    """Holds the window, settings, fonts and the screen stack."""

    def __init__(self, scenario: Scenario, settings: settings_mod.Settings) -> None:
        self.scenario = scenario
        self.settings = settings
        self.surface = open_window(settings.fullscreen)
        self.fonts = Fonts()
        self.sizes = Sizes(settings.scale)
        self.texts = Texts(scenario.loc, settings.lang)
        self.stack: list[Screen] = []
        self.clock = pygame.time.Clock()
        self.running = True
        self.frames = 0
        self.mouse = (0, 0)
        self.notice = ""
        self.seed: int | None = None  # the seed of the next new campaign (None: random)
        self.difficulty: str | None = None  # the difficulty preselected for a new campaign (None: the default)

    @property
    def screen(self) -> Screen:
        """The screen on top."""
        return self.stack[-1]

    def t(self, key: str, **args: object) -> str:
        """An interface string in the player's language."""
        return self.texts.ui(key, **args)

    def name(self, key: str) -> str:
        """Scenario text in the player's language."""
        return self.texts.name(key)

    def set_scenario(self, scenario: Scenario) -> None:
        """Play another scenario from now on (its texts replace the old ones)."""
        self.scenario = scenario
        self.texts = Texts(scenario.loc, self.settings.lang)

    def apply_settings(self, new: settings_mod.Settings) -> None:
        """Change language, scale or fullscreen now, and remember them."""
        fullscreen_changed = new.fullscreen != self.settings.fullscreen
        self.settings = new
        self.texts = Texts(self.scenario.loc, new.lang)
        self.sizes = Sizes(new.scale)
        if fullscreen_changed:
            self.surface = open_window(new.fullscreen)
        settings_mod.save(new)
        for screen in self.stack:
            screen.resized()

    def apply(self, transition: Transition | None) -> None:
        """Carry out what a screen asked for."""
        if transition is None:
            return
        if isinstance(transition, Quit):
            for screen in self.stack:
                screen.closing()
            self.running = False
        elif isinstance(transition, Pop):
            if len(self.stack) > 1:
                self.stack.pop()
                self.screen.resized()
            else:
                self.running = False
        elif isinstance(transition, Push):
            self.stack.append(transition.screen)
        elif isinstance(transition, Replace):
            self.stack[-1] = transition.screen

    def step(self) -> None:
        """One frame: every waiting event to the top screen, then update and draw."""
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                for screen in self.stack:
                    screen.closing()
                self.running = False
                return
            if event.type == pygame.VIDEORESIZE:
                for screen in self.stack:
                    screen.resized()
                continue
            if event.type == pygame.MOUSEMOTION:
                self.mouse = event.pos
            self.apply(self.screen.handle(event))
            if not self.running:
                return
        self.apply(self.screen.update(self.clock.get_time() / 1000.0))
        self.surface.fill(theme.BACKGROUND)
        self.screen.draw(self.surface)
        pygame.display.flip()
        self.frames += 1

    def run(self, first: Screen) -> None:
        """Show ``first`` and loop until the player quits."""
        self.stack = [first]
        while self.running:
            self.step()
            self.clock.tick(60)
        pygame.quit()

    def screenshot(self, path: Path) -> None:
        """Save what the window shows now as a PNG."""
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.surface, str(path))

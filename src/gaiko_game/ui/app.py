"""The window and its loop: one screen on top of a stack gets each event; Esc backs out.

A crash guard wraps every frame: an unexpected exception autosaves every campaign on the
stack first, writes the traceback to a log file, and shows a screen that says so, with the
way back to the title — never a silent exit, never a lost turn.
"""

from __future__ import annotations

import io
import os
import traceback
from datetime import datetime
from pathlib import Path
from typing import Protocol

import pygame

from gaiko_game import __version__
from gaiko_game.core import Scenario
from gaiko_game.present.words import Words, words
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.safefile import write_atomic
from gaiko_game.session.saves import data_dir
from gaiko_game.ui import navigation, theme
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.destinations import Destination, ToCrash
from gaiko_game.ui.fonts import Fonts
from gaiko_game.ui.screen import Pop, Push, Quit, Replace, Reset, Screen, Transition
from gaiko_game.ui.theme import Sizes, fitting

WINDOW = (1280, 720)
HEADLESS = ("offscreen", "dummy")


class NoDisplay(RuntimeError):
    """There is no screen to open a window on."""


def open_window(fullscreen: bool) -> pygame.Surface:
    """Initialise pygame and open the 1280×720 resizable window.

    When SDL falls back to a driver that shows nothing (``offscreen``) without being asked
    to, there is no screen: that is :class:`NoDisplay`, not an invisible window forever.
    """
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    try:
        pygame.display.init()
        pygame.font.init()
        driver = pygame.display.get_driver()
        if driver in HEADLESS and os.environ.get("SDL_VIDEODRIVER", "") != driver:
            pygame.display.quit()
            raise NoDisplay(f"no display was found (SDL chose its '{driver}' driver, which shows nothing)")
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
        surf = pygame.display.set_mode(WINDOW, flags)
    except pygame.error as e:
        raise NoDisplay(str(e)) from None
    pygame.display.set_caption(f"Gaikō 外交 {__version__}")
    pygame.key.set_repeat(400, 40)
    return surf


class FrameHook(Protocol):
    """Something that runs on the main thread between frames and draws over every screen (the scenario watcher)."""

    def between_frames(self) -> None:
        """Before the frame's events: may change the screen stack."""
        ...

    def draw(self, surf: pygame.Surface) -> None:
        """After every screen is drawn."""
        ...

    def close(self) -> None:
        """The window is closing."""
        ...


class App:
    """Holds the window, settings, fonts and the screen stack; implements ``ui.context.Context``."""

    def __init__(self, home: Scenario, settings: settings_mod.Settings, home_source: Source | None = None) -> None:
        self.home = home
        self.home_source = home_source or Source(bundled=home.id)
        self.settings = settings
        self.surface = open_window(settings.fullscreen)
        self.fonts = Fonts()
        self.notice = self._scale_notice = ""
        self.sizes = self._fitted_sizes()
        self.stack: list[Screen] = []
        self.clock = pygame.time.Clock()
        self.running = True
        self.frames = 0
        self.mouse = (0, 0)
        self.seed: int | None = None
        self.difficulty: str | None = None
        self.version = __version__
        self.crashes = 0
        self.hooks: list[FrameHook] = []
        """Run between frames and drawn on top (``gaiko play --watch`` adds the scenario watcher)."""

    @property
    def screen(self) -> Screen:
        """The screen on top."""
        return self.stack[-1]

    def words(self, scenario: Scenario | None = None) -> Words:
        """A scenario's words (the home scenario's by default) in the player's language."""
        return words(scenario or self.home, self.settings.lang)

    def t(self, key: str, **args: object) -> str:
        """An interface string in the player's language."""
        return self.words().ui(key, **args)

    def open(self, to: Destination) -> Screen:
        """Build the screen for a destination."""
        return navigation.build(to, self)

    def apply_settings(self, new: settings_mod.Settings) -> None:
        """Change language, scale or fullscreen now, and remember them (a failed write is shown, not raised)."""
        fullscreen_changed = new.fullscreen != self.settings.fullscreen
        self.settings = new
        if fullscreen_changed:
            self.surface = open_window(new.fullscreen)
        self.sizes = self._fitted_sizes()
        try:
            settings_mod.save(new)
        except OSError as e:
            self.notice = f"{settings_mod.config_dir()}: {e.strerror or e}"
        for screen in self.stack:
            screen.resized()

    def _fitted_sizes(self) -> Sizes:
        """Sizes at the chosen scale when it fits the window, else at the largest smaller one that does, with a
        notice saying so (the choice stays remembered, for a larger window or the full screen)."""
        wanted, size = self.settings.scale, self.surface.get_size()
        fits = fitting(settings_mod.SCALES, size)
        scale = wanted if wanted in fits else max((s for s in fits if s <= wanted), default=min(fits))
        said = self._scale_notice
        if scale != wanted:
            self.notice = self._scale_notice = self.t("win.scale_fallback", wanted=f"{wanted:g}×", used=f"{scale:g}×",
                                                      size=f"{size[0]}×{size[1]}")
        elif said and self.notice == said:  # it fits again: the notice no longer holds
            self.notice = self._scale_notice = ""
        return Sizes(scale)

    def apply(self, transition: Transition | None) -> None:
        """Carry out what a screen asked for."""
        if transition is None:
            return
        if isinstance(transition, Quit):
            self.closing()
            self.running = False
        elif isinstance(transition, Pop):
            if len(self.stack) > 1:
                self.stack.pop()
                self.screen.resized()
            else:
                self.closing()
                self.running = False
        elif isinstance(transition, Push):
            self.stack.append(self.open(transition.to))
        elif isinstance(transition, Replace):
            self.stack[-1] = self.open(transition.to)
        elif isinstance(transition, Reset):
            self.stack = [self.open(transition.to)]

    def campaigns(self) -> list[Campaign]:
        """The campaigns the open screens show (each once)."""
        found: list[Campaign] = []
        for screen in self.stack:
            c = screen.campaign()
            if c is not None and all(c is not f for f in found):
                found.append(c)
        return found

    def closing(self) -> bool:
        """The window is closing: autosave every unfinished campaign; True when all were saved."""
        return all(c.autosave() is not None for c in self.campaigns() if not c.game.is_over)

    def step(self) -> None:
        """One frame, guarded: a crash autosaves and shows the crash screen instead of ending the game."""
        try:
            self._step()
        except Exception as error:  # noqa: BLE001 - the crash guard: everything unexpected lands here
            self.crashed(error)

    def _step(self) -> None:
        for hook in self.hooks:
            hook.between_frames()
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                self.closing()
                self.running = False
                return
            if event.type == pygame.VIDEORESIZE:
                self.sizes = self._fitted_sizes()
                for screen in self.stack:
                    screen.resized()
                continue
            if event.type == pygame.MOUSEMOTION:
                self.mouse = event.pos
            self.apply(self.screen.handle(event))
            if not self.running:
                return
        self.apply(self.screen.update(self.clock.get_time() / 1000.0))
        self.draw()
        pygame.display.flip()
        self.frames += 1

    def draw(self) -> None:
        """Draw the top screen, with the screens it overlays under it."""
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        self.surface.fill(theme.BACKGROUND)
        for i in range(first, len(self.stack)):
            if self.fonts.log is not None:  # each screen's texts are checked against each other, not those it covers
                self.fonts.log.next_layer()
            self.stack[i].draw(self.surface, active=i == len(self.stack) - 1)
        for hook in self.hooks:
            if self.fonts.log is not None:
                self.fonts.log.next_layer()
            hook.draw(self.surface)

    def crashed(self, error: Exception) -> None:
        """Autosave what can be saved, log the error, and show the crash screen (a second crash in it ends the game)."""
        self.crashes += 1
        campaigns = [c for c in self.campaigns() if not c.game.is_over]
        saved = self.closing()
        problem = next((c.save_problem for c in campaigns if c.save_problem), "") or ""
        log = self._log(error)
        if self.crashes > 3:  # the crash screen keeps crashing: stop rather than loop
            raise error
        try:
            self.stack = [self.open(ToCrash(f"{type(error).__name__}: {error}", str(log), saved, problem))]
        except Exception:  # noqa: BLE001 - the crash screen itself failed: give up loudly
            raise error from None

    def _log(self, error: Exception) -> Path:
        folder = data_dir() / "logs"
        path = folder / f"crash-{datetime.now().strftime('%Y%m%d-%H%M%S')}.log"
        text = "".join(traceback.format_exception(error))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(f"Gaikō {__version__}\n{text}", encoding="utf-8")
        except OSError:
            path = Path("(the log could not be written)")
        return path

    def run(self, first: Destination) -> None:
        """Show ``first`` and loop until the player quits."""
        self.stack = [self.open(first)]
        while self.running:
            self.step()
            self.clock.tick(60)
        for hook in self.hooks:
            hook.close()
        pygame.quit()

    def screenshot(self, path: Path) -> bool:
        """Save what the window shows now as a PNG; False when the file could not be written."""
        try:
            png = io.BytesIO()
            pygame.image.save(self.surface, png, "png")
            write_atomic(path, png.getvalue(), shared=True)  # all of it or nothing: never a 0-byte picture said to be saved
            return True
        except (OSError, pygame.error):
            return False

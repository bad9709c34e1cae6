"""Hot reload while editing (``gaiko play --scenario PATH --watch``).

A background thread waits on ``watchfiles`` and only raises a flag; everything else happens on the main thread
between frames (:class:`Reloader`, an app hook): the folder is loaded again with the ordinary loader; when it
loads, the running campaign is rebuilt from its record on the new content and a banner says what changed and
how much replayed; when it does not, the problems screen lists the located errors over the game, which goes on
with the last version that loaded, until a later save fixes the files.

Saves (see ``session.reload``): a rebuilt game saves under the new content hash, so every save replays to the
state it records; one that lost decisions saves as a new campaign and the old saves keep the whole log.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pygame
import watchfiles

from gaiko_game.core import Scenario
from gaiko_game.present.reload import changes_line, reload_line
from gaiko_game.present.words import words
from gaiko_game.scenario.diagnostics import Diagnostic
from gaiko_game.scenario.loader import load
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.reload import compare, rebuild_on
from gaiko_game.ui import theme
from gaiko_game.ui.app import App
from gaiko_game.ui.destinations import ToCampaign
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.problems import ProblemsScreen
from gaiko_game.ui.widgets import tooltip_surface

QUIET_MS = 300
"""A burst of saves ends when the folder has been quiet this long: one reload per burst (editors write a file
in several steps: a temporary file, a rename, a second write)."""
LONGEST_BURST_MS = 3000
"""A folder that never goes quiet still reloads this often."""
BANNER_SECONDS = 10.0


class Notifier(Protocol):
    """Says whether the folder changed since it was last asked (tests inject one; :class:`FileWatch` is real)."""

    error: str | None

    def take(self) -> bool:
        """Whether a change came since the last call (and forget it)."""
        ...

    def close(self) -> None:
        """Stop watching."""
        ...


class FileWatch:
    """``watchfiles`` on a folder in a daemon thread that only sets a flag (never touches pygame or the game)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.error: str | None = None
        """Why watching stopped, when it failed (the folder vanished, the system ran out of watches)."""
        self._changed = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gaiko-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for _ in watchfiles.watch(self.folder, stop_event=self._stop, step=QUIET_MS, debounce=LONGEST_BURST_MS,
                                      raise_interrupt=False):
                self._changed.set()
        except Exception as e:  # noqa: BLE001 - any failure of the watch is reported in the window, not raised here
            self.error = f"{type(e).__name__}: {e}"

    def take(self) -> bool:
        changed = self._changed.is_set()
        self._changed.clear()
        return changed

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


class Reloader:
    """Reloads the watched folder between frames when its notifier says it changed (an :class:`App` hook)."""

    def __init__(self, app: App, folder: Path, notifier: Notifier) -> None:
        self.app, self.folder, self.notifier = app, folder, notifier
        self.source = Source.of(folder)
        self.good: Scenario = app.home
        """The last version of the scenario that loaded."""
        self.problems: ProblemsScreen | None = None
        self.said: Callable[[str], str] | None = None
        """The banner's text in a language (None: no banner)."""
        self.banner_left = 0.0
        self._failed_said = False

    # ── between frames ───────────────────────────────────────────────────
    def between_frames(self) -> None:
        if self.notifier.error and not self._failed_said:
            why = self.notifier.error
            self._failed_said = True
            self._say(lambda lang: words(self.good, lang).ui("reload.watch_failed", why=why))
        if self.notifier.take():
            self.reload()
        self.banner_left -= self.app.clock.get_time() / 1000.0

    def reload(self) -> None:
        """Load the folder again: rebuild the game on it, or list its problems and keep the last good version."""
        result = load(self.folder)
        if not result.ok or result.scenario is None:
            self._broken(result.diagnostics)
            return
        self._close_problems()
        new, old = result.scenario, self.good
        if new.content_hash == old.content_hash:
            return  # saved without a change, or an edit undone: the game on show is already this content
        changes = compare(old, new)
        self.good = self.app.home = new
        index, campaign = self._watched()
        if campaign is None:
            self._say(lambda lang: words(new, lang).ui("reload.done", changes=changes_line(words(new, lang), changes)))
            return
        rebuilt = rebuild_on(campaign, new)
        below = self.app.stack[index]
        compare_series = below.compare if isinstance(below, CampaignScreen) else None  # a what-if keeps its curves
        self.app.stack[index:] = [self.app.open(ToCampaign(rebuilt.campaign, compare_series))]
        self._say(lambda lang: reload_line(words(new, lang), words(old, lang), changes, rebuilt))

    def _watched(self) -> tuple[int, Campaign | None]:
        """The lowest screen showing a campaign of the watched folder, and that campaign (None: no such screen)."""
        for i, screen in enumerate(self.app.stack):
            c = screen.campaign()
            if c is not None and c.source == self.source:
                return i, c
        return len(self.app.stack), None

    def turn(self) -> int | None:
        """The turn of the watched game going on (the problems screen says it goes on)."""
        campaign = self._watched()[1]
        return campaign.game.turn if campaign is not None else None

    def _broken(self, diagnostics: list[Diagnostic]) -> None:
        if self.problems is not None and self.problems in self.app.stack:
            self.problems.show(diagnostics)
            return
        self.problems = ProblemsScreen(self.app, self.folder, diagnostics, self.turn)
        self.app.stack.append(self.problems)

    def _close_problems(self) -> None:
        if self.problems is not None and self.problems in self.app.stack:
            self.app.stack.remove(self.problems)
            self.app.screen.resized()
        self.problems = None

    # ── the banner ───────────────────────────────────────────────────────
    def _say(self, said: Callable[[str], str]) -> None:
        self.said, self.banner_left = said, BANNER_SECONDS

    def banner(self) -> str:
        """The banner's text in the player's language ("" when none is on show)."""
        if self.said is None or self.banner_left <= 0:
            return ""
        return self.said(self.app.settings.lang)

    def draw(self, surf: pygame.Surface) -> None:
        text = self.banner()
        if not text or self.app.screen is self.problems:
            return
        px = self.app.sizes.px
        # under the HUD, over the headline strip and the map: the action panel on the right stays readable
        panel = tooltip_surface(self.app.fonts, [text], px(15), min(px(800), int(surf.get_width() * 0.64)))
        at = panel.get_rect(topleft=(px(12), px(64)))
        surf.blit(panel, at)
        pygame.draw.rect(surf, theme.SKY, at, width=2)

    def close(self) -> None:
        self.notifier.close()


def watch(app: App, folder: Path, notifier: Notifier | None = None) -> Reloader:
    """Watch ``folder`` for the window (a real :class:`FileWatch` unless a test injects its notifier)."""
    reloader = Reloader(app, folder, notifier if notifier is not None else FileWatch(folder))
    app.hooks.append(reloader)
    return reloader

"""The problems in a watched scenario after an edit broke it: every located error, scrollable, over the game.

The game under it keeps running on the last version that loaded; the scenario watcher updates this list after
each save and closes the screen itself once the files load again. Esc goes back to the game meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from gaiko_game.scenario.diagnostics import Diagnostic
from gaiko_game.ui import theme
from gaiko_game.ui.context import Context
from gaiko_game.ui.screen import Pop, Screen, Transition

Entry = tuple[str, theme.Colour, bool]
"""One paragraph of the list: its text, its colour, and whether it is indented (a hint)."""

_STEP = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -5, pygame.K_PAGEDOWN: 5}


def shown_file(file: str, folder: Path) -> str:
    """A diagnostic's file relative to the scenario folder (the header names the folder once)."""
    try:
        return str(Path(file).relative_to(folder))
    except ValueError:
        return file


class ProblemsScreen(Screen):
    """Errors first, then warnings, each ``file:line:col: error[code]: message`` with its hint below."""

    name = "problems"

    def __init__(self, ctx: Context, folder: Path, diagnostics: list[Diagnostic], turn: Callable[[], int | None]) -> None:
        super().__init__(ctx)
        self.folder = folder
        self.turn = turn
        """The turn of the game that goes on under this screen (None: no game is running)."""
        self.diagnostics: list[Diagnostic] = []
        self.top = 0
        """The first problem on show (scrolling moves it one problem at a time)."""
        self.show(diagnostics)

    def show(self, diagnostics: list[Diagnostic]) -> None:
        """Put a new list up (a later save that is still broken); the scroll position stays where it can."""
        self.diagnostics = sorted(diagnostics, key=lambda d: (not d.is_error, d.file, d.line, d.col, d.code))
        self.top = min(self.top, max(0, len(self.diagnostics) - 1))

    def entries(self, d: Diagnostic) -> list[Entry]:
        """One problem as paragraphs: the located line, then its hint."""
        where = shown_file(d.file, self.folder) + (f":{d.line}:{d.col}" if d.line else "")
        colour = theme.VERMILION if d.is_error else theme.ORANGE
        head: list[Entry] = [(f"{where}: {d.severity.value}[{d.code}]: {d.message}", colour, False)]
        return head + ([(self.ctx.t("problems.hint", hint=d.hint), theme.MUTED, True)] if d.hint else [])

    def header(self) -> list[str]:
        """The title, the folder with the counts, and what happens to the game meanwhile."""
        t = self.ctx.t
        errors = sum(d.is_error for d in self.diagnostics)
        turn = self.turn()
        kept = t("problems.kept", turn=turn) if turn is not None else t("problems.kept_no_game")
        return [t("problems.title"), t("problems.count", folder=str(self.folder), errors=errors,
                                       warnings=len(self.diagnostics) - errors), kept]

    # ── input ────────────────────────────────────────────────────────────
    def scroll(self, by: int) -> None:
        """Move the list by ``by`` problems (clamped)."""
        self.top = max(0, min(len(self.diagnostics) - 1, self.top + by))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll(-3 * event.y)
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return Pop()
            if event.key in _STEP:
                self.scroll(_STEP[event.key])
            elif event.key == pygame.K_HOME:
                self.top = 0
            elif event.key == pygame.K_END:
                self.scroll(len(self.diagnostics))
        return None

    # ── drawing ──────────────────────────────────────────────────────────
    def draw(self, surf: pygame.Surface, active: bool = True) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        left, width = px(48), surf.get_width() - px(96)
        title, count, kept = self.header()
        fonts.blit(surf, title, px(28), theme.VERMILION, bold=True, topleft=(left, px(36)))
        y = px(84)
        y += fonts.draw(surf, count, left, y, width, px(15), theme.MUTED, max_lines=2) + px(6)
        y += fonts.draw(surf, kept, left, y, width, px(16), theme.INK, max_lines=3) + px(14)
        bottom = surf.get_height() - px(56)
        box = pygame.Rect(left - px(12), y, width + px(24), bottom - y)
        pygame.draw.rect(surf, theme.PANEL, box, border_radius=6)
        self._draw_list(surf, box)
        fonts.blit(surf, self.ctx.t("problems.keys"), px(14), theme.YELLOW, topleft=(left, bottom + px(16)))

    def _draw_list(self, surf: pygame.Surface, box: pygame.Rect) -> None:
        px, fonts = self.ctx.sizes.px, self.ctx.fonts
        y, last = box.y + px(12), self.top - 1
        for i in range(self.top, len(self.diagnostics)):
            paragraphs = self.entries(self.diagnostics[i])
            tall = sum(fonts.height(text, box.w - px(60), px(15)) for text, _, _ in paragraphs) + px(10)
            if i > self.top and y + tall > box.bottom - px(8):
                break
            for text, colour, indent in paragraphs:
                x = box.x + px(36 if indent else 12)
                y += fonts.draw(surf, text, x, y, box.right - px(12) - x, px(15), colour)
            y += px(10)
            last = i
        marks = ("▲" if self.top > 0 else "") + ("▼" if last < len(self.diagnostics) - 1 else "")
        if marks:
            fonts.blit(surf, marks, px(14), theme.MUTED, topright=(box.right - px(8), box.y + px(6)))

    def texts(self) -> list[str]:
        return [*self.header(), *(text for d in self.diagnostics for text, _, _ in self.entries(d)),
                self.ctx.t("problems.keys")]

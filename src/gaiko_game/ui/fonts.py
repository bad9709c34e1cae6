"""Fonts (the game's own Noto Sans JP in ``assets/fonts``, under the OFL) and wrapped text drawing.

Every text reaches a surface through :meth:`Fonts.blit`, so a :class:`~gaiko_game.ui.textlog.TextLog`
set on ``Fonts.log`` sees where each line landed (the layout test reads it).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

import pygame

from gaiko_game.scenario.bundled import assets_root
from gaiko_game.ui.layout import wrap
from gaiko_game.ui.textlog import TextLog
from gaiko_game.ui.theme import Colour


def font_path(bold: bool = False) -> str:
    """Noto Sans JP (a subset covering JIS X 0208 and Latin text; see assets/fonts/README.md)."""
    name = "NotoSansJP-Bold.otf" if bold else "NotoSansJP-Regular.otf"
    return str(assets_root() / "fonts" / name)


class Fonts:
    """Fonts by pixel size, loaded once; text drawn wrapped to a width."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}
        self._text: dict[tuple[str, int, bool, Colour], pygame.Surface] = {}
        self._wrapped: dict[tuple[str, int, int, bool, int | None], list[str]] = {}
        self.log: TextLog | None = None
        """Set by the layout test: every line drawn is recorded there."""

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The font at ``size`` pixels."""
        key = (size, bold)
        font = self._cache.get(key)
        if font is None:
            font = self._cache[key] = pygame.font.Font(font_path(bold), size)
        return font

    def render(self, text: str, size: int, colour: Colour, bold: bool = False) -> pygame.Surface:
        """One line of text, cached (labels repeat every frame)."""
        key = (text, size, bold, colour)
        surf = self._text.get(key)
        if surf is None:
            if len(self._text) > 4000:
                self._text.clear()
            surf = self._text[key] = self.get(size, bold).render(text, True, colour)
        return surf

    def blit(self, surf: pygame.Surface, text: str, size: int, colour: Colour, bold: bool = False,
             **anchor: Any) -> pygame.Rect:
        """Draw one line with its rect placed by ``anchor`` (``topleft=``, ``center=``, ``midright=``…); returns the
        rect. The one place text reaches a surface."""
        image = self.render(text, size, colour, bold)
        rect = image.get_rect(**anchor)
        surf.blit(image, rect)
        if self.log is not None and text:  # the glyph box: a rendered line may run a pixel below the line's height
            self.log.add(surf, text, pygame.Rect(rect.x, rect.y, rect.w, min(rect.h, self.get(size, bold).get_height())))
        return rect

    def panel(self, rect: pygame.Rect) -> AbstractContextManager[None]:
        """Texts drawn in this ``with`` block belong inside ``rect`` (recorded only while a log is on)."""
        return self.log.panel(rect) if self.log is not None else nullcontext()

    def lines(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """``text`` broken into lines that fit ``width``."""
        font = self.get(size, bold)
        return wrap(text, width, lambda s: font.size(s)[0])

    def fit(self, text: str, size: int, width: int, bold: bool = False, tip: bool = False) -> str:
        """``text`` on one line, cut with an ellipsis when it is wider than ``width`` (``tip``: a tooltip shows the
        whole text, so a cut loses nothing; without one the layout test counts the cut as a fault)."""
        font = self.get(size, bold)
        if font.size(text)[0] <= width:
            return text
        cut = self._cut(font, text, width)
        if self.log is not None and not tip:
            self.log.shortened(cut)
        return cut

    @staticmethod
    def _cut(font: pygame.font.Font, text: str, width: int) -> str:
        """The longest start of ``text`` that fits ``width`` with an ellipsis after it."""
        short, long = 0, len(text)  # the longest start that fits with the ellipsis: a few measures, not one a letter
        while short < long:
            middle = (short + long + 1) // 2
            if font.size(text[:middle] + "…")[0] <= width:
                short = middle
            else:
                long = middle - 1
        return text[:short] + "…"

    def draw(self, surf: pygame.Surface, text: str, x: int, y: int, width: int, size: int, colour: Colour,
             bold: bool = False, max_lines: int | None = None, tip: bool = False) -> int:
        """Draw wrapped text at (x, y); returns the height used. Past ``max_lines`` the last line ends with an
        ellipsis (``tip``: a tooltip holds the whole text, as for :meth:`fit`)."""
        step = self.get(size, bold).get_linesize()
        lines = self._laid_out(text, size, width, bold, max_lines)
        if self.log is not None and not tip and max_lines is not None and len(self.lines(text, size, width, bold)) > max_lines:
            self.log.shortened(lines[-1])
        for i, line in enumerate(lines):
            self.blit(surf, line, size, colour, bold, topleft=(x, y + i * step))
        return len(lines) * step

    def height(self, text: str, width: int, size: int, bold: bool = False, max_lines: int | None = None) -> int:
        """The height :meth:`draw` would use for ``text``, without drawing it."""
        return len(self._laid_out(text, size, width, bold, max_lines)) * self.get(size, bold).get_linesize()

    def _laid_out(self, text: str, size: int, width: int, bold: bool, max_lines: int | None) -> list[str]:
        """The lines :meth:`draw` shows, worked out once per text and width (a screen draws the same text each frame)."""
        key = (text, size, width, bold, max_lines)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > 500:
                self._wrapped.clear()
            lines = self.lines(text, size, width, bold)
            if max_lines is not None and len(lines) > max_lines:
                lines = lines[:max_lines]
                font, last = self.get(size, bold), lines[-1]
                lines[-1] = last + "…" if font.size(last + "…")[0] <= width else self._cut(font, last, width)
            self._wrapped[key] = lines
        return lines

"""Fonts (the game's own Noto Sans JP in ``assets/fonts``, under the OFL) and wrapped text drawing."""

from __future__ import annotations

import pygame

from gaiko_game.scenario.bundled import assets_root
from gaiko_game.ui.layout import wrap
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

    def lines(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """``text`` broken into lines that fit ``width``."""
        font = self.get(size, bold)
        return wrap(text, width, lambda s: font.size(s)[0])

    def fit(self, text: str, size: int, width: int, bold: bool = False) -> str:
        """``text`` on one line, cut with an ellipsis when it is wider than ``width``."""
        font = self.get(size, bold)
        if font.size(text)[0] <= width:
            return text
        short, long = 0, len(text)  # the longest start that fits with the ellipsis: a few measures, not one a letter
        while short < long:
            middle = (short + long + 1) // 2
            if font.size(text[:middle] + "…")[0] <= width:
                short = middle
            else:
                long = middle - 1
        return text[:short] + "…"

    def draw(self, surf: pygame.Surface, text: str, x: int, y: int, width: int, size: int, colour: Colour,
             bold: bool = False, max_lines: int | None = None) -> int:
        """Draw wrapped text at (x, y); returns the height used."""
        step = self.get(size, bold).get_linesize()
        lines = self._laid_out(text, size, width, bold, max_lines)
        for i, line in enumerate(lines):
            surf.blit(self.render(line, size, colour, bold), (x, y + i * step))
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
                lines[-1] = self.fit(lines[-1] + "…", size, width, bold) if lines[-1] else "…"
            self._wrapped[key] = lines
        return lines

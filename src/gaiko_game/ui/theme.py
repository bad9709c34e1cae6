"""Colours and sizes. The meaning-carrying colours come from ``present.palette`` (Okabe–Ito)."""

from __future__ import annotations

from gaiko_game.present.palette import BLACK, BLUE, GOOD, ORANGE, SKY, VERMILION, YELLOW, Colour, tone_colour

__all__ = ["BAD", "BLACK", "BLUE", "GOOD", "ORANGE", "SKY", "VERMILION", "YELLOW", "Colour", "Sizes", "tone_colour"]

BAD = VERMILION
INK: Colour = (235, 238, 242)
MUTED: Colour = (150, 158, 170)
DIM: Colour = (95, 102, 112)
PANEL: Colour = (28, 33, 41)
PANEL_HI: Colour = (42, 49, 60)
SEA: Colour = (18, 40, 62)
LAND: Colour = (70, 78, 74)
PLAYER_LAND: Colour = (96, 104, 98)
BORDER: Colour = (40, 46, 44)
BACKGROUND: Colour = (14, 17, 22)
DISPUTED: Colour = (128, 104, 120)  # a muted purple, outlined in yellow: neither side's colour


SMALLEST = (1024, 600)
"""The smallest window every screen is laid out for, in pixels at scale 1: a scale fits a window when the window,
divided by the scale, is at least this large."""


def fitting(scales: tuple[float, ...], size: tuple[int, int]) -> tuple[float, ...]:
    """The scales that fit a window of ``size`` (the smallest scale always, so something is offered)."""
    fit = tuple(s for s in scales if size[0] / s >= SMALLEST[0] and size[1] / s >= SMALLEST[1])
    return fit or (min(scales),)


class Sizes:
    """Pixel sizes at a UI scale (1.0 at 1280×720; 1.5 or 2.0 for projectors)."""

    def __init__(self, scale: float) -> None:
        self.scale = scale

    def px(self, n: float) -> int:
        """``n`` pixels at scale 1, scaled."""
        return max(1, round(n * self.scale))

"""Colours and sizes. The palette is Okabe–Ito's, safe for the common kinds of colour blindness."""

from __future__ import annotations

Colour = tuple[int, int, int]

BLACK: Colour = (0, 0, 0)
ORANGE: Colour = (230, 159, 0)
SKY: Colour = (86, 180, 233)
GREEN: Colour = (0, 158, 115)
YELLOW: Colour = (240, 228, 66)
BLUE: Colour = (0, 114, 178)
VERMILION: Colour = (213, 94, 0)

INK: Colour = (235, 238, 242)
MUTED: Colour = (150, 158, 170)
DIM: Colour = (95, 102, 112)
PANEL: Colour = (28, 33, 41)
PANEL_HI: Colour = (42, 49, 60)
SEA: Colour = (18, 40, 62)
LAND: Colour = (70, 78, 74)
BORDER: Colour = (40, 46, 44)
BACKGROUND: Colour = (14, 17, 22)
DISPUTED: Colour = (128, 104, 120)  # a muted purple, outlined in yellow: neither side's colour

METER_COLOURS: dict[str, Colour] = {"security": BLUE, "prosperity": ORANGE, "autonomy": GREEN}
GOOD, BAD = SKY, VERMILION


def diverging(value: float) -> Colour:
    """A colour for −1..1: vermilion (bad) through grey to sky blue (good)."""
    v = max(-1.0, min(1.0, value))
    mid = (120, 124, 128)
    end = SKY if v >= 0 else VERMILION
    t = abs(v)
    return (round(mid[0] + (end[0] - mid[0]) * t), round(mid[1] + (end[1] - mid[1]) * t),
            round(mid[2] + (end[2] - mid[2]) * t))


class Sizes:
    """Pixel sizes at a UI scale (1.0 at 1280×720; 1.5 or 2.0 for projectors)."""

    def __init__(self, scale: float) -> None:
        self.scale = scale

    def px(self, n: float) -> int:
        """``n`` pixels at scale 1, scaled."""
        return max(1, round(n * self.scale))

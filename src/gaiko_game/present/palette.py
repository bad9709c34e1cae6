"""Colours with meaning: Okabe–Ito's palette (safe for the common kinds of colour blindness) and the map modes.

Plain RGB tuples, so the window, the web pages and the print kit colour things the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

Colour = tuple[int, int, int]

BLACK: Colour = (0, 0, 0)
ORANGE: Colour = (230, 159, 0)
SKY: Colour = (86, 180, 233)
GREEN: Colour = (0, 158, 115)
YELLOW: Colour = (240, 228, 66)
BLUE: Colour = (0, 114, 178)
VERMILION: Colour = (213, 94, 0)
PURPLE: Colour = (204, 121, 167)
GREY: Colour = (120, 124, 128)

GOOD, BAD = SKY, VERMILION
ROLE_COLOURS: dict[str, Colour] = {"ally": BLUE, "partner": SKY, "neutral": YELLOW, "rival": VERMILION}
SERIES: tuple[Colour, ...] = (BLUE, VERMILION, SKY, GREEN, YELLOW, ORANGE, PURPLE, GREY, (200, 204, 208))
"""Colours for the parts of a whole (dependency partners), in order; every part is labelled too."""
MODES = ("relation", "stance", "role")
"""The map's colourings, in the order the M key cycles them."""


def hex_rgb(text: str) -> Colour:
    """``"#0072B2"`` → ``(0, 114, 178)``."""
    value = text.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(a: Sequence[int], b: Sequence[int], t: float) -> Colour:
    """The colour ``t`` of the way from ``a`` to ``b`` (their first three channels)."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def light(c: Colour, t: float = 0.35) -> Colour:
    """``c`` mixed with white: a meter's colour made readable as text on the dark panels."""
    return mix(c, (255, 255, 255), t)


def diverging(value: float) -> Colour:
    """A colour for −1..1: vermilion (bad) through grey to sky blue (good)."""
    v = max(-1.0, min(1.0, value))
    return mix(GREY, SKY if v >= 0 else VERMILION, abs(v))


def stance_colour(stance: int) -> Colour:
    """Blue near the axis's high end, vermilion near its low end, yellow between."""
    v = stance / 100
    return BLUE if v > 0.33 else (VERMILION if v < -0.33 else YELLOW)


def tone_colour(tone: str) -> Colour:
    """``good`` → sky blue, ``bad`` → vermilion, anything else → grey."""
    return GOOD if tone == "good" else BAD if tone == "bad" else GREY

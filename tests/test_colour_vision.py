"""Colour roles stay apart for players with the common kinds of colour blindness, and meters differ in shape too.

Each pair of colours that carries a meaning (better/worse, the actors' roles, a scenario's meters) is
simulated as seen with protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009,
severity 1.0, applied in linear RGB) and compared in CIELAB (D65): the distance must stay at least
``APART``, about where two flat patches are told apart at a glance. The meters also carry distinct icons,
so they never depend on colour alone.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from gaiko_game.present.palette import BAD, GOOD, ROLE_COLOURS, Colour, hex_rgb
from gaiko_game.scenario.loader import load

ROOT = Path(__file__).resolve().parent.parent
APART = 15.0
VISION = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
    "typical": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
}


def _linear(c: int) -> float:
    v = c / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _lab(r: float, g: float, b: float) -> tuple[float, float, float]:
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen(colour: Colour, vision: str) -> tuple[float, float, float]:
    """A colour as a viewer with ``vision`` sees it, in CIELAB."""
    rgb = [_linear(c) for c in colour]
    m = VISION[vision]
    r, g, b = (min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3))
    return _lab(r, g, b)


def distance(a: Colour, b: Colour, vision: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(seen(a, vision), seen(b, vision), strict=True)) ** 0.5


def meaning_pairs() -> dict[str, tuple[Colour, Colour]]:
    pairs = {"better/worse": (GOOD, BAD)}
    pairs |= {f"role {a}/{b}": (ca, cb) for (a, ca), (b, cb) in itertools.combinations(ROLE_COLOURS.items(), 2)}
    for folder in sorted((ROOT / "scenarios").iterdir()):
        sc = load(folder).scenario if (folder / "scenario.yaml").exists() else None
        if sc is not None:
            pairs |= {f"{sc.id} meters {a.id}/{b.id}": (hex_rgb(a.colour), hex_rgb(b.colour))
                      for a, b in itertools.combinations(sc.meters, 2)}
    return pairs


@pytest.mark.parametrize("vision", list(VISION))
def test_colours_with_a_meaning_stay_apart(vision: str) -> None:
    close = {name: round(distance(a, b, vision), 1) for name, (a, b) in meaning_pairs().items()
             if distance(a, b, vision) < APART}
    assert close == {}


def test_the_simulation_is_the_published_one() -> None:
    """Sanity: red and green, far apart for a typical viewer, all but merge for a deuteranope; white stays white."""
    assert distance((213, 94, 0), (0, 158, 115), "typical") > 80
    assert distance((200, 0, 0), (0, 140, 0), "deuteranopia") < 25
    assert all(abs(seen((255, 255, 255), v)[0] - 100) < 1 for v in VISION)


def test_meters_differ_in_shape_as_well_as_colour() -> None:
    for folder in sorted((ROOT / "scenarios").iterdir()):
        if (folder / "scenario.yaml").exists():
            sc = load(folder).scenario
            assert sc is not None
            icons = [m.icon for m in sc.meters]
            assert len(set(icons)) == len(icons) and "generic" not in icons, sc.id

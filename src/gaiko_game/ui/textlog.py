"""Where each piece of text landed, recorded by :class:`~gaiko_game.ui.fonts.Fonts` as it draws it.

The layout test turns recording on, draws a screen once, and checks what the draw calls
themselves reported: every text inside the panel it was drawn in and inside the area the
surface let it paint (nothing clipped), no two texts of one screen over each other, and no
text shortened with an ellipsis unless its draw call said a tooltip holds the whole of it.
Off by default: drawing costs nothing extra when nobody is recording.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pygame

Box = tuple[int, int, int, int]
"""x, y, width, height in window pixels."""


@dataclass(frozen=True)
class Placed:
    """One line of text as drawn."""

    text: str
    box: Box
    panel: Box
    """The panel it was drawn in (the whole target surface when no panel was declared)."""
    visible: Box
    """The part of the window the surface let it paint: the surface's clip rectangle, in window pixels."""
    layer: int
    """The screen it belongs to, counted from the bottom of what was drawn; overlays are layers above."""
    surface: int
    """Which surface it was drawn on (a screen's cached layer, a tooltip's box): texts overlap only on one surface."""
    shortened: bool = False
    """Cut with an ellipsis, without a tooltip holding the whole text."""


@dataclass
class TextLog:
    """The texts one frame drew, and the panels they were drawn in."""

    placed: list[Placed] = field(default_factory=list)
    layer: int = 0
    _panels: list[Box] = field(default_factory=list)
    _short: Counter[str] = field(default_factory=Counter)

    def next_layer(self) -> None:
        """What follows is drawn over what came before (the next screen of the stack, a tooltip)."""
        self.layer += 1

    @contextmanager
    def panel(self, rect: pygame.Rect) -> Iterator[None]:
        """Texts drawn inside this block belong in ``rect``."""
        self._panels.append((rect.x, rect.y, rect.w, rect.h))
        try:
            yield
        finally:
            self._panels.pop()

    def shortened(self, text: str) -> None:
        """``text`` is a line cut short by an ellipsis, and no tooltip shows the whole of it (the next time it is drawn
        is that line: each mark is used once, so the same cut drawn elsewhere with a tooltip is not blamed)."""
        self._short[text] += 1

    def add(self, surf: pygame.Surface, text: str, rect: pygame.Rect) -> None:
        """Record a line of text blitted onto ``surf`` at ``rect``, in window pixels."""
        ox, oy = surf.get_abs_offset()
        clip = surf.get_clip()
        whole = (ox, oy, surf.get_width(), surf.get_height())
        panel = self._panels[-1] if self._panels else whole
        short = self._short[text] > 0
        if short:
            self._short[text] -= 1
        self.placed.append(Placed(text, (rect.x + ox, rect.y + oy, rect.w, rect.h), panel,
                                  (clip.x + ox, clip.y + oy, clip.w, clip.h), self.layer, id(surf.get_abs_parent()),
                                  short))


def inside(inner: Box, outer: Box) -> bool:
    """Whether ``inner`` lies wholly within ``outer``."""
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and inner[0] + inner[2] <= outer[0] + outer[2]
            and inner[1] + inner[3] <= outer[1] + outer[3])


def overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share any pixel."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def problems(log: TextLog, window: Box) -> list[str]:
    """Every text that left its panel, was clipped, was shortened, or lies over another text of its layer."""
    found: list[str] = []
    for p in log.placed:
        if not inside(p.box, p.panel):
            found.append(f"leaves its panel {p.panel}: {p.text!r} at {p.box}")
        if not inside(p.box, p.visible) or not inside(p.box, window):
            found.append(f"clipped by {p.visible}: {p.text!r} at {p.box}")
        if p.shortened:
            found.append(f"shortened with no tooltip holding it: {p.text!r}")
    by_layer: dict[tuple[int, int], list[Placed]] = {}
    for p in log.placed:
        by_layer.setdefault((p.layer, p.surface), []).append(p)
    for texts in by_layer.values():
        texts.sort(key=lambda p: p.box[1])
        for i, a in enumerate(texts):
            for b in texts[i + 1:]:
                if b.box[1] >= a.box[1] + a.box[3]:
                    break
                if overlap(a.box, b.box):
                    found.append(f"overlaps: {a.text!r} at {a.box} and {b.text!r} at {b.box}")
    return found

"""Breaking text into lines that fit a width, in Japanese and in English, and shrinking it until a box holds it.

Japanese breaks between any two characters except before closing punctuation and small kana or after opening
brackets (kinsoku shori), and never hyphenates; English breaks at spaces. Widths come from a measuring function
(the PDF library's own string width at the size in hand), so what is measured is what is printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

Measure = Callable[[str, float], float]
"""The width of a string at a font size, in the page's units."""

NO_START = set("、。，．・：；？！ー）」』】〕〉》’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜…,.:;!?)]}%")
NO_END = set("（「『【〔〈《‘“([{")
MIN_BODY = 8.0
"""The smallest body text the kit prints (points): anything that would need less is a layout error."""


def _units(text: str) -> list[str]:
    """The pieces a line may break between: words with their trailing space, and single CJK characters."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ord(ch) >= 0x2E80 and ch not in NO_START:  # CJK: each character is a piece of its own
            if word:
                out.append(word)
                word = ""
            if out and out[-1] and out[-1][-1] in NO_END:
                out[-1] += ch
            else:
                out.append(ch)
        elif ch in NO_START and not word and out:
            out[-1] += ch  # closing punctuation stays with what it closes
        else:
            word += ch
            if ch == " ":
                out.append(word)
                word = ""
    if word:
        out.append(word)
    return out


def wrap(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``size`` (a piece wider than a line alone is cut by character);
    a newline in the text always starts a new line."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for unit in _units(para):
            trial = line + unit
            if not line or measure(trial.rstrip(), size) <= width:
                line = trial
                if measure(line.rstrip(), size) > width:  # one piece alone is too wide: cut it
                    head = ""
                    for ch in line:
                        if head and measure(head + ch, size) > width:
                            lines.append(head)
                            head = ""
                        head += ch
                    line = head
                continue
            lines.append(line.rstrip())
            line = unit.lstrip()
        lines.append(line.rstrip())
    return lines


@dataclass(frozen=True)
class Block:
    """A paragraph to set: its text, its size at best, and the space after it (in line heights)."""

    text: str
    size: float = 9.0
    bold: bool = False
    after: float = 0.25


@dataclass(frozen=True)
class Setting:
    """How a box's blocks were set: each block's lines and size, the height used, and whether they fit."""

    lines: tuple[tuple[Block, float, tuple[str, ...]], ...]
    height: float
    fits: bool
    scale: float

    @property
    def smallest(self) -> float:
        """The smallest size any block was set at."""
        return min((size for _, size, _ in self.lines), default=0.0)


LEADING = 1.3
"""Line height as a multiple of the font size."""
PT = 25.4 / 72
"""One point in millimetres."""


def set_blocks(blocks: Sequence[Block], width: float, height: float, measure: Callable[[str, float, bool], float],
               floor: float = MIN_BODY) -> Setting:
    """Set the blocks in a box, shrinking every size together (by steps of 0.25 pt) until they fit; no block goes
    below ``floor`` (or its own size, if smaller). When even that does not fit, the setting says so (``fits``
    False): the kit's tests read it, and the kit prints it anyway so a modder sees what overflows."""
    scale = 1.0
    while True:
        setting = _set(blocks, width, height, measure, scale, floor)
        if setting.fits:
            return setting
        if all(size <= min(floor, b.size) for b, size, _ in setting.lines):
            return setting
        scale -= 0.25 / max(b.size for b in blocks)


def _measure_as(measure: Callable[[str, float, bool], float], bold: bool, text: str, size: float) -> float:
    return measure(text, size, bold)


def _set(blocks: Sequence[Block], width: float, height: float, measure: Callable[[str, float, bool], float],
         scale: float, floor: float) -> Setting:
    out = []
    used = 0.0
    for b in blocks:
        size = max(min(floor, b.size), b.size * scale)
        lines = tuple(wrap(b.text, width, size, partial(_measure_as, measure, b.bold))) if b.text else ()
        used += (len(lines) + b.after) * size * LEADING * PT
        out.append((b, size, lines))
    return Setting(tuple(out), used, used <= height + 1e-6, scale)

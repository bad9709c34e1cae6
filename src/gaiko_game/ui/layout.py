"""Line breaking for Japanese and English: no hyphens, and kinsoku rules for Japanese.

Pure (no pygame): the caller passes how wide a string is, so tests can use a fixed-width
measure and the game uses the font's. Breaks fall at spaces between words and between
any two Japanese characters, except that closing punctuation and the long-vowel mark never
start a line and opening brackets never end one. A word too long for a line is split
between characters, without a hyphen.
"""

from __future__ import annotations

from collections.abc import Callable

NO_START = set("、。，．・：；？！ー」』）］｝〉》】〕’”ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐〜…,.;:!?)]}%")
NO_END = set("「『（［｛〈《【〔‘“([{")

Measure = Callable[[str], int]


def _is_wide(ch: str) -> bool:
    """Japanese, Chinese and full-width characters: each may stand alone between breaks."""
    code = ord(ch)
    return (0x3000 <= code <= 0x9FFF) or (0xF900 <= code <= 0xFAFF) or (0xFF00 <= code <= 0xFFEF)


def units(text: str) -> list[str]:
    """Split text into pieces between which a line may break (spaces kept as their own pieces)."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ch == " ":
            if word:
                out.append(word)
                word = ""
            out.append(" ")
        elif _is_wide(ch):
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    return _glue(out)


def _glue(pieces: list[str]) -> list[str]:
    """Join pieces that may not be separated: no-start characters to what precedes, no-end to what follows."""
    out: list[str] = []
    carry = ""
    for p in pieces:
        if p == " ":
            if carry:
                out.append(carry)
                carry = ""
            out.append(p)
            continue
        piece = carry + p
        carry = ""
        if out and out[-1] != " " and piece[0] in NO_START:
            out[-1] += piece
        elif piece[-1] in NO_END:
            carry = piece
        else:
            out.append(piece)
    if carry:
        out.append(carry)
    return out


def wrap(text: str, width: int, measure: Measure) -> list[str]:
    """The lines of ``text`` (which may contain newlines) fitted to ``width``."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(text: str, width: int, measure: Measure) -> list[str]:
    lines: list[str] = []
    line = ""
    for unit in units(text):
        if unit == " " and not line:
            continue
        candidate = line + unit
        if measure(candidate.rstrip(" ")) <= width or not line.strip():
            line = candidate
        else:
            lines.append(line.rstrip(" "))
            line = "" if unit == " " else unit
        while measure(line.rstrip(" ")) > width and len(line.rstrip(" ")) > 1:  # one unit wider than the line: split
            line = line.rstrip(" ")  # by characters (a trailing space never pushes a line over, nor starts the next)
            cut = len(line) - 1
            while cut > 1 and measure(line[:cut]) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.rstrip(" "))
    return lines

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
    """Greedy: each line takes the most pieces that fit, found by halving (a few measures a line, not one a piece:
    a tooltip is laid out in a frame's budget)."""
    whole = text.strip(" ")
    if measure(whole) <= width:  # most lines: one measure
        return [whole]
    pieces = units(text)
    lines: list[str] = []
    i = 0
    while i < len(pieces):
        first = pieces[i]
        if first == " ":  # a line never starts with a space
            i += 1
            continue
        if len(first) > 1 and measure(first) > width:  # one piece wider than the line: split it between characters
            cut = len(first) - 1
            while cut > 1 and measure(first[:cut]) > width:
                cut -= 1
            pieces[i:i + 1] = [first[:cut], first[cut:]]
            lines.append(first[:cut])
            i += 1
            continue
        most, least = len(pieces), i + 1  # a line's width only grows as pieces are added (trailing spaces aside)
        while least < most:
            middle = (least + most + 1) // 2
            if measure("".join(pieces[i:middle]).rstrip(" ")) <= width:
                least = middle
            else:
                most = middle - 1
        lines.append("".join(pieces[i:least]).rstrip(" "))
        i = least
    return lines or [""]

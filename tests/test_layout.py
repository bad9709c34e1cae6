"""Line breaking: no hyphens, Japanese kinsoku rules, English at spaces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gaiko_game.ui.layout import NO_END, NO_START, wrap


def width(text: str) -> int:
    """A fixed-width measure: a Japanese character is 2 cells, anything else 1."""
    return sum(2 if ord(c) > 0x2FFF else 1 for c in text)


def test_english_breaks_at_spaces() -> None:
    assert wrap("Raise the readiness of the Self-Defense Forces", 20, width) == [
        "Raise the readiness", "of the Self-Defense", "Forces"]


def test_japanese_breaks_between_characters() -> None:
    assert wrap("日米同盟を基盤とする", 8, width) == ["日米同盟", "を基盤と", "する"]


def test_no_line_starts_with_closing_punctuation_or_long_vowel() -> None:
    lines = wrap("米国との関係強化と、中立的な国々との連携。エネルギー", 10, width)
    assert all(line[0] not in NO_START for line in lines)
    assert "".join(lines) == "米国との関係強化と、中立的な国々との連携。エネルギー"


def test_no_line_ends_with_an_opening_bracket() -> None:
    lines = wrap("日本は「自由で開かれたインド太平洋」を掲げる", 12, width)
    assert all(line[-1] not in NO_END for line in lines)


def test_mixed_text_and_explicit_newlines() -> None:
    assert wrap("Quad summit\nクアッド首脳会合", 40, width) == ["Quad summit", "クアッド首脳会合"]


def test_a_word_longer_than_the_line_is_split_without_a_hyphen() -> None:
    lines = wrap("Counterstrike", 5, width)
    assert lines == ["Count", "erstr", "ike"] and not any(line.endswith("-") for line in lines)


@given(st.text(alphabet="日米同盟、。「」ー abcdeXYZ", max_size=60), st.integers(4, 30))
def test_wrapping_keeps_every_character_and_fits(text: str, cells: int) -> None:
    lines = wrap(text, cells, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert width(line) <= cells or len(line) <= 2  # only an unbreakable pair (e.g. 「日) may overhang
        assert not line.endswith("-") or "-" in text


def test_a_line_that_exactly_fills_the_width_does_not_push_its_space_onto_the_next() -> None:
    """A trailing space once tipped a full line over the width and began the next line with it (" at China…")."""
    assert wrap("aaa bbb ccc ddd", 7, len) == ["aaa bbb", "ccc ddd"]
    assert all(not line.startswith(" ") for w in range(3, 16) for line in wrap("point at China on the map", w, len))

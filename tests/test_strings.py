"""The game's own strings: both languages, the same placeholders."""

from __future__ import annotations

import string

from gaiko_game.core.strings import STRINGS


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_string_has_japanese_and_english() -> None:
    assert all(set(v) == {"ja", "en"} and v["ja"].strip() and v["en"].strip() for v in STRINGS.values())


def test_placeholders_match_between_languages() -> None:
    assert [k for k, v in STRINGS.items() if placeholders(v["ja"]) != placeholders(v["en"])] == []


def test_japanese_strings_have_no_untranslated_words() -> None:
    import re

    allowed = {"DC", "Gaik", "e", "h", "q", "i", "s", "a", "d", "u", "w", "y", "n", "security", "prosperity",
               "autonomy", "capital", "tension", "us_commitment", "stability",
               "E", "M", "P", "I", "F", "G", "V", "R", "Esc", "Enter", "PNG", "gaiko", "validate"}  # key names and file types stay as on the keyboard
    leftovers = {}
    for key, v in STRINGS.items():
        text = re.sub(r"\{[^}]*\}", "", v["ja"])
        words = set(re.findall(r"[A-Za-z_]+", text)) - allowed
        if words:
            leftovers[key] = words
    assert leftovers == {}

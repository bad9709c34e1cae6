"""Every word the game says itself: both languages, the same placeholders, nothing untranslated, nothing unused."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from gaiko_game.core.strings import STRINGS as CORE
from gaiko_game.present.strings import STRINGS as INTERFACE
from gaiko_game.session.strings import STRINGS as SESSION

TABLES = {"core": CORE, "session": SESSION, "present": INTERFACE}
SRC = Path(__file__).resolve().parent.parent / "src" / "gaiko_game"
DYNAMIC = ("cause.", "win.mode_")
"""Keys built from a prefix and data (a cause's kind, a map mode); each still must be used."""


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("layer", TABLES)
def test_every_string_has_japanese_and_english(layer: str) -> None:
    assert all(set(v) == {"ja", "en"} and v["ja"].strip() and v["en"].strip() for v in TABLES[layer].values())


@pytest.mark.parametrize("layer", TABLES)
def test_placeholders_match_between_languages(layer: str) -> None:
    assert [k for k, v in TABLES[layer].items() if placeholders(v["ja"]) != placeholders(v["en"])] == []


def test_no_key_is_defined_in_two_layers() -> None:
    assert set(CORE) & set(SESSION) == set() and set(CORE) & set(INTERFACE) == set()
    assert set(SESSION) & set(INTERFACE) == set()


def test_japanese_strings_have_no_untranslated_words() -> None:
    allowed = {"DC", "Gaik", "e", "h", "q", "i", "s", "a", "d", "u", "w", "x", "y", "n", "c", "save",
               "E", "M", "P", "I", "F", "G", "V", "R", "D", "U", "Esc", "Enter", "Tab", "Home", "End", "PNG", "gaiko",
               "validate", "modelcard", "teachers", "scenario",
               "replay"}  # keys, commands
    leftovers = {}
    for layer in TABLES.values():
        for key, v in layer.items():
            words = set(re.findall(r"[A-Za-z_]+", re.sub(r"\{[^}]*\}", "", v["ja"]))) - allowed
            if words:
                leftovers[key] = words
    assert leftovers == {}


def test_every_string_is_used_somewhere() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "strings.py")
    def used(key: str) -> bool:
        return f'"{key}"' in source or any(key.startswith(p) and f'f"{p}' in source for p in DYNAMIC)

    unused = [k for layer in TABLES.values() for k in layer if not used(k)]
    assert unused == []


def _outside_placeholders(text: str) -> str:
    return re.sub(r"\{[^}]*\}", "", text)


def test_japanese_strings_use_full_width_brackets_and_colons() -> None:
    """Japanese sets （）［］ and ： full width; the half-width forms read as English in a Japanese sentence."""
    half = {key: v["ja"] for layer in TABLES.values() for key, v in layer.items()
            if re.search(r"[()\[\]:]", _outside_placeholders(v["ja"]))}
    assert half == {}


SPELLED_OUT_IN_ENGLISH = {"action.cost_one", "debrief.impact_programme_one", "win.one_scenario"}
"""Keys whose English says the number in words ("next turn", "one turn", "One scenario")."""


def test_each_pair_says_the_same_numbers_in_both_languages() -> None:
    def numbers(text: str) -> list[str]:
        return sorted(re.findall(r"\d+", _outside_placeholders(text)))

    differ = {key for layer in TABLES.values() for key, v in layer.items() if numbers(v["ja"]) != numbers(v["en"])}
    assert differ == SPELLED_OUT_IN_ENGLISH

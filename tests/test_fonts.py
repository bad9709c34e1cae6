"""The shipped Noto Sans JP subsets (assets/fonts/, made by tools/subset_fonts.py) cover all text.

The fonts are subsets, so a new kanji or symbol in a scenario or in a UI string could render as a
box. This test reads every YAML file under scenarios/ and tests/fixtures/northern_watch/ (all languages)
and every Python file of src/gaiko_game, and checks that both weights have a glyph for each character.

How a missing glyph is detected: ``pygame.font.Font.metrics`` is documented to give None for a
character the font lacks, but with pygame-ce 2.5 and SDL_ttf 2.24 it returns the metrics of the
.notdef box instead (pygame-ce pull request #2593 tried to change that and was closed), so it
cannot tell. ``pygame.freetype.Font.get_metrics`` does give None, and a canary below checks that
it still does (with a Hangul syllable and an emoji that the subset leaves out), so this test can
fail. ``pygame.font.Font`` still loads each file, as the game does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pygame.freetype
import pytest

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = ROOT / "assets" / "fonts"
FONTS = [FONT_DIR / "NotoSansJP-Regular.otf", FONT_DIR / "NotoSansJP-Bold.otf"]
MAX_BYTES = 2_500_000
SIZE = 16
PRINTABLE_ASCII = "".join(chr(cp) for cp in range(0x20, 0x7F))
NOT_IN_SUBSET = ["한", "\U0001F600"]  # HANGUL SYLLABLE HAN, GRINNING FACE


def yaml_files() -> Iterator[Path]:
    """Every YAML file under scenarios/ and of the test scenarios the window renders, all languages."""
    for folder in (ROOT / "scenarios", ROOT / "tests" / "fixtures" / "northern_watch"):
        yield from sorted(folder.rglob("*.yaml"))
        yield from sorted(folder.rglob("*.yml"))


def python_files() -> Iterator[Path]:
    """Every Python source file of the game package."""
    yield from sorted((ROOT / "src" / "gaiko_game").rglob("*.py"))


def used_characters() -> dict[str, Path]:
    """Each character that must render, with one file that uses it (for the failure message)."""
    found: dict[str, Path] = {c: Path("(printable ASCII)") for c in PRINTABLE_ASCII}
    for path in yaml_files():
        for char in path.read_text(encoding="utf-8"):
            if char.isprintable():
                found.setdefault(char, path)
    for path in python_files():
        for char in path.read_text(encoding="utf-8"):
            if ord(char) > 0x7F:
                found.setdefault(char, path)
    return found


def lacking(font: pygame.freetype.Font, chars: str) -> list[str]:
    """The characters of ``chars`` that ``font`` has no glyph for (metrics None)."""
    return [c for c, m in zip(chars, font.get_metrics(chars), strict=True) if m is None]


@pytest.fixture(scope="module", autouse=True)
def _font_modules() -> Iterator[None]:
    pygame.font.init()
    pygame.freetype.init()
    yield


def test_content_is_found() -> None:
    chars = used_characters()
    assert any("\u4e00" <= c <= "\u9fff" for c in chars), "no kanji found: wrong folders?"
    assert len(chars) > len(PRINTABLE_ASCII) + 500


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_font_is_shipped_small_and_loads(path: Path) -> None:
    assert path.is_file(), f"{path} missing: run tools/subset_fonts.py"
    assert path.stat().st_size < MAX_BYTES
    font = pygame.font.Font(str(path), SIZE)
    assert font.size("外交 Gaikō")[0] > 0
    assert font.render("外交 Gaikō", True, (0, 0, 0)).get_width() > 0


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_missing_glyph_is_detected(path: Path) -> None:
    font = pygame.freetype.Font(str(path), SIZE)
    assert lacking(font, "".join(NOT_IN_SUBSET)) == NOT_IN_SUBSET
    assert lacking(font, "外交A") == []


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_every_used_character_has_a_glyph(path: Path) -> None:
    chars = used_characters()
    font = pygame.freetype.Font(str(path), SIZE)
    missing = lacking(font, "".join(sorted(chars)))
    report = [f"U+{ord(c):04X} {c!r} in {chars[c].relative_to(ROOT) if chars[c].is_absolute() else chars[c]}"
              for c in missing]
    assert not report, f"{path.name} lacks glyphs (rerun tools/subset_fonts.py):\n" + "\n".join(report)


def test_licence_is_shipped() -> None:
    licence = FONT_DIR / "OFL.txt"
    assert licence.is_file()
    text = licence.read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Adobe" in text

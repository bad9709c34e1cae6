#!/usr/bin/env python3
"""Make the shipped Noto Sans JP subsets (assets/fonts/NotoSansJP-{Regular,Bold}.otf).

Why
    The game, the classroom web pages and the PDF print kit all need the same Japanese font.
    The full Noto Sans JP files are about 4.5 MB each and carry Korean, Chinese-only ideographs
    and OpenType features nobody here uses. This script keeps what Japanese and English text in
    this project can need, so the fonts can be committed and shipped from ``assets/fonts/``
    instead of being borrowed from the pygame_gui wheel.

What the subset keeps
    * ASCII, Latin-1 Supplement and Latin Extended-A (English, macrons such as "Kōno").
    * General Punctuation, Arrows, Geometric Shapes, ★ ☆, − ± × ÷ ≤ ≥ ≈.
    * CJK Symbols and Punctuation, Hiragana, Katakana (with Phonetic Extensions) and the
      Halfwidth and Fullwidth Forms block (full-width ASCII, half-width katakana).
    * Every character of JIS X 0208 (kanji levels 1 and 2 plus its symbol, Greek, Cyrillic and
      box-drawing rows), derived from Python's ``euc_jp`` codec by decoding every valid
      double-byte code, so no table is pasted here.
    * Every character that occurs in any text file under ``scenarios/`` and ``src/`` of the
      repository, so content can never lose a glyph. Run the script again after adding text
      with a character outside the sets above (tests/test_fonts.py fails until you do).
    * OpenType features kern, palt, vert and vrt2 only; no hinting; CFF desubroutinized
      (smaller once compressed, and what gave ~1.6 MB in TECH-NOTES). All name records stay,
      so the copyright, trademark and licence strings travel with the files (OFL-1.1 §2).

Input
    The full fonts in the installed pygame_gui package (``pygame_gui/data/NotoSansJP-*.otf``,
    OFL-1.1), or the paths given with ``--regular`` and ``--bold``.

Usage
    .venv/bin/pip install fonttools        # tool-time only; not a dependency of the game
    .venv/bin/python tools/subset_fonts.py [--regular OTF] [--bold OTF] [--out-dir DIR]

    Output is deterministic: the same inputs and repository text give byte-identical files.
    The script prints each file's size and glyph count, and the repository characters that the
    source font itself lacks (those cannot be fixed by subsetting).
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "assets" / "fonts"
CONTENT_DIRS = ("scenarios", "src")
WEIGHTS = ("Regular", "Bold")
LAYOUT_FEATURES = ["kern", "palt", "vert", "vrt2"]

# Inclusive code point ranges kept whole (code points the source font lacks are skipped).
BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement: ± × ÷ · § ¥ …
    (0x0100, 0x017F),  # Latin Extended-A: ō ū …
    (0x2000, 0x206F),  # General Punctuation: — – ‘ ’ “ ” … • ‰ ‐
    (0x2190, 0x21FF),  # Arrows: → ← ↑ ↓ …
    (0x25A0, 0x25FF),  # Geometric Shapes: ▲ ▼ ● ○ ■ □ ◆ …
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 、 。 「 」 〜 …
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana, with ・ and ー
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)
SINGLES = "★☆−±×÷≤≥≈"


def default_source(weight: str) -> Path:
    """The full Noto Sans JP of ``weight`` inside the installed pygame_gui (not imported)."""
    spec = importlib.util.find_spec("pygame_gui")
    if spec is None or spec.origin is None:
        raise SystemExit("pygame_gui is not installed: pass --regular and --bold")
    return Path(spec.origin).parent / "data" / f"NotoSansJP-{weight}.otf"


def block_codepoints() -> set[int]:
    """The fixed Unicode blocks and single symbols."""
    points = {cp for first, last in BLOCKS for cp in range(first, last + 1)}
    return points | {ord(c) for c in SINGLES}


def jis_x_0208_codepoints() -> set[int]:
    """Every character of JIS X 0208, by decoding each two-byte EUC-JP code (rows 1-94)."""
    points: set[int] = set()
    for first in range(0xA1, 0xFF):
        for second in range(0xA1, 0xFF):
            try:
                text = bytes((first, second)).decode("euc_jp")
            except UnicodeDecodeError:
                continue
            points.update(ord(c) for c in text)
    return points


def text_files(root: Path) -> Iterator[Path]:
    """Files under the content folders, sorted, without bytecode caches."""
    for name in CONTENT_DIRS:
        for path in sorted((root / name).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path


def content_codepoints(root: Path) -> set[int]:
    """Every printable character of every UTF-8 text file under scenarios/ and src/."""
    points: set[int] = set()
    for path in text_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # not text (an image or a compiled file)
        points.update(ord(c) for c in text if c.isprintable())
    return points


def subset_options() -> subset.Options:
    """The pyftsubset settings: few layout features, no hinting, desubroutinized, all names."""
    options = subset.Options()
    options.layout_features = list(LAYOUT_FEATURES)
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True  # a visible box for a missing character, not a blank
    options.recalc_timestamp = False  # keep head.modified: output must be reproducible
    return options


def make_subset(source: Path, target: Path, codepoints: Iterable[int]) -> int:
    """Write the subset of ``source`` to ``target``; return its glyph count."""
    font = subset.load_font(str(source), subset.Options(), lazy=False)
    subsetter = subset.Subsetter(options=subset_options())
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), subset_options())
    return len(font.getGlyphOrder())


def missing_from(source: Path, codepoints: Iterable[int]) -> list[str]:
    """The characters of ``codepoints`` that ``source`` has no glyph for."""
    cmap = TTFont(str(source), lazy=True).getBestCmap()
    return [chr(cp) for cp in sorted(codepoints) if cp not in cmap]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command line: optional source fonts and output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regular", type=Path, help="full NotoSansJP-Regular.otf")
    parser.add_argument("--bold", type=Path, help="full NotoSansJP-Bold.otf")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="default: assets/fonts")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Subset both weights and report sizes, glyph counts and uncovered repository text."""
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(levelname)s: %(message)s")
    args = parse_args(argv)
    sources = {"Regular": args.regular or default_source("Regular"),
               "Bold": args.bold or default_source("Bold")}
    content = content_codepoints(ROOT)
    wanted = block_codepoints() | jis_x_0208_codepoints() | content
    print(f"requested {len(wanted)} code points ({len(content)} from scenarios/ and src/)")
    status = 0
    for weight in WEIGHTS:
        source = sources[weight]
        target = args.out_dir / f"NotoSansJP-{weight}.otf"
        start = time.perf_counter()
        glyphs = make_subset(source, target, wanted)
        seconds = time.perf_counter() - start
        mapped = len(TTFont(str(target), lazy=True).getBestCmap())
        print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
              f"{target.stat().st_size:,} bytes, {glyphs} glyphs, {mapped} characters, "
              f"{seconds:.1f} s (from {source.stat().st_size:,} bytes)")
        lacking = missing_from(source, content)
        if lacking:
            status = 1
            print(f"  WARNING: {source.name} itself lacks {len(lacking)} characters used in "
                  f"scenarios/ or src/: {' '.join(f'U+{ord(c):04X}' for c in lacking)}",
                  file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())

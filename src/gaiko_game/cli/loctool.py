"""`gaiko loc SCENARIO --missing | --skeleton`: the text keys a scenario lacks, and a skeleton to translate.

Exit 0 when no key is missing or untranslated, 1 when some are (so a CI job fails until the text is complete),
and 1 with the validator's diagnostics when other errors stop the check. `--skeleton` exits 0 once every
missing key has a place (an empty, untranslated value), 1 when some could not be written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gaiko_game.cli.modwords import say
from gaiko_game.scenario.crossref import TextGap, TextGaps
from gaiko_game.scenario.diagnostics import format_all
from gaiko_game.scenario.loader import load
from gaiko_game.scenario.locskeleton import absent_listed, appended, new_file_text, place


def _gaps(folder: Path, lang: str) -> TextGaps | None:
    """The scenario's text gaps, or None after printing the errors that stop the check."""
    result = load(folder)
    if result.text is None:
        errors = [d for d in result.diagnostics if d.is_error]
        sys.stderr.write(format_all(errors, limit_per_file=20) + "\n")
        sys.stderr.write(f"gaiko loc: {say('error', lang)}{say('loc.broken', lang, folder=folder)}\n"
                         f"  {say('hint', lang)}{say('loc.broken_hint', lang, folder=folder)}\n")
        return None
    return result.text


def _only(gaps: list[TextGap], langs: tuple[str, ...]) -> list[TextGap]:
    return [g for g in gaps if g.lang in langs]


def run_missing(folder: Path, only: str | None, lang: str) -> int:
    """List missing keys by the file they belong in, then unused and empty ones at their lines."""
    gaps = _gaps(folder, lang)
    if gaps is None:
        return 1
    langs = (only,) if only else ("ja", "en")
    missing, unused, empty = (_only(g, langs) for g in (gaps.missing, gaps.unused, gaps.empty))
    for spot in place(folder, missing):
        print(say("loc.missing_in", lang, file=folder / spot.rel, count=len(spot.keys),
                  language=say(f"lang.{spot.lang}", lang)))
        if not spot.listed:
            print(say("loc.unlisted", lang, lang=spot.lang, rel=spot.rel))
        for key in spot.keys:
            print(f"  {key}")
    for gap in sorted(unused, key=lambda g: (g.home, g.line)):
        print(say("loc.unused", lang, file=gap.home, line=gap.line, key=gap.key))
    for gap in sorted(empty, key=lambda g: (g.home, g.line)):
        print(say("loc.empty", lang, file=gap.home, line=gap.line, key=gap.key))
    print(say("loc.summary", lang, folder=folder, missing=len(missing), empty=len(empty), unused=len(unused)))
    if missing:
        print(say("loc.next_skeleton", lang, folder=folder))
    return 1 if missing or empty else 0


def run_skeleton(folder: Path, only: str | None, lang: str) -> int:
    """Append every missing key, with an empty value, to the file it belongs in; never touch a line already there."""
    if folder.is_dir():
        for rel in absent_listed(folder):
            try:
                (folder / rel).parent.mkdir(parents=True, exist_ok=True)
                with (folder / rel).open("x", encoding="utf-8") as f:
                    f.write(new_file_text(rel))
            except OSError as e:
                sys.stderr.write(f"gaiko loc: error: {folder / rel}: {e.strerror or e}\n")
                return 1
            print(say("loc.created", lang, file=folder / rel))
    gaps = _gaps(folder, lang)
    if gaps is None:
        return 1
    missing = _only(gaps.missing, (only,) if only else ("ja", "en"))
    if not missing:
        print(say("loc.nothing", lang, folder=folder))
        return 0
    failed = False
    for spot in place(folder, missing):
        path = folder / spot.rel
        if not spot.listed or not path.is_file():
            print(say("loc.not_written", lang, file=path, count=len(spot.keys), lang=spot.lang, rel=spot.rel))
            failed = True
            continue
        try:
            text = appended(path.read_bytes(), spot, gaps, lang)
            with path.open("a", encoding="utf-8", newline="\n") as f:
                f.write(text)
        except OSError as e:
            sys.stderr.write(f"gaiko loc: error: {path}: {e.strerror or e}\n")
            return 1
        print(say("loc.wrote", lang, file=path, count=len(spot.keys)))
    return 1 if failed else 0

"""Where each missing text key goes in a scenario's own files, and the lines `gaiko loc --skeleton` appends.

The validator already knows which keys are missing and which file each belongs in
(:class:`~gaiko_game.scenario.crossref.TextGaps`); this module only maps those files onto the scenario's
folder and its ``files.loc`` lists. A key whose home lies outside the folder (a layer's base) goes to the
layer's own first text file of that language. Files are only ever appended to: every byte already in them
stays where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gaiko_game.scenario import paths
from gaiko_game.scenario.crossref import TextGap, TextGaps
from gaiko_game.scenario.editorschema import schema_header
from gaiko_game.scenario.layers import EXTENDS
from gaiko_game.scenario.loader import SCENARIO_FILE
from gaiko_game.scenario.yamlsafe import read

LANGS = ("ja", "en")
BLOCK_HEAD = {"en": '# added by `gaiko loc --skeleton`: untranslated, write the text in each ""',
              "ja": "# `gaiko loc --skeleton` が追加：未翻訳です。各 \"\" の中に本文を書いてください"}
NO_TEXT = {"en": "(no text in either language yet)", "ja": "（まだどちらの言語にも本文がありません）"}
"""The comments the skeleton writes, in the language of the modder's messages."""


@dataclass
class Placement:
    """The missing keys of one language that go into one file of the scenario."""

    lang: str
    rel: str
    listed: bool
    keys: list[str] = field(default_factory=list)


def listed_loc(folder: Path) -> dict[str, list[str]]:
    """The text files scenario.yaml lists per language (a scenario's defaults when it lists none; a layer has none)."""
    doc, _ = read(folder / SCENARIO_FILE, str(folder / SCENARIO_FILE))
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    files = data.get("files")
    loc = files.get("loc") if isinstance(files, dict) else None
    if not isinstance(loc, dict):
        return {} if EXTENDS in data else {lang: [f"loc/{lang}.yaml"] for lang in LANGS}
    return {lang: [str(r) for r in rels] for lang, rels in loc.items() if lang in LANGS and isinstance(rels, list)}


def absent_listed(folder: Path) -> list[str]:
    """Text files scenario.yaml lists that do not exist yet but safely could, inside the folder."""
    out = []
    for rels in listed_loc(folder).values():
        for rel in rels:
            try:
                paths.inside(folder, rel, "")
            except paths.BadPath as e:
                if e.code == "missing-file" and not (folder / rel).exists():
                    out.append(rel)
    return out


def new_file_text(rel: str) -> str:
    """What a text file created for the skeleton starts with: its editor-schema line."""
    return schema_header("loc", "../" * (len(Path(rel).parts) - 1) + ".schema") + "\n"


def _rel(folder: Path, home: str) -> str | None:
    try:
        return Path(home).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def place(folder: Path, missing: list[TextGap]) -> list[Placement]:
    """Each missing key's file within the folder, grouped by language and file in the order first needed."""
    listed = listed_loc(folder)
    out: dict[tuple[str, str], Placement] = {}
    for gap in missing:
        own = listed.get(gap.lang) or []
        rel = _rel(folder, gap.home) or (own[0] if own else f"loc/{gap.lang}.yaml")
        spot = out.setdefault((gap.lang, rel), Placement(gap.lang, rel, rel in own))
        spot.keys.append(gap.key)
    return list(out.values())


def _comment(text: str | None, other: str, lang: str) -> str:
    if text is None:
        return f"# {NO_TEXT[lang]}\n"
    lines = text.splitlines() or [""]
    return f"# {other}: {lines[0]}\n" + "".join(f"#   {line}\n" for line in lines[1:])


def appended(existing: bytes, spot: Placement, gaps: TextGaps, lang: str = "en") -> str:
    """The lines to append to a file holding ``existing``: each key with an empty value, the other
    language's text as a comment above it (``lang``: the language of the comments of the skeleton's own)."""
    other = "en" if spot.lang == "ja" else "ja"
    table = gaps.tables.get(other, {})
    lead = "" if not existing or existing.endswith(b"\n") else "\n"
    lang = lang if lang in BLOCK_HEAD else "en"
    body = "".join(f"{_comment(table.get(key) or None, other, lang)}{key}: \"\"\n" for key in spot.keys)
    return f"{lead}\n{BLOCK_HEAD[lang]}\n{body}"

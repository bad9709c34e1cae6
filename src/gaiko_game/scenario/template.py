"""What `gaiko new` writes: the shipped template folders with the new scenario's id put in.

The templates are scenario folders of their own (``templates/scenario`` validates and plays as it is), so
a test proves the template is sound before anyone copies it. Their id is the placeholder :data:`PLACEHOLDER`
and a layer's base is :data:`BASE_PLACEHOLDER`; both are whole words nothing else in the templates uses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from gaiko_game.scenario.bundled import bundled, templates_root

PLACEHOLDER = "new_scenario"
BASE_PLACEHOLDER = "base_scenario"
MAX_ID = 64
"""As long as an id may be (the scenario schema's limit)."""
_ID = re.compile(r"[a-z][a-z0-9_]*")


def name_problem(name: str) -> tuple[str, dict[str, str]] | None:
    """Why ``name`` cannot be a new scenario's id, as a message key and its arguments; None when it can."""
    if not name:
        return "new.name_empty", {}
    if len(name) > MAX_ID:
        return "new.name_long", {"name": name[:40] + "…", "limit": str(MAX_ID)}
    if not name[0].isascii() or not name[0].islower() or not name[0].isalpha():
        return "new.name_start", {"name": name}
    if not _ID.fullmatch(name):
        bad = next(c for c in name if not (c.isascii() and (c.islower() or c.isdigit() or c == "_")))
        return "new.name_char", {"name": name, "char": bad}
    if name in {p.name for p in bundled()}:
        return "new.name_bundled", {"name": name}
    return None


def template_files(kind: str) -> dict[str, str]:
    """The text of every file of a template (``scenario`` or ``layer``), by path relative to its folder."""
    root = templates_root() / kind
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def _put(text: str, name: str, base: str = "") -> str:
    text = re.sub(rf"\b{PLACEHOLDER}\b", name, text)
    return re.sub(rf"\b{BASE_PLACEHOLDER}\b", base, text) if base else text


def scenario_files(name: str) -> dict[str, str]:
    """A whole new scenario named ``name``."""
    return {rel: _put(text, name) for rel, text in template_files("scenario").items()}


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_LOC_HEAD = {
    "en": ("# English text of this layer: a key here replaces the base's text. Give every action, event or rule\n"
           "# this layer adds its text here and in loc/ja.yaml; `gaiko loc <folder> --missing` lists what is missing.\n"),
    "ja": ("# このレイヤーの日本語のテキスト。ここに書いたキーは元のシナリオのテキストを置き換えます。追加した行動・出来事・\n"
           "# ルールのテキストはここと loc/en.yaml に書きます。足りないキーは `gaiko loc <folder> --missing` で一覧できます。\n"),
}


def layer_files(name: str, base: str, base_text: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """A layer named ``name`` over the scenario ``base``: its scenario.yaml and a text skeleton per language that
    renames it (``base_text``: the base's texts by language, whose name and description it starts from)."""
    out = {rel: _put(text, name, base) for rel, text in template_files("layer").items()}
    for lang, head in _LOC_HEAD.items():
        table = base_text.get(lang, {})
        base_name = table.get("scenario.name", base)
        title = f"{base_name}（{name}）" if lang == "ja" else f"{base_name} ({name})"
        out[f"loc/{lang}.yaml"] = (
            "# yaml-language-server: $schema=../.schema/loc.schema.json\n" + head
            + f"scenario.name: {_quoted(title)}\n"
            + f"scenario.description: {_quoted(table.get('scenario.description', ''))}\n")
    return out


def holds_files(folder: Path) -> bool:
    """Whether ``folder`` exists and holds anything (a new scenario never goes into one)."""
    return folder.exists() and (not folder.is_dir() or any(folder.iterdir()))

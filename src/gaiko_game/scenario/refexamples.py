"""Examples for the modding reference, taken from the scenarios and strategies the game ships.

An example copied from a file that plays (and that the suite validates) cannot rot the way a typed
one can: each section of the reference shows the first place a shipped file writes its block,
shortened to a few entries, and names the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from gaiko_game.scenario.bundled import DEFAULT_SCENARIO, scenarios_root, strategies_root

LIST_ITEMS = 2
"""Items kept of a list inside an example."""
MAP_ENTRIES = 5
"""Entries kept of a long mapping of plain values (a map's countries)."""
LONG_MAP = 10
"""A mapping of plain values longer than this is cut (no model has as many keys, so only free maps are)."""


@dataclass(frozen=True)
class Example:
    """A block as a shipped file writes it: the key it sits under ("" for a file's root), its value, the file."""

    key: str
    value: Any
    source: str
    shortened: bool


def _scenarios() -> list[Path]:
    root = scenarios_root()
    found = sorted(p for p in root.iterdir() if (p / "scenario.yaml").is_file()) if root.is_dir() else []
    return sorted(found, key=lambda p: p.name != DEFAULT_SCENARIO)


def _sources(kind: str) -> list[Path]:
    """The shipped files of one kind, the default scenario's first."""
    if kind == "strategy":
        return sorted(strategies_root().glob("*.yaml"))
    patterns = {"scenario": ["scenario.yaml"], "layer": ["scenario.yaml"], "actors": ["actors.yaml"],
                "actions": ["actions.yaml", "actions/*.yaml"], "rules": ["rules.yaml"], "agendas": ["agendas.yaml"],
                "events": ["events/*.yaml"], "loc": ["loc/en*.yaml"], "tests": ["tests.yaml"]}[kind]
    return [f for folder in _scenarios() for pattern in patterns for f in sorted(folder.glob(pattern))]


@cache
def _data(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _find(data: Any, path: tuple[str, ...]) -> Any:
    """The first value at ``path`` (lists are searched item by item); None when there is none."""
    if not path:
        return data
    if isinstance(data, list):
        for item in data:
            found = _find(item, path)
            if found is not None:
                return found
        return None
    if isinstance(data, dict) and path[0] in data:
        return _find(data[path[0]], path[1:])
    return None


def _short(value: Any) -> tuple[Any, bool]:
    """The value with long lists and long plain mappings cut, and whether anything was cut."""
    if isinstance(value, list):
        kept = [_short(v) for v in value[:LIST_ITEMS]]
        return [v for v, _ in kept], len(value) > LIST_ITEMS or any(c for _, c in kept)
    if isinstance(value, dict):
        plain = all(not isinstance(v, (dict, list)) for v in value.values())
        items = list(value.items())[:MAP_ENTRIES] if plain and len(value) > LONG_MAP else list(value.items())
        pairs = {k: _short(v) for k, v in items}
        return {k: v for k, (v, _) in pairs.items()}, len(items) < len(value) or any(c for _, c in pairs.values())
    return value, False


def find(kind: str, path: tuple[str, ...], each: bool) -> Example | None:
    """How the first shipped file of ``kind`` that has the block at ``path`` writes it (one item, when ``each``)."""
    for source in _sources(kind):
        data = _data(source)
        if kind == "layer" and not (isinstance(data, dict) and "extends" in data):
            continue
        if kind == "scenario" and not path and isinstance(data, dict) and "extends" in data:
            continue
        value = _find(data, path)
        if value is None or value in ([], {}):
            continue
        if each and isinstance(value, list):
            value = value[:1]
        if not path and isinstance(value, dict):  # a file's root: its plain keys (the blocks have their own sections)
            value = {k: v for k, v in value.items() if not isinstance(v, (dict, list))}
        short, cut = _short(value)
        shown = source.relative_to(scenarios_root().parent if kind != "strategy" else strategies_root().parent)
        return Example(path[-1] if path else "", short, shown.as_posix(), cut)
    return None


def as_yaml(example: Example) -> str:
    """The example as YAML text, under its key."""
    def dump(data: Any) -> str:
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)

    if example.key:
        return dump({example.key: example.value}).rstrip("\n")
    if isinstance(example.value, dict):  # a file's root, one key a line as a modder writes it
        return "".join(yaml.safe_dump({k: v}, allow_unicode=True, default_flow_style=False)
                       for k, v in example.value.items()).rstrip("\n")
    return dump(example.value).rstrip("\n")


def short_texts(n: int, longest: int = 60) -> Example | None:
    """The first ``n`` short texts of the default scenario's English text file (a loc file's example)."""
    for source in _sources("loc"):
        data = _data(source)
        if isinstance(data, dict):
            picked = dict([(k, v) for k, v in data.items() if isinstance(v, str) and len(v) <= longest][:n])
            return Example("", picked, source.relative_to(scenarios_root().parent).as_posix(), True)
    return None

"""Scenario layers: a scenario that extends another by id, without copying it.

A layer's ``scenario.yaml`` names its base (``extends: indo_pacific_2025``) and holds only what it changes:
any top-level block it writes replaces the base's block (``diversification``, ``weightings``, ``ratings``…),
except ``assumptions``, whose items it adds after the base's;
its ``files`` are read after the base's, where an action, event, rule or actor with a base item's id replaces
that item and a text key replaces the base's text; ``remove`` takes out base items by id, and an assumption
removed takes out every rule, move, modifier and ending that encodes it. The base is found among the bundled
scenarios, or beside the layer's folder. One level only: a base that is itself a layer is refused (a chain of
layers would hide where a number comes from).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from gaiko_game.scenario.build import Parts
from gaiko_game.scenario.bundled import bundled_by_id
from gaiko_game.scenario.diagnostics import did_you_mean
from gaiko_game.scenario.schema import D, Files, Id, Strict
from gaiko_game.scenario.yamlsafe import Document

EXTENDS = "extends"
LAYER_KEYS = (EXTENDS, "remove", "files")
"""The keys of a layer's scenario.yaml that are not blocks replacing the base's."""
ADDED = ("assumptions",)
"""Blocks a layer adds to rather than replaces: its items come after the base's (``remove`` takes base ones out)."""


class Remove(Strict):
    actions: list[Id] = D("base actions to take out", default=[])
    events: list[Id] = D("base events and other actors' moves to take out", default=[])
    rules: list[Id] = D("base world rules to take out", default=[])
    assumptions: list[Id] = D("base assumptions to take out, with every rule, move, modifier and ending encoding them",
                              default=[])


class LayerFiles(Files):
    actors: list[str] = D("actor files (not globbed: list every file)", default=[])
    actions: list[str] = D("action files (not globbed: list every file)", default=[])
    rules: list[str] = D("world-rule files (not globbed: list every file)", default=[])
    events: list[str] | None = D("event files (default: every `events/*.yaml` of the layer's folder)", default=None)
    loc: dict[Literal["ja", "en"], list[str]] = D("text files per language (their keys replace the base's)",
                                                  default={})


class Layer(Strict):
    """What a layer's scenario.yaml holds besides the blocks it replaces."""

    extends: Id = D("the id of the scenario this one extends (a bundled one, or a folder of that name beside this one)")
    remove: Remove = D("base items to take out, by id", default=Remove())
    files: LayerFiles = D("this layer's own files, read after the base's (items with a base item's id replace it)",
                          default=LayerFiles())


def is_layer(doc: Document) -> bool:
    """Whether a parsed scenario.yaml extends another scenario."""
    return isinstance(doc.data, dict) and EXTENDS in doc.data


def base_folder(base_id: str, layer_folder: Path) -> Path | None:
    """The folder of the scenario a layer extends: a bundled scenario, else a folder of that name beside it."""
    beside = layer_folder.parent / base_id
    if beside.resolve() != layer_folder.resolve() and (beside / "scenario.yaml").is_file():
        return beside
    return bundled_by_id(base_id)


def merged(base: Document, layer: Document) -> Document:
    """The base's scenario.yaml with the layer's blocks in place of the base's, positions kept for each block."""
    data: dict[str, Any] = dict(base.data)
    marks = {p: m for p, m in base.marks.items() if not p or p[0] not in layer.data}
    key_marks = {p: m for p, m in base.key_marks.items() if not p or p[0] not in layer.data}
    for key, value in layer.data.items():
        if key in LAYER_KEYS:  # not blocks of the scenario, but their positions locate the layer's own problems
            marks.update({p: m for p, m in layer.marks.items() if p and p[0] == key})
            key_marks.update({p: m for p, m in layer.key_marks.items() if p and p[0] == key})
            continue
        if key in ADDED and isinstance(value, list) and isinstance(base.data.get(key), list):
            data[key] = [*base.data[key], *value]
            marks.update({p: m for p, m in base.marks.items() if p and p[0] == key})
            offset = len(base.data[key])
            shifted = {(key, p[1] + offset, *p[2:]): m for p, m in layer.marks.items()
                       if len(p) > 1 and p[0] == key and isinstance(p[1], int)}
            marks.update(shifted)
            continue
        data[key] = value
        marks.update({p: m for p, m in layer.marks.items() if p and p[0] == key})
        key_marks.update({p: m for p, m in layer.key_marks.items() if p and p[0] == key})
    return Document(layer.file, data, marks, key_marks)


def writes(layer: Document | None, block: str) -> bool:
    """Whether a layer's own scenario.yaml writes a block (replacing the base's)."""
    return layer is not None and isinstance(layer.data, dict) and block in layer.data


def take_out(parts: Parts, remove: Remove, doc: Document) -> None:
    """Take the base items a layer removes out of what was built; an id that names nothing is an error."""
    for block, kind in (("actions", "action"), ("events", "event"), ("rules", "rule")):
        for i, item_id in enumerate(getattr(remove, block)):
            if (kind, item_id) not in parts.defined:
                known = sorted(k[1] for k in parts.defined if k[0] == kind)
                parts.checker.report(doc, ("remove", block, i), "unknown-id", f"no {kind} '{item_id}' to remove",
                                     hint=did_you_mean(item_id, known) or f"{len(known)} {block} exist")
                continue
            parts.drop(kind, item_id)

"""The modding reference's tables, read off the editor schemas (:mod:`.editorschema`).

One walk over the models serves both: the schema an editor checks a file with is the table a modder
reads, key for key, with the same types, defaults, ranges and descriptions. Every mapping inside a
file gets its own section, named by where it sits (``scenario.yaml: capital.bonuses``), the first
time it is met; later uses point back to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gaiko_game.scenario.manifest import VERSION
from gaiko_game.scenario.pluginschema import Schema

_PLUGIN_LISTS = {"conditions": "list of conditions", "effects": "list of effects", "condition": "a condition",
                 "effect": "an effect"}
_ID_PATTERN = "^[a-z][a-z0-9_]*$"
_COLOUR_PATTERN = "^#[0-9a-fA-F]{6}$"


@dataclass
class Block:
    """One mapping of a file: where it sits, its schema, whether it is each item of a list."""

    title: str
    path: tuple[str, ...]
    node: Schema
    each: bool = False
    rows: list[str] = field(default_factory=list)


@dataclass
class Walk:
    """The sections of one file kind, in reading order, and where each definition was first shown."""

    defs: dict[str, Schema]
    shown: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)


def _ref(node: Schema) -> str | None:
    """The definition a node stands for (``$ref`` or a one-element ``allOf``), if it is one."""
    if "$ref" in node:
        return str(node["$ref"]).rsplit("/", 1)[1]
    inner = node.get("allOf")
    if isinstance(inner, list) and len(inner) == 1 and "$ref" in inner[0]:
        return str(inner[0]["$ref"]).rsplit("/", 1)[1]
    return None


def _span(node: Schema, lo: str, hi: str, xlo: str = "", xhi: str = "") -> str:
    low, high = node.get(lo), node.get(hi)
    xl, xh = node.get(xlo) if xlo else None, node.get(xhi) if xhi else None
    if low is not None and high is not None:
        return f"{_num(low)} to {_num(high)}" if low != high else f"exactly {_num(low)}"
    words = [f"≥ {_num(low)}" if low is not None else "", f"> {_num(xl)}" if xl is not None else "",
             f"≤ {_num(high)}" if high is not None else "", f"< {_num(xh)}" if xh is not None else ""]
    return ", ".join(w for w in words if w)


def _num(x: Any) -> str:
    return f"{x:,}" if isinstance(x, int) and abs(x) >= 10_000 else str(x)


def bounds(node: Schema) -> str:
    """A value's range in words: ``0 to 100``, ``> 0``, ``2 to 5 items``, ``each 1 to 200``."""
    words = [_span(node, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")]
    items = _span(node, "minItems", "maxItems")
    words.append(f"{items} items" if items else "")
    inner = node.get("items") or node.get("additionalProperties")
    if isinstance(inner, dict) and _ref(inner) is None:
        each = bounds(inner)
        words.append(f"each {each}" if each else "")
    return ", ".join(w for w in words if w)


class Types:
    """Names a schema node's type in words; a mapping is named by the section that shows it."""

    def __init__(self, walk: Walk, place: Callable[[str, tuple[str, ...], bool], str]) -> None:
        self.walk, self.place = walk, place

    def name(self, node: Schema, path: tuple[str, ...], each: bool = False) -> str:
        """``whole number``, ``list of ids``, ``mapping (see …)``, ``one of `a`, `b```…"""
        ref = _ref(node)
        if ref in _PLUGIN_LISTS:
            return _PLUGIN_LISTS[ref]
        if ref is not None:
            return ("list of mappings" if each else "mapping") + f" (`{self.place(ref, path, each)}`)"
        if "anyOf" in node:
            kinds = [k for k in node["anyOf"] if k.get("type") != "null"]
            out = " or ".join(self.name(k, path, each) for k in kinds)
            return out + (" or none" if len(kinds) < len(node["anyOf"]) else "")
        if "enum" in node:
            return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
        if "const" in node:
            return f"`{node['const']}`"
        kind = node.get("type")
        if isinstance(kind, list):
            named = [self.name({**node, "type": k}, path, each) for k in kind if k != "null"]
            return " or ".join(named) + (" or none" if "null" in kind else "")
        if kind == "array":
            items = node.get("items")
            if items is None:
                return "list"
            inner = self.name(items, path, True)
            return f"list, each {inner}" if inner.startswith("one of") else "list of " + self._plural(inner)
        if kind == "object":
            return self._map(node, path)
        if kind == "string":
            pattern = node.get("pattern")
            forms = {_ID_PATTERN: "id", _COLOUR_PATTERN: "colour `\"#rrggbb\"`", VERSION: "version `\"1.2.0\"`"}
            return forms.get(pattern, "text of a set form") if pattern else "text"
        return {"integer": "whole number", "number": "number", "boolean": "true/false"}.get(str(kind), str(kind))

    @staticmethod
    def _plural(word: str) -> str:
        if word.startswith(("list of mappings", "mapping")):
            return word.removeprefix("list of ")
        head, sep, rest = word.partition(" (")
        return {"text": "texts", "whole number": "whole numbers", "number": "numbers", "id": "ids"}.get(head, head) \
            + sep + rest

    def _map(self, node: Schema, path: tuple[str, ...]) -> str:
        names = node.get("propertyNames", {})
        key = ("`" + "`/`".join(names["enum"]) + "`") if "enum" in names else (
            "id" if "patternProperties" in node else "text")
        value = node.get("additionalProperties")
        if "patternProperties" in node:
            value = next(iter(node["patternProperties"].values()))
        return f"map of {key} to {self.name(value, path, False) if isinstance(value, dict) else 'anything'}"


def default_text(node: Schema, required: bool) -> str:
    """A key's default as a modder would write it, or ``required``."""
    if required:
        return "required"
    if "default" not in node:
        return "none"
    value = node["default"]
    if value is None:
        return "none"
    if isinstance(value, dict) and value and _ref(node) is not None:
        return "each key's default"
    return f"`{json.dumps(value, ensure_ascii=False).replace(chr(34), '')}`" if not isinstance(value, str) \
        else f"`{value}`"


def rows(node: Schema, types: Types, path: tuple[str, ...]) -> list[str]:
    """The table of a mapping's keys: key, type, default, meaning (with its range)."""
    required = set(node.get("required", []))
    # keys of which exactly one must be written (a manifest's `licence` or `license`)
    either = [k for alt in node.get("oneOf", []) if isinstance(alt, dict) for k in alt.get("required", [])]
    out = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for key, prop in node.get("properties", {}).items():
        inner = prop.get("items") if prop.get("type") == "array" else None
        each = inner is not None and _ref(inner) is not None and _ref(inner) not in _PLUGIN_LISTS
        kind = types.name(inner if each and inner is not None else prop, (*path, key), each)
        meaning = "; ".join(x for x in (prop.get("description", ""), bounds(prop)) if x)
        default = f"required: {' or '.join(f'`{k}`' for k in either)}" if key in either else \
            default_text(prop, key in required)
        out.append(f"| `{key}` | {kind} | {default} | {meaning.replace('|', '/')} |")
    return out


def walk(doc: Schema, node: Schema, title: str, each: bool = False,
         shown: dict[str, str] | None = None) -> list[Block]:
    """Every mapping of one file kind, from ``node`` (its root) down, each definition once; ``shown`` carries the
    sections already written for another view of the same file (a layer's scenario.yaml)."""
    w = Walk(doc.get("definitions", {}), shown if shown is not None else {})

    def place(ref: str, path: tuple[str, ...], item: bool) -> str:
        if ref not in w.shown:
            w.shown[ref] = f"{title}: {'.'.join(path)}"
            visit(Block(w.shown[ref], path, w.defs[ref], item))
        return w.shown[ref]

    types = Types(w, place)

    def visit(block: Block) -> None:
        w.blocks.append(block)
        block.rows = rows(block.node, types, block.path)

    visit(Block(title, (), node, each))
    return w.blocks

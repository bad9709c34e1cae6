"""JSON Schema entries for conditions and effects, built from the plugin registry.

The scenario models keep conditions and effects raw (``list[dict]``) because :mod:`.params` checks
them against the registry; an editor needs the same knowledge as a schema instead. Each plugin
becomes one typed property of a one-key mapping (``{"relation": {"actor": ..., "min": ...}}``),
its parameters read from the plugin's dataclass fields and their metadata, exactly as
:func:`.params.param_model` reads them, so the editor and the validator agree on what is valid.
The modding reference renders its condition and effect tables from the same entries.
"""

from __future__ import annotations

import dataclasses
import inspect
import textwrap
import types
import typing
from dataclasses import dataclass
from typing import Any

from gaiko_game.core.conditions import Range
from gaiko_game.core.plugins import CONDITIONS, EFFECTS, TARGET

Schema = dict[str, Any]
CONDITION_REF = "#/definitions/condition"
CONDITIONS_REF = "#/definitions/conditions"
EFFECTS_REF = "#/definitions/effects"

_PARAM_WORDS = {
    "min": "the least value for the condition to hold (inclusive)",
    "max": "the greatest value for the condition to hold (inclusive)",
    "by": "how much to add (negative takes away)",
    "over": "fade the amount in over this many turns, in whole steps, larger steps first",
    "delay": "turns later it lands, at the end of that turn (0: now)",
    "within": "this turn or the N turns before it",
    "turns": "how many turns it lasts",
    "unless_engaged": "only actors the player has not engaged in the last N turns drift (−1: every listed actor)",
}
"""What the parameters shared by many plugins mean (the plugin's own docstring says the rest)."""


@dataclass(frozen=True)
class Param:
    """One parameter of a plugin as a modder writes it: its key, schema, and whether it must be given."""

    key: str
    schema: Schema
    required: bool
    default: Any = None


@dataclass(frozen=True)
class Plugin:
    """A condition or effect kind: its summary, notes, YAML example and parameters."""

    name: str
    summary: str
    notes: str
    usage: str
    params: tuple[Param, ...]
    unwrapped: bool
    """Whether its value is the nested condition(s) itself (``not: {...}``, ``any: [...]``), not a mapping."""
    needs_bound: bool
    """A range condition: it needs ``min``, ``max`` or both."""


def _json_type(t: Any) -> Schema:
    """The JSON Schema of a plugin field's Python type (ids are plain text: the cross-reference pass checks them)."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (typing.Union, types.UnionType):
        inner = [_json_type(a) for a in args if a is not type(None)]
        kinds = [k["type"] for k in inner]
        return {"type": [*kinds, "null"] if len(inner) < len(args) else kinds}
    return {"type": {int: "integer", float: "number", str: "string", bool: "boolean"}[t]}


def _meaning(name: str, md: typing.Mapping[str, Any]) -> str:
    words = []
    if "ref" in md:
        kind = md["ref"]
        words.append(f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} id" + (" (a list)" if md.get("many") else "")
                     + (f", or `{TARGET}` for the action's chosen target" if md.get("target") else "")
                     + (" (this defines it)" if md.get("defines") else ""))
    if name in _PARAM_WORDS:
        words.append(_PARAM_WORDS[name])
    return "; ".join(words)


def _param(f: dataclasses.Field[Any], hint: Any) -> Param:
    md = f.metadata
    key = md.get("alias", f.name)
    nested = md.get("nested")
    if nested is not None:
        ref = {"condition": CONDITION_REF, "conditions": CONDITIONS_REF}.get(nested, EFFECTS_REF)
        schema: Schema = {"allOf": [{"$ref": ref}]}
        words = {"condition": "a condition", "conditions": "a list of conditions"}.get(nested, "a list of effects")
    elif md.get("many"):
        schema, words = {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 40}, ""
    else:
        schema, words = _json_type(hint), ""
    if "ge" in md:
        schema |= {"minimum": md["ge"], "maximum": md["le"]}
    meaning = "; ".join(w for w in (words, _meaning(f.name, md)) if w)
    required = f.default is dataclasses.MISSING
    default = None if required else f.default
    if meaning:
        schema["description"] = meaning + ("" if required or default is None else f" (default {default!r})")
    if not required and default is not None:
        schema["default"] = default
    return Param(key, schema, required, default)


def plugin(name: str, cls: type) -> Plugin:
    """A registered plugin as a modder sees it."""
    doc = inspect.getdoc(cls) or ""
    summary, _, rest = doc.partition("\n\n")
    notes, _, usage = rest.partition("YAML usage:")
    hints = typing.get_type_hints(cls)
    params = tuple(_param(f, hints[f.name]) for f in dataclasses.fields(cls) if f.init)
    own = [p for p in params if p.key != "delay"]
    unwrapped = len(own) == 1 and "allOf" in own[0].schema
    return Plugin(name, " ".join(summary.split()), " ".join(notes.split()), textwrap.dedent(usage).strip("\n"),
                  params, unwrapped, issubclass(cls, Range))


def conditions() -> list[Plugin]:
    """Every condition kind, by name."""
    return [plugin(n, c) for n, c in sorted(CONDITIONS.items())]


def effects() -> list[Plugin]:
    """Every effect kind, by name."""
    return [plugin(n, c) for n, c in sorted(EFFECTS.items())]


def _value_schema(p: Plugin) -> Schema:
    """What the plugin's key holds: its parameters as a closed mapping (or, unwrapped, the nested list itself)."""
    if p.unwrapped:
        (inner,) = [q for q in p.params if q.key != "delay"]
        return {k: v for k, v in inner.schema.items() if k != "description"}
    out: Schema = {"type": "object", "additionalProperties": False,
                   "properties": {q.key: q.schema for q in p.params}}
    required = [q.key for q in p.params if q.required]
    if required:
        out["required"] = required
    if p.needs_bound:
        out["anyOf"] = [{"required": ["min"]}, {"required": ["max"]}]
    return out


def _kind_entry(p: Plugin) -> Schema:
    text = p.summary + (f" {p.notes}" if p.notes else "")
    return {**_value_schema(p), "description": text,
            "markdownDescription": f"{text}\n\n```yaml\n{p.usage}\n```" if p.usage else text}


def _one_key_map(what: str, plugins: list[Plugin]) -> Schema:
    """A mapping with exactly one key naming the kind: the editor offers every kind and marks a misspelt one."""
    return {"type": "object", "description": f"one {what}: a mapping with one key naming its kind",
            "properties": {p.name: _kind_entry(p) for p in plugins},
            "additionalProperties": False, "minProperties": 1, "maxProperties": 1}


def definitions() -> dict[str, Schema]:
    """The schema definitions every file kind that holds conditions or effects refers to."""
    return {
        "condition": _one_key_map("condition", conditions()),
        "conditions": {"type": "array", "description": "conditions, all of which must hold",
                       "items": {"$ref": CONDITION_REF}},
        "effect": _one_key_map("effect", effects()),
        "effects": {"type": "array", "description": "effects, applied in order", "items": {"$ref": "#/definitions/effect"}},
    }

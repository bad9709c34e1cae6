"""JSON Schemas for editors: one ``<kind>.schema.json`` per kind of file a scenario or strategy is written in.

An editor running yaml-language-server (VS Code's Red Hat YAML extension, Neovim, Emacs…) reads a
file's first line ``# yaml-language-server: $schema=.schema/actions.schema.json`` and then completes
keys, shows each key's description on hover and marks mistakes as the modder types, before
``gaiko validate`` runs. The schemas are built from the same pydantic models the loader validates
with, plus the plugin registry for conditions and effects (:mod:`.pluginschema`), in draft-07, the
dialect yaml-language-server implements. The validator stays the judge: it also checks what a
schema cannot (ids that must exist, shares adding up to 100, follow-up loops).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from gaiko_game.scenario import layers, schema
from gaiko_game.scenario.expectations import KINDS as TEST_KINDS
from gaiko_game.scenario.expectations import TestsFileModel
from gaiko_game.scenario.manifest import ManifestModel
from gaiko_game.scenario.pluginschema import CONDITIONS_REF, EFFECTS_REF, Schema, definitions
from gaiko_game.scenario.refblocks import bounds
from gaiko_game.scenario.strategyfile import ActionRuleModel, CrisisRuleModel, StrategyModel

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = ".schema"
"""Where a scenario keeps its schemas: beside scenario.yaml, hidden, so no file list or glob ever reads it."""

CONDITION_FIELDS = frozenset({"when", "requires", "until", "kept"})
EFFECT_FIELDS = frozenset({"effects", "on_failure", "each_turn", "on_end", "immediate"})
"""The raw ``list[dict]`` fields of the models, by what they hold (a new raw field must be added to one)."""

_RULE_KEYS = ("role", "roles", "tag", "tags", "action", "choice")
"""A strategy rule names exactly one of these (strategyfile checks it in code; the schema says it too)."""


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model reachable from ``model``'s fields, by the name pydantic gives its definition."""
    found: dict[str, type[BaseModel]] = {}

    def walk(t: Any) -> None:
        if isinstance(t, type) and issubclass(t, BaseModel):
            if t.__name__ not in found:
                found[t.__name__] = t
                for f in t.model_fields.values():
                    walk(f.annotation)
            return
        for a in getattr(t, "__args__", ()):
            walk(a)

    walk(model)
    return found


def _raw_fields(name: str, model: type[BaseModel], node: Schema) -> None:
    """Put the typed condition or effect list in place of each raw field pydantic left opaque."""
    for key, f in model.model_fields.items():
        if f.annotation != schema.Raw:
            continue
        if key not in CONDITION_FIELDS | EFFECT_FIELDS:
            raise ValueError(f"{name}.{key} is a raw list: add it to CONDITION_FIELDS or EFFECT_FIELDS")
        prop = node["properties"][f.alias or key]
        prop.pop("items", None)
        prop.pop("type", None)
        prop["allOf"] = [{"$ref": CONDITIONS_REF if key in CONDITION_FIELDS else EFFECTS_REF}]


def _draft07(node: Any) -> Any:
    """pydantic writes 2020-12; draft-07 ignores a ``$ref``'s siblings (the description would vanish) and lets
    keys that miss every ``patternProperties`` through, so both are rewritten. Titles are only noise on hover."""
    if isinstance(node, list):
        return [_draft07(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: _draft07(v) for k, v in node.items() if k != "title" or not isinstance(v, str)}
    if "$ref" in out and len(out) > 1:
        out["allOf"] = [{"$ref": out.pop("$ref")}]
    if "patternProperties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    span = bounds(out)
    if span and isinstance(out.get("description"), str) and "markdownDescription" not in out:
        out["markdownDescription"] = f"{out['description']} ({span})"  # hover text shows the range too
    return out


def _exactly_one(keys: list[str], node: Schema) -> list[Schema]:
    """``oneOf`` alternatives: each gives one of ``keys`` (a list given empty counts as not given)."""
    def alt(k: str) -> Schema:
        given: Schema = {"required": [k]}
        if node["properties"][k].get("type") == "array" or "items" in node["properties"][k]:
            given["properties"] = {k: {"minItems": 1}}
        return given
    return [{"allOf": [alt(k), *({"not": alt(o)} for o in keys if o != k)]} for k in keys]


def _cross_field(defs: dict[str, Schema]) -> None:
    """Rules across keys that the loader checks in code and a schema can state too."""
    for model in (ActionRuleModel, CrisisRuleModel):
        node = defs.get(model.__name__)
        if node is not None:
            keys = [k for k in _RULE_KEYS if k in node["properties"]]
            node["oneOf"] = _exactly_one(keys, node)
            node["description"] = f"a rule names exactly one of {', '.join(keys)}"
    if ActionRuleModel.__name__ in defs:
        defs[ActionRuleModel.__name__]["dependencies"] = {"target": ["action"]}
    tests = defs.get("ExpectationModel")
    if tests is not None:
        tests["oneOf"] = _exactly_one(list(TEST_KINDS), tests)
        tests["description"] = f"a test states exactly one of {', '.join(TEST_KINDS)}"


def _document(model: type[BaseModel]) -> Schema:
    """A model as a draft-07 document: its definitions, its raw lists typed, the plugin definitions."""
    doc = model.model_json_schema(ref_template="#/definitions/{model}")
    defs: dict[str, Schema] = doc.pop("$defs", {})
    for name, m in _models(model).items():
        _raw_fields(name, m, defs[name] if m is not model else doc)
    defs |= definitions()
    _cross_field(defs)
    out: Schema = _draft07({"definitions": defs, **doc})
    return out


def _items(model: type[BaseModel], what: str) -> Schema:
    """A content file: a list of items, each a ``model``."""
    inner = _document(model)
    defs = inner.pop("definitions")
    return {"type": "array", "description": what, "items": {"$ref": f"#/definitions/{model.__name__}"},
            "definitions": {**defs, model.__name__: inner}}


def _scenario() -> Schema:
    """scenario.yaml: a whole scenario, or a layer (with ``extends``) holding only the blocks it replaces."""
    whole = _document(schema.ScenarioModel)
    layer = _document(layers.Layer)
    defs = whole.pop("definitions") | layer.pop("definitions")
    blocks = {k: {kk: vv for kk, vv in v.items() if kk != "default"}  # a block left out is the base's
              for k, v in whole["properties"].items() if k not in layer["properties"]}
    defs["layer"] = {"type": "object", "additionalProperties": False, "required": [layers.EXTENDS],
                     "description": "a layer: it extends another scenario and holds only what it changes; each block "
                                    "it writes replaces the base's whole block (`assumptions` are added to the base's), "
                                    "and a block it leaves out is the base's",
                     "properties": {**layer["properties"], **blocks}}
    defs["scenario"] = whole
    return {"definitions": defs, "description": "scenario.yaml: the frame of a scenario, or of a layer over another",
            "if": {"type": "object", "required": [layers.EXTENDS]},
            "then": {"$ref": "#/definitions/layer"}, "else": {"$ref": "#/definitions/scenario"}}


def _loc() -> Schema:
    return {"type": "object", "description": "text in one language: each key (such as `action.<id>.name`) to its text",
            "additionalProperties": {"type": "string"}}


def _manifest() -> Schema:
    """``mod.yaml``: the game writes ``licence``, and reads ``license`` too (exactly one of them)."""
    doc = _document(ManifestModel)
    props: dict[str, Schema] = {}
    for key, value in doc["properties"].items():
        if key == "license":
            props["licence"] = value
        props[key] = {**value, "description": "the same as `licence`, in American spelling"} if key == "license" \
            else value
    doc["properties"] = props
    doc["required"] = [k for k in doc["required"] if k != "license"]
    doc["oneOf"] = [{"required": ["licence"]}, {"required": ["license"]}]
    return doc


KINDS: dict[str, tuple[str, Callable[[], Schema]]] = {
    "scenario": ("scenario.yaml", _scenario),
    "actors": ("actor files (actors.yaml)", lambda: _items(schema.ActorModel, "the actors, each on the map")),
    "actions": ("action files (actions.yaml, actions/*.yaml)",
                lambda: _items(schema.ActionModel, "the player's actions")),
    "rules": ("world-rule files (rules.yaml)", lambda: _items(schema.RuleModel, "world rules, applied every turn")),
    "agendas": ("agenda files (agendas.yaml)", lambda: _items(schema.AgendaModel, "the other actors' agendas")),
    "events": ("event files (events/*.yaml)", lambda: _items(schema.EventModel, "events: crises, news, hidden")),
    "loc": ("text files (loc/ja*.yaml, loc/en*.yaml)", _loc),
    "tests": ("tests.yaml", lambda: _document(TestsFileModel)),
    "strategy": ("strategy files (strategies/*.yaml)", lambda: _document(StrategyModel)),
    "mod": ("a mod's manifest (mod.yaml)", _manifest),
}
"""Every kind of file, with the files it is for and how its schema is built."""


def _pruned(doc: Schema) -> Schema:
    """The document without the definitions nothing in it refers to (an actor file needs no effects)."""
    defs: dict[str, Schema] = doc.get("definitions", {})
    used: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/definitions/") and ref[14:] not in used:
                used.add(ref[14:])
                walk(defs[ref[14:]])
            for k, v in node.items():
                if k != "definitions":
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(doc)
    if defs:
        doc["definitions"] = {k: v for k, v in sorted(defs.items()) if k in used}
    return doc


def build(kind: str) -> Schema:
    """The schema of one kind of file, ready to write."""
    what, make = KINDS[kind]
    return _pruned({"$schema": DRAFT, "title": f"Gaikō: {what}", **make()})


def render(kind: str) -> str:
    """A schema as the text of its file (stable, so a test can compare the committed copy)."""
    return json.dumps(build(kind), ensure_ascii=False, indent=1) + "\n"


def file_name(kind: str) -> str:
    """The schema's file name."""
    return f"{kind}.schema.json"


def write_schemas(folder: Path) -> list[Path]:
    """Write every kind's schema into ``folder`` (created if missing); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / file_name(kind)
        path.write_text(render(kind), encoding="utf-8")
        written.append(path)
    return written


def stale(folder: Path) -> list[Path]:
    """The schema files in ``folder`` that are missing or differ from what :func:`write_schemas` writes."""
    out = []
    for kind in KINDS:
        path = folder / file_name(kind)
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != render(kind):
            out.append(path)
    return out


def schema_header(kind: str, relative_dir: str) -> str:
    """The first line that points yaml-language-server at a kind's schema, e.g. for ``events/*.yaml``:
    ``schema_header("events", "../.schema")``."""
    if kind not in KINDS:
        raise ValueError(f"no schema kind {kind!r}; kinds: {', '.join(KINDS)}")
    return f"# yaml-language-server: $schema={relative_dir.rstrip('/')}/{file_name(kind)}"

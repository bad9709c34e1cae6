"""Check raw condition and effect lists against the plugin registry and build them.

Each plugin's dataclass fields become a strict pydantic model (field metadata
gives ranges and aliases), so a plugin's YAML is checked exactly like a file's.
References to other ids are collected for the cross-reference pass.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Annotated, Any, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model

from gaiko_game.core.conditions import Range
from gaiko_game.core.plugins import CONDITIONS, EFFECTS, Condition, Effect
from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.diagnostics import did_you_mean
from gaiko_game.scenario.yamlsafe import Document, Path_


@dataclass(frozen=True, slots=True)
class Ref:
    """A value that names an id of some kind, and where it was written."""

    kind: str
    value: str
    doc: Document
    path: Path_
    defines: bool = False
    target_ok: bool = False


@dataclass
class Env:
    """Where a list is being read: its file, the refs found so far, whether ``target`` may appear."""

    doc: Document
    checker: Checker
    refs: list[Ref]
    target_ok: bool = False


_MODELS: dict[type, type[BaseModel]] = {}


def param_model(cls: type) -> type[BaseModel]:
    """A strict pydantic model of a plugin's parameters."""
    model = _MODELS.get(cls)
    if model is not None:
        return model
    hints = get_type_hints(cls)
    spec: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        md = f.metadata
        t: Any = Any if "nested" in md else hints[f.name]
        if md.get("many"):  # a tuple of ids in the engine is a YAML list
            t = Annotated[list[str], Field(min_length=1, max_length=40)]
        bounds = {k: md[k] for k in ("ge", "le") if k in md}
        if bounds:
            t = Annotated[t, Field(**bounds)]
        default = f.default if f.default is not dataclasses.MISSING else ...
        spec[f.name] = (t, Field(default, alias=md.get("alias")))
    config = ConfigDict(extra="forbid", strict=True, populate_by_name=False)
    model = create_model(f"{cls.__name__}Params", __config__=config, **spec)
    _MODELS[cls] = model
    return model


def _unwrapped(cls: type) -> dataclasses.Field[Any] | None:
    """The nested field a plugin takes directly (``not: {...}``, ``any: [...]``), if it has one."""
    own = [f for f in dataclasses.fields(cls) if f.init and f.name != "delay"]
    if len(own) == 1 and "nested" in own[0].metadata:
        return own[0]
    return None


def conditions(raw: Any, env: Env, path: Path_) -> tuple[Condition, ...]:
    """Build a list of conditions, reporting every problem."""
    return tuple(c for c in _many(raw, env, path, CONDITIONS, "condition") if isinstance(c, Condition))


def effects(raw: Any, env: Env, path: Path_) -> tuple[Effect, ...]:
    """Build a list of effects, reporting every problem."""
    return tuple(e for e in _many(raw, env, path, EFFECTS, "effect") if isinstance(e, Effect))


def _many(raw: Any, env: Env, path: Path_, table: dict[str, Any], what: str) -> list[Any]:
    if not isinstance(raw, list):
        env.checker.report(env.doc, path, "wrong-type", f"expected a list of {what}s, got {type(raw).__name__}")
        return []
    built = (_one(entry, env, path + (i,), table, what) for i, entry in enumerate(raw))
    return [b for b in built if b is not None]


def _one(entry: Any, env: Env, path: Path_, table: dict[str, Any], what: str) -> Any | None:
    ck, doc = env.checker, env.doc
    if not isinstance(entry, dict) or len(entry) != 1:
        example = "relation: {actor: india, min: 20}" if what == "condition" else "meter: {id: security, by: 3}"
        ck.report(doc, path, "wrong-type", f"each {what} is a mapping with one key naming its kind",
                  hint=f"for example `- {example}`")
        return None
    ((name, params),) = entry.items()
    cls = table.get(name)
    if cls is None:
        ck.report(doc, path + (name,), "unknown-key", f"there is no {what} kind '{name}'",
                  hint=did_you_mean(str(name), table) or f"{what} kinds: {', '.join(sorted(table))}", at_key=True)
        return None
    here = path + (name,)
    inner = _unwrapped(cls)
    if inner is not None:
        params = {inner.name: params}
    model = ck.validate(param_model(cls), params, doc, here)
    if model is None:
        return None
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        value = getattr(model, f.name)
        md = f.metadata
        at = here if inner is not None else here + (md.get("alias", f.name),)
        if "nested" in md:
            value = _nested(md["nested"], value, env, at)
            if value is None:
                return None
        elif "ref" in md and value is not None and md.get("many"):
            env.refs += [Ref(md["ref"], v, doc, at + (j,)) for j, v in enumerate(value)]
            value = tuple(value)
        elif "ref" in md and value is not None:
            env.refs.append(Ref(md["ref"], value, doc, at, bool(md.get("defines")),
                                bool(md.get("target")) and env.target_ok))
        values[f.name] = value
    if issubclass(cls, Range) and values.get("min") is None and values.get("max") is None:
        ck.report(doc, here, "missing-field", f"'{name}' needs 'min', 'max' or both")
        return None
    if issubclass(cls, Range) and None not in (values.get("min"), values.get("max")) and values["min"] > values["max"]:
        ck.report(doc, here, "out-of-range", f"'{name}': min {values['min']} is above max {values['max']}",
                  hint="this condition can never hold")
        return None
    return cls(**values)


def _nested(kind: str, value: Any, env: Env, at: Path_) -> Any:
    if kind == "condition":
        return _one(value, env, at, CONDITIONS, "condition")
    built = conditions(value, env, at) if kind == "conditions" else effects(value, env, at)
    return built if isinstance(value, list) and len(built) == len(value) else None

"""Collecting located diagnostics while checking a scenario."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from gaiko_game.scenario.diagnostics import Diagnostic, Severity, did_you_mean
from gaiko_game.scenario.yamlsafe import Document, Path_

_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "string": "text",
    "bool": "true or false",
    "list": "a list",
    "dict": "a mapping of keys to values",
    "model": "a mapping of keys to values",
    "dataclass": "a mapping of keys to values",
    "none": "nothing",
    "tuple": "a list",
}


_BOUND_WORDS = {"greater_than_equal": "at least", "less_than_equal": "at most", "greater_than": "more than",
                "less_than": "less than"}


def _field_name(loc: tuple[Any, ...]) -> str:
    """A readable name for a location inside an item: ``effects[0].meter.by``."""
    parts = list(loc)
    while parts and isinstance(parts[0], int):
        parts.pop(0)
    if len(parts) >= 2 and parts[-1] == "[key]":  # a map's key of the wrong type: name the key as written
        key = parts[-2]
        parts = [*parts[:-2], "a key null" if key in (None, "None") else f"the key {key!r}"]
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "value"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _typed_hint(text: str, word: str) -> str:
    """A hint for a number or a truth value written as text: drop the quotes, or write it as the value it means."""
    bare = text.strip()
    if word == "true or false":
        return "remove the quotes around the value" if bare.lower() in ("true", "false") else "write true or false"
    try:
        float(bare)
    except ValueError:
        if bare.endswith("%"):
            return f"write the number without the % sign: {bare[:-1].strip()}"
        return f"write {word} in digits, e.g. 8"
    if "e" in bare.lower() and "." not in bare:  # YAML reads 1e308 (no dot) as text, quoted or not
        mantissa, exponent = bare.lower().split("e", 1)
        signed = exponent if exponent[:1] in ("+", "-") else "+" + exponent
        return f"remove any quotes, and write it with a dot and a signed exponent: {mantissa}.0e{signed}"
    return "remove the quotes around the value"


class Checker:
    """Diagnostics gathered over every file of a scenario."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
        self._adapters: dict[Any, TypeAdapter[Any]] = {}

    @property
    def ok(self) -> bool:
        """Whether no error has been found so far."""
        return not any(d.is_error for d in self.diagnostics)

    def report(self, doc: Document | str, path: Path_, code: str, message: str, *,
               hint: str | None = None, at_key: bool = False, warning: bool = False) -> None:
        """Record a diagnostic at ``path`` in ``doc``."""
        if isinstance(doc, str):
            file, (line, col) = doc, (0, 0)
        else:
            file, (line, col) = doc.file, (doc.key_where(path) if at_key else doc.where(path))
        severity = Severity.WARNING if warning else Severity.ERROR
        self.diagnostics.append(Diagnostic(severity, code, message, file, line, col, hint))

    def validate(self, schema: Any, data: Any, doc: Document, path: Path_) -> Any | None:
        """Validate ``data`` at ``path`` against a type; on failure record every error and return None."""
        adapter = self._adapters.get(schema)
        if adapter is None:
            adapter = self._adapters[schema] = TypeAdapter(schema)
        try:
            return adapter.validate_python(data, strict=True)
        except ValidationError as e:
            for err in e.errors(include_url=False):
                self._translate(err, doc, path, schema)
            return None

    def _translate(self, err: Any, doc: Document, base: Path_, schema: Any) -> None:
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "literal["))))
        path = base + loc
        kind: str = err["type"]
        field = _field_name(loc)
        ctx = err.get("ctx") or {}
        if kind == "extra_forbidden":
            allowed = _allowed_keys(schema, loc[:-1])
            self.report(doc, path, "unknown-key", f"unknown key '{loc[-1]}'",
                        hint=did_you_mean(str(loc[-1]), allowed) or _list_hint(allowed), at_key=True)
        elif kind == "missing":
            self.report(doc, path[:-1], "missing-field", f"missing required key '{loc[-1]}'",
                        hint=f"add '{loc[-1]}: ...' here")
        elif kind == "literal_error":
            expected = [s.strip(" '") for s in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
            given = str(err["input"])
            hint = ("remove the quotes around the value" if given in expected and isinstance(err["input"], str)
                    else did_you_mean(given, expected) or f"expected one of: {', '.join(expected)}")
            self.report(doc, path, "unknown-id", f"{field}: unknown value {_shown(err['input'])}", hint=hint)
        elif kind in _BOUND_WORDS:
            bound = next(iter(ctx.values()), "?")
            self.report(doc, path, "out-of-range",
                        f"{field}: {_shown(err['input'])} is out of range (it must be {_BOUND_WORDS[kind]} {bound})")
        elif kind in ("too_short", "too_long"):
            self.report(doc, path, "out-of-range", f"{field}: {err['msg'].lower()}")
        elif kind == "string_pattern_mismatch":
            self.report(doc, path, "bad-id", f"{field}: {_shown(err['input'])} is not a valid id",
                        hint="ids are snake_case: lower-case letters, digits and underscores, starting with a letter")
        else:
            word = _TYPE_WORDS.get(kind.split("_", maxsplit=1)[0])
            wanted = f"expected {word}" if word else str(err["msg"]).lower()
            hint = None
            if isinstance(err["input"], str) and word in ("a whole number", "a number", "true or false"):
                hint = _typed_hint(err["input"], word)
            self.report(doc, path, "wrong-type", f"{field}: {wanted}, got {_shown(err['input'])}", hint=hint)


def _list_hint(allowed: list[str]) -> str | None:
    return f"allowed keys: {', '.join(sorted(allowed))}" if allowed else None


def _allowed_keys(schema: Any, loc: tuple[Any, ...]) -> list[str]:
    """The keys a model accepts at ``loc`` (best effort, for hints)."""
    from typing import get_args

    from pydantic import BaseModel

    t = schema
    for part in loc:
        while get_args(t) and not (isinstance(t, type) and issubclass(t, BaseModel)):
            args = [a for a in get_args(t) if a is not type(None)]
            t = args[-1] if isinstance(part, int) or len(args) == 1 else args[0]
        if isinstance(t, type) and issubclass(t, BaseModel) and isinstance(part, str):
            f = t.model_fields.get(part)
            if f is None:
                return []
            t = f.annotation
    while get_args(t) and not (isinstance(t, type) and issubclass(t, BaseModel)):
        args = [a for a in get_args(t) if a is not type(None)]
        t = args[-1]
    if isinstance(t, type) and issubclass(t, BaseModel):
        return [f.alias or n for n, f in t.model_fields.items()]
    return []

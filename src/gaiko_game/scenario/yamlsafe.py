"""Read YAML defensively and remember where every value came from.

Composes the node graph with libyaml, then, before constructing anything,
rejects what could hurt: files over a size cap, alias bombs (too many nodes
once aliases are expanded), cyclic aliases, nesting beyond a depth cap, and
duplicate keys (PyYAML would silently keep the last). Only then are Python
values built, together with a map from each value's path to its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - every PyYAML wheel we support ships libyaml
    _Loader = yaml.SafeLoader

from gaiko_game.core.text import CONTROL
from gaiko_game.scenario.diagnostics import Diagnostic, Severity

MAX_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 40

Path_ = tuple[str | int, ...]

_YAML = "tag:yaml.org,2002:"
CORE_TAGS = frozenset(_YAML + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))
"""The only types a scenario is made of: text, numbers, true/false, nothing, lists and maps."""
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+)")
_FLOAT_WORDS = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
_BOOLS = frozenset(("yes", "no", "true", "false", "on", "off"))
MAX_DIGITS = 30


@dataclass
class Document:
    """A parsed file: its data and the (line, col) of every path in it, 1-based."""

    file: str
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        p = tuple(path)
        while p and p not in self.marks:
            p = p[:-1]
        return self.marks.get(p, (1, 1))

    def key_where(self, path: Path_) -> tuple[int, int]:
        """The position of the key naming ``path`` (for unknown or duplicate keys)."""
        return self.key_marks.get(tuple(path)) or self.where(path)


class _Rejected(Exception):
    def __init__(self, code: str, message: str, mark: Any, hint: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.mark, self.hint = code, message, mark, hint


def read(path: Path, shown: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one YAML file; on failure return None and located diagnostics (a whole-file problem at 1:1)."""

    def err(code: str, message: str, line: int = 1, col: int = 1, hint: str | None = None) -> Diagnostic:
        return Diagnostic(Severity.ERROR, code, message, shown, line, col, hint)

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [err("file-too-large", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}",
                              hint="split the content across several files")]
        raw = path.read_bytes()
    except OSError as e:
        return None, [err("unreadable", f"cannot read the file: {e.strerror or e}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _position(raw[:e.start].decode("utf-8", errors="replace"))
        return None, [err("bad-encoding", f"not UTF-8 text ({e.reason} at byte {e.start})", line, col,
                          hint="save the file as UTF-8")]
    return parse(text, shown)


def _position(before: str) -> tuple[int, int]:
    """The 1-based line and column just after ``before``."""
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def parse(text: str, shown: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text (see :func:`read`)."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return Document(shown, None), []
            _check(root)
            doc = Document(shown, None)
            _record(root, (), doc, set())
            doc.data = loader.construct_document(root)
        finally:
            loader.dispose()
    except _Rejected as r:
        line, col = (r.mark.line + 1, r.mark.column + 1) if r.mark else (1, 1)
        return None, [Diagnostic(Severity.ERROR, r.code, r.message, shown, line, col, r.hint)]
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = e.problem or e.context or "invalid YAML"
        if e.context and e.context_mark and e.problem:
            what += f" ({e.context} started on line {e.context_mark.line + 1})"
        return None, [Diagnostic(Severity.ERROR, "yaml-syntax", f"YAML syntax error: {what}", shown, line, col,
                                 "check the indentation and the quoting around this line")]
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, found before parsing
        line, col = _position(text[:e.position])
        what = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        return None, [Diagnostic(Severity.ERROR, "yaml-syntax", f"YAML does not allow the character {what} "
                                 f"({e.reason})", shown, line, col,
                                 "delete the character; it is invisible in most editors (a NUL byte, say)")]
    except yaml.YAMLError as e:
        return None, [Diagnostic(Severity.ERROR, "yaml-syntax", f"YAML error: {str(e).splitlines()[0]}", shown, 1, 1)]
    return doc, []


def _check(root: yaml.Node) -> None:
    """Reject cycles, depth and expanded size before anything is constructed."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    aliased = False  # whether a node was met twice: only an alias makes that happen

    def walk(node: yaml.Node, depth: int) -> int:
        nonlocal aliased
        key = id(node)
        if key in on_path:
            raise _Rejected("alias-cycle", "an alias refers to the node that contains it", node.start_mark,
                            "remove the alias, or point it at a node outside itself")
        if key in sizes:
            aliased = True
            return sizes[key]
        if depth > MAX_DEPTH:
            raise _Rejected("too-deep", f"nesting deeper than {MAX_DEPTH} levels", node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            _scalar(node)
        elif node.tag not in CORE_TAGS:
            raise _Rejected("yaml-tag", f"a YAML '{node.tag.removeprefix(_YAML)}' collection is not part of a scenario",
                            node.start_mark, "use a plain list or map")
        on_path.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += walk(k, depth + 1) + walk(v, depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                total += walk(v, depth + 1)
        on_path.discard(key)
        sizes[key] = total
        if total > MAX_NODES:
            if aliased:
                raise _Rejected("alias-bomb", f"aliases expand to more than {MAX_NODES:,} values", node.start_mark,
                                "YAML aliases may not multiply content like this")
            raise _Rejected("too-many-values", f"this holds more than {MAX_NODES:,} values", node.start_mark,
                            "split the content across several files, or make it smaller")
        return total

    walk(root, 0)


def _scalar(node: yaml.ScalarNode) -> None:
    """Refuse a value that is not text, a well-formed number of bounded size, true/false or nothing (no dates, no
    binary, no ``!!`` tags that would fail or surprise when the value is built)."""
    tag, value = node.tag, node.value
    shown = value if len(value) <= 40 else value[:40] + "…"
    if tag not in CORE_TAGS:
        kind = tag.removeprefix(_YAML)
        hint = ("a date-like value is read as a date: put it in quotes if it is text, or write the number"
                if kind == "timestamp" else "write plain text, a number, true/false or a list or map")
        raise _Rejected("yaml-tag", f"'{shown}' is a YAML '{kind}', which a scenario does not use", node.start_mark,
                        hint)
    control = CONTROL.search(value) if tag == _YAML + "str" else None
    if control is not None:
        raise _Rejected("control-character", f"text holds the control character U+{ord(control.group()):04X}",
                        node.start_mark,
                        "delete it: a control character can clear or retitle a player's terminal (an escape "
                        "written as \\e or \\x1b, say)")
    digits = value.replace("_", "")
    if tag == _YAML + "int" and (len(digits) > MAX_DIGITS or not _INT.fullmatch(value)):
        raise _Rejected("bad-number", f"'{shown}' is not a whole number a scenario can use (at most {MAX_DIGITS} digits)",
                        node.start_mark, "write a plain whole number such as 5")
    if tag == _YAML + "float" and not _FLOAT_WORDS.fullmatch(value):
        try:
            ok = len(digits) <= 2 * MAX_DIGITS and float(digits) == float(digits)
        except ValueError:
            ok = False
        if not ok:
            raise _Rejected("bad-number", f"'{shown}' is not a number a scenario can use", node.start_mark,
                            "write a plain number such as 0.25")
    if tag == _YAML + "bool" and value.lower() not in _BOOLS:
        raise _Rejected("bad-value", f"'{shown}' is not true or false", node.start_mark, "write true or false")


def _record(node: yaml.Node, path: Path_, doc: Document, seen: set[int]) -> None:
    """Record positions (each aliased node once) and reject duplicate keys."""
    doc.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if id(node) in seen:
        return
    seen = seen | {id(node)}
    if isinstance(node, yaml.MappingNode):
        keys: dict[object, yaml.Node] = {}
        for k, v in node.value:
            if k.tag == "tag:yaml.org,2002:merge":
                for merged in v.value if isinstance(v, yaml.SequenceNode) else [v]:
                    _record(merged, path, doc, seen)
                continue
            name = k.value if isinstance(k, yaml.ScalarNode) else repr(k.start_mark)
            if name in keys:
                first = keys[name].start_mark
                raise _Rejected("duplicate-key", f"key '{name}' appears twice in this mapping", k.start_mark,
                                f"the first '{name}' is on line {first.line + 1}; keep one")
            keys[name] = k
            doc.key_marks[path + (name,)] = (k.start_mark.line + 1, k.start_mark.column + 1)
            _record(v, path + (name,), doc, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _record(v, path + (i,), doc, seen)

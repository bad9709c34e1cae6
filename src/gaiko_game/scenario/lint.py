"""Warnings about what a scenario writes but nothing ever uses: silent misses a modder cannot see in play.

- ``file-unused``: a YAML file in the folder that nothing reads (not in ``files``, not an ``events/*.yaml``
  the default glob finds, not tests.yaml, mod.yaml or a strategy): its content does not exist in the game.
- ``tag-unread``: a tag on an action or answer that no strategy, condition, ``strategy_tags`` role or debrief
  label reads, when it looks like a typo of one that is read, or only one action or answer carries it.
- ``condition-impossible``: a condition that can never hold (:mod:`rangecheck`), in every list not already
  covered by ``never-legal`` (requirements) and ``never-fires`` (triggers).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from gaiko_game.core.plugins import Condition
from gaiko_game.scenario import eventcheck, params
from gaiko_game.scenario.build import Parts, Where
from gaiko_game.scenario.bundled import strategies_root
from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.diagnostics import Diagnostic, Severity, did_you_mean
from gaiko_game.scenario.expectations import TESTS_FILE, read_tests
from gaiko_game.scenario.rangecheck import Bounds, find
from gaiko_game.scenario.schema import ScenarioModel
from gaiko_game.scenario.strategyfile import read_strategy
from gaiko_game.scenario.yamlsafe import Document, Path_

KNOWN_FILES = ("scenario.yaml", TESTS_FILE, "mod.yaml")
"""Files the game reads from a scenario's folder without `files` naming them."""
MAX_SEEN = 20_000
"""The most folder entries the unused-file walk looks at (a folder of a million files costs no more)."""
MAX_UNUSED = 50
"""Unused files reported one by one; past these, one line says how many more."""
CONDITION_KEYS = ("requires", "when", "until", "kept")
"""The keys whose value is a list of conditions, wherever they sit in an item."""


def check_all(parts: Parts, sm: ScenarioModel, sdoc: Document, folder: Path, read: Iterable[Path],
              globbed: bool) -> None:
    """Every check of this module, on a scenario whose files were all read (``read``, ``globbed``: as for
    :func:`check_files`)."""
    check_conditions(parts, sdoc, Bounds(eventcheck.bounds_by_key(parts, sm)))
    check_tags(parts, sm)
    check_files(parts.checker, folder, folder, read, globbed)


def check_files(checker: Checker, folder: Path, shown: Path, read: Iterable[Path], globbed: bool) -> None:
    """Warn about each YAML file in ``folder`` (hidden folders aside) that the scenario did not read.

    ``read``: the resolved paths of the files it read; ``globbed``: whether events come from ``events/*.yaml``.
    """
    done = set(read)
    unused = [rel for rel in _yaml_files(folder) if _resolved(folder / rel) not in done and not _known(rel)]
    if unused:
        named = _named_by_tests(folder)
        unused = [rel for rel in unused if rel not in named]
    for rel in unused[:MAX_UNUSED]:
        checker.diagnostics.append(Diagnostic(
            Severity.WARNING, "file-unused", "no part of the scenario reads this file, so nothing in it is in the game",
            str(shown / rel), 1, 1, _file_hint(rel, globbed)))
    if len(unused) > MAX_UNUSED:
        checker.diagnostics.append(Diagnostic(
            Severity.WARNING, "file-unused", f"{len(unused) - MAX_UNUSED} more YAML files are read by nothing",
            str(shown / unused[MAX_UNUSED]), 1, 1, "list them under `files` in scenario.yaml, or delete them"))


def _resolved(path: Path) -> Path | None:
    """Where a file really is (None for a link that loops or cannot be followed: never one the scenario read)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def _yaml_files(folder: Path) -> Iterator[str]:
    """Every ``.yaml``/``.yml`` file under ``folder`` as a relative POSIX path, sorted, skipping hidden entries
    (``.schema/``, ``.git/``) and never following a linked folder."""
    found: list[str] = []
    seen = 0
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        seen += len(dirs) + len(files)
        rel_top = Path(top).relative_to(folder)
        found += [(rel_top / f).as_posix() for f in files if f.endswith((".yaml", ".yml")) and not f.startswith(".")]
        if seen > MAX_SEEN:
            break
    yield from sorted(found)


def _known(rel: str) -> bool:
    """Whether the game reads the file by its place alone: the fixed files, and the scenario's own strategies."""
    parts = rel.split("/")
    return rel in KNOWN_FILES or (len(parts) == 2 and parts[0] == "strategies")


def _named_by_tests(folder: Path) -> set[str]:
    """The strategy files tests.yaml names by path (its problems are reported where tests.yaml is checked)."""
    names: set[str] = set()
    for t in read_tests(folder).tests:
        names |= {Path(n).as_posix() for n in (t.player, t.other, *t.group) if n and n.endswith((".yaml", ".yml"))}
    return {n.removeprefix("./") for n in names}


def _file_hint(rel: str, globbed: bool) -> str:
    """What to do with an unread file, guessed from its name and place."""
    low = rel.lower()
    stem = Path(low).stem
    if low.startswith("loc/") or stem.startswith(("ja_", "en_")) or stem in ("ja", "en"):
        lang = "en" if stem.startswith("en") else "ja"
        return f"list it under `files: loc: {lang}:` in scenario.yaml (text files are never found on their own)"
    if low.startswith("events/") and globbed:
        return ("only files directly in events/ are found on their own: move it there, or list every event file "
                "under `files: events:` in scenario.yaml")
    for word, key in (("action", "actions"), ("actor", "actors"), ("rule", "rules"), ("agenda", "agendas"),
                      ("event", "events")):
        if word in low:
            return f"list it under `files: {key}:` in scenario.yaml, or delete it if it is left over"
    if "strateg" in low:
        return "a scenario's own strategies go directly in its strategies/ folder"
    return ("list it under `files` in scenario.yaml (actors, actions, rules, agendas, events or loc), or delete it; "
            "files in hidden folders such as .schema/ are skipped")


def check_tags(parts: Parts, sm: ScenarioModel) -> None:
    """Warn about a tag nothing reads that is likely a typo (close to a read tag) or a one-off (carried once)."""
    read = {t for role in sm.strategy_tags.model_dump().values() for t in role}
    read |= {r.value for r in parts.refs if r.kind == "tag"}
    carried = carriers(parts)
    categories = set(sm.categories)
    unread = [t for t in carried if t not in read and t not in categories]
    if not unread:
        return
    read |= strategy_tags(parts.folder)
    dangling = read - set(carried) - categories  # read but carried by nothing: reported as unknown-tag or unknown-id
    for tag in unread:
        if tag in read or did_you_mean(tag, dangling):
            continue  # read after all, or the slip is on the reading side, which has its own message
        places = carried[tag]
        close = did_you_mean(tag, read - dangling)
        if close is None and len(places) > 1:
            continue  # a word the modder uses consistently, resembling nothing read: vocabulary, not a slip
        doc, path = places[0]
        what = "only this action or answer carries it" if len(places) == 1 else f"{len(places)} actions or answers carry it"
        parts.checker.report(doc, path, "tag-unread",
                             f"no strategy, condition, strategy_tags role or label reads the tag '{tag}' ({what})",
                             hint=close or "map it to a role under `strategy_tags` in scenario.yaml, test it with "
                                           "`played: {tag: ...}`, or remove it", warning=True)


def carriers(parts: Parts) -> dict[str, list[tuple[Document, Path_]]]:
    """Where each tag is written on an action or a crisis answer, in file order."""
    out: dict[str, list[tuple[Document, Path_]]] = {}
    for (kind, _), w in parts.defined.items():
        if kind not in ("action", "event"):
            continue
        item = _at(w.doc.data, w.path)
        if not isinstance(item, dict):
            continue
        lists = [((*w.path, "tags"), item.get("tags"))]
        choices = item.get("choices")
        if isinstance(choices, list):
            lists += [((*w.path, "choices", j, "tags"), c.get("tags")) for j, c in enumerate(choices) if isinstance(c, dict)]
        for path, tags in lists:
            for k, tag in enumerate(tags if isinstance(tags, list) else []):
                if isinstance(tag, str):
                    out.setdefault(tag, []).append((w.doc, (*path, k)))
    return out


def strategy_tags(folder: Path | None) -> set[str]:
    """The tags the shipped strategies and the scenario's own name (in rules, `avoid`, crises and conditions)."""
    files = sorted(strategies_root().glob("*.yaml")) if strategies_root().is_dir() else []
    if folder is not None and (folder / "strategies").is_dir():
        files += sorted((folder / "strategies").glob("*.yaml"))
    out: set[str] = set()
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        out |= _tags_of(str(f), st.st_mtime_ns, st.st_size)
    return out


@lru_cache(maxsize=128)
def _tags_of(path: str, mtime_ns: int, size: int) -> frozenset[str]:
    """One strategy file's tags (cached by its time and size: every load reads the shipped ones)."""
    file = read_strategy(Path(path))
    return frozenset({v for kind, v, _ in file.where if kind == "tag"} | {r.value for r in file.refs if r.kind == "tag"})


def check_conditions(parts: Parts, sdoc: Document, bounds: Bounds) -> None:
    """Warn about each condition that can never hold, in every list of every item (and of scenario.yaml)."""
    owners: list[tuple[str, str, Where]] = [(kind, oid, w) for (kind, oid), w in parts.defined.items()
                                            if kind in ("action", "rule", "event", "ending", "label")]
    owners.append(("scenario", "capital", Where(sdoc, ("capital", "bonuses"))))
    for kind, oid, w in owners:
        move = "moves" in w.path
        for rel, raw in _condition_lists(_at(w.doc.data, w.path), ()):
            if _covered(kind, rel, move):
                continue
            conds = _built(raw, w.doc)
            found = find(conds, bounds) if conds is not None else None
            if found is not None:
                owner = "the capital bonus" if kind == "scenario" else f"{kind} '{oid}'"
                parts.checker.report(w.doc, (*w.path, *rel, *found.at), "condition-impossible",
                                     f"{owner}: this condition can never hold: {found.reason}",
                                     hint=found.hint, warning=True)


def _condition_lists(item: Any, here: Path_) -> Iterator[tuple[Path_, list[Any]]]:
    """Every condition list inside a raw item, with its path from the item."""
    if isinstance(item, dict):
        for key, value in item.items():
            if key in CONDITION_KEYS and isinstance(value, list):
                yield (*here, key), value
            else:
                yield from _condition_lists(value, (*here, key))
    elif isinstance(item, list):
        for i, value in enumerate(item):
            yield from _condition_lists(value, (*here, i))


def _covered(kind: str, rel: Path_, move: bool) -> bool:
    """Lists whose impossible conditions have a warning of their own: never-legal, never-fires."""
    if kind == "action":
        return rel == ("requires",)
    if kind == "event":
        return rel == ("trigger", "when") or (move and rel == ("when",)) or (
            len(rel) == 3 and rel[0] == "choices" and rel[2] == "requires")
    return False


def _built(raw: list[Any], doc: Document) -> tuple[Condition, ...] | None:
    """A raw list built again, apart (its problems were reported when the scenario was built); None when an entry
    does not build, since positions would then no longer match."""
    conds = params.conditions(raw, params.Env(doc, Checker(), [], target_ok=True), ())
    return conds if len(conds) == len(raw) else None


def _at(data: Any, path: Path_) -> Any:
    """The raw value at ``path`` in a file's data (None when it is not there)."""
    for key in path:
        found = (isinstance(data, dict) and key in data) or (
            isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data))
        if not found:
            return None
        data = data[key]
    return data

"""A mod's manifest, ``mod.yaml``: what the mod is called, who made it, its version, licence and the game it needs.

The manifest sits beside the mod's ``scenario.yaml``, at the root of the mod's folder (and of its zip), so a
modder never points at the scenario and cannot point at the wrong one; the mod's id is its scenario's id, so a
save, ``gaiko play --scenario ID`` and the mods folder all use one name. Problems are located diagnostics, as
for every scenario file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import Field

from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.diagnostics import Diagnostic
from gaiko_game.scenario.schema import D, Id, Strict
from gaiko_game.scenario.yamlsafe import Document, read

MANIFEST_FILE = "mod.yaml"
EXAMPLE = ('id: my_scenario            # the id in scenario.yaml\n'
           'name: {ja: 私のシナリオ, en: My scenario}\n'
           'version: "1.0.0"\n'
           'author: Your Name\n'
           'licence: CC-BY-4.0\n'
           'game: ">=0.3"')
"""A manifest a modder can copy (shown in hints)."""

VERSION = r"^\d{1,6}(\.\d{1,6}){0,3}([-+][0-9A-Za-z.-]{1,40})?$"
Version = Annotated[str, Field(pattern=VERSION, max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=200)]
_CLAUSE = re.compile(r"(>=|<=|==|!=|>|<)\s*(\d{1,6}(?:\.\d{1,6}){0,3})")
_OPS = {">=": lambda c: c >= 0, "<=": lambda c: c <= 0, "==": lambda c: c == 0, "!=": lambda c: c != 0,
        ">": lambda c: c > 0, "<": lambda c: c < 0}


class Names(Strict):
    ja: Annotated[str, Field(min_length=1, max_length=80)] = D("the name in Japanese")
    en: Annotated[str, Field(min_length=1, max_length=80)] = D("the name in English")


class ManifestModel(Strict):
    id: Id = D("the mod's id: the same as the `id` in its scenario.yaml; the mods folder keeps it under this name")
    name: Names = D("the mod's name in both languages, as the game lists it")
    version: Version = D("the mod's version, such as `\"1.2.0\"` (quote it); saves record it")
    author: Text = D("who made it")
    licence: Text = D("the licence it is shared under, e.g. `CC-BY-4.0`", alias="license")
    game: Annotated[str, Field(max_length=64)] = D(
        "the game versions it works with, e.g. `\">=0.3\"` or `\">=0.3, <0.5\"` (quote it)")
    description: Names | None = D("a line about the mod in both languages", default=None)


@dataclass
class Manifest:
    """A manifest that validated, with the document it came from (to locate later problems)."""

    model: ManifestModel
    doc: Document


@dataclass
class ManifestResult:
    """The manifest, when it is valid, and every problem found."""

    manifest: Manifest | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def game_range(spec: str) -> list[tuple[str, tuple[int, ...]]] | None:
    """The clauses of a game-version range (``">=0.3, <0.5"``), or None when it cannot be read."""
    parts = [p.strip() for p in spec.split(",")]
    clauses = [_CLAUSE.fullmatch(p) for p in parts]
    if not parts or not all(clauses):
        return None
    return [(c[1], release(c[2])) for c in clauses if c is not None]


def release(version: str) -> tuple[int, ...]:
    """A version's numbers, padded to four (``"0.3"`` → ``(0, 3, 0, 0)``); a suffix such as ``-beta`` is ignored."""
    numbers = re.match(r"\d+(\.\d+)*", version)
    found = tuple(int(n) for n in numbers[0].split(".")) if numbers else ()
    return (found + (0, 0, 0, 0))[:4]


def allows(spec: str, version: str) -> bool:
    """Whether a game of ``version`` lies in the range ``spec`` (an unreadable range allows nothing)."""
    clauses = game_range(spec)
    have = release(version)
    return clauses is not None and all(_OPS[op]((have > want) - (have < want)) for op, want in clauses)


def read_manifest(folder: Path, shown: str) -> ManifestResult:
    """Read and check the ``mod.yaml`` in a mod's folder (``shown``: the folder as messages name it)."""
    where = f"{shown}/{MANIFEST_FILE}"
    checker = Checker()
    path = folder / MANIFEST_FILE
    if path.is_symlink() or not path.is_file():
        checker.report(where, (), "missing-file", "a mod needs a manifest, mod.yaml, beside its scenario.yaml",
                       hint="write one like this:\n" + EXAMPLE)
        return ManifestResult(None, checker.diagnostics)
    doc, diags = read(path, where)
    if doc is None:
        return ManifestResult(None, diags)
    data = {} if doc.data is None else doc.data
    if isinstance(data, dict):
        data = _blanks_filled(data, doc, checker)
    model = checker.validate(ManifestModel, data, doc, ())
    if model is not None and game_range(model.game) is None:
        checker.report(doc, ("game",), "bad-version", f"game: {model.game!r} is not a version range",
                       hint='write comparisons with versions, comma-separated, e.g. ">=0.3" or ">=0.3, <0.5"')
    if not checker.ok or model is None:
        return ManifestResult(None, checker.diagnostics)
    return ManifestResult(Manifest(model, doc), checker.diagnostics)


_BLANK_HINTS = {"author": "write who made the mod after `author:` (your name, or your group's)",
                "licence": "write the licence you share it under after `licence:`, e.g. CC-BY-4.0",
                "license": "write the licence you share it under after `license:`, e.g. CC-BY-4.0"}


def _blanks_filled(data: dict[str, object], doc: Document, checker: Checker) -> dict[str, object]:
    """The fields ``--init-manifest`` leaves blank for the modder, reported as still to fill in (with what to write),
    then filled with a stand-in so the model does not report them a second time as of the wrong type."""
    out = dict(data)
    for key, hint in _BLANK_HINTS.items():
        if key in out and out[key] is None:
            checker.report(doc, (key,), "missing-field", f"{key} is still blank", hint=hint)
            out[key] = "?"
    return out


def id_mismatch(manifest: Manifest, scenario_id: str) -> Diagnostic | None:
    """An error when the manifest's id is not its scenario's id (saves and the mods folder name the mod by it)."""
    if manifest.model.id == scenario_id:
        return None
    checker = Checker()
    checker.report(manifest.doc, ("id",), "bad-id", f"the mod's id '{manifest.model.id}' is not its scenario's id "
                   f"'{scenario_id}'", hint=f"write `id: {scenario_id}`, the id in scenario.yaml")
    return checker.diagnostics[0]


def incompatible(manifest: Manifest, game_version: str) -> Diagnostic | None:
    """An error when this game's version is outside the range the mod needs."""
    if allows(manifest.model.game, game_version):
        return None
    checker = Checker()
    checker.report(manifest.doc, ("game",), "incompatible",
                   f"this mod needs the game at {manifest.model.game}; this is {game_version}",
                   hint="install a version of the mod made for this game, or update the game")
    return checker.diagnostics[0]

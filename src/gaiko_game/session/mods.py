"""The mods folder and what can be played: the bundled scenarios and the installed mods, each with its status.

Installed mods live in the user data folder (``mods/`` beside ``saves/``; ``$GAIKO_DATA_DIR`` moves both), one
folder per mod, named by its id, holding ``mod.yaml`` beside ``scenario.yaml``. :func:`catalogue` lists every
scenario with where it is and whether it can be played: a broken mod carries its located diagnostics, an
incompatible one the game versions it needs, and neither ever stops the game from starting. Mods are data only:
nothing in a mod is ever run, only read by the scenario loader.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from gaiko_game import __version__
from gaiko_game.scenario.bundled import bundled
from gaiko_game.scenario.diagnostics import Diagnostic, Severity
from gaiko_game.scenario.loader import LoadResult, load
from gaiko_game.scenario.manifest import MANIFEST_FILE, Manifest, id_mismatch, incompatible, read_manifest
from gaiko_game.session.saves import data_dir

Status = Literal["ok", "broken", "incompatible"]
MOD_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
"""What a mod's folder name looks like (a scenario id): anything else in the mods folder is not a mod."""


def mods_dir() -> Path:
    """Where installed mods live: ``mods/`` in the user data folder."""
    return data_dir() / "mods"


@dataclass(frozen=True)
class Entry:
    """A scenario the game can list: a bundled one or an installed mod, and whether it can be played."""

    id: str
    names: dict[str, str]
    path: Path
    bundled: bool
    status: Status = "ok"
    version: str = ""
    author: str = ""
    licence: str = ""
    needs: str = ""
    """The game versions an installed mod works with (its manifest's ``game``)."""
    problems: tuple[Diagnostic, ...] = ()
    """A broken or incompatible mod's errors, located (paths relative to the mods folder)."""

    @property
    def playable(self) -> bool:
        """Whether it can be started."""
        return self.status == "ok"

    def name(self, lang: str) -> str:
        """The name in a language (the id when there is none)."""
        return self.names.get(lang) or self.id


@dataclass(frozen=True)
class Checked:
    """A mod folder checked as a whole: its manifest, its scenario and every problem (errors block it)."""

    manifest: Manifest | None
    result: LoadResult | None
    problems: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return self.manifest is not None and self.result is not None and self.result.ok and not any(
            d.is_error for d in self.problems)


def check_folder(folder: Path, shown: str) -> Checked:
    """Check a mod's folder: its manifest, its scenario (the scenario validator), that their ids agree and that
    this game is in the versions it needs. ``shown`` is how messages name the folder."""
    read = read_manifest(folder, shown)
    problems = list(read.diagnostics)
    too_new = incompatible(read.manifest, __version__) if read.manifest is not None else None
    problems += [too_new] if too_new is not None else []  # first: the scenario may use what this game lacks
    result = load(folder)
    problems += [_relocated(d, folder, shown) for d in result.diagnostics]
    if read.manifest is not None and result.scenario is not None:
        mismatch = id_mismatch(read.manifest, result.scenario.id)
        problems += [mismatch] if mismatch is not None else []
    return Checked(read.manifest, result, problems)


def _relocated(d: Diagnostic, folder: Path, shown: str) -> Diagnostic:
    """A diagnostic whose file is named under ``shown`` instead of the folder's full path."""
    prefix = str(folder)
    if d.file == prefix or d.file.startswith(prefix + os.sep):
        return replace(d, file=shown + d.file[len(prefix):].replace(os.sep, "/"))
    return d


_CACHE: dict[Path, tuple[tuple[tuple[str, int, int], ...], Entry]] = {}
"""Each mod folder's entry with the files' identity then: a mod is validated again only when a file changed."""


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under a folder with its size and time (what decides whether its entry is still good)."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for f in sorted(files):
            try:
                st = os.lstat(os.path.join(root, f))
            except OSError:
                continue
            out.append((os.path.relpath(os.path.join(root, f), folder), st.st_size, st.st_mtime_ns))
    return tuple(out)


def installed() -> list[Entry]:
    """Every installed mod (and every zip or stray folder in the mods folder, as broken), sorted by id."""
    root = mods_dir()
    try:
        found = sorted(root.iterdir())
    except OSError:  # no mods folder yet, or one that cannot be read: no mods
        return []
    return [_entry(p) for p in found if not p.name.startswith(".")]


def _entry(path: Path) -> Entry:
    if path.suffix.lower() == ".zip":
        return _stray(path, "not-installed", "this archive is in the mods folder but not installed",
                      f"install it with: gaiko mods install {path}")
    if path.is_symlink() or not path.is_dir() or not MOD_ID.fullmatch(path.name):
        return _stray(path, "not-a-mod", "this is not a mod: a mod is a folder named by its id",
                      "install mods with: gaiko mods install FILE.zip")
    stamp = _stamp(path)
    known = _CACHE.get(path)
    if known is not None and known[0] == stamp:
        return known[1]
    entry = _checked_entry(path)
    _CACHE[path] = (stamp, entry)
    return entry


def _checked_entry(folder: Path) -> Entry:
    checked = check_folder(folder, folder.name)
    m = checked.manifest.model if checked.manifest else None
    names = {"ja": m.name.ja, "en": m.name.en} if m else {}
    errors = tuple(d for d in checked.problems if d.is_error)
    status: Status = "ok"
    if errors:
        status = "incompatible" if any(d.code == "incompatible" for d in errors) else "broken"
    if m is not None and m.id != folder.name and status == "ok":
        status, errors = "broken", (Diagnostic(Severity.ERROR, "bad-id", f"the folder is named '{folder.name}' but "
                                               f"the mod's id is '{m.id}'", f"{folder.name}/{MANIFEST_FILE}", 1, 1,
                                               "reinstall it with gaiko mods install"),)
    if m is not None and status == "ok" and any(p.name == m.id for p in bundled()):
        status, errors = "broken", (Diagnostic(Severity.ERROR, "duplicate-id", f"'{m.id}' is the id of a bundled "
                                               "scenario", f"{folder.name}/{MANIFEST_FILE}", 1, 1,
                                               "give the mod and its scenario an id of their own"),)
    return Entry(folder.name, names, folder, False, status, m.version if m else "", m.author if m else "",
                 m.licence if m else "", m.game if m else "", errors)


def _stray(path: Path, code: str, message: str, hint: str) -> Entry:
    return Entry(path.name, {}, path, False, "broken",
                 problems=(Diagnostic(Severity.ERROR, code, message, path.name, 0, 0, hint),))


_BUNDLED: dict[Path, Entry] = {}


def bundled_entries() -> list[Entry]:
    """The bundled scenarios (each loaded once per process for its names)."""
    out = []
    for folder in bundled():
        if folder not in _BUNDLED:
            result = load(folder)
            sc = result.scenario
            names = {lang: t.get("scenario.name", folder.name) for lang, t in sc.loc.items()} if sc else {}
            errors = tuple(d for d in result.diagnostics if d.is_error)
            _BUNDLED[folder] = Entry(folder.name, names, folder, True, "ok" if result.ok else "broken",
                                     problems=errors)
        out.append(_BUNDLED[folder])
    return out


def catalogue() -> list[Entry]:
    """Every scenario that can be listed: the bundled ones, then the installed mods."""
    return [*bundled_entries(), *installed()]


def find(scenario_id: str) -> Entry | None:
    """The bundled scenario or installed mod with this id (a bundled one first)."""
    if not MOD_ID.fullmatch(scenario_id):
        return None
    bundled_one = next((e for e in bundled_entries() if e.id == scenario_id), None)
    return bundled_one or find_mod(scenario_id)


def find_mod(mod_id: str) -> Entry | None:
    """The installed mod with this id, if there is a folder of that name in the mods folder."""
    if not MOD_ID.fullmatch(mod_id):
        return None
    folder = mods_dir() / mod_id
    return _entry(folder) if folder.is_dir() and not folder.is_symlink() else None


def mod_of(folder: Path) -> Entry | None:
    """The installed mod a scenario folder is, when it lies directly in the mods folder."""
    try:
        resolved, root = folder.resolve(), mods_dir().resolve()
    except (OSError, RuntimeError):
        return None
    if resolved.parent != root:
        return None
    return find_mod(resolved.name)

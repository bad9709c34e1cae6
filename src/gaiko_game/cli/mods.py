"""`gaiko mods install|list|remove|pack` and `gaiko play --list`: the mods folder from the command line.

Every refusal names its reason (and, for a mod that does not validate, its located problems) in the user's
language and exits 1; nothing is installed or written unless all of it can be.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from gaiko_game import __version__
from gaiko_game.core import Texts
from gaiko_game.present.words import TABLE
from gaiko_game.scenario.diagnostics import format_all
from gaiko_game.session import modarchive, mods
from gaiko_game.session.modarchive import Refused
from gaiko_game.session.mods import Entry
from gaiko_game.session.saves import shown

PROBLEMS_SHOWN = 3
"""How many of a broken mod's problems a listing prints (``gaiko validate`` prints them all)."""


def _play_command(entry: Entry) -> str:
    return shlex.join(["gaiko", "play", "--scenario", entry.id])


def _describe(entry: Entry, t: Texts) -> list[str]:
    """A listed scenario: its id and name, then how to play it, or why it cannot be played."""
    version = f" {entry.version}" if entry.version else ""
    by = t.ui("mods.by", author=entry.author, licence=entry.licence) if entry.author else ""
    lines = [f"  {entry.id}  {entry.name(t.lang)}{version}{by}"]
    if entry.status == "ok":
        return [*lines, "    " + t.ui("mods.play", command=_play_command(entry))]
    key = "mods.status_incompatible" if entry.status == "incompatible" else "mods.status_broken"
    lines.append("    " + t.ui(key, needs=entry.needs or "?", version=__version__))
    for d in entry.problems[:PROBLEMS_SHOWN]:
        lines += ["      " + line for line in d.format().splitlines()]
    if len(entry.problems) > PROBLEMS_SHOWN:
        lines.append("      " + t.ui("mods.more_problems", n=len(entry.problems) - PROBLEMS_SHOWN))
    return lines


def run_list(lang: str, bundled_too: bool = True) -> int:
    """Print the bundled scenarios (with ``bundled_too``) and the installed mods, each with how to play it."""
    t = Texts({}, lang, TABLE)
    lines: list[str] = []
    if bundled_too:
        lines.append(t.ui("mods.heading_bundled"))
        for entry in mods.bundled_entries():
            lines += _describe(entry, t)
    lines.append(t.ui("mods.heading_installed", path=shown(mods.mods_dir())))
    installed = mods.installed()
    for entry in installed:
        lines += _describe(entry, t)
    if not installed:
        lines.append("  " + t.ui("mods.none_installed", command="gaiko mods install FILE.zip"))
    print("\n".join(lines))
    return 0


def _refused(e: Refused, lang: str) -> int:
    sys.stderr.write(f"gaiko: {e.text(lang)}\n")
    return 1


def run_install(archive: Path, upgrade: bool, lang: str) -> int:
    """Install a zip; exit 0 when it is installed, 1 when refused (the mods folder unchanged)."""
    t = Texts({}, lang, TABLE)
    try:
        done = modarchive.install(archive, upgrade)
    except Refused as e:
        return _refused(e, lang)
    entry = done.entry
    if done.warnings:
        print(format_all(done.warnings, 20))
    if done.replaced is not None:
        print(t.ui("mods.upgraded", name=entry.name(lang), mod=entry.id, old=done.replaced, version=entry.version))
    else:
        print(t.ui("mods.installed", name=entry.name(lang), mod=entry.id, version=entry.version,
                   path=shown(entry.path)))
    print(t.ui("mods.play", command=_play_command(entry)))
    return 0


def run_remove(mod_id: str, lang: str) -> int:
    """Remove an installed mod; exit 1 when there is none of that id (the installed ones are listed)."""
    t = Texts({}, lang, TABLE)
    try:
        entry = modarchive.remove(mod_id)
    except Refused as e:
        code = _refused(e, lang)
        ids = [m.id for m in mods.installed()]
        sys.stderr.write("  " + t.ui("mods.installed_ids", ids=", ".join(ids) or "-") + "\n")
        return code
    print(t.ui("mods.removed", name=entry.name(lang), mod=entry.id, version=entry.version or "?"))
    return 0


def run_pack(folder: Path, out: Path | None, init_manifest: bool, lang: str) -> int:
    """Check a mod's folder and write its zip; with ``init_manifest``, write a manifest to fill in first."""
    t = Texts({}, lang, TABLE)
    try:
        if init_manifest:
            path = modarchive.init_manifest(folder)
            print(t.ui("mods.manifest_written", path=shown(path),
                       command=shlex.join(["gaiko", "mods", "pack", shown(folder)])))
            return 0
        packed = modarchive.pack(folder, out)
    except Refused as e:
        code = _refused(e, lang)
        if not (folder / "mod.yaml").is_file():
            sys.stderr.write("  " + t.ui("mods.init_hint", command=shlex.join(
                ["gaiko", "mods", "pack", shown(folder), "--init-manifest"])) + "\n")
        return code
    if packed.warnings:  # packed all the same, as validate passes with warnings: said before it travels
        sys.stderr.write(format_all(packed.warnings) + "\n")
    target = packed.path
    print(t.ui("mods.packed", path=shown(target), n=packed.files, size=target.stat().st_size,
               command=shlex.join(["gaiko", "mods", "install", shown(target)])))
    return 0


def resolve_scenario(path: Path | None, lang: str) -> Path | None:
    """What ``--scenario`` names: a folder as given, else the bundled scenario or installed mod of that id.

    Returns the folder to load (the argument itself when it names neither, so the loader says what is wrong), or
    None, with the reasons printed, when it names an installed mod that cannot be played.
    """
    if path is None or path.is_dir() or len(path.parts) != 1:
        return path
    entry = mods.find(str(path))
    if entry is None:
        return path
    if not entry.playable:
        t = Texts({}, lang, TABLE)
        sys.stderr.write("\n".join(_describe(entry, t)) + "\n")
        return None
    return entry.path

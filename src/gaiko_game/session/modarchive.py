"""Installing, removing and packing mods: zips checked as hostile before a byte is written.

A mod's zip is refused, with its reason, when it is not data only or could write anywhere but its own folder:
an entry that escapes (``..``, an absolute path, a drive letter, a backslash), a link or a device, an encrypted
entry, a name twice, a file that is not data (only YAML, JSON, GeoJSON, Markdown, text, PNG and licence files;
never Python or a program), more than :data:`MAX_ENTRIES` files, more than :data:`MAX_FILE` bytes in one file or
:data:`MAX_TOTAL` in all — checked on the sizes the archive declares and again on the bytes counted while
extracting, so a zip bomb that lies about its sizes stops at the cap. The mod is unpacked into a temporary
folder inside the mods folder, checked whole (its manifest and the scenario validator), and only then renamed
into place: a failure leaves the mods folder as it was.
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from gaiko_game import __version__
from gaiko_game.core import Msg, Texts
from gaiko_game.scenario.bundled import bundled_by_id
from gaiko_game.scenario.diagnostics import Diagnostic, format_all
from gaiko_game.scenario.editorschema import SCHEMA_DIR, schema_header, write_schemas
from gaiko_game.scenario.loader import load
from gaiko_game.scenario.manifest import MANIFEST_FILE, release
from gaiko_game.session.mods import MOD_ID, Entry, check_folder, find_mod, mods_dir
from gaiko_game.session.safefile import write_atomic
from gaiko_game.session.saves import shown
from gaiko_game.session.strings import table

MAX_ARCHIVE = 32_000_000
"""The largest zip read as a mod, in bytes (the default scenario zips to about 0.1 MB)."""
MAX_ENTRIES = 400
"""The most files a mod may hold (a scenario may read 300, plus pictures, licences and notes)."""
MAX_FILE = 8_000_000
"""The most bytes one file of a mod may unpack to."""
MAX_TOTAL = 24_000_000
"""The most bytes a whole mod may unpack to."""
DATA = frozenset((".yaml", ".yml", ".json", ".geojson", ".md", ".txt", ".png"))
"""The kinds of file a mod may hold: its scenario, its map, its notes and its pictures."""
KINDS = "YAML, JSON, GeoJSON, Markdown, .txt, PNG"
"""The kinds of :data:`DATA`, as messages name them."""
LICENCES = frozenset(("license", "licence", "copying", "notice", "authors"))
"""File names (without a suffix, any case) that a mod may hold as its licence and credits."""
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The time stamp of every packed entry, so packing the same folder twice gives the same bytes."""
_DRIVE = re.compile(r"^[A-Za-z]:")


class Refused(Exception):
    """A mod that cannot be installed, removed or packed: why (``text(lang)``) and any located problems."""

    def __init__(self, msg: Msg, problems: list[Diagnostic] | None = None) -> None:
        self.msg, self.problems = msg, problems or []
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The reason in Japanese or English, then the located problems, as printed."""
        head = Texts({}, lang, table()).render(self.msg)
        return head + ("\n" + format_all(self.problems, 20) if self.problems else "")


@dataclass
class Installed:
    """What an install did: the mod now installed, and the version it replaced (upgrade) if any."""

    entry: Entry
    replaced: str | None = None
    warnings: list[Diagnostic] = field(default_factory=list)


@dataclass
class Packed:
    """What packing wrote: the zip, how many files it holds, and the validator's warnings on the folder."""

    path: Path
    files: int
    warnings: list[Diagnostic] = field(default_factory=list)


def is_data(rel: str) -> bool:
    """Whether a file name is one a mod may hold."""
    name = PurePosixPath(rel).name.lower()
    stem, suffix = os.path.splitext(name)
    return suffix in DATA or (stem in LICENCES and suffix in ("", ".txt", ".md"))


def _hidden(parts: tuple[str, ...]) -> bool:
    """Editor and system leftovers never installed or packed: hidden files and folders, macOS's ``__MACOSX``."""
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _entries(zf: zipfile.ZipFile, file: str) -> list[tuple[zipfile.ZipInfo, str]]:
    """The archive's files, each with its place in the mod's folder; raises :class:`Refused` for anything hostile."""
    picked: list[tuple[zipfile.ZipInfo, tuple[str, ...]]] = []
    seen: set[str] = set()
    for info in zf.infolist():
        name = info.filename
        entry = shown(name)[:80]
        parts = tuple(name.rstrip("/").split("/"))
        if ("\\" in name or any(ord(c) < 32 for c in name) or name.startswith("/") or _DRIVE.match(name)
                or any(p in ("..", ".", "") for p in parts)):
            raise Refused(Msg.of("mods.escapes", file=file, entry=entry))
        mode = info.external_attr >> 16
        if info.create_system == 3 and stat.S_ISLNK(mode):
            raise Refused(Msg.of("mods.link", file=file, entry=entry))
        if info.is_dir():
            continue
        if info.create_system == 3 and stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # a device, a pipe, a socket
            raise Refused(Msg.of("mods.link", file=file, entry=entry))
        if info.flag_bits & 0x1:
            raise Refused(Msg.of("mods.encrypted", file=file, entry=entry))
        if name.lower() in seen:
            raise Refused(Msg.of("mods.twice", file=file, entry=entry))
        seen.add(name.lower())
        if _hidden(parts):
            continue
        if not is_data(name):
            raise Refused(Msg.of("mods.not_data", file=file, entry=entry, kinds=KINDS))
        picked.append((info, parts))
    _check_sizes(file, [(i.filename, i.file_size) for i, _ in picked])
    skip = len(_root(file, [p for _, p in picked]))
    return [(info, "/".join(parts[skip:])) for info, parts in picked]


def _check_sizes(file: str, sizes: list[tuple[str, int]]) -> None:
    """Refuse too many files, or sizes (as declared, or as found on disk) past the caps."""
    if len(sizes) > MAX_ENTRIES:
        raise Refused(Msg.of("mods.too_many", file=file, n=len(sizes), limit=MAX_ENTRIES))
    for name, size in sizes:
        if size > MAX_FILE:
            raise Refused(Msg.of("mods.file_too_big", file=file, entry=shown(name)[:80], size=size, limit=MAX_FILE))
    total = sum(size for _, size in sizes)
    if total > MAX_TOTAL:
        raise Refused(Msg.of("mods.too_big", file=file, size=total, limit=MAX_TOTAL))


def _root(file: str, paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Where the mod's folder is in the archive: its top, or the one folder at its top (as ``pack`` makes)."""
    if (MANIFEST_FILE,) in paths:
        return ()
    tops = {p[0] for p in paths}
    if len(tops) == 1 and (*tops, MANIFEST_FILE) in paths:
        return (tops.pop(),)
    raise Refused(Msg.of("mods.no_manifest", file=file, manifest=MANIFEST_FILE))


def _extract(zf: zipfile.ZipFile, entries: list[tuple[zipfile.ZipInfo, str]], into: Path, file: str) -> None:
    """Write the entries under ``into``, counting bytes: an entry longer than it declares stops the install."""
    total = 0
    for info, rel in entries:
        target = into / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with zf.open(info) as src, open(target, "xb") as dst:
            while chunk := src.read(1 << 16):
                written += len(chunk)
                total += len(chunk)
                if written > info.file_size or written > MAX_FILE or total > MAX_TOTAL:
                    raise Refused(Msg.of("mods.size_lie", file=file, entry=shown(info.filename)[:80]))
                dst.write(chunk)


def _open_archive(archive: Path) -> zipfile.ZipFile:
    """The zip, when the file is a plain file no larger than :data:`MAX_ARCHIVE` (raises :class:`Refused`)."""
    file = shown(archive)
    try:
        st = archive.lstat()
    except OSError as e:
        raise Refused(Msg.of("mods.unreadable", file=file, why=shown(e.strerror or str(e)))) from None
    if not stat.S_ISREG(st.st_mode):
        raise Refused(Msg.of("mods.unreadable", file=file, why="not a plain file"))
    if st.st_size > MAX_ARCHIVE:
        raise Refused(Msg.of("mods.archive_too_big", file=file, size=st.st_size, limit=MAX_ARCHIVE))
    try:
        return zipfile.ZipFile(archive)
    # NotImplementedError is zipfile's own refusal of a compression method or archive feature Python cannot read
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError) as e:
        raise Refused(Msg.of("mods.not_zip", file=file, why=shown(str(e))[:200])) from None


def install(archive: Path, upgrade: bool = False) -> Installed:
    """Install a mod's zip into the mods folder, all or nothing (raises :class:`Refused`)."""
    file = shown(archive.name)
    root = mods_dir()
    with _open_archive(archive) as zf:
        try:
            entries = _entries(zf, file)
            root.mkdir(parents=True, exist_ok=True)
            unpacked = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
            try:
                _extract(zf, entries, unpacked, file)
                return _place(unpacked, root, file, upgrade)
            finally:
                shutil.rmtree(unpacked, ignore_errors=True)
        # zipfile raises NotImplementedError for an entry compressed by a method it cannot unpack
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as e:
            raise Refused(Msg.of("mods.not_zip", file=file, why=shown(str(e))[:200])) from None
        except OSError as e:
            raise Refused(Msg.of("mods.cannot_write", path=shown(root), why=shown(e.strerror or str(e)))) from None


def _place(unpacked: Path, root: Path, file: str, upgrade: bool) -> Installed:
    """Check the unpacked mod whole, then rename it into place (an upgrade swaps the old one out last)."""
    checked = check_folder(unpacked, file)
    if not checked.ok or checked.manifest is None:
        raise Refused(Msg.of("mods.invalid", file=file), [d for d in checked.problems if d.is_error])
    m = checked.manifest.model
    if bundled_by_id(m.id) is not None:
        raise Refused(Msg.of("mods.bundled_id", mod=m.id))
    target = root / m.id
    old = find_mod(m.id) if target.exists() or target.is_symlink() else None
    if old is not None and not upgrade:
        raise Refused(Msg.of("mods.installed_already", mod=m.id, version=old.version or "?", option="--upgrade"))
    if target.exists() or target.is_symlink():
        aside = root / f".replaced-{m.id}-{secrets.token_hex(4)}"
        target.rename(aside)
        try:
            unpacked.rename(target)
        except OSError:
            aside.rename(target)  # put the old one back
            raise
        _discard(aside)
    else:
        unpacked.rename(target)
    entry = find_mod(m.id)
    assert entry is not None
    return Installed(entry, old.version if old else None, [d for d in checked.problems if not d.is_error])


def _discard(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def remove(mod_id: str) -> Entry:
    """Remove an installed mod's folder (raises :class:`Refused` when there is none)."""
    entry = find_mod(mod_id) if MOD_ID.fullmatch(mod_id) else None
    if entry is None:
        raise Refused(Msg.of("mods.not_installed", mod=shown(mod_id)[:64]))
    aside = mods_dir() / f".removing-{mod_id}-{secrets.token_hex(4)}"
    try:
        entry.path.rename(aside)
    except OSError as e:
        raise Refused(Msg.of("mods.cannot_write", path=shown(entry.path), why=shown(e.strerror or str(e)))) from None
    _discard(aside)
    return entry


def folder_files(folder: Path) -> list[str]:
    """The files ``pack`` puts in the zip: every file under the folder but hidden ones, sorted; raises
    :class:`Refused` for a link or a file that is not data."""
    out: list[str] = []
    for here, dirs, files in os.walk(folder):
        rel_dir = Path(here).relative_to(folder)
        dirs[:] = sorted(d for d in dirs if not _hidden((d,)))
        for d in dirs:
            if (Path(here) / d).is_symlink():
                raise Refused(Msg.of("mods.link", file=shown(folder), entry=(rel_dir / d).as_posix()))
        for name in sorted(files):
            rel = (rel_dir / name).as_posix()
            if _hidden(tuple(rel.split("/"))):
                continue
            if (Path(here) / name).is_symlink():
                raise Refused(Msg.of("mods.link", file=shown(folder), entry=rel))
            if not is_data(rel):
                raise Refused(Msg.of("mods.not_data", file=shown(folder), entry=rel, kinds=KINDS))
            out.append(rel)
    return sorted(out)


def pack(folder: Path, out: Path | None = None) -> Packed:
    """Check a mod's folder and write its zip (default ``<id>-<version>.zip`` here); the same folder always gives
    the same bytes: sorted entries under ``<id>/``, fixed times and permissions. Warnings do not stop it; they are
    returned for the caller to show before the zip travels."""
    checked = check_folder(folder, shown(folder))
    if not checked.ok or checked.manifest is None:
        raise Refused(Msg.of("mods.cannot_pack", file=shown(folder)), [d for d in checked.problems if d.is_error])
    m = checked.manifest.model
    files = folder_files(folder)
    _check_sizes(shown(folder), [(rel, (folder / rel).stat().st_size) for rel in files])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for rel in files:
            info = zipfile.ZipInfo(f"{m.id}/{rel}", date_time=FIXED_TIME)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 3, 0o100644 << 16
            zf.writestr(info, (folder / rel).read_bytes(), compresslevel=9)
    target = out or Path(f"{m.id}-{m.version}.zip")
    try:
        write_atomic(target, buffer.getvalue(), shared=True)
    except OSError as e:
        raise Refused(Msg.of("mods.cannot_write", path=shown(target), why=shown(e.strerror or str(e)))) from None
    return Packed(target, len(files), [d for d in checked.problems if not d.is_error])


def init_manifest(folder: Path) -> Path:
    """Write a manifest to fill in beside a scenario's ``scenario.yaml`` (never over one that exists)."""
    path = folder / MANIFEST_FILE
    if path.exists() or path.is_symlink():
        raise Refused(Msg.of("mods.manifest_exists", path=shown(path)))
    result = load(folder)
    if result.scenario is None:
        raise Refused(Msg.of("mods.cannot_pack", file=shown(folder)), [d for d in result.diagnostics if d.is_error])
    sc = result.scenario
    name = {lang: sc.loc.get(lang, {}).get("scenario.name", sc.id) for lang in ("ja", "en")}
    major, minor = release(__version__)[:2]
    schemas = folder / SCHEMA_DIR  # a folder made by `gaiko new` has its editor schemas: point at the manifest's
    header = ""
    if schemas.is_dir() and not schemas.is_symlink():
        write_schemas(schemas)
        header = schema_header("mod", SCHEMA_DIR) + "\n"
    text = (f"{header}# The mod's manifest (docs/modding/reference.md, \"Mods\"): fill in author and licence.\n"
            f"id: {sc.id}\n"
            f"name: {{ja: {json.dumps(name['ja'], ensure_ascii=False)}, en: {json.dumps(name['en'], ensure_ascii=False)}}}\n"
            f"version: \"1.0.0\"\n"
            f"author:             # your name\n"
            f"licence:            # the licence you share it under, e.g. CC-BY-4.0\n"
            f"game: \">={major}.{minor}\"\n")
    try:
        write_atomic(path, text.encode("utf-8"), shared=True)
    except OSError as e:
        raise Refused(Msg.of("mods.cannot_write", path=shown(path), why=shown(e.strerror or str(e)))) from None
    return path

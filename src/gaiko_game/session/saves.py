"""Save files: each campaign's own slots, written atomically, read defensively.

A save is JSON: the campaign's id, the scenario's id, name, source (a bundled id, an installed mod's id and
version, or a folder) and content hash, the seed, difficulty and decision log, and a summary (turn, meters,
whether it is over) with a state hash to check the replay against. Every campaign keeps its slots in its own folder
(``saves/<campaign>/autosave-1..3.json`` and ``quicksave.json``), so two campaigns — the
tutorial and the real one, or eight classroom teams — never push each other's saves out.

A save is written to a temporary file, flushed and synced; only then do the older autosaves
move down a slot and the new one take its place, so a failed write never costs an old save.
A file that cannot be used is reported with a reason a player can read, and never deleted.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from gaiko_game.core import Msg, Texts
from gaiko_game.core.text import CONTROL, Loc
from gaiko_game.session.safefile import write_atomic
from gaiko_game.session.strings import table

FORMAT = 4
"""Save format 4: the living world (headline crises, the other actors' moves, standing programmes). Older
formats replay to different games and are refused, naming the version that made them; their decision log
can still be read as a plain timeline (:func:`old_log`)."""

MADE_BY = {1: "Gaikō 0.1", 2: "Gaikō 0.1", 3: "Gaikō 0.2"}
"""The version that wrote each older save format."""
AUTOSAVES = 3
QUICKSAVE = "quicksave"


def data_dir() -> Path:
    """``$GAIKO_DATA_DIR`` if set, else the platform's user data folder."""
    override = os.environ.get("GAIKO_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("gaiko", appauthor=False))


def saves_dir() -> Path:
    """Where every campaign's save folder lives."""
    return data_dir() / "saves"


class BadSave(ValueError):
    """A save file that cannot be used; ``text(lang)`` says why (``loc`` holds names the message refers to)."""

    path: Path | None = None
    """The file (or link) refused, when :func:`listing` met it: screens show where it is."""

    def __init__(self, msg: Msg, loc: Loc | None = None) -> None:
        self.msg = msg
        self.loc: Loc = loc or {}
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The reason, in Japanese or English."""
        return Texts(self.loc, lang, table()).render(self.msg)


@dataclass(frozen=True)
class SaveInfo:
    """What the load screen shows about a save without replaying it."""

    path: Path
    campaign: str
    scenario: str
    names: dict[str, str]
    turn: int
    over: bool
    meters: dict[str, int]
    saved_at: str
    slot: str = field(default="")
    meter_names: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each language's names of the meters, so a save can be described without loading its scenario."""

    def name(self, lang: str) -> str:
        """The scenario's name in a language (its id when the save lacks it)."""
        return self.names.get(lang) or self.scenario

    def meters_in(self, lang: str) -> list[tuple[str, int]]:
        """The meters as (name in ``lang``, value), falling back to their ids."""
        names = self.meter_names.get(lang, {})
        return [(names.get(m, m), v) for m, v in self.meters.items()]


def write_json(path: Path, data: dict[str, object]) -> None:
    """Write JSON to ``path`` all at once or not at all (see :func:`~gaiko_game.session.safefile.write_atomic`)."""
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def write_slot(folder: Path, slot: str, data: dict[str, object]) -> Path:
    """Write a campaign's save into a slot; an autosave pushes the older ones down only once it is safely written."""
    folder.mkdir(parents=True, exist_ok=True)
    if slot == QUICKSAVE:
        path = folder / f"{QUICKSAVE}.json"
        write_json(path, data)
        return path
    fresh = folder / "autosave-new.json"
    write_json(fresh, data)
    for i in range(AUTOSAVES - 1, 0, -1):
        older, newer = folder / f"autosave-{i + 1}.json", folder / f"autosave-{i}.json"
        if newer.exists():
            newer.replace(older)
    path = folder / "autosave-1.json"
    fresh.replace(path)
    return path


def now() -> str:
    """The time stamp saves carry (UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


MAX_BYTES = 1_000_000
"""The largest file read as a save (a 24-turn campaign's is about 3 KB), checked before reading it."""
_LIMITS: dict[str, tuple[type, int]] = {"campaign": (str, 200), "scenario": (str, 200), "content_hash": (str, 200),
                                        "seed": (int, 2**64 - 1), "log": (list, 100_000), "turn": (int, 100_000),
                                        "difficulty": (str, 200), "source": (dict, 10), "state_hash": (str, 200)}
"""Each field a save must have: its type and its bound (the largest value, or the longest length)."""
_SCENARIO_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_CAMPAIGN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,199}")
"""What a campaign id looks like: it names the campaign's own folder of saves, so it is one plain folder name
(never ``..``, never a path) — a reopened save autosaves into ``saves/<campaign>/`` and nowhere else."""
"""What a scenario id looks like (as the scenario schema allows): never a path, never empty."""
PATH_CHARS = 1000
"""The longest scenario folder a save may name (``source.folder``)."""


def shown(path: Path | str) -> str:
    """A path or file name as text that can be printed and drawn (bytes that are no UTF-8 are written as escapes)."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def read(path: Path) -> dict[str, object]:
    """A save's data, checked for shape before anything is replayed (raises :class:`BadSave`): not a link, not
    larger than :data:`MAX_BYTES`, valid JSON of bounded depth, every field of its type and within its bound, and
    no text that cannot be shown (a NUL or a lone surrogate)."""
    file = shown(path.name)
    data = _load(path)
    if not isinstance(data, dict) or not isinstance(data.get("format"), int):
        raise BadSave(Msg.of("save.not_a_save", file=file))
    if data["format"] > FORMAT:
        raise BadSave(Msg.of("save.newer", file=file, format=data["format"]))
    if data["format"] < FORMAT:
        raise BadSave(Msg.of("save.older_rules", file=file, format=data["format"], version=_made_by(data)))
    for key, (kind, bound) in _LIMITS.items():
        value = data.get(key)
        if not isinstance(value, kind) or isinstance(value, bool) or not _within(value, bound):
            raise BadSave(Msg.of("save.damaged", file=file, field=key))
        if (key == "campaign" and not _CAMPAIGN_ID.fullmatch(str(value))) or (
                key == "scenario" and not _SCENARIO_ID.fullmatch(str(value))):
            raise BadSave(Msg.of("save.damaged", file=file, field=key))
    log, source = data["log"], data["source"]
    assert isinstance(log, list) and isinstance(source, dict)
    if not all(isinstance(d, str) and len(d) <= 200 for d in log):
        raise BadSave(Msg.of("save.damaged", file=file, field="log"))
    if not all(isinstance(v, str) and len(v) <= PATH_CHARS for v in (source.get("bundled", ""), source.get("folder", ""))):
        raise BadSave(Msg.of("save.damaged", file=file, field="source"))
    mod, version = source.get("mod", ""), source.get("version", "")
    if not (isinstance(mod, str) and (not mod or _SCENARIO_ID.fullmatch(mod)) and isinstance(version, str)
            and len(version) <= 64):  # a mod's id names a folder of the mods folder: never a path
        raise BadSave(Msg.of("save.damaged", file=file, field="source"))
    bad = next((key for key, value in data.items() if not _showable(key) or not _showable(value)), None)
    if bad is not None:
        raise BadSave(Msg.of("save.damaged", file=file, field=shown(str(bad))[:40] if _showable(bad) else "?"))
    return data


def _made_by(data: dict[str, object]) -> str:
    """The version that wrote an older save: as it says, unless that contradicts its format (a save edited back)."""
    fmt = data["format"]
    known = MADE_BY.get(fmt) if isinstance(fmt, int) else None
    claimed = data.get("version")
    if isinstance(claimed, str) and claimed and (known is None or claimed.startswith(known)):
        return shown(claimed)[:40]
    return known or f"save format {fmt}"


def _showable(value: object) -> bool:
    """Whether every text in ``value`` (keys too) can be encoded and drawn: no control character (a NUL, an
    escape), no lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if CONTROL.search(item) or not (item.isascii() or _encodes(item)):
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def plain_bytes(path: Path) -> bytes:
    """A file's bytes through the saves' one door: a plain file (no link, folder or pipe) of at most
    :data:`MAX_BYTES`; raises :class:`BadSave` or ``OSError``."""
    return _bytes(path)


def _load(path: Path) -> object:
    """A save file's JSON, read only when it is a plain file (no link, folder or pipe) of at most :data:`MAX_BYTES`."""
    file = shown(path.name)
    try:
        text = _bytes(path).decode("utf-8")
        return json.loads(text)
    except BadSave:
        raise
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as e:  # ValueError: JSON, or a 5,000-digit int
        why = "too deeply nested" if isinstance(e, RecursionError) else shown(str(e))[:200]
        raise BadSave(Msg.of("save.unreadable", file=file, why=why)) from None


_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""Never through a link, never waiting on a pipe."""


def _bytes(path: Path) -> bytes:
    """At most :data:`MAX_BYTES` + 1 bytes of a plain file (raises BadSave for a link, a non-file or a big file)."""
    file = shown(path.name)
    if path.is_symlink():
        raise BadSave(Msg.of("save.link", file=file))
    try:
        fd = os.open(path, _OPEN)
    except OSError as e:
        raise BadSave(Msg.of("save.unreadable", file=file, why=shown(e.strerror or str(e))[:200])) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise BadSave(Msg.of("save.not_a_file", file=file))
        if info.st_size > MAX_BYTES:
            raise BadSave(Msg.of("save.too_big", file=file, size=info.st_size, limit=MAX_BYTES))
        raw = _read_up_to(fd, MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:  # it grew after it was measured
        raise BadSave(Msg.of("save.too_big", file=file, size=len(raw), limit=MAX_BYTES))
    return raw


def _read_up_to(fd: int, limit: int) -> bytes:
    """At most ``limit`` bytes from an open file."""
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 16))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _within(value: object, bound: int) -> bool:
    """Whether a number lies in 0..bound, or a text, list or map is at most ``bound`` long."""
    if isinstance(value, int):
        return 0 <= value <= bound
    return len(value) <= bound if isinstance(value, (str, list, dict)) else False


def old_log(path: Path) -> tuple[str, list[list[str]]] | None:
    """An older save's scenario and its decisions turn by turn (as written), when it has them; None otherwise.

    Older saves cannot be replayed into the new rules, but what the player decided can still be read.
    """
    try:
        data = _load(path)
    except BadSave:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("log"), list) or not isinstance(data.get("format"), int):
        return None
    if data["format"] >= FORMAT:
        return None
    turns: list[list[str]] = [[]]
    ended = False
    for entry in (shown(str(e))[:200] for e in data["log"]):
        if ended and not entry.startswith("choose:"):  # the turn's crisis answers come after its end
            turns.append([])
            ended = False
        turns[-1].append(entry)
        ended = ended or entry == "end"
    return shown(str(data.get("scenario", "?")))[:200], [t for t in turns if t]


def _names(data: dict[str, object]) -> dict[str, str]:
    names = data.get("scenario_name")
    return {str(k)[:8]: str(v)[:200] for k, v in list(names.items())[:10]} if isinstance(names, dict) else {}


def _meters(data: dict[str, object]) -> dict[str, int]:
    """The meters the save claims (whole numbers only, at most 20): what the load screen shows."""
    raw = data.get("meters")
    if not isinstance(raw, dict):
        return {}
    numbers = {str(k)[:40]: v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool)}
    return {k: v for k, v in list(numbers.items())[:20] if -10**6 < v < 10**6}


def _meter_names(data: dict[str, object]) -> dict[str, dict[str, str]]:
    raw = data.get("meter_names")
    if not isinstance(raw, dict):
        return {}
    return {str(lang)[:8]: {str(k)[:40]: str(v)[:60] for k, v in list(names.items())[:20]}
            for lang, names in list(raw.items())[:10] if isinstance(names, dict)}


def info(path: Path) -> SaveInfo:
    """A save's summary (raises :class:`BadSave`); every text in it is bounded, so describing it costs little."""
    data = read(path)
    return SaveInfo(path, str(data["campaign"]), str(data["scenario"]), _names(data), int(str(data["turn"])),
                    bool(data.get("over", False)), _meters(data), str(data.get("saved_at", ""))[:64], path.stem,
                    _meter_names(data))


_SEEN: dict[Path, tuple[tuple[int, ...], SaveInfo | BadSave]] = {}
"""What :func:`listing` last read of each file, with the file's identity then (inode, size, times): a file is
read again only when it changed, so the title and Load screens can list the folder whenever they are laid out."""


def listing() -> tuple[list[SaveInfo], list[BadSave]]:
    """Every readable save of every campaign, newest first (by the time written in it), and every unusable one.

    Links in the saves folder (to a file or to a campaign folder) are not followed: each is listed as a
    problem saying so. Each unusable one carries its ``path``.
    """
    files, problems = _files(saves_dir())
    found: list[SaveInfo] = []
    seen: dict[Path, tuple[tuple[int, ...], SaveInfo | BadSave]] = {}
    for path in files:
        result = _read_once(path, seen)
        if isinstance(result, SaveInfo):
            found.append(result)
        else:
            problems.append(result)
    _SEEN.clear()
    _SEEN.update(seen)
    rank = {"autosave-1": 3, QUICKSAVE: 2, "autosave-2": 1}
    found.sort(key=lambda s: (s.saved_at, rank.get(s.slot, 0)), reverse=True)
    problems.sort(key=lambda e: str(e.path))
    return found, problems


def _read_once(path: Path, seen: dict[Path, tuple[tuple[int, ...], SaveInfo | BadSave]]) -> SaveInfo | BadSave:
    """A file's summary or its refusal, from :data:`_SEEN` when the file has not changed since it was last read."""
    try:
        st = path.lstat()
        identity: tuple[int, ...] = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    except OSError:
        identity = ()
    known = _SEEN.get(path)
    if identity and known is not None and known[0] == identity:
        seen[path] = known
        return known[1]
    try:
        result: SaveInfo | BadSave = info(path)
    except BadSave as e:
        e.path = path
        result = e
    if identity:
        seen[path] = (identity, result)
    return result


def _files(root: Path) -> tuple[list[Path], list[BadSave]]:
    """The save files in the saves folder and in its campaign folders, and a problem for every link met there."""
    files: list[Path] = []
    problems: list[BadSave] = []
    for entry in _entries(root, problems):
        if entry.is_symlink():
            problems.append(_refusal(Msg.of("save.link", file=shown(entry.name)), entry))
        elif entry.is_dir():
            for inner in _entries(entry, problems):
                if _is_save_name(inner.name):
                    files.append(inner)  # a link here is refused by read(), which never follows it
        elif _is_save_name(entry.name):
            files.append(entry)
    return files, problems


def _entries(folder: Path, problems: list[BadSave]) -> list[Path]:
    """A folder's entries, sorted; a folder that cannot be listed is a problem (the saves folder may not exist)."""
    try:
        return sorted(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as e:
        problems.append(_refusal(Msg.of("save.unreadable", file=shown(folder.name), why=shown(e.strerror or str(e))),
                                 folder))
        return []


def _is_save_name(name: str) -> bool:
    return name.endswith(".json") and name != "autosave-new.json"


def _refusal(msg: Msg, path: Path) -> BadSave:
    refusal = BadSave(msg)
    refusal.path = path
    return refusal


def latest_unfinished(found: list[SaveInfo]) -> SaveInfo | None:
    """What Continue opens: the newest save of the most recent campaign of each scenario, when it is not over.

    ``found`` is newest first (as :func:`listing` gives it). Only a scenario's newest campaign counts:
    once a newer campaign of a scenario has been played (the tutorial again, say, to its end), an older
    one left unfinished is no longer what Continue means; Load still lists it.
    """
    scenarios: set[str] = set()
    for s in found:
        if s.scenario in scenarios:
            continue
        scenarios.add(s.scenario)
        if not s.over:
            return s
    return None

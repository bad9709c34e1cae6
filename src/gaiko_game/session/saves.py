"""Save files: each campaign's own slots, written atomically, read defensively.

A save is JSON: the campaign's id, the scenario's id, name, source and content hash, the
seed, difficulty and decision log, and a summary (turn, meters, whether it is over) with a
state hash to check the replay against. Every campaign keeps its slots in its own folder
(``saves/<campaign>/autosave-1..3.json`` and ``quicksave.json``), so two campaigns — the
tutorial and the real one, or eight classroom teams — never push each other's saves out.

A save is written to a temporary file, flushed and synced; only then do the older autosaves
move down a slot and the new one take its place, so a failed write never costs an old save.
A file that cannot be used is reported with a reason a player can read, and never deleted.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from gaiko_game.core import Msg, Texts
from gaiko_game.core.text import Loc
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
                                        "difficulty": (str, 200), "source": (dict, 10)}
"""Each field a save must have: its type and its bound (the largest value, or the longest length)."""


def read(path: Path) -> dict[str, object]:
    """A save's data, checked for shape before anything is replayed (raises :class:`BadSave`): not a link, not
    larger than :data:`MAX_BYTES`, valid JSON of bounded depth, every field of its type and within its bound."""
    file = path.name
    data = _load(path)
    if not isinstance(data, dict) or not isinstance(data.get("format"), int):
        raise BadSave(Msg.of("save.not_a_save", file=file))
    if data["format"] > FORMAT:
        raise BadSave(Msg.of("save.newer", file=file, format=data["format"]))
    if data["format"] < FORMAT:
        made_by = str(data.get("version") or MADE_BY.get(data["format"], f"save format {data['format']}"))
        raise BadSave(Msg.of("save.older_rules", file=file, format=data["format"], version=made_by))
    for key, (kind, bound) in _LIMITS.items():
        value = data.get(key)
        if not isinstance(value, kind) or isinstance(value, bool) or not _within(value, bound):
            raise BadSave(Msg.of("save.damaged", file=file, field=key))
    log = data["log"]
    assert isinstance(log, list)
    if not all(isinstance(d, str) and len(d) <= 200 for d in log):
        raise BadSave(Msg.of("save.damaged", file=file, field="log"))
    return data


def _load(path: Path) -> object:
    """A save file's JSON, read only when it is no link and no larger than :data:`MAX_BYTES` (raises BadSave)."""
    file = path.name
    if path.is_symlink():
        raise BadSave(Msg.of("save.link", file=file))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BadSave(Msg.of("save.too_big", file=file, size=size, limit=MAX_BYTES))
        return json.loads(path.read_text(encoding="utf-8"))
    except BadSave:
        raise
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as e:  # ValueError: JSON, or a 5,000-digit int
        why = "too deeply nested" if isinstance(e, RecursionError) else str(e)[:200]
        raise BadSave(Msg.of("save.unreadable", file=file, why=why)) from None


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
    for entry in map(str, data["log"]):
        if ended and not entry.startswith("choose:"):  # the turn's crisis answers come after its end
            turns.append([])
            ended = False
        turns[-1].append(entry)
        ended = ended or entry == "end"
    return str(data.get("scenario", "?")), [t for t in turns if t]


def _names(data: dict[str, object]) -> dict[str, str]:
    names = data.get("scenario_name")
    return {str(k)[:8]: str(v)[:200] for k, v in names.items()} if isinstance(names, dict) else {}


def _meter_names(data: dict[str, object]) -> dict[str, dict[str, str]]:
    raw = data.get("meter_names")
    if not isinstance(raw, dict):
        return {}
    return {str(lang): {str(k): str(v) for k, v in names.items()} for lang, names in raw.items() if isinstance(names, dict)}


def info(path: Path) -> SaveInfo:
    """A save's summary (raises :class:`BadSave`)."""
    data = read(path)
    meters = data.get("meters")
    return SaveInfo(path, str(data["campaign"]), str(data["scenario"]), _names(data), int(str(data["turn"])),
                    bool(data.get("over", False)), dict(meters) if isinstance(meters, dict) else {},
                    str(data.get("saved_at", "")), path.stem, _meter_names(data))


def listing() -> tuple[list[SaveInfo], list[BadSave]]:
    """Every readable save of every campaign, newest first (by the time written in it), and every unusable one."""
    root = saves_dir()
    if not root.is_dir():
        return [], []
    paths = sorted(p for p in [*root.glob("*/*.json"), *root.glob("*.json")] if p.name != "autosave-new.json")
    found, problems = [], []
    for path in paths:
        try:
            found.append(info(path))
        except BadSave as e:
            problems.append(e)
    rank = {"autosave-1": 3, QUICKSAVE: 2, "autosave-2": 1}
    found.sort(key=lambda s: (s.saved_at, rank.get(s.slot, 0)), reverse=True)
    return found, problems


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

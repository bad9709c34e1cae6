"""Saved campaigns: the scenario's id and content hash, seed, difficulty and action log, as JSON.

A save is rebuilt by replaying its log and checked against the state hash stored with it.
Files are written to a temporary file, flushed, synced and renamed into place, so a crash
never leaves half a save; autosaves rotate so the last few survive. Older formats are
brought forward by explicit upgrade steps. A file that cannot be used is reported with the
reason, never fatal, and never deleted.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

from gaiko_game.core import Game, Refusal, Scenario, parse_decision
from gaiko_game.session.record import Record, ScenarioMismatch, rebuild, state_hash
from gaiko_game.session.seeding import new_game

FORMAT = 2
AUTOSAVES = 3


def _v1_to_v2(data: dict[str, object]) -> dict[str, object]:
    """Format 1 had no difficulty (every game was standard) and no state hash."""
    return {**data, "format": 2, "difficulty": data.get("difficulty", "standard"), "state_hash": None}


UPGRADES = {1: _v1_to_v2}
"""Upgrade steps: format N's data → format N + 1's."""


def saves_dir() -> Path:
    """``$GAIKO_DATA_DIR/saves`` if set, else the platform's user data folder."""
    override = os.environ.get("GAIKO_DATA_DIR")
    base = Path(override) if override else Path(platformdirs.user_data_dir("gaiko", appauthor=False))
    return base / "saves"


class BadSave(ValueError):
    """A save file that cannot be used, with the reason."""


class ChangedScenario(BadSave):
    """The save was made on different scenario content; :func:`load_partial` recovers what it can."""


@dataclass(frozen=True)
class SaveInfo:
    """What the load screen shows about a save without replaying it."""

    path: Path
    scenario: str
    turn: int
    meters: dict[str, int]
    saved_at: str


def write(game: Game, seed: int, path: Path) -> Path:
    """Save a game atomically to ``path``."""
    record = Record.of(game, seed)
    data = {
        "format": FORMAT, "scenario": record.scenario_id, "content_hash": record.content_hash,
        "seed": record.seed, "difficulty": record.difficulty, "log": list(record.log), "turn": game.turn,
        "meters": game.meters(), "state_hash": state_hash(game),
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(path)
    return path


def autosave(game: Game, seed: int) -> Path:
    """Save into the newest autosave slot, keeping the previous ones in rotation."""
    folder = saves_dir()
    for i in range(AUTOSAVES - 1, 0, -1):
        older, newer = folder / f"autosave-{i + 1}.json", folder / f"autosave-{i}.json"
        if newer.exists():
            newer.replace(older)
    return write(game, seed, folder / "autosave-1.json")


def quicksave(game: Game, seed: int) -> Path:
    """Save into the quick-save slot."""
    return write(game, seed, saves_dir() / "quicksave.json")


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BadSave(f"{path.name} cannot be read: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("format"), int):
        raise BadSave(f"{path.name} is not a Gaikō save")
    if data["format"] > FORMAT:
        raise BadSave(f"{path.name} was made by a newer Gaikō (save format {data['format']}); update the game to load it")
    while data["format"] < FORMAT:
        step = UPGRADES.get(data["format"])
        if step is None:
            raise BadSave(f"{path.name} uses save format {data['format']}, which this Gaikō cannot upgrade")
        data = step(data)
    checked: dict[str, object] = data
    for key, kind in (("scenario", str), ("content_hash", str), ("seed", int), ("log", list), ("turn", int)):
        if not isinstance(checked.get(key), kind):
            raise BadSave(f"{path.name} is damaged: '{key}' is missing or wrong")
    return checked


def info(path: Path) -> SaveInfo:
    """Read a save's summary (raises :class:`BadSave`)."""
    data = _read(path)
    meters = data.get("meters")
    return SaveInfo(path, str(data["scenario"]), int(str(data["turn"])),
                    dict(meters) if isinstance(meters, dict) else {}, str(data.get("saved_at", "")))


def listing() -> tuple[list[SaveInfo], list[str]]:
    """Every readable save, newest first, and a message for each unreadable one."""
    found, problems = [], []
    folder = saves_dir()
    for path in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []:
        try:
            found.append(info(path))
        except BadSave as e:
            problems.append(str(e))
    return found, problems


def load_partial(path: Path, scenario: Scenario) -> tuple[Game, int, int, int]:
    """Replay a save's decisions on the current scenario for as long as its rules accept them.

    For a save whose scenario has changed: returns the game, its seed, how many decisions
    replayed and how many the save holds. The result is a game on the new rules that
    follows the old one as far as it can; the save itself is left untouched.
    """
    data = _read(path)
    log = data["log"]
    assert isinstance(log, list)
    difficulty = data.get("difficulty")
    known = {d.id for d in scenario.difficulties}
    level = difficulty if isinstance(difficulty, str) and (difficulty in known or not known) else None
    seed = int(str(data["seed"]))
    game = new_game(scenario, seed, difficulty=level)
    played = 0
    for text in log:
        try:
            game.play(parse_decision(str(text)))
        except (Refusal, ValueError):
            break
        played += 1
    return game, seed, played, len(log)


def load(path: Path, scenario: Scenario) -> tuple[Game, int]:
    """Rebuild the game in a save (raises :class:`BadSave` with a reason a player can read)."""
    data = _read(path)
    log = data["log"]
    assert isinstance(log, list)
    difficulty = data.get("difficulty", scenario.default_difficulty)
    if not isinstance(difficulty, str):
        raise BadSave(f"{path.name} is damaged: 'difficulty' is not text")
    record = Record(str(data["scenario"]), str(data["content_hash"]), int(str(data["seed"])),
                    tuple(str(d) for d in log), difficulty)
    try:
        game = rebuild(scenario, record)
    except ScenarioMismatch as e:
        raise ChangedScenario(f"{path.name}: {e}") from None
    except KeyError as e:
        raise BadSave(f"{path.name}: {e.args[0] if e.args else e}") from None
    except (Refusal, ValueError) as e:
        raise BadSave(f"{path.name} does not replay on this scenario: {e}") from None
    expected = data.get("state_hash")
    if expected is not None and expected != state_hash(game):
        raise BadSave(f"{path.name} replays to a different game than the one saved (it was edited, or the rules changed)")
    return game, record.seed

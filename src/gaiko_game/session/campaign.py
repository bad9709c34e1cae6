"""A campaign: one game of one scenario from one seed, with its own save slots.

The window, the terminal game, the classroom and the lab hold a :class:`Campaign`, never
loose ``(game, seed)`` pairs. It knows where its scenario came from (a bundled id or a
folder), so a save always reopens on the scenario it was played on — a folder only when the
player names it (:class:`FolderScenario`) — and it autosaves at the end of every turn.
"""

from __future__ import annotations

import os
import random
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gaiko_game import __version__
from gaiko_game.core import Change, Decision, Game, Msg, Name, Order, Refusal, Scenario, TurnReport, parse_decision
from gaiko_game.core.text import Loc
from gaiko_game.scenario.bundled import bundled_by_id, scenarios_root
from gaiko_game.scenario.loader import load
from gaiko_game.session import mods, saves
from gaiko_game.session.record import Record, state_hash
from gaiko_game.session.saves import BadSave
from gaiko_game.session.seeding import new_game

_SCENARIO_NAME = Name("save.scenario")


@dataclass(frozen=True)
class Source:
    """Where a scenario came from: a bundled scenario's id, an installed mod's id and version, or a folder's
    absolute path."""

    bundled: str = ""
    folder: str = ""
    mod: str = ""
    version: str = ""
    """The installed mod's version (saves record it, so a save made on another version says so)."""

    @staticmethod
    def of(path: Path) -> Source:
        """The source of a scenario folder: bundled when it is one of the game's own, a mod when it is installed."""
        folder = path.parent if path.name == "scenario.yaml" else path
        resolved = folder.resolve()
        if resolved.parent == scenarios_root().resolve():
            return Source(bundled=resolved.name)
        mod = mods.mod_of(resolved)
        if mod is not None:
            return Source(mod=mod.id, version=mod.version)
        return Source(folder=str(resolved))

    @staticmethod
    def from_json(data: object) -> Source:
        """Read a source back from a save (an unknown shape gives an empty source)."""
        if not isinstance(data, dict):
            return Source()
        return Source(str(data.get("bundled", "")), str(data.get("folder", "")), str(data.get("mod", "")),
                      str(data.get("version", "")))

    def as_json(self) -> dict[str, str]:
        """The source as saved."""
        if self.mod:
            return {"mod": self.mod, "version": self.version}
        return {"bundled": self.bundled} if self.bundled else {"folder": self.folder}


def _names(scenario: Scenario) -> dict[str, str]:
    return {lang: table.get("scenario.name", scenario.id) for lang, table in scenario.loc.items()}


def _meter_names(scenario: Scenario) -> dict[str, dict[str, str]]:
    return {lang: {m: table.get(f"meter.{m}", m) for m in scenario.meter_ids()} for lang, table in scenario.loc.items()}


def _new_id(scenario: Scenario) -> str:
    return f"{scenario.id}-{datetime.now().strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(2)}"


class Campaign:
    """A scenario, where it came from, a seed, and the game played on them; saves go to its own slots."""

    def __init__(self, scenario: Scenario, source: Source, seed: int, game: Game, campaign_id: str = "",
                 weighting: str | None = None) -> None:
        self.scenario = scenario
        self.source = source
        self.seed = seed
        self.game = game
        self.id = campaign_id or _new_id(scenario)
        self.weighting = scenario.weighting(weighting).id
        """What the player chose to value (the scenario's first weighting unless they chose another): the debrief
        puts the score by it first; ratings always use the scenario's first."""
        self.last_save: Path | None = None
        self.save_problem: str | None = None
        """Why the last save failed (the game goes on; front ends show it), or None."""

    @staticmethod
    def new(scenario: Scenario, source: Source, seed: int | None = None, difficulty: str | None = None,
            undo: bool = True, explain: bool = True, weighting: str | None = None) -> Campaign:
        """A fresh campaign; a random seed when none is given. Raises ``UnknownDifficulty`` for a level not declared.

        ``undo=False`` keeps no undo stack (simulations, which never take a move back); ``explain=False``
        records no reasons for fired events (batch simulations, whose reports nobody reads).
        """
        seed = seed if seed is not None else random.SystemRandom().randrange(2**32)
        return Campaign(scenario, source, seed, new_game(scenario, seed, difficulty=difficulty, undo=undo,
                                                         explain=explain), weighting=weighting)

    @property
    def record(self) -> Record:
        """The campaign as data: enough to rebuild its game."""
        return Record.of(self.game, self.seed, self.source.mod, self.source.version)

    @property
    def folder(self) -> Path:
        """Where this campaign's saves live."""
        return saves.saves_dir() / self.id

    # ── decisions (a finished turn autosaves) ────────────────────────────
    def apply(self, order: Order) -> list[Change]:
        """Take an action (see ``Game.apply``)."""
        return self.game.apply(order)

    def end_turn(self) -> TurnReport | None:
        """End the action phase; autosaves when the turn is over."""
        return self._after(self.game.end_turn())

    def choose(self, choice_id: str) -> TurnReport | None:
        """Answer the pending crisis; autosaves when the turn is over."""
        return self._after(self.game.choose(choice_id))

    def withdraw(self, action_id: str) -> list[Change]:
        """End a standing programme, paying what ending it costs (see ``Game.withdraw``)."""
        return self.game.withdraw(action_id)

    def undo(self) -> Decision:
        """Take back the last decision."""
        return self.game.undo()

    def _after(self, report: TurnReport | None) -> TurnReport | None:
        if report is not None:
            self.autosave()
        return report

    # ── saves ────────────────────────────────────────────────────────────
    def data(self) -> dict[str, object]:
        """What a save of this campaign holds."""
        g = self.game
        record = self.record
        return {
            "format": saves.FORMAT, "version": f"Gaikō {__version__}", "campaign": self.id, "scenario": self.scenario.id,
            "scenario_name": _names(self.scenario), "meter_names": _meter_names(self.scenario),
            "source": self.source.as_json(),
            "content_hash": record.content_hash, "seed": self.seed, "difficulty": record.difficulty,
            "weighting": self.weighting,
            "log": list(record.log), "turn": g.turn, "over": g.is_over, "meters": g.view.meters(),
            "state_hash": state_hash(g), "saved_at": saves.now(),
        }

    def save(self, slot: str) -> Path | None:
        """Save into ``autosave`` (rotating) or ``quicksave``; a failure is kept in ``save_problem``, never raised."""
        try:
            path = saves.write_slot(self.folder, slot, self.data())
        except OSError as e:
            self.save_problem = f"{self.folder}: {e.strerror or e}"  # where, and why
            return None
        self.last_save, self.save_problem = path, None
        return path

    def autosave(self) -> Path | None:
        """Save into the newest autosave slot, keeping the previous ones."""
        return self.save("autosave")

    def quicksave(self) -> Path | None:
        """Save into the quick-save slot."""
        return self.save(saves.QUICKSAVE)

    # ── branches ─────────────────────────────────────────────────────────
    def replayed(self, until: int | None = None) -> list[Game]:
        """Copies of the game at the start of each turn played (and at its end when it is over), up to turn ``until``."""
        g = new_game(self.scenario, self.seed, difficulty=self.game.difficulty.id)
        starts = [g.clone()]
        for decision in self.game.history:
            if until is not None and g.turn >= until and not g.pending_crisis:
                break
            before = g.turn
            g.play(decision)
            if (g.turn != before and g.pending_crisis is None) or g.is_over:
                starts.append(g.clone())
        return starts

    def branch(self, turn: int) -> Campaign:
        """A what-if: a new campaign (its own saves) at the start of ``turn``, same seed, ready to play differently."""
        if turn < 1:
            raise ValueError(f"turns start at 1, not {turn}")
        return Campaign(self.scenario, self.source, self.seed, self.replayed(until=turn)[-1])


@dataclass(frozen=True)
class Opened:
    """A campaign opened from a save, and a notice for the player when only part of it replayed."""

    campaign: Campaign
    notice: saves.BadSave | None = None


def _loc(names: dict[str, str]) -> Loc:
    return {lang: {_SCENARIO_NAME.key: name} for lang, name in names.items()}


def _bad(msg: Msg, names: dict[str, str]) -> BadSave:
    return BadSave(msg, _loc(names))


class FolderScenario(BadSave):
    """A save played on a scenario folder that is not one of the game's own: it names a path on this machine, so it
    is opened only when the caller names that folder (``open_save(path, error.folder)``) — the player's choice."""

    def __init__(self, file: str, folder: Path) -> None:
        self.folder = folder
        """The folder the save would load, absolute."""
        super().__init__(Msg.of("save.folder_scenario", file=file, folder=saves.shown(folder)))

    def chosen(self, folder: Path | None) -> bool:
        """Whether ``folder`` (the one the player started the game on, say) is this save's folder."""
        return folder is not None and _same_folder(folder, self.folder)


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of links, a name too long
        return False


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder here, without raising for a name too long or a NUL byte."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def open_save(path: Path, scenario_folder: Path | None = None) -> Opened:
    """Reopen a save on the scenario it was played on (or on ``scenario_folder``); raises :class:`BadSave`.

    A bundled scenario opens by its id. A save played on a folder raises :class:`FolderScenario` unless
    ``scenario_folder`` names a folder: a save file never decides on its own which folder is loaded.
    """
    data = saves.read(path)
    names = saves.info(path).names or {"ja": str(data["scenario"]), "en": str(data["scenario"])}
    if scenario_folder is not None:
        source, folder = Source.of(scenario_folder), scenario_folder
    else:
        source = Source.from_json(data["source"])
        folder = _saved_folder(path, source, str(data["scenario"]), names)
    if not _is_folder(folder):
        raise _bad(Msg.of("save.missing_scenario", name=_SCENARIO_NAME), names)
    other_version = _other_version(source)
    result = load(folder)
    if not result.ok or result.scenario is None:
        raise _bad(Msg.of("save.scenario_broken", name=_SCENARIO_NAME, path=saves.shown(folder)), names)
    scenario = result.scenario
    if scenario.id != data["scenario"]:
        raise _bad(Msg.of("save.other_scenario", file=saves.shown(path.name), name=_SCENARIO_NAME, other=scenario.id),
                   names)
    if scenario.content_hash != data["content_hash"]:
        campaign, played, total = _partial(scenario, source, data)
        changed = Msg.of("save.changed_scenario", name=_SCENARIO_NAME, played=played, total=total)
        notice = _bad(_with_version(other_version, changed), names)
        return Opened(campaign, notice)
    campaign = _whole(path, scenario, source, data)
    if other_version is not None:  # the same rules under another version number: it replays as saved
        return Opened(campaign, _bad(_with_version(other_version, Msg.of("save.mod_same_rules")), names))
    return Opened(campaign)


def _other_version(source: Source) -> dict[str, str] | None:
    """When a save played on a mod is opened on another version of it: the mod and both versions."""
    if not source.mod:
        return None
    mod = mods.find_mod(source.mod)
    if mod is None or mod.version == source.version:
        return None
    return {"mod": mod.id, "saved": source.version or "?", "installed": mod.version}


def _with_version(versions: dict[str, str] | None, then: Msg) -> Msg:
    """A notice, after the note on the mod's versions when the save was made on another one."""
    return then if versions is None else Msg.of("save.mod_other_version", **versions, rest=then)


def _saved_folder(path: Path, source: Source, scenario_id: str, names: dict[str, str]) -> Path:
    """The bundled or installed mod's folder a save names; a folder of its own raises :class:`FolderScenario` (when
    it exists). A mod that is not installed, or cannot be played now, is refused with its id and version."""
    if source.mod:
        mod = mods.find_mod(source.mod)
        if mod is None:
            raise _bad(Msg.of("save.mod_missing", name=_SCENARIO_NAME, mod=source.mod, version=source.version or "?"),
                       names)
        if not mod.playable:
            raise _bad(Msg.of("save.mod_unplayable", name=_SCENARIO_NAME, mod=source.mod, version=mod.version or "?"),
                       names)
        return mod.path
    if not source.bundled and source.folder:
        folder = Path(os.path.abspath(source.folder))
        if not _is_folder(folder):
            raise _bad(Msg.of("save.missing_scenario", name=_SCENARIO_NAME), names)
        raise FolderScenario(saves.shown(path.name), folder)
    found = (bundled_by_id(source.bundled) if source.bundled else None) or bundled_by_id(scenario_id)
    if found is None:
        raise _bad(Msg.of("save.missing_scenario", name=_SCENARIO_NAME), names)
    return found


def _whole(path: Path, scenario: Scenario, source: Source, data: dict[str, object]) -> Campaign:
    seed = int(str(data["seed"]))
    if not data["difficulty"]:  # the game always writes the level it played: an empty one was edited away
        raise BadSave(Msg.of("save.damaged", file=path.name, field="difficulty"))
    try:
        game = new_game(scenario, seed, difficulty=str(data["difficulty"]))
    except Refusal as e:
        raise BadSave(Msg.of("save.does_not_replay", file=path.name, why=e.msg), scenario.loc) from None
    log = data["log"]
    assert isinstance(log, list)
    try:
        for text in log:
            game.play(parse_decision(str(text)))
    except Refusal as e:
        raise BadSave(Msg.of("save.does_not_replay", file=path.name, why=e.msg), scenario.loc) from None
    except ValueError as e:
        raise BadSave(Msg.of("save.does_not_replay", file=path.name, why=str(e))) from None
    if data.get("state_hash") != state_hash(game):
        raise BadSave(Msg.of("save.different_game", file=path.name))
    return Campaign(scenario, source, seed, game, _campaign_id(path, data), _weighting(data))


def _weighting(data: dict[str, object]) -> str | None:
    """The weighting a save names (saves from before weightings name none: the scenario's first applies)."""
    chosen = data.get("weighting")
    return chosen if isinstance(chosen, str) else None


def _campaign_id(path: Path, data: dict[str, object]) -> str:
    """Which campaign a reopened save continues: the folder it lies in, when that is a campaign folder of the
    saves folder, so a copied campaign folder goes on in the copy and never writes over the original; else the
    id the save records."""
    try:
        in_saves = path.parent.parent.resolve() == saves.saves_dir().resolve()
    except OSError:
        in_saves = False
    return path.parent.name if in_saves else str(data["campaign"])


def _partial(scenario: Scenario, source: Source, data: dict[str, object]) -> tuple[Campaign, int, int]:
    """Replay as much of the log as the changed scenario accepts, as a new campaign (the old saves stay as they are)."""
    known = scenario.difficulty_ids()
    level = str(data["difficulty"]) if data["difficulty"] in known else None
    seed = int(str(data["seed"]))
    game = new_game(scenario, seed, difficulty=level)
    log = data["log"]
    assert isinstance(log, list)
    played = 0
    for text in log:
        try:
            game.play(parse_decision(str(text)))
        except (Refusal, ValueError):
            break
        played += 1
    return Campaign(scenario, source, seed, game, weighting=_weighting(data)), played, len(log)

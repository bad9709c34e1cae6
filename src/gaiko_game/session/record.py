"""A game as data: scenario id and content hash (and the mod and version it came from), seed, difficulty and
decision log — enough to rebuild it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from gaiko_game.core import Game, Scenario, parse_decision
from gaiko_game.session.seeding import replay


class ScenarioMismatch(ValueError):
    """The record was made with different scenario content than the one given."""


@dataclass(frozen=True, slots=True)
class Record:
    """What identifies a game completely."""

    scenario_id: str
    content_hash: str
    seed: int
    log: tuple[str, ...]
    difficulty: str = "standard"
    mod: str = ""
    """The installed mod the scenario came from (empty for a bundled scenario or a folder)."""
    mod_version: str = ""

    @staticmethod
    def of(game: Game, seed: int, mod: str = "", mod_version: str = "") -> Record:
        """The record of a game played from ``seed`` (on an installed mod's scenario: its id and version)."""
        sc = game.scenario
        return Record(sc.id, sc.content_hash, seed, tuple(str(d) for d in game.history), game.difficulty.id,
                      mod, mod_version)


def state_hash(game: Game) -> str:
    """A digest of everything that decides the game from here on (its fingerprint)."""
    return hashlib.sha256(repr(game.fingerprint()).encode()).hexdigest()


def rebuild(scenario: Scenario, record: Record) -> Game:
    """Replay a record on its scenario; refuses a scenario whose content has changed."""
    if (scenario.id, scenario.content_hash) != (record.scenario_id, record.content_hash):
        raise ScenarioMismatch(f"this game was played on other content of scenario '{record.scenario_id}'")
    return replay(scenario, record.seed, [parse_decision(d) for d in record.log], record.difficulty)

"""A game as data: scenario id and content hash, seed, and the action log — enough to rebuild it."""

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

    @staticmethod
    def of(game: Game, seed: int) -> Record:
        """The record of a game played from ``seed``."""
        sc = game.scenario
        return Record(sc.id, sc.content_hash, seed, tuple(str(d) for d in game.history), game.difficulty.id)


def state_hash(game: Game) -> str:
    """A digest of everything that decides the game from here on (its state's fingerprint)."""
    return hashlib.sha256(repr(game.state.fingerprint()).encode()).hexdigest()


def rebuild(scenario: Scenario, record: Record) -> Game:
    """Replay a record on its scenario; refuses a scenario whose content has changed."""
    if (scenario.id, scenario.content_hash) != (record.scenario_id, record.content_hash):
        raise ScenarioMismatch(
            f"this game was played on scenario '{record.scenario_id}' with content {record.content_hash[:12]}, "
            f"but '{scenario.id}' now has content {scenario.content_hash[:12]}"
        )
    return replay(scenario, record.seed, [parse_decision(d) for d in record.log], record.difficulty)

"""One PCG64 stream per game, seeded by numpy's SeedSequence, stepped by the core."""

from __future__ import annotations

import numpy as np

from gaiko_game.core import Game, Pcg64, Scenario
from gaiko_game.core.decisions import Decision

GAME_STREAM = 0
POLICY_STREAM = 1


def stream(seed: int, purpose: int = GAME_STREAM) -> Pcg64:
    """The stream for a seed: the game's own (numpy's ``PCG64(seed)``) or a policy's."""
    if seed < 0:
        raise ValueError(f"seeds are whole numbers from 0 up, got {seed}")
    source = seed if purpose == GAME_STREAM else np.random.SeedSequence([seed, purpose])
    st = np.random.PCG64(source).state["state"]
    return Pcg64(int(st["state"]), int(st["inc"]))


def new_game(scenario: Scenario, seed: int, *, difficulty: str | None = None, undo: bool = True) -> Game:
    """A fresh game of a scenario at a difficulty (``undo=False`` for simulations: no undo stack)."""
    return Game(scenario, stream(seed), difficulty=difficulty, undo=undo)


def replay(scenario: Scenario, seed: int, history: list[Decision], difficulty: str | None = None) -> Game:
    """Rebuild a game from its seed, difficulty and action log."""
    game = new_game(scenario, seed, difficulty=difficulty)
    for decision in history:
        game.play(decision)
    return game

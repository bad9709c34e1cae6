"""A campaign's seed → one random source per purpose, each drawn from numpy's SeedSequence.

Purposes: ``rolls`` (the odds of actions and crisis answers), ``deck`` (the crisis deck and
the news, a key for counter-based draws), ``policy`` (a built-in strategy's own choices) and
``actor`` (one stream per actor, by id). Because each purpose has its own source, two players
who start from the same seed meet the same dealt crises whatever their rolls: the classroom's
duplicate format depends on this. SeedSequence's output is stable across numpy versions; every
later draw is made by the core's own pure-Python helpers.
"""

from __future__ import annotations

import zlib

import numpy as np

from gaiko_game.core import Game, Pcg64, Randomness, Scenario
from gaiko_game.core.decisions import Decision

PURPOSES = {"rolls": 1, "deck": 2, "policy": 3, "actor": 4}


def _entropy(seed: int, purpose: str, name: str) -> list[int]:
    if seed < 0:
        raise ValueError(f"seeds are whole numbers from 0 up, got {seed}")
    words = [seed, PURPOSES[purpose]]
    return words + [zlib.crc32(name.encode("utf-8"))] if name else words


def stream(seed: int, purpose: str, name: str = "") -> Pcg64:
    """The PCG64 stream for a purpose (and a name within it, e.g. an actor's id)."""
    st = np.random.PCG64(np.random.SeedSequence(_entropy(seed, purpose, name))).state["state"]
    return Pcg64(int(st["state"]), int(st["inc"]))


def deck_key(seed: int) -> int:
    """The 64-bit key of the crisis deck's counter-based draws."""
    return int(np.random.SeedSequence(_entropy(seed, "deck", "")).generate_state(1, np.uint64)[0])


def randomness(seed: int) -> Randomness:
    """Everything a game draws from, for a seed."""
    return Randomness(deck_key(seed), stream(seed, "rolls"))


def new_game(scenario: Scenario, seed: int, *, difficulty: str | None = None, undo: bool = True,
             explain: bool = True) -> Game:
    """A fresh game of a scenario at a difficulty (``undo=False`` for simulations: no undo stack;
    ``explain=False`` for batch simulations: no reasons recorded)."""
    return Game(scenario, randomness(seed), difficulty=difficulty, undo=undo, explain=explain)


def replay(scenario: Scenario, seed: int, history: list[Decision], difficulty: str | None = None) -> Game:
    """Rebuild a game from its seed, difficulty and decision log."""
    game = new_game(scenario, seed, difficulty=difficulty)
    for decision in history:
        game.play(decision)
    return game

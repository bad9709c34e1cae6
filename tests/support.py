"""Test-only seams into a game's board, for setting up positions the rules would take turns to reach.

Front ends and policies never do this: they read ``game.view`` and decide through the engine's API.
Tests that need an exact starting position (capital at 0, a meter at 1) set it here, in one place.
"""

from __future__ import annotations

from gaiko_game.core import Game
from gaiko_game.core.board import Board
from gaiko_game.core.state import State


def board(game: Game) -> Board:
    """The game's board."""
    return game._b


def state(game: Game) -> State:
    """The game's state."""
    return board(game).state


def set_number(game: Game, key: str, value: int) -> None:
    """Put a number at a value, as if the game had got there."""
    s = state(game)
    s.nums[key] = value
    if key.startswith("dep."):
        s.diversification = -1.0

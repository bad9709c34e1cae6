"""A game as it stood at the start of each turn, rebuilt from its seed and log (for replays and rewinds)."""

from __future__ import annotations

from gaiko_game.core import Game, Phase
from gaiko_game.session.seeding import new_game


def turn_starts(game: Game, seed: int) -> list[Game]:
    """Independent copies of the game at the start of each turn played (and at its end, when it is over)."""
    g = new_game(game.scenario, seed, difficulty=game.difficulty.id)
    starts = [g.clone()]
    for decision in game.history:
        before = g.turn
        g.play(decision)
        if (g.turn != before and g.phase is Phase.ACTIONS) or g.is_over:
            starts.append(g.clone())
    return starts


def at_turn(game: Game, seed: int, turn: int) -> Game:
    """The game rebuilt to the start of ``turn`` (1-based), same seed and difficulty, ready to play on."""
    if turn < 1:
        raise ValueError(f"turns start at 1, not {turn}")
    g = new_game(game.scenario, seed, difficulty=game.difficulty.id)
    for decision in game.history:
        if g.turn >= turn and g.phase is Phase.ACTIONS:
            break
        g.play(decision)
    return g

"""The rules: pure, typed, and free of pygame, YAML and pydantic (a test checks).

Importing this package registers every condition and effect plugin.
"""

from gaiko_game.core import conditions, effects  # noqa: F401  (registers the plugins)
from gaiko_game.core.board import Cause, Change
from gaiko_game.core.decisions import Choose, Decision, EndTurn, Order, parse_decision
from gaiko_game.core.engine import Game
from gaiko_game.core.errors import IllegalAction, IllegalChoice, Refusal, WrongPhase
from gaiko_game.core.model import Scenario
from gaiko_game.core.report import Outcome, TurnReport
from gaiko_game.core.rng import Pcg64
from gaiko_game.core.state import Phase
from gaiko_game.core.text import Msg, Name, Texts

__all__ = [
    "Cause",
    "Change",
    "Choose",
    "Decision",
    "EndTurn",
    "Game",
    "IllegalAction",
    "IllegalChoice",
    "Msg",
    "Name",
    "Order",
    "Outcome",
    "Pcg64",
    "Phase",
    "Refusal",
    "Scenario",
    "Texts",
    "TurnReport",
    "WrongPhase",
    "parse_decision",
]

"""The rules: pure, typed, and free of pygame, YAML and pydantic (a test checks).

The engine's face is :class:`Game` (decisions, queries, clone and undo) with its read-only
:class:`View`; everything else here is what they are built from. Importing this package
registers every condition and effect plugin.
"""

from gaiko_game.core import conditions, effects  # noqa: F401  (registers the plugins)
from gaiko_game.core.decisions import Choose, Deal, Decision, EndTurn, Order, Veto, Withdraw, parse_decision
from gaiko_game.core.engine import Game
from gaiko_game.core.errors import (
    IllegalAction,
    IllegalChoice,
    IllegalDeal,
    NothingToUndo,
    Refusal,
    UnknownDifficulty,
    WrongPhase,
)
from gaiko_game.core.ledger import Cause, Change
from gaiko_game.core.model import Scenario
from gaiko_game.core.preview import Preview
from gaiko_game.core.report import Fired, Outcome, Roll, TurnReport
from gaiko_game.core.rng import Pcg64, Randomness
from gaiko_game.core.state import Phase
from gaiko_game.core.text import Msg, Name, Texts
from gaiko_game.core.view import View

__all__ = [
    "Cause",
    "Change",
    "Choose",
    "Deal",
    "Decision",
    "EndTurn",
    "Fired",
    "Game",
    "IllegalAction",
    "IllegalChoice",
    "IllegalDeal",
    "Msg",
    "Name",
    "NothingToUndo",
    "Order",
    "Outcome",
    "Pcg64",
    "Phase",
    "Preview",
    "Randomness",
    "Refusal",
    "Roll",
    "Scenario",
    "Texts",
    "TurnReport",
    "UnknownDifficulty",
    "Veto",
    "View",
    "Withdraw",
    "WrongPhase",
    "parse_decision",
]

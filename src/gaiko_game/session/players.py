"""Every kind of player, found by name: random play, the look-ahead advisor, a shipped or a scenario's
strategy file by id, or a strategy file by path.
"""

from __future__ import annotations

from pathlib import Path

from gaiko_game.core import Pcg64, Scenario
from gaiko_game.session.advisor import LookaheadPolicy
from gaiko_game.session.policies import Policy, RandomPolicy
from gaiko_game.session.strategy import BadStrategy, StrategyPolicy, load_strategy, scenario_paths, shipped_paths

CODED = ("random", "lookahead")
"""The players written in code; every other player is a strategy file."""


def player_names(folder: Path | None = None) -> list[str]:
    """Every player a name finds: random, the shipped strategies, the scenario's own, the advisor."""
    return ["random", *shipped_paths(), *(n for n in scenario_paths(folder) if n not in shipped_paths()), "lookahead"]


def strategy_path(name: str, folder: Path | None = None) -> Path:
    """The file a strategy name means: a path to a file, the scenario's own, or a shipped one."""
    given = Path(name)
    if given.suffix in (".yaml", ".yml") or given.is_file():
        return given
    found = scenario_paths(folder).get(name) or shipped_paths().get(name)
    if found is None:
        raise BadStrategy(f"there is no player '{name}'; choose one of: {', '.join(player_names(folder))}, "
                          "or give a strategy file's path")
    return found


def make_policy(name: str, rng: Pcg64, scenario: Scenario | None = None, folder: Path | None = None) -> Policy:
    """A player by name (see :func:`player_names`) or strategy file path; raises ``BadStrategy`` with the reason."""
    if name == "random":
        return RandomPolicy(rng)
    if name == "lookahead":
        return LookaheadPolicy(rng)
    return StrategyPolicy(load_strategy(strategy_path(name, folder), scenario), rng)

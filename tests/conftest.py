"""Shared fixtures: the small rules scenario and the bundled scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko_game.core import Game, Scenario
from gaiko_game.scenario.loader import load
from gaiko_game.session.seeding import new_game

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLED = sorted(p for p in (ROOT / "scenarios").iterdir() if (p / "scenario.yaml").is_file())


def load_ok(path: Path) -> Scenario:
    """Load a scenario that must have no errors."""
    result = load(path)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    assert result.scenario is not None
    return result.scenario


@pytest.fixture(scope="session")
def mini() -> Scenario:
    return load_ok(FIXTURES / "mini")


@pytest.fixture(scope="session")
def default() -> Scenario:
    return load_ok(ROOT / "scenarios" / "indo_pacific_2025")


@pytest.fixture
def game(mini: Scenario) -> Game:
    return new_game(mini, 7)

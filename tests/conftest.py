"""Shared fixtures: the small rules scenario, the bundled scenarios and the test-only second scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko_game.core import Game, Scenario
from gaiko_game.scenario.loader import load
from gaiko_game.session.seeding import new_game

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLED = sorted(p for p in (ROOT / "scenarios").iterdir() if (p / "scenario.yaml").is_file())
NORTHERN = FIXTURES / "northern_watch"
"""A scenario for another country (Finland), with four meters and its own map region: the frame is data."""
PLAYABLE = [*BUNDLED, NORTHERN, FIXTURES / "mini"]
"""Every scenario the conformance tests play."""

_LOADED: dict[Path, Scenario] = {}


def load_ok(path: Path) -> Scenario:
    """Load a scenario that must have no errors (each folder once per test run)."""
    key = path.resolve()
    if key not in _LOADED:
        result = load(path)
        assert result.ok, "\n".join(d.format() for d in result.diagnostics)
        assert result.scenario is not None
        _LOADED[key] = result.scenario
    return _LOADED[key]


@pytest.fixture(scope="session")
def mini() -> Scenario:
    return load_ok(FIXTURES / "mini")


@pytest.fixture(scope="session")
def default() -> Scenario:
    return load_ok(ROOT / "scenarios" / "indo_pacific_2025")


@pytest.fixture(scope="session")
def tutorial() -> Scenario:
    return load_ok(ROOT / "scenarios" / "tutorial")


@pytest.fixture(scope="session")
def northern() -> Scenario:
    return load_ok(NORTHERN)


@pytest.fixture
def game(mini: Scenario) -> Game:
    return new_game(mini, 7)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder (saves, logs, debriefs) and config folder for one test."""
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "data"

"""Shared by the commands: finding the bundled scenario, loading with printed diagnostics."""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path

from gaiko_game.core import Scenario
from gaiko_game.scenario.diagnostics import format_all
from gaiko_game.scenario.loader import load

DEFAULT_SCENARIO = "indo_pacific_2025"


def scenarios_root() -> Path:
    """Where bundled scenarios are: inside the installed package, else the source checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "scenarios"
    return packaged if packaged.is_dir() else here.parent.parent / "scenarios"


def default_scenario() -> Path:
    """The bundled default scenario's folder."""
    return scenarios_root() / DEFAULT_SCENARIO


def default_lang() -> str:
    """Japanese on a Japanese system, else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    code = locale.getlocale()[0] or ""
    return "ja" if code.lower().startswith("ja") else "en"


def load_or_report(path: Path) -> Scenario | None:
    """Load a scenario; print its problems to stderr and return None when it has errors."""
    result = load(path)
    if not result.ok:
        sys.stderr.write(format_all(result.diagnostics, limit_per_file=50) + "\n")
        sys.stderr.write(f"cannot start: {path} has errors (run 'gaiko validate {path}' for all of them)\n")
        return None
    return result.scenario

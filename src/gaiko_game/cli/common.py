"""Shared by the commands: the user's language, loading a scenario with printed diagnostics."""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path

from gaiko_game.core import Scenario
from gaiko_game.scenario.diagnostics import format_all
from gaiko_game.scenario.loader import load


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

"""`gaiko validate PATH...`: exit 0 when clean or warnings only, 1 on errors."""

from __future__ import annotations

from pathlib import Path

from gaiko_game.scenario.diagnostics import format_all
from gaiko_game.scenario.loader import load


def run_validate(paths: list[Path], show_all: bool = False) -> int:
    """Validate each folder and print its diagnostics."""
    failed = False
    for path in paths:
        result = load(path)
        errors = sum(d.is_error for d in result.diagnostics)
        if result.diagnostics:
            print(format_all(result.diagnostics, None if show_all else 50))
        status = "FAILED" if errors else "ok"
        print(f"{path}: {status}")
        failed |= errors > 0
    return 1 if failed else 0

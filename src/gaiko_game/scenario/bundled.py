"""Where the bundled scenarios are: inside the installed package, else the source checkout."""

from __future__ import annotations

from pathlib import Path

DEFAULT_SCENARIO = "indo_pacific_2025"


def scenarios_root() -> Path:
    """The folder holding the bundled scenarios."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "scenarios"
    return packaged if packaged.is_dir() else here.parent.parent / "scenarios"


def default_scenario() -> Path:
    """The bundled default scenario's folder."""
    return scenarios_root() / DEFAULT_SCENARIO


def bundled() -> list[Path]:
    """Every bundled scenario folder."""
    root = scenarios_root()
    return sorted(p for p in root.iterdir() if (p / "scenario.yaml").is_file()) if root.is_dir() else []

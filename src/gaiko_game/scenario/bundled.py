"""Where the bundled scenarios and assets are: inside the installed package, else the source checkout."""

from __future__ import annotations

from pathlib import Path

DEFAULT_SCENARIO = "indo_pacific_2025"
WORLD_MAP = "world.json"

_PACKAGE = Path(__file__).resolve().parent.parent


def _data(name: str) -> Path:
    """A data folder of the installed package (``gaiko_game/<name>``), else of the source checkout."""
    packaged = _PACKAGE / name
    return packaged if packaged.is_dir() else _PACKAGE.parent.parent / name


def scenarios_root() -> Path:
    """The folder holding the bundled scenarios."""
    return _data("scenarios")


def strategies_root() -> Path:
    """The folder holding the strategy files shipped with the game."""
    return _data("strategies")


def assets_root() -> Path:
    """The folder holding the game's assets (map, fonts)."""
    return _data("assets")


def templates_root() -> Path:
    """The folder holding the templates `gaiko new` copies (a new scenario, a layer)."""
    return _data("templates")


def world_map() -> Path:
    """The bundled low-resolution world map that scenarios crop their region from."""
    return assets_root() / "map" / WORLD_MAP


def default_scenario() -> Path:
    """The bundled default scenario's folder."""
    return scenarios_root() / DEFAULT_SCENARIO


def bundled() -> list[Path]:
    """Every bundled scenario folder."""
    root = scenarios_root()
    return sorted(p for p in root.iterdir() if (p / "scenario.yaml").is_file()) if root.is_dir() else []


def bundled_by_id(scenario_id: str) -> Path | None:
    """The bundled scenario folder with this id (its folder name), if there is one."""
    return next((p for p in bundled() if p.name == scenario_id), None)

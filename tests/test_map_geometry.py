"""A scenario may bring its own map geometry instead of the bundled world map; a broken file is a located error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from gaiko_game.present.map import map_data
from gaiko_game.scenario.loader import load
from tests.conftest import FIXTURES

SQUARE = [[140.0, 30.0], [150.0, 30.0], [150.0, 40.0], [140.0, 40.0]]


def with_geometry(tmp_path: Path, text: str, name: str = "Homeland") -> Path:
    folder = tmp_path / "own_map"
    shutil.copytree(FIXTURES / "mini", folder)
    (folder / "shapes.json").write_text(text)
    sc = (folder / "scenario.yaml").read_text()
    sc = sc.replace("  countries: {home: Japan, china: China, india: India}",
                    f"  geometry: shapes.json\n  countries: {{home: {name}}}")
    (folder / "scenario.yaml").write_text(sc)
    return folder


def test_a_scenarios_own_geometry_file_draws_its_countries(tmp_path: Path) -> None:
    text = json.dumps({"source": "drawn by hand for a test", "countries": [{"name": "Homeland", "rings": [SQUARE]}]})
    result = load(with_geometry(tmp_path, text))
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.scenario is not None
    shapes = map_data(result.scenario).shapes
    assert [(s.name, s.actor) for s in shapes] == [("Homeland", "home")]
    assert shapes[0].rings == (tuple(tuple(p) for p in SQUARE),)


def test_a_country_the_geometry_lacks_is_named_with_a_hint(tmp_path: Path) -> None:
    text = json.dumps({"countries": [{"name": "Homeland", "rings": [SQUARE]}]})
    result = load(with_geometry(tmp_path, text, name="Homelnd"))
    assert [(d.code, d.message, d.hint) for d in result.diagnostics] == [
        ("unknown-id", "the map has no country 'Homelnd'", "did you mean 'Homeland'?")]


def test_a_broken_geometry_file_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    folder = with_geometry(tmp_path, '{"countries": [ {"name": "Homeland", "rings": [[[1, 2], [3')
    result = load(folder)
    (d,) = result.diagnostics
    assert d.code == "bad-geometry" and d.message.startswith("shapes.json:1:") and "not valid JSON" in d.message
    assert d.file.endswith("scenario.yaml") and d.line > 1 and result.scenario is None

"""The committed world map (assets/map/world.json, made by tools/build_map.py) is usable.

No network: these tests read the committed asset and the generated list of its country names
(docs/modding/map-countries.md). Expected values are geography, not copies of the tool's tables.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSET = ROOT / "assets" / "map" / "world.json"
DOC = ROOT / "docs" / "modding" / "map-countries.md"
TOOL = ROOT / "tools" / "build_map.py"
MAX_BYTES = 450 * 1024

Ring = list[list[float]]

# Names scenarios are sure to use, spelt as Natural Earth spells them.
REQUIRED = ["Singapore", "Japan", "Taiwan", "India", "Australia", "China", "Russia",
            "United States of America", "South Korea", "North Korea", "Philippines", "Sri Lanka"]

# Points well inside islands that must survive simplification: (country, island, lon, lat).
ISLANDS = [
    ("Singapore", "Singapore", 103.82, 1.35),
    ("Japan", "Hokkaido", 142.8, 43.4),
    ("Japan", "Honshu (Tokyo)", 139.7, 35.7),
    ("Japan", "Shikoku", 133.5, 33.7),
    ("Japan", "Kyushu", 130.8, 32.6),
    ("Taiwan", "Taiwan", 121.0, 23.7),
    ("Sri Lanka", "Sri Lanka", 80.7, 7.8),
    ("Philippines", "Luzon", 121.0, 16.0),
    ("Philippines", "Mindanao", 125.0, 7.5),
    ("Philippines", "Samar", 125.0, 12.0),
    ("Philippines", "Leyte", 124.8, 11.0),
    ("Philippines", "Panay", 122.5, 11.1),
    ("Philippines", "Negros", 123.0, 10.0),
    ("Philippines", "Cebu", 123.75, 10.4),
    ("Philippines", "Mindoro", 121.0, 12.9),
    ("Philippines", "Palawan", 118.5, 9.6),
    ("Russia", "Etorofu", 147.8, 45.0),
    ("Russia", "Kunashiri", 146.0, 44.2),
    ("Russia", "Shikotan", 146.74, 43.8),
    ("Russia", "Habomai (Shibotsu)", 146.06, 43.43),
]

# The Northern Territories: drawn by Natural Earth as part of Russia; scenarios split them out.
NT_BOX = (145.0, 149.0, 43.0, 45.65)


@pytest.fixture(scope="module")
def asset() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ASSET.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def by_name(asset: dict[str, Any]) -> dict[str, list[Ring]]:
    return {c["name"]: c["rings"] for c in asset["countries"]}


def rings(asset: dict[str, Any]) -> list[tuple[str, Ring]]:
    return [(c["name"], ring) for c in asset["countries"] for ring in c["rings"]]


def edges(ring: Ring) -> list[tuple[list[float], list[float]]]:
    """Every side of the ring, including the closing one from the last point to the first."""
    return list(zip(ring, ring[1:] + ring[:1], strict=True))


def shoelace(ring: Ring) -> float:
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in edges(ring))


def inside(lon: float, lat: float, ring: Ring) -> bool:
    """Even-odd ray casting towards +lon."""
    hit = False
    for (x0, y0), (x1, y1) in edges(ring):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_map", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_file_size() -> None:
    assert ASSET.stat().st_size <= MAX_BYTES


def test_one_country_per_line() -> None:
    lines = ASSET.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"source": ') and lines[-1] == "]}"
    assert all(line.startswith('{"name":') for line in lines[1:-1])


def test_shape_names_sorted_and_unique(asset: dict[str, Any]) -> None:
    assert set(asset) == {"source", "countries"}
    assert "Natural Earth 4.1.0" in asset["source"] and "world-atlas 2.0.2" in asset["source"]
    assert "\n" not in asset["source"]
    names = [c["name"] for c in asset["countries"]]
    assert names == sorted(names) and len(set(names)) == len(names)
    assert len(names) > 200
    for c in asset["countries"]:
        assert set(c) == {"name", "rings"} and isinstance(c["name"], str) and c["rings"], c["name"]


def test_rings_are_open_polygons_with_area(asset: dict[str, Any]) -> None:
    bad = []
    for name, ring in rings(asset):
        points_ok = all(len(p) == 2 and all(isinstance(v, (int, float)) for v in p) for p in ring)
        repeated = any(p == q for p, q in edges(ring))  # also catches a closed ring
        if not points_ok or len(ring) < 3 or repeated or shoelace(ring) == 0:
            bad.append(name)
    assert bad == []


def test_no_ring_jumps_across_the_map(asset: dict[str, Any]) -> None:
    jumps = [name for name, ring in rings(asset) for p, q in edges(ring) if abs(q[0] - p[0]) > 180]
    assert jumps == []


def test_coordinates_are_in_range(asset: dict[str, Any]) -> None:
    """Unwrapped rings may run past +-180, but each is placed with its middle within +-180."""
    bad = []
    for name, ring in rings(asset):
        xs, ys = [x for x, _ in ring], [y for _, y in ring]
        if not (-180 <= (min(xs) + max(xs)) / 2 <= 180 and max(xs) - min(xs) < 360
                and min(ys) >= -90 and max(ys) <= 90):
            bad.append(name)
    assert bad == []


def test_the_antimeridian_is_crossed_by_unwrapped_rings(by_name: dict[str, list[Ring]]) -> None:
    """Chukotka lies on both sides of 180: unwrapped, Russia's longitudes run past 180."""
    assert max(x for ring in by_name["Russia"] for x, _ in ring) > 185
    assert all(math.isfinite(v) for ring in by_name["Russia"] for p in ring for v in p)


@pytest.mark.parametrize("name", REQUIRED)
def test_required_countries_are_present(by_name: dict[str, list[Ring]], name: str) -> None:
    assert by_name[name]


@pytest.mark.parametrize(("name", "island", "lon", "lat"), ISLANDS, ids=[i[1] for i in ISLANDS])
def test_islands_survive_simplification(
    by_name: dict[str, list[Ring]], name: str, island: str, lon: float, lat: float
) -> None:
    assert any(inside(lon, lat, ring) for ring in by_name[name]), island


def test_open_sea_is_in_no_country(asset: dict[str, Any]) -> None:
    # The Philippine Sea south of Honshu, and the Pacific off Hawaii.
    for lon, lat in [(137.0, 25.0), (-150.0, 15.0)]:
        assert not any(inside(lon, lat, ring) for _, ring in rings(asset))


def test_tokyo_is_japanese_not_chinese(by_name: dict[str, list[Ring]]) -> None:
    assert any(inside(139.7, 35.7, ring) for ring in by_name["Japan"])
    assert not any(inside(139.7, 35.7, ring) for ring in by_name["China"])


def test_the_northern_territories_are_russian_rings_inside_their_box(
    by_name: dict[str, list[Ring]]
) -> None:
    west, east, south, north = NT_BOX
    in_box = [r for r in by_name["Russia"]
              if all(west <= x <= east and south <= y <= north for x, y in r)]
    assert len(in_box) >= 4  # Etorofu, Kunashiri, Shikotan and the Habomai islets
    assert max(x for ring in in_box for x, _ in ring) > 148.5  # Etorofu's eastern end
    assert not any(all(west <= x <= east and south <= y <= north for x, y in r)
                   for r in by_name["Japan"])


def doc_rows() -> list[tuple[str, float, float]]:
    row = re.compile(r"^\| (.+) \| (-?\d+\.\d) \| (-?\d+\.\d) \|$")
    found = [row.match(line) for line in DOC.read_text(encoding="utf-8").splitlines()]
    return [(m[1], float(m[2]), float(m[3])) for m in found if m]


def test_the_doc_lists_exactly_the_asset_names(asset: dict[str, Any]) -> None:
    assert [name for name, _, _ in doc_rows()] == [c["name"] for c in asset["countries"]]


def test_the_doc_centres_are_plausible() -> None:
    centres = {name: (lon, lat) for name, lon, lat in doc_rows()}
    assert all(-180 <= lon < 180 and -90 <= lat <= 90 for lon, lat in centres.values())
    lon, lat = centres["Japan"]  # Honshu, the largest island
    assert 132 < lon < 142 and 33 < lat < 41
    lon, lat = centres["United States of America"]  # the lower 48
    assert -110 < lon < -85 and 32 < lat < 45


def test_the_tools_pure_functions_on_tiny_inputs() -> None:
    tool = load_tool()
    # Crossing 180 eastwards, then westwards: no step of more than 180 degrees remains.
    assert tool.unwrap([(179.0, 0.0), (-179.0, 1.0), (-179.0, -1.0)]) == [
        (179.0, 0.0), (181.0, 1.0), (181.0, -1.0)]
    assert tool.unwrap([(-179.0, 0.0), (179.0, 1.0)]) == [(-179.0, 0.0), (-181.0, 1.0)]
    assert tool.recentre([(190.0, 0.0), (200.0, 0.0), (195.0, 5.0)]) == [
        (-170.0, 0.0), (-160.0, 0.0), (-165.0, 5.0)]
    assert tool.recentre([(179.0, 0.0), (181.0, 1.0)]) == [(179.0, 0.0), (181.0, 1.0)]
    # A square with a 0.001-degree bump on one side: the bump goes, the corners stay.
    square = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
    assert tool.simplify(square, 0.05) == [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
    # Rounding merges neighbours, drops the repeated closing point and never writes -0.0.
    tidied = tool.tidy([(-0.001, 0.0), (0.0, 0.004), (1.0, 0.0), (0.0011, 0.001)], 2)
    assert tidied == [(0.0, 0.0), (1.0, 0.0)]
    assert math.copysign(1.0, tidied[0][0]) == 1.0
    assert tool.extremes([(0.0, 0.0), (1.0, -1.0), (2.0, 0.0), (1.5, 0.5), (1.0, 1.0)]) == [
        (0.0, 0.0), (1.0, -1.0), (2.0, 0.0), (1.0, 1.0)]

"""The committed map extract (assets/map/indo_pacific.json, made by tools/build_map.py) is usable.

No network: these tests read only the committed file.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSET = ROOT / "assets" / "map" / "indo_pacific.json"
MAX_BYTES = 150 * 1024
EPS = 1e-6

# Game actor id -> Natural Earth name; "us" has no territory inside the crop.
ACTORS = {
    "japan": "Japan",
    "china": "China",
    "india": "India",
    "australia": "Australia",
    "south_korea": "South Korea",
    "north_korea": "North Korea",
    "russia": "Russia",
    "taiwan": "Taiwan",
    "vietnam": "Vietnam",
    "philippines": "Philippines",
    "indonesia": "Indonesia",
    "thailand": "Thailand",
    "malaysia": "Malaysia",
    "singapore": "Singapore",
}

Ring = list[list[float]]


@pytest.fixture(scope="module")
def asset() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ASSET.read_text(encoding="utf-8"))
    return data


def rings(asset: dict[str, Any]) -> list[tuple[str, Ring]]:
    return [(c["name"], ring) for c in asset["countries"] for ring in c["rings"]]


def country(asset: dict[str, Any], name: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [c for c in asset["countries"] if c["name"] == name]
    assert len(found) == 1, name
    return found[0]


def inside(lon: float, lat: float, ring: Ring) -> bool:
    """Even-odd ray casting towards +lon; the ring is open or closed, either works."""
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def in_country(asset: dict[str, Any], name: str, lon: float, lat: float) -> bool:
    return any(inside(lon, lat, ring) for ring in country(asset, name)["rings"])


def mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def test_file_size() -> None:
    assert ASSET.stat().st_size <= MAX_BYTES


def test_loads_with_the_expected_shape(asset: dict[str, Any]) -> None:
    assert set(asset) == {"bounds", "source", "countries"}
    assert set(asset["bounds"]) == {"west", "east", "south", "north"}
    assert "Natural Earth" in asset["source"]
    names = [c["name"] for c in asset["countries"]]
    assert names == sorted(names) and len(set(names)) == len(names)
    for c in asset["countries"]:
        assert set(c) - {"disputed"} == {"name", "actor", "rings"}
        assert c["actor"] is None or c["actor"] in ACTORS
        assert c["rings"], c["name"]
    for name, ring in rings(asset):
        assert len(ring) >= 3, name
        assert all(len(p) == 2 and all(isinstance(v, (int, float)) for v in p) for p in ring), name


def test_bounds_are_landscape_under_mercator(asset: dict[str, Any]) -> None:
    b = asset["bounds"]
    assert b["west"] < b["east"] and b["south"] < b["north"]
    width = math.radians(b["east"] - b["west"])
    height = mercator_y(b["north"]) - mercator_y(b["south"])
    assert width / height >= 1.6


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_every_actor_has_a_country_with_rings(asset: dict[str, Any], actor: str) -> None:
    found = [c for c in asset["countries"] if c["actor"] == actor]
    assert len(found) == 1
    assert found[0]["name"] == ACTORS[actor]
    assert len(found[0]["rings"]) >= 1


def test_us_is_not_in_the_crop(asset: dict[str, Any]) -> None:
    assert all(c["actor"] != "us" for c in asset["countries"])


def test_point_in_polygon_helper() -> None:
    square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]
    assert inside(1.0, 1.0, square)
    assert not inside(3.0, 1.0, square)
    assert not inside(1.0, -0.5, square)


def test_tokyo_is_in_japan(asset: dict[str, Any]) -> None:
    assert in_country(asset, "Japan", 139.7, 35.7)
    assert not in_country(asset, "China", 139.7, 35.7)


def test_open_sea_is_in_no_country(asset: dict[str, Any]) -> None:
    # The Philippine Sea, south of Honshu.
    assert not any(inside(137.0, 25.0, ring) for _, ring in rings(asset))


def test_all_coordinates_are_inside_the_bounds(asset: dict[str, Any]) -> None:
    b = asset["bounds"]
    outside = [
        (name, lon, lat)
        for name, ring in rings(asset)
        for lon, lat in ring
        if not (b["west"] - EPS <= lon <= b["east"] + EPS and b["south"] - EPS <= lat <= b["north"] + EPS)
    ]
    assert outside == []


def test_no_ring_crosses_the_antimeridian(asset: dict[str, Any]) -> None:
    jumps = [
        name
        for name, ring in rings(asset)
        for (x0, _), (x1, _) in zip(ring, ring[1:] + ring[:1])
        if abs(x1 - x0) > 180
    ]
    assert jumps == []


def test_no_streaks_across_the_map(asset: dict[str, Any]) -> None:
    """A ring that crossed 180 without being unwrapped clips into a line across the whole map."""
    b = asset["bounds"]

    def along_crop_edge(p: list[float], q: list[float]) -> bool:
        return (p[0] == q[0] and p[0] in (b["west"], b["east"])) or (
            p[1] == q[1] and p[1] in (b["south"], b["north"])
        )

    long_edges = [
        (name, p, q)
        for name, ring in rings(asset)
        for p, q in zip(ring, ring[1:] + ring[:1])
        if not along_crop_edge(p, q) and math.dist(p, q) > 15
    ]
    assert long_edges == []


def test_the_northern_territories_are_a_separate_disputed_area(asset: dict[str, Any]) -> None:
    by_name = {c["name"]: c for c in asset["countries"]}
    nt = by_name["Northern Territories"]
    assert nt["disputed"] is True and nt["actor"] is None and len(nt["rings"]) >= 2
    in_box = lambda ring: all(145.0 <= x <= 149.0 and 43.0 <= y <= 45.65 for x, y in ring)  # noqa: E731
    assert all(in_box(ring) for ring in nt["rings"])
    assert not any(in_box(ring) for ring in by_name["Russia"]["rings"])
    assert max(x for ring in nt["rings"] for x, _ in ring) > 148.5  # Etorofu's eastern end is there

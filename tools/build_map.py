#!/usr/bin/env python3
"""Build the Indo-Pacific map asset (assets/map/indo_pacific.json) from Natural Earth.

Source data
    Natural Earth 4.1.0 "Admin 0 - countries" at 1:50m (public domain), as redistributed in
    TopoJSON by the npm package ``world-atlas`` 2.0.2 (ISC licence), file ``countries-50m.json``.
    Only the 50m file has Singapore; the 110m file does not.

Getting the input by hand
    mkdir /tmp/wa && cd /tmp/wa
    npm pack world-atlas@2.0.2          # writes world-atlas-2.0.2.tgz
    tar xzf world-atlas-2.0.2.tgz       # gives package/countries-50m.json and package/LICENSE
    python tools/build_map.py /tmp/wa/package/countries-50m.json

Usage
    python tools/build_map.py [PATH] [--out FILE] [--tolerance DEG]

    PATH may be ``countries-50m.json`` or the ``world-atlas-2.0.2.tgz`` tarball. Without PATH the
    script runs ``npm pack world-atlas@2.0.2`` in a temporary directory itself (needs npm and the
    network) and reads the JSON straight out of the tarball. The game never fetches anything at run
    time: it reads the committed asset. Standard library only; Python 3.11+.

What the script does, in order
    1. Decodes the TopoJSON itself: arcs are quantised and delta-encoded, so each arc is a running
       sum of integer steps mapped through ``transform`` (scale, translate); a ring is a list of
       arc indices, where a negative index ``i`` means arc ``~i`` reversed, and consecutive arcs
       share their joining point.
    2. Keeps the exterior ring of every polygon. Interior rings (holes) are dropped: the output
       format has no way to mark a hole, and in this crop the only holes are enclaves of about
       0.1 degree (Central Asia, the Caucasus, Oman's Madha inside the UAE), below one pixel.
    3. Unwraps rings that cross the 180 degree meridian (Russia's Chukotka, a Fiji island) so
       consecutive points are never more than 180 degrees apart, then tries the ring shifted by
       -360/0/+360 degrees against the crop.
    4. Clips each ring to the crop rectangle with Sutherland-Hodgman, in plain lon/lat.
       A clipped concave ring can contain zero-width runs lying exactly on the crop edge; a
       renderer that strokes outlines should skip edges that lie on the bounds.
    5. Simplifies each ring with Douglas-Peucker at ``--tolerance`` degrees (default 0.05),
       rounds to 3 decimals, removes repeated points and drops rings with fewer than 3 points
       or no area.
    6. Keys countries by Natural Earth NAME (``properties.name``): Australia and Ashmore and
       Cartier Is. share id 036 and five features have no id. Game actor ids are attached
       through ACTORS below; every other country in the crop is kept with ``"actor": null``.

Output
    {"bounds": {"west", "east", "south", "north"}, "source": "...",
     "countries": [{"name", "actor", "rings": [[[lon, lat], ...], ...]}, ...]}
    Countries are sorted by name. Rings are open (the first point is not repeated at the end),
    in degrees, longitudes within [west, east]. Each ring is a separate filled polygon.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any, Callable

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-50m.json"
EXPECTED_SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "assets" / "map" / "indo_pacific.json"

# The crop. 60-160E x 20S-50N (India to the Kurils, Japan to northern Australia) is 1.28:1
# under Web Mercator, too tall for a 16:9 screen. Widening it by 20 degrees on each side keeps
# the same centre (110E, the South China Sea) and reaches 1.79:1: west to 40E takes in the
# Arabian Sea, the Gulf and Djibouti; east to 180 takes in the Pacific Islands up to Fiji.
# All four values are exact at 3 decimals, so rounding can never push a point outside.
BOUNDS = {"west": 40.0, "east": 180.0, "south": -20.0, "north": 50.0}

# Game actor id -> Natural Earth name. "us" is not in the crop.
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

SOURCE = (
    "Natural Earth 4.1.0 Admin 0 countries 1:50m (public domain) via npm world-atlas 2.0.2 "
    "countries-50m.json (ISC); exterior rings clipped to bounds, Douglas-Peucker {tol} deg, "
    "rounded to 3 decimals; made by tools/build_map.py"
)

Point = tuple[float, float]
Ring = list[Point]
Json = dict[str, Any]


# --------------------------------------------------------------------------- input


def fetch_with_npm() -> bytes:
    """Run ``npm pack`` in a temporary directory and return the tarball's bytes."""
    with tempfile.TemporaryDirectory(prefix="world-atlas-") as tmp:
        run = subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"npm pack {PACKAGE} failed:\n{run.stderr}")
        tgz = next(Path(tmp).glob("*.tgz"), None)
        if tgz is None:
            sys.exit(f"npm pack {PACKAGE} wrote no tarball")
        return tgz.read_bytes()


def json_from_tarball(data: bytes) -> bytes:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            sys.exit(f"{MEMBER} not found in the tarball")
        return member.read()


def read_input(path: str | None) -> bytes:
    if path is None:
        return json_from_tarball(fetch_with_npm())
    raw = Path(path).read_bytes()
    return json_from_tarball(raw) if path.endswith((".tgz", ".tar.gz")) else raw


# --------------------------------------------------------------------------- TopoJSON


def decode_arcs(topology: Json) -> list[Ring]:
    """Undo quantisation and delta encoding: absolute lon/lat points for every arc."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def stitch(indices: list[int], arcs: list[Ring]) -> Ring:
    """Join a ring's arcs; returns an open ring (closing point removed)."""
    ring: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


# --------------------------------------------------------------------------- geometry


def unwrap(ring: Ring) -> Ring:
    """Shift longitudes by multiples of 360 so no step between neighbours exceeds 180 degrees."""
    out: Ring = [ring[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        step = x1 - x0
        if step > 180:
            shift -= 360
        elif step < -180:
            shift += 360
        out.append((x1 + shift, y1))
    return out


def clip(ring: Ring, west: float, east: float, south: float, north: float) -> Ring:
    """Sutherland-Hodgman against the four edges of an axis-aligned rectangle."""

    def against(points: Ring, inside: Callable[[Point], bool],
                cross: Callable[[Point, Point], Point]) -> Ring:
        out: Ring = []
        if not points:
            return out
        prev = points[-1]
        prev_in = inside(prev)
        for cur in points:
            cur_in = inside(cur)
            if cur_in:
                if not prev_in:
                    out.append(cross(prev, cur))
                out.append(cur)
            elif prev_in:
                out.append(cross(prev, cur))
            prev, prev_in = cur, cur_in
        return out

    def at_x(x: float) -> Callable[[Point, Point], Point]:
        def cross(a: Point, b: Point) -> Point:
            t = (x - a[0]) / (b[0] - a[0])
            return (x, a[1] + t * (b[1] - a[1]))
        return cross

    def at_y(y: float) -> Callable[[Point, Point], Point]:
        def cross(a: Point, b: Point) -> Point:
            t = (y - a[1]) / (b[1] - a[1])
            return (a[0] + t * (b[0] - a[0]), y)
        return cross

    points = against(ring, lambda p: p[0] >= west, at_x(west))
    points = against(points, lambda p: p[0] <= east, at_x(east))
    points = against(points, lambda p: p[1] >= south, at_y(south))
    points = against(points, lambda p: p[1] <= north, at_y(north))
    return points


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to segment ab."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _douglas_peucker(points: Ring, tolerance: float) -> Ring:
    """Open polyline; keeps both ends. Iterative, so long rings cannot overflow the stack."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = -1.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker on a closed ring: split at the first point and the point farthest from it."""
    if len(ring) < 4:
        return list(ring)
    a = ring[0]
    far = max(range(1, len(ring)), key=lambda i: math.hypot(ring[i][0] - a[0], ring[i][1] - a[1]))
    head = _douglas_peucker(ring[: far + 1], tolerance)
    tail = _douglas_peucker(ring[far:] + [a], tolerance)
    return head + tail[1:-1]


def area(ring: Ring) -> float:
    """Signed shoelace area in square degrees."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))


def tidy(ring: Ring) -> Ring:
    """Round to 3 decimals and remove repeated neighbours (including last == first)."""
    out: Ring = []
    for x, y in ring:
        p = (round(x, 3) + 0.0, round(y, 3) + 0.0)  # + 0.0 turns -0.0 into 0.0
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def mercator_ratio(bounds: dict[str, float]) -> float:
    width = math.radians(bounds["east"] - bounds["west"])
    return width / (mercator_y(bounds["north"]) - mercator_y(bounds["south"]))


# --------------------------------------------------------------------------- build


# Areas whose sovereignty is disputed, drawn apart from any country so the game can present both
# positions: (name, country Natural Earth draws them in, west, east, south, north). Natural Earth
# draws the Northern Territories (Etorofu, Kunashiri, Shikotan, Habomai) as part of Russia; Japan
# holds they are Japanese territory. Urup, further north, is outside the box.
DISPUTED = (("Northern Territories", "Russia", 145.0, 149.0, 43.0, 45.65),)


def split_disputed(by_name: dict[str, Json]) -> None:
    """Move rings lying wholly inside a disputed box out of the country drawing them."""
    for name, holder, west, east, south, north in DISPUTED:
        country = by_name.get(holder)
        if country is None:
            continue
        inside = [r for r in country["rings"] if all(west <= x <= east and south <= y <= north for x, y in r)]
        if inside:
            country["rings"] = [r for r in country["rings"] if r not in inside]
            by_name[name] = {"name": name, "rings": inside, "disputed": True}


def build(topology: Json, bounds: dict[str, float], tolerance: float) -> tuple[Json, dict[str, int]]:
    arcs = decode_arcs(topology)
    box = (bounds["west"], bounds["east"], bounds["south"], bounds["north"])
    stats = {"holes_dropped": 0, "rings_unwrapped": 0, "rings_too_small": 0}
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings: list[Ring] = []
        for polygon in polygons:
            for hole in polygon[1:]:
                points = stitch(hole, arcs)
                xs, ys = [x for x, _ in points], [y for _, y in points]
                stats["holes_dropped"] += (max(xs) >= box[0] and min(xs) <= box[1]
                                           and max(ys) >= box[2] and min(ys) <= box[3])
            ring = stitch(polygon[0], arcs)
            if len(ring) < 3:
                continue
            unwrapped = unwrap(ring)
            if unwrapped != ring:
                stats["rings_unwrapped"] += 1
            for shift in (-360.0, 0.0, 360.0):
                moved = [(x + shift, y) for x, y in unwrapped]
                xs = [x for x, _ in moved]
                if max(xs) < box[0] or min(xs) > box[1]:
                    continue
                clipped = clip(moved, *box)
                if len(clipped) < 3:
                    continue
                final = tidy(simplify(clipped, tolerance))
                if len(final) < 3 or abs(area(final)) < 1e-6:
                    stats["rings_too_small"] += 1
                    continue
                rings.append(final)
        if rings:
            countries.append({"name": geometry["properties"]["name"], "rings": rings})

    by_name = {c["name"]: c for c in countries}
    if len(by_name) != len(countries):
        sys.exit("two features share a name; keying by name would lose one")
    split_disputed(by_name)
    actor_of = {name: actor for actor, name in ACTORS.items()}
    missing = sorted(name for name in actor_of if name not in by_name)
    if missing:
        sys.exit(f"actor countries missing from the crop: {', '.join(missing)}")
    ordered = [
        {"name": name, "actor": actor_of.get(name), "rings": by_name[name]["rings"],
         **({"disputed": True} if by_name[name].get("disputed") else {})}
        for name in sorted(by_name)
    ]
    asset = {"bounds": dict(bounds), "source": SOURCE.format(tol=tolerance), "countries": ordered}
    return asset, stats


def dump(asset: Json) -> str:
    """Compact JSON with one country per line, so a regenerated asset diffs readably."""
    head = json.dumps({"bounds": asset["bounds"], "source": asset["source"]}, ensure_ascii=False)
    lines = [head[:-1] + ', "countries": [']
    rows = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in asset["countries"]]
    lines.append(",\n".join(rows))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="countries-50m.json or world-atlas-2.0.2.tgz "
                        "(default: fetch with npm pack)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default: {DEFAULT_OUT}")
    parser.add_argument("--tolerance", type=float, default=0.05, help="degrees (default 0.05)")
    args = parser.parse_args(argv)

    raw = read_input(args.path)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != EXPECTED_SHA256:
        print(f"warning: input sha256 {digest} is not world-atlas 2.0.2's {EXPECTED_SHA256}",
              file=sys.stderr)
    asset, stats = build(json.loads(raw), BOUNDS, args.tolerance)
    text = dump(asset)
    if json.loads(text) != json.loads(json.dumps(asset)):
        sys.exit("internal error: the written JSON does not round-trip")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")

    countries = asset["countries"]
    rings = sum(len(c["rings"]) for c in countries)
    vertices = sum(len(r) for c in countries for r in c["rings"])
    size = args.out.stat().st_size
    b = asset["bounds"]
    print(f"input     sha256 {digest}")
    print(f"bounds    {b['west']}E..{b['east']}E, {b['south']}..{b['north']} (lat)")
    print(f"mercator  width/height = {mercator_ratio(b):.3f} (16:9 = {16 / 9:.3f})")
    print(f"features  {len(countries)} ({sum(c['actor'] is not None for c in countries)} with an actor)")
    print(f"rings     {rings}; vertices {vertices}")
    print(f"dropped   {stats['holes_dropped']} holes inside the crop; "
          f"{stats['rings_too_small']} rings too small after simplification")
    print(f"unwrapped {stats['rings_unwrapped']} rings across 180 (worldwide, before clipping)")
    print(f"wrote     {args.out} ({size:,} bytes = {size / 1024:.1f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

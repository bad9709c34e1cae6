"""Build the low-resolution world map asset (assets/map/world.json) from Natural Earth.

Scenarios declare their own map bounds, which map country each actor colours and their disputed
areas; the game crops this one world map at run time. This tool only makes the world map and
the list of its country names for scenario authors (docs/modding/map-countries.md).

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
    python tools/build_map.py [PATH] [--out FILE] [--countries-doc FILE]
                              [--tolerance DEG] [--decimals N] [--min-island SQDEG]

    PATH may be ``countries-50m.json`` or the ``world-atlas-2.0.2.tgz`` tarball. Without PATH the
    script runs ``npm pack world-atlas@2.0.2`` in a temporary directory itself (needs npm and the
    network) and reads the JSON straight out of the tarball. The input's SHA-256 is checked
    against world-atlas 2.0.2's (a mismatch is a warning). The game never fetches anything at
    run time: it reads the committed asset. Standard library only; Python 3.11+. Running the
    tool twice on the same input writes byte-identical files.

What the script does, in order
    1. Decodes the TopoJSON itself: arcs are quantised and delta-encoded, so each arc is a running
       sum of integer steps mapped through ``transform`` (scale, translate); a ring is a list of
       arc indices, where a negative index ``i`` means arc ``~i`` reversed, and consecutive arcs
       share their joining point.
    2. Keeps the exterior ring of every polygon. Interior rings (holes) are dropped: the output
       format has no way to mark a hole. Apart from Antarctica's, the holes in the data are
       enclaves: Lesotho inside South Africa (about 2.8 square degrees, the only large one),
       San Marino and the Vatican inside Italy, Malawi's lake islands inside Mozambique, and
       enclaves of about 0.1 degree in Central Asia, the Caucasus and the UAE. Each enclave is
       also a feature of its own, so a renderer must draw it after the country around it.
    3. Drops Antarctica (DROPPED): its ring encircles the South Pole, so in plain lon/lat it is
       not a closed polygon without an artificial pole cap, and no scenario needs it.
    4. Unwraps rings that cross the 180 degree meridian (Russia's mainland with Chukotka,
       Wrangel Island, a Fiji island) so consecutive points are never more than 180 degrees
       apart, then shifts each ring by a multiple of 360 so the middle of its longitude range
       lies within [-180, 180]. Such rings keep running past 180 or below -180 (Russia's
       mainland reaches about 190): that is intended, and a cropper should try each ring
       shifted by -360, 0 and +360 degrees against its bounds.
    5. Simplifies each ring with Douglas-Peucker at ``--tolerance`` degrees (default 0.05),
       rounds to ``--decimals`` places (default 2, about 1 km) and removes repeated points.
       Douglas-Peucker reduces any island narrower than about twice the tolerance to a line.
       An island of at least ``--min-island`` square degrees (default 0.001, about 12 km2 at
       the equator) that would vanish is kept instead as its westmost, southmost, eastmost and
       northmost points; this is what keeps the Habomai islets, Shikotan and many island states.
       Rings still left with fewer than 3 points or less area than one grid cell are dropped.
    6. Keys countries by Natural Earth NAME (``properties.name``): Australia and Ashmore and
       Cartier Is. share id 036 and five features have no id. Features sharing a name would be
       merged into one country (none do in world-atlas 2.0.2). Borders, names and the
       attribution of territory are Natural Earth's: for example it draws the Northern
       Territories (Etorofu, Kunashiri, Shikotan, Habomai) as part of Russia. Disputed areas are
       split out at run time from scenario data, not here.
    7. Writes the country names with the centre of each country's largest ring as a Markdown
       table for scenario authors (``--countries-doc``).

Output
    {"source": "...", "countries": [{"name": "<NAME>", "rings": [[[lon, lat], ...], ...]}, ...]}
    Countries are sorted by name (plain code-point order, so "eSwatini" and "Åland" come last)
    and names are unique. Rings are open (the first point is not repeated at the end), in
    degrees, each with at least 3 points and non-zero area; each ring is a separate filled
    polygon. No step between consecutive points (including the last back to the first) exceeds
    180 degrees of longitude. Compact JSON, one country per line, so regenerating diffs readably.
    Because holes are dropped, draw countries largest first (or at least enclaves after their
    surroundings): in name order South Africa would cover Lesotho.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-50m.json"
EXPECTED_SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "assets" / "map" / "world.json"
DEFAULT_DOC = ROOT / "docs" / "modding" / "map-countries.md"
DEFAULT_TOLERANCE = 0.05
DEFAULT_DECIMALS = 2
DEFAULT_MIN_ISLAND = 0.001

# Features left out of the asset (see step 3 of the docstring).
DROPPED = ("Antarctica",)

SOURCE = (
    "Natural Earth 4.1.0 Admin 0 countries 1:50m (public domain) via npm world-atlas 2.0.2 "
    "countries-50m.json (ISC); whole world without {dropped}, exterior rings only, unwrapped "
    "across 180, Douglas-Peucker {tol} deg (islands of at least {isl} sq deg kept as their "
    "extreme points), rounded to {dec} decimals; made by tools/build_map.py"
)

DOC_INTRO = """\
# Map country names

This file is generated by `tools/build_map.py` from `assets/map/world.json`; do not edit it by
hand (a test fails when it no longer matches the asset).

The game draws every scenario on one low-resolution world map (Natural Earth 4.1.0 at 1:50m,
simplified; see `assets/map/LICENSE.md`) and crops it to the scenario's bounds at run time.
A scenario's `map.countries` maps its actor ids to these names: the country of that name is
drawn in the actor's colour. Use the names exactly as written here, including abbreviations
("United States of America", "South Korea", "Dem. Rep. Congo", "Bosnia and Herz.").

Names, borders and the attribution of territory are Natural Earth's. Some territories are
countries of their own here (for example Hong Kong, Macao, Greenland, Puerto Rico, Guam, Åland),
and some places belong to a country you might not expect: Natural Earth draws the Northern
Territories (Etorofu, Kunashiri, Shikotan, Habomai) as part of Russia, so a scenario that
treats them as disputed declares that area itself. Many islets are too small to keep.

The centre is that of the country's largest ring (in plain degrees), rounded, to help find it;
for a concave or wrapped shape it may lie outside the land.
"""

DOC_MISSING = "\nNot in the map: {names}.\n\n"

DOC_TABLE = "| name | centre lon | centre lat |\n|---|---:|---:|\n"

Point = tuple[float, float]
Ring = list[Point]
Json = dict[str, Any]


# --------------------------------------------------------------------------- input


def fetch_with_npm() -> bytes:
    """Run ``npm pack`` in a temporary directory and return the tarball's bytes."""
    with tempfile.TemporaryDirectory(prefix="world-atlas-") as tmp:
        run = subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, capture_output=True, text=True,
                             check=False)
        if run.returncode != 0:
            sys.exit(f"npm pack {PACKAGE} failed:\n{run.stderr}")
        tgz = next(Path(tmp).glob("*.tgz"), None)
        if tgz is None:
            sys.exit(f"npm pack {PACKAGE} wrote no tarball")
        return tgz.read_bytes()


def json_from_tarball(data: bytes) -> bytes:
    """Return the bytes of ``countries-50m.json`` inside the npm tarball."""
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            sys.exit(f"{MEMBER} not found in the tarball")
        return member.read()


def read_input(path: str | None) -> bytes:
    """Read the TopoJSON from PATH (JSON or tarball), or fetch it with npm when PATH is None."""
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
    for (x0, _), (x1, y1) in itertools.pairwise(ring):
        step = x1 - x0
        if step > 180:
            shift -= 360
        elif step < -180:
            shift += 360
        out.append((x1 + shift, y1))
    return out


def recentre(ring: Ring) -> Ring:
    """Shift a ring by a multiple of 360 so the middle of its longitude range is in [-180, 180]."""
    xs = [x for x, _ in ring]
    middle = (min(xs) + max(xs)) / 2
    shift = 0.0
    while middle + shift > 180:
        shift -= 360
    while middle + shift < -180:
        shift += 360
    return [(x + shift, y) for x, y in ring]


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
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker on a closed ring: split at the first point and the point farthest from it."""
    if len(ring) < 4:
        return list(ring)
    a = ring[0]
    far = max(range(1, len(ring)), key=lambda i: math.hypot(ring[i][0] - a[0], ring[i][1] - a[1]))
    head = _douglas_peucker(ring[: far + 1], tolerance)
    tail = _douglas_peucker(ring[far:] + [a], tolerance)
    return head + tail[1:-1]


def extremes(ring: Ring) -> Ring:
    """The westmost, southmost, eastmost and northmost points of a ring, in ring order."""
    indices = range(len(ring))
    picks = {
        min(indices, key=lambda i: ring[i]),
        max(indices, key=lambda i: ring[i]),
        min(indices, key=lambda i: (ring[i][1], ring[i][0])),
        max(indices, key=lambda i: (ring[i][1], ring[i][0])),
    }
    return [ring[i] for i in sorted(picks)]


def area(ring: Ring) -> float:
    """Signed shoelace area in square degrees."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))


def centroid(ring: Ring) -> Point:
    """Area centroid of a ring in plain degrees (the mean of its points if it has no area)."""
    a = area(ring)
    if a == 0:
        return sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * a), cy / (6 * a)


def tidy(ring: Ring, decimals: int) -> Ring:
    """Round to DECIMALS places and remove repeated neighbours (including last == first)."""
    out: Ring = []
    for x, y in ring:
        p = (round(x, decimals) + 0.0, round(y, decimals) + 0.0)  # + 0.0 turns -0.0 into 0.0
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


# --------------------------------------------------------------------------- build


def polygons(geometry: Json) -> list[list[list[int]]]:
    """The polygons of a Polygon or MultiPolygon, each a list of rings (none for other types)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def solid(ring: Ring, decimals: int) -> bool:
    """At least 3 points and an area of at least one grid cell at DECIMALS places."""
    return len(ring) >= 3 and abs(area(ring)) >= 10.0 ** (-2 * decimals)


def build(topology: Json, tolerance: float, decimals: int,
          min_island: float) -> tuple[Json, dict[str, int], list[str]]:
    """Turn the TopoJSON into the asset; also return counts of what changed and lost names."""
    arcs = decode_arcs(topology)
    stats = {"features": 0, "holes_dropped": 0, "rings_unwrapped": 0, "rings_too_small": 0,
             "names_merged": 0, "islands_kept": 0}
    by_name: dict[str, list[Ring]] = {}
    lost: set[str] = set()
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if name in DROPPED:
            continue
        stats["features"] += 1
        rings: list[Ring] = []
        for polygon in polygons(geometry):
            stats["holes_dropped"] += len(polygon) - 1
            ring = stitch(polygon[0], arcs)
            if len(ring) < 3:
                continue
            unwrapped = unwrap(ring)
            if unwrapped != ring:
                stats["rings_unwrapped"] += 1
            placed = recentre(unwrapped)
            final = tidy(simplify(placed, tolerance), decimals)
            if not solid(final, decimals) and abs(area(placed)) >= min_island:
                final = tidy(extremes(placed), decimals)
                stats["islands_kept"] += solid(final, decimals)
            if not solid(final, decimals):
                stats["rings_too_small"] += 1
                continue
            rings.append(final)
        if not rings:
            lost.add(name)
            continue
        if name in by_name:
            stats["names_merged"] += 1
        by_name.setdefault(name, []).extend(rings)

    dropped = " and ".join(DROPPED)
    countries = [{"name": name, "rings": by_name[name]} for name in sorted(by_name)]
    source = SOURCE.format(dropped=dropped, tol=tolerance, isl=min_island, dec=decimals)
    return {"source": source, "countries": countries}, stats, sorted(lost - set(by_name))


def dump(asset: Json) -> str:
    """Compact JSON with one country per line, so a regenerated asset diffs readably."""
    head = json.dumps({"source": asset["source"]}, ensure_ascii=False)
    rows = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in asset["countries"]]
    return head[:-1] + ', "countries": [\n' + ",\n".join(rows) + "\n]}\n"


def largest_ring_centre(rings: list[list[list[float]]]) -> Point:
    """Centre of the ring with the largest area, its longitude brought into [-180, 180)."""
    largest = max(([(x, y) for x, y in ring] for ring in rings), key=lambda r: abs(area(r)))
    lon, lat = centroid(largest)
    return (lon + 180) % 360 - 180, lat


def countries_doc(asset: Json, lost: list[str]) -> str:
    """Markdown for scenario authors: every country name with the centre of its largest ring."""
    missing = sorted([*DROPPED, *lost])
    rows = [DOC_MISSING.format(names=", ".join(missing)), DOC_TABLE]
    for country in asset["countries"]:
        lon, lat = largest_ring_centre(country["rings"])
        rows.append(f"| {country['name']} | {lon + 0.0:.1f} | {lat + 0.0:.1f} |\n")
    return DOC_INTRO + "".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Read the input, build the asset and the names document, write both, print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="countries-50m.json or world-atlas-2.0.2.tgz "
                        "(default: fetch with npm pack)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default: {DEFAULT_OUT}")
    parser.add_argument("--countries-doc", type=Path, default=DEFAULT_DOC,
                        help=f"Markdown list of country names (default: {DEFAULT_DOC})")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE,
                        help=f"Douglas-Peucker tolerance in degrees (default {DEFAULT_TOLERANCE})")
    parser.add_argument("--decimals", type=int, default=DEFAULT_DECIMALS,
                        help=f"decimal places kept (default {DEFAULT_DECIMALS})")
    parser.add_argument("--min-island", type=float, default=DEFAULT_MIN_ISLAND,
                        help=f"square degrees; smaller rings may vanish (default {DEFAULT_MIN_ISLAND})")
    args = parser.parse_args(argv)

    raw = read_input(args.path)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != EXPECTED_SHA256:
        print(f"warning: input sha256 {digest} is not world-atlas 2.0.2's {EXPECTED_SHA256}",
              file=sys.stderr)
    asset, stats, lost = build(json.loads(raw), args.tolerance, args.decimals, args.min_island)
    text = dump(asset)
    if json.loads(text) != json.loads(json.dumps(asset)):
        sys.exit("internal error: the written JSON does not round-trip")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8", newline="\n")
    args.countries_doc.parent.mkdir(parents=True, exist_ok=True)
    args.countries_doc.write_text(countries_doc(asset, lost), encoding="utf-8", newline="\n")

    countries = asset["countries"]
    rings = sum(len(c["rings"]) for c in countries)
    vertices = sum(len(r) for c in countries for r in c["rings"])
    size = args.out.stat().st_size
    print(f"input     sha256 {digest}")
    print(f"features  {stats['features']} read (without {', '.join(DROPPED)}); "
          f"{len(countries)} countries written; {stats['names_merged']} merged by name")
    print(f"rings     {rings}; vertices {vertices}")
    print(f"lost      {', '.join(lost) or 'none'} (no ring left after simplification)")
    print(f"dropped   {stats['holes_dropped']} holes; "
          f"{stats['rings_too_small']} rings too small after simplification")
    print(f"islands   {stats['islands_kept']} kept as their extreme points")
    print(f"unwrapped {stats['rings_unwrapped']} rings across 180")
    print(f"wrote     {args.out} ({size:,} bytes = {size / 1024:.1f} KiB)")
    print(f"wrote     {args.countries_doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Map geometry files: the bundled world map or a scenario's own, read defensively.

A geometry file is JSON: ``{"source": "...", "countries": [{"name": ..., "rings": [[[lon, lat], ...], ...]}]}``,
each ring an open polygon in degrees (longitudes may run past ±180 where a ring crosses the date line).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MAX_BYTES = 8_000_000

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Geometry:
    """Country outlines by name."""

    source: str
    countries: dict[str, tuple[Ring, ...]]


class BadGeometry(ValueError):
    """A geometry file that cannot be used; the message says where and why."""


def _rings(name: str, raw: object) -> tuple[Ring, ...]:
    if not isinstance(raw, list):
        raise BadGeometry(f"country '{name}': 'rings' is not a list")
    out = []
    for ring in raw:
        if not isinstance(ring, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(v, (int, float)) for v in p) for p in ring):
            raise BadGeometry(f"country '{name}': a ring is not a list of [lon, lat] pairs")
        if len(ring) >= 3:
            out.append(tuple((float(p[0]), float(p[1])) for p in ring))
    return tuple(out)


@lru_cache(maxsize=8)
def read_geometry(path: Path) -> Geometry:
    """Read and check a geometry file (cached); raises :class:`BadGeometry` with a reason."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BadGeometry(f"{path.name} is larger than {MAX_BYTES // 1_000_000} MB")
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise BadGeometry(f"{path.name}:{e.lineno}:{e.colno}: not valid JSON ({e.msg})") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BadGeometry(f"{path.name} cannot be read: {e}") from None
    countries = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(countries, list):
        raise BadGeometry(f"{path.name} has no 'countries' list")
    table: dict[str, tuple[Ring, ...]] = {}
    for c in countries:
        if not isinstance(c, dict) or not isinstance(c.get("name"), str):
            raise BadGeometry(f"{path.name}: every country needs a 'name'")
        table[c["name"]] = table.get(c["name"], ()) + _rings(c["name"], c.get("rings"))
    return Geometry(str(data.get("source", "")), table)

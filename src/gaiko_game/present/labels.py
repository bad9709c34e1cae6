"""Map labels that never collide: each marker's name beside it, or further out with a leader line.

Pure (no pygame): markers, sizes and boxes are plain tuples, so the window and the print kit's map board place
their labels the same way, the placement is tested without a window, and it costs little (once per layout).

The placement is greedy and deterministic. Markers are taken in a stable order (top to bottom,
then left to right, then by id), never in the order of the dict. Each label tries the positions
beside its marker at the standard gap — right, left, above, below, then right/left shifted half a
line up or down, then the four diagonals — and takes the first that stays inside the bounds and
keeps ``gap`` pixels from every marker (as its box), every label already placed and every obstacle.
When none is free it tries rings further out (``step`` pixels apart, ``rings`` of them), the
nearest free spot first, and draws a leader line from the marker's edge to the label's nearest
edge. Only when no spot is clean does it take one whose leader crosses another label or marker, or
that (without a leader) lies nearer another marker than its own. When nothing is free at all, the
label goes where it overlaps least and its id is reported in ``collisions`` (and the pass is
retried once or twice with those labels placed first).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

Rect = tuple[int, int, int, int]
"""(x, y, w, h), the right and bottom edges excluded."""
Point = tuple[int, int]

GAP = 2
STEP = 8
RINGS = 5
PASSES = 3


@dataclass(frozen=True)
class Placement:
    """A label's box and, when it had to move away from its marker, the leader line (marker edge → label edge)."""

    rect: Rect
    leader: tuple[Point, Point] | None = None


class Placed(dict[str, Placement]):
    """Labels by marker id; ``collisions`` lists (sorted) the ids whose label could not be placed clear of everything."""

    def __init__(self, items: Mapping[str, Placement], collisions: Sequence[str] = ()) -> None:
        super().__init__(items)
        self.collisions: tuple[str, ...] = tuple(sorted(collisions))

    @property
    def leaders(self) -> dict[str, tuple[Point, Point]]:
        """The leader lines to draw, by marker id."""
        return {k: p.leader for k, p in self.items() if p.leader is not None}


def overlap(a: Rect, b: Rect, gap: int = 0) -> int:
    """How much ``a`` and ``b`` overlap (area) once ``a`` is grown by ``gap`` on every side; 0 when they keep apart."""
    w = min(a[0] + a[2] + gap, b[0] + b[2]) - max(a[0] - gap, b[0])
    h = min(a[1] + a[3] + gap, b[1] + b[3]) - max(a[1] - gap, b[1])
    return w * h if w > 0 and h > 0 else 0


def inside(a: Rect, bounds: Rect) -> bool:
    """Whether ``a`` lies wholly within ``bounds``."""
    bx, by, bw, bh = bounds
    return a[0] >= bx and a[1] >= by and a[0] + a[2] <= bx + bw and a[1] + a[3] <= by + bh


def marker_box(centre: Point, r: int) -> Rect:
    """A marker circle as the box that holds it."""
    return (centre[0] - r, centre[1] - r, 2 * r, 2 * r)


def crosses(p: Point, q: Point, rect: Rect) -> bool:
    """Whether the segment p→q passes through the inside of ``rect`` (Liang–Barsky clipping)."""
    x0, y0 = p
    if max(x0, q[0]) <= rect[0] or min(x0, q[0]) >= rect[0] + rect[2] or max(y0, q[1]) <= rect[1] \
            or min(y0, q[1]) >= rect[1] + rect[3]:
        return False  # apart: most segments and boxes are
    dx, dy = q[0] - x0, q[1] - y0
    lo, hi = 0.0, 1.0
    for d, low, high, v in ((dx, rect[0], rect[0] + rect[2], x0), (dy, rect[1], rect[1] + rect[3], y0)):
        if d == 0:
            if not low < v < high:
                return False
            continue
        t1, t2 = (low - v) / d, (high - v) / d
        if t1 > t2:
            t1, t2 = t2, t1
        lo, hi = max(lo, t1), min(hi, t2)
        if lo >= hi:
            return False
    return True


def leader_line(centre: Point, r: int, rect: Rect) -> tuple[Point, Point]:
    """From the marker's edge, towards the label, to the label's nearest point."""
    x, y = centre
    ex = min(max(x, rect[0]), rect[0] + rect[2])
    ey = min(max(y, rect[1]), rect[1] + rect[3])
    d = math.hypot(ex - x, ey - y) or 1.0
    return (round(x + r * (ex - x) / d), round(y + r * (ey - y) / d)), (ex, ey)


def place(markers: Mapping[str, Point], sizes: Mapping[str, tuple[int, int]], bounds: Rect,
          radius: Mapping[str, int] | int, obstacles: Sequence[Rect] = (), *,
          gap: int = GAP, step: int = STEP, rings: int = RINGS) -> Placed:
    """Place a label of ``sizes[id]`` (w, h) by each marker that has a size, inside ``bounds`` (x, y, w, h).

    ``radius`` is every marker's radius, or each one's by id (every marker's); markers without a size
    are obstacles only (no label), as are ``obstacles`` (badges, insets, a legend). ``gap`` is the
    clearance kept around every label; ``step`` the distance between the ``rings`` tried when the
    spots beside a marker are taken. The result is the same for the same input in any dict order.
    """
    rad = {k: radius if isinstance(radius, int) else radius[k] for k in markers}
    boxes = [marker_box(markers[k], rad[k]) for k in sorted(markers, key=lambda k: (markers[k][1], markers[k][0], k))]
    statics = boxes + list(obstacles)
    order = sorted((k for k in markers if k in sizes), key=lambda k: (markers[k][1], markers[k][0], k))
    best: Placed | None = None
    for _ in range(PASSES):
        result = _pass(order, markers, sizes, bounds, rad, statics, gap, step, rings)
        if best is None or (len(result.collisions), len(result.leaders)) < (len(best.collisions), len(best.leaders)):
            best = result
        if not result.collisions:
            break
        first = set(result.collisions)
        order = [k for k in order if k in first] + [k for k in order if k not in first]
    assert best is not None
    return best


def _pass(order: list[str], markers: Mapping[str, Point], sizes: Mapping[str, tuple[int, int]], bounds: Rect,
          rad: dict[str, int], statics: list[Rect], gap: int, step: int, rings: int) -> Placed:
    """One greedy pass in ``order``."""
    labels: list[Rect] = []
    lines: list[tuple[Point, Point]] = []
    out: dict[str, Placement] = {}
    for k in order:
        centres = [c for j, c in markers.items() if j != k]
        p = out[k] = _one(markers[k], rad[k], sizes[k], bounds, statics, labels, lines, centres, gap, step, rings)
        labels.append(p.rect)
        if p.leader is not None:
            lines.append(p.leader)
    fixed, rects = _grown(statics, gap), list(out.items())
    clash = [k for i, (k, a) in enumerate(rects)
             if not inside(a.rect, bounds) or not _clear(a.rect, fixed)
             or not _clear(a.rect, _grown([b.rect for j, (_, b) in enumerate(rects) if j != i], gap))]
    return Placed({k: out[k] for k in sorted(out)}, clash)


def _grown(rects: Iterable[Rect], gap: int, window: Rect | None = None) -> list[tuple[int, int, int, int]]:
    """``rects`` as (left, top, right, bottom) grown by ``gap``; only those that reach into ``window`` when given."""
    out = [(x - gap, y - gap, x + w + gap, y + h + gap) for x, y, w, h in rects]
    if window is None:
        return out
    wx1, wy1, wx2, wy2 = window[0], window[1], window[0] + window[2], window[1] + window[3]
    return [e for e in out if e[0] < wx2 and wx1 < e[2] and e[1] < wy2 and wy1 < e[3]]


def _clear(rect: Rect, grown: list[tuple[int, int, int, int]]) -> bool:
    """Whether ``rect`` overlaps none of the ``grown`` edges (the hot loop: plain comparisons)."""
    x1, y1 = rect[0], rect[1]
    x2, y2 = x1 + rect[2], y1 + rect[3]
    for a, b, c, d in grown:  # noqa: SIM110 - a plain loop: twice as fast as all() over a generator
        if a < x2 and x1 < c and b < y2 and y1 < d:
            return False
    return True


def _covered(rect: Rect, grown: list[tuple[int, int, int, int]]) -> int:
    """How much of ``rect`` the ``grown`` edges cover, added up."""
    x1, y1 = rect[0], rect[1]
    x2, y2 = x1 + rect[2], y1 + rect[3]
    total = 0
    for a, b, c, d in grown:
        if a < x2 and x1 < c and b < y2 and y1 < d:
            total += (min(x2, c) - max(x1, a)) * (min(y2, d) - max(y1, b))
    return total


def _one(centre: Point, r: int, size: tuple[int, int], bounds: Rect, statics: list[Rect], labels: list[Rect],
         lines: list[tuple[Point, Point]], centres: list[Point], gap: int, step: int, rings: int) -> Placement:
    """Where one label goes, given what is already placed."""
    w, h = size
    x, y = centre
    reach = r + gap + rings * step  # every spot tried lies in this window: only what reaches into it matters
    window = (x - reach - w, y - reach - h, 2 * (reach + w), 2 * (reach + h))
    blocked = statics + labels
    grown = _grown(blocked, gap, window)
    own = marker_box(centre, r)
    others = [b for b in blocked if b != own and overlap(b, window)]
    nearby = [c for c in centres if inside((c[0], c[1], 0, 0), window)]  # the rest are further than any spot beside

    def free(rect: Rect) -> bool:
        return inside(rect, bounds) and _clear(rect, grown)

    def clean(rect: Rect, line: tuple[Point, Point] | None) -> bool:
        """Clear of the leader lines already drawn, its own leader crossing no other label or marker, and (without a
        leader) nearer its own marker than any other, so that it reads as that marker's name."""
        around = (rect[0] - gap, rect[1] - gap, rect[2] + 2 * gap, rect[3] + 2 * gap)
        if any(crosses(p, q, around) for p, q in lines):
            return False
        if line is None:
            mine = _distance(centre, rect)
            return all(_distance(c, rect) > mine for c in nearby)
        return not any(crosses(line[0], line[1], b) for b in others)

    near = list(_beside(x, y, r, w, h, gap))
    fallback: Placement | None = None
    for rect in near:
        if free(rect):
            if clean(rect, None):
                return Placement(rect)
            fallback = fallback or Placement(rect)
    far = [(x + dx, y + dy, w, h) for dx, dy in _rings(r, w, h, gap, step, rings)]
    for rect in far:
        if free(rect):
            line = leader_line(centre, r, rect)
            if clean(rect, line):
                return Placement(rect, line)
            fallback = fallback or Placement(rect, line)
    if fallback is not None:
        return fallback
    # Nothing is free: the least overlap, moved into the bounds (the caller reports it as a collision).
    every = _grown(blocked, gap)
    seen: set[Rect] = set()
    scored = []
    for i, rect in enumerate(near + far):
        moved = _clamp(rect, bounds)
        if moved not in seen:
            seen.add(moved)
            scored.append((_covered(moved, every), i, moved, moved == rect and i < len(near)))
    _, _, rect, beside = min(scored)
    return Placement(rect, None if beside or _distance(centre, rect) == 0 else leader_line(centre, r, rect))


def _beside(x: int, y: int, r: int, w: int, h: int, gap: int) -> Iterator[Rect]:
    """The twelve spots touching the marker, best first."""
    right, left, mid_x = x + r + gap, x - r - gap - w, x - w // 2
    above, below, mid_y = y - r - gap - h, y + r + gap, y - h // 2
    for px, py in ((right, mid_y), (left, mid_y), (mid_x, above), (mid_x, below),
                   (right, y - h), (right, y), (left, y - h), (left, y),
                   (right, above), (left, above), (right, below), (left, below)):
        yield (px, py, w, h)


@lru_cache(maxsize=256)
def _rings(r: int, w: int, h: int, gap: int, step: int, rings: int) -> tuple[Point, ...]:
    """Spots further out (as offsets of the label's corner from the marker), nearest first: along each side of a box
    around the marker grown ``step``, ``2 * step``… (the same for every marker of a radius and label size: kept)."""
    spots: list[tuple[float, int, Point]] = []
    for ring in range(1, rings + 1):
        e = gap + ring * step
        right, left = r + e, -r - e - w
        above, below = -r - e - h, r + e
        sides = [(px, py) for py in range(above, below + 1, step) for px in (right, left)]
        ends = [(px, py) for px in range(left, right + 1, step) for py in (above, below)]
        for spot in sides + ends:
            spots.append((_distance((0, 0), (spot[0], spot[1], w, h)), len(spots), spot))
    return tuple(spot for _, _, spot in sorted(spots))


def _distance(centre: Point, rect: Rect) -> float:
    """From the marker's centre to the nearest point of ``rect``."""
    x, y = centre
    dx = max(rect[0] - x, 0, x - rect[0] - rect[2])
    dy = max(rect[1] - y, 0, y - rect[1] - rect[3])
    return math.hypot(dx, dy)


def _clamp(rect: Rect, bounds: Rect) -> Rect:
    """``rect`` moved (not resized) into ``bounds`` as far as it fits; its top-left wins when it is too big."""
    x = max(bounds[0], min(rect[0], bounds[0] + bounds[2] - rect[2]))
    y = max(bounds[1], min(rect[1], bounds[1] + bounds[3] - rect[3]))
    return (x, y, rect[2], rect[3])

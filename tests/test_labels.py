"""Map labels: beside their markers when there is room, further out with a leader line when not, never overlapping."""

from __future__ import annotations

import math
import os
import random
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gaiko_game.core import Scenario
from gaiko_game.present.labels import Placed, Placement, Point, Rect, crosses, inside, marker_box, overlap, place
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.destinations import ToCampaign, ToTitle
from gaiko_game.ui.icons import token_radius
from gaiko_game.ui.screens.campaign import CampaignScreen
from tests.conftest import ROOT

BOUNDS = (0, 0, 800, 500)
GAP = 2


def check(result: Placed, markers: dict[str, Point], sizes: dict[str, tuple[int, int]], bounds: Rect,
          radius: dict[str, int] | int, obstacles: list[Rect] = [], gap: int = GAP) -> None:  # noqa: B006 - read only
    """Every label inside the bounds, at its size; ``collisions`` names exactly the labels that overlap something
    (another label, a marker, an obstacle, within the gap); a label placed clear without a leader is beside its
    marker (the gap from its box, at a side or a corner), and a leader runs from the marker's edge to the label's edge."""
    rad = {k: radius if isinstance(radius, int) else radius[k] for k in markers}
    assert set(result) == {k for k in markers if k in sizes}
    boxes = [marker_box(c, rad[k]) for k, c in markers.items()]
    clashing = set()
    for k, p in result.items():
        x, y, w, h = p.rect
        assert (w, h) == sizes[k]
        assert inside(p.rect, bounds), (k, p)
        others = [q.rect for j, q in result.items() if j != k]
        if any(overlap(p.rect, b, gap) for b in boxes + obstacles + others):
            clashing.add(k)
        mx, my = markers[k]
        r = rad[k]
        if p.leader is None:
            if k not in result.collisions:  # beside the marker: exactly the gap from its box
                bx, by, bw, bh = marker_box(markers[k], r)
                dx = max(bx - (x + w), x - (bx + bw), 0)
                dy = max(by - (y + h), y - (by + bh), 0)
                assert max(dx, dy) == gap, (k, p)
        else:
            (sx, sy), (ex, ey) = p.leader
            assert abs(math.hypot(sx - mx, sy - my) - r) <= 1, (k, p)
            assert (ex in (x, x + w) and y <= ey <= y + h) or (ey in (y, y + h) and x <= ex <= x + w), (k, p)
    assert set(result.collisions) == clashing


# ── by hand ──────────────────────────────────────────────────────────────


def test_a_lone_marker_has_its_label_to_the_right_without_a_leader() -> None:
    result = place({"a": (100, 100)}, {"a": (40, 19)}, BOUNDS, 7)
    assert result == {"a": Placement((109, 91, 40, 19))}
    assert result.collisions == () and result.leaders == {}


def test_two_markers_ten_pixels_apart_vertically_get_labels_that_read_as_theirs() -> None:
    """Like the Koreas: to the right of the upper one, the lower one's label would sit as near the upper marker as
    its own, so the upper one's goes above and the lower one's to the right."""
    markers = {"north": (300, 200), "south": (300, 210)}
    sizes = {"north": (60, 19), "south": (60, 19)}
    result = place(markers, sizes, BOUNDS, 7)
    assert result == {"north": Placement((270, 172, 60, 19)), "south": Placement((309, 201, 60, 19))}
    check(result, markers, sizes, BOUNDS, 7)
    assert result.collisions == ()


def test_a_diagonal_pair_twelve_pixels_apart_gets_labels_on_either_side() -> None:
    """Like Malaysia and Singapore on the 1280×720 map."""
    markers = {"malaysia": (388, 489), "singapore": (400, 501)}
    sizes = {"malaysia": (64, 19), "singapore": (78, 19)}
    bounds = (0, 126, 880, 530)
    result = place(markers, sizes, bounds, 7)
    assert result == {"malaysia": Placement((315, 480, 64, 19)), "singapore": Placement((409, 492, 78, 19))}
    check(result, markers, sizes, bounds, 7)


def test_a_marker_at_the_right_edge_has_its_label_on_the_left() -> None:
    result = place({"e": (790, 250)}, {"e": (40, 19)}, BOUNDS, 7)
    assert result == {"e": Placement((741, 241, 40, 19))}


def test_a_marker_in_a_corner_keeps_its_label_inside() -> None:
    result = place({"c": (795, 495)}, {"c": (40, 19)}, BOUNDS, 7)
    assert result == {"c": Placement((746, 476, 40, 19))}  # left, half a line up: right, below and centred are out


def test_obstacles_are_kept_clear_of() -> None:
    """An inset box to the right of the marker and a badge above it: the label goes left."""
    obstacles = [(110, 80, 60, 40), (94, 81, 12, 12)]
    result = place({"a": (100, 100)}, {"a": (40, 19)}, BOUNDS, 7, obstacles)
    assert result == {"a": Placement((51, 91, 40, 19))}
    check(result, {"a": (100, 100)}, {"a": (40, 19)}, BOUNDS, 7, obstacles)


def test_radius_by_marker_and_markers_without_a_label() -> None:
    """The larger player marker pushes its label further; a marker without a size is only something to avoid."""
    markers = {"home": (100, 100), "dot": (180, 100)}
    result = place(markers, {"home": (40, 19)}, BOUNDS, {"home": 9, "dot": 7})
    assert result == {"home": Placement((111, 91, 40, 19))}
    result = place(markers, {"home": (60, 19)}, BOUNDS, {"home": 9, "dot": 7})
    assert result == {"home": Placement((29, 91, 60, 19))}  # on the right it would end nearer the other marker


def test_a_crowded_cluster_of_eight_has_no_overlaps_and_leaders_for_the_labels_moved_away() -> None:
    markers = {f"m{i}{j}": (400 + 16 * i, 250 + 16 * j) for i in (-1, 0, 1) for j in (-1, 0, 1) if (i, j) != (0, 0)}
    sizes = {k: (50, 19) for k in markers}
    result = place(markers, sizes, BOUNDS, 7)
    check(result, markers, sizes, BOUNDS, 7)
    assert result.collisions == ()
    assert sorted(result.leaders) == ["m-10", "m0-1", "m01", "m10", "m11"]
    assert result["m-1-1"] == Placement((325, 225, 50, 19))  # the corners keep theirs beside them
    assert result["m10"] == Placement((433, 246, 50, 19), ((423, 250), (433, 250)))
    rects = [p.rect for p in result.values()]  # no leader runs through a label or another marker
    assert not any(crosses(a, b, rect) for a, b in result.leaders.values() for rect in rects)
    assert not any(crosses(*result.leaders[k], marker_box(c, 7)) for k in result.leaders for j, c in markers.items() if j != k)


def test_an_impossible_layout_is_reported_not_hidden() -> None:
    """Three long labels in a box that holds one: the ones that overlap are named in ``collisions``."""
    markers = {"a": (20, 20), "b": (40, 20), "c": (60, 20)}
    sizes = {k: (70, 19) for k in markers}
    bounds = (0, 0, 100, 40)
    result = place(markers, sizes, bounds, 7)
    check(result, markers, sizes, bounds, 7)
    assert result.collisions != ()


def test_a_label_wider_than_the_bounds_is_reported() -> None:
    result = place({"a": (50, 20)}, {"a": (120, 19)}, (0, 0, 100, 40), 7)
    assert result.collisions == ("a",)
    assert result["a"].rect[0] == 0


def test_the_same_markers_in_any_order_give_the_same_labels() -> None:
    rng = random.Random(5)
    markers = {f"m{i}": (rng.randrange(300, 420), rng.randrange(200, 300)) for i in range(15)}
    sizes = {k: (rng.randrange(20, 90), 19) for k in markers}
    first = place(markers, sizes, BOUNDS, 7)
    for _ in range(10):
        items = list(markers.items())
        rng.shuffle(items)
        size_items = list(sizes.items())
        rng.shuffle(size_items)
        again = place(dict(items), dict(size_items), BOUNDS, 7)
        assert again == first and again.collisions == first.collisions
        assert list(again) == list(first)


# ── at random ───────────────────────────────────────────────────────────


@st.composite
def layouts(draw: st.DrawFn) -> tuple[dict[str, Point], dict[str, tuple[int, int]], dict[str, int]]:
    """Up to fifteen markers in an 800×500 box, at least 16 px apart, with labels 10–100 px wide: spread over the box
    or crowded into a patch of it (where most labels need a leader and some layouts are impossible)."""
    pw, ph = draw(st.sampled_from([(800, 500), (240, 150), (120, 100)]))
    x0, y0 = draw(st.integers(0, 800 - pw)), draw(st.integers(0, 500 - ph))
    n = draw(st.integers(0, 15))
    points = draw(st.lists(st.tuples(st.integers(x0, x0 + pw - 1), st.integers(y0, y0 + ph - 1)), min_size=2 * n,
                           max_size=2 * n))
    markers: dict[str, Point] = {}
    for p in points:
        if len(markers) < n and all(math.dist(p, q) >= 16 for q in markers.values()):
            markers[f"m{len(markers)}"] = p
    sizes = {k: (draw(st.integers(10, 100)), draw(st.sampled_from([19, 20]))) for k in markers}
    radius = {k: draw(st.sampled_from([7, 9])) for k in markers}
    return markers, sizes, radius


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_random_layouts_never_hide_an_overlap(layout: tuple[dict[str, Point], dict[str, tuple[int, int]],
                                                            dict[str, int]]) -> None:
    """No label overlaps another label or a marker and all stay inside, unless the layout is impossible, and then
    ``collisions`` says which."""
    markers, sizes, radius = layout
    result = place(markers, sizes, BOUNDS, radius)
    check(result, markers, sizes, BOUNDS, radius)


# ── on the game's own map ────────────────────────────────────────────────

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def map_labels(app: App, campaign: CampaignScreen) -> tuple[Placed, dict[str, Point], dict[str, tuple[int, int]],
                                                             Rect, dict[str, int], list[Rect], int]:
    """The campaign map's labels as the board placed them, with what they had to avoid: names in the game's font, the
    player's larger token, the inset boxes (with their badge column), the legend line and a "!" badge over every
    marker."""
    px, board = app.sizes.px, campaign.board
    w = app.words()
    font = app.fonts.get(px(13))
    player = campaign.game.scenario.player.id
    markers = {k: c for k, c in board.map.markers.items() if k not in board.map.insets}
    sizes = {k: font.size(w.name(f"actor.{k}")) for k in markers}
    radius = {k: token_radius(px(7), k == player) for k in markers}
    mr = board.map_rect
    badge = px(6)
    obstacles: list[Rect] = [(b.x - 2 * badge - px(4), b.y, b.w + 2 * badge + px(4), b.h) for b in board.map.insets.values()]
    legend = app.fonts.get(px(14)).get_linesize() + px(3)
    obstacles.append((mr.x, mr.bottom - legend, mr.w, legend))
    obstacles += [(x - badge, y - px(7) - 2 * badge - px(1), 2 * badge, 2 * badge) for x, y in markers.values()]
    return board.labels, markers, sizes, (mr.x, mr.y, mr.w, mr.h), radius, obstacles, px(2)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size,scale", [((1280, 720), 1.0), ((1024, 600), 1.0), ((1920, 1080), 1.5), ((3840, 2160), 2.0)])
def test_the_scenario_maps_labels_never_collide(default: Scenario, data: Path, lang: str, size: tuple[int, int],
                                                 scale: float) -> None:
    app = App(default, settings_mod.Settings(lang=lang, scale=scale), Source.of(DEFAULT))
    try:
        app.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        app.stack = [app.open(ToTitle())]
        app.step()
        assert app.sizes.scale == scale
        campaign = app.open(ToCampaign(Campaign.new(default, Source.of(DEFAULT), seed=1)))
        assert isinstance(campaign, CampaignScreen)
        app.stack.append(campaign)
        app.step()
        assert campaign.board.map_rect.w < size[0] and len(campaign.board.map.markers) >= 13
        result, markers, sizes, bounds, radius, obstacles, gap = map_labels(app, campaign)
        check(result, markers, sizes, bounds, radius, obstacles, gap)
        assert result.collisions == ()
        assert len(result.leaders) <= 1  # at most one label (South Korea's, in English at 1024×600) needs a leader
    finally:
        pygame.display.set_mode((1280, 720), pygame.RESIZABLE)

"""The random stream is numpy's PCG64, drawn through our own helpers."""

from __future__ import annotations

import numpy as np
import pytest

from gaiko_game.core.rng import Pcg64
from gaiko_game.session.seeding import POLICY_STREAM, stream


@pytest.mark.parametrize("seed", [0, 1, 42, 2**31 + 5])
def test_stream_matches_numpy_pcg64_raw_output(seed: int) -> None:
    ours = stream(seed)
    theirs = np.random.PCG64(seed)
    assert [ours.raw() for _ in range(50)] == [int(theirs.random_raw()) for _ in range(50)]


def test_known_first_outputs_never_change() -> None:
    r = stream(12345)
    assert [r.raw() for _ in range(3)] == [int(x) for x in np.random.PCG64(12345).random_raw(3)]
    assert r.copy().raw() == r.copy().raw()


def test_below_stays_in_range_and_covers_it() -> None:
    r = Pcg64(1, 1)
    seen = {r.below(7) for _ in range(500)}
    assert seen == set(range(7))


def test_below_rejects_empty_range() -> None:
    with pytest.raises(ValueError, match="positive"):
        Pcg64(1, 1).below(0)


def test_certain_chances_draw_nothing() -> None:
    r = Pcg64(5, 3)
    before = r.copy()
    assert r.chance(1.0) and not r.chance(0.0)
    assert r == before


def test_chance_frequency_is_close_to_p() -> None:
    r = Pcg64(99, 7)
    hits = sum(r.chance(0.3) for _ in range(20_000))
    assert 5700 < hits < 6300


def test_copy_is_independent() -> None:
    r = Pcg64(3, 9)
    c = r.copy()
    first, second = r.raw(), r.raw()
    assert (c.raw(), c.raw()) == (first, second)  # the copy did not move when the original did


def test_policy_stream_differs_from_game_stream() -> None:
    assert stream(8).raw() != stream(8, POLICY_STREAM).raw()


def test_negative_seed_is_refused() -> None:
    with pytest.raises(ValueError, match="whole numbers"):
        stream(-1)


def test_next32_splits_each_raw_output_low_half_first() -> None:
    a, b = Pcg64(11, 13), Pcg64(11, 13)
    raw = b.raw()
    assert (a.next32(), a.next32()) == (raw & 0xFFFFFFFF, raw >> 32)
    assert a == b  # both streams are now at the same position, with no spare half left


def test_copy_keeps_the_spare_half() -> None:
    a = Pcg64(2, 3)
    a.next32()
    c = a.copy()
    assert c.next32() == a.next32()

"""The random sources: numpy's PCG64 stepped in pure Python, one stream per purpose, and the deck's card draws.

Replays must survive numpy and Python upgrades, so the first outputs of every source are
pinned here as numbers, not compared with numpy at run time.
"""

from __future__ import annotations

import numpy as np
import pytest

from gaiko_game.core.rng import Pcg64, card_salt, deck_value
from gaiko_game.session.seeding import deck_key, randomness, stream


@pytest.mark.parametrize("seed", [0, 1, 42, 2**31 + 5])
def test_our_pcg64_steps_exactly_as_numpys(seed: int) -> None:
    st = np.random.PCG64(seed).state["state"]
    ours, theirs = Pcg64(int(st["state"]), int(st["inc"])), np.random.PCG64(seed)
    assert [ours.raw() for _ in range(50)] == [int(theirs.random_raw()) for _ in range(50)]


def test_the_first_draws_of_every_source_never_change() -> None:
    rolls = stream(12345, "rolls")
    assert [rolls.raw() for _ in range(3)] == [8812921141040151806, 3857226625629065414, 17484447483980666785]
    assert stream(12345, "policy").raw() == 14836371521697013897
    assert stream(12345, "actor", "china").raw() == 5835714170204037672
    assert deck_key(12345) == 2105045783845765369
    assert card_salt("tension_peak") == 15656762019184484949
    assert deck_value(deck_key(12345), 3, card_salt("tension_peak")) == 5290735883443177566


def test_each_purpose_and_each_actor_has_its_own_stream() -> None:
    firsts = {stream(8, p).raw() for p in ("rolls", "policy")} | {stream(8, "actor", a).raw() for a in ("us", "china")}
    assert len(firsts) == 4
    assert randomness(8).rolls == stream(8, "rolls") and randomness(8).deck == deck_key(8)


def test_a_card_draw_depends_only_on_the_key_the_turn_and_the_card() -> None:
    key, salt = deck_key(3), card_salt("x")
    draws = {deck_value(key, t, salt) for t in range(1, 25)}
    assert len(draws) == 24 and deck_value(key, 5, salt) == deck_value(key, 5, salt)
    assert deck_value(key, 5, salt) != deck_value(deck_key(4), 5, salt) != deck_value(key, 5, card_salt("y"))


def test_card_chances_come_up_as_often_as_they_say() -> None:
    key, hits = deck_key(1), 0
    for turn in range(1, 20_001):
        hits += (deck_value(key, turn, card_salt("e")) & 0xFFFFFFFF) < 0.3 * 2**32
    assert 5700 < hits < 6300  # 30% of 20,000 ± about 4.6 standard deviations


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


def test_negative_seed_is_refused() -> None:
    with pytest.raises(ValueError, match="whole numbers"):
        stream(-1, "rolls")

"""The advisor's lookahead: it never touches the game it advises on, and (slow tier) it plays better than hedge."""

from __future__ import annotations

import math

import pytest

from gaiko_game.core import Scenario
from gaiko_game.session.advisor import LookaheadPolicy, value
from gaiko_game.session.seeding import new_game, stream
from gaiko_game.session.simulate import mean_sd, simulate


def test_advice_never_touches_the_game_or_its_streams(default: Scenario) -> None:
    g = new_game(default, 9)
    before = g.fingerprint()
    advice = LookaheadPolicy(stream(9, "policy")).advise(g)
    assert g.fingerprint() == before and g.history == []
    assert advice.order is None or advice.order in g.legal_actions()
    assert set(advice.gains) == set(default.meter_ids()) and value(g) > 0


def test_the_same_stream_gives_the_same_advice(default: Scenario) -> None:
    g = new_game(default, 2)
    first = LookaheadPolicy(stream(5, "policy")).advise(g)
    second = LookaheadPolicy(stream(5, "policy")).advise(g)
    assert first == second


@pytest.mark.slow
def test_lookahead_beats_hedge_beyond_the_95_percent_interval(default: Scenario) -> None:
    n = 40
    look = [r.score for r in simulate(default, "lookahead", 500, n)]
    hedge = [r.score for r in simulate(default, "hedge", 500, n)]
    diffs = [a - b for a, b in zip(look, hedge, strict=True)]  # paired: same seeds
    mean, sd = mean_sd(diffs)
    assert mean - 1.96 * sd / math.sqrt(n) > 0, (mean, sd)

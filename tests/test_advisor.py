"""The advisor's lookahead policy plays better than hedge, so skill is rewarded beyond a fixed loop."""

from __future__ import annotations

import math

from gaiko_game.core import Scenario
from gaiko_game.session.advisor import LookaheadPolicy, value
from gaiko_game.session.seeding import POLICY_STREAM, new_game, stream
from gaiko_game.session.simulate import mean_sd, simulate


def test_lookahead_beats_hedge_beyond_the_95_percent_interval(default: Scenario) -> None:
    n = 40
    look = [r.score for r in simulate(default, "lookahead", 500, n)]
    hedge = [r.score for r in simulate(default, "hedge", 500, n)]
    diffs = [a - b for a, b in zip(look, hedge, strict=True)]  # paired: same seeds
    mean, sd = mean_sd(diffs)
    assert mean - 1.96 * sd / math.sqrt(n) > 0, (mean, sd)


def test_advice_never_touches_the_game_or_its_stream(default: Scenario) -> None:
    g = new_game(default, 9)
    before = g.state.fingerprint()
    advice = LookaheadPolicy(stream(9, POLICY_STREAM)).advise(g)
    assert g.state.fingerprint() == before and g.history == []
    assert advice.order is None or advice.order in g.legal_actions()
    assert value(g) > 0

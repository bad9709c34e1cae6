"""The article's thesis as a measured property of the default scenario's rules (1,000 runs a policy).

The policies know only tags; these results come from the scenario's numbers.
"""

from __future__ import annotations

import math

import pytest

from gaiko_game.core import Scenario
from gaiko_game.session.simulate import Run, mean_sd, simulate

RUNS = 1000
NAMED = ("us_first", "china_lean", "hedge")


@pytest.fixture(scope="module")
def results(default: Scenario) -> dict[str, list[Run]]:
    return {p: simulate(default, p, 0, RUNS) for p in ("random", *NAMED)}


def mean(runs: list[Run], metric: str) -> float:
    return mean_sd([float(getattr(r, metric)) for r in runs])[0]


def test_hedge_beats_every_other_policy_beyond_the_95_percent_interval(results: dict[str, list[Run]]) -> None:
    h_mean, h_sd = mean_sd([r.score for r in results["hedge"]])
    for other in ("random", "us_first", "china_lean"):
        o_mean, o_sd = mean_sd([r.score for r in results[other]])
        half_width = 1.96 * math.sqrt(h_sd**2 / RUNS + o_sd**2 / RUNS)
        assert h_mean - o_mean > half_width, (other, h_mean, o_mean, half_width)


def test_us_first_ends_with_the_lowest_autonomy(results: dict[str, list[Run]]) -> None:
    autonomy = {p: mean(results[p], "autonomy") for p in NAMED}
    assert min(autonomy, key=autonomy.__getitem__) == "us_first", autonomy


def test_china_lean_ends_with_the_lowest_security(results: dict[str, list[Run]]) -> None:
    security = {p: mean(results[p], "security") for p in NAMED}
    assert min(security, key=security.__getitem__) == "china_lean", security


def test_every_event_fires_in_some_random_game_unless_marked_rare(default: Scenario,
                                                                    results: dict[str, list[Run]]) -> None:
    fired = {e for r in results["random"] for e in r.events}
    never = [e.id for e in default.events if not e.rare and e.id not in fired]
    assert never == []

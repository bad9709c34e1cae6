"""The article's thesis as a measured property of the default scenario's rules.

The strategies know only roles (the scenario's ``strategy_tags``); these results come from the
scenario's numbers. The fast tier plays 100 games a strategy — measured on this content, hedge
beats random by about 6 points against a 95% half-width near 2, so a sample of 100 still fails
if the ordering breaks; the slow tier (``make test-full``) plays 1,000 and also checks that every
event fires in some random game.
"""

from __future__ import annotations

import math

import pytest

from gaiko_game.core import Scenario
from gaiko_game.session.simulate import Run, mean_sd, simulate

NAMED = ("alliance_first", "rival_lean", "hedge")
_CACHE: dict[tuple[str, int], list[Run]] = {}


def results(default: Scenario, policy: str, runs: int) -> list[Run]:
    if (policy, runs) not in _CACHE:
        _CACHE[policy, runs] = simulate(default, policy, 0, runs)
    return _CACHE[policy, runs]


def mean(runs: list[Run], meter: str) -> float:
    return mean_sd([float(r.meters[meter]) for r in runs])[0]


def check_hedge_beats_the_others(default: Scenario, runs: int) -> None:
    h_mean, h_sd = mean_sd([r.score for r in results(default, "hedge", runs)])
    for other in ("random", "alliance_first", "rival_lean"):
        o_mean, o_sd = mean_sd([r.score for r in results(default, other, runs)])
        half_width = 1.96 * math.sqrt(h_sd**2 / runs + o_sd**2 / runs)
        assert h_mean - o_mean > half_width, (other, h_mean, o_mean, half_width)


def check_one_sided_strategies_pay_where_the_article_says(default: Scenario, runs: int) -> None:
    autonomy = {p: mean(results(default, p, runs), "autonomy") for p in NAMED}
    security = {p: mean(results(default, p, runs), "security") for p in NAMED}
    assert min(autonomy, key=autonomy.__getitem__) == "alliance_first", autonomy
    assert min(security, key=security.__getitem__) == "rival_lean", security


def test_hedge_beats_every_other_policy_beyond_the_95_percent_interval(default: Scenario) -> None:
    check_hedge_beats_the_others(default, 100)


def test_alliance_first_ends_with_the_lowest_autonomy_and_rival_lean_with_the_lowest_security(
        default: Scenario) -> None:
    check_one_sided_strategies_pay_where_the_article_says(default, 100)


@pytest.mark.slow
def test_the_thesis_holds_over_a_thousand_games_a_strategy(default: Scenario) -> None:
    check_hedge_beats_the_others(default, 1000)
    check_one_sided_strategies_pay_where_the_article_says(default, 1000)


@pytest.mark.slow
def test_every_event_fires_in_some_random_game_unless_marked_rare(default: Scenario) -> None:
    fired = {e for r in results(default, "random", 1000) for e in r.events}
    never = [e.id for e in default.events if not e.rare and e.id not in fired]
    assert never == []

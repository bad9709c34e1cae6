"""What a player chooses to value: weightings of the score, chosen before a game and compared at the end."""

from __future__ import annotations

from pathlib import Path

from gaiko_game.core import Scenario
from gaiko_game.core.model import BALANCED, WeightingDef
from gaiko_game.core.report import score_of
from gaiko_game.present.debrief import debrief
from gaiko_game.present.words import Words
from gaiko_game.session.campaign import Campaign, Source, open_save
from tests.conftest import ROOT
from tests.test_campaign import play

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def test_a_weighting_counts_one_meter_more_in_the_geometric_mean() -> None:
    meters = {"security": 80, "prosperity": 40, "autonomy": 40}
    assert score_of(meters) == 50.4  # (80 × 40 × 40) ** (1/3)
    assert score_of(meters, WeightingDef("security_first", (("security", 2.0),))) == 56.6  # (80² × 40 × 40) ** (1/4)
    assert score_of(meters, BALANCED) == score_of(meters)


def test_the_default_scenario_declares_a_balanced_first_weighting(default: Scenario) -> None:
    assert [x.id for x in default.weightings] == ["balanced", "security_first", "economy_first", "autonomy_first"]
    assert default.weighting(None).id == "balanced" and default.weighting("nonsense").id == "balanced"
    assert default.weighting("economy_first").of("prosperity") == 2.0


def test_the_chosen_weighting_is_saved_and_reopened_and_ratings_still_use_the_balanced_one(
        default: Scenario, data: Path) -> None:
    c = play(Campaign.new(default, Source.of(DEFAULT), seed=2, weighting="security_first"), 24)
    assert c.game.is_over and c.weighting == "security_first"
    reopened = open_save(c.last_save or Path()).campaign
    assert reopened.weighting == "security_first"
    out = c.game.outcome()
    assert out is not None and out.score == score_of(out.meters)  # the rating's score is the balanced one
    line = debrief(c.game, Words(default, "en"), c.weighting).weighted
    first = score_of(out.meters, default.weighting("security_first"))
    assert f"[Security first {first}] (your choice)" in line and f"Balanced {out.score}" in line
    assert line.startswith("Score under each weighting: ")
    ja = debrief(c.game, Words(default, "ja"), c.weighting).weighted
    assert f"【安全保障重視 {first}】（あなたの選択）" in ja

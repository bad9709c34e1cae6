"""Scenario layers: a scenario that extends another by id, and the two variants built that way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gaiko_game.core import Scenario
from gaiko_game.core.turn import diversification_target
from gaiko_game.scenario.loader import load
from gaiko_game.session.seeding import new_game
from gaiko_game.session.simulate import simulate
from tests.conftest import ROOT, load_ok
from tests.support import board, set_number

BASE = ROOT / "scenarios" / "indo_pacific_2025"
ENGAGEMENT = ROOT / "scenarios" / "indo_pacific_2025_engagement"
REALIST = ROOT / "scenarios" / "indo_pacific_2025_realist"


def test_the_engagement_variant_is_the_default_scenario_with_one_assumption_exchanged(default: Scenario) -> None:
    sc = load_ok(ENGAGEMENT)
    assert sc.id == "indo_pacific_2025_engagement" and sc.turns == default.turns
    assert [a.id for a in sc.actions] == [a.id for a in default.actions]
    assert "coercion_follows_dependence" not in sc.assumptions and "interdependence_restrains" in sc.assumptions
    assert set(sc.assumptions) - {"interdependence_restrains"} == set(default.assumptions) - {"coercion_follows_dependence"}
    assert {r.id for r in sc.rules} == ({r.id for r in default.rules} - {"dependence_invites_pressure"}
                                        | {"interdependence_restrains"}) - _encoding(default, "coercion_follows_dependence")
    curbs = sc.event("china_rare_earth_curbs")
    assert curbs is not None and curbs.trigger.chance.base == 0.15  # replaced by the layer's move of the same id
    assert sc.loc["ja"]["scenario.name"] == "インド太平洋2025（関与重視版）"  # the layer's text replaces the base's
    assert sc.loc["en"]["action.joint_drills.name"] == default.loc["en"]["action.joint_drills.name"]
    assert sc.content_hash != default.content_hash


def _encoding(sc: Scenario, assumption: str) -> set[str]:
    """The rules the default scenario loses when the lab switches ``assumption`` off."""
    off = load(BASE, without=[assumption]).scenario
    assert off is not None
    return {r.id for r in sc.rules} - {r.id for r in off.rules}


def test_the_realist_variant_counts_own_capability_toward_autonomy() -> None:
    sc = load_ok(REALIST)
    d = sc.diversification
    assert d is not None and d.capability == "own_capability" and d.capability_weight == 0.4
    game = new_game(sc, 1)
    plain = load_ok(BASE)
    other = new_game(plain, 1)
    set_number(game, "track.own_capability", 100)
    set_number(other, "track.own_capability", 100)
    without = diversification_target(board(other))
    assert without is not None
    # 0.6 × the diversification target + 0.4 × 100, rounded half away from zero
    assert diversification_target(board(game)) == round(0.6 * without + 40 + 1e-9)
    set_number(game, "track.own_capability", 0)
    assert diversification_target(board(game)) == round(0.6 * without + 1e-9)


def test_switching_the_realist_assumption_off_leaves_diversification_alone() -> None:
    off = load(REALIST, without=["own_capability_is_autonomy"]).scenario
    assert off is not None and off.diversification is not None and off.diversification.capability is None


@pytest.mark.parametrize("folder", [ENGAGEMENT, REALIST])
def test_both_variants_play_whole_games(folder: Path) -> None:
    runs = simulate(load_ok(folder), "hedge", 0, 3)
    assert len(runs) == 3 and all(r.turns == 24 for r in runs)


def _layer(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "layer"
    folder.mkdir()
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("text", "expected"), [
    ("extends: indo_pacific_2025\nid: mod\nremove:\n  actions: [joint_drils]\n",
     "scenario.yaml:4:13: error[unknown-id]: no action 'joint_drils' to remove"),
    ("extends: indo_pacific_2024\nid: mod\n", "scenario.yaml:1:10: error[unknown-id]: no scenario 'indo_pacific_2024'"),
    ("extends: indo_pacific_2025\nid: mod\nremove:\n  assumptions: [alliance_deter]\n",
     "error[unknown-id]: no assumption 'alliance_deter' to switch off"),
    ("extends: indo_pacific_2025\nid: mod\nturns: many\n",
     "scenario.yaml:3:8: error[wrong-type]: turns: expected a whole number"),
])
def test_a_broken_layer_is_located_in_its_own_file(tmp_path: Path, text: str, expected: str) -> None:
    result = load(_layer(tmp_path, text))
    assert not result.ok
    assert any(expected in d.format() for d in result.diagnostics), [d.format() for d in result.diagnostics]


def test_a_layer_removes_an_action_and_what_needs_it_is_reported(tmp_path: Path) -> None:
    folder = _layer(tmp_path, "extends: indo_pacific_2025\nid: mod\nremove:\n  actions: [extended_deterrence_dialogue]\n")
    result = load(folder)
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.scenario is not None and result.scenario.action("extended_deterrence_dialogue") is None


def test_a_layer_of_a_layer_is_refused(tmp_path: Path) -> None:
    shutil.copytree(ENGAGEMENT, tmp_path / "indo_pacific_2025_engagement")
    folder = tmp_path / "deeper"
    folder.mkdir()
    (folder / "scenario.yaml").write_text("extends: indo_pacific_2025_engagement\nid: deeper\n", encoding="utf-8")
    result = load(folder)
    assert any("error[layer-of-layer]" in d.format() for d in result.diagnostics)

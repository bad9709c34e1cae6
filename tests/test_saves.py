"""Saves: written atomically, rotated, rebuilt by replay; a bad file is reported and kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko_game.core import Order, Scenario
from gaiko_game.session import saves
from gaiko_game.session.seeding import new_game


@pytest.fixture(autouse=True)
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path))
    return tmp_path / "saves"


def played(sc: Scenario, seed: int = 4):  # type: ignore[no-untyped-def]
    g = new_game(sc, seed)
    g.apply(g.legal_actions()[0])
    report = g.end_turn()
    while report is None:
        report = g.choose(g.default_choice() or "")
    return g


def test_a_save_rebuilds_the_same_game(default: Scenario) -> None:
    g = played(default)
    path = saves.quicksave(g, 4)
    again, seed = saves.load(path, default)
    assert seed == 4 and again.state.fingerprint() == g.state.fingerprint() and again.ledger == g.ledger


def test_autosaves_rotate_and_keep_the_previous_ones(default: Scenario, data: Path) -> None:
    g = new_game(default, 1)
    for _ in range(5):
        saves.autosave(g, 1)
        g.apply(next(o for o in g.legal_actions()))
        g.undo()
        report = g.end_turn()
        while report is None:
            report = g.choose(g.default_choice() or "")
    names = sorted(p.name for p in data.glob("*.json"))
    assert names == ["autosave-1.json", "autosave-2.json", "autosave-3.json"]
    turns = [saves.info(data / f"autosave-{i}.json").turn for i in (1, 2, 3)]
    assert turns == [5, 4, 3] and not list(data.glob("*.tmp"))


@pytest.mark.parametrize("content", ["", "{", "[]", '{"format": 99}', '{"format": 1, "scenario": "x"}'])
def test_a_damaged_save_is_reported_and_left_alone(default: Scenario, data: Path, content: str) -> None:
    data.mkdir(parents=True)
    bad = data / "quicksave.json"
    bad.write_text(content)
    with pytest.raises(saves.BadSave, match="quicksave.json"):
        saves.load(bad, default)
    found, problems = saves.listing()
    assert found == [] and len(problems) == 1 and bad.read_text() == content


def test_a_save_from_changed_content_says_so(default: Scenario) -> None:
    import dataclasses

    path = saves.quicksave(played(default), 4)
    changed = dataclasses.replace(default, content_hash="f" * 64)
    with pytest.raises(saves.BadSave, match="content"):
        saves.load(path, changed)


def test_a_hand_edited_log_is_refused_clearly(default: Scenario, data: Path) -> None:
    path = saves.quicksave(played(default), 4)
    path.write_text(path.read_text().replace('"end"', '"fly_to_the_moon"', 1))
    with pytest.raises(saves.BadSave, match="does not replay"):
        saves.load(path, default)


def test_listing_is_newest_first(default: Scenario) -> None:
    g = played(default)
    saves.autosave(g, 4)
    g2 = new_game(default, 9)
    g2.apply(Order(g2.legal_actions()[0].action, g2.legal_actions()[0].target))
    saves.quicksave(g2, 9)
    found, problems = saves.listing()
    assert [f.path.name for f in found] == ["quicksave.json", "autosave-1.json"] and problems == []

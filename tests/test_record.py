"""A game is rebuilt exactly from (scenario hash, seed, action log)."""

from __future__ import annotations

import dataclasses

import pytest

from gaiko_game.core import Scenario
from gaiko_game.session.policies import make_policy, play_game
from gaiko_game.session.record import Record, ScenarioMismatch, rebuild
from gaiko_game.session.seeding import POLICY_STREAM, new_game, stream


def test_rebuild_reproduces_the_game(default: Scenario) -> None:
    for seed in (0, 5, 77):
        game = play_game(new_game(default, seed), make_policy("random", stream(seed, POLICY_STREAM)))
        again = rebuild(default, Record.of(game, seed))
        assert again.state.fingerprint() == game.state.fingerprint()
        assert again.outcome() == game.outcome() and again.ledger == game.ledger


def test_rebuild_refuses_changed_content(default: Scenario) -> None:
    game = new_game(default, 1)
    record = Record.of(game, 1)
    changed = dataclasses.replace(default, content_hash="0" * 64)
    with pytest.raises(ScenarioMismatch, match="indo_pacific_2025"):
        rebuild(changed, record)

"""Rebuilding a game at any turn: what the replay viewer and the what-if rewind stand on."""

from __future__ import annotations

from gaiko_game.core import Scenario
from gaiko_game.session.policies import make_policy, play_game
from gaiko_game.session.seeding import POLICY_STREAM, new_game, stream
from gaiko_game.session.timeline import at_turn, turn_starts


def played(sc: Scenario, seed: int = 6):  # type: ignore[no-untyped-def]
    return play_game(new_game(sc, seed, difficulty="hard"), make_policy("hedge", stream(seed, POLICY_STREAM)))


def test_turn_starts_match_the_reports(default: Scenario) -> None:
    g = played(default)
    starts = turn_starts(g, 6)
    assert len(starts) == len(g.reports) + 1
    assert [s.turn for s in starts[:-1]] == list(range(1, len(g.reports) + 1))
    for start, report in zip(starts[1:], g.reports, strict=True):
        assert start.meters() == report.meters or start.is_over
    assert starts[-1].state.fingerprint() == g.state.fingerprint()


def test_at_turn_rebuilds_the_start_of_that_turn_and_plays_on(default: Scenario) -> None:
    g = played(default)
    rewound = at_turn(g, 6, 10)
    assert rewound.turn == 10 and rewound.legal_actions() and rewound.difficulty.id == "hard"
    assert rewound.state.fingerprint() == turn_starts(g, 6)[9].state.fingerprint()
    n = len(rewound.history)
    different = play_game(rewound, make_policy("us_first", stream(99, POLICY_STREAM)))
    assert different.is_over and different.history[:n] == g.history[:n] and different.history != g.history

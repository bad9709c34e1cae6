"""A classroom session's rules (issue 14, begun): parallel teams from one seed, role votes with the submitter
breaking ties, every vote kept, a session file that replays, a CSV per decision, a replay-verified leaderboard."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gaiko_game.core import Scenario
from gaiko_game.core.report import score_of
from gaiko_game.session.campaign import Source
from gaiko_game.session.classroom import ClassroomError, Room, leaderboard, verify
from tests.conftest import ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def room(default: Scenario) -> Room:
    return Room(default, Source.of(DEFAULT), 7, ["blue", "green"])


def test_every_team_plays_the_same_seed_and_meets_the_same_crises(default: Scenario) -> None:
    r = room(default)
    blue, green = (r.teams[t].campaign.game for t in ("blue", "green"))
    assert [e.id for e in blue.announced] == [e.id for e in green.announced]
    assert blue.view.meters() == green.view.meters() and r.weighting == "balanced" and r.difficulty == "standard"


def test_the_majority_decides_and_the_submitter_breaks_a_tie(default: Scenario) -> None:
    r = room(default)
    r.vote("blue", "mofa", "quad_summit")
    r.vote("blue", "mod", "joint_drills")
    r.vote("blue", "meti", "quad_summit")
    assert r.choice("blue", "mod") == "quad_summit"  # two votes to one, whoever submits
    r.vote("blue", "mof", "joint_drills")  # two against two: the submitting role decides
    assert r.choice("blue", "mod") == "joint_drills" and r.choice("blue", "mofa") == "quad_summit"
    done = r.submit("blue", "mod")
    assert done.decision == "joint_drills" and done.votes == {"mofa": "quad_summit", "mod": "joint_drills",
                                                             "meti": "quad_summit", "mof": "joint_drills"}
    assert r.teams["blue"].ballot == {} and r.teams["green"].decided == []  # the other team is untouched


@pytest.mark.parametrize(("call", "code"), [
    (lambda r: r.vote("red", "mofa", "quad_summit"), "team"),
    (lambda r: r.vote("blue", "army", "quad_summit"), "role"),
    (lambda r: r.vote("blue", "mofa", "fly_to_the_moon"), "illegal"),
    (lambda r: r.vote("blue", "mofa", "counterstrike_capability"), "illegal"),  # needs the 2+2 first
    (lambda r: r.choice("blue", "mofa"), "no_votes"),
])
def test_a_refused_request_says_why_and_changes_nothing(default: Scenario, call: object, code: str) -> None:
    r = room(default)
    with pytest.raises(ClassroomError) as refused:
        call(r)  # type: ignore[operator]
    assert refused.value.code == code and r.teams["blue"].ballot == {}


def test_a_tie_the_submitter_did_not_vote_in_is_refused(default: Scenario) -> None:
    r = room(default)
    r.vote("blue", "mofa", "quad_summit")
    r.vote("blue", "mod", "joint_drills")
    with pytest.raises(ClassroomError) as refused:
        r.choice("blue", "meti")
    assert refused.value.code == "tie"


def test_the_session_file_replays_every_team_and_the_leaderboard_counts_only_what_replays(
        default: Scenario, tmp_path: Path) -> None:
    r = room(default)
    for team, plan in (("blue", ["quad_summit", "end"]), ("green", ["joint_drills", "end"])):
        for decision in plan:
            for role in ("mofa", "mod"):
                r.vote(team, role, decision)
            r.submit(team, "mofa")
    path = tmp_path / "session.json"
    r.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert verify(default, data) == {"blue": True, "green": True}
    board = leaderboard(default, data)
    assert {t for t, _ in board} == {"blue", "green"} and all(s is not None for _, s in board)
    assert board[0][1] == max(score_of(t["meters"]) for t in data["teams"])
    data["teams"][1]["decided"][0]["decision"] = "quad_summit"  # an edited record no longer replays to its state
    assert verify(default, data)["green"] is False
    assert dict(leaderboard(default, data))["green"] is None


def test_the_csv_has_a_row_per_decision_with_every_vote_and_the_meters_after(default: Scenario) -> None:
    r = room(default)
    r.vote("blue", "mofa", "quad_summit")
    r.vote("blue", "meti", "asean_summit")
    r.vote("blue", "mof", "quad_summit")
    r.submit("blue", "mofa")
    rows = list(csv.DictReader(io.StringIO(r.csv())))
    game = r.teams["blue"].campaign.game
    assert rows == [{"team": "blue", "turn": "1", "decision": "quad_summit", "submitter": "mofa",
                     "vote_mofa": "quad_summit", "vote_mod": "", "vote_meti": "asean_summit", "vote_mof": "quad_summit",
                     **{m: str(v) for m, v in game.view.meters().items()},
                     "score": str(score_of(game.view.meters()))}]


def test_gaiko_replay_verifies_every_team_of_a_session_file(default: Scenario, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from gaiko_game.cli.main import main

    r = room(default)
    for team, decision in (("blue", "quad_summit"), ("green", "joint_drills")):
        r.vote(team, "mofa", decision)
        r.submit(team, "mofa")
    path = tmp_path / "class.json"
    r.save(path)
    assert main(["replay", str(path), "--verify", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for team in ("blue", "green"):
        score = score_of(r.teams[team].campaign.game.view.meters())
        assert f"Team “{team}”: replays to its record (score {score})" in out
    data = json.loads(path.read_text(encoding="utf-8"))
    data["teams"][0]["meters"]["security"] += 1  # a hand-edited result
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["replay", str(path), "--verify", "--lang", "ja"]) == 1
    assert "チーム「blue」：記録どおりに再現できません。スコアは数えません" in capsys.readouterr().out

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
    r = Room(default, Source.of(DEFAULT), 7, ["blue", "green"])
    r.start()
    return r


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
                     "vote_kantei": "",
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


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def crisis_room(default: Scenario, clock: Clock, teams: tuple[str, ...] = ("blue", "green")) -> Room:
    """Seed 13 announces the Taiwan Strait exercises on turn 1 (default answer: quiet diplomacy)."""
    return Room(default, Source.of(DEFAULT), 13, list(teams), clock=clock)


def test_the_default_preset_fits_a_period_and_the_clock_closes_a_turn_with_default_answers(default: Scenario) -> None:
    clock = Clock()
    r = crisis_room(default, clock)
    assert (r.preset.id, r.preset.turns, r.preset.minutes, r.status, r.roles) == (
        "one_period", 8, 4.0, "lobby", ("mofa", "mod", "meti", "mof", "kantei"))
    with pytest.raises(ClassroomError) as refused:
        r.vote("blue", "mofa", "quad_summit")
    assert refused.value.code == "not_open"  # nothing before the teacher opens the first turn
    r.start()
    assert r.remaining() == 240.0
    r.vote("blue", "mofa", "quad_summit")
    r.submit("blue", "mofa")
    clock.now += 239
    assert not r.tick() and r.remaining() == 1.0
    clock.now += 1
    assert r.tick() and r.status == "closed"
    for t in r.teams.values():  # both teams ended the turn; the crisis took its declared default
        timed = [(d.decision, d.submitter, d.votes) for d in t.decided if d.submitter == "timer"]
        assert timed == [("end", "timer", {}), ("choose:quiet_diplomacy", "timer", {})]
        assert t.game.turn == 2 and t.ballot == {}
    with pytest.raises(ClassroomError) as refused:
        r.vote("blue", "mofa", "quad_summit")
    assert refused.value.code == "not_open"


def test_pause_keeps_the_time_left_and_extend_adds_to_it(default: Scenario) -> None:
    clock = Clock()
    r = crisis_room(default, clock)
    r.start()
    clock.now += 100
    r.pause()
    clock.now += 1000  # a paused clock does not run
    assert r.remaining() == 140.0 and not r.tick()
    r.extend(60)
    r.resume()
    assert r.remaining() == 200.0
    r.extend(-500)
    assert r.remaining() == 0.0 and r.tick() and r.status == "closed"


def test_a_turn_closes_itself_when_every_team_with_students_has_finished_it_and_the_last_turn_ends_the_session(
        default: Scenario) -> None:
    clock = Clock()
    r = Room(default, Source.of(DEFAULT), 7, ["blue", "nobody"], preset="one_period", clock=clock)
    r.join("blue", "mod")
    for turn in range(1, 9):
        r.start()
        assert r.turn == turn
        while r.teams["blue"].game.turn == turn:
            game = r.teams["blue"].game
            r.vote("blue", "mod", "end" if game.pending_crisis is None else f"choose:{game.default_choice()}")
            r.submit("blue", "mod")
    assert r.status == "ended" and r.teams["blue"].game.turn == 9
    assert {d.submitter for d in r.teams["nobody"].decided} == {"timer"}  # a team nobody joined is not waited for
    assert r.teams["nobody"].game.turn == 9
    with pytest.raises(ClassroomError):
        r.start()


def test_the_teacher_vetoes_or_deals_a_crisis_for_chosen_teams_and_replays_see_it(default: Scenario,
                                                                                 tmp_path: Path) -> None:
    clock = Clock()
    r = crisis_room(default, clock, ("blue", "green", "red"))
    r.start()
    assert r.veto("taiwan_strait_exercises", ["blue"]) == ["blue"]
    assert [e.id for e in r.teams["blue"].game.announced] == []
    assert [e.id for e in r.teams["green"].game.announced] == ["taiwan_strait_exercises"]
    assert r.deal("north_korea_missile", ["green"]) == ["green"]
    assert [e.id for e in r.teams["green"].game.announced] == ["taiwan_strait_exercises", "north_korea_missile"]
    with pytest.raises(ClassroomError) as refused:
        r.veto("north_korea_missile", ["red"])  # red never had it
    assert refused.value.code == "illegal"
    r.close()
    assert [d.decision for d in r.teams["blue"].decided] == ["veto:taiwan_strait_exercises", "end"]
    assert r.teams["blue"].decided[0].submitter == "teacher"
    path = tmp_path / "class.json"
    r.save(path)
    assert verify(default, json.loads(path.read_text(encoding="utf-8"))) == {"blue": True, "green": True, "red": True}


def test_seats_are_per_team_and_role_locked_teams_take_no_one_and_a_merge_moves_the_students(
        default: Scenario) -> None:
    r = crisis_room(default, Clock())
    a = r.join("blue", "mofa")
    with pytest.raises(ClassroomError) as refused:
        r.join("blue", "mofa")
    assert refused.value.code == "role_taken"
    b = r.join("blue", "mofa", replace=True)  # the first device is gone: its token no longer holds a seat
    with pytest.raises(ClassroomError) as refused:
        r.seat(a)
    assert refused.value.code == "token" and r.seat(b).role == "mofa"
    r.lock("green")
    with pytest.raises(ClassroomError) as refused:
        r.join("green", "mod")
    assert refused.value.code == "locked"
    r.lock("green", False)
    g = r.join("green", "mofa")
    r.merge("green", "blue")
    assert r.seat(g).team == "blue" and r.seat(g).role == "mod"  # the next free role of the team it joined
    assert not r.teams["green"].playing and r.join("green", "meti") and r.holder("blue", "meti")


def test_a_session_resumes_from_its_file_paused_with_the_time_it_had_left(default: Scenario, tmp_path: Path) -> None:
    clock = Clock()
    r = crisis_room(default, clock)
    token = r.join("blue", "meti")
    r.start()
    r.vote("blue", "meti", "quad_summit")
    r.submit("blue", "meti")
    r.reveal("agenda", "china")
    clock.now += 40
    path = tmp_path / "class.json"
    r.save(path)
    back = Room.resume_from(default, json.loads(path.read_text(encoding="utf-8")), clock)
    assert (back.status, back.remaining(), back.turn, back.code) == ("paused", 200.0, 1, r.code)
    assert back.seat(token) == r.seat(token) and back.reveals() == [{"turn": 1, "kind": "agenda", "actor": "china"}]
    assert [d.decision for d in back.teams["blue"].decided] == ["quad_summit"]
    assert back.teams["blue"].game.view.meters() == r.teams["blue"].game.view.meters()
    assert token not in path.read_text(encoding="utf-8")  # the file keeps a hash of each seat's token, not the token
    anonymous = r.data(anonymous=True)
    assert anonymous["members"] == {} and anonymous["code"] == ""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["teams"][0]["decided"][0]["decision"] = "joint_drills"
    with pytest.raises(ClassroomError) as refused:
        Room.resume_from(default, data, clock)
    assert refused.value.code == "replay"

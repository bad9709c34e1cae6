"""The classroom server over real WebSocket connections (Starlette's test client): seats and tokens, the teacher's
console only from the teacher's machine, every message checked, a rate limit, rejoining, the exports; and a real
`gaiko class` process killed with SIGKILL mid-turn that resumes from its session file with no decision lost."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from websockets.sync.client import connect

from gaiko_game.classroom.hub import GRACE, TOO_MANY_REFUSED, Hub
from gaiko_game.classroom.server import app
from gaiko_game.core import Scenario
from gaiko_game.present.words import words
from gaiko_game.session.campaign import Source
from gaiko_game.session.classroom import Room, token_key
from tests.classroom_server import serving
from tests.conftest import ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"
TEACHER = "teacher-secret"
Socket = Any


@pytest.fixture
def hub(default: Scenario, tmp_path: Path) -> Hub:
    """Two teams on seed 13 (the Taiwan Strait exercises are announced on turn 1)."""
    return Hub(Room(default, Source.of(DEFAULT), 13, ["1", "2"]), tmp_path / "class.json", TEACHER, "http://x/?c=")


@pytest.fixture
def client(hub: Hub) -> Iterator[TestClient]:
    with TestClient(app(hub, own=frozenset({"testclient"}))) as c:  # the test client is "this machine"
        yield c


def join(client: TestClient, hub: Hub, team: str, role: str) -> str:
    r = client.post("/api/join", json={"code": hub.room.code.lower(), "team": team, "role": role})
    assert r.status_code == 200, r.text
    return str(r.json()["token"])


def said(ws: Socket) -> dict[str, Any]:
    message: dict[str, Any] = ws.receive_json()
    return message


def hello(ws: Socket, **fields: str) -> dict[str, Any]:
    ws.send_text(json.dumps({"type": "hello", **fields}))
    return said(ws)


def until(ws: Socket, test: Any, limit: int = 20) -> dict[str, Any]:
    """The first message that passes ``test`` (views are sent whenever something a page shows changes)."""
    for _ in range(limit):
        m = said(ws)
        if test(m):
            return m
    raise AssertionError("no such message")


def test_joining_needs_the_room_code_and_a_free_role(client: TestClient, hub: Hub) -> None:
    wrong = client.post("/api/join", json={"code": "ZZZZZ", "team": "1", "role": "mofa"})
    assert wrong.status_code == 403 and wrong.json()["code"] == "code"
    assert client.get("/api/room", params={"code": "ZZZZZ"}).status_code == 404
    token = join(client, hub, "1", "mofa")
    with client.websocket_connect("/ws") as ws:
        assert hello(ws, view="student", token=token)["view"]["me"]["role"] == "mofa"
        taken = client.post("/api/join", json={"code": hub.room.code, "team": "1", "role": "mofa"})
        assert taken.status_code == 409 and taken.json()["code"] == "role_taken"  # its holder is connected
    taken = client.post("/api/join", json={"code": hub.room.code, "team": "1", "role": "mofa"})
    assert taken.status_code == 409 and taken.json()["code"] == "role_wait"  # a sleeping tablet keeps its seat a while
    hub.seen[token_key(token)] -= GRACE
    again = join(client, hub, "1", "mofa")  # a device gone for good gives up its role to one that joins
    assert again != token and hub.room.seat(again).role == "mofa"
    room = client.get("/api/room", params={"code": hub.room.code}).json()
    assert room["teams"][0]["held"] == ["mofa"] and room["roles"][0]["name"]["ja"] == "外務省"
    for bad in ({"code": hub.room.code}, {"code": hub.room.code, "team": 1, "role": "mod"}, "[]"):
        r = client.post("/api/join", content=json.dumps(bad))
        assert r.status_code == 400 and r.json()["code"] == "schema"
    huge = client.post("/api/join", content=json.dumps({"code": "x" * 5000, "team": "1", "role": "mofa"}))
    assert huge.status_code == 413 and huge.json()["code"] == "too_big"


def test_a_student_acts_only_for_their_own_team_and_never_opens_the_console(client: TestClient, hub: Hub) -> None:
    token = join(client, hub, "1", "mofa")
    with client.websocket_connect("/ws") as ws:
        assert hello(ws, view="teacher", token=token)["code"] == "teacher"  # a seat's token is not the teacher's
    with client.websocket_connect("/ws") as ws:
        assert hello(ws, view="student", token="made-up")["code"] == "token"
    hub.room.start()
    with client.websocket_connect("/ws") as ws:
        hello(ws, view="student", token=token, lang="en")
        ws.send_text(json.dumps({"type": "vote", "decision": "quad_summit", "team": "2"}))
        assert said(ws)["code"] == "schema"  # a message names no team: the seat decides which team it is for
        ws.send_text(json.dumps({"type": "start"}))
        assert said(ws)["code"] == "unknown"  # a teacher's move from a student's page
        ws.send_text(json.dumps({"type": "vote", "decision": "quad_summit"}))
        until(ws, lambda m: m["type"] == "state" and m["view"]["ballot"])
    assert hub.room.teams["1"].ballot == {"mofa": "quad_summit"} and hub.room.teams["2"].ballot == {}
    assert client.get("/export/results.csv", params={"token": token}).status_code == 403


def test_the_console_opens_only_with_the_teacher_token_on_the_teachers_machine(hub: Hub) -> None:
    with TestClient(app(hub, own=frozenset())) as elsewhere, elsewhere.websocket_connect("/ws") as ws:
        assert hello(ws, view="teacher", token=TEACHER)["code"] == "teacher"  # the right token from another device
        assert elsewhere.get("/export/session.json", params={"token": TEACHER}).status_code == 403
    with TestClient(app(hub, own=frozenset({"testclient"}))) as here, here.websocket_connect("/ws") as ws:
        view = hello(ws, view="teacher", token=TEACHER, lang="ja")["view"]
        assert view["kind"] == "teacher" and view["code"] == hub.room.code and view["status"] == "lobby"


@pytest.mark.parametrize(("message", "code"), [
    ("x" * 5000, "too_big"),
    ("{not json", "not_json"),
    ("[1, 2]", "schema"),
    ('{"type": "fly"}', "unknown"),
    ('{"type": "vote"}', "schema"),
    ('{"type": "vote", "decision": 7}', "schema"),
    ('{"type": "vote", "decision": "' + "a" * 81 + '"}', "schema"),
    ('{"type": "vote", "decision": "fly_to_the_moon"}', "illegal"),
    ('{"type": "submit"}', "no_votes"),
    ('{"type": "lang", "lang": "fr"}', "schema"),
])
def test_a_bad_message_gets_a_clear_reply_and_the_connection_goes_on(client: TestClient, hub: Hub, message: str,
                                                                     code: str) -> None:
    token = join(client, hub, "1", "meti")
    hub.room.start()
    with client.websocket_connect("/ws") as ws:
        hello(ws, view="student", token=token)
        ws.send_text(message)
        reply = said(ws)
        assert reply["type"] == "error" and reply["code"] == code and reply["message"]
        ws.send_text(json.dumps({"type": "vote", "decision": "quad_summit"}))  # still served
        assert until(ws, lambda m: m["type"] == "state")["view"]["ballot"]["meti"]["decision"] == "quad_summit"
    assert [d.decision for d in hub.room.teams["1"].decided] == []


def test_a_page_that_floods_is_slowed_then_closed(client: TestClient, hub: Hub) -> None:
    token = join(client, hub, "1", "mod")
    with client.websocket_connect("/ws") as ws:
        hello(ws, view="student", token=token)
        for _ in range(200):
            ws.send_text(json.dumps({"type": "lang", "lang": "en"}))
        codes = []
        while True:
            m = ws.receive()
            if m["type"] == "websocket.close":
                assert m["code"] == 1008
                break
            codes.append(json.loads(m["text"]).get("code"))
    assert codes.count("rate") == TOO_MANY_REFUSED - 1 and len(codes) < 200


def test_a_closed_tab_rejoins_the_same_team_role_and_votes(client: TestClient, hub: Hub) -> None:
    token = join(client, hub, "2", "mof")
    hub.room.start()
    with client.websocket_connect("/ws") as ws:
        hello(ws, view="student", token=token, lang="en")
        ws.send_text(json.dumps({"type": "vote", "decision": "choose:quiet_diplomacy"}))
        assert said(ws)["code"] == "illegal"  # the crisis is answered after the actions
        ws.send_text(json.dumps({"type": "vote", "decision": "joint_drills"}))
        until(ws, lambda m: m["type"] == "state" and m["view"]["ballot"])
    with client.websocket_connect("/ws") as ws:
        view = hello(ws, view="student", token=token, lang="ja")["view"]
        assert (view["team"], view["me"]["role"], view["ballot"]["mof"]["decision"]) == ("2", "mof", "joint_drills")
        assert view["me"]["role_name"] == "財務省" and view["hud"]["meters"][0]["name"] == "安全保障"


def test_the_projector_shows_who_has_submitted_but_never_a_vote(client: TestClient, hub: Hub) -> None:
    token = join(client, hub, "1", "mofa")
    join(client, hub, "2", "mofa")
    hub.room.start()
    with client.websocket_connect("/ws") as projector, client.websocket_connect("/ws") as ws:
        first = hello(projector, view="projector", code=hub.room.code)["view"]
        assert [t["finished"] for t in first["teams"]] == [False, False]
        hello(ws, view="student", token=token)
        for decision in ("end", "choose:joint_statement"):
            ws.send_text(json.dumps({"type": "vote", "decision": decision}))
            until(ws, lambda m: m["type"] == "state")
            ws.send_text(json.dumps({"type": "submit"}))
            until(ws, lambda m: m["type"] == "state")
        view = until(projector, lambda m: m["view"]["teams"][0]["finished"])["view"]
        assert [t["finished"] for t in view["teams"]] == [True, False]
        assert "ballot" not in json.dumps(view) and "joint_statement" not in json.dumps(view)


def test_the_teacher_runs_the_clock_and_exports_the_results(client: TestClient, hub: Hub) -> None:
    token = join(client, hub, "1", "mofa")
    with client.websocket_connect("/ws") as teacher, client.websocket_connect("/ws") as ws:
        hello(teacher, view="teacher", token=TEACHER)
        hello(ws, view="student", token=token)
        teacher.send_text(json.dumps({"type": "start"}))
        assert until(teacher, lambda m: m["view"]["status"] == "open")["remaining"] == pytest.approx(240, abs=2)
        teacher.send_text(json.dumps({"type": "veto", "event": "taiwan_strait_exercises", "teams": ["2"]}))
        until(teacher, lambda m: m["view"]["teams"][1]["announced"] == [])
        ws.send_text(json.dumps({"type": "vote", "decision": "quad_summit"}))
        until(ws, lambda m: m["type"] == "state" and m["view"]["ballot"])
        ws.send_text(json.dumps({"type": "submit"}))
        until(ws, lambda m: m["type"] == "state" and m["view"]["decided"])
        teacher.send_text(json.dumps({"type": "close"}))
        assert until(teacher, lambda m: m["view"]["status"] == "closed")["view"]["turn"] == 1
    text = client.get("/export/results.csv", params={"token": TEACHER, "lang": "en"}).text
    assert text.startswith("\ufeffteam,turn,decision,decision_name,")  # the mark Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [(r["team"], r["turn"], r["decision"], r["submitter"]) for r in rows] == [
        ("1", "1", "quad_summit", "mofa"), ("1", "1", "end", "timer"), ("1", "1", "choose:quiet_diplomacy", "timer"),
        ("2", "1", "veto:taiwan_strait_exercises", "teacher"), ("2", "1", "end", "timer")]
    w = words(hub.room.scenario, "en")
    assert rows[0]["vote_mofa"] == "quad_summit" and rows[0]["decision_name"] == w.name("action.quad_summit.name")
    assert rows[1]["decision_name"] == "End turn"
    assert rows[2]["decision_name"] == w.name("event.taiwan_strait_exercises.choice.quiet_diplomacy")
    anonymous = client.get("/export/session.json", params={"token": TEACHER, "anonymous": "1"}).json()
    assert anonymous["members"] == {} and anonymous["code"] == "" and len(anonymous["teams"][0]["decided"]) == 3
    saved = json.loads(hub.path.read_text(encoding="utf-8"))  # written after every change
    assert saved["status"] == "closed" and len(saved["teams"][1]["decided"]) == 2


def _say(ws: Socket, message: dict[str, Any]) -> None:
    ws.send(json.dumps(message))


def _state(ws: Socket, test: Any) -> dict[str, Any]:
    for _ in range(30):
        m: dict[str, Any] = json.loads(ws.recv(timeout=15))
        if m["type"] == "state" and test(m["view"]):
            return m
    raise AssertionError("no such state")


def test_a_server_killed_mid_turn_resumes_from_its_file_with_every_decision(default: Scenario, tmp_path: Path) -> None:
    import urllib.request

    session = tmp_path / "class.json"

    def post_join(base: str, code: str, team: str, role: str) -> str:
        body = json.dumps({"code": code, "team": team, "role": role}).encode()
        request = urllib.request.Request(base + "/api/join", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as r:
            return str(json.load(r)["token"])

    with serving(session, "--teams", "2", "--seed", "13") as server:
        tokens = {t: post_join(server.base, server.code, t, "mofa") for t in ("1", "2")}
        with connect(server.ws) as teacher:
            _say(teacher, {"type": "hello", "view": "teacher", "token": server.teacher})
            _say(teacher, {"type": "start"})
            _state(teacher, lambda v: v["status"] == "open")
        for team, plan in (("1", ["quad_summit", "asean_summit"]), ("2", ["joint_drills"])):
            with connect(server.ws) as ws:
                _say(ws, {"type": "hello", "view": "student", "token": tokens[team]})
                for decision in plan:
                    _say(ws, {"type": "vote", "decision": decision})
                    _state(ws, lambda v, d=decision: v["ballot"].get("mofa", {}).get("decision") == d)
                    _say(ws, {"type": "submit"})
                    _state(ws, lambda v, d=decision, n=plan.index(decision): len(v["decided"]) == n + 1)
        server.kill()  # SIGKILL mid-turn: the server writes nothing on the way out
    with serving(session, resume=True) as again:
        with connect(again.ws) as ws:
            _say(ws, {"type": "hello", "view": "student", "token": tokens["1"], "lang": "en"})
            view = _state(ws, lambda v: True)["view"]
        assert view["status"] == "paused" and view["turn"] == 1 and view["me"]["role"] == "mofa"
        w = words(default, "en")
        assert [d["label"] for d in view["decided"]] == [w.name(f"action.{a}.name") for a in ("quad_summit", "asean_summit")]
        with connect(again.ws) as teacher:
            _say(teacher, {"type": "hello", "view": "teacher", "token": again.teacher})
            _state(teacher, lambda v: v["status"] == "paused")
            _say(teacher, {"type": "resume"})
            _state(teacher, lambda v: v["status"] == "open")
    data = json.loads(session.read_text(encoding="utf-8"))
    assert [[d["decision"] for d in t["decided"]] for t in data["teams"]] == [["quad_summit", "asean_summit"],
                                                                             ["joint_drills"]]


def test_a_student_can_leave_a_seat_for_the_next_one(client: TestClient, hub: Hub) -> None:
    token = join(client, hub, "1", "meti")
    with client.websocket_connect("/ws") as ws:
        hello(ws, view="student", token=token)
        ws.send_text(json.dumps({"type": "leave"}))
        assert until(ws, lambda m: m["type"] == "error")["code"] == "token"  # the page goes back to joining
    assert hub.room.holder("1", "meti") is None
    assert hub.room.seat(join(client, hub, "1", "meti")).role == "meti"  # at once: no grace for a seat given up


def test_team_names_split_on_japanese_commas_and_the_address_students_get_is_never_every_interface(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from gaiko_game.classroom import net
    from gaiko_game.cli.classroom import team_names

    assert team_names(6, "赤、青，緑, 黄") == ["赤", "青", "緑", "黄"] and team_names(3, None) == ["1", "2", "3"]
    monkeypatch.setattr(net, "addresses", lambda: ["192.168.1.20", "10.0.0.5"])
    assert net.choose_host(None) == ("192.168.1.20", "192.168.1.20", ["10.0.0.5"])
    assert net.choose_host("0.0.0.0") == ("0.0.0.0", "192.168.1.20", ["10.0.0.5"])  # listen everywhere, as asked
    assert net.choose_host("10.0.0.5") == ("10.0.0.5", "10.0.0.5", ["192.168.1.20"])
    monkeypatch.setattr(net, "addresses", list)
    with pytest.raises(net.NoAddress):
        net.choose_host(None)  # never every interface silently: the teacher is told what to do


@pytest.mark.parametrize(("args", "said"), [
    (["--preset", "three_periods"], "そのプリセットはありません。使えるのは one_period, two_periods, full_game です。"),
    (["--names", "赤、赤"], "チームを1つ以上、それぞれ別の名前で指定してください。"),
    (["--difficulty", "impossible"], "impossible"),
])
def test_gaiko_class_refuses_bad_options_in_the_teachers_language_without_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str) -> None:
    from gaiko_game.cli.main import main

    assert main(["class", "--host", "127.0.0.1", "--port", "0", "--no-browser", "--lang", "ja",
                 "--session", str(tmp_path / "s.json"), *args]) == 1
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err and not (tmp_path / "s.json").exists()


def test_each_ministrys_advice_is_computed_once_per_team_and_decision_not_per_student(
        client: TestClient, hub: Hub, monkeypatch: pytest.MonkeyPatch) -> None:
    from gaiko_game.classroom import views

    calls = []
    real = views.advice_all
    monkeypatch.setattr(views, "advice_all", lambda game, roles: calls.append(1) or real(game, roles))
    tokens = [join(client, hub, "1", r) for r in ("mofa", "mod", "meti", "mof", "kantei")]
    hub.room.start()
    pages = [client.websocket_connect("/ws") for _ in tokens]
    try:
        seen = [hello(ws.__enter__(), view="student", token=k, lang="ja")["view"]["me"] for ws, k in zip(pages, tokens,
                                                                                                      strict=True)]
        assert len(calls) == 1  # five students, five roles, one look at the options
        assert {m["role"] for m in seen} == {"mofa", "mod", "meti", "mof", "kantei"}
        assert seen[1]["advice"][0]["gains"][0]["meter"] == "安全保障"  # the defence ministry weighs security
    finally:
        for ws in pages:
            ws.__exit__(None, None, None)


def test_the_debrief_ranks_a_team_only_when_its_record_replays_to_its_result(hub: Hub) -> None:
    from gaiko_game.classroom.views import Views

    room = hub.room
    room.join("1", "mofa")
    room.start()
    room.vote("1", "mofa", "quad_summit")
    room.submit("1", "mofa")
    room.end()
    ranked = Views(room).debrief("en")["teams"]
    assert all(t["verified"] for t in ranked) and len(ranked) == 2
    room.teams["1"].decided.pop(0)  # a record that no longer leads to the team's state
    ranked = Views(room).debrief("en")["teams"]
    assert [(t["id"], t["verified"]) for t in ranked] == [("2", True), ("1", False)]


def test_every_refusal_the_server_can_send_has_a_text_in_both_languages() -> None:
    import re

    from gaiko_game.classroom.strings import PAGE

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "gaiko_game").rglob("*.py"))
    codes = set(re.findall(r'(?:ClassroomError|BadMessage|refuse\(conn)\(?,? ?"([a-z_]+)"', source)) | {"rate"}
    assert {"role_wait", "token", "too_big", "illegal"} <= codes
    missing = [c for c in sorted(codes) if not all(PAGE.get(f"error.{c}", {}).get(lang) for lang in ("ja", "en"))]
    assert missing == []


def test_between_turns_the_pages_show_the_date_of_the_class_turn_not_the_next(hub: Hub) -> None:
    from gaiko_game.classroom.views import Views

    room = hub.room
    room.join("1", "mofa")
    room.start()
    room.close()  # every team's game is now at turn 2; the class is still at turn 1 until the teacher starts it
    views = Views(room)
    assert room.teams["1"].game.turn == 2 and room.status == "closed"
    assert views.student("1", "mofa", "en")["hud"]["date"] == "2025 Q1" == views.room_view("en", False)["date"]
    room.start()
    assert Views(room).student("1", "mofa", "ja")["hud"]["date"] == "2025年 第2四半期"

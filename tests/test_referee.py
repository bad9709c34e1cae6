"""The referee's aid for the printed kit (`gaiko play --text --referee`, issue 15): the teacher enters each team's cards
by code and the class's dice rolls; the laptop keeps the books, and the class ends with the same debrief, CSV and
verifiable session file as a digital class."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.core import Scenario
from gaiko_game.core.rng import dice_needed
from gaiko_game.present.cards import Codes
from tests.conftest import ROOT


def referee(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lines: list[str],
            *args: str) -> tuple[int, str]:
    """Run the real command on a typed script (the end of input after it), and what it printed."""
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    code = main(["play", "--text", "--referee", *args])
    return code, capsys.readouterr().out


def decided(session: Path) -> list[list[str]]:
    return [[d["decision"] for d in t["decided"]] for t in json.loads(session.read_text(encoding="utf-8"))["teams"]]


def test_two_teams_play_the_default_scenario_by_their_cards(default: Scenario, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    codes, session = Codes.of(default), tmp_path / "class.json"
    a02, a03, a11 = (codes.action[a] for a in ("two_plus_two", "counterstrike_capability", "maritime_capacity"))
    strike = default.action("counterstrike_capability")
    assert strike is not None and strike.odds is not None
    needed = dice_needed(strike.odds.base)
    missile = default.event("north_korea_missile")  # seed 1 deals it in turn 2
    assert missile is not None
    trilateral = codes.answer(missile, "trilateral_response")
    script = ["Z99", a02, "end",  # team 1, turn 1 (a bad code first)
              a02, a11, "9", "2", "end",  # team 2: a target asked for, a wrong one, then Vietnam by its number
              a03, str(needed), "end", "?", "a",  # team 1, turn 2: a roll at exactly the needed number; a letter
              a03, "abc", "150", str(needed + 1), "undo", "end", trilateral, "c",  # team 2: bad rolls, then one short
              "q"]
    code, out = referee(monkeypatch, capsys, script, "--teams", "2", "--seed", "1", "--lang", "en", "--session",
                        str(session))
    assert code == 0
    assert "“z99” is not a code that can be used here: list lists the actions, ? shows help." in out
    assert "Maritime Capacity Building: the target's number (Enter goes back) > " in out and "  2. Vietnam (vietnam)" in out
    assert "“9” is not one of the targets." in out
    assert f"Roll two ten-sided dice (01–100; 00 is 100): success on 1–{needed}." in out
    assert f"Rolled {needed} (success on 1–{needed}): success" in out
    assert f"Rolled {needed + 1} (success on 1–{needed}): failure" in out
    assert "“abc” is not a roll: type the number the dice show (1–100; 00 is 100), or press Enter." in out
    assert "A dice roll is 1–100 (two ten-sided dice, 00 is 100), not 150." in out  # the engine's reason
    assert "A roll, once made, is final: it cannot be undone." in out
    assert f"Team “1” — Crisis: North Korean Missile Flies over Japan ({trilateral[:-1]})" in out
    assert "a/b/c: choose that answer" in out  # the crisis prompt's help
    assert "Not enough Diplomatic Capital" in out  # the engine refuses an answer team 2 cannot pay for
    assert f"Saved. To continue: gaiko play --text --referee --resume {session}" in out
    assert decided(session) == [
        ["two_plus_two", "end", f"counterstrike_capability#{needed}", "end", "choose:coordinate_with_us"],
        ["two_plus_two", "maritime_capacity@vietnam", "end", f"counterstrike_capability#{needed + 1}", "end",
         "choose:un_statement"]]
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert {(d["submitter"], str(d["votes"])) for t in saved["teams"] for d in t["decided"]} == {("referee", "{}")}

    code, out = referee(monkeypatch, capsys, ["end", "d", "skip", "finish", "n", "finish", "y"], "--resume",
                        str(session), "--lang", "en")
    assert code == 0 and "Session resumed at turn 3 of 8." in out
    assert "===== Debrief: Indo-Pacific 2025 =====" in out and "Ranking (a score counts only when" in out
    assert "  1. Team “" in out and "  2. Team “" in out and "The same crises, side by side:" in out
    assert "    Team “1”: Coordinate a response with the US\n    Team “2”: Seek a UN Security Council statement" in out
    table = session.with_suffix(".csv")
    assert f"Results (CSV, one row per decision): {table}" in out
    assert f"Session file (verify it: gaiko replay {session} --verify): {session}" in out
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert saved["status"] == "ended"
    raw = table.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    roles = [r.id for r in default.roles()]
    assert rows[0] == ["team", "turn", "decision", "decision_name", "submitter", *(f"vote_{r}" for r in roles),
                       *default.meter_ids(), "score"]
    assert len(rows) - 1 == sum(len(t["decided"]) for t in saved["teams"])
    assert ["1", "2", f"counterstrike_capability#{needed}", "Counterstrike Capability", "referee"] == rows[3][:5]
    skipped = [r for r in rows if r[0] == "2" and r[1] == "3"]
    assert [(r[2], r[4]) for r in skipped] == [("end", "timer"), ("choose:study_standards_first", "timer")]
    assert main(["replay", str(session), "--verify"]) == 0


def test_a_japanese_class_plays_the_tutorial_to_its_debrief(tutorial: Scenario, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    codes, session = Codes.of(tutorial), tmp_path / "tutorial.json"
    missile, curbs = tutorial.event("north_korea_missile"), tutorial.event("rare_earth_curbs")  # turns 2 and 4
    assert missile is not None and curbs is not None
    talks = next(c for c in curbs.choices if c.id == "negotiate_with_china")
    assert talks.odds is not None
    needed = dice_needed(talks.odds.base)
    drills, maritime = codes.action["joint_drills"], codes.action["maritime_capacity"]
    script = ["Ｚ９９", drills.translate(str.maketrans("A0123456789", "Ａ０１２３４５６７８９")), "undo", maritime, "9",
              "2", "end",  # 赤: a full-width code (as a Japanese input method types it), taken back
              f"{maritime}@philippines", "end",  # 青
              "end", "a", "end", codes.answer(missile, "trilateral_response"), "end", "end",  # turns 2 and 3
              "end", "b", str(needed), "end", codes.answer(curbs, talks.id), str(needed + 1),  # turn 4: the dice
              "end", "end"]  # turn 5: the preset's last, then the debrief
    code, out = referee(monkeypatch, capsys, script, "--scenario", str(ROOT / "scenarios" / "tutorial"), "--names",
                        "赤、青", "--seed", "0", "--lang", "ja", "--session", str(session))
    assert code == 0
    assert "「z99」はここで使えるコードではありません。" in out
    assert "取り消しました：日米共同訓練" in out and "「9」は対象の一覧にありません。" in out
    assert "===== ターン 1/5：各チームのカードを入力 =====" in out and "----- チーム「青」 -----" in out
    assert f"十面体のサイコロを二個振ってください（01〜100、00 は 100）：1〜{needed} で成功。" in out
    assert f"出た目 {needed}（1〜{needed} で成功）：成功" in out and f"出た目 {needed + 1}（1〜{needed} で成功）：失敗" in out
    assert "===== 振り返り：" in out and "順位（記録どおりに再現できたスコアだけを数えます）：" in out
    assert "    チーム「赤」：中国政府と交渉する\n    チーム「青」：中国政府と交渉する" in out
    assert decided(session) == [
        ["maritime_capacity@vietnam", "end", "end", "choose:coordinate_with_us", "end", "end",
         f"choose:negotiate_with_china#{needed}", "end"],
        ["maritime_capacity@philippines", "end", "end", "choose:trilateral_response", "end", "end",
         f"choose:negotiate_with_china#{needed + 1}", "end"]]
    assert session.with_suffix(".csv").is_file() and json.loads(session.read_text(encoding="utf-8"))["status"] == "ended"
    assert main(["replay", str(session), "--verify"]) == 0  # the undone card and both rolls replay


def test_end_of_input_saves_to_the_data_folder_and_the_options_need_the_referee(
        data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = referee(monkeypatch, capsys, ["A02"], "--teams", "3", "--seed", "5", "--lang", "en")
    (session,) = (data / "classes").glob("referee-*.json")
    assert code == 0 and f"--resume {session}" in out
    assert decided(session) == [["two_plus_two"], [], []]
    assert main(["play", "--referee"]) == 2
    assert "--referee needs --text" in capsys.readouterr().err
    assert main(["play", "--text", "--teams", "2"]) == 2
    assert "--teams is only for the referee's aid" in capsys.readouterr().err
    assert main(["play", "--text", "--referee", "--resume", str(data / "nothing.json"), "--lang", "en"]) == 1
    assert "is not a Gaikō class session file" in capsys.readouterr().err


def test_the_kits_teacher_pages_print_a_referee_command_that_starts_the_class(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import shlex

    from gaiko_game.printkit.kit import build
    from tests.conftest import load_ok

    folder = "scenarios/tutorial"
    kit = build(load_ok(ROOT / folder), "en", folder=folder)
    text = " ".join(p.text("en") for p in kit.placed if p.label == "teacher")
    command = shlex.split(text[text.index("gaiko play"):text.index(" (or name")])
    assert command[:4] == ["gaiko", "play", "--text", "--referee"] and folder in command
    monkeypatch.chdir(ROOT)
    code, out = referee(monkeypatch, capsys, ["q"], *command[4:], "--session", str(tmp_path / "class.json"))
    assert code == 0 and "4 teams" in out and (tmp_path / "class.json").exists()

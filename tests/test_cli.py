"""The command line: exit codes, byte-identical simulations, and a whole game played in text mode."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.cli.textplay import run_text
from tests.conftest import NORTHERN, ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def gaiko(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gaiko_game", *args], capture_output=True, text=True, cwd=ROOT,
                          input=stdin)


def test_validate_bundled_scenario_is_clean() -> None:
    run = gaiko("validate", "scenarios/indo_pacific_2025")
    assert run.returncode == 0, run.stdout
    assert run.stdout == "scenarios/indo_pacific_2025: ok\n"


@pytest.mark.parametrize("args", [[], ["validate"], ["simulate", "--policy", "nope"], ["simulate", "--policy",
                                  "hedge", "--runs", "x"], ["frobnicate"], ["simulate", "--policy", "hedge", "--seed", "-3"]])
def test_bad_usage_exits_2_with_a_hint(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "usage: gaiko" in err and "Traceback" not in err


def test_simulate_is_byte_for_byte_repeatable() -> None:
    args = ("simulate", "--policy", "hedge", "--seed", "3", "--runs", "4")
    first, second = gaiko(*args), gaiko(*args)
    assert first.returncode == 0 and first.stdout == second.stdout
    assert first.stdout.count("\n") > 10


def test_simulate_json_has_runs_and_summary() -> None:
    run = gaiko("simulate", "--policy", "random", "--seed", "10", "--runs", "3", "--json")
    data = json.loads(run.stdout)
    assert set(data) == {"runs", "summary"} and data["summary"]["policy"] == "random"
    assert [r["seed"] for r in data["runs"]] == [10, 11, 12]
    assert set(data["runs"][0]) == {"seed", "meters", "score", "rating", "turns", "ending"}
    assert set(data["runs"][0]["meters"]) == {"security", "prosperity", "autonomy"}
    assert data["summary"]["runs"] == 3 and set(data["summary"]["score"]) == {"mean", "sd", "min", "max"}
    assert gaiko("simulate", "--policy", "random", "--seed", "10", "--runs", "3", "--json").stdout == run.stdout


def test_simulate_on_a_broken_scenario_exits_1(tmp_path: Path) -> None:
    (tmp_path / "scenario.yaml").write_text("id: [\n")
    run = gaiko("simulate", "--policy", "hedge", "--scenario", str(tmp_path))
    assert run.returncode == 1 and "yaml-syntax" in run.stderr and "Traceback" not in run.stderr


class Script:
    """Answers prompts: actions first, then end turns and first choices until the game ends."""

    def __init__(self, first: list[str]) -> None:
        self.queue = list(first)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if self.queue:
            return self.queue.pop(0)
        if len(self.prompts) > 5000:
            raise AssertionError("the game did not end")
        return "e" if "e/h/q" in prompt else "1"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_whole_game_can_be_played_in_text_mode(lang: str, data: Path) -> None:
    out: list[str] = []
    commands = ["h", "w security", "w nothing", "d", "a", "i 6", "99", "3", "1", "u", "1", "zzz"]
    code = run_text(DEFAULT, 11, lang, read=Script(commands), write=out.append)
    text = "\n".join(out)
    assert code == 0
    if lang == "en":
        assert "=== 2025 Q1 · turn 1 of 24 ===" in text and "=== 2030 Q4 · turn 24 of 24 ===" in text
        assert "Requirements not met" in text  # counterstrike before the 2+2
        assert "Undone: Japan–US Joint Exercises" in text
        assert "After w, give one of: security, prosperity, autonomy, capital, dc, tension" in text
        assert "=== Game over:" in text and "Questions to discuss:" in text and "Your strategy:" in text
        assert "There is no number 99." in text and "“zzz” is not understood" in text
    else:
        assert "=== 2025年 第1四半期 · ターン 1/24 ===" in text and "=== ゲーム終了:" in text
        assert "振り返りの問い:" in text and "あなたの戦略:" in text


def test_leaving_autosaves_and_the_next_start_continues_exactly(data: Path) -> None:
    first: list[str] = []
    answers = iter(["1", "5", "e", "1", "q", "y"])
    assert run_text(DEFAULT, 11, "en", read=lambda _: next(answers), write=first.append) == 0
    assert first[-1] == "Game left. Continue picks it up next time."
    (saved,) = [p for p in (data / "saves").glob("*/autosave-1.json")]
    log = json.loads(saved.read_text())["log"]
    assert log[:3] == ["joint_drills", "extended_deterrence_dialogue", "end"] and log[-1] == "joint_drills"
    again: list[str] = []
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        if len(prompts) > 1:
            raise EOFError
        return "1"  # Continue

    assert run_text(DEFAULT, None, "en", read=read, write=again.append) == 0
    assert prompts[0].startswith("1: continue (Indo-Pacific 2025 · turn 2 · ")
    assert any(line.startswith("Resumed: Indo-Pacific 2025 · turn 2") for line in again)
    assert json.loads(saved.read_text())["log"] == log  # resumed, then left at once: the same game


def test_end_of_input_autosaves_and_save_quick_saves(data: Path) -> None:
    lines = iter(["1", "save"])

    def read(_: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    out: list[str] = []
    assert run_text(DEFAULT, 1, "en", read=read, write=out.append) == 0
    folder = next((data / "saves").iterdir())
    assert sorted(p.name for p in folder.iterdir()) == ["autosave-1.json", "quicksave.json"]
    assert any(line.startswith("Saved: ") for line in out) and out[-1].startswith("Game left.")


def test_a_closed_terminal_autosaves_the_campaign(data: Path) -> None:
    env = {**os.environ, "GAIKO_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "gaiko_game", "play", "--text", "--seed", "2", "--lang", "en"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("1\n")
    proc.stdin.flush()
    for line in proc.stdout:
        if line.startswith("Number, or e/h/q > Done:"):
            break
    proc.send_signal(signal.SIGHUP)
    assert proc.wait(timeout=20) == 130
    (saved,) = list((data / "saves").glob("*/autosave-1.json"))
    assert json.loads(saved.read_text())["log"] == ["joint_drills"]


def test_an_unknown_difficulty_is_a_clear_usage_error(data: Path) -> None:
    run = gaiko("play", "--text", "--seed", "1", "--difficulty", "nightmare")
    assert run.returncode == 2 and "no difficulty “nightmare”; choose one of: gentle, standard, hard" in run.stderr + run.stdout


def test_the_second_country_plays_in_the_terminal_without_a_word_of_the_default(data: Path) -> None:
    out: list[str] = []
    code = run_text(NORTHERN, 4, "en", read=Script(["1", "2"]), write=out.append)
    text = "\n".join(out)
    assert code == 0 and "=== Game over:" in text and "Japan" not in text and "Indo" not in text
    assert "Finland" in text


def test_text_mode_leaves_cleanly_on_end_of_input(data: Path) -> None:
    out: list[str] = []

    def eof(_: str) -> str:
        raise EOFError

    assert run_text(DEFAULT, 1, "en", read=eof, write=out.append) == 0
    assert out[-1] == "Game left. Continue picks it up next time."


def test_text_mode_via_the_real_command(data: Path) -> None:
    env = {**os.environ, "GAIKO_DATA_DIR": str(data)}
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "play", "--text", "--seed", "2", "--lang", "en"],
                         input="1\nq\ny\n", capture_output=True, text=True, cwd=ROOT, env=env)
    assert run.returncode == 0 and "Done: Japan–US Joint Exercises" in run.stdout and "Game left." in run.stdout


def test_version_is_printed() -> None:
    from gaiko_game import __version__

    assert gaiko("--version").stdout.strip() == f"gaiko {__version__}"

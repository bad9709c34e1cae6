"""The command line: exit codes, byte-identical simulations, and a whole game played in text mode."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.cli.textplay import run_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def gaiko(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gaiko_game", *args], capture_output=True, text=True, cwd=ROOT)


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
    assert set(data) == {"runs", "summary"}
    assert [r["seed"] for r in data["runs"]] == [10, 11, 12]
    assert set(data["runs"][0]) >= {"seed", "security", "prosperity", "autonomy", "score", "rating", "turns"}
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
def test_a_whole_game_can_be_played_in_text_mode(lang: str) -> None:
    out: list[str] = []
    commands = ["h", "w security", "d", "a", "i 6", "99", "3", "1", "u", "1", "zzz"]
    code = run_text(DEFAULT, 11, lang, read=Script(commands), write=out.append)
    text = "\n".join(out)
    assert code == 0
    if lang == "en":
        assert "=== 2025 Q1 — turn 1 of 24 ===" in text and "=== 2030 Q4 — turn 24 of 24 ===" in text
        assert "Requirements not met" in text  # counterstrike before the 2+2
        assert "Undone: Japan–US Joint Exercises" in text
        assert "=== Game over:" in text and "Questions to discuss:" in text
        assert "There is no number 99." in text and "“zzz” is not understood" in text
    else:
        assert "=== 2025年 第1四半期 — ターン 1/24 ===" in text and "=== ゲーム終了:" in text
        assert "振り返りの問い:" in text


def test_text_mode_leaves_cleanly_on_end_of_input() -> None:
    out: list[str] = []

    def eof(_: str) -> str:
        raise EOFError

    assert run_text(DEFAULT, 1, "en", read=eof, write=out.append) == 0
    assert out[-1] == "Game left."


def test_text_mode_via_the_real_command() -> None:
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "play", "--text", "--seed", "2", "--lang", "en"],
                         input="1\nq\ny\n", capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "Done: Japan–US Joint Exercises" in run.stdout and "Game left." in run.stdout

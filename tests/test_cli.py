"""The command line: exit codes, byte-identical simulations, and a whole game played in text mode."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.cli.textplay import Read, run_text
from gaiko_game.core import IllegalChoice, Scenario
from gaiko_game.present.actions import orders
from gaiko_game.session.seeding import new_game
from tests.conftest import NORTHERN, ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def gaiko(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gaiko_game", *args], capture_output=True, text=True, cwd=ROOT,
                          input=stdin)


def test_validate_bundled_scenario_is_clean() -> None:
    run = gaiko("validate", "scenarios/indo_pacific_2025")
    assert run.returncode == 0, run.stdout
    assert run.stdout == "scenarios/indo_pacific_2025: ok\n"


@pytest.mark.parametrize("args", [[], ["validate"], ["simulate"], ["simulate", "--policy",
                                  "hedge", "--runs", "x"], ["frobnicate"], ["simulate", "--policy", "hedge", "--seed", "-3"],
                                  ["simulate", "--policy", "hedge", "--strategy", "x.yaml"]])
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
    commands = ["h", "w security", "w nothing", "w 安全保障", "d", "a", "i 6", "99", "3", "１", "u", "1", "zzz"]
    code = run_text(DEFAULT, 11, lang, read=Script(commands), write=out.append)
    text = "\n".join(out)
    assert code == 0
    if lang == "en":
        assert "=== 2025 Q1 · turn 1 of 24 ===" in text and "=== 2025 Q2 · turn 2 of 24 ===" in text
        assert "Requirements not met" in text  # counterstrike before the 2+2
        assert "Undone: Japan–US Joint Exercises" in text
        assert "After w, give one of: Security, Prosperity, Autonomy, Diplomatic Capital, Regional Tension" in text
        assert "=== Game over:" in text and "Questions to discuss:" in text and "Your strategy:" in text
        assert "There is no number 99." in text and "“zzz” is not understood" in text
        assert "Security (now 55): How well Japan can deter threats" in text  # `w security` says what it means
    else:
        assert "=== 2025年 第1四半期 · ターン 1/24 ===" in text and "=== ゲーム終了：" in text
        assert "振り返りの問い：" in text and "あなたの戦略：" in text
        assert "安全保障 の最近の変化：" in text  # `w 安全保障`: numbers are asked for by their Japanese names too
        assert "安全保障（現在 55）：日本が脅威を抑止し" in text
        assert "実行：日米共同訓練" in text  # a full-width １ typed with a Japanese input method takes action 1


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


def test_an_unknown_autoplay_player_is_a_clear_usage_error_before_any_window(data: Path) -> None:
    run = gaiko("play", "--autoplay", "advisor", "--seed", "1")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "there is no player 'advisor'; choose one of: random, alliance_first" in run.stderr


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


def scripted(answers: list[str]) -> tuple[list[str], Read]:
    """A reader answering from a list, then ending the input; and the prompts it was asked."""
    prompts: list[str] = []
    queue = list(answers)

    def read(prompt: str) -> str:
        prompts.append(prompt)
        if not queue:
            raise EOFError
        return queue.pop(0)

    return prompts, read


def test_a_typo_at_the_start_menu_asks_again_and_never_buries_the_campaign(data: Path) -> None:
    _, read = scripted(["1", "e", "q", "y"])
    assert run_text(DEFAULT, 11, "en", read=read, write=lambda _: None) == 0
    before = {p.name: p.read_bytes() for p in (data / "saves").rglob("*.json")}
    out: list[str] = []
    prompts, read = scripted(["c", "9", "3", "42", "q"])
    assert run_text(DEFAULT, None, "en", read=read, write=out.append) == 0
    assert [p.split(":")[0] for p in prompts] == ["1", "1", "1", "Number of the save to open (Enter goes back) > ", "1"]
    assert "“c” is not understood. Type h for help." in out and "There is no number 42." in out
    assert {p.name: p.read_bytes() for p in (data / "saves").rglob("*.json")} == before  # q left without a new campaign


def test_the_crisis_prompt_offers_help_save_and_quit(data: Path) -> None:
    out: list[str] = []
    at_crisis = ["h", "save", "ｑ", "ｙ"]  # help, save, then quit (full-width, as a Japanese IME types them)

    def reader(prompt: str) -> str:
        return "e" if "e/h/q" in prompt else at_crisis.pop(0)  # end turns until a crisis asks

    assert run_text(DEFAULT, 3, "en", read=reader, write=out.append) == 0
    assert at_crisis == [] and "number: choose that response / i: background / save: save / q: quit (it autosaves)" in out
    assert any(line.startswith("Saved: ") for line in out) and out[-1].startswith("Game left.")
    (saved,) = list((data / "saves").glob("*/autosave-1.json"))
    assert json.loads(saved.read_text())["log"][-1] == "end"  # left with the crisis waiting: it reopens on it
    assert (saved.parent / "quicksave.json").is_file()


def test_replay_verify_speaks_the_players_language(default: Scenario, data: Path) -> None:
    from gaiko_game.session.campaign import Campaign, Source

    c = Campaign.new(default, Source(bundled=default.id), seed=4)
    c.apply(c.game.legal_actions()[0])
    path = c.quicksave()
    assert path is not None
    env = {**os.environ, "GAIKO_DATA_DIR": str(data)}
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "replay", str(path), "--verify", "--lang", "ja"],
                         capture_output=True, text=True, cwd=ROOT, env=env)
    assert run.returncode == 0 and "検証済み — ターン 1（安全保障 57、繁栄 55、戦略的自律性 45）" in run.stdout
    timeline = subprocess.run([sys.executable, "-m", "gaiko_game", "replay", str(path), "--lang", "en"],
                              capture_output=True, text=True, cwd=ROOT, env=env)
    assert timeline.stdout.strip() == "2025 Q1 (turn 1, in progress): Japan–US Joint Exercises"


def test_an_unknown_player_or_a_broken_strategy_file_is_a_clear_error(tmp_path: Path) -> None:
    run = gaiko("simulate", "--policy", "nope")
    assert run.returncode == 2 and "there is no player 'nope'; choose one of: random, alliance_first" in run.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: mine\nformat: 1\nrules:\n  - {role: alliance, per_turn: 1}\n  - {action: joint_drils}\n")
    run = gaiko("simulate", "--strategy", str(bad))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert f"{bad}:5:14: error[unknown-id]: scenario 'indo_pacific_2025' has no action 'joint_drils'" in run.stderr
    assert "did you mean 'joint_drills'?" in run.stderr


def test_a_strategy_file_plays_like_a_shipped_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text((ROOT / "strategies" / "hedge.yaml").read_text())
    ours = gaiko("simulate", "--strategy", str(mine), "--runs", "3", "--json")
    shipped = gaiko("simulate", "--policy", "hedge", "--runs", "3", "--json")
    assert ours.returncode == 0 and json.loads(ours.stdout)["runs"] == json.loads(shipped.stdout)["runs"]



def number_of(scenario: Scenario, action: str) -> str:
    """The terminal's number for an action (its place in the menu)."""
    return str(next(i for i, o in enumerate(orders(new_game(scenario, 1)), 1) if o.action == action))


@pytest.mark.parametrize("lang,expect", [
    ("en", {"headline": "This turn's headline (answered after your actions):", "none": "No programmes in force.",
            "ending": "Ending it: US Commitment -8", "confirm": "Withdraw “Defense Buildup Program”?",
            "withdrawn": "Withdrawn: Defense Buildup Program", "undone": "Undone: withdrawing",
            "summary": "Programmes in force: Defense Buildup Program (upkeep 1 DC a turn in all)",
            "turn_over": "The turn is over: it cannot be undone.", "moves": "What other countries did",
            "started": "Programme started: Defense Buildup Program", "answers": "Answers: ",
            "nothing": "Nothing to undo.", "no_number": "There is no programme 9 in force (x lists them)."}),
    ("ja", {"headline": "このターンの予告（行動のあとで対応します）：", "none": "継続中の施策はありません。",
            "ending": "取りやめると：米国の関与 -8", "confirm": "「防衛力整備計画」を取りやめますか?",
            "withdrawn": "取りやめました：防衛力整備計画", "undone": "取り消しました：「防衛力整備計画」の取りやめ",
            "summary": "継続中の施策：防衛力整備計画（維持費 毎ターン計 1 外交資本）",
            "turn_over": "終わったターンは取り消せません。", "moves": "各国の動き",
            "started": "継続施策を開始：防衛力整備計画", "answers": "対応：",
            "nothing": "取り消せるものはありません。",
            "no_number": "継続中の施策に 9 番はありません（x で一覧を表示します）。"})])
def test_the_terminal_shows_the_headline_programmes_moves_and_why_undo_is_refused(
        default: Scenario, data: Path, lang: str, expect: dict[str, str]) -> None:
    programme = number_of(default, "defence_buildup")
    commands = ["x", "u", programme, "x", "x 1", "n", "x 9", "e", "s", "x 1", "y", "u", "x", "e", "u", "q", "y"]
    prompts, read = scripted(commands)

    def answer(prompt: str) -> str:  # crises take their first answer; everything else follows the script
        return "1" if "e/h/q" not in prompt and "y/n" not in prompt else read(prompt)

    out: list[str] = []
    assert run_text(DEFAULT, 11, lang, read=answer, write=out.append) == 0
    text = "\n".join(out)
    assert expect["headline"] in text and expect["answers"] in text  # the turn header announces the crisis
    assert out[out.index(expect["none"]) + 1] == expect["nothing"]  # x with none in force, then u: nothing to undo
    assert expect["ending"] in text and expect["summary"] in text and expect["started"] in text
    asked = [p for p in prompts if expect["confirm"] in p]
    assert len(asked) == 2 and all(expect["ending"] in p and p.endswith(("(y/n) > ", "（y/n） > ")) for p in asked)
    assert text.count(expect["withdrawn"]) == 1 and expect["undone"] in text  # n kept it; y withdrew it; u took it back
    assert expect["turn_over"] in text and expect["moves"] in text
    assert expect["no_number"] in text


def test_replay_verify_accepts_changed_files_that_do_not_change_the_game(tmp_path: Path, data: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A comment added to a scenario file leaves a saved game verifiable; a rule that changes play does not."""
    from gaiko_game.session.campaign import Campaign, Source
    from tests.conftest import FIXTURES, load_ok

    folder = tmp_path / "mod"
    shutil.copytree(FIXTURES / "mini", folder)
    c = Campaign.new(load_ok(folder), Source.of(folder), seed=5)
    for _ in range(3):
        c.apply(c.game.legal_actions()[0])
        report = c.end_turn()
        while report is None:
            report = c.choose(c.game.default_choice() or "")
    path = c.folder / "autosave-1.json"
    rules = folder / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a note for modders\n", encoding="utf-8")
    assert main(["replay", str(path), "--verify", "--lang", "en", "--scenario", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "verified — the scenario this save records differs from the one installed (its files changed, or the save " \
           "was edited), but every decision replays" in out
    scenario = folder / "scenario.yaml"
    text = scenario.read_text(encoding="utf-8")
    assert "{id: security, start: 50," in text  # a different start: the same decisions reach another state
    scenario.write_text(text.replace("{id: security, start: 50,", "{id: security, start: 45,"), encoding="utf-8")
    assert main(["replay", str(path), "--verify", "--lang", "en", "--scenario", str(folder)]) == 1
    assert "has changed since this save" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["No programme is in force.", "Give an action's number after i (e.g. i 3).",
            "There is no programme 2 in force (x lists them)."]),
    ("ja", ["継続中の施策はありません。", "i のあとに行動の番号を入力します（例 i 3）。",
            "継続中の施策に 2 番はありません（x で一覧を表示します）。"])])
def test_wrong_terminal_input_says_what_was_meant(lang: str, expected: list[str], data: Path) -> None:
    out: list[str] = []
    run_text(DEFAULT, 1, lang, read=Script(["x 9", "i", "6", "x 2"]), write=out.append)
    for line in expected:
        assert line in out, (line, out[-12:])


def test_c_shows_what_each_announced_answer_would_do_before_the_actions(data: Path) -> None:
    out: list[str] = []
    run_text(DEFAULT, 2006, "en", read=Script(["1", "2", "e", "c"]), write=out.append)
    at = out.index("This turn's headline (answered after your actions):", out.index("  (c shows what each answer would do)")
                   - 6)
    answers = [line for line in out[at:] if line.startswith("    - ")]
    assert len(answers) == 4 and all(" · " in a for a in answers)
    assert "    - Seek talks and offer joint monitoring (1 DC) · Prosperity +3, US Commitment -2, Relation with China +4" \
        in answers
    from tests.conftest import load_ok

    game = new_game(load_ok(DEFAULT), 2006)
    with pytest.raises(IllegalChoice) as refusal:
        game.preview_answer("china_seafood_ban", "seek_talks_with_china")  # nothing is announced on turn 1
    assert "headline has no answer" in str(refusal.value)


def test_the_terminal_never_dies_on_input(data: Path) -> None:
    """Very long numbers, control characters, odd digits and long lines get an answer, never a traceback."""
    out: list[str] = []
    hostile = ["9" * 5000, "i " + "9" * 5000, "x 99999999", "\x01\x02", "²", "①", "e" * 10_000, "w " + "x" * 3000, "",
               "𐩀", "i 𐩀", "x 𐩀"]  # Kharosthi one: str.isdigit() holds, int() refuses it
    assert run_text(DEFAULT, 1, "en", read=Script(hostile), write=out.append) == 0
    text = "\n".join(out)
    assert text.count("There is no number 99999999….") == 2 and "There is no number 99999999." in text
    assert "\x01" not in text and text.count("There is no number 𐩀.") == 3
    assert "“??” is not understood" in text and "“" + "e" * 40 + "…” is not understood" in text


def test_every_prompt_survives_hostile_input_then_takes_a_real_answer(data: Path) -> None:
    """The crisis prompt, the start menu and the save list: odd digits, control characters, long lines, then EOF."""
    hostile = ["𐩀", "9" * 5000, "\x1b[2J\x07", "x" * 10_000, "0", "-1", "1.5"]
    crisis_seen: list[str] = []

    def read(prompt: str) -> str:
        if "Choose a response" in prompt and not crisis_seen:
            crisis_seen.append(prompt)
            queue.extend(hostile)
        if queue:
            return queue.pop(0)
        return "e" if "e/h/q" in prompt else "1"

    queue: list[str] = []
    out: list[str] = []
    assert run_text(DEFAULT, 2026, "en", read=read, write=out.append) == 0
    text = "\n".join(out)
    assert crisis_seen and "\x1b" not in text and "\x07" not in text and "“𐩀” is not understood" in text
    again: list[str] = []
    menu = iter([*hostile, "2", *hostile[:1]])  # the campaign above is over: 1 new, 2 choose a save

    def start(prompt: str) -> str:
        try:
            return next(menu)
        except StopIteration:
            raise EOFError from None

    assert run_text(DEFAULT, None, "en", read=start, write=again.append) == 0
    told = "\n".join(again)
    assert "There is no number 𐩀." in told and "\x07" not in told


def test_ctrl_c_while_the_game_is_still_loading_ends_quietly(monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C in the first moments (while Python imports the command line) once printed a traceback."""
    import importlib.abc
    import sys as system

    from gaiko_game.cli import entry

    class Interrupted(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: object, target: object = None) -> None:
            if name == "gaiko_game.cli.main":
                raise KeyboardInterrupt

    monkeypatch.delitem(system.modules, "gaiko_game.cli.main")
    monkeypatch.setattr(system, "meta_path", [Interrupted(), *system.meta_path])
    with pytest.raises(SystemExit) as leaving:
        entry.run()
    assert leaving.value.code == 130 and capsys.readouterr().err == "\ninterrupted\n"

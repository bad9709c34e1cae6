"""Saves survive crashes, damage and old formats; a save replays to the same state in a fresh process."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gaiko_game.cli.replay import run_replay
from gaiko_game.core import Scenario
from gaiko_game.session import safefile, saves
from gaiko_game.session.campaign import Campaign, Source, open_save
from gaiko_game.session.seeding import new_game
from tests.conftest import FIXTURES, ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"
WRITER = """
import sys
from gaiko_game.scenario.loader import load
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.seeding import new_game
sc = load(sys.argv[1]).scenario
campaigns = []
for seed in range(2):
    g = new_game(sc, seed)
    for _ in range(seed + 1):
        g.end_turn()
        while g.pending_crisis is not None:
            g.choose_default()
    campaigns.append(Campaign(sc, Source(bundled=sc.id), seed, g, "killtest"))
campaigns[0].quicksave()  # a whole save exists before the first kill can land
print("ready", flush=True)
i = 1
while True:
    campaigns[i % 2].quicksave()
    i += 1
"""


@pytest.mark.slow  # twelve killed writer processes: the slow tier (CI runs it)
def test_a_process_killed_while_saving_never_leaves_a_broken_save(data: Path) -> None:
    env = {"GAIKO_DATA_DIR": str(data), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")}
    rng = random.Random(7)
    path = data / "saves" / "killtest" / "quicksave.json"
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(DEFAULT)], stdout=subprocess.PIPE, env=env, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        opened = open_save(path).campaign  # always a whole save: the old one or the new one
        assert opened.seed in (0, 1) and opened.game.turn == opened.seed + 2


def _saved(default: Scenario, tmp: Path) -> Path:
    g = new_game(default, 3)
    g.end_turn()
    while g.pending_crisis is not None:
        g.choose_default()
    c = Campaign(default, Source(bundled=default.id), 3, g, "damaged")
    path = c.quicksave()
    assert path is not None
    return path


ESSENTIAL = ("format", "scenario", "seed", "difficulty", "log", "turn", "meters", "state_hash")
"""What decides whether a save is the same game; other fields (its time, the scenario's name) are labels, and its
record of the scenario's content hash only decides whether it replays in full (a save that still replays every
decision to its state hash is verified, saying the recorded scenario differs)."""


def _still_the_same_game(raw: bytes, original: dict[str, object]) -> bool:
    try:
        damaged = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return (isinstance(damaged, dict) and all(damaged.get(k) == original[k] for k in ESSENTIAL)
            and isinstance(damaged.get("campaign"), str) and damaged["campaign"] != ""
            and isinstance(damaged.get("source"), dict) and damaged["source"] == original["source"]
            and isinstance(damaged.get("content_hash"), str))  # a flip in a key's name loses the field


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 400), flip=st.integers(0, 600), byte=st.integers(0, 255))
@example(cut=0, flip=485, byte=32)  # once a flip in the recorded content hash: the same game, still verified
@example(cut=0, flip=4, byte=120)  # a flip in the first key's name ("xormat"): that field is lost, the save refused
def test_a_damaged_save_is_refused_with_a_reason_unless_it_is_still_the_same_game(
        default: Scenario, data: Path, cut: int, flip: int, byte: int, capsys: pytest.CaptureFixture[str]) -> None:
    path = _saved(default, data)
    original = json.loads(path.read_text())
    raw = bytearray(path.read_bytes())
    if flip < len(raw):
        raw[flip] = byte
    damaged = bytes(raw[: max(0, len(raw) - cut)])
    path.write_bytes(damaged)
    code = run_replay(path, None, True, "en")
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    if _still_the_same_game(damaged, original):
        assert code == 0 and "verified" in out.out
    else:
        assert code == 1 and str(path) in out.out + out.err


def test_a_save_verifies_in_a_fresh_process(default: Scenario, data: Path) -> None:
    c = Campaign.new(default, Source(bundled=default.id), seed=21, difficulty="gentle")
    for _ in range(3):
        c.end_turn()
        while c.game.pending_crisis is not None:
            c.choose(c.game.default_choice() or "")
    path = c.quicksave()
    assert path is not None
    env = {**os.environ, "GAIKO_DATA_DIR": str(data)}
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "replay", str(path), "--verify"], capture_output=True,
                         text=True, cwd=ROOT, env=env)
    assert run.returncode == 0 and "verified" in run.stdout
    for lang, first in (("en", "2025 Q1 (turn 1): —"), ("ja", "2025年 第1四半期（ターン 1）：—")):
        timeline = subprocess.run([sys.executable, "-m", "gaiko_game", "replay", str(path), "--lang", lang],
                                  capture_output=True, text=True, cwd=ROOT, env=env)
        assert timeline.returncode == 0 and timeline.stdout.startswith(first), timeline.stdout[:200]


def test_a_tampered_save_is_refuted(default: Scenario, data: Path) -> None:
    path = _saved(default, data)
    saved = json.loads(path.read_text())
    saved["meters"]["security"] += 10  # claims a better result than the log produces
    path.write_text(json.dumps(saved))
    assert run_replay(path, None, True, "en") == 1


@pytest.mark.parametrize("name,fmt,version", [("v1_mini.json", 1, "0.1"), ("v2_mini.json", 2, "0.1"),
                                              ("v3_default.json", 3, "0.2")])
def test_saves_from_earlier_rules_are_refused_politely(data: Path, name: str, fmt: int, version: str) -> None:
    path = FIXTURES / "saves" / name
    with pytest.raises(saves.BadSave, match=f"made by Gaikō {version} \\(save format {fmt}\\), under earlier rules"):
        open_save(path)


def test_a_save_from_before_the_living_world_still_reads_as_a_timeline(data: Path, capsys: pytest.CaptureFixture[str]
                                                                        ) -> None:
    path = FIXTURES / "saves" / "v3_default.json"
    before = path.read_bytes()
    assert run_replay(path, None, False, "en") == 1
    out, err = capsys.readouterr()
    assert "was made by Gaikō 0.2 (save format 3)" in err and "Traceback" not in err
    assert out.splitlines() == [
        "indo_pacific_2025: the decisions recorded in an older save (it cannot be replayed)",
        "Turn 1: extended_deterrence_dialogue, ai_quantum_pact@india, korea_shuttle",
        "Turn 2: two_plus_two, multilateral_frameworks, choose:spread_orders"]
    assert path.read_bytes() == before  # refused, never touched
    assert run_replay(path, None, True, "en") == 1  # --verify says no, and prints no timeline
    assert capsys.readouterr().out == ""


def test_a_save_from_a_newer_gaiko_is_refused_politely(data: Path) -> None:
    path = data / "future.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"format": 99}))
    with pytest.raises(saves.BadSave, match="newer Gaikō"):
        open_save(path)


def test_a_save_whose_log_was_swapped_for_another_games_is_caught_by_its_state_hash(default: Scenario,
                                                                                    data: Path) -> None:
    a, b = new_game(default, 5), new_game(default, 5)
    a.apply(a.legal_actions()[0])
    b.apply(b.legal_actions()[1])
    path = Campaign(default, Source(bundled=default.id), 5, a, "swap").quicksave()
    assert path is not None
    saved = json.loads(path.read_text())
    saved["log"] = [str(d) for d in b.history]  # a legal log, but not the saved game's
    path.write_text(json.dumps(saved))
    with pytest.raises(saves.BadSave, match="replays to a different game"):
        open_save(path)


def test_a_hand_edited_log_is_refused_clearly(default: Scenario, data: Path) -> None:
    path = _saved(default, data)
    path.write_text(path.read_text().replace('"end"', '"fly_to_the_moon"', 1))
    with pytest.raises(saves.BadSave, match="does not replay on this scenario: This scenario has no action"):
        open_save(path)


def _turn(c: Campaign) -> None:
    """Play one turn through the campaign (so it autosaves): the first legal action, default answers."""
    legal = c.game.legal_actions()
    if legal:
        c.apply(legal[0])
    report = c.end_turn()
    while report is None:
        report = c.choose(c.game.default_choice() or "")


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "No space left on device"),
                                              (errno.EROFS, "Read-only file system")])
def test_a_full_or_read_only_disk_during_autosaves_loses_no_earlier_save(
        default: Scenario, data: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str) -> None:
    c = Campaign.new(default, Source(bundled=default.id), seed=8)
    for _ in range(3):
        _turn(c)
    before = {p.name: p.read_bytes() for p in c.folder.iterdir()}
    assert set(before) == {"autosave-1.json", "autosave-2.json", "autosave-3.json"}

    def failing(*_: object) -> None:
        raise OSError(code, os.strerror(code))

    fsync = os.fsync
    monkeypatch.setattr(safefile.os, "fsync", failing)  # the disk refuses every write from now on
    for _ in range(3):
        _turn(c)
        assert c.last_save is not None and c.save_problem == f"{c.folder}: {words}"
    assert {p.name: p.read_bytes() for p in c.folder.iterdir()} == before  # every earlier save, untouched; no stray file
    monkeypatch.setattr(safefile.os, "fsync", fsync)
    opened = open_save(c.folder / "autosave-1.json")
    assert opened.notice is None and opened.campaign.game.turn == 4
    assert c.autosave() is not None and c.save_problem is None  # space again: saving resumes


def test_a_failed_save_is_told_in_the_terminal_in_the_players_language(
        data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gaiko_game.cli.textplay import run_text

    def failing(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safefile.os, "fsync", failing)
    out: list[str] = []
    answers = iter(["e", "1", "q", "y"])
    run_text(ROOT / "scenarios" / "indo_pacific_2025", 8, "ja", read=lambda _: next(answers), write=out.append)
    text = "\n".join(out)
    assert any(line.startswith("保存できませんでした（") and "No space left on device" in line
               and line.endswith("それまでのセーブはすべて残っています。") for line in out), text[-500:]


def test_a_picture_or_setting_that_cannot_be_written_is_never_claimed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "pictures" / "debrief.png"

    def refused(*_: object, **__: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    mkstemp = safefile.tempfile.mkstemp
    monkeypatch.setattr(safefile.tempfile, "mkstemp", refused)
    with pytest.raises(OSError):
        safefile.write_atomic(target, b"\x89PNG")
    assert not target.exists()
    monkeypatch.setattr(safefile.tempfile, "mkstemp", mkstemp)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"old picture")

    def short(fd: int) -> os.stat_result:
        real = os.stat(tmp_path)
        return os.stat_result((real.st_mode, 0, 0, 1, 0, 0, 1, 0, 0, 0))  # one byte landed

    monkeypatch.setattr(safefile.os, "fstat", short)
    with pytest.raises(OSError, match="only 1 of 4 bytes"):
        safefile.write_atomic(target, b"\x89PNG")
    assert target.read_bytes() == b"old picture" and [p.name for p in target.parent.iterdir()] == ["debrief.png"]


def _hostile(kind: str, good: dict[str, object], folder: Path) -> Path:
    """A save file made hostile in one way (the reliability review's reproducers)."""
    path = folder / "autosave-1.json"
    data = dict(good)
    if kind == "too_big":
        path.write_text(json.dumps(data) + " " * (saves.MAX_BYTES + 1), encoding="utf-8")
    elif kind == "deep":
        path.write_text('{"format": 4, "x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    elif kind == "long_digits":
        path.write_text(json.dumps(data).replace(f'"seed": {good["seed"]}', '"seed": ' + "7" * 5000), encoding="utf-8")
    elif kind == "link":
        target = folder / "elsewhere.json"
        target.write_text(json.dumps(data), encoding="utf-8")
        path.symlink_to(target)
    else:
        field, value = {"seed_bool": ("seed", True), "turn_bool": ("turn", True), "negative_turn": ("turn", -1),
                        "long_name": ("scenario", "x" * 300), "huge_seed": ("seed", 2**80),
                        "log_not_text": ("log", [1, 2])}[kind]
        data[field] = value
        path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("kind", "said"), [
    ("too_big", "autosave-1.json is too big to be a save (1,00"),
    ("deep", "autosave-1.json cannot be read (too deeply nested)."),
    ("long_digits", "autosave-1.json cannot be read (Exceeds the limit"),
    ("link", "autosave-1.json is a link; links in the saves folder are not followed."),
    ("seed_bool", "autosave-1.json is damaged: 'seed' is missing or wrong."),
    ("turn_bool", "autosave-1.json is damaged: 'turn' is missing or wrong."),
    ("negative_turn", "autosave-1.json is damaged: 'turn' is missing or wrong."),
    ("long_name", "autosave-1.json is damaged: 'scenario' is missing or wrong."),
    ("huge_seed", "autosave-1.json is damaged: 'seed' is missing or wrong."),
    ("log_not_text", "autosave-1.json is damaged: 'log' is missing or wrong."),
])
def test_a_hostile_save_is_refused_with_a_sentence_at_every_door(default: Scenario, data: Path, kind: str, said: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    good = json.loads(_saved(default, data).read_text(encoding="utf-8"))
    folder = data / "saves" / "hostile"
    folder.mkdir(parents=True)
    path = _hostile(kind, good, folder)
    with pytest.raises(saves.BadSave) as refusal:
        saves.read(path)
    assert refusal.value.text("en").startswith(said), refusal.value.text("en")
    assert run_replay(path, None, True, "en") == 1  # the command line's door
    out = capsys.readouterr()
    assert said in out.err and "Traceback" not in out.out + out.err
    found, problems = saves.listing()  # the title screen's and Load's door: the rest still listed
    assert any(p.text("en").startswith(said) for p in problems) and all(s.path != path for s in found)


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "soon", "x" * 5000])
def test_a_save_with_an_impossible_time_is_still_listed(default: Scenario, data: Path, stamp: str) -> None:
    """A time stamp with no local time once crashed the title screen on every start; now it is shown as written."""
    from gaiko_game.present.saves import save_label

    path = _saved(default, data)
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["saved_at"] = stamp
    path.write_text(json.dumps(saved), encoding="utf-8")
    (found,), problems = saves.listing()
    assert problems == [] and stamp[:32] in save_label(found, "en") and "turn 2" in save_label(found, "en")


def test_planted_links_in_a_campaign_folder_are_never_written_through(default: Scenario, data: Path) -> None:
    """The reviewer's planted ``autosave-1.json.tmp`` link once made a save overwrite the link's target."""
    path = _saved(default, data)
    folder = path.parent
    victim = data / "victim.txt"
    victim.write_text("keep me")
    for name in ("autosave-1.json.tmp", "autosave-new.json", "autosave-new.json.tmp", "quicksave.json.tmp",
                 "autosave-1.json"):
        (folder / name).symlink_to(victim)
    g = new_game(default, 3)
    c = Campaign(default, Source(bundled=default.id), 3, g, "damaged")
    for _ in range(4):
        assert c.autosave() is not None and c.quicksave() is not None
    assert victim.read_text() == "keep me"
    assert not (folder / "autosave-1.json").is_symlink() and open_save(folder / "autosave-1.json").campaign.seed == 3


def test_a_copied_campaign_folder_goes_on_in_the_copy_and_never_writes_over_the_original(default: Scenario,
                                                                                        data: Path) -> None:
    original = _saved(default, data).parent  # saves/damaged/ holds campaign "damaged"
    before = {p.name: p.read_bytes() for p in original.iterdir()}
    copy = original.parent / "backup-of-damaged"
    copy.mkdir()
    for p in original.iterdir():
        (copy / p.name).write_bytes(p.read_bytes())
    opened = open_save(copy / "quicksave.json").campaign
    assert opened.id == "backup-of-damaged" and opened.folder == copy
    opened.end_turn()
    while opened.game.pending_crisis is not None:
        opened.choose(opened.game.default_choice() or "")
    assert (copy / "autosave-1.json").is_file()
    assert {p.name: p.read_bytes() for p in original.iterdir()} == before

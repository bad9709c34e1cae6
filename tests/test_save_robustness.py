"""Saves survive crashes, damage and old formats; a save replays to the same state in a fresh process."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gaiko_game.cli.replay import run_replay
from gaiko_game.core import Scenario
from gaiko_game.session import saves
from gaiko_game.session.seeding import new_game
from tests.conftest import FIXTURES, ROOT, load_ok

WRITER = """
import sys
from gaiko_game.scenario.loader import load
from gaiko_game.session import saves
from gaiko_game.session.seeding import new_game
sc = load(sys.argv[1]).scenario
games = []
for seed in range(2):
    g = new_game(sc, seed)
    for _ in range(seed + 1):
        g.end_turn()
        while g.pending_crisis is not None:
            g.choose_default()
    games.append((g, seed))
print("ready", flush=True)
i = 0
while True:
    g, seed = games[i % 2]
    saves.quicksave(g, seed)
    i += 1
"""


@pytest.fixture(autouse=True)
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path))
    return tmp_path / "saves"


def test_a_process_killed_while_saving_never_leaves_a_broken_save(default: Scenario, tmp_path: Path) -> None:
    env = {"GAIKO_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")}
    rng = random.Random(7)
    path = tmp_path / "saves" / "quicksave.json"
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(ROOT / "scenarios" / "indo_pacific_2025")],
                                stdout=subprocess.PIPE, env=env, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        game, seed = saves.load(path, default)  # always a whole save: the old one or the new one
        assert seed in (0, 1) and game.turn == seed + 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 400), flip=st.integers(0, 400), byte=st.integers(0, 255))
def test_damaged_saves_give_a_reason_never_a_traceback(default: Scenario, tmp_path: Path, cut: int, flip: int,
                                                       byte: int) -> None:
    g = new_game(default, 3)
    g.end_turn()
    path = saves.write(g, 3, tmp_path / "damaged.json")
    raw = bytearray(path.read_bytes())
    if flip < len(raw):
        raw[flip] = byte
    path.write_bytes(bytes(raw[: max(0, len(raw) - cut)]))
    code = run_replay(path, ROOT / "scenarios" / "indo_pacific_2025", True, "en")  # raising would fail the test
    assert code in (0, 1)


def test_a_save_verifies_in_a_fresh_process(default: Scenario, tmp_path: Path) -> None:
    g = new_game(default, 21, difficulty="gentle")
    for _ in range(3):
        g.end_turn()
        while g.pending_crisis is not None:
            g.choose_default()
    path = saves.quicksave(g, 21)
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "replay", str(path), "--verify"], capture_output=True,
                         text=True, cwd=ROOT)
    assert run.returncode == 0 and "verified" in run.stdout
    timeline = subprocess.run([sys.executable, "-m", "gaiko_game", "replay", str(path), "--lang", "en"],
                              capture_output=True, text=True, cwd=ROOT)
    assert timeline.returncode == 0 and timeline.stdout.startswith("2025 Q1 (turn 1):")


def test_a_tampered_save_is_refuted(default: Scenario, tmp_path: Path) -> None:
    g = new_game(default, 2)
    g.end_turn()
    path = saves.quicksave(g, 2)
    data = json.loads(path.read_text())
    data["meters"]["security"] += 10  # claims a better result than the log produces
    path.write_text(json.dumps(data))
    assert run_replay(path, None, True, "en") == 1


def test_a_format_1_save_loads_through_the_upgrade_step() -> None:
    mini = load_ok(FIXTURES / "mini")
    path = FIXTURES / "saves" / "v1_mini.json"
    assert json.loads(path.read_text())["format"] == 1
    game, seed = saves.load(path, mini)
    assert seed == 12 and game.turn == 2 and game.difficulty.id == "standard"
    assert game.meters() == json.loads(path.read_text())["meters"]


def test_a_save_from_a_newer_gaiko_is_refused_politely(tmp_path: Path, default: Scenario) -> None:
    path = tmp_path / "future.json"
    path.write_text(json.dumps({"format": 99}))
    with pytest.raises(saves.BadSave, match="newer Gaikō"):
        saves.load(path, default)


def test_a_save_whose_log_was_swapped_for_another_games_is_caught_by_its_state_hash(default: Scenario,
                                                                                    tmp_path: Path) -> None:
    a, b = new_game(default, 5), new_game(default, 5)
    a.apply(a.legal_actions()[0])
    b.apply(b.legal_actions()[1])
    path = saves.quicksave(a, 5)
    data = json.loads(path.read_text())
    data["log"] = [str(d) for d in b.history]  # a legal log, but not the saved game's
    path.write_text(json.dumps(data))
    with pytest.raises(saves.BadSave, match="replays to a different game"):
        saves.load(path, default)


def test_a_save_from_changed_content_offers_what_still_replays(default: Scenario, tmp_path: Path) -> None:
    import dataclasses

    g = new_game(default, 8)
    for _ in range(3):
        g.apply(g.legal_actions()[0])
        g.end_turn()
        while g.pending_crisis is not None:
            g.choose_default()
    path = saves.quicksave(g, 8)
    changed = dataclasses.replace(default, content_hash="e" * 64)
    with pytest.raises(saves.ChangedScenario, match="content"):
        saves.load(path, changed)
    partial, seed, played, total = saves.load_partial(path, changed)
    assert seed == 8 and played == total == len(g.history)
    assert partial.state.fingerprint() == g.state.fingerprint()  # same rules here, so all of it replays
    assert json.loads(path.read_text())["content_hash"] == default.content_hash  # the save is untouched

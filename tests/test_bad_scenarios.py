"""Broken scenarios give exactly the located diagnostics listed in tests/bad/<case>/expected.txt."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gaiko_game.scenario.loader import load

BAD = Path(__file__).resolve().parent / "bad"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
CASES = sorted(p.name for p in BAD.iterdir() if (p / "expected.txt").is_file())


def broken(case: str, where: Path) -> Path:
    """The mini scenario with the case's files laid over it, then its ``make.py`` run (for what a file cannot
    hold: links, names no file system allows, content too large to commit)."""
    dst = where / "scenario"
    shutil.copytree(MINI, dst)
    for f in (BAD / case).rglob("*"):
        if f.is_file() and f.name not in ("expected.txt", "make.py"):
            (dst / f.relative_to(BAD / case)).write_bytes(f.read_bytes())
    maker = BAD / case / "make.py"
    if maker.exists():
        spec = importlib.util.spec_from_file_location(f"bad_{case}", maker)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make(dst)
    return dst


def test_the_required_kinds_of_breakage_are_all_covered() -> None:
    codes = {line.split("[")[1].split("]")[0] for c in CASES for line in (BAD / c / "expected.txt").read_text().splitlines()
             if "[" in line}
    assert {"yaml-syntax", "unknown-key", "unknown-id", "duplicate-id", "duplicate-key", "wrong-type",
            "out-of-range", "alias-bomb", "alias-cycle", "path-outside", "chain-loop", "never-fires", "no-effect",
            "never-legal", "missing-text", "old-format", "player-collision", "unknown-tag", "bad-path", "yaml-tag",
            "duplicate-file", "too-many-follow-ups", "duplicate-follow-up", "empty-file", "bad-encoding",
            "file-unused", "tag-unread", "condition-impossible"} <= codes


@pytest.mark.parametrize("case", CASES)
def test_broken_scenario_gives_exact_diagnostics(case: str, tmp_path: Path) -> None:
    """Each line of expected.txt is ``file:line:col: severity[code]``, optionally followed by ``: message``
    when the exact sentence matters (every reproducer of a crash or a hang carries it)."""
    folder = broken(case, tmp_path)
    result = load(folder)
    expected = (BAD / case / "expected.txt").read_text().splitlines()
    worded = any("]: " in line for line in expected)
    got = sorted(f"{Path(d.file).relative_to(folder)}:{d.line}:{d.col}: {d.severity.value}[{d.code}]"
                 + (f": {d.message}" if worded else "") for d in result.diagnostics)
    assert got == sorted(expected)
    has_errors = any(": error[" in line for line in expected)
    assert result.ok is not has_errors and (result.scenario is None) is has_errors
    assert all(d.message and Path(d.file).is_relative_to(folder) and d.line >= 1 for d in result.diagnostics)


@pytest.mark.parametrize("case", ["yaml_syntax", "alias_bomb", "unknown_id", "symlink_loop", "nul_in_file_name",
                                  "follow_up_chain_996"])
def test_validate_command_exits_1_without_a_traceback(case: str, tmp_path: Path) -> None:
    folder = broken(case, tmp_path)
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "validate", str(folder)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    first = sorted((BAD / case / "expected.txt").read_text().splitlines())[0]
    assert f"{folder}/{first}" in run.stdout
    assert run.stdout.rstrip().endswith("FAILED")


def test_hints_suggest_the_likely_spelling(tmp_path: Path) -> None:
    result = load(broken("unknown_id", tmp_path))
    assert [d.hint for d in result.diagnostics] == ["did you mean 'china'?"]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    folder = broken("unknown_id", tmp_path)
    (folder / "rules.yaml").write_text("# " + "x" * 1_100_000 + "\n")
    result = load(folder)
    assert [(Path(d.file).name, d.code) for d in result.diagnostics] == [("rules.yaml", "file-too-large")]


def test_nesting_is_capped(tmp_path: Path) -> None:
    folder = broken("unknown_id", tmp_path)
    (folder / "rules.yaml").write_text("x: " + "[" * 60 + "]" * 60 + "\n")
    result = load(folder)
    assert [d.code for d in result.diagnostics] == ["too-deep"]


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    result = load(tmp_path / "nope")
    assert [d.code for d in result.diagnostics] == ["missing-file"]

"""Golden playthroughs: fixed seeds and decisions whose whole transcripts (both languages) are pinned in files.

Any change to the rules or to the wording shows up here as a readable diff. ``python tools/golden.py``
regenerates the files on purpose; this test only reads them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from gaiko_game.core import Decision
from gaiko_game.present.transcript import transcript
from gaiko_game.present.words import words
from gaiko_game.session.seeding import new_game
from tests.conftest import ROOT, load_ok

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.txt"))
_spec = importlib.util.spec_from_file_location("golden_tool", ROOT / "tools" / "golden.py")
assert _spec is not None and _spec.loader is not None
tool = importlib.util.module_from_spec(_spec)
sys.modules["golden_tool"] = tool
_spec.loader.exec_module(tool)


def test_every_bundled_scenario_has_golden_playthroughs() -> None:
    covered = {tool.pinned(p)[0] for p in GOLDEN}
    assert {f"scenarios/{p.name}" for p in (ROOT / "scenarios").iterdir() if (p / "scenario.yaml").is_file()} <= covered
    assert len(GOLDEN) == len(tool.CASES)


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_the_pinned_decisions_replay_to_the_pinned_transcripts(path: Path) -> None:
    folder, seed, difficulty, _, decisions = tool.pinned(path)
    scenario = load_ok(ROOT / folder)
    expected = path.read_text(encoding="utf-8").split("\n== en ==\n", 1)[1]
    english, japanese = expected.split("\n== ja ==\n")
    for lang, text in (("en", english), ("ja", japanese)):
        pinned: list[Decision] = list(decisions)
        got = "\n".join(transcript(new_game(scenario, seed, difficulty=difficulty), pinned, words(scenario, lang)))
        assert got + "\n" == text, f"{path.name} ({lang}) changed: if on purpose, run python tools/golden.py"

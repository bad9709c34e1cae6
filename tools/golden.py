"""Regenerate the golden playthroughs in tests/golden/ — on purpose, after a deliberate change to rules or wording.

Each file pins a scenario, a seed, a difficulty and a decision list (chosen here by a built-in
strategy), then the game's whole transcript in English and in Japanese. ``tests/test_golden.py``
replays the pinned decisions and compares the transcripts exactly; a test run never rewrites them.
Review the diff (``git diff tests/golden``) before committing: it is what the change did to games.

    python tools/golden.py            # rewrite every file
    python tools/golden.py --check    # exit 1 if any file would change
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gaiko_game.core import Deal, Decision, Order, parse_decision
from gaiko_game.present.transcript import transcript
from gaiko_game.present.words import words
from gaiko_game.scenario.loader import load
from gaiko_game.session.players import make_policy
from gaiko_game.session.seeding import new_game, stream

GOLDEN = ROOT / "tests" / "golden"
CASES = [  # (scenario folder, seed, difficulty, strategy that chooses the decisions)
    ("scenarios/indo_pacific_2025", 1, "standard", "hedge"),
    ("scenarios/indo_pacific_2025", 2, "hard", "random"),
    ("scenarios/tutorial", 1, "standard", "hedge"),
    ("scenarios/indo_pacific_2025_engagement", 1, "standard", "engagement_alliance"),
    ("scenarios/indo_pacific_2025_realist", 1, "standard", "alliance_self_reliance"),
    ("tests/fixtures/northern_watch", 1, "standard", "rival_lean"),
    ("tests/fixtures/mini", 3, "standard", "random"),
]
HEADER = "# Golden playthrough: do not edit. Regenerate on purpose with `python tools/golden.py`; review the diff.\n"


def decisions_by(folder: str, seed: int, difficulty: str, strategy: str) -> list[Decision]:
    """The decisions a built-in strategy takes in a game of the scenario from ``seed``."""
    scenario = load(ROOT / folder).scenario
    assert scenario is not None, folder
    game = new_game(scenario, seed, difficulty=difficulty)
    policy = make_policy(strategy, stream(seed, "policy"))
    while not game.is_over:
        while (order := policy.act(game)) is not None:
            game.apply(order)
        report = game.end_turn()
        while report is None:
            report = game.choose(policy.answer(game))
    return list(game.history)


def render(folder: str, seed: int, difficulty: str, strategy: str, decisions: list[Decision]) -> str:
    """A golden file's whole text."""
    scenario = load(ROOT / folder).scenario
    assert scenario is not None, folder
    out = [HEADER, f"scenario: {folder}\nseed: {seed}\ndifficulty: {difficulty}\ndecisions by: {strategy}\n",
           "decisions:\n" + "".join(f"  {' '.join(turn)}\n" for turn in by_turn(decisions))]
    for lang in ("en", "ja"):
        game = new_game(scenario, seed, difficulty=difficulty)
        out.append(f"\n== {lang} ==\n" + "\n".join(transcript(game, decisions, words(scenario, lang))) + "\n")
    return "".join(out)


def by_turn(decisions: list[Decision]) -> list[list[str]]:
    """The decisions one turn to a line: actions, the end of the turn, and the answers to its crises."""
    turns: list[list[str]] = [[]]
    for d in decisions:
        if isinstance(d, (Order, Deal)) and "end" in turns[-1]:
            turns.append([])
        turns[-1].append(str(d))
    return [t for t in turns if t]


def path_of(folder: str, seed: int) -> Path:
    """Where a case's file lives."""
    return GOLDEN / f"{Path(folder).name}-{seed}.txt"


def pinned(path: Path) -> tuple[str, int, str, str, list[Decision]]:
    """A golden file's scenario folder, seed, difficulty, strategy and pinned decisions."""
    lines = path.read_text(encoding="utf-8").split("\n== en ==")[0].splitlines()
    head = dict(line.split(": ", 1) for line in lines if ": " in line and not line.startswith(("#", " ")))
    logged = [d for line in lines if line.startswith("  ") for d in line.split()]
    return head["scenario"], int(head["seed"]), head["difficulty"], head["decisions by"], [parse_decision(d) for d in logged]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report which files would change")
    args = parser.parse_args()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    changed = []
    for folder, seed, difficulty, strategy in CASES:
        text = render(folder, seed, difficulty, strategy, decisions_by(folder, seed, difficulty, strategy))
        path = path_of(folder, seed)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            changed.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    for path in changed:
        print(f"{'would change' if args.check else 'wrote'} {path.relative_to(ROOT)}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())

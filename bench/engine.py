"""Engine speed: turns per second under the random policy, and load-and-validate time.

Targets on the project's 2-core machine class: at least 10,000 turns/s in one
process; loading and validating the default scenario in at most 150 ms.

Simulation mode (what `gaiko simulate` and the balance lab play) keeps no undo stack and
records no reasons for fired events (nobody reads a batch game's reports; the game plays the
same), and, as `gaiko simulate` does, freezes the loaded scenario out of the garbage
collector's scans. The figures with reasons recorded, and with the undo stack on as well (what
an interactive game uses), are printed too. Every actor's agenda is played in all three.

    python bench/engine.py [--games N] [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gaiko_game.scenario.loader import load  # noqa: E402
from gaiko_game.session.players import make_policy  # noqa: E402
from gaiko_game.session.policies import play_game  # noqa: E402
from gaiko_game.session.seeding import new_game, stream  # noqa: E402
from gaiko_game.session.simulate import settle  # noqa: E402

SCENARIO = ROOT / "scenarios" / "indo_pacific_2025"


def bench_load(repeats: int) -> list[float]:
    """Milliseconds to load and validate the default scenario, fresh each time."""
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        result = load(SCENARIO)
        times.append((time.perf_counter() - t) * 1000)
        assert result.ok
    return times


def bench_turns(games: int, rounds: int, undo: bool, explain: bool) -> list[float]:
    """Turns per second over ``games`` random-policy games, measured ``rounds`` times."""
    scenario = load(SCENARIO).scenario
    assert scenario is not None
    settle()  # as `gaiko simulate` does after loading: long-lived objects leave the collector's scans
    rates = []
    for r in range(rounds):
        turns = 0
        t = time.perf_counter()
        for seed in range(r * games, (r + 1) * games):
            game = play_game(new_game(scenario, seed, undo=undo, explain=explain),
                             make_policy("random", stream(seed, "policy")))
            turns += len(game.reports)
        rates.append(turns / (time.perf_counter() - t))
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=400, help="games per round (default 400)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    args = parser.parse_args()
    scenario = load(SCENARIO).scenario
    assert scenario is not None
    crises = sum(1 for e in scenario.events if e.choices)
    cold = bench_load(1)[0]
    warm = bench_load(10)
    sim = bench_turns(args.games, args.rounds, undo=False, explain=False)
    reasons = bench_turns(args.games, args.rounds, undo=False, explain=True)
    interactive = bench_turns(args.games, args.rounds, undo=True, explain=True)
    moves = sum(1 for e in scenario.events if e.actor is not None)
    print(f"default scenario: {len(scenario.actions)} actions, {len(scenario.rules)} world rules, {crises} crises, "
          f"{moves} actor moves")
    print(f"load+validate, first in process:  {cold:7.1f} ms   (target <= 150 ms)")
    print(f"load+validate, median of 10:      {statistics.median(warm):7.1f} ms   (max {max(warm):.1f} ms)")
    for label, rates in (("turns/s, random policy:", sim), ("  with reasons recorded:", reasons),
                         ("  with reasons and undo (interactive):", interactive)):
        print(f"{label:<38} {statistics.median(rates):7.0f}      (median of {args.rounds} rounds of {args.games} "
              f"games; min {min(rates):.0f}, max {max(rates):.0f})")
    print("target: >= 10,000 turns/s (simulation mode)")


if __name__ == "__main__":
    main()

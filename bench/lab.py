"""Balance-lab speed: games per second on one and two cores, a 10,000-game lab, the advisor, the search, memory.

Targets on the project's 2-core machine class (issue 9):
  * the speed-up from --jobs 1 to --jobs 2 is at least 1.7x (random play);
  * a 10,000-game lab of the shipped strategy files and random play takes at most 60 s on 2 cores;
  * memory stays flat over 100,000 games (each worker's resident set size, measured as it goes).
The look-ahead advisor and the search are timed separately (they play differently sized samples).

    python bench/lab.py [--games N] [--lab-games N] [--rss-games N] [--skip-rss]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gaiko_game.lab.backends import Pool  # noqa: E402
from gaiko_game.lab.experiment import Lab, Plan, strategies  # noqa: E402
from gaiko_game.lab.report import write_report  # noqa: E402
from gaiko_game.lab.runner import Job, chunks, play_chunk, run  # noqa: E402
from gaiko_game.lab.search import BUDGET, Search  # noqa: E402
from gaiko_game.scenario.loader import load  # noqa: E402
from gaiko_game.session.simulate import settle  # noqa: E402

SCENARIO = ROOT / "scenarios" / "indo_pacific_2025"
FOLDER = str(SCENARIO)


def rss_mb() -> float:
    """This process's resident set size in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def games_per_second(games: int, jobs: int) -> float:
    """Random play over ``games`` seeds, through a pool of ``jobs`` processes (started and warmed first)."""
    with Pool("process", jobs) as executor:
        run(chunks(FOLDER, "random", range(10_000_000, 10_000_000 + 25 * jobs), "standard"), executor)  # warm up
        t = time.perf_counter()
        run(chunks(FOLDER, "random", range(games), "standard"), executor)
        return games / (time.perf_counter() - t)


def timed_lab(plan: Plan, jobs: int) -> tuple[float, int, dict[str, object]]:
    """Seconds for a lab (pool start included), the games it played, its data."""
    sc = load(SCENARIO).scenario
    assert sc is not None
    t = time.perf_counter()
    with Pool("process", jobs) as executor:
        data = Lab(sc, SCENARIO, plan, executor, quiet=True).run()
    seconds = time.perf_counter() - t
    games = sum(int(p["games"]) for p in data["players"])  # type: ignore[attr-defined]
    return seconds, games, data


def timed_search(jobs: int) -> tuple[float, int, float]:
    """Seconds for the search with its default budget, the games it played, its best's search score."""
    sc = load(SCENARIO).scenario
    assert sc is not None
    t = time.perf_counter()
    with Pool("process", jobs) as executor:
        search = Search(sc, FOLDER, lambda js: run(js, executor), difficulty="standard")
        found = search.run(strategies(sc, SCENARIO))
    return time.perf_counter() - t, found.games, found.score


def rss_chunk(start: int, games: int) -> tuple[int, float]:
    """Play ``games`` random games from ``start`` in this worker, keeping nothing; its pid and RSS afterwards."""
    for i in range(start, start + games, 25):
        play_chunk(Job(FOLDER, "random", tuple(range(i, min(i + 25, start + games))), "standard"))
    return os.getpid(), rss_mb()


def rss_series(total: int, jobs: int, step: int) -> dict[int, list[float]]:
    """Each worker's RSS after every ``step`` games it played, over ``total`` games."""
    series: dict[int, list[float]] = {}
    with ProcessPoolExecutor(jobs) as pool:
        for pid, mb in pool.map(rss_chunk, range(0, total, step), [step] * (total // step)):
            series.setdefault(pid, []).append(mb)
    return series


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--games", type=int, default=3000, help="random games for games/s (default 3000)")
    ap.add_argument("--lab-games", type=int, default=10_000, help="games in the strategies lab (default 10,000)")
    ap.add_argument("--rss-games", type=int, default=100_000, help="games for the memory check (default 100,000)")
    ap.add_argument("--skip-rss", action="store_true", help="leave out the memory check (about 2 minutes)")
    args = ap.parse_args()
    settle()
    cores = len(os.sched_getaffinity(0))
    print(f"cores available: {cores}")

    one, two = games_per_second(args.games, 1), games_per_second(args.games, 2)
    print(f"random play, --jobs 1: {one:,.0f} games/s")
    print(f"random play, --jobs 2: {two:,.0f} games/s")
    print(f"speed-up: {two / one:.2f}x   (target >= 1.7x on 2 cores)")

    sc = load(SCENARIO).scenario
    assert sc is not None
    players = 1 + len(strategies(sc, SCENARIO))
    seeds = -(-args.lab_games // players)
    plan = Plan(seeds=seeds, advisor_seeds=0, difficulty="standard", search_budget=0, ablation=False)
    seconds, games, data = timed_lab(plan, 2)
    t = time.perf_counter()
    write_report(data, Path("/tmp/gaiko-bench-lab"), "en")
    report = time.perf_counter() - t
    print(f"lab of {players} players x {seeds} seeds = {games:,} games, --jobs 2: {seconds:.1f} s "
          f"(target <= 60 s); report: {report:.1f} s")

    seconds, games, _ = timed_lab(Plan(seeds=200, advisor_seeds=200, difficulty="standard", search_budget=0,
                                       ablation=False), 2)
    advisor_games = 200
    rest = games - advisor_games
    print(f"lab with the advisor on 200 seeds ({games:,} games, {rest:,} of them strategies and random play), "
          f"--jobs 2: {seconds:.1f} s")
    seconds, games, score = timed_search(2)
    print(f"search, default budget {BUDGET:,} games: {games:,} games in {seconds:.1f} s, best search score {score:.1f}")

    if not args.skip_rss:
        step = max(1000, args.rss_games // 20)
        series = rss_series(args.rss_games, 2, step)
        for pid, mbs in sorted(series.items()):
            print(f"worker {pid}: RSS after each {step:,} games (MB): " + " ".join(f"{m:.0f}" for m in mbs))
        growth = max(mbs[-1] - mbs[0] for mbs in series.values())
        print(f"memory over {args.rss_games:,} games: largest growth of a worker {growth:+.1f} MB")


if __name__ == "__main__":
    main()

"""Print-kit speed: how long `gaiko print` takes to build a whole kit, per scenario, language and paper.

Target (issue 15): the whole kit for the default scenario in at most 5 s on the project's 2-core machine class.
Each kit is built ``--repeat`` times in one process (the first build also loads the font; the best and the worst are
printed), with its page count, its size and the boxes of text that did not fit at 8 pt (always 0 in a shipped kit).

    python bench/printkit.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gaiko_game.printkit.kit import build  # noqa: E402
from gaiko_game.scenario.loader import load  # noqa: E402

KITS = [("indo_pacific_2025", ROOT / "scenarios" / "indo_pacific_2025", "a4"),
        ("indo_pacific_2025", ROOT / "scenarios" / "indo_pacific_2025", "letter"),
        ("tutorial", ROOT / "scenarios" / "tutorial", "a4"),
        ("northern_watch (test fixture)", ROOT / "tests" / "fixtures" / "northern_watch", "a4")]
TARGET = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kit (default 3)")
    args = parser.parse_args()
    print(f"{'scenario':<32}{'lang':<6}{'paper':<8}{'pages':>6}{'KB':>7}{'not fit':>9}{'best s':>8}{'worst s':>9}")
    worst_default = 0.0
    for name, folder, paper in KITS:
        scenario = load(folder).scenario
        assert scenario is not None, folder
        for lang in ("ja", "en"):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                kit = build(scenario, lang, paper)
                times.append(time.perf_counter() - start)
            print(f"{name:<32}{lang:<6}{paper:<8}{kit.pages:>6}{len(kit.pdf) // 1024:>7}{len(kit.too_small()):>9}"
                  f"{min(times):>8.2f}{max(times):>9.2f}")
            if name == "indo_pacific_2025":
                worst_default = max(worst_default, *times)
    verdict = "meets" if worst_default <= TARGET else "MISSES"
    print(f"default scenario, slowest build: {worst_default:.2f} s ({verdict} the {TARGET:.0f} s target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Modding toolkit speed: what a modder waits for while editing and sharing a scenario.

- reload: from a saved file to the game shown on the new content (``gaiko play --watch``): the scenario folder is
  loaded and validated again, and the game's whole log replays on it (the default scenario, played to its last
  turn by the ``hedge`` strategy, so the log is as long as a whole campaign's);
- schema: ``gaiko schema``'s ten schemas built and written;
- new: ``gaiko new`` (copy, rename, schemas);
- pack and install: the default scenario as a mod, zipped and then installed (checked as hostile, unpacked,
  validated) into a fresh data folder.

Each step runs ``--repeat`` times; the best and the worst are printed. No target is set by the issue: these are
the figures the closing note quotes.

    python bench/modding.py [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gaiko_game.cli.main import main as gaiko  # noqa: E402
from gaiko_game.scenario.editorschema import write_schemas  # noqa: E402
from gaiko_game.scenario.loader import load  # noqa: E402
from gaiko_game.session import modarchive  # noqa: E402
from gaiko_game.session.campaign import Campaign, Source  # noqa: E402
from gaiko_game.session.players import make_policy  # noqa: E402
from gaiko_game.session.policies import play_game  # noqa: E402
from gaiko_game.session.reload import rebuild_on  # noqa: E402
from gaiko_game.session.seeding import stream  # noqa: E402

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def timed(step: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times), max(times)


def played_campaign() -> Campaign:
    """The default scenario played to its end by the hedge strategy: a whole campaign's log."""
    scenario = load(DEFAULT).scenario
    assert scenario is not None
    campaign = Campaign.new(scenario, Source.of(DEFAULT), 7, None, undo=False, explain=False)
    play_game(campaign.game, make_policy("hedge", stream(7, "policy"), scenario, DEFAULT))
    return campaign


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each step (default 5)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gaiko-bench-"))
    os.environ["GAIKO_DATA_DIR"] = str(work / "data")
    try:
        campaign = played_campaign()

        def reload() -> None:
            result = load(DEFAULT)
            assert result.scenario is not None
            assert rebuild_on(campaign, result.scenario).whole

        mod = work / "indo_mod"
        shutil.copytree(DEFAULT, mod)
        (mod / "scenario.yaml").write_text((mod / "scenario.yaml").read_text(encoding="utf-8")
                                           .replace("id: indo_pacific_2025", "id: indo_mod", 1), encoding="utf-8")
        (mod / "mod.yaml").write_text('id: indo_mod\nname: {ja: テスト, en: Test}\nversion: "1.0.0"\n'
                                      'author: Bench\nlicence: CC-BY-4.0\ngame: ">=0.3"\n', encoding="utf-8")
        archive = work / "indo_mod.zip"

        def install() -> None:
            modarchive.install(archive, upgrade=True)

        def new() -> None:
            target = work / "new"
            shutil.rmtree(target / "bench_isles", ignore_errors=True)
            target.mkdir(exist_ok=True)
            here = os.getcwd()
            os.chdir(target)
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    assert gaiko(["new", "bench_isles", "--lang", "en"]) == 0
            finally:
                os.chdir(here)

        steps: list[tuple[str, Callable[[], object]]] = [
            (f"reload: load + replay {len(campaign.game.history)} decisions", reload),
            ("schema: build and write 10 schemas", lambda: write_schemas(work / "schemas")),
            ("new: gaiko new", new),
            ("pack: the default scenario as a mod", lambda: modarchive.pack(mod, archive)),
            ("install: check, unpack, validate", install),
        ]
        print(f"{'step':<48}{'best s':>8}{'worst s':>9}")
        for name, step in steps:
            best, worst = timed(step, args.repeat)
            print(f"{name:<48}{best:>8.2f}{worst:>9.2f}")
        print(f"zip of the default scenario: {archive.stat().st_size:,} bytes")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

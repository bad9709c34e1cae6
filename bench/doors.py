"""The reliability review's worst inputs, timed at the doors they once broke or froze (issue 11).

Each is built fresh in a temporary folder and timed in-process (the best of three), so the figures say what
the door costs, not Python's start-up. Target: every case under a second for anything under the size caps.

    python bench/doors.py
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from gaiko_game.scenario.loader import load  # noqa: E402
from gaiko_game.session import saves  # noqa: E402
from tests.test_bad_scenarios import BAD, CASES, broken  # noqa: E402

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def best(run: Callable[[], object]) -> float:
    """The best of three timings of ``run``, in seconds."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def default_copy(where: Path, edit: Callable[[Path], None]) -> Path:
    folder = where / "scenario"
    shutil.copytree(DEFAULT, folder)
    edit(folder)
    return folder


def near_misses(folder: Path) -> None:
    """1,000 unused text keys per language, each one letter off a real key (the review's 55 s case)."""
    rng = random.Random(1)
    for lang in ("ja", "en"):
        path = folder / "loc" / f"{lang}.yaml"
        keys = re.findall(r"^([a-z_.0-9]+):", path.read_text(encoding="utf-8"), re.M)
        lines = []
        for i in range(1000):
            key = rng.choice(keys)
            j = rng.randrange(len(key))
            lines.append(f'{key[:j]}{rng.choice("abcdefghij")}{key[j + 1:]}x{i}: "t"\n')
        with path.open("a", encoding="utf-8") as f:
            f.writelines(lines)


def listed_200_times(folder: Path) -> None:
    path = folder / "scenario.yaml"
    entries = ", ".join(["events/security.yaml"] * 200)
    path.write_text(path.read_text(encoding="utf-8").replace("files:\n", f"files:\n  events: [{entries}]\n", 1))


def chain(folder: Path, loop: bool) -> None:
    spec = importlib.util.spec_from_file_location("chain", BAD / "follow_up_chain_996" / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make(folder, loop=loop)


def main() -> None:
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cases = [
            ("default scenario, as shipped", lambda f: None),
            ("default + 1,000 near-miss unused keys per language", near_misses),
            ("default, one events file listed 200 times", listed_200_times),
            ("default, an events file emptied", lambda f: (f / "events" / "economy.yaml").write_text("")),
        ]
        for i, (name, edit) in enumerate(cases):
            folder = default_copy(root / f"d{i}", edit)
            result = load(folder)
            rows.append((name, best(lambda folder=folder: load(folder)), f"{len(result.diagnostics)} diagnostics"))
        for loop in (True, False):
            folder = root / f"chain{loop}"
            shutil.copytree(ROOT / "tests" / "fixtures" / "mini", folder)
            chain(folder, loop)
            result = load(folder)
            what = "looping back to its start" if loop else "no loop: validates clean"
            rows.append((f"996-event follow-up chain, {what}", best(lambda folder=folder: load(folder)),
                         "ok" if result.ok else result.diagnostics[0].code))
        timed = []
        for case in CASES:
            folder = broken(case, Path(tempfile.mkdtemp(dir=tmp)))
            timed.append((best(lambda folder=folder: load(folder)), case))
        slowest = max(timed)
        rows.append((f"slowest of the {len(CASES)} tests/bad scenario cases ({slowest[1]})", slowest[0], ""))
        big = root / "big.json"
        good = json.loads((ROOT / "tests" / "fixtures" / "saves" / "v3_default.json").read_text(encoding="utf-8"))
        good["log"] = good.get("log", []) + ["end"] * 12_000_000
        big.write_text(json.dumps(good), encoding="utf-8")
        mb = big.stat().st_size / 1e6

        def refuse() -> None:
            try:
                saves.read(big)
            except saves.BadSave:
                return
            raise AssertionError("a save over the cap was read")

        rows.append((f"a {mb:.0f} MB save refused by saves.read", best(refuse), "size checked before reading"))
    width = max(len(name) for name, _, _ in rows)
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds * 1000:8.1f} ms  {note}")


if __name__ == "__main__":
    main()

"""`gaiko test SCENARIO...`: run each scenario's ``tests.yaml`` and print each figure next to its target."""

from __future__ import annotations

import sys
from pathlib import Path

from gaiko_game.cli.common import load_or_report
from gaiko_game.core import UnknownDifficulty
from gaiko_game.lab.backends import Pool
from gaiko_game.lab.checks import measure, selected
from gaiko_game.lab.runner import Interrupted, LabError
from gaiko_game.scenario.diagnostics import format_all
from gaiko_game.scenario.expectations import TESTS_FILE, bind_tests, read_tests
from gaiko_game.session.players import player_names
from gaiko_game.session.simulate import settle
from gaiko_game.session.strategy import BadStrategy


def run_tests(paths: list[Path], tier: str, lang: str, backend: str = "process", jobs: int | None = None) -> int:
    """Exit 0 when every test is as its file says (passes, or fails where marked expected to)."""
    failed = False
    settle()
    for folder in paths:
        sc = load_or_report(folder)
        if sc is None:
            failed = True
            continue
        file = read_tests(folder)
        diags = file.diagnostics + bind_tests(file, sc, player_names(folder), folder)
        if diags:
            print(format_all(diags))
        if any(d.is_error for d in diags):
            print(f"{folder}: cannot run its tests (fix {TESTS_FILE} first)")
            failed = True
            continue
        tests = selected(file.tests, tier)
        if not tests:
            print(f"{folder}: no {tier} tests" + ("" if (folder / TESTS_FILE).is_file()
                                                 else f" (write a {TESTS_FILE}: see README, 'Scenario tests')"))
            continue
        try:
            with Pool(backend, jobs) as executor:
                outcomes = measure(sc, folder, tests, executor, quiet=False)
        except (BadStrategy, UnknownDifficulty, LabError) as e:
            text = e.text("en") if isinstance(e, UnknownDifficulty) else str(e)
            sys.stderr.write(f"{text}\ngaiko: error: cannot run the tests of {folder}\n")
            failed = True
            continue
        except Interrupted:
            sys.stderr.write("\ninterrupted\n")
            return 130
        for o in outcomes:
            print(o.line(lang))
        counts = {s: sum(o.status == s for o in outcomes) for s in ("pass", "fail", "xfail", "xpass")}
        skipped = len(file.tests) - len(tests)
        print(f"{folder}: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
              + (f" ({skipped} full-tier test(s) not run: add --tier full)" if skipped else ""))
        failed |= not all(o.ok for o in outcomes)
    return 1 if failed else 0

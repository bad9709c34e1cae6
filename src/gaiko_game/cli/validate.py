"""`gaiko validate PATH...`: exit 0 when clean or warnings only, 1 on errors.

With ``--balance``, a scenario that validates also gets a short lab (60 seeds of random play,
every strategy, and random play without each action) whose findings are printed as warnings at
the YAML line of the action, choice or event concerned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gaiko_game.core import Scenario, UnknownDifficulty
from gaiko_game.lab.backends import Pool
from gaiko_game.lab.checks import measure, selected
from gaiko_game.lab.experiment import Lab, Plan
from gaiko_game.lab.runner import Interrupted, LabError
from gaiko_game.lab.targets import stated_bounds
from gaiko_game.lab.warnings import balance_warnings
from gaiko_game.scenario.diagnostics import Diagnostic, Severity, format_all
from gaiko_game.scenario.expectations import bind_tests, read_tests
from gaiko_game.scenario.loader import LoadResult, load
from gaiko_game.scenario.strategyfile import bind, read_strategy
from gaiko_game.session.players import player_names
from gaiko_game.session.simulate import settle
from gaiko_game.session.strategy import BadStrategy, scenario_paths


def run_validate(paths: list[Path], show_all: bool = False, balance: bool = False, jobs: int | None = None) -> int:
    """Validate each folder and print its diagnostics (and its balance warnings)."""
    failed = False
    for path in paths:
        result = load(path)
        diags = list(result.diagnostics)
        if result.scenario is not None:
            diags += companions(path, result.scenario)
        errors = sum(d.is_error for d in diags)
        if balance and result.ok and not errors:
            found = _balance(path, result, jobs)
            if found is None:
                failed = True
            else:
                diags += found
        if diags:
            print(format_all(diags, None if show_all else 50))
        status = "FAILED" if errors else "ok"
        print(f"{path}: {status}")
        failed |= errors > 0
    return 1 if failed else 0


def companions(path: Path, sc: Scenario) -> list[Diagnostic]:
    """The diagnostics of a scenario's own strategy files and of its tests.yaml, checked against it."""
    found: list[Diagnostic] = []
    for file in scenario_paths(path).values():
        strategy = read_strategy(file)
        found += strategy.diagnostics + bind(strategy, sc)
    tests = read_tests(path)
    return found + tests.diagnostics + bind_tests(tests, sc, player_names(path), path)


def _balance(path: Path, result: LoadResult, jobs: int | None) -> list[Diagnostic] | None:
    """The quick lab's warnings and the scenario's failing quick tests (None, with a message, when it cannot run)."""
    sc = result.scenario
    assert sc is not None
    tests = read_tests(path)
    settle()
    try:
        with Pool("process", jobs) as executor:
            data = Lab(sc, path, Plan.quick(sc.difficulty(None).id), executor).run()
            outcomes = measure(sc, path, selected(tests.tests, "quick"), executor) if tests.ok else []
    except (BadStrategy, LabError, UnknownDifficulty) as e:
        text = e.text("en") if isinstance(e, UnknownDifficulty) else str(e)
        sys.stderr.write(f"{text}\ngaiko: error: the balance check of {path} cannot run\n")
        return None
    except Interrupted:
        raise KeyboardInterrupt from None
    found = balance_warnings(data, result.places, str(path), set(stated_bounds(tests.tests)))
    for o in outcomes:
        if o.status == "fail":
            found.append(Diagnostic(Severity.WARNING, "balance-test", f"test `{o.test.id}` misses its target: "
                                    f"{o.said['en']}", o.test.file, o.test.line, 1, "run 'gaiko test' for every test"))
        elif o.status == "xpass":
            found.append(Diagnostic(Severity.WARNING, "balance-test", f"test `{o.test.id}` now meets its target: "
                                    f"{o.said['en']}", o.test.file, o.test.line, 1, "remove its `expect_fail`"))
    expected = sum(o.status == "xfail" for o in outcomes)
    if expected:
        print(f"{path}: {expected} test(s) marked expect_fail still fail as expected ('gaiko test {path}' shows them)")
    return found

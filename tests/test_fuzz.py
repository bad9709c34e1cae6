"""Mutation fuzzing in the suite (issue 11, item 4): damaged scenario folders and saves never end in a traceback.

The fast tier (in ``make test``) runs 80 scenario cases on the tutorial and the fixture scenario and 160 save
cases, in two worker processes; ``GAIKO_FUZZ_CASES=N`` runs N scenario cases and 2N save cases instead. The slow
tier runs 2,000 scenario cases over every scenario. ``bench/fuzz.py`` runs the big numbers (10,000 and 5,000)
and replays any one case by its number. The mutations and the outcomes are described in ``tests/fuzzing.py``.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.fuzzing import ALL_SOURCES, FAST_SOURCES, MUST_NOT, describe, replay_command, run_cases, summarise

CASES = int(os.environ.get("GAIKO_FUZZ_CASES", "0") or 0)
SCENARIO_CASES = CASES or 80
SAVE_CASES = 2 * CASES if CASES else 160
SLOW_SCENARIO_CASES = max(CASES, 2_000)


def _verdict(results: list[dict[str, Any]]) -> str:
    """Every case that failed in a way it must not, with how to replay it; empty when there is none."""
    failed = [r for r in results if set(r["failures"]) & set(MUST_NOT)]
    if not failed:
        return ""
    s = summarise(failed)
    lines = [f"{len(failed)} of {len(results)} cases failed: {s['failures']}"]
    for sig, v in s["signatures"].items():
        lines.append(f"  {v['count']} × {sig} (cases {v['first']})")
    lines += [f"  {describe(r)[:600]}\n      replay: {replay_command(r)}" for r in failed[:15]]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def fast() -> list[dict[str, Any]]:
    jobs = [("scenario", n) for n in range(SCENARIO_CASES)] + [("save", n) for n in range(SAVE_CASES)]
    return run_cases(jobs, sources=FAST_SOURCES, workers=2)


def test_mutated_scenarios_give_located_diagnostics_and_validated_ones_play(fast: list[dict[str, Any]]) -> None:
    results = [r for r in fast if r["kind"] == "scenario"]
    assert len(results) == SCENARIO_CASES
    assert not _verdict(results), _verdict(results)
    stages = summarise(results)["stages"]
    assert stages.get("refused", 0) > 0 and stages.get("played", 0) > 0, stages  # the mutations reach both ends


def test_damaged_saves_are_refused_with_a_reason_or_open_as_the_same_game(fast: list[dict[str, Any]]) -> None:
    results = [r for r in fast if r["kind"] == "save"]
    assert len(results) == SAVE_CASES
    assert not _verdict(results), _verdict(results)
    stages = summarise(results)["stages"]
    assert stages.get("refused", 0) > 0 and stages.get("opened-same", 0) > 0, stages


def test_an_opened_save_never_autosaves_outside_the_saves_folder(fast: list[dict[str, Any]]) -> None:
    results = [r for r in fast if r["kind"] == "save"]
    outside = [r for r in results if "writes-outside" in r["failures"]]
    assert not outside, "\n".join(f"{describe(r)[:300]} -> {r['writes_to']}\n    replay: {replay_command(r)}"
                                   for r in outside[:10])


@pytest.mark.slow
def test_thousands_of_mutated_scenarios() -> None:
    results = run_cases([("scenario", n) for n in range(SLOW_SCENARIO_CASES)], sources=ALL_SOURCES, workers=2)
    assert not _verdict(results), _verdict(results)

"""The big fuzz run (issue 11, item 4): thousands of mutated scenario folders and damaged saves, in worker processes.

Each case is a number; the same number always makes the same damage (``tests/fuzzing.py`` says how). Prints the
inputs tried, how far each got, failures by kind with the first case numbers of each, tracebacks by where they
were raised, cases over 5 s, case times (median, p99, max) and the total time. Targets: 0 tracebacks, 0 hangs,
0 cases over 5 s.

    python bench/fuzz.py [--scenarios 10000] [--saves 5000] [--jobs 2] [--seed N] [--json PATH]
    python bench/fuzz.py --scenario-case N [--seed N] [--sources a,b] [--keep DIR]   # replay one case
    python bench/fuzz.py --save-case N [--seed N] [--keep FILE]                      # replay one save case

A replay runs in this process and prints the mutations, the full outcome and the traceback; ``--keep`` leaves
the mutated folder (or save file) behind, e.g. for ``gaiko validate DIR``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.fuzzing import (  # noqa: E402
    ALL_SOURCES,
    SLOW_SECONDS,
    SOURCES,
    TIMEOUT,
    Worker,
    cap_memory,
    describe,
    replay_command,
    run_cases,
    save_case,
    scenario_case,
    summarise,
)

SCENARIO_STAGES = ("traceback", "refused", "validated", "played", "play-traceback", "hang", "memory", "crash",
                   "fuzzer-error")
SAVE_STAGES = ("traceback", "refused", "opened-same", "opened-partial", "opened-different", "hang", "memory", "crash",
               "fuzzer-error")


def replay(kind: str, n: int, seed: int, sources: tuple[str, ...], keep: Path | None, timeout: float) -> int:
    """Run one case here and print everything about it; exit status 1 when it failed."""
    cap_memory()
    with tempfile.TemporaryDirectory(prefix="gaiko-fuzz-replay-") as tmp:
        os.environ["GAIKO_CONFIG_DIR"] = str(Path(tmp) / "config")
        worker = Worker(Path(tmp), timeout)
        rec = scenario_case(worker, seed, n, sources, keep) if kind == "scenario" else save_case(worker, seed, n, keep)
    tb = rec.pop("traceback", None)
    print(describe(rec))
    print(json.dumps(rec, indent=1, ensure_ascii=False))
    if tb:
        print("\n" + tb)
    if keep is not None:
        print(f"kept: {keep}")
    return 1 if rec["failures"] else 0


def _print_part(title: str, s: dict[str, Any], stages: tuple[str, ...], results: list[dict[str, Any]]) -> None:
    print(f"\n== {title}: {s['tried']:,} inputs tried")
    for stage in stages:
        if s["stages"].get(stage):
            print(f"  {stage:<17} {s['stages'][stage]:>7,}")
    if s["failures"]:
        print("  failures by kind (first cases):")
        for kind, f in s["failures"].items():
            print(f"    {kind:<17} {f['count']:>7,}   {f['first']}")
    else:
        print("  failures: none")
    tracebacks = sum(v["count"] for k, v in s["failures"].items() if k in ("traceback", "play-traceback"))
    slow = s["failures"].get("slow", {}).get("count", 0)
    hangs = s["failures"].get("hang", {}).get("count", 0)
    print(f"  tracebacks: {tracebacks}   hangs: {hangs}   cases over {SLOW_SECONDS:g} s: {slow}")
    if s["signatures"]:
        print("  by where they were raised:")
        for sig, v in s["signatures"].items():
            print(f"    {v['count']:>5} × {sig}\n          e.g. {v['example'][:150]}\n          cases {v['first']}, "
                  f"mutations {v['mutations']}")
    if s.get("doors"):
        print("  how far each got, door by door:")
        for door, outcomes in s["doors"].items():
            print(f"    {door:<17} " + ", ".join(f"{k} {v:,}" for k, v in outcomes.items()))
    if s["unlocated_codes"]:
        print(f"  unlocated diagnostics by code (file kind): {s['unlocated_codes']}")
    t = s["times"]
    print(f"  case time: median {t['median']:.3f} s, p99 {t['p99']:.3f} s, max {t['max']:.3f} s")
    failed = [r for r in results if r["failures"]]
    if failed:
        print("  replay one with, e.g.:")
        for r in failed[:3]:
            print(f"    {replay_command(r)}    # {describe(r)[:160]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenarios", type=int, default=10_000, help="scenario cases (default 10,000)")
    ap.add_argument("--saves", type=int, default=5_000, help="save cases (default 5,000)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--seed", type=int, default=0, help="the run's seed (default 0)")
    ap.add_argument("--start", type=int, default=0, help="the first case number (default 0)")
    ap.add_argument("--sources", default=",".join(ALL_SOURCES), help=f"scenarios to mutate (default {','.join(ALL_SOURCES)})")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconds before a case is a hang (default {TIMEOUT:g})")
    ap.add_argument("--scenario-case", type=int, help="replay one scenario case here and print everything about it")
    ap.add_argument("--save-case", type=int, help="replay one save case here and print everything about it")
    ap.add_argument("--keep", type=Path, help="with a replay: leave the mutated folder (or save file) here")
    ap.add_argument("--json", type=Path, help="also write the figures (and every failing case) to this JSON file")
    ap.add_argument("--records", type=Path, help="write every case's record to this file (JSON lines), e.g. to compare runs")
    ap.add_argument("--quiet", action="store_true", help="no progress lines")
    args = ap.parse_args(argv)
    sources = tuple(s for s in args.sources.split(",") if s)
    unknown = [s for s in sources if s not in SOURCES]
    if unknown or not sources:
        ap.error(f"unknown scenario {unknown}; known: {', '.join(SOURCES)}")
    if args.scenario_case is not None:
        return replay("scenario", args.scenario_case, args.seed, sources, args.keep, args.timeout)
    if args.save_case is not None:
        return replay("save", args.save_case, args.seed, sources, args.keep, args.timeout)

    jobs = [("scenario", n) for n in range(args.start, args.start + args.scenarios)]
    jobs += [("save", n) for n in range(args.start, args.start + args.saves)]
    began = time.perf_counter()
    step = max(1, len(jobs) // 20)

    def progress(done: int, total: int) -> None:
        if not args.quiet and (done % step == 0 or done == total):
            print(f"  {done:,}/{total:,} cases, {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)

    results = run_cases(jobs, seed=args.seed, sources=sources, workers=args.jobs, timeout=args.timeout,
                        progress=progress)
    seconds = time.perf_counter() - began
    scenario = [r for r in results if r["kind"] == "scenario"]
    save = [r for r in results if r["kind"] == "save"]
    summary: dict[str, Any] = {"seed": args.seed, "sources": list(sources), "jobs": args.jobs, "timeout": args.timeout,
                               "total_seconds": round(seconds, 1)}
    print(f"Gaikō fuzz run: seed {args.seed}, {args.jobs} workers, scenarios {', '.join(sources)}")
    if scenario:
        summary["scenarios"] = summarise(scenario)
        _print_part("scenario folders", summary["scenarios"], SCENARIO_STAGES, scenario)
        st = summary["scenarios"]["stages"]
        validated = st.get("validated", 0) + st.get("played", 0) + st.get("play-traceback", 0)
        answered = st.get("refused", 0) + validated
        print(f"  how far each got: answered by load {answered:,} (refused {st.get('refused', 0):,}, validated "
              f"{validated:,}) -> played to the end {st.get('played', 0):,}")
        mutations = sum(len(r.get("mutations", [])) for r in scenario)
        print(f"  mutations applied: {mutations:,} ({mutations / len(scenario):.2f} a case)")
    if save:
        summary["saves"] = summarise(save)
        _print_part("save files", summary["saves"], SAVE_STAGES, save)
    print(f"\ntotal time: {seconds:.1f} s for {len(results):,} cases")
    if args.records:
        with args.records.open("w", encoding="utf-8") as out:
            for r in results:
                out.write(json.dumps({k: v for k, v in r.items() if k != "traceback"}, ensure_ascii=False) + "\n")
    if args.json:
        summary["failing_cases"] = [r for r in results if r["failures"]]
        args.json.write_text(json.dumps(summary, indent=1, ensure_ascii=False, default=str))
        print(f"figures written to {args.json}")
    return 1 if any(r["failures"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

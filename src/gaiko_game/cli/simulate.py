"""`gaiko simulate`: many seeded games, as a table or one JSON object; same arguments, same bytes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gaiko_game.cli.common import load_or_report
from gaiko_game.session.simulate import METRICS, event_table, settle, simulate, summary


def run_simulate(scenario_path: Path, policy: str, seed: int, runs: int, as_json: bool, events: bool = False,
                 difficulty: str | None = None) -> int:
    """Run the games and print them."""
    scenario = load_or_report(scenario_path)
    if scenario is None:
        return 1
    try:
        level = scenario.difficulty(difficulty).id
    except KeyError as e:
        sys.stderr.write(f"gaiko: error: {e.args[0]}\n")
        return 2
    settle()
    results = simulate(scenario, policy, seed, runs, level)
    summ = summary(results)
    summ = {"scenario": scenario.id, "policy": policy, "difficulty": level, **summ}
    table = event_table(scenario, results) if events else None
    if as_json:
        out: dict[str, object] = {"runs": [r.as_dict() for r in results], "summary": summ}
        if table is not None:
            out["events"] = table
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(f"scenario {scenario.id} · policy {policy} · seeds {seed}–{seed + runs - 1}")
    print(f"{'seed':>8} {'security':>9} {'prosperity':>11} {'autonomy':>9} {'score':>7} {'turns':>6}  rating / ending")
    for r in results:
        print(f"{r.seed:>8} {r.security:>9} {r.prosperity:>11} {r.autonomy:>9} {r.score:>7.1f} {r.turns:>6}  {r.rating} / {r.ending}")
    print()
    print(f"{'':>8} {'mean':>9} {'sd':>8} {'min':>7} {'max':>7}")
    for metric in METRICS:
        m = summ[metric]
        assert isinstance(m, dict)
        print(f"{metric:>10} {m['mean']:>7.2f} {m['sd']:>8.2f} {m['min']:>7.1f} {m['max']:>7.1f}")
    print(f"ratings: {summ['ratings']}")
    print(f"endings: {summ['endings']}")
    if table is not None:
        _print_events(table, runs)
    return 0


def _print_events(table: dict[str, dict[str, object]], runs: int) -> None:
    print()
    print(f"{'event':<34} {'games':>7} {'share':>7} {'times':>7}  choices (times taken)")
    for event_id, row in table.items():
        games, times = int(str(row["games"])), int(str(row["times"]))
        choices = row["choices"]
        assert isinstance(choices, dict)
        taken = ", ".join(f"{c} {n}" for c, n in choices.items())
        mark = " (rare)" if row["rare"] else (" NEVER FIRED" if games == 0 else "")
        print(f"{event_id:<34} {games:>7} {games / runs:>7.1%} {times:>7}  {taken}{mark}")

"""`gaiko simulate`: many seeded games, as a table or one JSON object; same arguments, same bytes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gaiko_game.cli.common import load_or_report
from gaiko_game.core import UnknownDifficulty
from gaiko_game.session.players import make_policy
from gaiko_game.session.seeding import stream
from gaiko_game.session.simulate import event_table, metrics, settle, simulate, summary, value_of
from gaiko_game.session.strategy import BadStrategy


def run_simulate(scenario_path: Path, policy: str, seed: int, runs: int, as_json: bool, events: bool = False,
                 difficulty: str | None = None) -> int:
    """Run the games and print them."""
    scenario = load_or_report(scenario_path)
    if scenario is None:
        return 1
    try:
        level = scenario.difficulty(difficulty).id
    except UnknownDifficulty as e:
        sys.stderr.write(f"gaiko: error: {e.text('en')}\n")
        return 2
    try:
        make_policy(policy, stream(seed, "policy"), scenario, scenario_path)
    except BadStrategy as e:
        sys.stderr.write(f"gaiko: error: {e}\n")
        return 2
    settle()
    results = simulate(scenario, policy, seed, runs, level, scenario_path)
    summ = {"scenario": scenario.id, "policy": policy, "difficulty": level, **summary(scenario, results)}
    table = event_table(scenario, results) if events else None
    if as_json:
        out: dict[str, object] = {"runs": [r.as_dict() for r in results], "summary": summ}
        if table is not None:
            out["events"] = table
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    columns = metrics(scenario)
    widths = [max(9, len(c) + 1) for c in columns]
    print(f"scenario {scenario.id} · policy {policy} · seeds {seed}–{seed + runs - 1}")
    print(f"{'seed':>8} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
          + f" {'turns':>6}  rating / ending")
    for r in results:
        cells = " ".join(f"{value_of(r, c):>{w}.{1 if c == 'score' else 0}f}" for c, w in zip(columns, widths, strict=True))
        print(f"{r.seed:>8} {cells} {r.turns:>6}  {r.rating} / {r.ending}")
    print()
    print(f"{'':>12} {'mean':>9} {'sd':>8} {'min':>7} {'max':>7}")
    for metric in columns:
        m = summ[metric]
        assert isinstance(m, dict)
        print(f"{metric:>12} {m['mean']:>9.2f} {m['sd']:>8.2f} {m['min']:>7.1f} {m['max']:>7.1f}")
    for label in ("ratings", "endings"):
        counts = summ[label]
        assert isinstance(counts, dict)
        print(f"{label}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
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

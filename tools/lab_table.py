"""Print the README's strategy table from a lab's report.json (``gaiko lab`` writes it).

    python tools/lab_table.py lab-report/indo_pacific_2025/report.json [--lang en|ja]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def table(data: dict, lang: str) -> str:  # type: ignore[type-arg]
    """One Markdown row per player, best mean first: meters, mean ± sd, top-rating share, difference from the advisor."""
    meters = data["scenario"]["meters"]
    head = ["player", *(m["name"][lang] for m in meters), "score (mean ± sd)", "top rating", "vs advisor [95% CI]"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for p in sorted(data["players"], key=lambda p: -p["score"]["mean"]):
        vs = p["vs_advisor"]
        vs_text = f"{vs['mean_diff']:+.1f} [{vs['ci95'][0]:+.1f}, {vs['ci95'][1]:+.1f}]" if vs else "—"
        ident = "search's best" if p["kind"] == "search" else f"`{p['id']}`"
        cells = [f"{ident} — {p['name'][lang]}", *(f"{p['meters'][m['id']]:.1f}" for m in meters),
                 f"{p['score']['mean']:.1f} ± {p['score']['sd']:.1f}", f"{p['top_rating']:.0%}", vs_text]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report", type=Path)
    ap.add_argument("--lang", choices=("en", "ja"), default="en")
    args = ap.parse_args()
    print(table(json.loads(args.report.read_text(encoding="utf-8")), args.lang))


if __name__ == "__main__":
    main()

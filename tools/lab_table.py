"""The README's strategy tables from a lab's report.json (``gaiko lab`` writes it): printed, or written into
the README between its ``<!-- lab-table -->`` and ``<!-- /lab-table -->`` markers (with ``--write``).

    python tools/lab_table.py lab-report/indo_pacific_2025/report.json [--lang en|ja]
    python tools/lab_table.py docs/lab/indo_pacific_2025.json --write README.md

tests/test_readme.py checks that the README's tables are exactly what this prints for docs/lab/.
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


def families(data: dict, lang: str) -> str:  # type: ignore[type-arg]
    """One Markdown row per strategy family, best first: the search's best within its roles, and its file."""
    rows = ["| family | roles | best within the family (mean [95% CI]) | its top rating | the hand-written file |",
            "|---|---|---|---|---|"]
    for f in data.get("families", []):
        best, file = f["best"], f["file"]
        rows.append(f"| `{f['id']}` — {f['name'][lang]} | {', '.join(f['roles'])} | {best['mean']:.1f} "
                    f"[{best['ci95'][0]:.1f}, {best['ci95'][1]:.1f}] | {f['top_rating']:.0%} | {file['mean']:.1f} |")
    return "\n".join(rows)


def section(data: dict, lang: str) -> str:  # type: ignore[type-arg]
    """Both tables, as the README shows them."""
    s = data["settings"]
    head = (f"Measured by `gaiko lab` ({s['seeds']} seeds, advisor on {s['advisor_seeds']}, "
            f"difficulty {s['difficulty'] or 'default'}):")
    return f"{head}\n\n{table(data, lang)}\n\nEach family at its best (the lab's search within the family's roles, " \
           f"scored on the same seeds):\n\n{families(data, lang)}"


START, END = "<!-- lab-table -->", "<!-- /lab-table -->"


def write(readme: Path, text: str) -> None:
    """Replace what lies between the README's markers."""
    page = readme.read_text(encoding="utf-8")
    a, b = page.index(START) + len(START), page.index(END)
    readme.write_text(f"{page[:a]}\n{text}\n{page[b:]}", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report", type=Path)
    ap.add_argument("--lang", choices=("en", "ja"), default="en")
    ap.add_argument("--write", type=Path, default=None, help="write into this README between its markers")
    args = ap.parse_args()
    text = section(json.loads(args.report.read_text(encoding="utf-8")), args.lang)
    if args.write is None:
        print(text)
    else:
        write(args.write, text)
        print(f"wrote the lab tables into {args.write}")


if __name__ == "__main__":
    main()

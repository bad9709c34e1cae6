"""`gaiko lab SCENARIO`: every strategy, random play, the advisor and a search, with a report and a verdict."""

from __future__ import annotations

import dataclasses
import json
import sys
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from gaiko_game.cli.common import load_or_report
from gaiko_game.core import Scenario, UnknownDifficulty
from gaiko_game.lab.backends import Pool
from gaiko_game.lab.experiment import Lab, Plan
from gaiko_game.lab.report import ReportFolderError, folder_problem, write_report
from gaiko_game.lab.runner import Interrupted, LabError
from gaiko_game.scenario.diagnostics import did_you_mean
from gaiko_game.scenario.loader import load
from gaiko_game.session.simulate import settle
from gaiko_game.session.strategy import BadStrategy


@dataclass(frozen=True)
class Where:
    """Where a lab runs and what it prints (none of it changes a figure)."""

    backend: str = "process"
    jobs: int | None = None
    address: str | None = None
    out: Path | None = None
    as_json: bool = False
    lang: str = "en"


def report_folder(sc: Scenario, out: Path | None) -> Path:
    """Where the report goes: ``--out``, or ``lab-report/<scenario id>`` in the current folder."""
    return out if out is not None else Path("lab-report") / sc.id


def plan_for(sc: Scenario, seeds: int, first_seed: int, advisor_seeds: int | None, difficulty: str | None,
             budget: int, quick: bool, without: tuple[str, ...] = (), families: bool = True) -> Plan:
    """The plan the options ask for (``--quick``: the short balance lab)."""
    level = sc.difficulty(difficulty).id
    if quick:
        return dataclasses.replace(Plan.quick(level), without=without)
    return Plan(seeds=seeds, first_seed=first_seed, advisor_seeds=seeds if advisor_seeds is None else advisor_seeds,
                difficulty=level, search_budget=budget, without=without, families=families)


def unknown_assumption(sc: Scenario, without: tuple[str, ...]) -> str | None:
    """A message for the first assumption ``without`` names that the scenario does not declare."""
    for a in without:
        if a not in sc.assumptions:
            hint = did_you_mean(a, sc.assumptions) or (
                f"it declares: {', '.join(sc.assumptions)}" if sc.assumptions else "it declares none")
            return f"{sc.id} has no assumption '{a}' to switch off ({hint})"
    return None


def run_lab(folder: Path, plan_args: dict[str, Any], where: Where) -> int:
    """Run the lab, write the report, print a summary (or the figures as JSON); the exit code."""
    sc = load_or_report(folder)
    if sc is None:
        return 1
    try:
        plan = plan_for(sc, **plan_args)
    except UnknownDifficulty as e:
        sys.stderr.write(f"gaiko: error: {e.text('en')}\n")
        return 2
    if plan.without:
        problem = unknown_assumption(sc, plan.without)
        if problem is not None:
            sys.stderr.write(f"gaiko: error: {problem}\n")
            return 2
        switched = load(folder, plan.without).scenario
        assert switched is not None
        sc = switched
    out = report_folder(sc, where.out)
    problem = folder_problem(out)
    if problem is not None:
        sys.stderr.write(f"gaiko: error: {problem}\n")
        return 2
    lab = None
    try:
        settle()
        with Pool(where.backend, where.jobs, where.address) as executor:
            lab = Lab(sc, folder, plan, executor, quiet=where.as_json)
            data = lab.run()
        write_report(data, out, where.lang)
    except BadStrategy as e:
        sys.stderr.write(f"{e}\ngaiko: error: a strategy file cannot run on {folder}; fix it or move it away\n")
        return 1
    except Interrupted as e:
        kept = _keep(lab, out) if lab is not None else None
        sys.stderr.write(f"\ngaiko: {e}; no report was written"
                         + (f" (the report in {out} is untouched)" if (out / "index.html").exists() else "")
                         + (f"; the finished games are in {kept}" if kept else "") + "\n")
        return 130
    except LabError as e:
        sys.stderr.write(f"gaiko: error: {e}\n")
        return 1
    except ReportFolderError as e:
        sys.stderr.write(f"gaiko: error: {e}\n")
        return 2
    except OSError as e:
        sys.stderr.write(f"gaiko: error: cannot write the report to {out}: {e.strerror or e}\n")
        return 1
    if where.as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(summary_text(data, out, where.lang))
    return 0


def _keep(lab: Lab, out: Path) -> Path | None:
    """Write the games an interrupted lab finished beside the report folder (never into it)."""
    if not lab.finished:
        return None
    kept = out.with_name(out.name + ".partial.json")
    games = {who: [g.as_dict() for g in results] for who, results in lab.finished.items()}
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(json.dumps({"interrupted": True, "scenario": lab.sc.id, "plan": asdict(lab.plan),
                                    "games": games}, ensure_ascii=False), encoding="utf-8")
    except OSError:
        return None
    return kept


def _width(text: str) -> int:
    """Columns a text takes in a terminal (wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(text: str, width: int, right: bool = False) -> str:
    """``text`` padded (or cut) to ``width`` terminal columns."""
    while _width(text) > width:
        text = text[:-2] + "…"
    pad = " " * (width - _width(text))
    return pad + text if right else text + pad


def summary_text(data: dict[str, Any], out: Path, lang: str) -> str:
    """The lab in a few lines: each player's mean and interval, the verdict, where the report is."""
    ja = lang == "ja"
    s = data["settings"]
    level = data["scenario"].get("difficulty", {}).get(lang, s["difficulty"])
    lines = [f"{data['scenario']['name'][lang]} · {s['seeds']} {'シード' if ja else 'seeds'} · {level}", ""]
    head = ("プレイヤー", "平均", "95%区間", "最上位", "敗北", "対アドバイザー") if ja else (
        "player", "mean", "95% interval", "top", "lost", "vs advisor")
    widths = (30, 6, 13, 7, 6, 15)
    lines.append(" ".join(_cell(h, w, i > 0) for i, (h, w) in enumerate(zip(head, widths, strict=True))))
    for p in sorted(data["players"], key=lambda p: -p["score"]["mean"]):
        lo, hi = p["score"]["ci95"]
        vs = p["vs_advisor"]
        cells = (p["name"][lang], f"{p['score']['mean']:.1f}", f"{lo:.1f}–{hi:.1f}", f"{p['top_rating']:.0%}",
                 f"{p['lost']:.0%}", f"{vs['mean_diff']:+.1f}" if vs else "—")
        lines.append(" ".join(_cell(c, w, i > 0) for i, (c, w) in enumerate(zip(cells, widths, strict=True))))
    if data.get("families"):
        lines += ["", "路線ごとの最善(探索、使っていないシードで評価):" if ja
                  else "each family at its best (search, held-out seeds):"]
        for f in data["families"]:
            lines.append(" ".join((_cell(f["name"][lang], widths[0]), _cell(f"{f['best']['mean']:.1f}", widths[1], True),
                                   _cell(f"{f['file']['mean']:.1f}", 13, True) + (" (ファイル)" if ja else " (file)"))))
    if data["search"]:
        best = data["search"]["best"]
        lines += ["", ("探索の最良(使っていないシードで評価): " if ja else "search's best (scored on held-out seeds): ")
                  + f"{best['heldout']['mean']:.1f}", *(f"  {r}" for r in best["rules"])]
    lines.append("")
    for v in data["verdict"]:
        mark = {True: "ok  ", False: "FAIL", None: "n/a "}[v["pass"]]
        lines.append(f"{mark} {v['target'][lang]} — {v['measured'][lang]}")
    lines += ["", ("レポート: " if ja else "report: ") + str(out / "index.html")]
    if data["search"]:
        lines.append(("最良の戦略: " if ja else "best strategy: ") + str(out / "best_strategy.yaml"))
    return "\n".join(lines)

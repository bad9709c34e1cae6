"""The balance lab's report: one HTML page with four plots that a designer or a teacher reads in two minutes.

Why it looks the way it does
    The lab measures many things (report.json, format 1: see the lab's schema); a reader needs the
    answer first. So the page opens with the verdict (each balance target of DESIGN §3, met or
    missed, marked with a tick or a cross as well as coloured, so it reads in grayscale and in
    print), then compares the strategies, shows the plots, lists what deserves a designer's look
    (dominant or useless actions, crisis choices nobody takes, events that never fire, how games
    are lost) and ends with the search's best strategy, ready to replay. Names come from the data in the chosen language;
    the report's own words from ``lab.words``. The colours are the game's Okabe–Ito palette.

Why it is written the way it is
    * All or nothing: everything is written (and flushed to disk) into a hidden temporary sibling
      of ``out`` that replaces ``out`` by renaming only once complete, so a run that fails or is
      interrupted never leaves a half report over a good one.
    * Deterministic: the same data gives byte-identical ``index.html`` and ``report.json`` (nothing
      depends on time, paths or dictionary luck). The PNGs are byte-stable too: matplotlib's Agg
      renderer is deterministic and ``metadata={"Software": None}`` drops the only varying chunk
      (matplotlib's version); a different matplotlib or FreeType version may still draw pixels
      differently, so tests compare PNG bytes only within one environment.
    * The plots are drawn by :mod:`gaiko_game.lab.plots`.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gaiko_game.lab.plots import KIND_COLOURS, PLOT_FILES, Plot, draw_plots, hex_colour, name_in, num, player_label, rgb
from gaiko_game.lab.words import LANGS, say

Json = dict[str, Any]

FORMAT = 1
"""The report.json format this module reads."""
BEST_STRATEGY = "best_strategy.yaml"
CHECK, CROSS = "\u2714", "\u2718"
_KINDS = {f"kind.{k}" for k in KIND_COLOURS}
_FLAGS = ("dominant", "never_worth", "never_taken")
"""The action flags the lab gives, in the order the page explains them."""




# ---------------------------------------------------------------------------------------------
# the entry point


def write_report(data: Json, out: Path, lang: str = "ja") -> Path:
    """Write the report of one lab run (``data``, report.json format 1) into the folder ``out``; return its HTML page."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")
    if data.get("format") != FORMAT:
        raise ValueError(f"report data format {data.get('format')!r} is not {FORMAT}")
    out = Path(out)
    problem = folder_problem(out)
    if problem is not None:
        raise ReportFolderError(problem)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.parent / f".{out.name}.new-{uuid.uuid4().hex[:12]}"
    work.mkdir()
    try:
        _write_all(data, work, lang, out)
        _sync(work)
        _replace(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return out / "index.html"


class ReportFolderError(ValueError):
    """The folder asked for cannot hold a report (a message the user can act on)."""


def _is_report(folder: Path) -> bool:
    """Whether a folder holds an earlier lab report and nothing else (only such a folder is ever replaced)."""
    names = {p.name for p in folder.iterdir()}
    if not names <= {"index.html", "report.json", BEST_STRATEGY, *PLOT_FILES} or "report.json" not in names:
        return False
    try:
        data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def folder_problem(out: Path) -> str | None:
    """Why ``out`` cannot receive a report, or None: a new folder, an empty one, or an earlier report's."""
    here = Path.cwd().resolve()
    target = out.resolve()
    if target == here or target in here.parents:
        return f"{out} is the current folder or holds it; give a new folder for the report, e.g. --out lab-report/mine"
    if out.exists() and not out.is_dir():
        return f"{out} is a file; give a folder for the report (a new one, or an earlier report's)"
    if out.is_dir() and any(out.iterdir()) and not _is_report(out):
        return (f"{out} holds files that are not a lab report; give a new or empty folder "
                "(a lab only ever replaces a folder holding an earlier lab report)")
    parent = next((p for p in (target, *target.parents) if p.exists()), target.anchor)
    if not Path(parent).is_dir():
        return f"{parent} is a file, not a folder; give a folder for the report"
    try:  # the only sure test of a place is to write there
        Path(tempfile.mkdtemp(prefix=".gaiko-probe-", dir=parent)).rmdir()
    except OSError as e:
        return f"cannot write in {parent} ({e.strerror or e}); give a folder you can write to"
    return None


def _replace(new: Path, out: Path) -> None:
    """Put the complete folder ``new`` where ``out`` is, moving a previous ``out`` aside first and removing it after."""
    if not out.exists():
        new.rename(out)
        return
    old = out.parent / f".{out.name}.old-{uuid.uuid4().hex[:12]}"
    out.rename(old)
    try:
        new.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_all(data: Json, folder: Path, lang: str, out: Path) -> None:
    """Write every file of the report into ``folder``: the data, the plots, the best strategy, then the page."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (folder / "report.json").write_text(text, encoding="utf-8", newline="\n")
    players = _ordered_players(data)
    plots = draw_plots(data, players, lang, folder)
    search = data.get("search")
    if search is not None:
        yaml_text = str(search["best"]["yaml"])
        yaml_text = yaml_text if yaml_text.endswith("\n") else yaml_text + "\n"
        (folder / BEST_STRATEGY).write_text(yaml_text, encoding="utf-8", newline="\n")
    (folder / "index.html").write_text(_page(data, players, plots, lang, out), encoding="utf-8", newline="\n")


def _sync(folder: Path) -> None:
    """Flush every file of ``folder`` and the folder itself to disk, so the rename never lands before the data."""
    for path in sorted(folder.iterdir()):
        with path.open("rb") as f:
            os.fsync(f.fileno())
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a folder cannot be opened on every system (Windows); its entries are flushed with the files there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------
# small helpers




def _e(text: object) -> str:
    """Text escaped for HTML (quotes too, so it is safe in attributes)."""
    return html.escape(str(text), quote=True)














def _signed(value: float) -> str:
    """A difference with its sign and one decimal (never ``-0.0``)."""
    return f"{round(float(value), 1) + 0.0:+.1f}"


def _interval(ci: Sequence[float]) -> str:
    """``[lo, hi]`` with one decimal each."""
    return f"[{num(ci[0])}, {num(ci[1])}]"


def _excludes_zero(ci: Sequence[float]) -> bool:
    """Whether a 95% interval lies wholly on one side of 0."""
    return float(ci[0]) > 0 or float(ci[1]) < 0


def _pct(share: float) -> str:
    """A share 0..1 as a percentage with one decimal."""
    return f"{float(share) * 100:.1f}%"


def _ordered_players(data: Json) -> list[Json]:
    """The players, best mean score first (ties by id, so the order never depends on luck)."""
    return sorted(data.get("players", []), key=lambda p: (-float(p["score"]["mean"]), str(p["id"])))


def _humanise(ident: str) -> str:
    """An id the data gives no name for, made readable: ``security_collapse`` → ``security collapse``."""
    return ident.replace("_", " ")


def _named(data: Json, kind: str, ident: str, lang: str) -> str:
    """The name of a scenario thing (``endings``, ``categories``) if the data lists it, else its id made readable."""
    for item in data["scenario"].get(kind) or []:
        if item.get("id") == ident:
            return name_in(item.get("name"), lang) or _humanise(ident)
    return _humanise(ident)


def _seed_range(first: int, count: int, lang: str) -> str:
    """Seeds ``first`` … ``first + count - 1`` in words."""
    return say("seed.range", lang, first=first, last=first + count - 1, count=count)


# ---------------------------------------------------------------------------------------------
# the page

CSS = """
:root { --pass: #0072b2; --fail: #d55e00; --ink: #1b1d1f; --muted: #5c6166; --rule: #d3d7db; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, system-ui, sans-serif; color: var(--ink);
  max-width: 1060px; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.55; }
h1 { font-size: 1.55rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.lede, .note, figcaption { color: var(--muted); font-size: .88rem; }
.verdict { list-style: none; padding: 0; margin: .6rem 0; }
.verdict li { display: grid; grid-template-columns: 6rem 1fr; gap: .1rem 1rem; margin: .45rem 0; padding: .5rem .8rem;
  border-left: .55rem solid; border-radius: 4px; }
.verdict li.pass { border-color: var(--pass); background: #e7f2f9; }
.verdict li.fail { border-color: var(--fail); background: #fbece2; }
.verdict li.unchecked { border-color: var(--rule); background: #f4f5f6; }
.verdict .unchecked .mark { color: var(--muted); }
ul.rules { list-style: none; padding-left: .4rem; }
.verdict .mark { grid-row: span 2; font-weight: 700; font-size: 1.05rem; }
.verdict .pass .mark { color: var(--pass); } .verdict .fail .mark { color: var(--fail); }
.verdict .target { font-weight: 600; } .verdict .measured { font-size: .9rem; }
.summary { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .86rem; font-variant-numeric: tabular-nums; margin: .4rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #9aa0a6; font-weight: 600; }
th.num, td.num { text-align: right; white-space: nowrap; }
tbody th { font-weight: 600; }
thead th.group { text-align: center; border-bottom: 1px solid #9aa0a6; }
tr.best { background: #fff3d9; }
.kind { display: inline-block; margin-left: .35rem; padding: 0 .3rem; font-size: .72rem; font-weight: 400;
  color: var(--muted); border: 1px solid var(--rule); border-radius: 3px; white-space: nowrap; }
.desc { display: block; font-size: .76rem; font-weight: 400; color: var(--muted); }
.sig { font-weight: 700; }
.flag { font-weight: 700; white-space: nowrap; }
.flag-dominant { color: var(--fail); } .flag-never_worth { color: #8a5a00; } .flag-never_taken { color: var(--muted); }
dl.flags dt { font-weight: 700; } dl.flags dd { margin: 0 0 .4rem 1.2rem; font-size: .88rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
figure { margin: 1.6rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); }
pre { background: #f4f5f6; border: 1px solid var(--rule); padding: .7rem .9rem; overflow-x: auto; font-size: .82rem; }
code { font-size: .9em; background: #f4f5f6; padding: 0 .2rem; }
footer { margin-top: 2.6rem; padding-top: .5rem; border-top: 1px solid var(--rule); font-size: .78rem; color: var(--muted); }
footer span + span::before { content: " · "; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, li, figure, pre, dl { break-inside: avoid; }
  thead { display: table-header-group; }
  .verdict li, tr.best { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()


def _difficulty(data: Json, lang: str) -> str:
    """The difficulty's name in ``lang`` (its id when the data has no name)."""
    return name_in(data["scenario"].get("difficulty"), lang) or str(data.get("settings", {}).get("difficulty", "?"))


def _page(data: Json, players: list[Json], plots: list[Plot], lang: str, out: Path) -> str:
    """The whole HTML page."""
    scenario = data["scenario"]
    settings = data.get("settings", {})
    title = say("page.title", lang, scenario=name_in(scenario.get("name"), lang) or scenario.get("id", ""))
    lede = say("page.lede", lang, seeds=settings.get("seeds", "?"), difficulty=_difficulty(data, lang))
    if settings.get("without"):
        lede += " " + say("page.without", lang, ids=", ".join(settings["without"]))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="lede">{_e(lede)}</p>',
        "</header>",
        "<main>",
        _verdict(data, lang),
        _strategies(players, lang),
        _families(data, lang),
        _plots(plots, lang),
        _actions(data, lang),
        _unused(data, lang),
        _losses(data, players, lang),
        _search(data, lang, out),
        "</main>",
        _footer(data, lang),
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _verdict(data: Json, lang: str) -> str:
    """The verdict: every balance target with its measured figure, met (a tick), missed (a cross) or not checked."""
    targets = data.get("verdict", [])
    checked = [t for t in targets if t.get("pass") is not None]
    passed = sum(1 for t in checked if t.get("pass"))
    lines = ['<section id="verdict">', f"<h2>{_e(say('verdict.heading', lang))}</h2>"]
    if not checked:
        lines.append(f"<p>{_e(say('verdict.empty', lang))}</p>")
    else:
        summary = say("verdict.summary", lang, total=len(checked), passed=passed, failed=len(checked) - passed)
        if len(checked) < len(targets):
            summary += say("verdict.unchecked_count", lang, n=len(targets) - len(checked))
        lines.append(f'<p class="summary">{_e(summary)}</p>')
    if targets:
        lines.append('<ul class="verdict">')
        for target in targets:
            state = {True: "pass", False: "fail", None: "unchecked"}[target.get("pass")]
            mark = {"pass": f"{CHECK} {say('verdict.pass', lang)}", "fail": f"{CROSS} {say('verdict.fail', lang)}",
                    "unchecked": f"\u2013 {say('verdict.unchecked', lang)}"}[state]
            measured = say("verdict.measured", lang, value=name_in(target.get("measured"), lang))
            lines.append(f'<li class="{state}" id="target-{_e(target.get("id", ""))}">'
                         f'<span class="mark">{_e(mark)}</span>'
                         f'<span class="target">{_e(name_in(target.get("target"), lang))}</span>'
                         f'<span class="measured">{_e(measured)}</span></li>')
        lines.append("</ul>")
    lines.append("</section>")
    return "\n".join(lines)


def _strategies(players: list[Json], lang: str) -> str:
    """The strategies table, best mean first, the search's best starred."""
    head = "".join(f'<th scope="col"{cls}>{_e(say(key, lang))}</th>' for key, cls in (
        ("col.strategy", ""), ("col.games", ' class="num"'), ("col.mean", ' class="num"'), ("col.vs_advisor", ' class="num"'),
        ("col.top", ' class="num"'), ("col.lost", ' class="num"')))
    rows = []
    for player in players:
        best = player["kind"] == "search"
        name = _e(player_label(player, lang))
        shown = player["kind"] != "strategy" and f"kind.{player['kind']}" in _KINDS
        kind = f'<span class="kind">{_e(say("kind." + player["kind"], lang))}</span>' if shown else ""
        desc = name_in(player.get("description"), lang)
        desc_html = f'<span class="desc">{_e(desc)}</span>' if desc else ""
        score = player["score"]
        vs = player.get("vs_advisor")
        if vs is None:
            diff = f"— {_e(say('players.baseline', lang))}" if player["kind"] == "advisor" else "—"
        else:
            text = _e(f"{_signed(vs['mean_diff'])} {_interval(vs['ci95'])}")
            diff = f'<span class="sig">{text}</span>' if _excludes_zero(vs["ci95"]) else text
        row_class = ' class="best"' if best else ""
        rows.append(f'<tr{row_class}><th scope="row">{name}{kind}{desc_html}</th>'
                    f'<td class="num">{_e(player["games"])}</td>'
                    f'<td class="num">{_e(num(score["mean"]))} {_e(_interval(score["ci95"]))}</td>'
                    f'<td class="num">{diff}</td>'
                    f'<td class="num">{_e(_pct(player["top_rating"]))}</td>'
                    f'<td class="num">{_e(_pct(player["lost"]))}</td></tr>')
    star = f'<p class="note">{_e(say("players.best", lang))}</p>' if any(p["kind"] == "search" for p in players) else ""
    return "\n".join(['<section id="strategies">', f"<h2>{_e(say('players.heading', lang))}</h2>",
                      f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>", *rows, "</tbody>\n</table>",
                      *([star] if star else []), f'<p class="note">{_e(say("players.note", lang))}</p>', "</section>"])


def _families(data: Json, lang: str) -> str:
    """Each strategy family at its best: the hand-written file against the best the search found within its roles."""
    families = data.get("families") or []
    if not families:
        return ""
    head = "".join(f'<th scope="col"{cls}>{_e(say(key, lang))}</th>' for key, cls in (
        ("col.family", ""), ("col.file", ' class="num"'), ("col.family_best", ' class="num"'), ("col.top", ' class="num"'),
        ("col.family_rules", "")))
    rows = []
    for f in families:
        roles = ", ".join(say(f"role.{r}", lang) for r in f.get("roles", []))
        rules = (f.get("rules_text") or {}).get(lang) or f.get("rules", [])
        rows.append(f'<tr><th scope="row">{_e(name_in(f["name"], lang))}<span class="desc">{_e(roles)}</span></th>'
                    f'<td class="num">{_e(num(f["file"]["mean"]))} {_e(_interval(f["file"]["ci95"]))}</td>'
                    f'<td class="num">{_e(num(f["best"]["mean"]))} {_e(_interval(f["best"]["ci95"]))}</td>'
                    f'<td class="num">{_e(_pct(f.get("top_rating", 0.0)))}</td>'
                    f'<td><span class="desc">{"<br>".join(_e(r) for r in rules)}</span></td></tr>')
    return "\n".join(['<section id="families">', f"<h2>{_e(say('families.heading', lang))}</h2>",
                      f'<p class="note">{_e(say("families.note", lang))}</p>',
                      f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>", *rows, "</tbody>\n</table>", "</section>"])


def _plots(plots: list[Plot], lang: str) -> str:
    """The four plots, each an image with its reading hint."""
    lines = ['<section id="plots">', f"<h2>{_e(say('plots.heading', lang))}</h2>"]
    for plot in plots:
        lines.append(f'<figure><img src="{_e(plot.file)}" width="{plot.width}" height="{plot.height}" alt="{_e(plot.title)}">'
                     f"<figcaption>{_e(plot.title)}: {_e(plot.hint)}</figcaption></figure>")
    lines.append("</section>")
    return "\n".join(lines)


def _actions(data: Json, lang: str) -> str:
    """The actions table (largest marginal value first) and what each flag means."""
    actions = data.get("actions", [])

    def key(item: tuple[int, Json]) -> tuple[int, float, int]:
        """Measured actions by marginal value, largest first; unmeasured ones last, in the scenario's order."""
        index, action = item
        marginal = action.get("marginal")
        return (1, 0.0, index) if marginal is None else (0, -float(marginal["diff"]), index)

    head = "".join(f'<th scope="col"{cls}>{_e(say(k, lang))}</th>' for k, cls in (
        ("col.action", ""), ("col.category", ""), ("col.cost", ' class="num"'), ("col.with", ' class="num"'),
        ("col.without", ' class="num"'), ("col.marginal", ' class="num"'), ("col.flag", "")))
    rows = []
    for _, action in sorted(enumerate(actions), key=key):
        marginal = action.get("marginal")
        if marginal is None:
            cells = f'<td class="num">—</td><td class="num">—</td><td class="num">{_e(say("actions.unmeasured", lang))}</td>'
        else:
            text = _e(f"{_signed(marginal['diff'])} {_interval(marginal['ci95'])}")
            diff = f'<span class="sig">{text}</span>' if _excludes_zero(marginal["ci95"]) else text
            cells = (f'<td class="num">{_e(num(marginal["with"]))}</td><td class="num">{_e(num(marginal["without"]))}</td>'
                     f'<td class="num">{diff}</td>')
        flag = action.get("flag")
        flag_html = f'<span class="flag flag-{_e(flag)}">{_e(say("flag." + flag, lang))}</span>' if flag in _FLAGS else ""
        rows.append(f'<tr><th scope="row">{_e(name_in(action.get("name"), lang))}</th>'
                    f"<td>{_e(_named(data, 'categories', str(action.get('category', '')), lang))}</td>"
                    f'<td class="num">{_e(action.get("cost", ""))}</td>{cells}<td>{flag_html}</td></tr>')
    flags = "".join(f'<dt class="flag flag-{f}">{_e(say("flag." + f, lang))}</dt><dd>{_e(say("flag." + f + ".help", lang))}</dd>'
                    for f in _FLAGS)
    return "\n".join(['<section id="actions">', f"<h2>{_e(say('actions.heading', lang))}</h2>",
                      f'<p class="note">{_e(say("actions.note", lang))}</p>',
                      f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>", *rows, "</tbody>\n</table>",
                      f"<h3>{_e(say('flags.heading', lang))}</h3>", f'<dl class="flags">{flags}</dl>', "</section>"])



def _bullets(items: list[str], lang: str) -> str:
    """A list of plain texts, or "none"."""
    if not items:
        return f"<p>{_e(say('none', lang))}</p>"
    return "<ul>\n" + "\n".join(f"<li>{_e(item)}</li>" for item in items) + "\n</ul>"


def _unused(data: Json, lang: str) -> str:
    """Crisis choices nobody took and events that never fired (only those)."""
    choices = [say("choice.line", lang, event=name_in(c.get("event_name"), lang), choice=name_in(c.get("name"), lang))
               for c in data.get("choices", []) if int(c.get("taken", 0)) == 0]
    events = [name_in(e.get("name"), lang) for e in data.get("events", []) if float(e.get("fired_share", 0)) == 0]
    return "\n".join(['<section id="unused">', f"<h2>{_e(say('unused.heading', lang))}</h2>",
                      f"<h3>{_e(say('choices.heading', lang))}</h3>", f'<p class="note">{_e(say("choices.note", lang))}</p>',
                      _bullets(choices, lang),
                      f"<h3>{_e(say('events.heading', lang))}</h3>", f'<p class="note">{_e(say("events.note", lang))}</p>',
                      _bullets(events, lang), "</section>"])


def _ending_ids(players: list[Json]) -> list[str]:
    """Every ending any player reached, most frequent first (ties by id)."""
    totals: dict[str, float] = {}
    for player in players:
        for ending, count in player.get("endings", {}).items():
            totals[ending] = totals.get(ending, 0.0) + float(count)
    return sorted(totals, key=lambda e: (-totals[e], e))


def _losses(data: Json, players: list[Json], lang: str) -> str:
    """How each player's games ended (counts per ending) and its meters' mean final values."""
    endings = _ending_ids(players)
    meters = data["scenario"]["meters"]
    swatch = '<span style="color:{}">■</span> '
    group = ('<tr><td></td><td></td>'
             f'<th scope="colgroup" colspan="{len(endings)}" class="group">{_e(say("col.ending", lang))}</th>'
             f'<th scope="colgroup" colspan="{len(meters)}" class="group">{_e(say("col.final_meters", lang))}</th></tr>')
    head = ("<tr>"
            f'<th scope="col">{_e(say("col.strategy", lang))}</th>'
            f'<th scope="col" class="num">{_e(say("col.lost", lang))}</th>'
            + "".join(f'<th scope="col" class="num">{_e(_named(data, "endings", e, lang))}</th>' for e in endings)
            + "".join(f'<th scope="col" class="num">{swatch.format(_e(hex_colour(rgb(str(m.get("colour", ""))))))}'
                      f"{_e(name_in(m['name'], lang))}</th>" for m in meters) + "</tr>")
    rows = []
    for player in players:
        counts = player.get("endings", {})
        finals = player.get("meters", {})
        rows.append(f'<tr><th scope="row">{_e(player_label(player, lang))}</th><td class="num">{_e(_pct(player["lost"]))}</td>'
                    + "".join(f'<td class="num">{_e(counts.get(e, 0))}</td>' for e in endings)
                    + "".join(f'<td class="num">{_e(num(finals[m["id"]])) if m["id"] in finals else "—"}</td>' for m in meters)
                    + "</tr>")
    return "\n".join(['<section id="losses">', f"<h2>{_e(say('losses.heading', lang))}</h2>",
                      f'<p class="note">{_e(say("losses.note", lang))}</p>',
                      f"<table>\n<thead>{group}\n{head}</thead>\n<tbody>", *rows, "</tbody>\n</table>", "</section>"])


def _search(data: Json, lang: str, out: Path) -> str:
    """The search: its budget and seeds, the best strategy's rules and held-out score, and its YAML to replay."""
    search = data.get("search")
    if search is None:
        return ""
    best = search["best"]
    heldout = best["heldout"]
    searched, heldout_seeds = search["seeds_searched"], search["seeds_heldout"]
    facts = [
        ("search.budget", str(search.get("budget", ""))),
        ("search.games", str(search.get("games", ""))),
        ("search.seeds", _seed_range(int(searched[0]), int(searched[1]), lang)),
        ("search.heldout_seeds", _seed_range(int(heldout_seeds[0]), int(heldout_seeds[1]), lang)),
        ("search.score", num(best["search_score"])),
        ("search.heldout", f"{num(heldout['mean'])} {_interval(heldout['ci95'])}"),
    ]
    dl = "".join(f"<dt>{_e(say(k, lang))}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    lines = (best.get("rules_text") or {}).get(lang) or best.get("rules", [])
    rules = "\n".join(f"<li>{_e(rule)}</li>" for rule in lines)
    folder = data["scenario"].get("folder")
    command = "gaiko simulate " + (f"--scenario {folder} " if folder else "") + (
        f"--strategy {out / BEST_STRATEGY} --runs {heldout_seeds[1]}")
    hint = _e(say("search.hint", lang, command="\x00")).replace("\x00", f"<code>{_e(command)}</code>")
    return "\n".join(['<section id="search">', f"<h2>{_e(say('search.heading', lang))}</h2>",
                      f'<p class="note">{_e(say("search.note", lang))}</p>', f'<dl class="facts">{dl}</dl>',
                      f"<h3>{_e(say('search.rules', lang))}</h3>", f'<ul class="rules">\n{rules}\n</ul>',
                      f"<h3>{_e(say('search.yaml', lang))}</h3>", f"<pre>{_e(best.get('yaml', ''))}</pre>",
                      f"<p>{hint}</p>", "</section>"])


def _footer(data: Json, lang: str) -> str:
    """Where the figures come from: scenario, content hash, seeds, difficulty and version."""
    scenario = data["scenario"]
    settings = data.get("settings", {})
    seeds = _seed_range(int(settings.get("first_seed", 0)), int(settings.get("seeds", 0)), lang)
    items = [
        say("footer.scenario", lang, name=name_in(scenario.get("name"), lang), id=scenario.get("id", "")),
        say("footer.hash", lang, hash=str(scenario.get("content_hash", ""))[:12]),
        say("footer.seeds", lang, seeds=seeds, advisor=settings.get("advisor_seeds", "?")),
        say("footer.difficulty", lang, difficulty=_difficulty(data, lang)),
        say("footer.version", lang, version=settings.get("version", "?"), format=data.get("format", "?")),
    ]
    return "<footer>" + "".join(f"<span>{_e(item)}</span>" for item in items) + "</footer>"

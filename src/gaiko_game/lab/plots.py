"""The balance lab report's four plots, drawn with matplotlib on its Agg canvas in the game's palette and font.

Plots are drawn on matplotlib's Agg canvas directly (``FigureCanvasAgg``), never through pyplot: no
GUI backend is ever chosen, no global figure list grows, and nothing changes the backend of a
program that imports this module. Japanese renders with the game's own font
(``assets/fonts/NotoSansJP-*.otf``), registered with matplotlib's font manager. The PNGs are
byte-stable: Agg is deterministic and ``metadata={"Software": None}`` drops the only varying chunk
(a different matplotlib or FreeType version may still draw pixels differently).
"""

from __future__ import annotations

import functools
import math
import re
import struct
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from gaiko_game.lab.words import say
from gaiko_game.present.palette import BLACK, BLUE, GREEN, GREY, ORANGE, SKY, VERMILION, Colour, mix
from gaiko_game.scenario.bundled import assets_root

Json = dict[str, Any]

DPI = 100
"""Pixels per inch of the PNGs: a figure 10 inches wide is 1000 pixels, readable at 100% zoom."""
FONT_FILES = ("NotoSansJP-Regular.otf", "NotoSansJP-Bold.otf")
PLOT_FILES = ("score.png", "ratings.png", "meters.png", "actions.png")
KIND_COLOURS: dict[str, Colour] = {"advisor": BLUE, "search": VERMILION, "random": GREY, "strategy": BLACK,
                                   "own": BLACK}
PALE: Colour = (230, 242, 250)
"""The light end of the sequential ramp (a very pale sky blue)."""
BAND = "#f1f3f4"
STAR = "\u2605"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Plot:
    """One PNG of the report: its file name, its title (also its alt text), a reading hint and its size in pixels."""

    file: str
    title: str
    hint: str
    width: int
    height: int


def hex_colour(colour: Colour) -> str:
    """``(0, 114, 178)`` → ``"#0072b2"``."""
    return "#{:02x}{:02x}{:02x}".format(*colour)


def rgb(text: str, fallback: Colour = GREY) -> Colour:
    """``"#0072B2"`` → ``(0, 114, 178)``; anything that is not ``#rrggbb`` gives ``fallback``."""
    if not _HEX.match(text or ""):
        return fallback
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)


def _luminance(colour: Colour) -> float:
    """Relative lightness 0..1 (Rec. 709 weights), to choose black or white text on a colour."""
    return (0.2126 * colour[0] + 0.7152 * colour[1] + 0.0722 * colour[2]) / 255


def _sequential(n: int) -> list[Colour]:
    """``n`` colours, best first: blue → sky blue → pale (lightness only grows, so grayscale keeps the order)."""
    if n <= 1:
        return [BLUE][:n]
    out = []
    for i in range(n):
        t = i / (n - 1)
        out.append(mix(BLUE, SKY, t * 2) if t <= 0.5 else mix(SKY, PALE, (t - 0.5) * 2))
    return out


def name_in(names: Mapping[str, str] | None, lang: str) -> str:
    """A ``{"ja": …, "en": …}`` name in ``lang``, else in English, else any, else empty."""
    if not names:
        return ""
    return names.get(lang) or names.get("en") or next(iter(names.values()), "")


def num(value: float) -> str:
    """A figure with one decimal (never ``-0.0``)."""
    return f"{round(float(value), 1) + 0.0:.1f}"


@functools.cache
def _font_family() -> str:
    """Register the game's Japanese font with matplotlib (once) and return its family name."""
    family = ""
    for file in FONT_FILES:
        path = assets_root() / "fonts" / file
        if path.is_file():
            font_manager.fontManager.addfont(str(path))
            family = family or font_manager.FontProperties(fname=str(path)).get_name()
    if not family:
        raise FileNotFoundError(f"the game's font is missing: {assets_root() / 'fonts' / FONT_FILES[0]}")
    return family


def _rc() -> dict[Any, Any]:
    """matplotlib settings for the report's plots (applied only while they are drawn)."""
    return {
        "font.family": [_font_family(), "DejaVu Sans"],
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "figure.titlesize": 13,
        "figure.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#555555",
        "axes.labelcolor": "#222222",
        "xtick.color": "#333333",
        "ytick.color": "#333333",
        "legend.frameon": False,
        "savefig.dpi": DPI,
        "svg.hashsalt": "gaiko",  # stable ids, should an SVG ever be written
    }


def draw_plots(data: Json, players: list[Json], lang: str, folder: Path) -> list[Plot]:
    """Draw the four plots into ``folder``; return them in page order."""
    drawers = (
        (_plot_scores, "plot.score.title", "plot.score.hint"),
        (_plot_ratings, "plot.ratings.title", "plot.ratings.hint"),
        (_plot_meters, "plot.meters.title", "plot.meters.hint"),
        (_plot_actions, "plot.actions.title", "plot.actions.hint"),
    )
    plots = []
    with matplotlib.rc_context(_rc()):
        for (draw, title, hint), file in zip(drawers, PLOT_FILES, strict=True):
            fig = draw(data, players, lang)
            path = folder / file
            _save(fig, path)
            width, height = _png_size(path)
            plots.append(Plot(file, say(title, lang), say(hint, lang), width, height))
    return plots


def _figure(width: float, height: float) -> Figure:
    """A new figure on an Agg canvas, laid out by matplotlib's constrained layout."""
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained", facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Figure, path: Path) -> None:
    """Write ``fig`` as a PNG without the metadata that would vary between runs."""
    fig.savefig(path, format="png", dpi=DPI, metadata={"Software": None})


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG, read from its header."""
    with path.open("rb") as f:
        head = f.read(24)
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def player_label(player: Json, lang: str) -> str:
    """A player's name as plots show it (the search's best starred)."""
    name = name_in(player["name"], lang)
    return f"{STAR} {name}" if player["kind"] == "search" else name


def _rating_bands(ax: Axes, ratings: list[Json], lang: str, shown: tuple[float, float]) -> None:
    """Shade the score axis by rating band (alternately) and name each band seen in ``shown`` along the top,
    on two staggered rows so that narrow neighbours never overlap."""
    top = 100.0
    row = 0
    for i, rating in enumerate(ratings):
        low = max(0.0, float(rating["min_score"]))
        if i % 2 == 0:
            ax.axvspan(low, top, color=BAND, zorder=0, lw=0)
        left, right = max(low, shown[0]), min(top, shown[1])
        if right > left:
            ax.text((left + right) / 2, 1.0 + 0.045 * (row % 2), name_in(rating["name"], lang),
                    transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=8, color="#444444")
            row += 1
        top = low


def _score_range(players: list[Json]) -> tuple[float, float]:
    """The part of the 0–100 axis the scores use, in steps of 5 and at least 30 points wide."""
    low = min((float(p["score"]["min"]) for p in players), default=0.0)
    high = max((float(p["score"]["max"]) for p in players), default=100.0)
    lo, hi = max(0.0, 5 * math.floor((low - 2) / 5)), min(100.0, 5 * math.ceil((high + 2) / 5))
    if hi - lo < 30:
        lo, hi = max(0.0, min(lo, hi - 30)), min(100.0, max(hi, lo + 30))
    return lo, hi


def _plot_scores(data: Json, players: list[Json], lang: str) -> Figure:
    """(a) Each player's final score: mean with its 95% interval, ± one SD, and the range, best first."""
    n = len(players)
    fig = _figure(10, 1.9 + 0.42 * n)
    ax = fig.add_subplot()
    shown = _score_range(players)
    _rating_bands(ax, data["scenario"]["ratings"], lang, shown)
    for i, player in enumerate(players):
        score = player["score"]
        colour = hex_colour(KIND_COLOURS.get(player["kind"], BLACK))
        mean, sd = float(score["mean"]), float(score["sd"])
        ax.plot([score["min"], score["max"]], [i, i], color="#9aa0a6", lw=1, zorder=2)
        ax.plot([max(0.0, mean - sd), min(100.0, mean + sd)], [i, i], color=colour, lw=5, alpha=0.3, zorder=3,
                solid_capstyle="butt")
        ax.plot(score["ci95"], [i, i], color=colour, lw=7, zorder=4, solid_capstyle="butt")
        ax.plot([mean], [i], "o", color=colour, ms=7, mec="white", mew=1.2, zorder=5)
        ax.annotate(num(mean), xy=(1.0, i), xycoords=("axes fraction", "data"), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=9, color=colour)
    ax.set_yticks(range(n), [player_label(p, lang) for p in players])
    for label, player in zip(ax.get_yticklabels(), players, strict=True):
        label.set_color(hex_colour(KIND_COLOURS.get(player["kind"], BLACK)))
    ax.set_ylim(n - 0.5, -0.6)
    ax.set_xlim(*shown)
    ax.set_xlabel(say("plot.score.x", lang))
    ax.set_title(say("plot.score.title", lang), pad=30)
    handles = [Line2D([], [], color="#333333", marker="o", ms=7, lw=7, label=say("plot.score.mean", lang)),
               Line2D([], [], color="#333333", lw=5, alpha=0.3, label=say("plot.score.sd", lang)),
               Line2D([], [], color="#9aa0a6", lw=1, label=say("plot.score.range", lang))]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=9)
    return fig


def _plot_ratings(data: Json, players: list[Json], lang: str) -> Figure:
    """(b) Each player's ratings as one stacked horizontal bar of shares, best rating first (left)."""
    ratings = data["scenario"]["ratings"]
    colours = _sequential(len(ratings))
    n = len(players)
    fig = _figure(10, 2.2 + 0.42 * n)
    ax = fig.add_subplot()
    for i, player in enumerate(players):
        counts = player.get("ratings", {})
        total = sum(float(v) for v in counts.values()) or 1.0
        left = 0.0
        for rating, colour in zip(ratings, colours, strict=True):
            share = 100 * float(counts.get(rating["id"], 0)) / total
            if share > 0:
                ax.barh(i, share, left=left, height=0.72, color=hex_colour(colour), edgecolor="white", lw=0.8)
            if share >= 6:
                ink = "white" if _luminance(colour) < 0.5 else "#111111"
                ax.text(left + share / 2, i, f"{share:.0f}", ha="center", va="center", fontsize=8, color=ink)
            left += share
    ax.set_yticks(range(n), [player_label(p, lang) for p in players])
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xlabel(say("plot.ratings.x", lang))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    fig.suptitle(say("plot.ratings.title", lang))
    handles = [Patch(facecolor=hex_colour(c), edgecolor="#888888", lw=0.5, label=name_in(r["name"], lang))
               for r, c in zip(ratings, colours, strict=True)]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(ratings), fontsize=9)
    return fig


def _highlights(players: list[Json], lang: str) -> list[tuple[str, str, str, Any, float]]:
    """The players the meter plot draws in colour: (id, label, colour, line style, width); the rest go grey."""
    by_kind = {kind: [p for p in players if p["kind"] == kind] for kind in KIND_COLOURS}
    strategies = [p for p in players if p["kind"] in ("strategy", "own")]
    chosen: list[tuple[str, str, str, Any, float]] = []
    for player in by_kind["advisor"][:1]:
        chosen.append((player["id"], player_label(player, lang), hex_colour(BLUE), "-", 2.4))
    for player in by_kind["search"][:1]:
        chosen.append((player["id"], player_label(player, lang), hex_colour(VERMILION), (0, (5, 2)), 2.0))
    if strategies:
        best = strategies[0]
        chosen.append((best["id"], say("plot.meters.best", lang, name=name_in(best["name"], lang)), hex_colour(GREEN), "-.", 2.0))
    for player in by_kind["random"][:1]:
        chosen.append((player["id"], player_label(player, lang), hex_colour(BLACK), (0, (1.2, 1.6)), 2.0))
    if len(strategies) > 1:
        worst = strategies[-1]
        chosen.append((worst["id"], say("plot.meters.worst", lang, name=name_in(worst["name"], lang)), hex_colour(ORANGE),
                       (0, (8, 2, 2, 2)), 2.0))
    return chosen


def _columns(text: str) -> int:
    """How many half-width character cells a label takes (a kanji or kana takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _grid(n: int) -> tuple[int, int]:
    """Rows and columns for ``n`` small panels: one row up to three, then two or three columns."""
    cols = n if n <= 3 else (2 if n == 4 else 3)
    return max(1, math.ceil(n / max(cols, 1))), max(cols, 1)


def _plot_meters(data: Json, players: list[Json], lang: str) -> Figure:
    """(c) Each meter's mean value turn by turn, one small panel per meter, one line per player (main ones in colour)."""
    meters = data["scenario"]["meters"]
    rows, cols = _grid(len(meters))
    width = max(9.0, 3.4 * cols)
    fig = _figure(width, 2.8 * rows + 1.5)
    axes = fig.subplots(rows, cols, squeeze=False, sharey=True)
    chosen = _highlights(players, lang)
    chosen_ids = {c[0] for c in chosen}
    by_id = {p["id"]: p for p in players}
    others = Line2D([], [], color="#b4b9be", lw=1, label=say("plot.meters.others", lang))
    handles: list[Line2D] = []
    for k, meter in enumerate(meters):
        ax = axes[k // cols][k % cols]
        mid = meter["id"]
        for player in players:
            values = player.get("trajectory", {}).get(mid, [])
            if player["id"] not in chosen_ids and values:
                ax.plot(range(1, len(values) + 1), values, color="#b4b9be", lw=1, zorder=2)
        for pid, label, colour, style, width in chosen:
            values = by_id[pid].get("trajectory", {}).get(mid, [])
            line = ax.plot(range(1, len(values) + 1), values, color=colour, ls=style, lw=width, label=label, zorder=3)
            if k == 0:
                handles.extend(line)
        ax.set_ylim(0, 100)
        ax.set_xlim(1, max(2, int(data["scenario"].get("turns") or 2)))
        ax.set_title(name_in(meter["name"], lang), loc="left")
        ax.spines["top"].set_visible(True)
        ax.spines["top"].set_color(hex_colour(rgb(str(meter.get("colour", "")))))
        ax.spines["top"].set_linewidth(5)
        ax.grid(axis="y", color="#e3e5e8", lw=0.8)
        if k // cols == rows - 1 or (k + cols) >= len(meters):
            ax.set_xlabel(say("plot.meters.x", lang))
        if k % cols == 0:
            ax.set_ylabel(say("plot.meters.y", lang))
    if any(p["id"] not in chosen_ids for p in players):
        handles.append(others)
    spare = [axes[k // cols][k % cols] for k in range(len(meters), rows * cols)]
    for ax in spare:
        ax.set_axis_off()
    if spare:
        spare[0].legend(handles=handles, loc="center left", fontsize=9)
    else:
        longest = max((_columns(str(h.get_label())) for h in handles), default=0)
        fits = max(1, int(width * 10 // (longest + 6)))  # about ten 9-point half-width characters an inch
        fig.legend(handles=handles, loc="outside lower center", ncols=min(3, fits, len(handles)), fontsize=9)
    fig.suptitle(say("plot.meters.title", lang))
    return fig


def _taken(action: Json, player: Json) -> float:
    """How often ``player`` took ``action`` per game (from the action's row, else the player's)."""
    value = action.get("taken", {}).get(player["id"])
    if value is None:
        value = player.get("actions", {}).get(action["id"], 0.0)
    return float(value)


def _plot_actions(data: Json, players: list[Json], lang: str) -> Figure:
    """(d) A heatmap of actions (rows, in the scenario's order) by players (columns): mean times taken per game."""
    actions = data.get("actions", [])
    values = [[_taken(a, p) for p in players] for a in actions] or [[0.0 for _ in players]]
    top = max((v for row in values for v in row), default=0.0) or 1.0
    column = min(0.78, 6.8 / max(1, len(players)))  # at most 10.2 inches wide: the page shows it unscaled
    fig = _figure(3.4 + column * len(players), 2.4 + 0.34 * max(1, len(actions)))
    ax = fig.add_subplot()
    cmap = LinearSegmentedColormap.from_list("gaiko_seq", [hex_colour(PALE), hex_colour(SKY), hex_colour(BLUE)])
    image = ax.imshow(values, cmap=cmap, vmin=0, vmax=top, aspect="auto", interpolation="nearest")
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            ink = "white" if value > 0.6 * top else "#111111"
            ax.text(c, r, f"{value:.1f}" if value else "0", ha="center", va="center", fontsize=8, color=ink)
    ax.set_xticks(range(len(players)), [player_label(p, lang) for p in players], rotation=35, ha="right",
                  rotation_mode="anchor")
    ax.set_yticks(range(len(actions)), [name_in(a["name"], lang) for a in actions])
    for r in range(1, len(actions)):
        if actions[r].get("category") != actions[r - 1].get("category"):
            ax.axhline(r - 0.5, color="#333333", lw=1.2)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    ax.set_xlabel(say("plot.actions.x", lang))
    ax.set_ylabel(say("plot.actions.y", lang))
    ax.set_title(say("plot.actions.title", lang))
    fig.colorbar(image, ax=ax, shrink=0.5, label=say("plot.actions.scale", lang), pad=0.02)
    return fig


"""The debrief as data: the ending and rating, the strategy played, the curves, the player's most consequential
decisions, what moved the meters (the player, the world, the world's steady pressure), the benchmarks, the questions.

What counts as the player's and how a decision's weight is measured is decided in ``session.debrief``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gaiko_game.core import Cause, EndTurn, Game, Order
from gaiko_game.core.report import rating_of, score_of
from gaiko_game.present.report import signed
from gaiko_game.present.words import Words
from gaiko_game.session.debrief import (
    Attribution,
    Benchmark,
    Decided,
    attribute,
    label,
    largest_causes,
    series,
    splits,
    start_values,
)


@dataclass(frozen=True)
class Curve:
    """A meter's values over the turns (``start``: before the first), with its name and colour."""

    id: str
    name: str
    colour: str
    values: tuple[int, ...]
    start: int = 0


@dataclass(frozen=True)
class Impact:
    """A decision as the debrief shows it (its three most consequential, every crisis answer): when, what was
    chosen, what it did."""

    turn: int
    when: str
    """"Turn 6 · 2026 Q2"."""
    title: str
    """The action (with its target), or the crisis and the answer."""
    parts: tuple[str, str]
    """The action (with its target) and "", or the crisis and the answer."""
    effects: tuple[tuple[str, str], ...]
    """(text, meter colour) for each meter it moved on the turn it was made, net: ("Security +2", "#0072B2")."""
    later: tuple[tuple[str, str], ...]
    """The same for what it did on later turns (its later pieces, a programme's turns in force)."""
    total: str
    """"moved the meters by 25, in force for 23 turns"."""
    weight: int


@dataclass(frozen=True)
class MeterSplit:
    """A meter from start to end, with the net change of the player's decisions, the standing they built, the
    world (other countries and events) and steady pressure."""

    name: str
    colour: str
    start: int
    end: int
    yours: int
    world: int
    steady: int
    standing: int = 0


@dataclass(frozen=True)
class BenchRow:
    """One row of the benchmarks: a player, its score and rating (``kind``: you, earlier, advisor or strategy)."""

    name: str
    score: float
    rating: str
    kind: str
    tip: tuple[str, ...] = ()
    """The whole name and what the player does, for a tooltip."""
    lost: str = ""
    """The ending that cut its game short (a meter at 0, so a score of 0), or ""."""


@dataclass(frozen=True)
class DebriefView:
    """Everything the end of a game shows."""

    headline: str
    game_over: str
    ending_desc: str
    meters_line: str
    score_line: str
    rating_desc: str
    strategy: str
    """"Your strategy: …", or "" when the scenario maps no strategy tags."""
    curves: tuple[Curve, ...]
    capital: tuple[int, ...]
    capital_name: str
    largest: tuple[tuple[str, str], ...]
    """(line, tone) for the world's causes that moved the meters most (the player's and steady pressure apart);
    tone is ``good`` or ``bad``."""
    decisions: tuple[str, ...]
    """Every crisis answer, in order: "turn: crisis → answer"."""
    questions: tuple[str, ...]
    score: float = 0.0
    impacts: tuple[Impact, ...] = ()
    splits: tuple[MeterSplit, ...] = ()
    yours: tuple[tuple[str, str], ...] = ()
    """(line, tone) for the player's own causes that moved the meters most, each summed over the game."""
    steady: str = ""
    """The world's steady pressure in one line ("" when the scenario has none)."""
    years: tuple[tuple[int, str], ...] = ()
    """(turn, label) for each of the scenario's turns that starts a year (and the first), for the chart's time axis."""
    turns: tuple[str, ...] = ()
    """What each turn held, one line a turn: its date, the actions taken and the crisis answers."""
    answers: tuple[Impact, ...] = ()
    """Every crisis answer, in order, with when and what it did."""
    weighted: str = ""
    """The final score under each of the scenario's weightings, the player's choice marked ("" with fewer than two)."""


def weighted_line(game: Game, w: Words, chosen: str | None = None) -> str:
    """The final score under every weighting the scenario declares, the chosen one marked ("" with fewer than two)."""
    sc, out = game.scenario, game.outcome()
    if out is None or len(sc.weightings) < 2:
        return ""
    mine = sc.weighting(chosen).id
    items = [w.ui("debrief.weighted_chosen" if x.id == mine else "debrief.weighted_item",
                  name=w.name(f"weighting.{x.id}"), score=score_of(out.meters, x)) for x in sc.weightings]
    return w.ui("debrief.weighted", scores=w.join(items))


def debrief(game: Game, w: Words, weighting: str | None = None) -> DebriefView:
    """The debrief of a finished game (``weighting``: what the player chose to value, marked among the others)."""
    out = game.outcome()
    assert out is not None, "the game is not over"
    sc = game.scenario
    ending, rating = w.name(f"ending.{out.ending}"), w.name(f"rating.{out.rating}")
    played = label(game)
    data, start = series(game), start_values(game)
    curves = tuple(Curve(m.id, w.meter(m.id), m.colour, tuple(data[m.id]), start[m.id]) for m in sc.meters)
    traced = attribute(game)
    decisions = tuple(w.ui("debrief.decision", turn=f.turn, title=w.name(f"event.{f.event}.title"),
                           answer=w.name(f"event.{f.event}.choice.{f.choice}")) for f in game.fired if f.choice)
    return DebriefView(
        headline=w.ui("debrief.headline", ending=ending, rating=rating, score=out.score),
        game_over=w.ui("debrief.game_over", ending=ending),
        ending_desc=w.name(f"ending.{out.ending}.desc"),
        meters_line=w.ui("debrief.final_meters", meters=w.join([f"{w.meter(m)} {v}" for m, v in out.meters.items()])),
        score_line=w.ui("debrief.final_score", score=out.score, rating=rating),
        rating_desc=w.name(f"rating.{out.rating}.desc"),
        strategy=w.ui("debrief.strategy", name=w.name(f"label.{played}")) if played else "",
        curves=curves, capital=tuple(data["capital"]), capital_name=w.name("capital"),
        largest=_lines(w, largest_causes(game, 3, ("standing", "world"), traced)), decisions=decisions,
        questions=tuple(w.name(f"question.{q}") for q in sc.questions),
        score=out.score,
        impacts=tuple(impact(game, w, d) for d in traced.consequential(3)),
        splits=tuple(MeterSplit(w.meter(s.meter), next(m.colour for m in sc.meters if m.id == s.meter), s.start, s.end,
                                s.yours, s.world, s.steady, s.standing) for s in splits(game, traced)),
        yours=_lines(w, largest_causes(game, 3, "yours", traced)),
        steady=_steady(game, w, traced),
        years=_years(game, w), turns=tuple(turn_line(game, w, t) for t in range(1, len(game.reports) + 1)),
        answers=tuple(impact(game, w, d) for d in traced.decided if d.choice),
        weighted=weighted_line(game, w, weighting),
    )


def _lines(w: Words, causes: list[tuple[Cause, str, int]]) -> tuple[tuple[str, str], ...]:
    return tuple((w.ui("debrief.cause_line", delta=d, meter=w.meter(m), cause=w.cause(c)), "good" if d > 0 else "bad")
                 for c, m, d in causes)


def impact(game: Game, w: Words, d: Decided) -> Impact:
    """A decision as the debrief shows it: when, what, its net effect on each meter, and how much it moved."""
    year, quarter = game.scenario.date(d.turn)
    if d.choice:
        event, _, answer = d.choice.partition(".")
        parts = (w.name(f"event.{event}.title"), w.name(f"event.{event}.choice.{answer}"))
        title = w.ui("timeline.crisis", title=parts[0], answer=parts[1])
    else:
        title = w.order(Order(d.action, d.target))
        parts = (title, "")
    colours = {m.id: m.colour for m in game.scenario.meters}

    def chips(later: bool) -> tuple[tuple[str, str], ...]:
        return tuple((w.amount(f"meter.{m}", v), colours[m]) for m, v in d.net(list(colours), later).items())

    total = w.ui("debrief.impact_total", points=d.weight)
    if d.in_force:
        force = w.ui("debrief.impact_programme_one") if d.in_force == 1 else w.ui("debrief.impact_programme",
                                                                                   turns=d.in_force)
        total = w.join([total, force])
    return Impact(d.turn, w.ui("debrief.impact_when", turn=d.turn, year=year, quarter=quarter), title, parts,
                  chips(False), chips(True), total, d.weight)


def _steady(game: Game, w: Words, traced: Attribution) -> str:
    """The world's steady pressure on each meter over the game, in one line."""
    causes = largest_causes(game, len(game.scenario.rules), "steady", traced)
    net: dict[str, int] = {}
    for _, meter, delta in causes:
        net[meter] = net.get(meter, 0) + delta
    amounts = [w.amount(f"meter.{m}", net[m]) for m in game.scenario.meter_ids() if net.get(m)]
    return w.ui("debrief.steady_line", changes=w.join(amounts)) if amounts else ""


def _years(game: Game, w: Words) -> tuple[tuple[int, str], ...]:
    out = []
    for turn in range(1, max(game.scenario.turns, len(game.reports)) + 1):
        year, quarter = game.scenario.date(turn)
        if turn == 1 or quarter == 1:
            out.append((turn, w.ui("debrief.year", year=year)))
    return tuple(out)


def turn_line(game: Game, w: Words, turn: int) -> str:
    """One turn in a line: its date and number, the actions taken, and each crisis with the answer given."""
    year, quarter = game.scenario.date(turn)
    done, now = [], 1
    for d in game.history:
        if isinstance(d, EndTurn):
            now += 1
        elif isinstance(d, Order) and now == turn:
            done.append(w.order(d))
    done += [w.ui("timeline.crisis", title=w.name(f"event.{f.event}.title"),
                  answer=w.name(f"event.{f.event}.choice.{f.choice}")) for f in game.fired if f.choice and f.turn == turn]
    return w.ui("timeline.turn", year=year, quarter=quarter, turn=turn, orders=w.join(done) or "—")


def earlier_score(compare: dict[str, list[int]], meters: Sequence[str]) -> float | None:
    """The score an earlier run ended with, from its curves (the score is the meters' geometric mean at the end)."""
    if not all(compare.get(m) for m in meters):
        return None
    return score_of({m: compare[m][-1] for m in meters})


def bench_rows(w: Words, results: list[Benchmark], you: float, earlier: float | None = None) -> tuple[BenchRow, ...]:
    """The benchmarks as a ranked list with the player among them (and the earlier run, in a what-if)."""
    sc = w.scenario
    rows = [BenchRow(w.ui("debrief.you"), you, w.name(f"rating.{rating_of(sc, you)}"), "you")]
    if earlier is not None:
        rows.append(BenchRow(w.ui("debrief.you_earlier"), earlier, w.name(f"rating.{rating_of(sc, earlier)}"), "earlier"))
    for b in results:
        name = w.ui("debrief.advisor") if b.player == "lookahead" else b.names.get(w.lang) or b.player
        about = w.ui("debrief.advisor_desc") if b.player == "lookahead" else b.descriptions.get(w.lang, "")
        rows.append(BenchRow(name, b.score, w.name(f"rating.{b.rating}"),
                             "advisor" if b.player == "lookahead" else "strategy",
                             (name, w.ui("debrief.bench_tip", score=b.score, rating=w.name(f"rating.{b.rating}")),
                              *([about] if about else [])), w.name(f"ending.{b.ending}") if b.score == 0 else ""))
    order = {"you": 0, "earlier": 1, "advisor": 2, "strategy": 3}
    return tuple(sorted(rows, key=lambda r: (-r.score, order[r.kind])))



def text_lines(d: DebriefView, w: Words, rows: tuple[BenchRow, ...] = ()) -> list[str]:
    """What the window's debrief adds to the ending and the score, as plain lines for the terminal: the three most
    consequential decisions, what moved each meter (the player, the world, steady pressure) and the benchmarks."""
    lines = [w.ui("debrief.impacts")]
    for i, imp in enumerate(d.impacts, 1):
        later = [f"{w.ui('debrief.impact_later')} " + w.join([t for t, _ in imp.later])] if imp.later else []
        lines.append(f"  {i}. {imp.when} — {imp.title}: " + w.join([*(t for t, _ in imp.effects), *later, imp.total]))
    if not d.impacts:
        lines.append("  " + w.ui("debrief.impact_none"))
    lines.append(w.ui("debrief.largest_causes"))
    heads = (w.ui("debrief.split_yours"), w.ui("debrief.split_standing"), w.ui("debrief.split_world"),
             w.ui("debrief.split_steady"))
    for s in d.splits:
        parts = [f"{head} {signed(value, zero='0')}" for head, value in
                 zip(heads, (s.yours, s.standing, s.world, s.steady), strict=True)]
        lines.append(f"  {s.name} {s.start} → {s.end}: " + w.join(parts))
    lines += [f"  {line}" for line, _ in d.largest]
    if d.steady:
        lines.append("  " + d.steady)
    if rows:
        lines.append(w.ui("debrief.benchmarks"))
        lines += [f"  {i}. {r.name} {r.score:.1f}" for i, r in enumerate(rows, 1)]
    return lines

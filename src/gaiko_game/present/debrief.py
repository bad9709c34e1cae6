"""The debrief as data: the ending and rating, the strategy played, the curves, the largest causes, the questions."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game
from gaiko_game.present.words import Words
from gaiko_game.session.debrief import label, largest_causes, series


@dataclass(frozen=True)
class Curve:
    """A meter's values over the turns, with its name and colour."""

    id: str
    name: str
    colour: str
    values: tuple[int, ...]


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
    """(line, tone) for the causes that moved the meters most; tone is ``good`` or ``bad``."""
    decisions: tuple[str, ...]
    questions: tuple[str, ...]


def debrief(game: Game, w: Words) -> DebriefView:
    """The debrief of a finished game."""
    out = game.outcome()
    assert out is not None, "the game is not over"
    sc = game.scenario
    ending, rating = w.name(f"ending.{out.ending}"), w.name(f"rating.{out.rating}")
    played = label(game)
    data = series(game)
    curves = tuple(Curve(m.id, w.meter(m.id), m.colour, tuple(data[m.id])) for m in sc.meters)
    largest = tuple((w.ui("debrief.cause_line", delta=d, meter=w.meter(m), cause=w.cause(c)), "good" if d > 0 else "bad")
                    for c, m, d in largest_causes(game))
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
        largest=largest, decisions=decisions,
        questions=tuple(w.name(f"question.{q}") for q in sc.questions),
    )

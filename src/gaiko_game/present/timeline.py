"""A played game as a timeline, turn by turn: the actions, the crises and answers, the rolls, the meters after."""

from __future__ import annotations

from gaiko_game.core import EndTurn, Game, Order, Withdraw
from gaiko_game.present.report import roll_line
from gaiko_game.present.words import Words


def timeline(game: Game, w: Words) -> list[str]:
    """Each turn as a header line and indented detail lines, then the ending."""
    lines: list[str] = []
    turn, orders = 1, []
    reports = {r.turn: r for r in game.reports}
    for decision in game.history:
        if isinstance(decision, Order | Withdraw):
            orders.append(w.decision(decision))
        elif isinstance(decision, EndTurn):
            year, quarter = game.scenario.date(turn)
            lines.append(w.ui("timeline.turn", year=year, quarter=quarter, turn=turn, orders=w.join(orders) or "—"))
            orders = []
            report = reports.get(turn)
            if report is not None:
                for f in report.fired:
                    if f.hidden:
                        continue
                    title = w.event_title(f.event)
                    answer = w.name(f"event.{f.event}.choice.{f.choice}") if f.choice else ""
                    lines.append("    " + (w.ui("timeline.crisis", title=title, answer=answer) if f.choice else title))
                lines += ["    " + w.ui("report.roll", roll=roll_line(w, r), cause=w.cause(r.cause)) for r in report.rolls]
                lines.append("    " + w.join([f"{w.meter(m)} {v}" for m, v in report.meters.items()]))
            turn += 1
    if orders or not game.history:
        year, quarter = game.scenario.date(turn)
        lines.append(w.ui("timeline.now", year=year, quarter=quarter, turn=turn, orders=w.join(orders) or "—"))
    out = game.outcome()
    if out is not None:
        lines.append(w.ui("timeline.end", ending=w.name(f"ending.{out.ending}"), score=out.score,
                          rating=w.name(f"rating.{out.rating}")))
    return lines

"""A game as text, turn by turn: the HUD and headline, every decision with its rolls, each crisis, the report, the
ending.

What the terminal game prints, without prompts. Golden playthroughs pin these transcripts, so any
change to the rules or to the wording shows up as a readable diff.
"""

from __future__ import annotations

from gaiko_game.core import Choose, Deal, Decision, EndTurn, Game, Order, TurnReport, Veto, Withdraw
from gaiko_game.present.crisis import CrisisCard, crisis_card
from gaiko_game.present.debrief import debrief
from gaiko_game.present.hud import header
from gaiko_game.present.report import roll_line, turn_report
from gaiko_game.present.words import Words


def _turn_head(game: Game, w: Words) -> list[str]:
    return ["", *header(game, w)]


def _report(view_lines: list[str], title: str) -> list[str]:
    return [f"--- {title} ---", *view_lines]


def _card(card: CrisisCard) -> list[str]:
    """A crisis as the terminal shows it: heading, what it did at once, each answer with the world's reactions."""
    lines = [card.heading, *([card.immediate] if card.immediate else [])]
    for c in card.choices:
        lines += [f"  {c.number}. {c.line}", *(f"      {r}" for r in c.world)]
    return lines


def transcript(game: Game, decisions: list[Decision], w: Words) -> list[str]:
    """Play ``decisions`` on ``game`` (fresh, at the start of turn 1) and tell what happened."""
    lines = _turn_head(game, w)
    for d in decisions:
        rolls = len(game.rolls)
        report: TurnReport | None = None
        if isinstance(d, Order):
            game.apply(d)
            lines.append("> " + w.ui("action.done", name=w.order(d)))
        elif isinstance(d, Deal | Veto):
            game.play(d)
            lines.append(f"> {d}")
        elif isinstance(d, Withdraw):
            game.withdraw(d.action)
            lines.append("> " + w.ui("programme.withdrawn", name=w.name(f"action.{d.action}.name")))
        elif isinstance(d, Choose):
            card = crisis_card(game, w)
            choice = next(c for c in card.choices if c.id == d.choice)
            report = game.choose(d.choice)
            lines.append("> " + w.ui("crisis.chosen", name=choice.label))
        elif isinstance(d, EndTurn):
            report = game.end_turn()
            lines.append("> " + w.ui("win.end_turn"))
        lines += ["  " + roll_line(w, r) for r in game.rolls[rolls:]]
        if game.pending_crisis is not None and (report is None and not isinstance(d, Order | Deal | Veto | Withdraw)):
            lines += _card(crisis_card(game, w))
        if report is not None:
            view = turn_report(report, w)
            lines += _report(view.lines(), view.title)
            if not game.is_over:
                lines += _turn_head(game, w)
    if game.is_over:
        d_view = debrief(game, w)
        lines += ["", f"=== {d_view.game_over} ===", d_view.meters_line, d_view.score_line,
                  *([d_view.strategy] if d_view.strategy else [])]
    return lines

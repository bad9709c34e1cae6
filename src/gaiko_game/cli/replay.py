"""`gaiko replay SAVE [--verify]`: a saved game's timeline, and a check that it replays to what was saved."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gaiko_game.cli.common import load_or_report
from gaiko_game.scenario.bundled import scenarios_root
from gaiko_game.core import Choose, EndTurn, Game, Order, Texts
from gaiko_game.session import saves


def _scenario_for(save: Path, given: Path | None) -> Path | None:
    """The scenario a save was played on: the one given, else the bundled one with the save's id."""
    if given is not None:
        return given
    try:
        scenario_id = json.loads(save.read_text(encoding="utf-8")).get("scenario")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return scenarios_root() / "indo_pacific_2025"
    folder = scenarios_root() / str(scenario_id)
    return folder if folder.is_dir() else None


def timeline(game: Game, lang: str) -> list[str]:
    """Each turn: the actions taken, the crises and answers, the rolls, and the meters after it."""
    t = Texts(game.scenario.loc, lang)
    lines: list[str] = []
    turn, orders = 1, []
    for decision in game.history:
        if isinstance(decision, Order):
            name = t.name(f"action.{decision.action}.name")
            orders.append(name if decision.target is None else f"{name} → {t.name(f'actor.{decision.target}')}")
        elif isinstance(decision, EndTurn):
            year, quarter = game.scenario.date(turn)
            lines.append(f"{year} Q{quarter} (turn {turn}): " + ("; ".join(orders) or "—"))
            orders = []
            report = next((r for r in game.reports if r.turn == turn), None)
            if report is not None:
                for f in report.fired:
                    if not f.hidden:
                        answer = f" → {t.name(f'event.{f.event}.choice.{f.choice}')}" if f.choice else ""
                        lines.append(f"    {t.name(f'event.{f.event}.title')}{answer}")
                for roll in report.rolls:
                    lines.append(f"    roll {round(roll.p * 100)}% → {'success' if roll.success else 'failure'} ({roll.cause.id})")
                meters = ", ".join(f"{t.name(f'meter.{m}')} {v}" for m, v in report.meters.items())
                lines.append(f"    {meters}")
            turn += 1
        elif isinstance(decision, Choose):
            continue
    out = game.outcome()
    if out is not None:
        lines.append(f"{t.name(f'ending.{out.ending}')}: score {out.score}, {t.name(f'rating.{out.rating}')}")
    return lines


def run_replay(save: Path, scenario_path: Path | None, verify: bool, lang: str) -> int:
    """Print the timeline, or verify the save (exit 0 when it replays to the saved result, else 1)."""
    folder = _scenario_for(save, scenario_path)
    if folder is None:
        sys.stderr.write(f"{save}: its scenario is not bundled here; give it with --scenario PATH\n")
        return 1
    scenario = load_or_report(folder)
    if scenario is None:
        return 1
    try:
        info = saves.info(save)
        game, _ = saves.load(save, scenario)
    except saves.ChangedScenario as e:
        sys.stderr.write(f"{save}: {e}\n")
        if verify:
            return 1
        game, _, played, total = saves.load_partial(save, scenario)
        sys.stderr.write(f"  replaying what the current scenario still accepts: {played} of {total} decisions\n")
        print("\n".join(timeline(game, lang)))
        return 0
    except saves.BadSave as e:
        sys.stderr.write(f"{save}: {e}\n")
        return 1
    if verify:
        if game.turn == info.turn and game.meters() == info.meters:
            print(f"{save}: verified — replays to turn {game.turn} with {info.meters} and the saved state hash")
            return 0
        print(f"{save}: MISMATCH — saved turn {info.turn} {info.meters}, replayed turn {game.turn} {game.meters()}")
        return 1
    print("\n".join(timeline(game, lang)))
    return 0

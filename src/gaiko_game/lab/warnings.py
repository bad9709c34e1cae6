"""A lab's findings as validator warnings, each at the YAML line of the action, choice or event concerned."""

from __future__ import annotations

from typing import Any

from gaiko_game.scenario.diagnostics import Diagnostic, Severity
from gaiko_game.scenario.loader import Place

REPORT_HINT = "run 'gaiko lab {folder}' for the full report"


def _at(places: dict[tuple[str, str], Place], key: tuple[str, str], fallback: str) -> tuple[str, int, int]:
    place = places.get(key)
    return (place.file, place.line, place.col) if place else (fallback, 0, 0)


def balance_warnings(data: dict[str, Any], places: dict[tuple[str, str], Place], folder: str,
                     stated: set[str] | frozenset[str] = frozenset()) -> list[Diagnostic]:
    """Warnings for dominant, never-worth and never-taken actions, actions only random play takes, unchosen
    choices, silent events, and the verdict's missed targets (except those in ``stated``: the scenario's
    tests.yaml bounds them, and its failing test says so at its own line)."""
    out: list[Diagnostic] = []
    games = sum(int(p["games"]) for p in data["players"])
    fired = {e["id"]: round(float(e["fired_share"]) * games) for e in data["events"]}
    planned = [p for p in data["players"] if p["kind"] != "random"]  # every player that follows a strategy

    def warn(key: tuple[str, str], code: str, message: str, hint: str) -> None:
        file, line, col = _at(places, key, f"{folder}/scenario.yaml")
        out.append(Diagnostic(Severity.WARNING, code, message, file, line, col, hint))

    for a in data["actions"]:
        key = ("action", a["id"])
        if a["flag"] == "dominant":
            m = a["marginal"]
            worth = f"; random play scores {m['diff']:+.1f} with it" if m else ""
            warn(key, "balance-dominant", f"action `{a['id']}` is taken every game by the three best players and "
                 f"hardly ever by the three worst{worth}", "a dominant action decides the game alone: raise its cost, "
                 "soften its effects, or give it a drawback")
        elif a["flag"] == "never_worth":
            m = a["marginal"]
            warn(key, "balance-never-worth", f"action `{a['id']}` lowers random play's score: {m['with']:.1f} with it, "
                 f"{m['without']:.1f} when it is forbidden ({m['diff']:+.1f}, 95% interval {m['ci95'][0]:+.1f} to "
                 f"{m['ci95'][1]:+.1f})", "lower its cost or strengthen its effects, or say in its text why it is a trap")
        elif a["flag"] == "never_taken":
            warn(key, "balance-never-taken", f"action `{a['id']}` is never taken in {games} games",
                 "its requirements may never hold, or another action always looks better to every player")
        elif planned and not any(a["taken"].get(p["id"]) for p in planned):
            warn(key, "balance-no-strategy-takes", f"action `{a['id']}` is taken only by random play: none of the "
                 f"{len(planned)} strategies takes it in {int(planned[0]['games'])} games each",
                 "no strategy's rules reach it: give it a tag that `strategy_tags` maps to a role, or make it worth "
                 "taking; an action only a random player takes is not a choice")
    for c in data["choices"]:
        if not c["taken"]:
            warn(("choice", f"{c['event']}.{c['choice']}"), "balance-choice-never-taken",
                 f"choice `{c['choice']}` of `{c['event']}` is never taken (the crisis came up in {fired[c['event']]} "
                 f"of {games} games)", "its requirements or cost may rule it "
                 "out, or another choice always looks better; a choice nobody picks is not a decision")
    for e in data["events"]:
        if not e["fired_share"] and not e["rare"]:
            warn(("event", e["id"]), "balance-never-fires", f"event `{e['id']}` never fires in {games} games",
                 "check its window and conditions, or mark it `rare: true` if that is intended")
    for v in data["verdict"]:
        if v["pass"] is False and v["id"] not in stated:
            key = ("scenario", "meters" if v["id"] == "do_nothing_loses" else "ratings")
            warn(key, "balance-target", f"target missed: {v['target']['en']} (measured: {v['measured']['en']})",
                 REPORT_HINT.format(folder=folder))
    return out

"""From played games to every figure a lab report shows (the data ``report.json`` holds)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from gaiko_game import __version__
from gaiko_game.core import Scenario
from gaiko_game.core.model import COMPLETED
from gaiko_game.lab.runner import GameResult
from gaiko_game.lab.stats import paired, r2, summary
from gaiko_game.lab.targets import Bound, verdict

ADVISOR = "lookahead"


@dataclass
class Played:
    """One player's games in a lab."""

    id: str
    kind: str
    names: dict[str, str]
    results: list[GameResult]
    descriptions: dict[str, str] | None = None


@dataclass
class Settings:
    """What a lab ran with (everything that decides its figures; never the backend or the number of jobs)."""

    seeds: int
    first_seed: int
    advisor_seeds: int
    difficulty: str
    search_budget: int
    without: tuple[str, ...] = ()


def _names(sc: Scenario, key: str, fallback: str) -> dict[str, str]:
    return {lang: sc.loc.get(lang, {}).get(key, fallback) for lang in ("ja", "en")}


def _trajectory(sc: Scenario, results: list[GameResult]) -> dict[str, list[float]]:
    """Each meter's mean after every turn; a game that ended early holds its last value."""
    turns, meters = sc.turns, sc.meter_ids()
    out: dict[str, list[float]] = {m: [] for m in meters}
    for t in range(turns):
        for i, m in enumerate(meters):
            values = [r.trajectory[min(t, len(r.trajectory) - 1)][i] for r in results if r.trajectory]
            out[m].append(r2(sum(values) / len(values)) if values else 0.0)
    return out


def lost(sc: Scenario, r: GameResult) -> bool:
    """Whether a game was lost: it ended before its last turn, or earned the scenario's lowest rating."""
    lowest = min(sc.ratings, key=lambda x: x.min_score).id if sc.ratings else None
    return r.ending != COMPLETED or r.rating == lowest


def player_figures(sc: Scenario, p: Played, advisor: Played | None) -> dict[str, Any]:
    """Everything the report says of one player."""
    res = p.results
    n = len(res)
    scores = [r.score for r in res]
    top = max(sc.ratings, key=lambda r: r.min_score).id if sc.ratings else ""
    vs = None
    if advisor is not None and p.id != advisor.id and advisor.results:
        mine = {r.seed: r.score for r in res}
        common = [r for r in advisor.results if r.seed in mine]
        if common:
            vs = paired([mine[r.seed] for r in common], [r.score for r in common])
    actions: Counter[str] = Counter()
    for r in res:
        actions.update(r.actions)
    return {
        "id": p.id, "kind": p.kind, "name": p.names, "description": p.descriptions, "games": n,
        "score": summary(scores), "vs_advisor": vs,
        "ratings": {rt.id: sum(1 for r in res if r.rating == rt.id) for rt in sc.ratings},
        "endings": dict(sorted(Counter(r.ending for r in res).items())),
        "lost": r2(sum(1 for r in res if lost(sc, r)) / n) if n else 0.0,
        "top_rating": r2(sum(1 for r in res if r.rating == top) / n) if n else 0.0,
        "meters": {m: r2(sum(r.meters[m] for r in res) / n) if n else 0.0 for m in sc.meter_ids()},
        "trajectory": _trajectory(sc, res),
        "actions": {a.id: r2(actions[a.id] / n) if n else 0.0 for a in sc.actions},
    }


def _flag(action: str, players: list[dict[str, Any]], marginal: dict[str, Any] | None) -> str | None:
    """dominant: each of the three best players takes it at least once a game, the three worst hardly ever
    (at most once in five games), and random play scores higher with it than without it (95% interval
    above zero); never_worth: random play scores lower with it (interval below zero); never_taken: no
    player ever took it."""
    taken = [float(p["actions"][action]) for p in players]
    if not any(taken):
        return "never_taken"
    ranked = sorted((p for p in players if p["kind"] != "random"), key=lambda p: -float(p["score"]["mean"]))
    if len(ranked) >= 6 and all(float(p["actions"][action]) >= 1 for p in ranked[:3]) and all(
            float(p["actions"][action]) <= 0.2 for p in ranked[-3:]) and (
            marginal is None or float(marginal["ci95"][0]) > 0):
        return "dominant"
    if marginal is not None and float(marginal["ci95"][1]) < 0:
        return "never_worth"
    return None


def action_figures(sc: Scenario, players: list[dict[str, Any]],
                   ablation: dict[str, tuple[list[GameResult], list[GameResult]]]) -> list[dict[str, Any]]:
    """Each action: who takes it, its marginal value for random play (with vs forbidden), its flag."""
    out = []
    for a in sc.actions:
        marginal = None
        if a.id in ablation:
            with_it, without = ablation[a.id]
            pair = paired([r.score for r in with_it], [r.score for r in without])
            marginal = {"with": r2(sum(r.score for r in with_it) / len(with_it)),
                        "without": r2(sum(r.score for r in without) / len(without)),
                        "diff": pair["mean_diff"], "ci95": pair["ci95"]}
        out.append({"id": a.id, "name": _names(sc, f"action.{a.id}.name", a.id), "category": a.category,
                    "cost": a.cost, "taken": {p["id"]: p["actions"][a.id] for p in players}, "marginal": marginal,
                    "flag": _flag(a.id, players, marginal)})
    return out


def event_figures(sc: Scenario, everything: list[GameResult]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """How often each event fired (share of all games) and how often each choice of a fired crisis was taken."""
    n = max(1, len(everything))
    fired: Counter[str] = Counter()
    chosen: Counter[str] = Counter()
    for r in everything:
        fired.update(set(r.events))
        chosen.update(r.choices)
    events = [{"id": e.id, "name": _names(sc, f"event.{e.id}.title", e.id), "fired_share": r2(fired[e.id] / n),
               "rare": e.rare} for e in sc.events]
    choices = [{"event": e.id, "choice": c.id, "event_name": _names(sc, f"event.{e.id}.title", e.id),
                "name": _names(sc, f"event.{e.id}.choice.{c.id}", c.id), "taken": chosen[f"{e.id}.{c.id}"]}
               for e in sc.events if fired[e.id] for c in e.choices]
    return events, choices


def _endings(sc: Scenario) -> list[str]:
    """Every ending the scenario names: completing the campaign, then each ending its text names."""
    named = sorted({k.split(".")[1] for k in sc.loc.get("en", {}) if k.startswith("ending.") and k.count(".") == 1})
    return [COMPLETED, *(e for e in named if e != COMPLETED)]


def _pair(a: Played | None, b: Played | None) -> dict[str, Any] | None:
    """The paired difference a − b over the seeds both played (None when either is missing)."""
    if a is None or b is None:
        return None
    mine = {r.seed: r.score for r in a.results}
    common = [r for r in b.results if r.seed in mine]
    return paired([mine[r.seed] for r in common], [r.score for r in common]) if common else None


def report_data(sc: Scenario, settings: Settings, played: list[Played],
                ablation: dict[str, tuple[list[GameResult], list[GameResult]]],
                search: dict[str, Any] | None, bounds: dict[str, Bound] | None = None,
                folder: str = "") -> dict[str, Any]:
    """The whole report as data (the shape of ``report.json``); ``bounds``: the scenario's own verdict bounds."""
    advisor = next((p for p in played if p.id == ADVISOR), None)
    players = [player_figures(sc, p, advisor) for p in played]
    events, choices = event_figures(sc, [r for p in played for r in p.results])
    by_id = {p["id"]: p for p in players}
    who = {p.id: p for p in played}
    pairs = {(a, b): pair for a, b in (("search", ADVISOR), (ADVISOR, "hedge"), ("hedge", "random"))
             if (pair := _pair(who.get(a), who.get(b))) is not None}
    return {
        "format": 1,
        "scenario": {"id": sc.id, "folder": folder, "name": _names(sc, "scenario.name", sc.id), "turns": sc.turns,
                     "content_hash": sc.content_hash,
                     "meters": [{"id": m.id, "name": _names(sc, f"meter.{m.id}", m.id), "colour": m.colour}
                                for m in sc.meters],
                     "ratings": [{"id": r.id, "name": _names(sc, f"rating.{r.id}", r.id), "min_score": r.min_score}
                                 for r in sorted(sc.ratings, key=lambda r: -r.min_score)],
                     "endings": [{"id": e, "name": _names(sc, f"ending.{e}", e)} for e in _endings(sc)],
                     "categories": [{"id": c, "name": _names(sc, f"category.{c}", c)} for c in sc.categories],
                     "difficulty": _names(sc, f"difficulty.{settings.difficulty}", settings.difficulty)},
        "settings": {"seeds": settings.seeds, "first_seed": settings.first_seed,
                     "advisor_seeds": settings.advisor_seeds, "difficulty": settings.difficulty,
                     "search_budget": settings.search_budget, "version": __version__,
                     "without": list(settings.without)},
        "players": players,
        "actions": action_figures(sc, players, ablation),
        "choices": choices,
        "events": events,
        "search": search,
        "verdict": verdict(by_id, pairs, bounds),
    }

"""What the debrief shows, as data: curves over the turns, the largest causes, and the strategy played."""

from __future__ import annotations

from collections import Counter

from gaiko_game.core import Cause, Game, Order


def series(game: Game) -> dict[str, list[int]]:
    """Each meter and Diplomatic Capital at the end of every turn played."""
    out: dict[str, list[int]] = {m: [r.meters[m] for r in game.reports] for m in game.scenario.meter_ids()}
    out["capital"] = [r.capital for r in game.reports]
    return out


def largest_causes(game: Game, n: int = 6) -> list[tuple[Cause, str, int]]:
    """The causes that moved the meters most over the game, as (cause, meter, net change)."""
    totals: Counter[tuple[Cause, str]] = Counter()
    for ch in game.ledger:
        if ch.key.startswith("meter."):
            totals[(ch.cause._replace(note=""), ch.key[6:])] += ch.delta
    ranked = sorted(totals.items(), key=lambda kv: (-abs(kv[1]), kv[0][1], kv[0][0]))
    return [(cause, meter, delta) for (cause, meter), delta in ranked[:n]]


def strategy(game: Game) -> str | None:
    """``alliance_first``, ``rival_lean`` or ``hedge``, from the tags of the actions taken.

    The scenario's ``strategy_tags`` say which tags mean the alliance, the rival, partners and
    economic security; None when it maps none of them.
    """
    sc = game.scenario
    roles = {r: sc.tags_for(r) for r in ("alliance", "rival", "partners", "economic_security")}
    if not any(roles.values()):
        return None
    counts: Counter[str] = Counter()
    total = 0
    for d in game.history:
        action = sc.action(d.action) if isinstance(d, Order) else None
        if action is not None:
            total += 1
            counts.update(role for role, tags in roles.items() if action.tags & tags)
    if total and counts["rival"] / total >= 0.35:
        return "rival_lean"
    if total and counts["alliance"] / total >= 0.5 and (counts["partners"] + counts["economic_security"]) / total < 0.3:
        return "alliance_first"
    return "hedge"

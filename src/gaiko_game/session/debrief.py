"""What the debrief shows: curves over the turns, the largest causes, and the strategy played."""

from __future__ import annotations

from collections import Counter

from gaiko_game.core import Cause, Game, Order

METERS = ("security", "prosperity", "autonomy")


def series(game: Game) -> dict[str, list[int]]:
    """Each meter and Diplomatic Capital at the end of every turn played."""
    out: dict[str, list[int]] = {m: [r.meters[m] for r in game.reports] for m in METERS}
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


def strategy(game: Game) -> str:
    """``us_first``, ``china_lean`` or ``hedge``, from the tags of the actions taken."""
    tags: Counter[str] = Counter()
    total = 0
    for d in game.history:
        if isinstance(d, Order):
            action = game.scenario.action(d.action)
            if action is not None:
                total += 1
                tags.update(t for t in ("us", "china", "partner", "econsec") if t in action.tags)
    if total == 0:
        return "hedge"
    if tags["china"] / total >= 0.35:
        return "china_lean"
    if tags["us"] / total >= 0.5 and (tags["partner"] + tags["econsec"]) / total < 0.3:
        return "us_first"
    return "hedge"

"""The model card in the encyclopedia: what the scenario is, and each assumption with what the lab measured."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gaiko_game.present.words import Words

SHOWN = ("hedge", "alliance_first", "partners_only", "engagement_alliance", "random")
"""The players whose figures an entry quotes (those the card measured), in this order."""


@dataclass(frozen=True)
class Entry:
    """One entry of the encyclopedia's model-card section."""

    key: str
    title: str
    lead: str
    body: str


def entries(w: Words, card: dict[str, Any] | None) -> list[Entry]:
    """The note on what the scenario is, then each assumption: its claim, source, counter-argument and, when the
    card was measured on this very content, what switching it off does to the strategies' scores."""
    sc = w.scenario
    out = [Entry("scenario.about", w.ui("card.about_title"), w.name("scenario.description"),
                 "\n".join(x for x in (w.note(), w.ui("card.about_body")) if x))]
    current = card is not None and card.get("hashes", {}).get(sc.id) == sc.content_hash
    for a in sc.assumptions:
        claim = w.name(f"assumption.{a}")
        title = _title(claim)
        body = [claim] if claim != title else []  # the rest of the claim, when its first sentence is the heading
        body += [w.ui("card.source", text=w.name(f"assumption.{a}.source")),
                 w.ui("card.counter", text=w.name(f"assumption.{a}.counter"))]
        if current and card is not None and f"without:{a}" in card["figures"]:
            body.append(_measured(w, card, a))
        elif sc.without == ():
            body.append(w.ui("card.not_measured", scenario=sc.id))
        out.append(Entry(f"assumption.{a}", title, w.ui("card.assumption_id", id=a), "\n".join(body)))
    return out


def _title(claim: str) -> str:
    """An assumption's heading: the first sentence of its claim."""
    for stop in ("。", ". "):
        if stop in claim:
            return claim.split(stop, 1)[0] + stop.strip()
    return claim


def _measured(w: Words, card: dict[str, Any], assumption: str) -> str:
    base, off = card["figures"]["scenario"], card["figures"][f"without:{assumption}"]
    items = [w.ui("card.change", name=_player(w, p), before=f"{base[p]['score']['mean']:.1f}",
                  after=f"{off[p]['score']['mean']:.1f}") for p in SHOWN if p in base and p in off]
    return w.ui("card.measured", seeds=card["seeds"], items=w.join(items))


def _player(w: Words, player: str) -> str:
    key = f"strategy.{player}"
    if w.has(key):
        return w.name(key)
    return w.ui("card.player_random") if player == "random" else player

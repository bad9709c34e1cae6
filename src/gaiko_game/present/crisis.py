"""The crisis card as data: the scene, what it did at once, and each answer with its cost, preview or reason."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game
from gaiko_game.present.headline import heading, immediate
from gaiko_game.present.words import Words


@dataclass(frozen=True)
class ChoiceView:
    """One answer, numbered from 1."""

    number: int
    id: str
    label: str
    cost: int
    enabled: bool
    effects: tuple[str, ...]
    reasons: str
    line: str
    """The whole answer on one line, as the terminal prints it."""
    detail: str
    """Its effects (or why it cannot be chosen), on one line, without its name."""
    world: tuple[str, ...] = ()
    """The world's reactions to it, one a line (also in ``effects``, and left out of ``line``: the terminal
    prints them under it)."""


@dataclass(frozen=True)
class CrisisCard:
    """The pending crisis (or opportunity)."""

    id: str
    title: str
    heading: str
    text: str
    background: str
    immediate: str
    """What the crisis already changed when it broke, or ""."""
    choices: tuple[ChoiceView, ...]
    opportunity: bool = False
    """An opening rather than a threat (headed "Opportunity", drawn in a calmer colour)."""


def crisis_card(game: Game, w: Words) -> CrisisCard:
    """The crisis waiting for an answer (the game must have one)."""
    ev = game.pending_crisis
    assert ev is not None, "no crisis is pending"
    choices = []
    for n, c in enumerate(ev.choices, 1):
        label = w.name(f"event.{ev.id}.choice.{c.id}")
        p = game.preview_choice(c.id)
        effects, reasons = tuple(w.preview(p)), w.reasons(p.reasons)
        if reasons:
            line = w.ui("crisis.off", name=label, reason=reasons)
        else:
            cost = w.ui("crisis.cost", cost=c.cost) if c.cost else ""
            shown = w.join(w.preview(p, world=False)) or w.ui("word.no_changes")
            line = w.ui("crisis.line", name=label, cost=cost, effects=shown)
        detail = reasons or w.join(list(effects))
        choices.append(ChoiceView(n, c.id, label, c.cost, not reasons, effects, reasons, line, detail,
                                  tuple(w.reactions(p.reactions))))
    title = w.name(f"event.{ev.id}.title")
    return CrisisCard(ev.id, title, heading(w, ev), w.name(f"event.{ev.id}.text"),
                      w.background(f"event.{ev.id}"), immediate(game, w, ev), tuple(choices), ev.opportunity)

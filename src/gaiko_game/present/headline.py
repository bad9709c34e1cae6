"""The headline as data: this turn's crises and opportunities, announced with the news and answered after the actions.

DESIGN §3: the player sees what will hit this turn, and what each answer costs, before spending
capital. The crisis card (``present.crisis``) shows the same events when they are answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game
from gaiko_game.core.model import EventDef
from gaiko_game.present.words import Words


@dataclass(frozen=True)
class HeadlineItem:
    """One announced crisis or opportunity."""

    id: str
    title: str
    opportunity: bool
    kind: str
    """"Crisis" or "Opportunity" (危機 / 好機)."""
    heading: str
    """"Crisis: <title>", as the crisis card is headed."""
    text: str
    immediate: str
    """What it already changed when it was announced, or ""."""
    choices: tuple[str, ...]
    """Each answer's name with its cost: "Reinforce patrols (1 DC)"."""
    answers: str
    """The answers on one line: "Answers: A (1 DC) · B · C"."""
    details: tuple[str, ...] = ()
    """Each answer with its cost and what it would change on today's numbers (the crisis card's lines)."""
    world: tuple[tuple[str, ...], ...] = ()
    """Each answer's world reactions on today's numbers, one a line (the crisis card's ``world``)."""


@dataclass(frozen=True)
class Headline:
    """This turn's headline (empty when nothing is announced)."""

    title: str
    items: tuple[HeadlineItem, ...]
    empty: str
    more: str = ""
    """How to see the answers' effects in the terminal ("c shows…"), printed under the headline."""

    def full(self) -> list[str]:
        """Every announced item in full: heading, scene, what it did at once, each answer with its effects."""
        out = [self.title] if self.items else [self.empty]
        for item in self.items:
            out += [f"  {item.heading}", f"    {item.text}", *([f"    {item.immediate}"] if item.immediate else []),
                    *(line for d, r in zip(item.details, item.world, strict=True)
                      for line in (f"    - {d}", *(f"        {x}" for x in r)))]
        return out

    def lines(self) -> list[str]:
        """The headline as the terminal prints it (nothing when nothing is announced)."""
        out = [self.title] if self.items else []
        for item in self.items:
            out += [f"  {item.heading}", *([f"    {item.immediate}"] if item.immediate else []), f"    {item.answers}"]
        return out + ([f"  {self.more}"] if self.items and self.more else [])


def heading(w: Words, ev: EventDef) -> str:
    """"Crisis: <title>" or "Opportunity: <title>"."""
    return w.ui("crisis.opportunity_title" if ev.opportunity else "crisis.title", title=w.name(f"event.{ev.id}.title"))


def immediate(game: Game, w: Words, ev: EventDef) -> str:
    """What an announced event changed at once this turn ("When it broke: Security -2"), or ""."""
    hit = [c for c in game.ledger if c.cause.kind == "event" and c.cause.id == ev.id and c.turn == game.turn]
    amounts = w.amounts(hit, skip=())
    return w.ui("crisis.immediate", changes=w.join(amounts)) if amounts else ""


def headline(game: Game, w: Words) -> Headline:
    """The crises and opportunities announced for this turn, still to be answered."""
    items = []
    for ev in game.announced:
        choices = tuple(w.ui("headline.choice_cost", name=w.name(f"event.{ev.id}.choice.{c.id}"), cost=c.cost)
                        if c.cost else w.name(f"event.{ev.id}.choice.{c.id}") for c in ev.choices)
        details, world = [], []
        for c in ev.choices:
            p = game.preview_answer(ev.id, c.id)
            effects = w.join(w.preview(p, world=False)) or w.ui("word.no_changes")
            cost = w.ui("crisis.cost", cost=c.cost) if c.cost else ""
            details.append(w.ui("crisis.line", name=w.name(f"event.{ev.id}.choice.{c.id}"), cost=cost, effects=effects))
            world.append(tuple(w.reactions(p.reactions)))
        items.append(HeadlineItem(ev.id, w.name(f"event.{ev.id}.title"), ev.opportunity,
                                  w.ui("headline.opportunity" if ev.opportunity else "headline.crisis"),
                                  heading(w, ev), w.name(f"event.{ev.id}.text"), immediate(game, w, ev), choices,
                                  w.ui("headline.answers", choices=" · ".join(choices)), tuple(details), tuple(world)))
    return Headline(w.ui("headline.title"), tuple(items), w.ui("headline.none"), w.ui("headline.more"))

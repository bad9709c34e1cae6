"""The action menu as data: every action (and target) with its cost, badge, preview and why it is unavailable."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game, Order
from gaiko_game.present.programmes import programme_note
from gaiko_game.present.words import Words


@dataclass(frozen=True)
class ActionRow:
    """One entry of the menu, numbered from 1 in menu order (see :func:`orders`)."""

    number: int
    order: Order
    category: str
    category_name: str
    label: str
    cost: int
    cooldown: int
    badge: str
    """"In force", else turns until it is ready again, else its odds, else "programme", else nothing."""
    enabled: bool
    effects: tuple[str, ...]
    reasons: str
    desc: str
    line: str
    """The whole entry on one line, as the terminal prints it."""
    programme: tuple[str, ...] = ()
    """When taking it starts a standing programme: its upkeep, what it does each turn, what ending it costs."""
    world: tuple[str, ...] = ()
    """The world's reactions to taking it, one a line (also in ``effects``, and left out of ``line``: the
    terminal prints them under it)."""
    target_note: str = ""
    """When it moves the diversified meter's target: what that target is (the window's tooltip explains it)."""
    warnings: tuple[str, ...] = ()
    """Answers to the announced crises that taking it would put out of reach (they need the capital it spends)."""

    def tooltip(self, w: Words) -> list[str]:
        """Name, description, cost and cooldown, a programme's terms, every previewed effect, why it is unavailable."""
        cost = w.ui("action.cost_one" if self.cooldown == 1 else "action.cost", cost=self.cost, cooldown=self.cooldown)
        lines = [self.label, *([self.reasons] if self.reasons else []), *self.warnings, self.desc, cost, *self.programme,
                 *self.effects]  # why it is out of reach, or what it costs later, first: not below twenty lines
        return lines + ([self.target_note] if self.target_note else [])


def short_after(game: Game, w: Words, cost: int) -> tuple[str, ...]:
    """The announced answers that spending ``cost`` now would put out of reach: affordable today, not after."""
    capital, left = game.view.capital, game.view.capital - cost
    return tuple(w.ui("action.leaves_short", left=left, event=w.name(f"event.{ev.id}.title"),
                      answer=w.name(f"event.{ev.id}.choice.{c.id}"), cost=c.cost)
                 for ev in game.announced for c in ev.choices if left < c.cost <= capital)


def orders(game: Game) -> list[Order]:
    """Every action and target of the scenario, in menu order (the menu's numbers): grouped by category in the
    scenario's order of categories, each in file order, so a category is never split in two."""
    sc = game.scenario
    place = {c: i for i, c in enumerate(sc.categories)}
    ranked = sorted(sc.actions, key=lambda a: place.get(a.category, len(place)))
    return [Order(a.id, t) for a in ranked for t in (a.targets or (None,))]


def badge(game: Game, w: Words, order: Order) -> str:
    """What a row shows beside its cost: that its programme is in force, else turns until it is ready, else its
    odds, else that it starts a standing programme (its tooltip gives the upkeep), else nothing."""
    view = game.view
    if order.action in view.commitments():
        return w.ui("action.in_force")
    ready = view.ready_in(order.action)
    if ready > 0:
        return w.ui("action.ready_in", n=ready)
    odds = game.odds(order)
    if odds is not None:
        return w.ui("word.odds", p=round(odds * 100))
    a = game.scenario.action(order.action)
    return w.ui("action.programme") if a is not None and a.commitment else ""


def target_note(game: Game, w: Words) -> str:
    """What the diversified meter's target is and how the meter follows it ("" when the scenario has none)."""
    d = game.scenario.diversification
    if d is None:
        return ""
    note = w.ui("action.target_note", meter=w.meter(d.meter), rate=round(d.rate * 100))
    if d.capability is None:
        return note
    return note + w.ui("action.target_capability", meter=w.meter(d.meter), track=w.name(f"track.{d.capability}"),
                       share=round(d.capability_weight * 100))


def action_rows(game: Game, w: Words) -> list[ActionRow]:
    """The menu now."""
    rows = []
    note = target_note(game, w)
    for n, order in enumerate(orders(game), 1):
        a = game.scenario.action(order.action)
        assert a is not None
        p = game.preview(order)
        effects, world = tuple(w.preview(p)), tuple(w.reactions(p.reactions))
        reasons = w.reasons(p.reasons)
        label = w.order(order)
        programme = programme_note(w, a)
        if reasons:
            line = w.ui("action.off", name=label, reason=reasons)
        else:
            shown = [*programme[:1], *w.preview(p, world=False)]
            line = w.ui("action.line", name=label, cost=a.cost, effects=w.join(shown) or w.ui("word.no_changes"))
        rows.append(ActionRow(n, order, a.category, w.name(f"category.{a.category}"), label, a.cost, a.cooldown,
                              badge(game, w, order), not reasons, effects, reasons, w.name(f"action.{a.id}.desc"), line,
                              programme, world, note if p.target_shift else "",
                              () if reasons else short_after(game, w, a.cost)))
    return rows

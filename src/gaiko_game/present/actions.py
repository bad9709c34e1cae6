"""The action menu as data: every action (and target) with its cost, badge, preview and why it is unavailable."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game, Order
from gaiko_game.present.words import Words


@dataclass(frozen=True)
class ActionRow:
    """One entry of the menu, numbered from 1 in scenario order."""

    number: int
    order: Order
    category: str
    category_name: str
    label: str
    cost: int
    cooldown: int
    badge: str
    """Turns until it is ready again, else its odds, else nothing."""
    enabled: bool
    effects: tuple[str, ...]
    reasons: str
    desc: str
    line: str
    """The whole entry on one line, as the terminal prints it."""

    def tooltip(self, w: Words) -> list[str]:
        """Name, description, cost and cooldown, every previewed effect, and why it is unavailable."""
        lines = [self.label, self.desc, w.ui("action.cost", cost=self.cost, cooldown=self.cooldown), *self.effects]
        return lines + ([self.reasons] if self.reasons else [])


def orders(game: Game) -> list[Order]:
    """Every action and target of the scenario, in menu order (the menu's numbers)."""
    return [Order(a.id, t) for a in game.scenario.actions for t in (a.targets or (None,))]


def badge(game: Game, w: Words, order: Order) -> str:
    """What a row shows beside its cost: turns until it is ready, else its odds, else nothing."""
    ready = game.view.ready_in(order.action)
    if ready > 0:
        return w.ui("action.ready_in", n=ready)
    odds = game.odds(order)
    return w.ui("word.odds", p=round(odds * 100)) if odds is not None else ""


def action_rows(game: Game, w: Words) -> list[ActionRow]:
    """The menu now."""
    rows = []
    for n, order in enumerate(orders(game), 1):
        a = game.scenario.action(order.action)
        assert a is not None
        p = game.preview(order)
        effects = tuple(w.preview(p))
        reasons = w.reasons(p.reasons)
        label = w.order(order)
        if reasons:
            line = w.ui("action.off", name=label, reason=reasons)
        else:
            line = w.ui("action.line", name=label, cost=a.cost, effects=w.join(list(effects)) or w.ui("word.no_changes"))
        rows.append(ActionRow(n, order, a.category, w.name(f"category.{a.category}"), label, a.cost, a.cooldown,
                              badge(game, w, order), not reasons, effects, reasons, w.name(f"action.{a.id}.desc"), line))
    return rows

"""The short codes printed on the kit's cards, and reading them back: a referee types "A07@india" or "C03b".

Actions are numbered A01, A02… and crises (events with answers) C01, C02… in the scenario's own order; a crisis's
answers are lettered a, b, c… in the order the card lists them. A code is a place in the files, so a kit and the
laptop agree as long as they are made from the same scenario (the kit prints its content hash to check).
"""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Choose, Order, Scenario
from gaiko_game.core.model import EventDef


def letter(n: int) -> str:
    """The letter of a crisis's n-th answer (0-based)."""
    return "abcdefghijklmnopqrstuvwxyz"[n]


@dataclass(frozen=True)
class Codes:
    """Both directions between a scenario's actions and crises and their printed codes."""

    action: dict[str, str]
    crisis: dict[str, str]
    _action_of: dict[str, str]
    _crisis_of: dict[str, EventDef]

    @classmethod
    def of(cls, scenario: Scenario) -> Codes:
        actions = {a.id: f"A{n:02d}" for n, a in enumerate(scenario.actions, 1)}
        crises = [e for e in scenario.events if e.choices]
        codes = {e.id: f"C{n:02d}" for n, e in enumerate(crises, 1)}
        return cls(actions, codes, {c: a for a, c in actions.items()}, {codes[e.id]: e for e in crises})

    def answer(self, event: EventDef, choice_id: str) -> str:
        """An answer's code: its crisis's code and its letter ("C03b")."""
        return self.crisis[event.id] + letter([c.id for c in event.choices].index(choice_id))

    def read_order(self, text: str) -> Order | None:
        """An action card's code, with "@target" when it takes one (the target by id), as an order; None if it is
        not an action's code."""
        code, _, target = text.strip().partition("@")
        action = self._action_of.get(code.upper())
        return None if action is None else Order(action, target.strip().lower() or None)

    def read_answer(self, text: str, event: EventDef) -> Choose | None:
        """An answer to ``event``: its full code ("C03b") or only its letter ("b"); None if it is neither."""
        text = text.strip()
        head, tail = (text[:-1], text[-1:].lower()) if len(text) > 1 else ("", text.lower())
        if head and self._crisis_of.get(head.upper()) is not event:
            return None
        letters = [letter(n) for n in range(len(event.choices))]
        return Choose(event.choices[letters.index(tail)].id) if tail in letters else None

"""What the player can do: the entries of a game's history (its action log)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Order:
    """Take an action, at a target when the action has targets."""

    action: str
    target: str | None = None

    def __str__(self) -> str:
        return self.action if self.target is None else f"{self.action}@{self.target}"


@dataclass(frozen=True, slots=True)
class EndTurn:
    """End the action phase."""

    def __str__(self) -> str:
        return "end"


@dataclass(frozen=True, slots=True)
class Choose:
    """Answer the pending crisis."""

    choice: str

    def __str__(self) -> str:
        return f"choose:{self.choice}"


@dataclass(frozen=True, slots=True)
class Deal:
    """Deal an event by hand (a teacher's or a test's move): it fires at once and joins this turn's headline."""

    event: str

    def __str__(self) -> str:
        return f"deal:{self.event}"


@dataclass(frozen=True, slots=True)
class Veto:
    """Take an announced crisis off this turn's headline by hand (a teacher's move): it is never put to the
    player, and its answer never happens. What it did when it broke stays done."""

    event: str

    def __str__(self) -> str:
        return f"veto:{self.event}"


@dataclass(frozen=True, slots=True)
class Withdraw:
    """End a standing programme the player started (an action's commitment), paying what ending it costs."""

    action: str

    def __str__(self) -> str:
        return f"withdraw:{self.action}"


Decision = Order | EndTurn | Choose | Deal | Veto | Withdraw


def parse_decision(text: str) -> Decision:
    """Read a decision back from its ``str()`` form.

    >>> parse_decision("maritime_capacity@vietnam")
    Order(action='maritime_capacity', target='vietnam')
    >>> str(parse_decision("choose:hold_firm"))
    'choose:hold_firm'
    """
    if text == "end":
        return EndTurn()
    if text.startswith("choose:"):
        return Choose(text[len("choose:") :])
    if text.startswith("deal:"):
        return Deal(text[len("deal:") :])
    if text.startswith("veto:"):
        return Veto(text[len("veto:") :])
    if text.startswith("withdraw:"):
        return Withdraw(text[len("withdraw:") :])
    action, _, target = text.partition("@")
    if not action:
        raise ValueError(f"not a decision: {text!r}")
    return Order(action, target or None)

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


Decision = Order | EndTurn | Choose


def parse_decision(text: str) -> Decision:
    """Read a decision back from its ``str()`` form, e.g. ``maritime_capacity@vietnam``."""
    if text == "end":
        return EndTurn()
    if text.startswith("choose:"):
        return Choose(text[len("choose:") :])
    action, _, target = text.partition("@")
    if not action:
        raise ValueError(f"not a decision: {text!r}")
    return Order(action, target or None)

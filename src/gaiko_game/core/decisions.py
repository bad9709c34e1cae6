"""What the player can do: the entries of a game's history (its action log)."""

from __future__ import annotations

from dataclasses import dataclass


def _rolled(text: str, roll: int | None) -> str:
    return text if roll is None else f"{text}#{roll}"


@dataclass(frozen=True, slots=True)
class Order:
    """Take an action, at a target when the action has targets. ``roll`` is a real dice roll (1–100, two ten-sided
    dice) a class made for the action's odds (see :func:`gaiko_game.core.rng.dice_needed`); None lets the game roll."""

    action: str
    target: str | None = None
    roll: int | None = None

    def __str__(self) -> str:
        return _rolled(self.action if self.target is None else f"{self.action}@{self.target}", self.roll)


@dataclass(frozen=True, slots=True)
class EndTurn:
    """End the action phase."""

    def __str__(self) -> str:
        return "end"


@dataclass(frozen=True, slots=True)
class Choose:
    """Answer the pending crisis (``roll`` as in :class:`Order`)."""

    choice: str
    roll: int | None = None

    def __str__(self) -> str:
        return _rolled(f"choose:{self.choice}", self.roll)


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
    Order(action='maritime_capacity', target='vietnam', roll=None)
    >>> str(parse_decision("choose:hold_firm"))
    'choose:hold_firm'
    >>> parse_decision("choose:hold_firm#57")
    Choose(choice='hold_firm', roll=57)
    """
    text, hash_, rolled = text.partition("#")
    roll = None
    if hash_:
        if not rolled.isdigit() or len(rolled) > 3:
            raise ValueError(f"not a dice roll: {rolled!r}")
        roll = int(rolled)
    if text.startswith("choose:"):
        return Choose(text[len("choose:") :], roll)
    if roll is not None and (text == "end" or text.partition(":")[1]):
        raise ValueError(f"only an action or a crisis answer carries a dice roll: {text!r}")
    if text == "end":
        return EndTurn()
    if text.startswith("deal:"):
        return Deal(text[len("deal:") :])
    if text.startswith("veto:"):
        return Veto(text[len("veto:") :])
    if text.startswith("withdraw:"):
        return Withdraw(text[len("withdraw:") :])
    action, _, target = text.partition("@")
    if not action:
        raise ValueError(f"not a decision: {text!r}")
    return Order(action, target or None, roll)

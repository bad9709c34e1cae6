"""Refusals: the engine says no with a reason a student can read, in either language."""

from __future__ import annotations

from gaiko_game.core.text import Loc, Msg, Texts


class Refusal(Exception):
    """Something the rules do not allow now; ``text(lang)`` says why."""

    def __init__(self, msg: Msg, loc: Loc) -> None:
        self.msg = msg
        self.loc = loc
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The reason, in Japanese (``ja``) or English (``en``)."""
        return Texts(self.loc, lang).render(self.msg)


class IllegalAction(Refusal, ValueError):
    """The action cannot be taken (or previewed) now."""


class IllegalChoice(Refusal, ValueError):
    """The crisis choice cannot be taken now."""


class IllegalDeal(Refusal, ValueError):
    """The event cannot be dealt now."""


class WrongPhase(Refusal, RuntimeError):
    """The game is not in the phase this call needs."""


class NothingToUndo(Refusal, RuntimeError):
    """There is no decision to take back."""


class UnknownDifficulty(Refusal, ValueError):
    """The scenario declares no such difficulty."""

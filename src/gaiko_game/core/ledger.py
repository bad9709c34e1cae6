"""The cause ledger's entries: why a number changed, and by how much."""

from __future__ import annotations

from typing import NamedTuple


class Cause(NamedTuple):
    """Why a number changed: an action, a crisis choice, an event, a rule, income..."""

    kind: str
    id: str
    note: str = ""


class Change(NamedTuple):
    """One entry of the ledger: ``key`` went from ``before`` to ``after`` on ``turn``."""

    turn: int
    key: str
    before: int
    after: int
    cause: Cause
    spread: bool = False
    """A share given up in proportion to make room for another partner's (a dependency shift without ``from``)."""

    @property
    def delta(self) -> int:
        """How much the number moved."""
        return self.after - self.before

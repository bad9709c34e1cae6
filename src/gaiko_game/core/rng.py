"""The game's randomness, one source per purpose, all in pure Python.

Rolls (the odds of actions and crisis answers) come from a PCG64 stream (XSL-RR
128/64) that is bit-for-bit numpy's ``PCG64``: seeded from numpy's SeedSequence
(see ``gaiko_game.session.seeding``), every later draw is made here from raw 64-bit
outputs, so a game replays identically on any numpy or Python version. Copying the
state is two integers, which keeps ``clone()`` and ``undo()`` cheap.

The crisis deck and the news are drawn differently: each (turn, event) pair has its
own 64-bit value, SplitMix64's finaliser applied to the deck key, the turn and the
event's id. Nothing the player does changes which value a card gets, so two players
who start from the same seed meet the same dealt crises whatever their rolls; only a
crisis whose trigger reads the player's own state can differ between them.
"""

from __future__ import annotations

from dataclasses import dataclass

_MULT = 0x2360ED051FC65DA44385DF649FCCF645
_MASK128 = (1 << 128) - 1
_MASK64 = (1 << 64) - 1


class Pcg64:
    """A PCG64 stream; draws go through the helpers below, never elsewhere."""

    __slots__ = ("inc", "state")

    def __init__(self, state: int, inc: int) -> None:
        self.state = state & _MASK128
        self.inc = inc & _MASK128 | 1

    def raw(self) -> int:
        """The next raw 64-bit output (numpy's ``PCG64.random_raw()``)."""
        s = (self.state * _MULT + self.inc) & _MASK128
        self.state = s
        word = ((s >> 64) ^ s) & _MASK64
        rot = s >> 122
        return ((word >> rot) | (word << (64 - rot))) & _MASK64

    def below(self, n: int) -> int:
        """A uniform integer in ``[0, n)`` by rejection, with no modulo bias."""
        if n <= 0:
            raise ValueError(f"below() needs a positive bound, got {n}")
        limit = (1 << 64) - (1 << 64) % n
        while True:
            r = self.raw()
            if r < limit:
                return r % n

    def unit(self) -> float:
        """A float in ``[0, 1)`` from the top 53 bits of the next raw output."""
        return (self.raw() >> 11) * (1.0 / (1 << 53))

    def chance(self, p: float) -> bool:
        """True with probability ``p`` (0 never draws false, 1 never draws true)."""
        if p >= 1.0:
            return True
        if p <= 0.0:
            return False
        return self.unit() < p

    def copy(self) -> Pcg64:
        """An independent stream at the same position."""
        return Pcg64(self.state, self.inc)

    def position(self) -> tuple[int, int]:
        """Everything that decides the next draws."""
        return self.state, self.inc

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pcg64) and self.position() == other.position()

    def __hash__(self) -> int:
        return hash(self.position())

    def __repr__(self) -> str:
        return f"Pcg64(state={self.state:#x}, inc={self.inc:#x})"


GOLDEN = 0x9E3779B97F4A7C15
"""The deck key's step from one turn to the next (the deal in ``core.turn`` inlines :func:`deck_value`)."""
_FNV_OFFSET, _FNV_PRIME = 0xCBF29CE484222325, 0x100000001B3


def card_salt(event_id: str) -> int:
    """A fixed 64-bit number for an event id (FNV-1a), so a card's draws do not depend on its place in the files."""
    h = _FNV_OFFSET
    for byte in event_id.encode("utf-8"):
        h = ((h ^ byte) * _FNV_PRIME) & _MASK64
    return h


def deck_value(key: int, turn: int, salt: int) -> int:
    """The 64-bit draw of one card on one turn: low 32 bits decide its chance, high 32 bits its place in the deal."""
    z = (key + turn * GOLDEN + salt) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


DICE_SIDES = 100
"""A real roll, for a class playing the printed kit: two ten-sided dice read as 01–100 (00 is 100)."""


def dice_needed(p: float) -> int:
    """The highest real roll (1–100) that succeeds at chance ``p``: the chance in whole percent, rounded half up.
    Every printed card and the referee's prompt give this number, so the table and the books agree.

    >>> dice_needed(0.655), dice_needed(0.0), dice_needed(1.0)
    (66, 0, 100)
    """
    return min(DICE_SIDES, max(0, int(p * DICE_SIDES + 0.5 + 1e-9)))


@dataclass(frozen=True, slots=True)
class Randomness:
    """Where a game's chance comes from: the deck key and the start of the rolls stream."""

    deck: int
    rolls: Pcg64

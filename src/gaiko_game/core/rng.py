"""The game's one random stream: PCG64 (XSL-RR 128/64) stepped in pure Python.

The generator is bit-for-bit numpy's ``PCG64``: seeded from numpy's SeedSequence
(see ``gaiko_game.session.seeding``), every later draw is made here from raw
64-bit outputs, so a game replays identically on any numpy or Python version.
Copying the state is two integers, which keeps ``clone()`` and ``undo()`` cheap.
"""

from __future__ import annotations

_MULT = 0x2360ED051FC65DA44385DF649FCCF645
_MASK128 = (1 << 128) - 1
_MASK64 = (1 << 64) - 1


class Pcg64:
    """A PCG64 stream; draws go through the helpers below, never elsewhere."""

    __slots__ = ("state", "inc", "spare")

    def __init__(self, state: int, inc: int, spare: int = -1) -> None:
        self.state = state & _MASK128
        self.inc = inc & _MASK128 | 1
        self.spare = spare  # the unused upper half of the last output split by next32(), or -1

    def raw(self) -> int:
        """The next raw 64-bit output (numpy's ``PCG64.random_raw()``)."""
        s = (self.state * _MULT + self.inc) & _MASK128
        self.state = s
        word = ((s >> 64) ^ s) & _MASK64
        rot = s >> 122
        return ((word >> rot) | (word << (64 - rot))) & _MASK64

    def next32(self) -> int:
        """The next 32 random bits: the low half of a raw output, then its high half (as numpy buffers uint32s)."""
        if self.spare >= 0:
            half, self.spare = self.spare, -1
            return half
        r = self.raw()
        self.spare = r >> 32
        return r & 0xFFFFFFFF

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
        """A float in ``[0, 1)`` from the top 53 bits (``raw()`` inlined: this is the trigger loop's draw)."""
        s = (self.state * _MULT + self.inc) & _MASK128
        self.state = s
        word = ((s >> 64) ^ s) & _MASK64
        rot = s >> 122
        return ((((word >> rot) | (word << (64 - rot))) & _MASK64) >> 11) * (1.0 / (1 << 53))

    def chance(self, p: float) -> bool:
        """True with probability ``p`` (0 never draws false, 1 never draws true)."""
        if p >= 1.0:
            return True
        if p <= 0.0:
            return False
        return self.unit() < p

    def copy(self) -> Pcg64:
        """An independent stream at the same position."""
        return Pcg64(self.state, self.inc, self.spare)

    def position(self) -> tuple[int, int, int]:
        """Everything that decides the next draws."""
        return self.state, self.inc, self.spare

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pcg64) and self.position() == other.position()

    def __hash__(self) -> int:
        return hash(self.position())

    def __repr__(self) -> str:
        return f"Pcg64(state={self.state:#x}, inc={self.inc:#x}, spare={self.spare})"

"""Language-neutral messages: the engine speaks in keys, the player reads Japanese or English."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from gaiko_game.core.strings import STRINGS

LANGS = ("ja", "en")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters no player-facing text may hold (line breaks and tabs may): a NUL, or an escape that would
act on a player's terminal. Scenarios and saves are refused at their door when a text holds one."""

Strings = Mapping[str, Mapping[str, str]]
"""A table of message templates: key, then language."""


@dataclass(frozen=True, slots=True)
class Name:
    """A reference to scenario text by key, e.g. ``Name("actor.china")``."""

    key: str


@dataclass(frozen=True, slots=True)
class Msg:
    """A message: a template key and its arguments, rendered later in the reader's language."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    @staticmethod
    def of(key: str, **args: object) -> Msg:
        """Build a message from keyword arguments."""
        return Msg(key, tuple(args.items()))


@dataclass(frozen=True, slots=True)
class Sentences:
    """Whole sentences rendered one after another (Japanese runs them on; English puts a space between)."""

    items: tuple[Msg, ...]


Loc = Mapping[str, Mapping[str, str]]
"""Scenario text by language, then key: ``loc["ja"]["actor.china"] == "中国"``."""


class Texts:
    """Renders names and messages in one language.

    ``strings`` is the template table: the engine's own (refusals, conditions, effects) by
    default; the presentation layer passes a larger table that adds the interface's words.
    """

    def __init__(self, loc: Loc, lang: str, strings: Strings | None = None) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
        self.lang = lang
        self._loc = loc.get(lang, {})
        self._strings = STRINGS if strings is None else strings

    def name(self, key: str) -> str:
        """Scenario text for ``key``; the key itself when the scenario lacks it."""
        return self._loc.get(key, key)

    def has(self, key: str) -> bool:
        """Whether the scenario has text for ``key`` in this language."""
        return key in self._loc

    def ui(self, key: str, **args: object) -> str:
        """A template from the table, formatted."""
        return self.render(Msg.of(key, **args))

    @property
    def separator(self) -> str:
        """How a list of items is joined on one line: 、 in Japanese, a comma in English."""
        return "、" if self.lang == "ja" else ", "

    def join(self, items: list[str]) -> str:
        """Items on one line, joined the way this language joins them."""
        return self.separator.join(items)

    def sentences(self, items: list[str]) -> str:
        """Sentences run on: with a space in English, none in Japanese (。 ends each already)."""
        return ("" if self.lang == "ja" else " ").join(t for t in items if t)

    def render(self, msg: Msg) -> str:
        """A message in this language, with every argument rendered too."""
        template = self._strings[msg.key][self.lang]
        return template.format(**{k: self._arg(v) for k, v in msg.args})

    def _arg(self, value: object) -> object:
        if isinstance(value, Name):
            return self.name(value.key)
        if isinstance(value, Msg):
            return self.render(value)
        if isinstance(value, Sentences):
            return ("" if self.lang == "ja" else " ").join(self.render(v) for v in value.items)
        if isinstance(value, tuple) and all(isinstance(v, Msg) for v in value):
            return ("、" if self.lang == "ja" else "; ").join(self.render(v) for v in value if isinstance(v, Msg))
        return value

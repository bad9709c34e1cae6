"""Language-neutral messages: the engine speaks in keys, the player reads Japanese or English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LANGS = ("ja", "en")


@dataclass(frozen=True, slots=True)
class Name:
    """A reference to scenario text by key, e.g. ``Name("actor.china")``."""

    key: str


@dataclass(frozen=True, slots=True)
class Msg:
    """An engine message: a key in :data:`gaiko_game.core.strings.STRINGS` and its arguments."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    @staticmethod
    def of(key: str, **args: object) -> Msg:
        """Build a message from keyword arguments."""
        return Msg(key, tuple(args.items()))


Loc = Mapping[str, Mapping[str, str]]
"""Scenario text by language, then key: ``loc["ja"]["actor.china"] == "中国"``."""


class Texts:
    """Renders names and messages in one language."""

    def __init__(self, loc: Loc, lang: str) -> None:
        from gaiko_game.core.strings import STRINGS

        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
        self.lang = lang
        self._loc = loc.get(lang, {})
        self._strings = STRINGS

    def name(self, key: str) -> str:
        """Scenario text for ``key``; the key itself when the scenario lacks it."""
        return self._loc.get(key, key)

    def has(self, key: str) -> bool:
        """Whether the scenario has text for ``key`` in this language."""
        return key in self._loc

    def ui(self, key: str, **args: object) -> str:
        """An engine or interface string, formatted."""
        return self.render(Msg.of(key, **args))

    @property
    def separator(self) -> str:
        """How a list of items is joined on one line: 、 in Japanese, a comma in English."""
        return "、" if self.lang == "ja" else ", "

    def join(self, items: list[str]) -> str:
        """Items on one line, joined the way this language joins them."""
        return self.separator.join(items)

    def render(self, msg: Msg) -> str:
        """A message in this language, with every argument rendered too."""
        template = self._strings[msg.key][self.lang]
        return template.format(**{k: self._arg(v) for k, v in msg.args})

    def _arg(self, value: object) -> object:
        if isinstance(value, Name):
            return self.name(value.key)
        if isinstance(value, Msg):
            return self.render(value)
        if isinstance(value, tuple) and all(isinstance(v, Msg) for v in value):
            return ("、" if self.lang == "ja" else "; ").join(self.render(v) for v in value if isinstance(v, Msg))
        return value

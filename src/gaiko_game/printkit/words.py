"""A scenario's words for paper: conditions as rules ("Relation with India at least 20"), without the "(now 35)" and
"(last: 2 turns ago)" a screen adds from a game in progress. A card is read at any point of a game."""

from __future__ import annotations

from gaiko_game.core import Scenario
from gaiko_game.core.engine import initial_state
from gaiko_game.core.plugins import Condition
from gaiko_game.core.rng import Pcg64, Randomness
from gaiko_game.core.state import State
from gaiko_game.present.words import TABLE, Words

RULES_ONLY: dict[str, dict[str, str]] = {
    "cond.at_least": {"ja": "{name}が{min}以上", "en": "{name} at least {min}"},
    "cond.at_most": {"ja": "{name}が{max}以下", "en": "{name} at most {max}"},
    "cond.between": {"ja": "{name}が{min}〜{max}", "en": "{name} between {min} and {max}"},
    "cond.turn": {"ja": "ターン{min}〜{max}", "en": "turns {min} to {max}"},
    "cond.played_within": {"ja": "このターンか直前{within}ターンに「{what}」を実行",
                           "en": "“{what}” played this turn or in the {within} turns before"},
    "cond.played_within_one": {"ja": "このターンか前のターンに「{what}」を実行",
                               "en": "“{what}” played this turn or the turn before"},
    "cond.engaged": {"ja": "このターンか直前{within}ターンに{actor}と関与",
                     "en": "engaged {actor} this turn or in the {within} turns before"},
    "cond.engaged_one": {"ja": "このターンか前のターンに{actor}と関与",
                         "en": "engaged {actor} this turn or the turn before"},
    "cond.fired": {"ja": "「{event}」が{min}回以上起きた", "en": "“{event}” has happened {min}+ times"},
}
TARGET = {"ja": "対象国", "en": "the target"}


class PaperWords(Words):
    """Words whose conditions read as rules, for a printed card."""

    def __init__(self, scenario: Scenario, lang: str) -> None:
        super().__init__(scenario, lang)
        self._strings = {**TABLE, **RULES_ONLY}
        self._start: State = initial_state(scenario, Randomness(0, Pcg64(0, 0)), scenario.difficulty(None))

    def name(self, key: str) -> str:
        return TARGET[self.lang] if key == "actor.target" else super().name(key)

    def condition(self, c: Condition, target: str | None = None) -> str:
        """What a condition asks for, as a rule."""
        return self.render(c.explain(self._start, target))

    def conditions(self, cs: tuple[Condition, ...], target: str | None = None) -> str:
        """Every condition, on one line."""
        return self.join([self.condition(c, target) for c in cs])

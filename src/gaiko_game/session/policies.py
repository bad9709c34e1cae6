"""Built-in policies: a random player and three strategies the article discusses.

A policy knows only tags, never effects: ``us_first`` spends on actions tagged
``us`` first, ``china_lean`` on ``china``, ``hedge`` keeps one ``us`` action a
turn as its base and then spends on ``partner`` and ``econsec``. What each
strategy achieves comes from the scenario's rules and numbers alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from gaiko_game.core import Game, Order, Pcg64, TurnReport


class Policy(Protocol):
    """Chooses actions and crisis answers."""

    name: str

    def act(self, game: Game) -> Order | None:
        """The next action this turn, or None to end the turn."""
        ...

    def answer(self, game: Game) -> str:
        """A choice for the pending crisis."""
        ...


def weighted_index(rng: Pcg64, weights: list[float]) -> int:
    """An index chosen in proportion to ``weights`` (uniformly when they are all 0), from whole-number draws."""
    ints = [max(0, round(w * 1000)) for w in weights]
    total = sum(ints)
    if total == 0:
        return rng.below(len(weights))
    r = rng.below(total)
    for i, w in enumerate(ints):
        if r < w:
            return i
        r -= w
    raise AssertionError("unreachable: r < total")


@dataclass
class RandomPolicy:
    """Uniformly random legal moves; ends the turn with the same chance as any one action."""

    rng: Pcg64
    name: str = "random"

    def act(self, game: Game) -> Order | None:
        legal = game.legal_actions()
        k = self.rng.below(len(legal) + 1)
        return legal[k] if k < len(legal) else None

    def answer(self, game: Game) -> str:
        ev = game.pending_crisis
        assert ev is not None
        ids = game.legal_choices()
        legal = [c for c in ev.choices if c.id in ids]
        return legal[weighted_index(self.rng, [c.weight for c in legal])].id


@dataclass(frozen=True)
class Stage:
    """Actions carrying any of ``tags``, at most ``per_turn`` of them a turn (0 = no limit)."""

    tags: frozenset[str]
    per_turn: int = 0


@dataclass
class PreferencePolicy:
    """Spends capital stage by stage, choosing at random within a stage; answers crises by tag."""

    name: str
    rng: Pcg64
    stages: tuple[Stage, ...]
    crisis_tags: tuple[str, ...]
    avoid: frozenset[str] = frozenset()

    def act(self, game: Game) -> Order | None:
        legal = game.legal_actions()
        for stage in self.stages:
            used = sum(game.played(t) for t in stage.tags)
            if stage.per_turn and used >= stage.per_turn:
                continue
            fits = [o for o in legal if self._tags(game, o) & stage.tags and not self._tags(game, o) & self.avoid]
            if fits:
                return fits[self.rng.below(len(fits))]
        return None

    def answer(self, game: Game) -> str:
        ev = game.pending_crisis
        legal = game.legal_choices()
        assert ev is not None and legal
        for tag in self.crisis_tags:
            fits = [c for c in ev.choices if c.id in legal and tag in c.tags]
            if fits:
                return fits[weighted_index(self.rng, [c.weight for c in fits])].id
        return game.default_choice() or legal[0]

    @staticmethod
    def _tags(game: Game, order: Order) -> frozenset[str]:
        action = game.scenario.action(order.action)
        return action.tags if action else frozenset()


def _s(*tags: str, per_turn: int = 0) -> Stage:
    return Stage(frozenset(tags), per_turn)


def make_policy(name: str, rng: Pcg64) -> Policy:
    """A built-in policy by name (see :data:`POLICIES`)."""
    if name == "random":
        return RandomPolicy(rng)
    if name == "us_first":
        return PreferencePolicy(name, rng, (_s("us"), _s("multilateral")), ("us",), avoid=frozenset({"china"}))
    if name == "china_lean":
        return PreferencePolicy(name, rng, (_s("china"), _s("dialogue")), ("china", "dialogue"),
                                avoid=frozenset({"military"}))
    if name == "lookahead":
        from gaiko_game.session.advisor import LookaheadPolicy

        return LookaheadPolicy(rng)
    if name == "hedge":
        return PreferencePolicy(
            name, rng,
            (_s("partner", "econsec", per_turn=1), _s("us", per_turn=1), _s("dialogue", per_turn=1),
             _s("partner", "econsec")),
            ("partner", "us", "dialogue"),
        )
    raise KeyError(name)


POLICIES = ("random", "us_first", "china_lean", "hedge", "lookahead")


def play_turn(game: Game, policy: Policy) -> TurnReport:
    """Let the policy take its actions, end the turn and answer every crisis."""
    while (order := policy.act(game)) is not None:
        game.apply(order)
    report = game.end_turn()
    while report is None:
        report = game.choose(policy.answer(game))
    return report


def play_game(game: Game, policy: Policy) -> Game:
    """Play to the end."""
    while not game.is_over:
        play_turn(game, policy)
    return game

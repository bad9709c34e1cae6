"""Built-in policies: a random player, three strategies the source article discusses, and the advisor.

A strategy knows only roles, never effects: ``alliance_first`` spends on moves the scenario
tags as the alliance, ``rival_lean`` on moves towards the rival, and ``hedge`` keeps one
alliance move a turn as its base, then spends on partners and economic security. Each
scenario's ``strategy_tags`` say which of its tags mean which role, so what a strategy
achieves comes from the scenario's rules and numbers alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from gaiko_game.core import Game, Order, Pcg64, Scenario, TurnReport


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
    """Actions in any of ``roles``, at most ``per_turn`` of them a turn (0 = no limit)."""

    roles: tuple[str, ...]
    per_turn: int = 0


@dataclass
class PreferencePolicy:
    """Spends capital stage by stage, choosing at random within a stage; answers crises by role."""

    name: str
    rng: Pcg64
    stages: tuple[Stage, ...]
    crisis_roles: tuple[str, ...]
    avoid: tuple[str, ...] = ()

    def act(self, game: Game) -> Order | None:
        sc, view = game.scenario, game.view
        legal = game.legal_actions()
        avoid = _tags(sc, self.avoid)
        for stage in self.stages:
            wanted = _tags(sc, stage.roles)
            if stage.per_turn and sum(view.played(t) for t in wanted) >= stage.per_turn:
                continue
            fits = [o for o in legal if (tags := _action_tags(sc, o)) & wanted and not tags & avoid]
            if fits:
                return fits[self.rng.below(len(fits))]
        return None

    def answer(self, game: Game) -> str:
        ev = game.pending_crisis
        legal = game.legal_choices()
        assert ev is not None and legal
        for role in self.crisis_roles:
            wanted = game.scenario.tags_for(role)
            fits = [c for c in ev.choices if c.id in legal and c.tags & wanted]
            if fits:
                return fits[weighted_index(self.rng, [c.weight for c in fits])].id
        return game.default_choice() or legal[0]


def _tags(sc: Scenario, roles: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(sc.tags_for(r) for r in roles))


def _action_tags(sc: Scenario, order: Order) -> frozenset[str]:
    action = sc.action(order.action)
    return action.tags if action else frozenset()


def _stage(*roles: str, per_turn: int = 0) -> Stage:
    return Stage(roles, per_turn)


def _alliance_first(rng: Pcg64) -> Policy:
    return PreferencePolicy("alliance_first", rng, (_stage("alliance"), _stage("multilateral")), ("alliance",),
                            avoid=("rival",))


def _rival_lean(rng: Pcg64) -> Policy:
    return PreferencePolicy("rival_lean", rng, (_stage("rival"), _stage("dialogue")), ("rival", "dialogue"),
                            avoid=("military",))


def _hedge(rng: Pcg64) -> Policy:
    return PreferencePolicy(
        "hedge", rng,
        (_stage("partners", "economic_security", per_turn=1), _stage("alliance", per_turn=1),
         _stage("dialogue", per_turn=1), _stage("partners", "economic_security")),
        ("partners", "alliance", "dialogue"),
    )


BUILT_IN: dict[str, Callable[[Pcg64], Policy]] = {
    "random": RandomPolicy,
    "alliance_first": _alliance_first,
    "rival_lean": _rival_lean,
    "hedge": _hedge,
}
"""The strategies that need no lookahead; the advisor (``lookahead``) is in ``session.advisor``."""


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

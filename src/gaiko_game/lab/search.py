"""The search for dominant simple strategies: a seeded (1+λ) evolution over strategy files.

A candidate is a strategy of at most five action rules (a role, or one action, each with a
per-turn limit and a way to pick), a capital reserve, up to two avoided roles and up to three
crisis rules. Each generation makes λ mutants of the current best, plays each over the search
seeds, and keeps the best (ties go to the simpler). The budget is the number of games played;
the winner is then scored on held-out seeds it never saw, so a lucky candidate cannot pass for
a strong one. Everything follows from the search's seed: the same seed finds the same strategy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from gaiko_game.core import Pcg64, Scenario
from gaiko_game.lab.runner import GameResult, Job, chunks
from gaiko_game.scenario.strategyfile import ActionRule, CrisisRule, Strategy, dump_strategy
from gaiko_game.session.seeding import stream

BUDGET = 16_000
FAMILY_BUDGET = 3_000
"""Games the search plays within each strategy family (``gaiko lab`` reports each family at its best)."""
MIN_BUDGET = 1_000
"""The smallest budget that lets the search play its starting candidates and a few generations."""
"""Games the search plays by default (about 15 s on two cores); ``gaiko lab --search-budget`` changes it."""
SEARCH_SEEDS = 40
"""Seeds each candidate is played on."""
SEARCH_OFFSET = 1_000_000
"""The search plays seeds this far from the lab's own, which are its held-out seeds."""
MAX_RULES, MAX_CRISES, MAX_AVOID, MAX_RESERVE = 5, 3, 2, 3
LAMBDA = 8
SIMPLICITY = 0.05
"""Points a candidate gives up per rule: between two nearly equal strategies the simpler wins."""
PICKS = ("random", "first", "cheapest")
TRIM_TOLERANCE = 0.25
"""After the search, a part of the best strategy is dropped when the mean falls by at most this much without it."""
TRIM_SHARE = 0.1
"""The share of the budget kept for trimming the best strategy."""

Evaluate = Callable[[list[Job]], list[list[GameResult]]]


@dataclass(frozen=True)
class Space:
    """What candidates are made of, for one scenario: the mapped roles and every action (with its targets)."""

    roles: tuple[str, ...]
    actions: tuple[tuple[str, str | None], ...]
    avoid: tuple[str, ...] = ()
    """In a family's search: the roles outside the family, always avoided."""

    @staticmethod
    def of(sc: Scenario, family: tuple[str, ...] = ()) -> Space:
        """The roles the scenario maps to tags, and its actions; with ``family``, only the family's roles and the
        actions that carry one of them and none of the others (the rest avoided)."""
        mapped = tuple(r for r, tags in sc.strategy_tags if tags)
        if not family:
            return Space(mapped, tuple((a.id, t) for a in sc.actions for t in (a.targets or (None,))))
        allowed = tuple(r for r in mapped if r in family)
        outside = tuple(r for r in mapped if r not in family)
        inside_tags = frozenset().union(*(sc.tags_for(r) for r in allowed)) if allowed else frozenset()
        outside_tags = frozenset().union(*(sc.tags_for(r) for r in outside)) if outside else frozenset()
        actions = tuple((a.id, t) for a in sc.actions if a.tags & inside_tags and not a.tags & outside_tags
                        for t in (a.targets or (None,)))
        return Space(allowed, actions, outside)


def within(s: Strategy, sc: Scenario, family: tuple[str, ...]) -> Strategy | None:
    """A strategy cut down to a family: the rules and crisis rules that use only the family's roles (and its
    actions), avoiding every role outside it; None when no action rule is left."""
    space = Space.of(sc, family)
    actions = {a for a, _ in space.actions}
    rules = tuple(r for r in s.rules if set(r.roles) <= set(family) and not r.tags
                  and (r.action is None or r.action in actions))
    crises = tuple(c for c in s.crises if set(c.roles) <= set(family) and not c.tags and c.choice is None)
    if not rules:
        return None
    return replace(s, id=f"{s.id}_in_family", rules=rules, crises=crises, avoid_roles=space.avoid, avoid_tags=())


def fitness(mean: float, s: Strategy) -> float:
    """A candidate's search score: its mean, less a little for each rule."""
    return mean - SIMPLICITY * (len(s.rules) + len(s.crises) + len(s.avoid_roles) + (1 if s.reserve else 0))


class Mutator:
    """Random changes to a candidate, from the search's own stream."""

    def __init__(self, space: Space, rng: Pcg64) -> None:
        self.space, self.rng = space, rng

    def choice(self, items: tuple[Any, ...] | list[Any]) -> Any:
        """One item, uniformly."""
        return items[self.rng.below(len(items))]

    def rule(self) -> ActionRule:
        """A random action rule: a role (when the scenario maps any) or one action."""
        per_turn, pick = self.choice((0, 1, 1, 2)), self.choice(PICKS)
        if self.space.roles and self.rng.below(2):
            return ActionRule(roles=(self.choice(self.space.roles),), per_turn=per_turn, pick=pick)
        action, target = self.choice(self.space.actions)
        return ActionRule(action=action, target=target, per_turn=per_turn, pick=pick)

    def crisis(self) -> CrisisRule:
        """A random crisis rule (a role)."""
        return CrisisRule(roles=(self.choice(self.space.roles),))

    def random_candidate(self, i: int) -> Strategy:
        """A fresh random candidate."""
        rules = tuple(self.rule() for _ in range(1 + self.rng.below(3)))
        crises = tuple(self.crisis() for _ in range(self.rng.below(3))) if self.space.roles else ()
        return Strategy(id=f"candidate_{i}", rules=rules, crises=crises, avoid_roles=self.space.avoid)

    def mutate(self, s: Strategy) -> Strategy:
        """``s`` with one or two random changes (a family's search keeps avoiding the roles outside it)."""
        for _ in range(1 + self.rng.below(2)):
            s = self._once(s)
        if self.space.avoid:
            s = replace(s, avoid_roles=self.space.avoid)
        return s

    def _once(self, s: Strategy) -> Strategy:
        rules, kind = list(s.rules), self.rng.below(9)
        if kind == 0 and len(rules) < MAX_RULES:
            rules.insert(self.rng.below(len(rules) + 1), self.rule())
        elif kind == 1 and len(rules) > 1:
            rules.pop(self.rng.below(len(rules)))
        elif kind == 2 and rules:
            i = self.rng.below(len(rules))
            rules[i] = replace(self.rule(), per_turn=rules[i].per_turn, pick=rules[i].pick)
        elif kind == 3 and rules:
            i = self.rng.below(len(rules))
            rules[i] = replace(rules[i], per_turn=self.choice((0, 1, 2)))
        elif kind == 4 and rules:
            i = self.rng.below(len(rules))
            rules[i] = replace(rules[i], pick=self.choice(PICKS))
        elif kind == 5 and len(rules) > 1:
            i = self.rng.below(len(rules) - 1)
            rules[i], rules[i + 1] = rules[i + 1], rules[i]
        elif kind == 6:
            return replace(s, reserve=max(0, min(MAX_RESERVE, s.reserve + self.choice((-1, 1)))))
        elif kind == 7 and self.space.roles:
            role = self.choice(self.space.roles)
            avoid = tuple(r for r in s.avoid_roles if r != role) if role in s.avoid_roles else (*s.avoid_roles, role)
            return replace(s, avoid_roles=avoid[-MAX_AVOID:])
        elif kind == 8 and self.space.roles:
            return replace(s, crises=self._crises(list(s.crises)))
        return replace(s, rules=tuple(rules))

    def _crises(self, crises: list[CrisisRule]) -> tuple[CrisisRule, ...]:
        move = self.rng.below(3)
        if move == 0 and len(crises) < MAX_CRISES:
            crises.insert(self.rng.below(len(crises) + 1), self.crisis())
        elif move == 1 and crises:
            crises.pop(self.rng.below(len(crises)))
        elif crises:
            crises[self.rng.below(len(crises))] = self.crisis()
        return tuple(crises)


def without_one(s: Strategy) -> list[Strategy]:
    """``s`` with one part fewer, every way: each rule (one is kept), crisis rule, avoided role, or its reserve."""
    def drop(items: tuple[Any, ...], i: int) -> tuple[Any, ...]:
        return items[:i] + items[i + 1:]

    out = [replace(s, rules=drop(s.rules, i)) for i in range(len(s.rules))] if len(s.rules) > 1 else []
    out += [replace(s, crises=drop(s.crises, i)) for i in range(len(s.crises))]
    out += [replace(s, avoid_roles=drop(s.avoid_roles, i)) for i in range(len(s.avoid_roles))]
    return out + ([replace(s, reserve=0)] if s.reserve else [])


def key(s: Strategy) -> str:
    """A candidate's identity, whatever it is called (two equal candidates are played once)."""
    return dump_strategy(replace(s, id="x", names={}, descriptions={}))


@dataclass
class Found:
    """What the search found: the best candidate, its search score, the games it played, its progress."""

    best: Strategy
    score: float
    games: int
    history: list[list[float]]


class Search:
    """The search over one scenario, playing its candidates through ``evaluate`` (the lab's runner)."""

    def __init__(self, sc: Scenario, folder: str, evaluate: Evaluate, seed: int = 0, budget: int = BUDGET,
                 difficulty: str | None = None, seeds: int = SEARCH_SEEDS, first_seed: int = 0,
                 without: tuple[str, ...] = (), family: tuple[str, ...] = ()) -> None:
        self.sc, self.folder, self.evaluate, self.budget, self.difficulty = sc, folder, evaluate, budget, difficulty
        self.without = without
        self.seeds = range(first_seed + SEARCH_OFFSET, first_seed + SEARCH_OFFSET + seeds)
        self.mutator = Mutator(Space.of(sc, family), stream(seed, "policy", "+".join(("search", *family))))
        self.scores: dict[str, float] = {}
        self.games = 0

    def score(self, batch: list[Strategy]) -> list[float]:
        """Each candidate's mean score over the search seeds (a candidate seen before costs nothing)."""
        new = list({key(s): s for s in batch if key(s) not in self.scores}.values())
        jobs = [job for s in new for job in chunks(self.folder, s, self.seeds, self.difficulty, None, self.without)]
        results = self.evaluate(jobs) if jobs else []
        per = len(chunks(self.folder, "x", self.seeds))
        for i, s in enumerate(new):
            games = [g for chunk in results[i * per:(i + 1) * per] for g in chunk]
            self.scores[key(s)] = sum(g.score for g in games) / len(games)
            self.games += len(games)
        return [self.scores[key(s)] for s in batch]

    def trim(self, best: Strategy, mean: float) -> tuple[Strategy, float]:
        """Drop parts of ``best`` that do not earn their place (within the budget): the simplest strategy that
        scores as well, give or take :data:`TRIM_TOLERANCE`."""
        fixed = set(self.mutator.space.avoid)  # a family's search always avoids the roles outside it
        while (simpler := [c for c in without_one(best) if fixed <= set(c.avoid_roles)]) and (
                self.games + len(self.seeds) * len(simpler) <= self.budget):
            scored = list(zip(self.score(simpler), simpler, strict=True))
            top_mean, top = max(scored, key=lambda t: t[0])
            if top_mean < mean - TRIM_TOLERANCE:
                break
            best, mean = top, top_mean
        return best, mean

    def run(self, start: list[Strategy]) -> Found:
        """Search from the given strategies (and as many random ones) until the budget is spent, then trim the best."""
        if self.budget < MIN_BUDGET:
            raise ValueError(f"a search needs a budget of at least {MIN_BUDGET:,} games")
        pool = [*start, *(self.mutator.random_candidate(i) for i in range(max(LAMBDA, len(start))))]
        pool = pool[:max(1, self.budget // (2 * len(self.seeds)))]  # half the budget at most on the starting pool
        scored = list(zip(self.score(pool), pool, strict=True))
        best_mean, best = max(scored, key=lambda t: (fitness(t[0], t[1]), -len(key(t[1]))))
        current, current_mean = best, best_mean
        history = [[float(self.games), round(best_mean, 2)]]
        stale = 0
        trim = int(self.budget * TRIM_SHARE)
        while self.games + len(self.seeds) * LAMBDA <= self.budget - trim:
            mutants = [self.mutator.mutate(current) for _ in range(LAMBDA)]
            mean, mutant = max(zip(self.score(mutants), mutants, strict=True), key=lambda t: fitness(t[0], t[1]))
            if fitness(mean, mutant) >= fitness(current_mean, current):
                current, current_mean, stale = mutant, mean, 0
            else:
                stale += 1
            if fitness(current_mean, current) > fitness(best_mean, best):
                best, best_mean = current, current_mean
            if stale >= 12:  # stuck: start again from a fresh candidate, keeping the best found
                current = self.mutator.random_candidate(self.games)
                current_mean, stale = self.score([current])[0], 0
            history.append([float(self.games), round(best_mean, 2)])
        best, best_mean = self.trim(best, best_mean)
        history.append([float(self.games), round(best_mean, 2)])
        named = replace(best, id="search_best", names={"en": "Best found by the search", "ja": "探索で見つかった最良の戦略"},
                        descriptions={}, source="")
        return Found(named, best_mean, self.games, history)

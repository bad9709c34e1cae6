"""The strategy interpreter: plays a :class:`~gaiko_game.scenario.strategyfile.Strategy` against any scenario.

Each call to ``act`` walks the rules in order and takes the first fitting legal action (within
the reserve, not avoided, under the rule's ``per_turn``); ``answer`` takes the first crisis rule
with a possible answer, else the crisis's default. Counting uses only the game's state (the
actions taken this turn), so one interpreter can play many clones, as the advisor's rollouts do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gaiko_game.core import Game, Order, Pcg64, Scenario
from gaiko_game.scenario.bundled import strategies_root
from gaiko_game.scenario.diagnostics import format_all
from gaiko_game.scenario.strategyfile import ActionRule, Strategy, StrategyFile, bind, read_strategy
from gaiko_game.session.policies import weighted_index


@dataclass(frozen=True)
class _Compiled:
    """A strategy's rules resolved against one scenario: each rule's tags, the avoided tags, action costs."""

    rule_tags: tuple[frozenset[str], ...]
    rule_actions: tuple[tuple[str, ...], ...]
    """Each rule's actions: the one it names, or every action carrying one of its tags (what ``per_turn`` counts)."""
    crisis_tags: tuple[frozenset[str], ...]
    avoid: frozenset[str]
    tags_of: dict[str, frozenset[str]]
    cost_of: dict[str, int]


def _tags(sc: Scenario, roles: tuple[str, ...], tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(tags).union(*(sc.tags_for(r) for r in roles))


class StrategyPolicy:
    """Plays a strategy with a seeded stream for its random picks."""

    def __init__(self, strategy: Strategy, rng: Pcg64) -> None:
        self.strategy = strategy
        self.name = strategy.id
        self.rng = rng
        self._for: tuple[Scenario, _Compiled] | None = None

    def _compiled(self, sc: Scenario) -> _Compiled:
        if self._for is None or self._for[0] is not sc:
            s = self.strategy
            rule_tags = tuple(_tags(sc, r.roles, r.tags) for r in s.rules)
            self._for = (sc, _Compiled(
                rule_tags=rule_tags,
                rule_actions=tuple((r.action,) if r.action else tuple(a.id for a in sc.actions if a.tags & tags)
                                   for r, tags in zip(s.rules, rule_tags, strict=True)),
                crisis_tags=tuple(_tags(sc, c.roles, c.tags) for c in s.crises),
                avoid=_tags(sc, s.avoid_roles, s.avoid_tags),
                tags_of={a.id: a.tags for a in sc.actions},
                cost_of={a.id: a.cost for a in sc.actions},
            ))
        return self._for[1]

    def act(self, game: Game) -> Order | None:
        """The next action this turn, or None to end the turn."""
        t = self._compiled(game.scenario)
        view = game.view
        budget = view.capital - self.strategy.reserve
        legal = [o for o in game.legal_actions() if t.cost_of[o.action] <= budget and not t.tags_of[o.action] & t.avoid]
        if not legal:
            return None
        for rule, tags, kind in zip(self.strategy.rules, t.rule_tags, t.rule_actions, strict=True):
            if rule.per_turn and sum(view.taken(a) for a in kind) >= rule.per_turn:
                continue
            fits = [o for o in legal if self._fits(rule, tags, o, t)]
            if fits and rule.when:
                fits = [o for o in fits if game.holds(rule.when, o.target)]
            if fits:
                return self._pick(rule, fits, t)
        return None

    @staticmethod
    def _fits(rule: ActionRule, tags: frozenset[str], order: Order, t: _Compiled) -> bool:
        if rule.action:
            return order.action == rule.action and (rule.target is None or order.target == rule.target)
        return bool(t.tags_of[order.action] & tags)

    def _pick(self, rule: ActionRule, fits: list[Order], t: _Compiled) -> Order:
        if rule.pick == "first":
            return fits[0]
        if rule.pick == "cheapest":
            return min(fits, key=lambda o: t.cost_of[o.action])
        return fits[self.rng.below(len(fits))]

    def answer(self, game: Game) -> str:
        """A choice for the pending crisis: the first crisis rule with a possible answer, else the default."""
        ev = game.pending_crisis
        legal = game.legal_choices()
        assert ev is not None and legal
        t = self._compiled(game.scenario)
        for rule, tags in zip(self.strategy.crises, t.crisis_tags, strict=True):
            if rule.when and not game.holds(rule.when):
                continue
            if rule.choice:
                if rule.choice in legal:
                    return rule.choice
                continue
            fits = [c for c in ev.choices if c.id in legal and c.tags & tags]
            if fits:
                return fits[weighted_index(self.rng, [c.weight for c in fits])].id
        return game.default_choice() or legal[0]


class BadStrategy(ValueError):
    """A strategy that cannot run: its file's diagnostics, or an unknown name, as printable text."""


def shipped_paths() -> dict[str, Path]:
    """The strategy files shipped with the game, by id (their file names)."""
    root = strategies_root()
    return {p.stem: p for p in sorted(root.glob("*.yaml"))} if root.is_dir() else {}


def scenario_paths(folder: Path | None) -> dict[str, Path]:
    """A scenario's own strategy files (in its ``strategies/`` folder), by id."""
    own = folder / "strategies" if folder is not None else None
    return {p.stem: p for p in sorted(own.glob("*.yaml"))} if own is not None and own.is_dir() else {}


@lru_cache(maxsize=64)
def _read_once(path: Path, mtime_ns: int, size: int) -> StrategyFile:
    return read_strategy(path)


def _read(path: Path) -> StrategyFile:
    """A strategy file, read again only when it changed (the lab loads the same files many times)."""
    try:
        st = path.stat()
    except OSError:
        return read_strategy(path)
    return _read_once(path, st.st_mtime_ns, st.st_size)


def load_strategy(path: Path, scenario: Scenario | None = None) -> Strategy:
    """Read a strategy file and check it against a scenario; raises :class:`BadStrategy` with located errors."""
    file = _read(path.resolve())
    diags = list(file.diagnostics) + (bind(file, scenario) if scenario is not None else [])
    if file.strategy is None or any(d.is_error for d in diags):
        raise BadStrategy(format_all(diags, limit_per_file=50))
    return file.strategy


def shipped(name: str, scenario: Scenario | None = None) -> Strategy:
    """A shipped strategy by id; raises :class:`BadStrategy` naming the ones there are."""
    path = shipped_paths().get(name)
    if path is None:
        raise BadStrategy(f"there is no shipped strategy '{name}'; choose one of: {', '.join(shipped_paths())}")
    return load_strategy(path, scenario)

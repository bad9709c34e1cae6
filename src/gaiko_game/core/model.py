"""A scenario as the engine sees it: immutable definitions built by the loader."""

from __future__ import annotations

from dataclasses import dataclass, field

from gaiko_game.core.plugins import Condition, Effect, Plan, plan
from gaiko_game.core.text import Loc

METERS = ("security", "prosperity", "autonomy")


@dataclass(frozen=True, slots=True)
class ActorDef:
    """A country or bloc on the board."""

    id: str
    lat: float
    lon: float
    role: str
    relation: int
    stance: int
    inset: bool = False


@dataclass(frozen=True, slots=True)
class TrackDef:
    """A ladder such as US–China tension, with its bounds and start."""

    id: str
    lo: int
    hi: int
    start: int


@dataclass(frozen=True, slots=True)
class Bonus:
    """An amount that applies while its conditions hold (income bands, odds modifiers)."""

    when: tuple[Condition, ...]
    add: float


@dataclass(frozen=True, slots=True)
class Odds:
    """A chance of success, shifted by modifiers while their conditions hold."""

    base: float
    modifiers: tuple[Bonus, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionDef:
    """An action the player can pay Diplomatic Capital for."""

    id: str
    category: str
    cost: int
    cooldown: int = 0
    targets: tuple[str, ...] = ()
    tags: frozenset[str] = frozenset()
    requires: tuple[Condition, ...] = ()
    effects: tuple[Effect, ...] = ()
    odds: Odds | None = None
    on_failure: tuple[Effect, ...] = ()
    success_plan: Plan = field(init=False, compare=False, repr=False)
    failure_plan: Plan = field(init=False, compare=False, repr=False)
    played_keys: tuple[str, ...] = field(init=False, compare=False, repr=False)
    """What taking it counts this turn: ``tag:<tag>`` for each tag and ``action:<id>``."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "success_plan", plan(self.effects))
        object.__setattr__(self, "failure_plan", plan(self.on_failure))
        keys = tuple(f"tag:{t}" for t in sorted(self.tags)) + (f"action:{self.id}",)
        object.__setattr__(self, "played_keys", keys)


@dataclass(frozen=True, slots=True)
class RuleDef:
    """A world rule: each turn, while its conditions hold, its effects apply."""

    id: str
    when: tuple[Condition, ...]
    effects: tuple[Effect, ...]
    steps: Plan = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", plan(self.effects))


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An event queued to fire a number of turns after a choice."""

    event: str
    after: int


@dataclass(frozen=True, slots=True)
class ChoiceDef:
    """One answer to a crisis."""

    id: str
    cost: int = 0
    requires: tuple[Condition, ...] = ()
    effects: tuple[Effect, ...] = ()
    odds: Odds | None = None
    on_failure: tuple[Effect, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    tags: frozenset[str] = frozenset()
    weight: float = 1.0
    success_plan: Plan = field(init=False, compare=False, repr=False)
    failure_plan: Plan = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "success_plan", plan(self.effects))
        object.__setattr__(self, "failure_plan", plan(self.on_failure))


@dataclass(frozen=True, slots=True)
class TriggerDef:
    """When an event may fire."""

    window: tuple[int, int] | None = None
    when: tuple[Condition, ...] = ()
    chance: Odds = Odds(1.0)
    once: bool = False
    cooldown: int = 0
    max_times: int = 0
    group: str | None = None


@dataclass(frozen=True, slots=True)
class OngoingDef:
    """A situation: after its event fires it costs something each turn until ``until`` holds."""

    each_turn: tuple[Effect, ...] = ()
    until: tuple[Condition, ...] = ()
    max_turns: int = 0
    steps: Plan = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", plan(self.each_turn))


@dataclass(frozen=True, slots=True)
class EventDef:
    """A news item (no choices) or a crisis (2–4 choices)."""

    id: str
    phase: str = "crisis"
    trigger: TriggerDef = TriggerDef()
    immediate: tuple[Effect, ...] = ()
    choices: tuple[ChoiceDef, ...] = ()
    default: str | None = None
    rare: bool = False
    hidden: bool = False
    ongoing: OngoingDef | None = None
    immediate_plan: Plan = field(init=False, compare=False, repr=False)
    by_id: dict[str, ChoiceDef] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "immediate_plan", plan(self.immediate))
        object.__setattr__(self, "by_id", {c.id: c for c in self.choices})

    def choice(self, choice_id: str) -> ChoiceDef | None:
        """The choice with this id, if the event has it."""
        return self.by_id.get(choice_id)

    @property
    def self_triggering(self) -> bool:
        """Whether its own trigger can ever fire it (chain-only events have no chance of their own)."""
        t = self.trigger
        return t.chance.base > 0 or any(m.add > 0 for m in t.chance.modifiers)


@dataclass(frozen=True, slots=True)
class AutonomyDef:
    """How autonomy follows diversification: a target from 1 − HHI, closed at ``rate`` a turn."""

    rate: float
    low: float
    high: float
    weights: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class DifficultyDef:
    """A difficulty level: changes to starting meters and capital, income, and how often crises come."""

    id: str
    meters: tuple[tuple[str, int], ...] = ()
    capital: int = 0
    income: int = 0
    crisis_chance: float = 1.0


STANDARD = DifficultyDef("standard")


@dataclass(frozen=True, slots=True)
class RatingDef:
    """A named band of final score."""

    id: str
    min_score: float


@dataclass(frozen=True, slots=True)
class Scenario:
    """Everything the engine needs to run one game."""

    id: str
    turns: int
    start_year: int
    start_quarter: int
    meters: tuple[tuple[str, int], ...]
    capital_start: int
    capital_cap: int
    income_base: int
    income_bonuses: tuple[Bonus, ...]
    tracks: tuple[TrackDef, ...]
    actors: tuple[ActorDef, ...]
    partners: tuple[str, ...]
    dependencies: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    autonomy: AutonomyDef
    actions: tuple[ActionDef, ...]
    rules: tuple[RuleDef, ...]
    events: tuple[EventDef, ...]
    ratings: tuple[RatingDef, ...]
    max_crises: int = 2
    player: tuple[float, float] = (35.68, 139.69)
    questions: tuple[str, ...] = ()
    difficulties: tuple[DifficultyDef, ...] = ()
    default_difficulty: str = "standard"
    guide: tuple[tuple[int, str], ...] = ()
    """(turn, prompt id) pairs: prompts shown at the start of those turns; text ``guide.<id>``."""
    loc: Loc = field(default_factory=dict, compare=False)
    content_hash: str = ""

    def action(self, action_id: str) -> ActionDef | None:
        """The action with this id, if any."""
        return next((a for a in self.actions if a.id == action_id), None)

    def difficulty(self, difficulty_id: str | None) -> DifficultyDef:
        """A difficulty by id (the scenario's default for None); STANDARD when the scenario declares none."""
        wanted = difficulty_id or self.default_difficulty
        found = next((d for d in self.difficulties if d.id == wanted), None)
        if found is None and self.difficulties:
            raise KeyError(f"scenario '{self.id}' has no difficulty '{wanted}'")
        return found or STANDARD

    def guide_for(self, turn: int) -> tuple[str, ...]:
        """The guide prompts shown at the start of ``turn``."""
        return tuple(g for t, g in self.guide if t == turn)

    def event(self, event_id: str) -> EventDef | None:
        """The event with this id, if any."""
        return next((e for e in self.events if e.id == event_id), None)

    def date(self, turn: int) -> tuple[int, int]:
        """(year, quarter) of a turn, turn 1 being the start."""
        q = self.start_quarter - 1 + turn - 1
        return self.start_year + q // 4, q % 4 + 1

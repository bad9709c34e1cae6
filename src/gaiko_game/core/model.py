"""A scenario as the engine sees it: immutable definitions built by the loader."""

from __future__ import annotations

from dataclasses import dataclass, field

from gaiko_game.core.errors import UnknownDifficulty
from gaiko_game.core.plugins import Condition, Effect, Plan, plan
from gaiko_game.core.text import Loc, Msg

COMPLETED = "completed"
"""The ending of a game played to its last turn (every scenario has it)."""

FOLLOW_UPS_PER_CHOICE = 3
"""The most follow-ups one answer may queue (the validator refuses more): chains stay chains, not explosions."""
CRISES_PER_TURN = 12
"""The most crises one turn deals, follow-ups included, whatever a scenario says: due follow-ups beyond it wait
for the next turn, and the same event due twice in a turn comes once. Together with
:data:`FOLLOW_UPS_PER_CHOICE` this bounds the work of a turn, so no scenario can make a game (or a classroom
server) hang."""

STRATEGY_ROLES = ("alliance", "rival", "partners", "economic_security", "dialogue", "multilateral", "military")
"""What the built-in strategies and the debrief's strategy label look for; a scenario maps each to its tags."""


@dataclass(frozen=True, slots=True)
class PlayerDef:
    """The country the player leads: its id (its name is text ``actor.<id>``) and where it is drawn."""

    id: str
    lat: float
    lon: float


METER_ICONS = ("shield_check", "rising_bars", "compass", "capital", "partnership", "dialogue", "opportunity",
               "generic")
"""The pictures a front end draws beside a meter's name (shape as well as colour tells the meters apart)."""


@dataclass(frozen=True, slots=True)
class MeterDef:
    """A score kept 0–100; at 0 the game ends at once with the ending ``at_zero``."""

    id: str
    start: int
    colour: str
    at_zero: str
    icon: str = "generic"
    """One of :data:`METER_ICONS`."""


@dataclass(frozen=True, slots=True)
class StanceDef:
    """The axis every actor's stance lies on: ``low`` at −100, ``high`` at +100 (both actor ids)."""

    low: str
    high: str


@dataclass(frozen=True, slots=True)
class DisputedDef:
    """An area whose sovereignty is disputed: the map country that draws it, within a box (west, east, south, north)."""

    id: str
    country: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class MapDef:
    """The map's region (west, east, south, north), its geometry, which country each actor colours, disputed areas.

    ``geometry`` is a file path, or "" for the bundled low-resolution world map.
    """

    bounds: tuple[float, float, float, float]
    geometry: str = ""
    countries: tuple[tuple[str, str], ...] = ()
    disputed: tuple[DisputedDef, ...] = ()


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
    baseline: int | None = None
    """Where its relation drifts back to without engagement (the ``drift`` effect); its start when None."""

    @property
    def rest(self) -> int:
        """The relation it drifts back to."""
        return self.relation if self.baseline is None else self.baseline


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
class CommitmentDef:
    """A standing programme an action starts (Democracy 4's policies): its upkeep in Diplomatic Capital each
    turn, its effects each turn while in force, and what ending it costs (withdrawn by the player, or lapsed
    when the upkeep cannot be paid)."""

    upkeep: int = 0
    each_turn: tuple[Effect, ...] = ()
    on_end: tuple[Effect, ...] = ()
    steps: Plan = field(init=False, compare=False, repr=False)
    end_steps: Plan = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", plan(self.each_turn))
        object.__setattr__(self, "end_steps", plan(self.on_end))


@dataclass(frozen=True, slots=True)
class ActionDef:
    """An action the player can pay Diplomatic Capital for (one with a ``commitment`` starts a standing programme)."""

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
    commitment: CommitmentDef | None = None
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
    """A news item (no choices), a crisis (2–4 choices), or another actor's move (phase ``move``, with its
    ``actor``: it happens in the world phase, at most one per actor a turn)."""

    id: str
    phase: str = "crisis"
    trigger: TriggerDef = TriggerDef()
    immediate: tuple[Effect, ...] = ()
    choices: tuple[ChoiceDef, ...] = ()
    default: str | None = None
    rare: bool = False
    hidden: bool = False
    ongoing: OngoingDef | None = None
    actor: str | None = None
    opportunity: bool = False
    """An opening rather than a threat: announced as an opportunity, not a crisis."""
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
class DiversificationDef:
    """How a meter follows diversification: a target from 1 − HHI of the dependency shares, closed at ``rate`` a turn."""

    meter: str
    rate: float
    low: float
    high: float
    weights: tuple[tuple[str, float], ...]
    capability: str | None = None
    """A track of the player's own capability that counts toward the target too (None: only diversification)."""
    capability_weight: float = 0.0
    """Its share of the target (0–1): target = (1 − w) × diversification's target + w × the track's place in its range."""


@dataclass(frozen=True, slots=True)
class EndingDef:
    """An ending besides the meters' and the last turn's: the game ends with it once its conditions hold
    at the end of a turn (an alliance's rupture, say), or when an ``end_game`` effect names it; its
    ``effects`` are its consequences, applied as the game ends."""

    id: str
    when: tuple[Condition, ...] = ()
    effects: tuple[Effect, ...] = ()
    """What it does to the board as the game ends with it (its consequences reach the final score)."""
    steps: Plan = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", plan(self.effects))


@dataclass(frozen=True, slots=True)
class LabelDef:
    """A strategy label the debrief gives, from what the player did: the least share of turns with a move in
    each role (roles as ``strategy_tags`` maps them), the least number of actors engaged over the game, and
    conditions on numbers that must have held all game (their lowest and highest values are checked)."""

    id: str
    turns: tuple[tuple[str, float], ...] = ()
    breadth: int = 0
    kept: tuple[Condition, ...] = ()
    engaged: tuple[tuple[str, float], ...] = ()
    """The least share of turns in which the player engaged each listed actor (dialogue with the rival, say)."""


@dataclass(frozen=True, slots=True)
class RepetitionDef:
    """Repeating an action yields less: each time it was taken in the last ``memory`` turns takes ``step`` off
    its gains (its positive amounts), down to ``floor`` of them."""

    memory: int
    step: float
    floor: float

    def scale(self, repeats: int) -> float:
        """The share of its gains an action keeps after ``repeats`` recent uses."""
        return max(self.floor, 1.0 - self.step * repeats)


@dataclass(frozen=True, slots=True)
class DifficultyDef:
    """A difficulty level: starting meters and capital, income, how often crises come, how fast relations drift
    back without engagement, and how often the other actors move."""

    id: str
    meters: tuple[tuple[str, int], ...] = ()
    capital: int = 0
    income: int = 0
    crisis_chance: float = 1.0
    drift: float = 1.0
    move_chance: float = 1.0


STANDARD = DifficultyDef("standard")
"""The level of a scenario that declares none."""


@dataclass(frozen=True, slots=True)
class RatingDef:
    """A named band of final score."""

    id: str
    min_score: float


@dataclass(frozen=True, slots=True)
class WeightingDef:
    """A way to weigh the meters in the final score (what a player or a class chooses to value); text
    ``weighting.<id>``. Meters it leaves out weigh 1."""

    id: str
    weights: tuple[tuple[str, float], ...] = ()

    def of(self, meter_id: str) -> float:
        """The weight of one meter."""
        return next((w for m, w in self.weights if m == meter_id), 1.0)


BALANCED = WeightingDef("balanced")


@dataclass(frozen=True, slots=True)
class MinistryDef:
    """A role a classroom team's student holds: texts ``ministry.<id>`` and ``ministry.<id>.brief``; its advice
    weighs the meters in ``focus`` (and ``capital``, Diplomatic Capital kept)."""

    id: str
    focus: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PresetDef:
    """A way to fit a class period: the turns played, minutes on the clock a turn, minutes kept for the debrief,
    and the difficulty and weighting of the whole class (None: the scenario's). Texts ``preset.<id>``/``.desc``."""

    id: str
    turns: int
    minutes: float
    debrief: int = 15
    difficulty: str | None = None
    weighting: str | None = None
"""Every meter weighs the same: the score of a scenario that declares no weightings."""


@dataclass(frozen=True, slots=True)
class Scenario:
    """Everything the engine needs to run one game, and the frame around it: player, meters, map."""

    id: str
    turns: int
    start_year: int
    start_quarter: int
    player: PlayerDef
    meters: tuple[MeterDef, ...]
    capital_start: int
    capital_cap: int
    income_base: int
    income_bonuses: tuple[Bonus, ...]
    tracks: tuple[TrackDef, ...]
    actors: tuple[ActorDef, ...]
    stance: StanceDef
    partners: tuple[str, ...]
    dependencies: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    diversification: DiversificationDef | None
    categories: tuple[str, ...]
    actions: tuple[ActionDef, ...]
    rules: tuple[RuleDef, ...]
    events: tuple[EventDef, ...]
    ratings: tuple[RatingDef, ...]
    map: MapDef
    max_crises: int = 2
    questions: tuple[str, ...] = ()
    difficulties: tuple[DifficultyDef, ...] = ()
    default_difficulty: str = "standard"
    guide: tuple[tuple[int, str], ...] = ()
    """(turn, prompt id) pairs: prompts shown at the start of those turns; text ``guide.<id>``."""
    strategy_tags: tuple[tuple[str, frozenset[str]], ...] = ()
    """(role, tags) for each of :data:`STRATEGY_ROLES` the scenario maps."""
    tutorial: str | None = None
    """The id of the bundled scenario that teaches this one, if any."""
    repetition: RepetitionDef | None = None
    """How a repeated action yields less (None: it never does)."""
    endings: tuple[EndingDef, ...] = ()
    """Endings the scenario declares besides its meters' (checked after them, in order)."""
    labels: tuple[LabelDef, ...] = ()
    """The debrief's strategy labels, first match wins (the last has no requirements); text ``label.<id>``."""
    assumptions: tuple[str, ...] = ()
    """The causal claims its rules encode (texts ``assumption.<id>``, ``.source``, ``.counter``)."""
    weightings: tuple[WeightingDef, ...] = ()
    """Ways to weigh the score a player may choose before a game; the first is the one ratings, benchmarks and
    classroom leaderboards use (empty: every meter weighs the same)."""
    ministries: tuple[MinistryDef, ...] = ()
    """The roles of a classroom team (empty: :meth:`roles` makes one per meter)."""
    presets: tuple[PresetDef, ...] = ()
    """Classroom period presets (empty: :meth:`class_presets` gives one of every turn)."""
    without: tuple[str, ...] = ()
    """The assumptions switched off when it was loaded (the lab's ``--without``); empty for the scenario as written."""
    loc: Loc = field(default_factory=dict, compare=False)
    content_hash: str = ""
    cache: dict[str, object] = field(default_factory=dict, init=False, compare=False, repr=False)
    """Tables derived from the definitions, built once and shared by every game (see ``core.compiled``)."""

    def action(self, action_id: str) -> ActionDef | None:
        """The action with this id, if any."""
        return next((a for a in self.actions if a.id == action_id), None)

    def actor(self, actor_id: str) -> ActorDef | None:
        """The actor with this id, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def meter_ids(self) -> tuple[str, ...]:
        """The meters' ids, in the order the scenario declares them."""
        return tuple(m.id for m in self.meters)

    def tags_for(self, role: str) -> frozenset[str]:
        """The tags that mean ``role`` (one of :data:`STRATEGY_ROLES`) in this scenario."""
        return next((tags for r, tags in self.strategy_tags if r == role), frozenset())

    def difficulty_ids(self) -> tuple[str, ...]:
        """The levels a player can choose (``standard`` alone when the scenario declares none)."""
        return tuple(d.id for d in self.difficulties) or (STANDARD.id,)

    def difficulty(self, difficulty_id: str | None) -> DifficultyDef:
        """A difficulty by id (the scenario's default for None); raises :class:`UnknownDifficulty` for an unknown id."""
        wanted = difficulty_id or self.default_difficulty
        found = next((d for d in self.difficulties if d.id == wanted), None)
        if found is not None:
            return found
        if not self.difficulties and wanted == STANDARD.id:
            return STANDARD
        raise UnknownDifficulty(Msg.of("refuse.difficulty", level=wanted, levels=", ".join(self.difficulty_ids())),
                                self.loc)

    def weighting(self, weighting_id: str | None = None) -> WeightingDef:
        """A weighting by id; the scenario's first (the rating one) for None or an id it does not declare."""
        found = next((x for x in self.weightings if x.id == weighting_id), None)
        return found or (self.weightings[0] if self.weightings else BALANCED)

    def roles(self) -> tuple[MinistryDef, ...]:
        """The roles a classroom team's students hold: the scenario's ministries, else one per meter (its text is
        the meter's name)."""
        return self.ministries or tuple(MinistryDef(m.id, (m.id,)) for m in self.meters)

    def class_presets(self) -> tuple[PresetDef, ...]:
        """The classroom presets: the scenario's, else one of every turn at five minutes a turn."""
        return self.presets or (PresetDef("full", self.turns, 5.0),)

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

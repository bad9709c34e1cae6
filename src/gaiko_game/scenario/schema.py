"""Pydantic models of the scenario files (format 1).

Conditions and effects stay raw here (``list[dict]``); :mod:`.params` checks them
against the plugin registry. Every model forbids unknown keys and is strict, so
``cost: "3"`` is a wrong type rather than a silent conversion.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Raw = list[dict[str, Any]]
Percent = Annotated[int, Field(ge=0, le=100)]
Signed = Annotated[int, Field(ge=-100, le=100)]
Chance = Annotated[float, Field(ge=0.0, le=1.0)]
Role = Literal["ally", "partner", "neutral", "rival"]


class Strict(BaseModel):
    """Unknown keys are errors; values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class Start(Strict):
    year: Annotated[int, Field(ge=1900, le=2200)]
    quarter: Annotated[int, Field(ge=1, le=4)]


class Where(Strict):
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


class BonusModel(Strict):
    when: Raw = []
    add: Annotated[float, Field(ge=-100, le=100)]


class CapitalModel(Strict):
    start: Annotated[int, Field(ge=0, le=100)]
    cap: Annotated[int, Field(ge=1, le=100)]
    income: Annotated[int, Field(ge=0, le=50)]
    bonuses: list[BonusModel] = []


class TrackModel(Strict):
    id: Id
    min: int
    max: int
    start: int


class AutonomyModel(Strict):
    rate: Annotated[float, Field(gt=0.0, le=1.0)]
    low: Annotated[float, Field(ge=0.0, lt=1.0)]
    high: Annotated[float, Field(gt=0.0, le=1.0)]
    weights: dict[str, Annotated[float, Field(gt=0)]]


class RatingModel(Strict):
    id: Id
    min_score: Annotated[float, Field(ge=0, le=100)]


class Meters(Strict):
    security: Annotated[int, Field(ge=1, le=100)]
    prosperity: Annotated[int, Field(ge=1, le=100)]
    autonomy: Annotated[int, Field(ge=1, le=100)]


class Files(Strict):
    actors: list[str] = ["actors.yaml"]
    actions: list[str] = ["actions.yaml"]
    rules: list[str] = ["rules.yaml"]
    events: list[str] | None = None
    loc: dict[Literal["ja", "en"], list[str]] = {"ja": ["loc/ja.yaml"], "en": ["loc/en.yaml"]}


class ScenarioModel(Strict):
    id: Id
    format: Literal[1]
    turns: Annotated[int, Field(ge=1, le=200)]
    start: Start
    player: Where
    meters: Meters
    capital: CapitalModel
    categories: list[Id]
    tracks: list[TrackModel] = []
    partners: list[Id]
    dependencies: dict[Id, dict[Id, Percent]]
    autonomy: AutonomyModel
    max_crises: Annotated[int, Field(ge=0, le=10)] = 2
    ratings: list[RatingModel]
    questions: list[Id] = []
    files: Files = Files()


class ActorModel(Strict):
    id: Id
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    role: Role
    relation: Signed
    stance: Signed
    inset: bool = False


class ActionModel(Strict):
    id: Id
    category: Id
    cost: Annotated[int, Field(ge=0, le=50)]
    cooldown: Annotated[int, Field(ge=1, le=40)] = 1
    targets: list[Id] = []
    tags: list[Id] = []
    requires: Raw = []
    effects: Raw
    odds: Chance | None = None
    odds_modifiers: list[BonusModel] = []
    on_failure: Raw = []


class RuleModel(Strict):
    id: Id
    for_each: list[Id] = []
    when: Raw = []
    effects: Raw


class FollowUpModel(Strict):
    event: Id
    after: Annotated[int, Field(ge=1, le=40)]


class ChoiceModel(Strict):
    id: Id
    cost: Annotated[int, Field(ge=0, le=50)] = 0
    requires: Raw = []
    effects: Raw = []
    odds: Chance | None = None
    odds_modifiers: list[BonusModel] = []
    on_failure: Raw = []
    follow_up: list[FollowUpModel] = []
    tags: list[Id] = []
    weight: Annotated[float, Field(ge=0, le=100)] = 1.0


class TriggerModel(Strict):
    window: Annotated[list[Annotated[int, Field(ge=1, le=200)]], Field(min_length=2, max_length=2)] | None = None
    when: Raw = []
    chance: Chance = 1.0
    chance_modifiers: list[BonusModel] = []
    once: bool = False
    cooldown: Annotated[int, Field(ge=0, le=200)] = 0
    max_times: Annotated[int, Field(ge=0, le=200)] = 0
    group: Id | None = None


class OngoingModel(Strict):
    each_turn: Raw = []
    until: Raw = []
    max_turns: Annotated[int, Field(ge=0, le=200)] = 0


class EventModel(Strict):
    id: Id
    phase: Literal["news", "crisis"] = "crisis"
    trigger: TriggerModel = TriggerModel()
    immediate: Raw = []
    choices: Annotated[list[ChoiceModel], Field(max_length=4)] = []
    default: Id | None = None
    rare: bool = False
    hidden: bool = False
    ongoing: OngoingModel | None = None


ITEMS = list[dict[str, Any]]
"""A content file: a list of mappings, each checked on its own so one bad item hides no other."""

LOC = dict[str, str]
"""A text file: keys to strings."""

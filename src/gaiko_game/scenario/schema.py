"""Pydantic models of the scenario files (format 2).

Conditions and effects stay raw here (``list[dict]``); :mod:`.params` checks them
against the plugin registry. Every model forbids unknown keys and is strict, so
``cost: "3"`` is a wrong type rather than a silent conversion. Field descriptions
become the modding reference (``gaiko docs``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from gaiko_game.core.model import METER_ICONS

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Raw = list[dict[str, Any]]
Percent = Annotated[int, Field(ge=0, le=100)]
Signed = Annotated[int, Field(ge=-100, le=100)]
Chance = Annotated[float, Field(ge=0.0, le=1.0)]
Role = Literal["ally", "partner", "neutral", "rival"]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
Tags = list[Id]
FORMAT = 2


def D(text: str, **kw: Any) -> Any:  # noqa: N802 - reads as a declaration
    """A field with a description (and any constraints)."""
    return Field(description=text, **kw)


class Strict(BaseModel):
    """Unknown keys are errors; values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class Start(Strict):
    year: int = D("year of turn 1", ge=1900, le=2200)
    quarter: int = D("quarter of turn 1 (1–4); each turn is one quarter", ge=1, le=4)


class PlayerModel(Strict):
    id: Id = D("the player's country: its name is the text `actor.<id>`; no actor may have the same id")
    lat: float = D("latitude of the player's marker on the map", ge=-90, le=90)
    lon: float = D("longitude of the player's marker", ge=-180, le=180)


class MeterModel(Strict):
    id: Id = D("meter id; its names are `meter.<id>` and `meter.<id>.desc`")
    start: int = D("value at the start (a meter runs 0–100)", ge=1, le=100)
    colour: Colour = D("colour of its bar and curve, as `\"#rrggbb\"` (quote it)")
    at_zero: Id = D("the ending when it falls to 0, which ends the game at once; "
                    "its names are `ending.<id>` and `ending.<id>.desc`")
    icon: Literal[METER_ICONS] = D(  # type: ignore[valid-type]
        "the picture beside its name, so shape as well as colour tells the meters apart: one of "
        + ", ".join(f"`{i}`" for i in METER_ICONS), default="generic")


class StanceModel(Strict):
    low: Id = D("the actor at −100 of the stance axis")
    high: Id = D("the actor at +100 of the stance axis; the text `stance.name` names the axis")


class CapabilityModel(Strict):
    track: Id = D("a track of the player's own capability (its place between the track's min and max counts)")
    weight: float = D("its share of the meter's target; diversification has the rest", gt=0.0, lt=1.0)
    assumption: Id | None = D("the assumption it encodes (switched off, the target is diversification's alone)",
                              default=None)


class DiversificationModel(Strict):
    meter: Id = D("the meter that follows how diversified dependence is")
    rate: float = D("share of the gap to the target closed each turn", gt=0.0, le=1.0)
    low: float = D("diversification (0–1) that maps to a target of 0", ge=0.0, lt=1.0)
    high: float = D("diversification (0–1) that maps to a target of 100", gt=0.0, le=1.0)
    weights: dict[str, Annotated[float, Field(gt=0)]] = D(
        "weight of each dependency kind. Diversification is the weighted mean over kinds of 1 − HHI of the "
        "shares (the sum of squared shares), normalised so that equal shares give 1; the target is "
        "100 × (diversification − low) / (high − low), kept within 0–100")
    capability: CapabilityModel | None = D(
        "the player's own capability counting toward the target too: target = (1 − weight) × the diversification "
        "target + weight × 100 × the track's place in its range (left out: diversification alone)", default=None)


class BoxModel(Strict):
    west: float = D("western edge, degrees of longitude", ge=-360, le=360)
    east: float = D("eastern edge (may pass 180 for a region across the date line)", ge=-360, le=360)
    south: float = D("southern edge, degrees of latitude", ge=-85, le=85)
    north: float = D("northern edge", ge=-85, le=85)


class DisputedModel(Strict):
    id: Id = D("area id; the text `disputed.<id>` is shown on hover and should give every side's position")
    country: str = D("the map country that draws the area, by its name in the map")
    box: BoxModel = D("rings of that country lying wholly inside this box are drawn as the disputed area")


class MapModel(Strict):
    bounds: BoxModel = D("the region shown; actors outside it are drawn as insets at the map's edge")
    geometry: str | None = D("a map file in the scenario folder, in the bundled world map's format "
                             "(default: the bundled low-resolution world map)", default=None)
    countries: dict[Id, str] = D("which map country each actor (and the player) colours, by its name in the map "
                                 "(docs/modding/map-countries.md lists the bundled map's names)", default={})
    disputed: list[DisputedModel] = D("areas drawn apart from any country, with every side's position",
                                      default=[])


class StrategyTagsModel(Strict):
    alliance: Tags = D("tags of moves that invest in the alliance with the main ally", default=[])
    rival: Tags = D("tags of moves that lean towards the main rival", default=[])
    partners: Tags = D("tags of partnerships with third countries (diversification)", default=[])
    economic_security: Tags = D("tags of economic-security and technology moves", default=[])
    dialogue: Tags = D("tags of dialogue with the rival", default=[])
    multilateral: Tags = D("tags of multilateral frameworks", default=[])
    military: Tags = D("tags of military moves (the rival-leaning strategy avoids them)", default=[])


class BonusModel(Strict):
    when: Raw = D("conditions that must hold", default=[])
    add: float = D("amount added while they hold", ge=-100, le=100)
    assumption: Id | None = D("the assumption this encodes: `gaiko lab --without ID` plays without it", default=None)


class AssumptionModel(Strict):
    id: Id = D("assumption id: its texts are `assumption.<id>` (the claim, one line), `assumption.<id>.source` "
               "(where it comes from) and `assumption.<id>.counter` (the strongest counter-argument)")


class CapitalModel(Strict):
    start: int = D("Diplomatic Capital before turn 1's income", ge=0, le=100)
    cap: int = D("the most capital that can be held; income above it is lost", ge=1, le=100)
    income: int = D("capital gained at the start of every turn", ge=0, le=50)
    bonuses: list[BonusModel] = D("income added while conditions hold (e.g. prosperity bands)", default=[])


class TrackModel(Strict):
    id: Id = D("track id, e.g. `tension`")
    min: int = D("lowest value")
    max: int = D("highest value")
    start: int = D("value at the start")


class RatingModel(Strict):
    id: Id = D("rating id; its names are `rating.<id>` and `rating.<id>.desc`")
    min_score: float = D("lowest final score that earns it", ge=0, le=100)


class WeightingModel(Strict):
    id: Id = D("weighting id; its names are `weighting.<id>` and `weighting.<id>.desc`")
    weights: dict[Id, Annotated[float, Field(gt=0, le=10)]] = D(
        "each meter's weight in the final score's geometric mean, by meter id (left out: 1)", default={})


class MinistryModel(Strict):
    id: Id = D("ministry id; its texts are `ministry.<id>` (its name) and `ministry.<id>.brief` (what it looks after)")
    focus: list[Id] = D("what its advice weighs: meter ids, and `capital` for Diplomatic Capital kept", min_length=1)


class PresetModel(Strict):
    id: Id = D("preset id; its texts are `preset.<id>` and `preset.<id>.desc`")
    turns: int = D("the turns the class plays (the game's score is taken after the last)", ge=1, le=200)
    minutes: float = D("minutes on the clock for each turn", gt=0, le=60)
    debrief: int = D("minutes kept for the debrief at the end (shown to the teacher; the clock does not enforce "
                     "it)", default=15, ge=0, le=120)
    difficulty: Id | None = D("the difficulty every team plays (left out: the scenario's default)", default=None)
    weighting: Id | None = D("the one score weighting of the whole class (left out: the scenario's first)",
                             default=None)


class ClassroomModel(Strict):
    ministries: Annotated[list[MinistryModel], Field(min_length=2, max_length=6)] = D(
        "the roles a team's students hold, each with the focus of its advice; a team of two or three holds the "
        "first ones")
    presets: Annotated[list[PresetModel], Field(min_length=1)] = D(
        "ways to fit a class period (turns, minutes a turn, debrief); the first is the default of `gaiko class`")


class DifficultyModel(Strict):
    id: Id = D("difficulty id; its names are `difficulty.<id>` and `difficulty.<id>.desc`")
    meters: dict[Id, Annotated[int, Field(ge=-50, le=50)]] = D("added to the starting meters, by meter id",
                                                               default={})
    capital: int = D("added to the starting Diplomatic Capital", default=0, ge=-20, le=20)
    income: int = D("added to the income every turn", default=0, ge=-5, le=5)
    crisis_chance: float = D("multiplies every crisis's chance per turn (certain triggers stay certain)",
                             default=1.0, ge=0.0, le=5.0)
    drift: float = D("multiplies how fast relations drift back to their baselines (`drift` effects)",
                     default=1.0, ge=0.0, le=5.0)
    move_chance: float = D("multiplies the chance of every other actor's move (their agendas)",
                           default=1.0, ge=0.0, le=5.0)


class EndingModel(Strict):
    id: Id = D("ending id; its names are `ending.<id>` and `ending.<id>.desc`")
    when: Raw = D("conditions that end the game with this ending at the end of a turn (left out: only an "
                  "`end_game` effect ends it)", default=[])
    effects: Raw = D("its consequences, applied as the game ends with it (they reach the final score)", default=[])
    assumption: Id | None = D("the assumption this ending encodes (see `assumptions`)", default=None)


class LabelModel(Strict):
    id: Id = D("label id; its texts are `label.<id>` (a name) and `label.<id>.desc` (what it means)")
    turns: dict[Literal["alliance", "rival", "partners", "economic_security", "dialogue", "multilateral", "military"],
                Annotated[float, Field(ge=0, le=1)]] = D(
        "the least share of turns (0–1) in which the player took an action in each role or had a standing "
        "programme in it in force, the roles as `strategy_tags` maps them", default={})
    breadth: int = D("the least number of different actors the player engaged over the game", default=0, ge=0, le=200)
    engaged: dict[Id, Annotated[float, Field(ge=0, le=1)]] = D(
        "the least share of turns (0–1) in which the player engaged each listed actor (an action naming it or "
        "raising the relation with it, or a standing programme doing so)", default={})
    kept: Raw = D("conditions on numbers (meters, tracks, relations, dependence) that must have held all game: a "
                  "`min` is checked against the lowest value reached, a `max` against the highest", default=[])


class RepetitionModel(Strict):
    memory: int = D("how many turns back a use of an action counts (1: this turn only)", ge=1, le=40)
    step: float = D("the share of an action's gains each recent use takes off", gt=0.0, le=1.0)
    floor: float = D("the least share of its gains an action keeps", ge=0.0, le=1.0)


class GuideModel(Strict):
    id: Id = D("guide prompt id; its text is `guide.<id>`")
    turn: int = D("the turn at whose start it is shown", ge=1, le=200)


class Files(Strict):
    actors: list[str] = D("actor files (not globbed: list every file)", default=["actors.yaml"])
    actions: list[str] = D("action files (not globbed: list every file)", default=["actions.yaml"])
    rules: list[str] = D("world-rule files (not globbed: list every file)", default=["rules.yaml"])
    agendas: list[str] = D("the other actors' agendas (not globbed: list every file)", default=[])
    events: list[str] | None = D("event files (default: every `events/*.yaml`)", default=None)
    loc: dict[Literal["ja", "en"], list[str]] = D("text files per language",
                                                  default={"ja": ["loc/ja.yaml"], "en": ["loc/en.yaml"]})


class ScenarioModel(Strict):
    id: Id = D("scenario id")
    format: Literal[2] = D("scenario format version")
    turns: int = D("number of turns", ge=1, le=200)
    start: Start = D("date of turn 1")
    player: PlayerModel = D("the country the player leads")
    meters: Annotated[list[MeterModel], Field(min_length=2, max_length=5)] = D(
        "the scores kept 0–100 (two to five); the final score is their geometric mean")
    capital: CapitalModel = D("Diplomatic Capital: start, cap, income")
    categories: list[Id] = D("action categories, in the order the player sees them")
    tracks: list[TrackModel] = D("ladders such as a tension ladder; names `track.<id>` and `.desc`", default=[])
    stance: StanceModel = D("the axis every actor's stance lies on (−100..100), named by the text `stance.name`")
    partners: list[Id] = D("dependency partners (shares are kept per partner)")
    dependencies: dict[Id, dict[Id, Percent]] = D("starting shares per kind, each kind adding up to 100")
    diversification: DiversificationModel | None = D("how a meter follows diversification (none: no meter does)",
                                                     default=None)
    map: MapModel = D("the map's region, which country each actor colours, disputed areas")
    strategy_tags: StrategyTagsModel = D(
        "which tags mean what to the built-in strategies and the debrief's strategy label", default=StrategyTagsModel())
    tutorial: Id | None = D("the id of a bundled scenario that teaches this one (offered on the title screen)",
                            default=None)
    max_crises: int = D("most crises dealt in one turn (follow-ups always come)", default=2, ge=0, le=10)
    labels: list[LabelModel] = D("the debrief's strategy labels, from what the player did; the first that fits is "
                                 "given, and the last must ask for nothing (the label of play that fits none)",
                                 default=[])
    assumptions: list[AssumptionModel] = D("the causal claims the scenario's rules encode, each switchable off in the "
                                           "balance lab (`gaiko lab --without ID`) and shown to teachers", default=[])
    endings: list[EndingModel] = D("endings besides the meters': checked at the end of each turn after the meters, "
                                   "in order", default=[])
    repetition: RepetitionModel | None = D("repeating an action yields less: each use in the last `memory` turns "
                                           "takes `step` off its gains, down to `floor` (left out: never)",
                                           default=None)
    ratings: list[RatingModel] = D("named bands of final score")
    weightings: list[WeightingModel] = D("ways to weigh the score a player (or a teacher, for a class) may choose "
                                         "before a game; the debrief shows the result under each, and the first is "
                                         "the one ratings and benchmarks use", default=[])
    questions: list[Id] = D("discussion questions for the debrief, `question.<id>`", default=[])
    difficulties: list[DifficultyModel] = D("difficulty levels to choose from at a new campaign", default=[])
    default_difficulty: Id = D("the level a new campaign starts at unless the player picks another",
                               default="standard")
    guide: list[GuideModel] = D("prompts shown at the start of given turns (tutorials)", default=[])
    classroom: ClassroomModel | None = D("how a class plays it with `gaiko class`: ministries and period presets "
                                         "(left out: one role per meter and one preset of every turn)", default=None)
    files: Files = D("which files hold the content", default=Files())


class ActorModel(Strict):
    id: Id = D("actor id")
    lat: float = D("latitude (the capital's, or the map anchor's)", ge=-90, le=90)
    lon: float = D("longitude", ge=-180, le=180)
    role: Role = D("role towards the player")
    relation: Signed = D("starting relation with the player, −100..100")
    stance: Signed = D("starting place on the stance axis, −100 (`stance.low`) .. +100 (`stance.high`)")
    inset: bool = D("drawn as an inset at the map's edge", default=False)
    baseline: Signed | None = D("the relation it drifts back to without engagement (`drift` effects); "
                                "its starting relation when left out", default=None)


class CommitmentModel(Strict):
    upkeep: int = D("Diplomatic Capital charged at the start of every later turn; unpaid, the programme lapses",
                    default=0, ge=0, le=20)
    each_turn: Raw = D("effects applied in the world phase of every turn it is in force (the turn it starts too)",
                       default=[])
    on_end: Raw = D("effects when it ends, withdrawn or lapsed (what breaking a commitment costs)", default=[])


class ActionModel(Strict):
    id: Id = D("action id")
    category: Id = D("one of the scenario's categories")
    cost: int = D("Diplomatic Capital it costs", ge=0, le=50)
    cooldown: int = D("turns before it can be taken again (1 = next turn)", default=1, ge=1, le=40)
    targets: list[Id] = D("actors the player chooses between; `target` in effects names the choice", default=[])
    tags: list[Id] = D("what kind of move it is: `played` conditions read tags (their names are `tag.<id>`), and "
                       "the built-in strategies read the tags mapped in `strategy_tags`; the category is a tag too",
                       default=[])
    requires: Raw = D("conditions for it to be available", default=[])
    effects: Raw = D("effects on success")
    odds: Chance | None = D("chance of success (none = certain)", default=None)
    odds_modifiers: list[BonusModel] = D("added to the odds while conditions hold", default=[])
    on_failure: Raw = D("effects when the roll fails", default=[])
    commitment: CommitmentModel | None = D("makes the action start a standing programme: in force until the player "
                                           "withdraws it or cannot pay its upkeep (it cannot be taken again meanwhile)",
                                           default=None)


class RuleModel(Strict):
    id: Id = D("rule id; `rule.<id>` names it as a cause")
    for_each: list[Id] = D("repeat the rule per actor, `each` standing for that actor", default=[])
    when: Raw = D("conditions; none means every turn", default=[])
    effects: Raw = D("effects applied in the world phase while the conditions hold")
    assumption: Id | None = D("the assumption this rule encodes: `gaiko lab --without ID` plays without it",
                              default=None)


class MoveModel(Strict):
    id: Id = D("move id, unique among moves and events (`fired` conditions read it); its text is `move.<id>` "
               "(what the actor did, one line) and `move.<id>.desc`")
    chance: Chance = D("chance per turn once its conditions hold", default=0.1)
    likelier: list[BonusModel] = D("added to the chance while conditions hold: what makes the move likelier "
                                   "(shown as its reasons when it happens)", default=[])
    when: Raw = D("conditions that must all hold for the move to be possible", default=[])
    window: Annotated[list[Annotated[int, Field(ge=1, le=200)]], Field(min_length=2, max_length=2)] | None = D(
        "first and last turn it may happen", default=None)
    cooldown: int = D("turns before it may happen again", default=2, ge=0, le=200)
    max_times: int = D("happens at most this many times (0 = no limit)", default=0, ge=0, le=200)
    effects: Raw = D("what the move does")
    assumption: Id | None = D("the assumption this move encodes: `gaiko lab --without ID` plays without it",
                              default=None)
    rare: bool = D("may legitimately never happen in 1,000 games of random play (say why in a comment)",
                   default=False)


class AgendaModel(Strict):
    actor: Id = D("the actor whose agenda this is; it makes at most one move a turn, in the world phase")
    moves: Annotated[list[MoveModel], Field(min_length=1, max_length=40)] = D(
        "its possible moves: each turn every possible move draws its chance, and of those that come up the deal "
        "picks one")


class FollowUpModel(Strict):
    event: Id = D("event to queue")
    after: int = D("turns later", ge=1, le=40)


class ChoiceModel(Strict):
    id: Id = D("choice id, unique in its event")
    cost: int = D("Diplomatic Capital it costs", default=0, ge=0, le=50)
    requires: Raw = D("conditions; unmet, the choice is shown greyed with the reason", default=[])
    effects: Raw = D("effects (on success when it has odds)", default=[])
    odds: Chance | None = D("chance of success, shown before choosing", default=None)
    odds_modifiers: list[BonusModel] = D("added to the odds while conditions hold", default=[])
    on_failure: Raw = D("effects when the roll fails", default=[])
    follow_up: list[FollowUpModel] = D("events queued by this choice (a chain): at most 3, each event once", default=[])
    tags: list[Id] = D("what kind of answer it is (the built-in strategies read the tags mapped in `strategy_tags`)",
                       default=[])
    weight: float = D("how likely a weighted policy is to pick it", default=1.0, ge=0, le=100)


class TriggerModel(Strict):
    window: Annotated[list[Annotated[int, Field(ge=1, le=200)]], Field(min_length=2, max_length=2)] | None = D(
        "first and last turn it may fire", default=None)
    when: Raw = D("conditions that must all hold", default=[])
    chance: Chance = D("chance per turn once eligible", default=1.0)
    chance_modifiers: list[BonusModel] = D("added to the chance while conditions hold", default=[])
    once: bool = D("fires at most once per game", default=False)
    cooldown: int = D("turns before it may fire again", default=0, ge=0, le=200)
    max_times: int = D("fires at most this many times (0 = no limit)", default=0, ge=0, le=200)
    group: Id | None = D("at most one event of a group fires in a turn", default=None)


class OngoingModel(Strict):
    each_turn: Raw = D("effects at the end of every turn while the situation lasts", default=[])
    until: Raw = D("the situation ends at the end of a turn where these all hold", default=[])
    max_turns: int = D("and in any case after this many turns (0 = no limit)", default=0, ge=0, le=200)


class EventModel(Strict):
    id: Id = D("event id")
    phase: Literal["news", "crisis"] = D("news events fire at the turn's start and have no choices",
                                         default="crisis")
    trigger: TriggerModel = D("when it may fire", default=TriggerModel())
    immediate: Raw = D("effects when it fires, before any choice", default=[])
    choices: Annotated[list[ChoiceModel], Field(max_length=4)] = D("2–4 answers (none for news)", default=[])
    default: Id | None = D("the choice taken when nobody answers in time (free, unconditional)", default=None)
    rare: bool = D("may legitimately never fire in 1,000 random games", default=False)
    hidden: bool = D("acts on the world without being announced (no choices)", default=False)
    opportunity: bool = D("an opening rather than a threat (hosting a summit, an invitation): announced as an "
                          "opportunity, not a crisis", default=False)
    ongoing: OngoingModel | None = D("makes it a situation that persists after firing", default=None)


ITEMS = list[dict[str, Any]]
"""A content file: a list of mappings, each checked on its own so one bad item hides no other."""

LOC = dict[str, str]
"""A text file: keys to strings."""

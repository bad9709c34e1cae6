"""What the debrief shows, as data: curves over the turns, what the player's decisions did and what the world did,
the strategy played, and how reference players scored on the same seed.

Every change in the ledger belongs to one of three groups (:func:`attribute`):

- **yours**: traced to one decision of the player — an action taken on a turn, or one answer to one crisis — with
  everything that followed from it in the ledger: its later pieces (delayed, or spread over turns), the standing
  programme it started (each turn's effects, upkeep, what ending it cost) and the timed modifiers it set;
- **steady**: the world rules that hold every turn of every game whatever anyone does (a rule with no conditions:
  "global competition and an aging society"). They are the same each game, so the debrief shows them briefly, apart;
- **standing**: what the position the player built brought, though no single decision: the world rules that answer
  the board (a partner's dividend, an alliance's confidence or doubts) and the pull of diversified dependence. A
  player who spent the game widening partnerships sees autonomy's rise here, not under "the world";
- **world**: the rest — other countries' moves, events and situations.

A decision is as consequential as the points it moved the meters by, each change counted whatever its sign
(:attr:`Decided.weight`): a crisis answer that cost 3 Prosperity and bought 3 Security moved 6.

"What moved the meters most" used to list every cause together, and the constant drifts (−1 a turn for 24 turns)
filled it in every game alike. It now splits each meter's change between the three groups (:func:`splits`), lists
the world's largest causes and the player's own (each summed over the game: an action taken eight times counts as
one cause there, and as eight decisions in the ranking above), and gives steady pressure one line of its own.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from gaiko_game.core import Cause, Change, Choose, EndTurn, Game, Order, Scenario
from gaiko_game.core.compiled import compiled
from gaiko_game.core.model import STRATEGY_ROLES
from gaiko_game.core.plugins import Condition, Plan
from gaiko_game.scenario.bundled import scenarios_root
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.players import make_policy, strategy_path
from gaiko_game.session.policies import Policy, play_turn
from gaiko_game.session.seeding import stream
from gaiko_game.session.strategy import BadStrategy, load_strategy


def series(game: Game) -> dict[str, list[int]]:
    """Each meter and Diplomatic Capital at the end of every turn played."""
    out: dict[str, list[int]] = {m: [r.meters[m] for r in game.reports] for m in game.scenario.meter_ids()}
    out["capital"] = [r.capital for r in game.reports]
    return out


def start_values(game: Game) -> dict[str, int]:
    """Each meter as the game began: where its first change found it (its value now, if it never changed)."""
    out = {m: game.view.number(f"meter.{m}") for m in game.scenario.meter_ids()}
    seen: set[str] = set()
    for ch in game.ledger:
        if ch.key.startswith("meter.") and ch.key not in seen:
            seen.add(ch.key)
            out[ch.key[6:]] = ch.before
    return out


def largest_causes(game: Game, n: int = 6, group: str | tuple[str, ...] | None = None,
                   traced: Attribution | None = None) -> list[tuple[Cause, str, int]]:
    """The causes that moved the meters most over the game, as (cause, meter, net change); ``group`` keeps only
    the changes of those groups (``yours``, ``standing``, ``world`` or ``steady``: see :func:`attribute`)."""
    kept = (traced or attribute(game)).groups() if group is not None else None
    wanted = (group,) if isinstance(group, str) else group
    totals: Counter[tuple[Cause, str]] = Counter()
    for i, ch in enumerate(game.ledger):
        if ch.key.startswith("meter.") and (kept is None or wanted is None or kept[i] in wanted):
            totals[(ch.cause._replace(note=""), ch.key[6:])] += ch.delta
    ranked = sorted(((k, d) for k, d in totals.items() if d), key=lambda kv: (-abs(kv[1]), kv[0][1], kv[0][0]))
    return [(cause, meter, delta) for (cause, meter), delta in ranked[:n]]


# ── what the player's decisions did ──────────────────────────────────────
YOURS = frozenset({"action", "action_failed", "choice", "choice_failed", "commitment", "withdrawn", "lapsed",
                   "upkeep"})
"""The cause kinds of the player's own decisions (a ``modifier`` is theirs when a decision of theirs set it)."""
_PIECES = ("action", "action_failed", "choice", "choice_failed")
"""Kinds whose effects may land in pieces over several turns (delayed, or spread with ``over``)."""
_PROGRAMME = ("commitment", "withdrawn", "lapsed", "upkeep")


@dataclass(frozen=True)
class Decided:
    """One decision — an action taken on a turn (with its target), or one answer to one crisis — and every change
    the ledger traces to it."""

    turn: int
    action: str
    """The action taken ("" for a crisis answer)."""
    target: str | None
    choice: str
    """``event.choice`` for a crisis answer ("" for an action)."""
    changes: tuple[Change, ...] = ()

    @property
    def weight(self) -> int:
        """How consequential it was: the points it moved the meters by, each change counted whatever its sign."""
        return sum(abs(c.delta) for c in self.changes if c.key.startswith("meter."))

    def net(self, meters: list[str], later: bool | None = None) -> dict[str, int]:
        """Its net change to each of ``meters`` it moved, in that order (``later``: only on the turn it was made,
        False, or only after, True)."""
        out = {m: sum(c.delta for c in self.changes if c.key == f"meter.{m}" and (later is None or
                                                                                 (c.turn > self.turn) == later))
               for m in meters}
        return {m: d for m, d in out.items() if d}

    @property
    def in_force(self) -> int:
        """The turns a standing programme it started was in force (0 for anything else)."""
        return len({c.turn for c in self.changes if c.cause.kind == "commitment"})

    @property
    def later(self) -> int:
        """The points it moved the meters by after the turn it was made (later pieces, a programme's turns)."""
        return sum(abs(c.delta) for c in self.changes if c.key.startswith("meter.") and c.turn > self.turn)


@dataclass(frozen=True)
class Attribution:
    """Every decision of a game with its changes, and for each ledger entry the decision it belongs to (-1: none)."""

    decided: tuple[Decided, ...]
    owner: tuple[int, ...]
    steady: tuple[bool, ...]
    """For each ledger entry: made by a world rule that holds whatever anyone does."""

    standing: tuple[bool, ...] = ()
    """For each ledger entry: made by a rule that answers the board, or by the pull of diversification."""

    def groups(self) -> list[str]:
        """Each ledger entry's group: ``yours``, ``steady``, ``standing`` or ``world``."""
        standing = self.standing or (False,) * len(self.owner)
        return ["yours" if o >= 0 else "steady" if s else "standing" if b else "world"
                for o, s, b in zip(self.owner, self.steady, standing, strict=True)]

    def consequential(self, n: int = 3) -> list[Decided]:
        """The ``n`` decisions that moved the meters most (earliest first among equals), none that moved nothing."""
        ranked = sorted((d for d in self.decided if d.weight), key=lambda d: -d.weight)
        return ranked[:n]


def decisions_made(game: Game) -> list[tuple[int, str, str | None, str]]:
    """Each decision as (turn, action, target, choice), in the order made: a turn's actions, then its crisis answers
    (a turn's answers come after its end, before the next turn's first action)."""
    made: list[tuple[int, str, str | None, str]] = []
    turn = 1
    for d in game.history:
        if isinstance(d, EndTurn):
            turn += 1
        elif isinstance(d, Order):
            made.append((turn, d.action, d.target, ""))
    made += [(f.turn, "", None, f"{f.event}.{f.choice}") for f in game.fired if f.choice]
    return sorted(made, key=lambda m: m[0])


def attribute(game: Game) -> Attribution:
    """Trace every ledger entry to the decision it came from, if it came from one.

    An action's or answer's own effects go to that decision, their later pieces too: each lands at a known turn
    and the world applies them in the order they were scheduled, so a piece goes to the decision whose plan has it
    due then (the decision made that turn first for actions, which act before the world does; last for answers,
    given after it). A programme's each-turn effects, upkeep and ending cost go to the action that started it, a
    timed modifier's to the decision that set it — each time to the latest such decision at or before the change.
    """
    sc, made = game.scenario, decisions_made(game)
    index: dict[tuple[str, str], list[int]] = {}
    for i, (_, action, target, choice) in enumerate(made):
        keys = [("choice", choice)] if choice else [("order", f"{action}>{target or ''}"), ("action", action)]
        for key in keys:
            index.setdefault(key, []).append(i)
    due = _due(game, made)
    owner: list[int] = []
    for ch in game.ledger:
        owner.append(_owner(ch, made, index, due))
    changes: list[list[Change]] = [[] for _ in made]
    for ch, o in zip(game.ledger, owner, strict=True):
        if o >= 0:
            changes[o].append(ch)
    steady = {r.id for r in sc.rules if not r.when}
    return Attribution(tuple(Decided(t, a, tg, c, tuple(changes[i])) for i, (t, a, tg, c) in enumerate(made)),
                       tuple(owner), tuple(ch.cause.kind == "rule" and ch.cause.id in steady for ch in game.ledger),
                       tuple(ch.cause.kind == "diversification" or (ch.cause.kind == "rule" and ch.cause.id not in steady)
                             for ch in game.ledger))


def _plan(sc: Scenario, action: str, choice: str, failed: bool) -> Plan:
    if choice:
        event, _, answer = choice.partition(".")
        ev = sc.event(event)
        c = ev.choice(answer) if ev is not None else None
        return () if c is None else c.failure_plan if failed else c.success_plan
    a = sc.action(action)
    return () if a is None else a.failure_plan if failed else a.success_plan


def _due(game: Game, made: list[tuple[int, str, str | None, str]]) -> list[Counter[tuple[int, str]]]:
    """For each decision, the pieces of its plan still to land, as (turn, number) counts (a rolled decision's plan
    is the one its roll chose)."""
    rolls = Counter((r.turn, r.cause) for r in game.rolls if not r.success)
    out = []
    for turn, action, target, choice in made:
        cause = Cause("choice", choice) if choice else Cause("action", action, target or "")
        failed = rolls[(turn, cause)] > 0
        if failed:
            rolls[(turn, cause)] -= 1
        out.append(Counter((turn + off, eff.plain_key) for off, eff in _plan(game.scenario, action, choice, failed)
                           if eff.plain_key))
    return out


def _owner(ch: Change, made: list[tuple[int, str, str | None, str]], index: dict[tuple[str, str], list[int]],
           due: list[Counter[tuple[int, str]]]) -> int:
    kind, ident, note = ch.cause
    if kind in ("action", "action_failed"):
        found = index.get(("order", f"{ident}>{note}"), [])
    elif kind in ("choice", "choice_failed"):
        found = index.get(("choice", ident), [])
    elif kind in _PROGRAMME:
        found = index.get(("action", ident), [])
    elif kind == "modifier":
        found = index.get(("choice", note)) or index.get(("action", note)) or []
    else:
        return -1
    found = [i for i in found if made[i][0] <= ch.turn]
    if not found:
        return -1
    if kind in _PIECES:
        now = [i for i in found if made[i][0] == ch.turn]
        before = [i for i in found if made[i][0] < ch.turn]
        for i in (now + before if kind.startswith("action") else before + now):
            if due[i][(ch.turn, ch.key)] > 0:
                due[i][(ch.turn, ch.key)] -= 1
                return i
    return found[-1]


@dataclass(frozen=True)
class Split:
    """A meter over the game: where it started and ended, and the net change of each group of causes."""

    meter: str
    start: int
    end: int
    yours: int
    world: int
    steady: int
    standing: int = 0


def splits(game: Game, traced: Attribution | None = None) -> list[Split]:
    """Each meter's change over the game, split between the player's decisions, the standing they built, the world,
    and steady pressure."""
    groups, start = (traced or attribute(game)).groups(), start_values(game)
    out = []
    for m in game.scenario.meter_ids():
        key, sums = f"meter.{m}", Counter[str]()
        for ch, g in zip(game.ledger, groups, strict=True):
            if ch.key == key:
                sums[g] += ch.delta
        out.append(Split(m, start[m], game.view.number(key), sums["yours"], sums["world"], sums["steady"],
                         sums["standing"]))
    return out


@dataclass(frozen=True)
class Behaviour:
    """What the player did over a game, as the debrief's labels read it.

    ``turns``: for each role the scenario maps (``strategy_tags``), the share of turns played in which the
    player took an action in that role or had a standing programme in it in force; ``engaged``: the actors
    engaged at least once; ``lowest``/``highest``: each number's extremes over the game, its start included.
    """

    turns: dict[str, float]
    engaged: frozenset[str]
    lowest: dict[str, int]
    highest: dict[str, int]
    engaged_turns: dict[str, float]
    """For each actor, the share of turns in which the player engaged it."""


def behaviour(game: Game) -> Behaviour:
    """What the player did: moves by role and turn, actors engaged, the range each number went through."""
    sc = game.scenario
    roles = {r: sc.tags_for(r) for r in STRATEGY_ROLES}
    turns_with: dict[str, set[int]] = {r: set() for r in roles}
    engaging: dict[str, set[int]] = {}
    for turn, tags, actors in _moves(game):
        for role, wanted in roles.items():
            if tags & wanted:
                turns_with[role].add(turn)
        for actor in actors:
            engaging.setdefault(actor, set()).add(turn)
    played = max(1, len(game.reports))
    lowest: dict[str, int] = {}
    highest: dict[str, int] = {}
    for c in game.ledger:
        for value in (c.before, c.after):
            if c.key not in lowest or value < lowest[c.key]:
                lowest[c.key] = value
            if c.key not in highest or value > highest[c.key]:
                highest[c.key] = value
    return Behaviour({r: len(t) / played for r, t in turns_with.items()},
                     frozenset(a for a in (x.id for x in sc.actors) if game.view.last_engaged(a) is not None),
                     lowest, highest, {a: len(t) / played for a, t in engaging.items()})


def _moves(game: Game) -> list[tuple[int, frozenset[str], tuple[str, ...]]]:
    """Each move the player chose, with its turn, its tags and the actors it engaged: the actions taken, and every
    turn a standing programme was in force (crisis answers are left out: a player who lets time run out still
    gets one)."""
    sc, out = game.scenario, []
    engages = compiled(sc).engages
    turn, ended = 1, False
    for d in game.history:
        if isinstance(d, Choose):  # a turn's crisis answers come after its end
            continue
        if ended:
            turn, ended = turn + 1, False
        if isinstance(d, EndTurn):
            ended = True
        elif isinstance(d, Order) and (action := sc.action(d.action)) is not None:
            out.append((turn, action.tags, engages.get((d.action, d.target), ())))
    active: set[str] = set()
    for report in game.reports:
        for action_id, how in report.programmes:
            (active.add if how == "started" else active.discard)(action_id)
        out += [(report.turn, a.tags, engages.get((f"programme:{a.id}", None), ()))
                for a in (sc.action(x) for x in sorted(active)) if a is not None]
    return out


def kept(b: Behaviour, c: Condition, now: int) -> bool:
    """Whether a condition on one number held all game: its ``min`` against the lowest value, ``max`` the highest
    (``now``: the number's value, for a number that never changed)."""
    key = getattr(c, "fixed_key", "")
    lo, hi = getattr(c, "min", None), getattr(c, "max", None)
    return (lo is None or b.lowest.get(key, now) >= lo) and (hi is None or b.highest.get(key, now) <= hi)


def label(game: Game, b: Behaviour | None = None) -> str | None:
    """The first of the scenario's labels that what the player did fits (None when it declares none)."""
    b = b or behaviour(game)
    for lab in game.scenario.labels:
        if any(b.turns.get(role, 0.0) < share for role, share in lab.turns) or len(b.engaged) < lab.breadth:
            continue
        if any(b.engaged_turns.get(actor, 0.0) < share for actor, share in lab.engaged):
            continue
        if all(kept(b, c, game.view.number(getattr(c, "fixed_key", ""))) for c in lab.kept):
            return lab.id
    return None


# ── benchmarks: reference players on the same seed ───────────────────────
BENCHMARKS = ("hedge", "alliance_first", "engagement_alliance", "equidistance", "partners_only", "rival_lean",
              "do_nothing", "lookahead")
"""The players the debrief compares a campaign with: the shipped strategy families and the look-ahead advisor."""


@dataclass(frozen=True)
class Benchmark:
    """How one reference player did on a campaign's seed and difficulty (as ``gaiko simulate`` plays it)."""

    player: str
    names: dict[str, str]
    """Its name by language (empty for the advisor, which the interface names)."""
    descriptions: dict[str, str]
    score: float
    rating: str
    ending: str


_KEPT: dict[tuple[str, str, int, str], dict[str, Benchmark]] = {}
"""Finished benchmarks by scenario, content, seed and difficulty: a what-if on the same seed shows them at once."""
_KEEP = 8


def scenario_folder(source: Source) -> Path | None:
    """The folder a campaign's scenario was loaded from (where its own strategy files are), when known."""
    if source.folder:
        return Path(source.folder)
    return scenarios_root() / source.bundled if source.bundled else None


@dataclass
class _Playing:
    player: str
    game: Game
    policy: Policy
    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)


class Benchmarks:
    """The reference players on one campaign's seed and difficulty, each in a fresh campaign of its own.

    The strategy files play a whole game in a few milliseconds (:meth:`quick`); the advisor looks ahead and takes
    about half a second, so :meth:`step` plays it a turn at a time (a window spreads it over frames). A player the
    scenario cannot run (a strategy naming roles it lacks) is left out.
    """

    def __init__(self, campaign: Campaign, players: tuple[str, ...] = BENCHMARKS) -> None:
        sc, level = campaign.scenario, campaign.game.difficulty.id
        self.key = (sc.id, sc.content_hash, campaign.seed, level)
        self.players = players
        if self.key not in _KEPT and len(_KEPT) >= _KEEP:  # a long session keeps the latest few campaigns' only
            del _KEPT[next(iter(_KEPT))]
        self.done: dict[str, Benchmark] = _KEPT.setdefault(self.key, {})
        self._playing: list[_Playing] = []
        folder = scenario_folder(campaign.source)
        for name in players:
            if name in self.done:
                continue
            try:
                policy = make_policy(name, stream(campaign.seed, "policy"), sc, folder)
                strategy = None if name == "lookahead" else load_strategy(strategy_path(name, folder), sc)
            except BadStrategy:
                continue
            game = Campaign.new(sc, campaign.source, campaign.seed, level, undo=False, explain=False).game
            names = {lang: sc.loc.get(lang, {}).get(f"strategy.{name}") or text  # the scenario's name first, as the lab
                     for lang, text in (strategy.names if strategy else {}).items()}
            self._playing.append(_Playing(name, game, policy, names, strategy.descriptions if strategy else {}))

    @property
    def finished(self) -> bool:
        """Whether every player has played its game."""
        return not self._playing

    def playing(self) -> list[tuple[str, int, int]]:
        """The players still playing, as (player, turns played, turns in all)."""
        return [(p.player, len(p.game.reports), p.game.scenario.turns) for p in self._playing]

    def results(self) -> list[Benchmark]:
        """The finished players, in the order asked for."""
        return [self.done[p] for p in self.players if p in self.done]

    def quick(self) -> None:
        """Play every strategy file's game to its end (the advisor's is left to :meth:`step`)."""
        for p in [p for p in self._playing if p.player != "lookahead"]:
            while not p.game.is_over:
                play_turn(p.game, p.policy)
            self._finish(p)

    def step(self, budget: float) -> bool:
        """Play turns, at least one, until ``budget`` seconds have passed or every game is over; whether all are."""
        until = time.perf_counter() + budget
        while self._playing:
            p = self._playing[0]
            play_turn(p.game, p.policy)
            if p.game.is_over:
                self._finish(p)
            if time.perf_counter() >= until:
                break
        return self.finished

    def _finish(self, p: _Playing) -> None:
        out = p.game.outcome()
        assert out is not None
        self.done[p.player] = Benchmark(p.player, p.names, p.descriptions, out.score, out.rating, out.ending)
        self._playing.remove(p)

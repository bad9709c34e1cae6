"""The game: OpenSpiel's shape with python-chess's ergonomics.

A turn runs News → Actions (``apply``) → Crises (``end_turn``, ``choose``) → World → Score.
The turn's crises are dealt with the news and announced at once (:attr:`Game.announced`), so the
player plans their capital knowing them; they are answered after the actions. A roll, once seen,
is final: :meth:`Game.undo` never goes back past one, nor past the end of a turn.
Every decision is logged in ``history``; a game is rebuilt from the scenario, its
randomness and that log. ``Game`` owns its board: readers use :attr:`Game.view`, and
the only ways to change a game are the decisions below, so the history is always whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from gaiko_game.core import acts
from gaiko_game.core import turn as phases
from gaiko_game.core.board import Board
from gaiko_game.core.conditions import holds
from gaiko_game.core.decisions import Choose, Deal, Decision, EndTurn, Order, Veto, Withdraw
from gaiko_game.core.errors import IllegalAction, IllegalChoice, IllegalDeal, NothingToUndo, WrongPhase
from gaiko_game.core.ledger import Change
from gaiko_game.core.model import ActionDef, DifficultyDef, EventDef, Odds, Scenario
from gaiko_game.core.plugins import Condition
from gaiko_game.core.preview import Preview, preview, with_world
from gaiko_game.core.reactions import MoveOdds, move_odds, world_now
from gaiko_game.core.report import Fired, Outcome, Roll, TurnReport, rating_of, score_of
from gaiko_game.core.rng import DICE_SIDES, Randomness
from gaiko_game.core.state import Phase, State
from gaiko_game.core.text import Msg, Name, Sentences
from gaiko_game.core.view import View

_Snapshot = tuple[State, tuple[int, int, int, int, int], int]
_END_TURN = EndTurn()


def initial_state(sc: Scenario, randomness: Randomness, level: DifficultyDef) -> State:
    """The state before turn 1's news, at a difficulty."""
    return State(rolls=randomness.rolls.copy(), deck=randomness.deck, nums=starting_numbers(sc, level))


def starting_numbers(sc: Scenario, level: DifficultyDef) -> dict[str, int]:
    """Every number of the game before turn 1's news, at a difficulty: meters, capital, relations, stances,
    tracks and dependence (what a printed kit's sheets start from, too)."""
    extra = dict(level.meters)
    nums = {f"meter.{m.id}": max(1, min(100, m.start + extra.get(m.id, 0))) for m in sc.meters}
    nums["capital"] = max(0, min(sc.capital_cap, sc.capital_start + level.capital))
    for a in sc.actors:
        nums[f"relation.{a.id}"] = a.relation
        nums[f"stance.{a.id}"] = a.stance
    for t in sc.tracks:
        nums[f"track.{t.id}"] = t.start
    for kind, shares in sc.dependencies:
        for partner, v in shares:
            nums[f"dep.{kind}.{partner}"] = v
    return nums


class Game:
    """One game of a scenario, from its randomness, at a difficulty."""

    def __init__(self, scenario: Scenario, randomness: Randomness, *, difficulty: str | None = None,
                 undo: bool = True, explain: bool = True) -> None:
        """Start a game at a difficulty (the scenario's default when None).

        ``undo=False`` keeps no undo stack (for simulations, which never take moves back);
        ``explain=False`` records no reason for the events that fire (for batch simulations, whose
        reports nobody reads: the game plays exactly the same, about 15% faster).
        Raises :class:`~gaiko_game.core.errors.UnknownDifficulty` for a level the scenario lacks.
        """
        level = scenario.difficulty(difficulty)
        board = Board(scenario, initial_state(scenario, randomness, level), level)
        board.explain = explain
        self._setup(scenario, level, undo, board)
        phases.news(self._b, level)

    def _setup(self, scenario: Scenario, level: DifficultyDef, undo: bool, board: Board) -> None:
        self.scenario = scenario
        self.difficulty = level
        self.keeps_undo = undo
        self.history: list[Decision] = []
        self.reports: list[TurnReport] = []
        self._b = board
        self._t = board.tables
        self._undo: list[_Snapshot] = []
        self._changes = 0
        """Raised by every decision and undo: what the cached world phase of :meth:`_world_now` is keyed on."""
        self._world: tuple[int, object] = (-1, None)

    def _world_now(self) -> object:
        """The world phase if the turn ended now with no decision, computed once per state (every preview of a
        menu compares with it)."""
        if self._world[0] != self._changes:
            self._world = (self._changes, world_now(self._b))
        return self._world[1]

    # ── reading ──────────────────────────────────────────────────────────
    @property
    def turn(self) -> int:
        """The current turn, 1-based."""
        return self._b.state.turn

    @property
    def phase(self) -> Phase:
        """Actions, crisis or over."""
        return self._b.state.phase

    @property
    def is_over(self) -> bool:
        """Whether the game has ended."""
        return self._b.state.phase is Phase.OVER

    @property
    def view(self) -> View:
        """The state as readers see it (meters, capital, relations, shares, cooldowns…)."""
        return View(self._b)

    @property
    def ledger(self) -> Sequence[Change]:
        """Every change to every number so far, with its cause, in order."""
        return self._b.ledger

    @property
    def fired(self) -> Sequence[Fired]:
        """Every event that fired, why, and the answer given."""
        return self._b.fired

    @property
    def rolls(self) -> Sequence[Roll]:
        """Every roll made, with its odds and result."""
        return self._b.rolls

    def holds(self, conditions: tuple[Condition, ...], target: str | None = None) -> bool:
        """Whether every condition holds now (a strategy's ``when``; ``target`` stands for ``actor: target``)."""
        return holds(conditions, self._b.state, target)

    def fingerprint(self) -> tuple[object, ...]:
        """A value equal to another game's exactly when the two games are in the same position."""
        return self._b.state.fingerprint()

    # ── actions ──────────────────────────────────────────────────────────
    def legal_actions(self) -> list[Order]:
        """Every order that ``apply`` would accept now, in scenario order."""
        s = self._b.state
        if s.phase is not Phase.ACTIONS:
            return []
        capital, turn, ready, committed = s.nums["capital"], s.turn, s.cooldowns, s.commitments
        out: list[Order] = []
        for action_id, cost, tests, options in self._t.menu:  # this runs for every action on every decision
            if cost > capital or ready.get(action_id, 0) > turn or action_id in committed:
                continue
            if not tests:
                out += options
                continue
            for order in options:
                target = order.target
                for test in tests:
                    if not test(s, target):
                        break
                else:
                    out.append(order)
        return out

    def reasons(self, order: Order) -> tuple[Msg, ...]:
        """Every reason ``order`` cannot be taken now; empty when it can."""
        s = self._b.state
        if s.phase is not Phase.ACTIONS:
            return (Msg.of("refuse.over" if s.phase is Phase.OVER else "refuse.phase_actions"),)
        shape = self._shape_reason(order)
        if shape is not None:
            return (shape,)
        a = self._t.actions[order.action]
        out: list[Msg] = []
        if a.id in s.commitments:
            out.append(Msg.of("refuse.committed", since=s.commitments[a.id]))
        if s.cooldowns.get(a.id, 0) > s.turn:
            left = s.cooldowns[a.id] - s.turn
            out.append(Msg.of("refuse.cooldown_one" if left == 1 else "refuse.cooldown", turns=left))
        if a.cost > s.nums["capital"]:
            out.append(Msg.of("refuse.capital", cost=a.cost, have=s.nums["capital"]))
        failing = tuple(c.explain(s, order.target) for c in a.requires if not c.test(s, order.target))
        if failing:
            out.append(Msg.of("refuse.requires", inner=failing))
        return tuple(out)

    def explain_illegal(self, order: Order) -> Msg | None:
        """Why ``order`` cannot be taken now (every reason, as one message), or None when it can."""
        return _one_message(self.reasons(order))

    def _shape_reason(self, order: Order) -> Msg | None:
        """Why ``order`` names no action of this scenario, or a target the action does not take."""
        a = self._t.actions.get(order.action)
        if a is None:
            return Msg.of("refuse.unknown_action", action=order.action)
        if a.targets and order.target not in a.targets:
            return Msg.of("refuse.target", action=Name(f"action.{a.id}.name"), targets="/".join(a.targets))
        if not a.targets and order.target is not None:
            return Msg.of("refuse.no_target", action=Name(f"action.{a.id}.name"))
        return None

    def odds(self, order: Order) -> float | None:
        """The chance that ``order`` succeeds now, after modifiers, or None when success is certain."""
        a = self._t.actions.get(order.action)
        return None if a is None else self._odds(a.odds, order.target)

    def _odds(self, odds: Odds | None, target: str | None) -> float | None:
        return acts.chance(self._b, odds, target)

    def preview(self, order: Order, world: bool = True) -> Preview:
        """What ``order`` would change now and later, its odds, how the world would react at the end of this turn (see
        ``core.reactions``; left out with ``world=False``, which is much cheaper), and why it is unavailable if it is.

        An order naming no action, or a wrong target, is refused with :class:`IllegalAction`, as ``apply`` does.
        """
        shape = self._shape_reason(order)
        if shape is not None:
            raise IllegalAction(shape, self.scenario.loc)
        a = self._t.actions[order.action]
        repeats = self.repeats(a.id)
        p = preview(self._b, a, self._odds(a.odds, order.target), order.target, self.reasons(order),
                    self._t.repeated(self.scenario, a, repeats), repeats)
        if not world:
            return p
        return with_world(p, self._b, lambda b, success: acts.take(b, a, order.target, success), self._world_now())

    def _allowed(self, order: Order) -> ActionDef | None:
        """The order's action when it may be taken now (the cheap check; :meth:`reasons` says why not)."""
        s = self._b.state
        a = self._t.actions.get(order.action)
        if a is None or s.phase is not Phase.ACTIONS or a.cost > s.nums["capital"] or s.cooldowns.get(a.id, 0) > s.turn:
            return None
        if a.id in s.commitments:
            return None
        if (order.target not in a.targets) if a.targets else order.target is not None:
            return None
        for c in a.requires:
            if not c.test(s, order.target):
                return None
        return a

    def apply(self, order: Order) -> list[Change]:
        """Take an action; raises :class:`IllegalAction` with every reason when it is not allowed."""
        a = self._allowed(order)
        if a is None:
            raise IllegalAction(self.explain_illegal(order) or Msg.of("refuse.phase_actions"), self.scenario.loc)
        if order.roll is not None:
            self._check_dice(order.roll, self._odds(a.odds, order.target), Name(f"action.{a.id}.name"), IllegalAction)
        mark = self._push(order)
        acts.take(self._b, a, order.target, dice=order.roll)
        return self._b.ledger[mark:]

    def _check_dice(self, roll: int, p: float | None, item: Name, error: type[IllegalAction] | type[IllegalChoice]) -> None:
        """Refuse a real roll out of range, or for a decision that cannot fail (no dice are rolled for it)."""
        if not 1 <= roll <= DICE_SIDES:
            raise error(Msg.of("refuse.dice_range", roll=roll), self.scenario.loc)
        if p is None:
            raise error(Msg.of("refuse.dice_certain", item=item), self.scenario.loc)

    # ── standing programmes ──────────────────────────────────────────────
    def withdrawals(self) -> list[Withdraw]:
        """Every standing programme the player may end now (those in force, during the action phase)."""
        s = self._b.state
        return [Withdraw(a) for a in s.commitments] if s.phase is Phase.ACTIONS else []

    def withdraw(self, action_id: str) -> list[Change]:
        """End a standing programme: its upkeep and its effects stop, and ending it costs what it says."""
        s = self._b.state
        if s.phase is not Phase.ACTIONS:
            raise WrongPhase(Msg.of("refuse.over" if self.is_over else "refuse.phase_actions"), self.scenario.loc)
        if action_id not in s.commitments:
            raise IllegalAction(Msg.of("refuse.not_committed", action=Name(f"action.{action_id}.name")
                                       if action_id in self._t.actions else action_id), self.scenario.loc)
        mark = self._push(Withdraw(action_id))
        self._b.end_programme(action_id, "withdrawn")
        return self._b.ledger[mark:]

    def repeats(self, action_id: str) -> int:
        """How many times the action was taken in the scenario's repetition memory (what makes it yield less)."""
        return acts.repeats(self._b, action_id)

    def deal(self, event_id: str) -> None:
        """Deal an event by hand (a facilitator's move): it fires at once; a crisis joins this turn's headline."""
        s = self._b.state
        if s.phase is not Phase.ACTIONS:
            raise WrongPhase(Msg.of("refuse.over" if s.phase is Phase.OVER else "refuse.phase_actions"),
                             self.scenario.loc)
        ev = self._t.events.get(event_id)
        if ev is None:
            raise IllegalDeal(Msg.of("refuse.unknown_event", event=event_id), self.scenario.loc)
        if phases.spent(self._b, ev) or event_id in s.pending:
            raise IllegalDeal(Msg.of("refuse.event_spent", event=Name(f"event.{ev.id}.title")), self.scenario.loc)
        self._push(Deal(event_id))
        phases.deal_now(self._b, ev)

    def agenda_odds(self) -> tuple[MoveOdds, ...]:
        """Every other actor's move that may come up at the end of this turn, with its chance if the player ended
        the turn now (what a teacher may reveal to a class)."""
        return move_odds(self._b)

    def veto(self, event_id: str) -> None:
        """Take an announced crisis off this turn's headline (a facilitator's move): it is not put to the player
        and its answer never happens; what it did when it broke stays done."""
        s = self._b.state
        if s.phase is not Phase.ACTIONS:
            raise WrongPhase(Msg.of("refuse.over" if s.phase is Phase.OVER else "refuse.phase_actions"),
                             self.scenario.loc)
        if event_id not in s.pending:
            raise IllegalDeal(Msg.of("refuse.not_pending", event=event_id), self.scenario.loc)
        self._push(Veto(event_id))
        s.pending.remove(event_id)

    # ── crises ───────────────────────────────────────────────────────────
    @property
    def announced(self) -> tuple[EventDef, ...]:
        """This turn's crises still to answer: dealt with the news, answered after the actions (the headline)."""
        s = self._b.state
        return tuple(self._t.events[e] for e in s.pending) if s.phase is not Phase.OVER else ()

    @property
    def pending_crisis(self) -> EventDef | None:
        """The crisis waiting for an answer, if any."""
        s = self._b.state
        return self._t.events[s.pending[0]] if s.phase is Phase.CRISIS and s.pending else None

    def choice_reasons(self, choice_id: str) -> tuple[Msg, ...]:
        """Every reason a choice cannot be taken for the pending crisis; empty when it can."""
        ev = self.pending_crisis
        if ev is None:
            return (Msg.of("refuse.over" if self.is_over else "refuse.phase_crisis"),)
        c = ev.choice(choice_id)
        if c is None:
            return (Msg.of("refuse.unknown_choice", event=Name(f"event.{ev.id}.title"), choice=choice_id),)
        s = self._b.state
        out: list[Msg] = []
        if c.cost > s.nums["capital"]:
            out.append(Msg.of("refuse.capital", cost=c.cost, have=s.nums["capital"]))
        failing = tuple(r.explain(s, None) for r in c.requires if not r.test(s, None))
        if failing:
            out.append(Msg.of("refuse.requires", inner=failing))
        return tuple(out)

    def explain_choice(self, choice_id: str) -> Msg | None:
        """Why a choice cannot be taken for the pending crisis (every reason), or None when it can."""
        return _one_message(self.choice_reasons(choice_id))

    def legal_choices(self) -> list[str]:
        """The ids of the choices the pending crisis accepts now."""
        ev = self.pending_crisis
        if ev is None:
            return []
        s = self._b.state
        capital = s.nums["capital"]
        return [c.id for c in ev.choices if c.cost <= capital and holds(c.requires, s, None)]

    def default_choice(self) -> str | None:
        """The choice taken when a crisis is not answered in time."""
        ev = self.pending_crisis
        if ev is None:
            return None
        legal = self.legal_choices()
        return ev.default if ev.default in legal else (legal[0] if legal else None)

    def preview_answer(self, event_id: str, choice_id: str) -> Preview:
        """What an answer to one of this turn's announced crises would change, and how the world would react, on
        today's numbers (it is chosen after the actions, so what the player does first can still change it)."""
        ev = next((e for e in self.announced if e.id == event_id), None)
        c = ev.choice(choice_id) if ev else None
        if ev is None or c is None:
            raise IllegalChoice(Msg.of("refuse.not_announced", event=event_id, choice=choice_id), self.scenario.loc)
        return with_world(preview(self._b, c, self._odds(c.odds, None), None), self._b,
                          lambda b, success: acts.answer(b, ev, c, success), self._world_now())

    def preview_choice(self, choice_id: str, world: bool = True) -> Preview:
        """What a choice of the pending crisis would change, its odds, how the world would react, and why it is
        unavailable if it is."""
        ev = self.pending_crisis
        c = ev.choice(choice_id) if ev else None
        if ev is None or c is None:
            raise IllegalChoice(self.explain_choice(choice_id) or Msg.of("refuse.phase_crisis"), self.scenario.loc)
        p = preview(self._b, c, self._odds(c.odds, None), None, self.choice_reasons(choice_id))
        if not world:
            return p
        return with_world(p, self._b,
                          lambda b, success: acts.answer(b, ev, c, success), self._world_now())

    def end_turn(self) -> TurnReport | None:
        """End the action phase: answer the announced crises, then (when none waits) run the world and score.

        Returns the turn's report, or None while a crisis waits for :meth:`choose`.
        """
        s = self._b.state
        if s.phase is not Phase.ACTIONS:
            raise WrongPhase(Msg.of("refuse.over" if self.is_over else "refuse.phase_actions"), self.scenario.loc)
        self._push(_END_TURN)
        if s.pending:
            s.phase = Phase.CRISIS
            return None
        return self._finish_turn()

    def choose(self, choice_id: str, roll: int | None = None) -> TurnReport | None:
        """Answer the pending crisis; returns the turn's report once no crisis waits. ``roll`` is a real dice roll
        for the answer's odds (see :class:`~gaiko_game.core.decisions.Order`)."""
        reason = self.explain_choice(choice_id)
        if reason is not None:
            cls = WrongPhase if self.pending_crisis is None else IllegalChoice
            raise cls(reason, self.scenario.loc)
        ev = self.pending_crisis
        assert ev is not None
        c = ev.choice(choice_id)
        assert c is not None
        if roll is not None:
            self._check_dice(roll, self._odds(c.odds, None), Name(f"event.{ev.id}.choice.{c.id}"), IllegalChoice)
        self._push(Choose(choice_id, roll))
        acts.answer(self._b, ev, c, dice=roll)
        s = self._b.state
        s.pending.pop(0)
        if s.pending:
            return None
        s.phase = Phase.ACTIONS
        return self._finish_turn()

    def choose_default(self) -> TurnReport | None:
        """Answer the pending crisis with its default choice (when time runs out)."""
        choice = self.default_choice()
        if choice is None:
            raise WrongPhase(Msg.of("refuse.over" if self.is_over else "refuse.phase_crisis"), self.scenario.loc)
        return self.choose(choice)

    def play(self, decision: Decision) -> None:
        """Apply any logged decision (replays use this)."""
        if isinstance(decision, Order):
            self.apply(decision)
        elif isinstance(decision, EndTurn):
            self.end_turn()
        elif isinstance(decision, Deal):
            self.deal(decision.event)
        elif isinstance(decision, Veto):
            self.veto(decision.event)
        elif isinstance(decision, Withdraw):
            self.withdraw(decision.action)
        else:
            self.choose(decision.choice, decision.roll)

    def outcome(self) -> Outcome | None:
        """How the game ended, or None while it goes on."""
        s = self._b.state
        if s.phase is not Phase.OVER or s.ending is None:
            return None
        meters = self.view.meters()
        score = score_of(meters)
        return Outcome(s.ending, score, rating_of(self.scenario, score), len(self.reports), meters)

    # ── branching ────────────────────────────────────────────────────────
    def clone(self, resample: Randomness | None = None, explain: bool | None = None) -> Game:
        """An independent game at the same point, with the same history and undo stack.

        With ``resample``, the copy's future draws (deck and rolls) come from that randomness
        instead, so a lookahead samples possible futures without peeking at this game's.
        ``explain`` (None: as this game) says whether the copy records why events fire.
        """
        g = object.__new__(Game)
        board = self._b.copy()
        if explain is not None:
            board.explain = explain
        if resample is not None:
            board.state.rolls = resample.rolls.copy()
            board.state.deck = resample.deck
        g._setup(self.scenario, self.difficulty, self.keeps_undo, board)
        g.history = self.history.copy()
        g.reports = self.reports.copy()
        g._undo = self._undo.copy()
        return g

    def can_undo(self) -> Msg | None:
        """Why the last decision cannot be taken back (None when it can): a roll was seen, or a turn ended."""
        if not self.keeps_undo:
            return Msg.of("refuse.undo_off")
        if not self._undo:
            return Msg.of("refuse.undo_none")
        state, marks, _ = self._undo[-1]
        if state.turn != self._b.state.turn or self._b.state.phase is Phase.OVER:
            return Msg.of("refuse.undo_turn")
        if len(self._b.rolls) > marks[3]:
            return Msg.of("refuse.undo_roll")
        return None

    def undo(self) -> Decision:
        """Take back the last decision and return it (never past a roll or the end of a turn)."""
        reason = self.can_undo()
        if reason is not None:
            raise NothingToUndo(reason, self.scenario.loc)
        state, marks, n_reports = self._undo.pop()
        self._changes += 1
        self._b.state = state.copy()
        self._b.cut(marks)
        del self.reports[n_reports:]
        return self.history.pop()

    # ── internals ────────────────────────────────────────────────────────
    def _push(self, decision: Decision) -> int:
        b = self._b
        self._changes += 1
        if self.keeps_undo:
            self._undo.append((b.state.copy(), b.marks(), len(self.reports)))
        self.history.append(decision)
        return len(b.ledger)

    def _finish_turn(self) -> TurnReport:
        b, s = self._b, self._b.state
        phases.world_phase(b)
        s.ending = phases.ending(b)
        if s.ending is not None:
            phases.consequences(b, s.ending)
        report = TurnReport(
            turn=s.turn,
            changes=tuple(b.ledger[s.report_from:]),
            fired=_this_turn(b.fired, s.turn),
            rolls=_this_turn(b.rolls, s.turn),
            ended=_ended(b.ended, s.turn),
            programmes=tuple((a, how) for t, a, how in b.programmes if t == s.turn),
            meters={m: s.nums[key] for m, key in self._t.meter_keys},
            capital=s.nums["capital"],
        )
        self.reports.append(report)
        if s.ending is not None:
            s.phase = Phase.OVER
        else:
            s.turn += 1
            s.played.clear()
            phases.news(b, self.difficulty)
        return report


_E = TypeVar("_E", Fired, Roll)


def _this_turn(entries: list[_E], turn: int) -> tuple[_E, ...]:
    """The entries of ``turn`` at the end of a list kept in turn order."""
    i = len(entries)
    while i and entries[i - 1].turn == turn:
        i -= 1
    return tuple(entries[i:])


def _ended(ended: list[tuple[int, str]], turn: int) -> tuple[str, ...]:
    """The situations that ended on ``turn`` (kept in turn order at the end of the list)."""
    i = len(ended)
    while i and ended[i - 1][0] == turn:
        i -= 1
    return tuple(e for _, e in ended[i:])


def _one_message(reasons: tuple[Msg, ...]) -> Msg | None:
    if not reasons:
        return None
    return reasons[0] if len(reasons) == 1 else Msg.of("refuse.many", inner=Sentences(reasons))

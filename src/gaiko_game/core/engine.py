"""The game: OpenSpiel's shape with python-chess's ergonomics.

A turn runs News → Actions (``apply``) → Crises (``end_turn``, ``choose``) →
World → Score. Every decision is logged in ``history``; a game is rebuilt from
the scenario, the seed and that log.
"""

from __future__ import annotations

from typing import TypeVar

from gaiko_game.core.board import Cause, Change, per_scenario
from gaiko_game.core.conditions import holds
from gaiko_game.core.decisions import Choose, Decision, EndTurn, Order
from gaiko_game.core.errors import IllegalAction, IllegalChoice, WrongPhase
from gaiko_game.core.model import STANDARD, ActionDef, ChoiceDef, DifficultyDef, EventDef, Odds, Scenario
from gaiko_game.core.preview import Preview, preview
from gaiko_game.core.report import Fired, Outcome, Roll, TurnReport, rating_of, score_of
from gaiko_game.core.rng import Pcg64
from gaiko_game.core.state import Phase, State
from gaiko_game.core.text import Msg, Name
from gaiko_game.core.world import World

_Snapshot = tuple[State, int, int, int, int, int]


def initial_state(sc: Scenario, rng: Pcg64, difficulty: DifficultyDef = STANDARD) -> State:
    """The state before turn 1's news, at a difficulty."""
    extra = dict(difficulty.meters)
    nums = {f"meter.{m}": max(1, min(100, v + extra.get(m, 0))) for m, v in sc.meters}
    nums["capital"] = max(0, min(sc.capital_cap, sc.capital_start + difficulty.capital))
    for a in sc.actors:
        nums[f"relation.{a.id}"] = a.relation
        nums[f"stance.{a.id}"] = a.stance
    for t in sc.tracks:
        nums[f"track.{t.id}"] = t.start
    for kind, shares in sc.dependencies:
        for partner, v in shares:
            nums[f"dep.{kind}.{partner}"] = v
    return State(rng=rng, nums=nums)


class Game(World):
    """One game of a scenario, from a seeded random stream."""

    def __init__(self, scenario: Scenario, rng: Pcg64, *, difficulty: str | None = None, undo: bool = True,
                 _state: State | None = None) -> None:
        """Start a game at a difficulty (the scenario's default when None).

        ``undo=False`` keeps no undo stack (for simulations, which never take moves back).
        """
        level = scenario.difficulty(difficulty)
        super().__init__(scenario, _state or initial_state(scenario, rng, level), level)
        self.keeps_undo = undo
        self.history: list[Decision] = []
        self.rolls: list[Roll] = []
        self.fired: list[Fired] = []
        self.reports: list[TurnReport] = []
        self._undo: list[_Snapshot] = []
        sc = scenario
        self._orders = per_scenario(sc, "orders", lambda: {(a.id, t): Order(a.id, t) for a in sc.actions
                                                            for t in (a.targets or (None,))})
        self._actions = per_scenario(sc, "actions", lambda: {a.id: a for a in sc.actions})
        self._causes = per_scenario(sc, "causes", lambda: {k: Cause("action", k[0], k[1] or "") for k in self._orders})
        if _state is None:
            self.news()

    # ── queries ──────────────────────────────────────────────────────────
    @property
    def turn(self) -> int:
        """The current turn, 1-based."""
        return self.state.turn

    @property
    def phase(self) -> Phase:
        """Actions, crisis or over."""
        return self.state.phase

    @property
    def is_over(self) -> bool:
        """Whether the game has ended."""
        return self.state.phase is Phase.OVER

    def meters(self) -> dict[str, int]:
        """The three meters now."""
        return {m: self.state.nums[f"meter.{m}"] for m, _ in self.scenario.meters}

    def legal_actions(self) -> list[Order]:
        """Every order that ``apply`` would accept now, in scenario order."""
        s = self.state
        if s.phase is not Phase.ACTIONS:
            return []
        capital, turn, ready, orders = s.nums["capital"], s.turn, s.cooldowns, self._orders
        out = []
        for a in self.scenario.actions:
            if a.cost > capital or ready.get(a.id, 0) > turn:
                continue
            for t in a.targets or (None,):
                for c in a.requires:
                    if not c.test(s, t):
                        break
                else:
                    out.append(orders[a.id, t])
        return out

    def explain_illegal(self, order: Order) -> Msg | None:
        """Why ``order`` cannot be taken now, or None when it can."""
        s = self.state
        if s.phase is not Phase.ACTIONS:
            return Msg.of("refuse.over" if s.phase is Phase.OVER else "refuse.phase_actions")
        a = self._actions.get(order.action)
        if a is None:
            return Msg.of("refuse.unknown_action", action=order.action)
        if a.targets and order.target not in a.targets:
            targets = "/".join(a.targets)
            return Msg.of("refuse.target", action=Name(f"action.{a.id}.name"), targets=targets)
        if not a.targets and order.target is not None:
            return Msg.of("refuse.no_target", action=Name(f"action.{a.id}.name"))
        if s.cooldowns.get(a.id, 0) > s.turn:
            return Msg.of("refuse.cooldown", turns=s.cooldowns[a.id] - s.turn)
        if a.cost > s.nums["capital"]:
            return Msg.of("refuse.capital", cost=a.cost, have=s.nums["capital"])
        for c in a.requires:
            if not c.test(s, order.target):
                failing = tuple(c.explain(s, order.target) for c in a.requires if not c.test(s, order.target))
                return Msg.of("refuse.requires", inner=failing)
        return None

    def odds(self, odds: Odds | None, target: str | None = None) -> float | None:
        """The chance of success now, after modifiers, or None when success is certain."""
        if odds is None:
            return None
        p = odds.base + sum(m.add for m in odds.modifiers if holds(m.when, self.state, target))
        return min(1.0, max(0.0, p))

    @property
    def pending_crisis(self) -> EventDef | None:
        """The crisis waiting for an answer, if any."""
        s = self.state
        return self._event_by_id[s.pending[0]] if s.phase is Phase.CRISIS and s.pending else None

    def explain_choice(self, choice_id: str) -> Msg | None:
        """Why a choice cannot be taken for the pending crisis, or None when it can."""
        ev = self.pending_crisis
        if ev is None:
            return Msg.of("refuse.over" if self.is_over else "refuse.phase_crisis")
        c = ev.choice(choice_id)
        if c is None:
            return Msg.of("refuse.unknown_choice", event=Name(f"event.{ev.id}.title"), choice=choice_id)
        if c.cost > self.state.nums["capital"]:
            return Msg.of("refuse.capital", cost=c.cost, have=self.state.nums["capital"])
        failing = tuple(r.explain(self.state, None) for r in c.requires if not r.test(self.state, None))
        return Msg.of("refuse.requires", inner=failing) if failing else None

    def legal_choices(self) -> list[str]:
        """The ids of the choices the pending crisis accepts now."""
        ev = self.pending_crisis
        if ev is None:
            return []
        s = self.state
        capital = s.nums["capital"]
        return [c.id for c in ev.choices if c.cost <= capital and (not c.requires or holds(c.requires, s, None))]

    def default_choice(self) -> str | None:
        """The choice taken when a crisis is not answered in time."""
        ev = self.pending_crisis
        if ev is None:
            return None
        legal = self.legal_choices()
        return ev.default if ev.default in legal else (legal[0] if legal else None)

    def played(self, tag: str) -> int:
        """How many actions carrying ``tag`` were taken this turn."""
        return self.state.played.get(f"tag:{tag}", 0)

    def preview(self, order: Order) -> Preview:
        """What ``order`` would change now and later, and its odds (legal or not)."""
        a = self._actions[order.action]
        return preview(self, a, self.odds(a.odds, order.target), order.target)

    def preview_choice(self, choice_id: str) -> Preview:
        """What a choice of the pending crisis would change, and its odds."""
        ev = self.pending_crisis
        c = ev.choice(choice_id) if ev else None
        if ev is None or c is None:
            raise IllegalChoice(self.explain_choice(choice_id) or Msg.of("refuse.phase_crisis"), self.scenario.loc)
        return preview(self, c, self.odds(c.odds))

    def outcome(self) -> Outcome | None:
        """How the game ended, or None while it goes on."""
        s = self.state
        if s.phase is not Phase.OVER or s.ending is None:
            return None
        meters = self.meters()
        score = score_of(meters)
        turns = len(self.reports)
        return Outcome(s.ending, score, rating_of(self.scenario, score), turns, meters)

    # ── decisions ────────────────────────────────────────────────────────
    def apply(self, order: Order) -> list[Change]:
        """Take an action; raises :class:`IllegalAction` with the reason when it is not allowed."""
        reason = self.explain_illegal(order)
        if reason is not None:
            raise IllegalAction(reason, self.scenario.loc)
        a = self._actions[order.action]
        mark = self._push(order)
        s = self.state
        cause = self._causes[order.action, order.target]
        self.add("capital", -a.cost, cause)
        s.cooldowns[a.id] = s.turn + a.cooldown
        played = s.played
        for key in a.played_keys:
            played[key] = played.get(key, 0) + 1
        if self._roll(a, cause, order.target):
            self.run(a.success_plan, cause, order.target)
        else:
            self.run(a.failure_plan, cause._replace(kind="action_failed"), order.target)
        return self.ledger[mark:]

    def end_turn(self) -> TurnReport | None:
        """End the action phase: deal crises, then (when none waits) run the world and score.

        Returns the turn's report, or None while a crisis waits for :meth:`choose`.
        """
        if self.state.phase is not Phase.ACTIONS:
            raise WrongPhase(Msg.of("refuse.over" if self.is_over else "refuse.phase_actions"), self.scenario.loc)
        self._push(_END_TURN)
        self.deal_crises()
        if self.state.pending:
            self.state.phase = Phase.CRISIS
            return None
        return self._finish_turn()

    def choose(self, choice_id: str) -> TurnReport | None:
        """Answer the pending crisis; returns the turn's report once no crisis waits."""
        reason = self.explain_choice(choice_id)
        if reason is not None:
            cls = WrongPhase if self.pending_crisis is None else IllegalChoice
            raise cls(reason, self.scenario.loc)
        ev = self.pending_crisis
        assert ev is not None
        c = ev.choice(choice_id)
        assert c is not None
        self._push(Choose(choice_id))
        self._resolve(ev, c)
        s = self.state
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
        else:
            self.choose(decision.choice)

    # ── branching ────────────────────────────────────────────────────────
    def clone(self) -> Game:
        """An independent game at the same point, with the same history and undo stack."""
        g = Game(self.scenario, self.state.rng, difficulty=self.difficulty.id, undo=self.keeps_undo,
                 _state=self.state.copy())
        g.ledger = self.ledger.copy()
        g.history = self.history.copy()
        g.rolls = self.rolls.copy()
        g.fired = self.fired.copy()
        g.reports = self.reports.copy()
        g.ended = self.ended.copy()
        g._undo = self._undo.copy()
        return g

    def undo(self) -> Decision:
        """Take back the last decision and return it."""
        if not self.keeps_undo:
            raise RuntimeError("this game was started with undo=False, so it keeps no undo stack")
        if not self._undo:
            raise IndexError("nothing to undo")
        state, n_ledger, n_rolls, n_fired, n_reports, n_ended = self._undo.pop()
        self.state = state.copy()
        del self.ledger[n_ledger:], self.rolls[n_rolls:], self.fired[n_fired:], self.reports[n_reports:]
        del self.ended[n_ended:]
        return self.history.pop()

    # ── internals ────────────────────────────────────────────────────────
    def _push(self, decision: Decision) -> int:
        mark = len(self.ledger)
        if self.keeps_undo:
            self._undo.append((self.state.copy(), mark, len(self.rolls), len(self.fired), len(self.reports),
                               len(self.ended)))
        self.history.append(decision)
        return mark

    def _roll(self, item: ActionDef | ChoiceDef, cause: Cause, target: str | None) -> bool:
        p = self.odds(item.odds, target)
        if p is None:
            return True
        success = self.state.rng.chance(p)
        self.rolls.append(Roll(self.state.turn, cause, p, success))
        return success

    def _resolve(self, ev: EventDef, c: ChoiceDef) -> None:
        s = self.state
        cause = Cause("choice", f"{ev.id}.{c.id}")
        self.add("capital", -c.cost, cause)
        s.chosen[ev.id] = c.id
        if self._roll(c, cause, None):
            self.run(c.success_plan, cause, None)
        else:
            self.run(c.failure_plan, cause._replace(kind="choice_failed"), None)
        for f in c.follow_ups:
            s.follow_ups.append((s.turn + f.after, f.event))
        for i in range(len(self.fired) - 1, -1, -1):
            if self.fired[i].event == ev.id and self.fired[i].choice is None:
                old = self.fired[i]
                self.fired[i] = Fired(old.turn, old.event, old.why, c.id, old.hidden)
                break

    def _finish_turn(self) -> TurnReport:
        s = self.state
        self.world_phase()
        meters = self.meters()
        if min(meters.values()) <= 0:
            s.ending = next(e for m, e in _COLLAPSE if meters[m] <= 0)
        elif s.turn >= self.scenario.turns:
            s.ending = "completed"
        report = TurnReport(
            turn=s.turn,
            changes=tuple(self.ledger[s.report_from :]),
            fired=_this_turn(self.fired, s.turn),
            rolls=_this_turn(self.rolls, s.turn),
            ended=tuple(e for _, e in _this_turn(self.ended, s.turn)),
            meters=meters,
            capital=s.nums["capital"],
        )
        self.reports.append(report)
        if s.ending is not None:
            s.phase = Phase.OVER
        else:
            s.turn += 1
            s.played.clear()
            self.news()
        return report


def _this_turn(entries: list[_T], turn: int) -> tuple[_T, ...]:
    """The entries of ``turn`` at the end of a list kept in turn order."""
    i = len(entries)
    while i and _turn_of(entries[i - 1]) == turn:
        i -= 1
    return tuple(entries[i:])


def _turn_of(entry: object) -> int:
    return entry[0] if isinstance(entry, tuple) else entry.turn  # type: ignore[attr-defined,no-any-return]


_T = TypeVar("_T")
_END_TURN = EndTurn()
_COLLAPSE = (("security", "security_collapse"), ("prosperity", "economic_crisis"), ("autonomy", "client_state"))

"""The phases the player does not decide: news, dealing crises, the world's reaction."""

from __future__ import annotations

from gaiko_game.core.board import Board, Cause
from gaiko_game.core.conditions import holds
from gaiko_game.core.model import EventDef, Scenario
from gaiko_game.core.report import Fired
from gaiko_game.core.state import State
from gaiko_game.core.text import Msg, Name


def round_half_away(x: float) -> int:
    """Round to the nearest whole number, halves away from zero (the same on every platform)."""
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def diversification(b: Board) -> float:
    """Weighted mean over dependency kinds of 1 − HHI, normalised to 0–1."""
    nums, total, weights = b.state.nums, 0.0, 0.0
    for kind, w in b.scenario.autonomy.weights:
        keys = b.share_keys[kind]
        whole = squares = 0
        for k in keys:
            v = nums[k]
            whole += v
            squares += v * v
        n = len(keys)
        if whole <= 0 or n < 2:
            continue
        total += w * (1.0 - squares / (whole * whole)) / (1.0 - 1.0 / n)
        weights += w
    return total / weights if weights else 0.0


def autonomy_target(b: Board) -> int:
    """Where autonomy is heading, 0–100: diversification mapped through the scenario's low/high."""
    a = b.scenario.autonomy
    frac = (diversification(b) - a.low) / (a.high - a.low)
    return round_half_away(100 * min(1.0, max(0.0, frac)))


class World(Board):
    """News, crises and world phases over a board; the engine's decisions drive them."""

    fired: list[Fired]

    def __init__(self, scenario: Scenario, state: State) -> None:
        super().__init__(scenario, state)
        self._rules = tuple((r.when, r.steps, Cause("rule", r.id)) for r in scenario.rules)
        self._event_by_id = {e.id: e for e in scenario.events}

    # ── news ─────────────────────────────────────────────────────────────
    def news(self) -> None:
        """Start a turn: Diplomatic Capital income, then news events."""
        s = self.state
        s.report_from = len(self.ledger)
        sc = self.scenario
        income = sc.income_base + sum(int(b.add) for b in sc.income_bonuses if holds(b.when, s))
        self.add("capital", income, Cause("income", "income"))
        groups: set[str] = set()
        for ev in sc.events:
            if ev.phase == "news":
                self._consider(ev, groups)

    # ── crises ───────────────────────────────────────────────────────────
    def deal_crises(self) -> None:
        """Fire due follow-ups, then every crisis whose trigger holds, up to the turn's limit."""
        s = self.state
        due = [e for t, e in s.follow_ups if t <= s.turn]
        s.follow_ups = [(t, e) for t, e in s.follow_ups if t > s.turn]
        dealt = 0
        groups: set[str] = set()
        for event_id in due:
            ev = self._event_by_id[event_id]
            self._fire(ev, Msg.of("fired.follow_up", event=Name(f"event.{self._origin(event_id)}.title")))
            dealt += bool(ev.choices)
            if ev.trigger.group:
                groups.add(ev.trigger.group)
        for ev in self.scenario.events:
            if dealt >= self.scenario.max_crises:
                break
            if ev.phase == "crisis" and ev.id not in s.pending and self._consider(ev, groups):
                dealt += bool(ev.choices)

    def _consider(self, ev: EventDef, groups: set[str]) -> bool:
        """Fire ``ev`` if its trigger holds and its group has not fired this turn."""
        group = ev.trigger.group
        if group is not None and group in groups:
            return False
        why = self._trigger(ev)
        if why is None:
            return False
        self._fire(ev, why)
        if group is not None:
            groups.add(group)
        return True

    def _origin(self, event_id: str) -> str:
        """The event whose choice queued ``event_id`` (for the report)."""
        for ev in self.scenario.events:
            for c in ev.choices:
                if any(f.event == event_id for f in c.follow_ups):
                    return ev.id
        return event_id

    def _trigger(self, ev: EventDef) -> Msg | None:
        """Why the event fires now, or None when it does not (may draw from the stream)."""
        s, t = self.state, ev.trigger
        if t.window is not None and not t.window[0] <= s.turn <= t.window[1]:
            return None
        count = s.fired_count.get(ev.id, 0)
        if (t.once and count) or (t.max_times and count >= t.max_times) or ev.id in s.situations:
            return None
        last = s.fired_last.get(ev.id)
        if last is not None and s.turn - last < max(t.cooldown, 1):
            return None
        if t.when and not holds(t.when, s):
            return None
        p = t.chance.base + sum(m.add for m in t.chance.modifiers if holds(m.when, s))
        if not s.rng.chance(p):
            return None
        reasons: list[Msg] = []
        if t.window is not None:
            reasons.append(Msg.of("fired.window", lo=t.window[0], hi=t.window[1]))
        if t.when:
            reasons.append(Msg.of("fired.when", inner=tuple(c.explain(s, None) for c in t.when)))
        if p < 1.0:
            reasons.append(Msg.of("fired.chance", p=round(max(p, 0.0) * 100)))
        return Msg.of("fired.because", inner=tuple(reasons) or (Msg.of("fired.always"),))

    def _fire(self, ev: EventDef, why: Msg) -> None:
        s = self.state
        s.fired_last[ev.id] = s.turn
        s.fired_count[ev.id] = s.fired_count.get(ev.id, 0) + 1
        self.fired.append(Fired(s.turn, ev.id, why, hidden=ev.hidden))
        self.run(ev.immediate_plan, Cause("event", ev.id), None)
        if ev.ongoing is not None:
            s.situations.setdefault(ev.id, s.turn)
        if ev.choices:
            s.pending.append(ev.id)

    # ── world ────────────────────────────────────────────────────────────
    def world_phase(self) -> None:
        """Delayed effects land, modifiers tick, world rules react, autonomy follows diversification."""
        s = self.state
        if s.delayed:
            due = [d for d in s.delayed if d[0] <= s.turn]
            s.delayed = [d for d in s.delayed if d[0] > s.turn]
            for _, eff, cause, target in due:
                eff.apply(self, cause, target)
        for mod_id, m in list(s.modifiers.items()):
            self.run(m.steps, m.cause, None)
            if s.turn + 1 >= m.until:
                del s.modifiers[mod_id]
        for when, steps, cause in self._rules:
            if not when or holds(when, s):
                self.run(steps, cause, None)
        if s.situations:
            self._situations()
        self._autonomy()

    def _situations(self) -> None:
        """Ongoing situations cost their each-turn effects, then end once their stop thresholds hold."""
        s = self.state
        for event_id, started in list(s.situations.items()):
            ongoing = self._event_by_id[event_id].ongoing
            assert ongoing is not None
            self.run(ongoing.steps, Cause("situation", event_id), None)
            lasted = s.turn - started + 1
            if (ongoing.until and holds(ongoing.until, s)) or (ongoing.max_turns and lasted >= ongoing.max_turns):
                self.end_situation(event_id)

    def diversification(self) -> float:
        """Weighted mean over dependency kinds of 1 − HHI, normalised to 0–1."""
        return diversification(self)

    def autonomy_target(self) -> int:
        """Where autonomy is heading, 0–100, from diversification."""
        return autonomy_target(self)

    def _autonomy(self) -> None:
        a = self.scenario.autonomy
        now = self.state.nums["meter.autonomy"]
        step = round_half_away(a.rate * (self.autonomy_target() - now))
        if step:
            self.add("meter.autonomy", step, Cause("autonomy", "diversification"))

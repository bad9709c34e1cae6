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


class World(Board):
    """News, crises and world phases over a board; the engine's decisions drive them."""

    fired: list[Fired]

    def __init__(self, scenario: Scenario, state: State) -> None:
        super().__init__(scenario, state)
        self._rules = tuple((r.when, r.steps, Cause("rule", r.id)) for r in scenario.rules)

    # ── news ─────────────────────────────────────────────────────────────
    def news(self) -> None:
        """Start a turn: Diplomatic Capital income, then news events."""
        s = self.state
        s.report_from = len(self.ledger)
        sc = self.scenario
        income = sc.income_base + sum(int(b.add) for b in sc.income_bonuses if holds(b.when, s))
        self.add("capital", income, Cause("income", "income"))
        for ev in sc.events:
            if ev.phase == "news":
                why = self._trigger(ev)
                if why is not None:
                    self._fire(ev, why)

    # ── crises ───────────────────────────────────────────────────────────
    def deal_crises(self) -> None:
        """Fire due follow-ups, then every crisis whose trigger holds, up to the turn's limit."""
        s = self.state
        due = [e for t, e in s.follow_ups if t <= s.turn]
        s.follow_ups = [(t, e) for t, e in s.follow_ups if t > s.turn]
        dealt = 0
        for event_id in due:
            ev = next(e for e in self.scenario.events if e.id == event_id)
            self._fire(ev, Msg.of("fired.follow_up", event=Name(f"event.{self._origin(event_id)}.title")))
            dealt += bool(ev.choices)
        for ev in self.scenario.events:
            if dealt >= self.scenario.max_crises:
                break
            if ev.phase != "crisis" or ev.id in s.pending:
                continue
            why = self._trigger(ev)
            if why is not None:
                self._fire(ev, why)
                dealt += bool(ev.choices)

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
        if t.once and s.fired_count.get(ev.id, 0):
            return None
        last = s.fired_last.get(ev.id)
        if last is not None and s.turn - last < max(t.cooldown, 1):
            return None
        if not holds(t.when, s):
            return None
        p = t.chance.base + sum(m.add for m in t.chance.modifiers if holds(m.when, s))
        if not s.rng.chance(p):
            return None
        if p < 1.0:
            return Msg.of("fired.chance", p=round(min(p, 1.0) * 100))
        if t.when:
            return Msg.of("fired.when", inner=tuple(c.explain(s, None) for c in t.when))
        if t.window is not None:
            return Msg.of("fired.window", lo=t.window[0], hi=t.window[1])
        return Msg.of("fired.always")

    def _fire(self, ev: EventDef, why: Msg) -> None:
        s = self.state
        s.fired_last[ev.id] = s.turn
        s.fired_count[ev.id] = s.fired_count.get(ev.id, 0) + 1
        self.fired.append(Fired(s.turn, ev.id, why))
        self.run(ev.immediate_plan, Cause("event", ev.id), None)
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
        self._autonomy()

    def diversification(self) -> float:
        """Weighted mean over dependency kinds of 1 − HHI, normalised to 0–1."""
        nums, total, weights = self.state.nums, 0.0, 0.0
        for kind, w in self.scenario.autonomy.weights:
            keys = self.share_keys[kind]
            whole = squares = 0
            for k in keys:
                v = nums[k]
                whole += v
                squares += v * v
            n = len(keys)
            if whole <= 0 or n < 2:
                continue
            hhi = squares / (whole * whole)
            total += w * (1.0 - hhi) / (1.0 - 1.0 / n)
            weights += w
        return total / weights if weights else 0.0

    def autonomy_target(self) -> int:
        """Where autonomy is heading, 0–100, from diversification."""
        a = self.scenario.autonomy
        frac = (self.diversification() - a.low) / (a.high - a.low)
        return round_half_away(100 * min(1.0, max(0.0, frac)))

    def _autonomy(self) -> None:
        a = self.scenario.autonomy
        now = self.state.nums["meter.autonomy"]
        step = round_half_away(a.rate * (self.autonomy_target() - now))
        if step:
            self.add("meter.autonomy", step, Cause("autonomy", "diversification"))

"""The phases the player does not decide: news, dealing crises, the world's reaction."""

from __future__ import annotations

from gaiko_game.core.board import Board, Cause, per_scenario
from gaiko_game.core.conditions import holds
from gaiko_game.core.model import STANDARD, Bonus, DifficultyDef, EventDef, Scenario
from gaiko_game.core.plugins import Condition
from gaiko_game.core.report import Fired
from gaiko_game.core.state import State
from gaiko_game.core.text import Msg, Name


def round_half_away(x: float) -> int:
    """Round to the nearest whole number, halves away from zero (the same on every platform)."""
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def diversification(b: Board) -> float:
    """Weighted mean over dependency kinds of 1 − HHI, normalised to 0–1 (cached until a share changes)."""
    cached = b.state.diversification
    if cached >= 0.0:
        return cached
    value = _diversification(b)
    b.state.diversification = value
    return value


def _diversification(b: Board) -> float:
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


_INCOME = Cause("income", "income")
_AUTONOMY = Cause("autonomy", "diversification")
_TWO32 = 1 << 32
_Compiled = tuple[EventDef, int, int, int, int, tuple[Condition, ...], float, float, tuple[Bonus, ...], str | None]


def _compile(ev: EventDef, factor: float = 1.0) -> _Compiled:
    """A trigger as a flat tuple: event, window, cap on occurrences, cooldown, conditions, chance, group.

    A chance is drawn as 32 random bits compared with ``p × 2³²`` (``threshold`` when it has no modifiers).
    """
    t = ev.trigger
    lo, hi = t.window if t.window is not None else (1, 1_000_000)
    cap = 1 if t.once else t.max_times
    base = t.chance.base * factor if t.chance.base < 1.0 else t.chance.base  # certain triggers stay certain
    return ev, lo, hi, cap, max(t.cooldown, 1), t.when, base, base * _TWO32, t.chance.modifiers, t.group


def _compiled(sc: Scenario, phase: str, factor: float = 1.0) -> tuple[_Compiled, ...]:
    return tuple(_compile(e, factor) for e in sc.events if e.phase == phase and e.self_triggering)


class World(Board):
    """News, crises and world phases over a board; the engine's decisions drive them."""

    fired: list[Fired]

    def __init__(self, scenario: Scenario, state: State, difficulty: DifficultyDef = STANDARD) -> None:
        super().__init__(scenario, state)
        self.difficulty = difficulty
        sc = scenario
        self._rules = per_scenario(sc, "rules", lambda: tuple((r.when, r.steps, Cause("rule", r.id)) for r in sc.rules))
        self._event_by_id = per_scenario(sc, "events", lambda: {e.id: e for e in sc.events})
        self._income_bonuses = per_scenario(sc, "income", lambda: tuple((b.when, int(b.add)) for b in sc.income_bonuses))
        self._news_events = per_scenario(sc, "news", lambda: _compiled(sc, "news"))
        factor = difficulty.crisis_chance
        self._crisis_events = per_scenario(sc, f"crises×{factor}", lambda: _compiled(sc, "crisis", factor))

    # ── news ─────────────────────────────────────────────────────────────
    def news(self) -> None:
        """Start a turn: Diplomatic Capital income, then news events."""
        s = self.state
        s.report_from = len(self.ledger)
        income = self.scenario.income_base + self.difficulty.income
        for when, add in self._income_bonuses:
            for c in when:
                if not c.test(s, None):
                    break
            else:
                income += add
        self.add("capital", income, _INCOME)
        self._scan(self._news_events, set(), 1_000_000)

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
            if self._spent(ev):
                continue
            self._fire(ev, Msg.of("fired.follow_up", event=Name(f"event.{self._origin(event_id)}.title")))
            dealt += bool(ev.choices)
            if ev.trigger.group:
                groups.add(ev.trigger.group)
        self._scan(self._crisis_events, groups, self.scenario.max_crises - dealt)

    def _scan(self, events: tuple[_Compiled, ...], groups: set[str], limit: int) -> None:
        """Fire events whose triggers hold; when more crises qualify than ``limit``, deal ``limit`` at random.

        The hot loop of a turn: each event's trigger is a flat tuple compiled once (see ``_compile``).
        News (limit unbounded) all fire; crises are dealt like cards, so no file's order crowds out another's.
        """
        s = self.state
        turn, counts, last, pending, situations = s.turn, s.fired_count, s.fired_last, s.pending, s.situations
        rng = s.rng
        ready: list[tuple[EventDef, float]] = []
        for ev, lo, hi, cap, cooldown, when, base, threshold, mods, group in events:
            if turn < lo or turn > hi or (group is not None and group in groups):
                continue
            event_id = ev.id
            if (cap and counts.get(event_id, 0) >= cap) or event_id in situations or event_id in pending:
                continue
            if cooldown and event_id in last and turn - last[event_id] < cooldown:
                continue
            if when:
                for c in when:
                    if not c.test(s, None):
                        break
                else:
                    when = ()
                if when:
                    continue
            if mods:
                p = base
                for m in mods:
                    for c in m.when:
                        if not c.test(s, None):
                            break
                    else:
                        p += m.add
                if p < 1.0 and (p <= 0.0 or rng.next32() >= p * _TWO32):
                    continue
            elif threshold < _TWO32 and (threshold <= 0 or rng.next32() >= threshold):
                continue
            else:
                p = base
            ready.append((ev, p))
            if group is not None:
                groups.add(group)
        crises = [i for i, (ev, _) in enumerate(ready) if ev.choices]
        if len(crises) > limit:
            keep = set()
            for _ in range(max(limit, 0)):
                keep.add(crises.pop(rng.below(len(crises))))
            ready = [r for i, r in enumerate(ready) if not r[0].choices or i in keep]
        for ev, p in ready:
            self._fire(ev, self._why(ev, p))

    def _why(self, ev: EventDef, p: float) -> Msg:
        """Why an event fired: its window, the conditions that held (with current values), its chance."""
        s, t = self.state, ev.trigger
        reasons: list[Msg] = []
        if t.window is not None:
            reasons.append(Msg.of("fired.window", lo=t.window[0], hi=t.window[1]))
        if t.when:
            reasons.append(Msg.of("fired.when", inner=tuple(c.explain(s, None) for c in t.when)))
        if p < 1.0:
            reasons.append(Msg.of("fired.chance", p=round(max(p, 0.0) * 100)))
        return Msg.of("fired.because", inner=tuple(reasons) or (Msg.of("fired.always"),))

    def _origin(self, event_id: str) -> str:
        """The event whose choice queued ``event_id`` (for the report)."""
        for ev in self.scenario.events:
            for c in ev.choices:
                if any(f.event == event_id for f in c.follow_ups):
                    return ev.id
        return event_id

    def _spent(self, ev: EventDef) -> bool:
        """Whether the event has used up its occurrences (once, max_times) or is still going on."""
        s, t = self.state, ev.trigger
        count = s.fired_count.get(ev.id, 0)
        return bool((t.once and count) or (t.max_times and count >= t.max_times) or ev.id in s.situations)

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
        run = self.run
        for when, steps, cause in self._rules:
            for c in when:
                if not c.test(s, None):
                    break
            else:
                run(steps, cause, None)
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
        now = self.state.nums["meter.autonomy"]
        step = round_half_away(self.scenario.autonomy.rate * (autonomy_target(self) - now))
        if step:
            self.add("meter.autonomy", step, _AUTONOMY)

"""The phases of a turn that the player does not decide: news, dealing crises, the world, the score.

``core.engine`` runs them in DESIGN §3's order: News → Actions → Crises → World → Score.
Each phase is a function over a :class:`~gaiko_game.core.board.Board`; the crisis deck
draws one counter-based value per (turn, event) (see ``core.rng``).
"""

from __future__ import annotations

from gaiko_game.core.board import Board
from gaiko_game.core.compiled import Trigger
from gaiko_game.core.conditions import holds
from gaiko_game.core.ledger import Cause
from gaiko_game.core.model import COMPLETED, CRISES_PER_TURN, DifficultyDef, EventDef
from gaiko_game.core.report import Fired
from gaiko_game.core.rng import GOLDEN
from gaiko_game.core.text import Msg, Name

_INCOME = Cause("income", "income")
_DIVERSIFICATION = Cause("diversification", "shares")
_UNEXPLAINED = Msg.of("fired.unexplained")
_TWO32 = 1 << 32
_MASK64 = (1 << 64) - 1
_LOW32 = _TWO32 - 1


def round_half_away(x: float) -> int:
    """Round to the nearest whole number, halves away from zero (the same on every platform)."""
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


# ── news ─────────────────────────────────────────────────────────────────
def news(b: Board, level: DifficultyDef) -> None:
    """Start a turn: Diplomatic Capital income, news events, then the headline: the turn's crises are dealt
    now, announced with their choices and costs, and answered after the player's actions."""
    s = b.state
    s.report_from = len(b.ledger)
    income = b.scenario.income_base + level.income
    for when, add in b.tables.income:
        for c in when:
            if not c.test(s, None):
                break
        else:
            income += add
    b.add("capital", income, _INCOME)
    if s.commitments:
        _upkeep(b)
    _scan(b, b.tables.news, set(), 1_000_000)
    deal_crises(b, level)


def _upkeep(b: Board) -> None:
    """Each standing programme charges its upkeep; one that cannot be paid lapses, with its ending costs."""
    s, actions = b.state, b.tables.actions
    for action in list(s.commitments):
        c = actions[action].commitment
        assert c is not None
        if not c.upkeep:
            continue
        if s.nums["capital"] >= c.upkeep:
            b.add("capital", -c.upkeep, Cause("upkeep", action))
        else:
            b.end_programme(action, "lapsed")


# ── crises ───────────────────────────────────────────────────────────────
def deal_crises(b: Board, level: DifficultyDef) -> None:
    """Fire due follow-ups, then deal crises whose triggers hold, up to the limit (at the start of a turn)."""
    s, tables = b.state, b.tables
    dealt = 0
    groups: set[str] = set()
    due: dict[str, str] = {}  # event → the event whose answer queued it: an event due twice comes once
    if s.follow_ups:
        for t, e, origin in s.follow_ups:
            if t <= s.turn:
                due.setdefault(e, origin)
        s.follow_ups = [f for f in s.follow_ups if f[0] > s.turn]
    for event_id, origin in due.items():
        ev = tables.events[event_id]
        if spent(b, ev):
            continue
        if dealt >= CRISES_PER_TURN and ev.choices:  # a full turn: this crisis waits for the next
            s.follow_ups.append((s.turn + 1, event_id, origin))
            continue
        why = Msg.of("fired.follow_up", event=Name(f"event.{origin}.title")) if origin else Msg.of("fired.dealt")
        _fire(b, ev, why)
        dealt += bool(ev.choices)
        if ev.trigger.group:
            groups.add(ev.trigger.group)
    _scan(b, tables.crisis_triggers(b.scenario, level.crisis_chance), groups, b.scenario.max_crises - dealt)


def deal_now(b: Board, ev: EventDef) -> None:
    """Deal an event by hand during the action phase: it fires at once, and a crisis joins the headline."""
    _fire(b, ev, Msg.of("fired.dealt"))


def spent(b: Board, ev: EventDef) -> bool:
    """Whether the event has used up its occurrences (once, max_times) or is still going on."""
    s, t = b.state, ev.trigger
    count = s.fired_count.get(ev.id, 0)
    return bool((t.once and count) or (t.max_times and count >= t.max_times) or ev.id in s.situations)


def _scan(b: Board, triggers: tuple[Trigger, ...], groups: set[str], limit: int) -> None:
    """Fire the events whose triggers hold and whose card comes up, in deal order; at most ``limit`` crises.

    The hot loop of a turn. Each eligible event's card value (see ``core.rng``) decides both
    its chance (low 32 bits) and its place in the deal (high 32 bits): when more crises
    qualify than ``limit``, the ones highest in the deal are dealt, and of a group only the
    highest fires. Each trigger is read as one flat row (``Trigger.row``): unpacking a tuple
    is the cheapest way Python has to read thirteen values.
    """
    s = b.state
    turn, counts, last, pending, situations, key = s.turn, s.fired_count, s.fired_last, s.pending, s.situations, s.deck
    ready: list[tuple[int, str, Trigger, float]] = []
    base_key = key + turn * GOLDEN
    for event_id, lo, hi, cap, cooldown, tests, base, mods, factor, salt, ceiling, t in b.tables.rows(triggers):
        if turn < lo or turn > hi:
            continue
        if (cap and counts.get(event_id, 0) >= cap) or event_id in situations or event_id in pending:
            continue
        if event_id in last and turn - last[event_id] < cooldown:
            continue
        z = (base_key + salt) & _MASK64  # deck_value(key, turn, salt) inlined: the call cost 5% of a turn
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        card = z ^ (z >> 31)
        if ceiling and (card & _LOW32) >= ceiling:
            continue  # too high a card for any chance this trigger can reach: its conditions need no test
        blocked = False
        for test in tests:  # holds(), inlined
            if not test(s, None):
                blocked = True
                break
        if blocked:
            continue
        p = base
        for mod_tests, add in mods:
            for test in mod_tests:
                if not test(s, None):
                    break
            else:
                p += add
        if factor != 1.0:
            p *= factor
        if p <= 0.0:
            continue
        if p < 1.0 and (card & _LOW32) >= p * _TWO32:
            continue
        ready.append((card >> 32, event_id, t, p))
    ready.sort()  # deal order: the card's high bits, ties (never seen) by id
    for _, _, t, p in ready:
        if t.group is not None:
            if t.group in groups:
                continue
            groups.add(t.group)
        if t.event.choices:
            if limit <= 0:
                continue
            limit -= 1
        _fire(b, t.event, _why(b, t.event, p) if b.explain else _UNEXPLAINED)


def _why(b: Board, ev: EventDef, p: float) -> Msg:
    """Why an event fired: its window, the conditions that held (with current values), its chance."""
    s, t = b.state, ev.trigger
    reasons: list[Msg] = []
    if t.window is not None:
        lo, hi = t.window
        reasons.append(Msg.of("fired.window_one", turn=lo) if lo == hi else Msg.of("fired.window", lo=lo, hi=hi))
    if t.when:
        reasons.append(Msg.of("fired.when", inner=tuple(c.explain(s, None) for c in t.when)))
    likelier = tuple(c.explain(s, None) for m in t.chance.modifiers if m.add > 0 and holds(m.when, s) for c in m.when)
    if likelier:
        reasons.append(Msg.of("fired.likelier", inner=likelier))
    elif ev.actor is not None and not t.when:  # a move that came up on its usual odds: say what would raise them
        idle = tuple(c.explain(s, None) for m in t.chance.modifiers if m.add > 0 for c in m.when)
        if idle:
            reasons.append(Msg.of("fired.likelier_when", inner=idle))
    if p < 1.0:
        reasons.append(Msg.of("fired.chance", p=round(max(p, 0.0) * 100)))
    return Msg.of("fired.because", inner=tuple(reasons) or (Msg.of("fired.always"),))


def _fire(b: Board, ev: EventDef, why: Msg) -> None:
    s = b.state
    s.fired_last[ev.id] = s.turn
    s.fired_count[ev.id] = s.fired_count.get(ev.id, 0) + 1
    b.fired.append(Fired(s.turn, ev.id, why, hidden=ev.hidden))
    b.run(ev.immediate_plan, Cause("move" if ev.actor is not None else "event", ev.id), None)
    if ev.ongoing is not None:
        s.situations.setdefault(ev.id, s.turn)
    if ev.choices:
        s.pending.append(ev.id)


def record_answer(b: Board, event_id: str, choice_id: str) -> None:
    """Note the answer on the event's latest unanswered record."""
    fired = b.fired
    for i in range(len(fired) - 1, -1, -1):
        f = fired[i]
        if f.event == event_id and f.choice is None:
            fired[i] = Fired(f.turn, f.event, f.why, choice_id, f.hidden)
            return


# ── world ────────────────────────────────────────────────────────────────
def world_phase(b: Board) -> None:
    """Delayed effects land, modifiers tick, the other actors move, world rules react, situations cost,
    standing programmes act, the diversified meter moves."""
    s = b.state
    world_start(b)
    _scan(b, b.tables.move_triggers(b.scenario, b.level.move_chance), set(), 1_000_000)
    world_rules(b)
    if s.situations:
        _situations(b)
    for action in s.commitments:
        programme = b.tables.actions[action].commitment
        assert programme is not None
        b.run(programme.steps, Cause("commitment", action), None)
        for actor in b.tables.engages[f"programme:{action}", None]:  # a programme in force keeps its partners engaged
            s.engaged[actor] = s.turn
    _follow_diversification(b)


def world_start(b: Board) -> None:
    """The world phase before the other actors move: delayed effects due this turn land, modifiers tick."""
    s = b.state
    if s.delayed:
        due = [d for d in s.delayed if d[0] <= s.turn]
        s.delayed = [d for d in s.delayed if d[0] > s.turn]
        for _, eff, cause, target in due:
            eff.apply(b, cause, target)
    for mod_id, m in list(s.modifiers.items()):
        b.run(m.steps, m.cause, None)
        if s.turn + 1 >= m.until:
            del s.modifiers[mod_id]


def world_rules(b: Board) -> list[tuple[int, int]]:
    """Every world rule whose conditions hold applies its effects, in the scenario's order.

    Returns each fired rule's index in ``b.tables.rules`` with where its changes begin in the ledger (a rule's
    changes run to where the next fired rule's begin, the last one's to the ledger's end).
    """
    s, ledger, run = b.state, b.ledger, b.run
    fired: list[tuple[int, int]] = []
    for i, (tests, steps, cause) in enumerate(b.tables.rules):
        for test in tests:  # holds(), inlined: sixty rules a turn
            if not test(s, None):
                break
        else:
            fired.append((i, len(ledger)))
            run(steps, cause, None)
    return fired


def move_chance(b: Board, t: Trigger) -> float:
    """The chance an actor's move comes up this turn on the state now, 0–1: what the deal (``_scan``) compares its
    card with, written out plainly; 0 when it cannot come up (outside its window, used up, cooling down, going on,
    pending, or its conditions failing). Of an actor's moves that come up, only one is made."""
    s, event_id = b.state, t.event.id
    if not t.lo <= s.turn <= t.hi or (t.cap and s.fired_count.get(event_id, 0) >= t.cap):
        return 0.0
    if event_id in s.situations or event_id in s.pending:
        return 0.0
    if event_id in s.fired_last and s.turn - s.fired_last[event_id] < t.cooldown:
        return 0.0
    if not holds(t.when, s):
        return 0.0
    p = t.base + sum(m.add for m in t.modifiers if holds(m.when, s))
    return min(1.0, max(0.0, p * t.factor))


def _situations(b: Board) -> None:
    """Ongoing situations cost their each-turn effects, then end once their stop thresholds hold."""
    s, events = b.state, b.tables.events
    for event_id, started in list(s.situations.items()):
        ongoing = events[event_id].ongoing
        assert ongoing is not None
        b.run(ongoing.steps, Cause("situation", event_id), None)
        lasted = s.turn - started + 1
        if (ongoing.until and holds(ongoing.until, s)) or (ongoing.max_turns and lasted >= ongoing.max_turns):
            b.end_situation(event_id)


def diversification(b: Board) -> float:
    """Weighted mean over dependency kinds of 1 − HHI, normalised to 0–1 (cached until a share changes)."""
    cached = b.state.diversification
    if cached >= 0.0:
        return cached
    value = _diversification(b)
    b.state.diversification = value
    return value


def _diversification(b: Board) -> float:
    d = b.scenario.diversification
    if d is None:
        return 0.0
    nums, total, weights = b.state.nums, 0.0, 0.0
    for kind, w in d.weights:
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


def diversification_target(b: Board) -> int | None:
    """Where the diversified meter is heading, 0–100 (None when the scenario has no such meter)."""
    d = b.scenario.diversification
    if d is None:
        return None
    frac = min(1.0, max(0.0, (diversification(b) - d.low) / (d.high - d.low)))
    if d.capability is not None:
        lo, hi, _ = b.limits(f"track.{d.capability}")
        own = (b.state.nums[f"track.{d.capability}"] - lo) / (hi - lo) if hi > lo else 0.0
        frac = (1.0 - d.capability_weight) * frac + d.capability_weight * own
    return round_half_away(100 * frac)


def _follow_diversification(b: Board) -> None:
    d = b.scenario.diversification
    target = diversification_target(b)
    if d is None or target is None:
        return
    key = f"meter.{d.meter}"
    step = round_half_away(d.rate * (target - b.state.nums[key]))
    if step:
        b.add(key, step, _DIVERSIFICATION)


# ── score ────────────────────────────────────────────────────────────────
def ending(b: Board) -> str | None:
    """How the game ends now: the first meter at 0 ends it with that meter's ending; then an ending an effect
    asked for; then the first declared ending whose conditions hold; the last turn completes it."""
    s = b.state
    nums = s.nums
    for key, at_zero in b.tables.collapse:
        if nums[key] <= 0:
            return at_zero
    if s.end_request is not None:
        return s.end_request
    for e in b.scenario.endings:
        if e.when and holds(e.when, s):
            return e.id
    return COMPLETED if s.turn >= b.scenario.turns else None


def consequences(b: Board, ending_id: str) -> None:
    """Apply a declared ending's consequences as the game ends with it."""
    for e in b.scenario.endings:
        if e.id == ending_id and e.steps:
            b.run(tuple((0, eff) for _, eff in e.steps), Cause("ending", e.id), None)

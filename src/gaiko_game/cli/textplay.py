"""`gaiko play --text`: the whole game in a terminal, keyboard only, plain lines a screen reader can read."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from gaiko_game.cli.common import load_or_report
from gaiko_game.core import Game, Order, Refusal, Texts, TurnReport
from gaiko_game.core.board import Change, key_name
from gaiko_game.core.explain import cause_msg, key_rank, preview_msgs
from gaiko_game.core.preview import Preview
from gaiko_game.core.text import Msg
from gaiko_game.session.seeding import new_game

Read = Callable[[str], str]
Write = Callable[[str], None]
_WHY = {"security": "meter.security", "prosperity": "meter.prosperity", "autonomy": "meter.autonomy",
        "capital": "capital", "dc": "capital"}


class TextGame:
    """A terminal session over one game."""

    def __init__(self, game: Game, texts: Texts, read: Read = input, write: Write = print) -> None:
        self.game, self.t, self.read, self.write = game, texts, read, write
        self.entries = [Order(a.id, tg) for a in game.scenario.actions for tg in (a.targets or (None,))]
        self._shown_turn = 0

    # ── loop ─────────────────────────────────────────────────────────────
    def run(self) -> int:
        """Play until the game ends or the player leaves; returns an exit code."""
        t = self.t
        self.write(t.ui("ui.title", scenario=t.name("scenario.name")))
        self.write(t.name("scenario.description"))
        self.write(t.ui("ui.intro_keys"))
        try:
            while not self.game.is_over:
                if self.game.pending_crisis is not None:
                    self.crisis()
                    continue
                if self._shown_turn != self.game.turn:
                    self.show_turn()
                if not self.command(self.read(t.ui("ui.prompt")).strip()):
                    self.write(t.ui("ui.bye"))
                    return 0
        except EOFError:
            self.write("")
            self.write(t.ui("ui.bye"))
            return 0
        self.finale()
        return 0

    def command(self, text: str) -> bool:
        """Handle one command; False means the player quit."""
        t, head, rest = self.t, text[:1].lower(), text[1:].strip()
        if text.isdigit():
            self.take(int(text))
        elif head == "e" and not rest:
            report = self.game.end_turn()
            if report is not None:
                self.show_report(report)
        elif head == "i" and rest.isdigit():
            self.encyclopedia(int(rest))
        elif head == "w":
            self.why(rest)
        elif head == "s" and not rest:
            self.show_turn()
        elif head == "a" and not rest:
            self.show_relations()
        elif head == "d" and not rest:
            self.show_dependence()
        elif head == "u" and not rest:
            self.undo()
        elif head in ("h", "?") and not rest:
            self.write(t.ui("ui.help"))
        elif head == "q" and not rest:
            return self.read(t.ui("ui.quit_confirm")).strip().lower() not in ("y", "yes", "はい")
        elif text:
            self.write(t.ui("ui.bad_input", text=text))
        return True

    # ── the board ────────────────────────────────────────────────────────
    def show_turn(self) -> None:
        """The date, the meters with trends, capital, tracks and the action menu."""
        g, t, sc = self.game, self.t, self.game.scenario
        self._shown_turn = g.turn
        year, quarter = sc.date(g.turn)
        self.write("")
        self.write(t.ui("ui.turn_header", year=year, quarter=quarter, turn=g.turn, turns=sc.turns))
        last = g.reports[-1].meters if g.reports else None
        parts = []
        for m, v in g.meters().items():
            trend = t.ui("ui.trend", delta=v - last[m]) if last and v != last[m] else ""
            parts.append(t.ui("ui.meter", name=t.name(f"meter.{m}"), value=v, trend=trend))
        self.write(" | ".join(parts))
        income = next((c.delta for c in reversed(g.ledger) if c.cause.kind == "income"), sc.income_base)
        line = [t.ui("ui.capital", name=t.name("capital"), value=g.state.nums["capital"], cap=sc.capital_cap,
                     income=income)]
        line += [t.ui("ui.track", name=t.name(f"track.{tr.id}"), value=g.state.nums[f"track.{tr.id}"], hi=tr.hi)
                 for tr in sc.tracks]
        self.write(" | ".join(line))
        for prompt in sc.guide_for(g.turn):
            self.write(t.ui("ui.guide", text=t.name(f"guide.{prompt}")))
        self.show_menu()

    def show_menu(self) -> None:
        """Every action, numbered, grouped by category; unavailable ones say why."""
        g, t = self.game, self.t
        self.write(t.ui("ui.actions"))
        category = None
        for n, order in enumerate(self.entries, 1):
            action = g.scenario.action(order.action)
            assert action is not None
            if action.category != category:
                category = action.category
                self.write(f"[{t.name(f'category.{category}')}]")
            name = self._order_name(order)
            reason = g.explain_illegal(order)
            if reason is not None:
                self.write("  " + t.ui("ui.action_off", n=n, name=name, reason=t.render(reason)))
            else:
                effects = self._preview_text(g.preview(order))
                self.write("  " + t.ui("ui.action_line", n=n, name=name, cost=action.cost, effects=effects))

    def _order_name(self, order: Order) -> str:
        name = self.t.name(f"action.{order.action}.name")
        return name if order.target is None else f"{name} → {self.t.name(f'actor.{order.target}')}"

    def _preview_text(self, p: Preview) -> str:
        t = self.t
        return t.join([t.render(m) for m in preview_msgs(p)]) or t.ui("ui.no_changes")

    # ── actions ──────────────────────────────────────────────────────────
    def take(self, n: int) -> None:
        """Take the numbered action, or say why it cannot be taken."""
        t = self.t
        if not 1 <= n <= len(self.entries):
            self.write(t.ui("ui.no_such_number", n=n))
            return
        order = self.entries[n - 1]
        rolls = len(self.game.rolls)
        try:
            changes = self.game.apply(order)
        except Refusal as refusal:
            self.write(refusal.text(t.lang))
            return
        self.write(t.ui("ui.done", name=self._order_name(order)))
        for roll in self.game.rolls[rolls:]:
            result = t.ui("ui.success" if roll.success else "ui.failure")
            self.write("  " + t.ui("ui.roll", p=round(roll.p * 100), result=result))
        self._changes(changes)

    def _changes(self, changes: list[Change] | tuple[Change, ...]) -> None:
        for ch in changes:
            self.write("  " + self.t.ui("ui.report_line", name=self.t.render(key_name(ch.key)), before=ch.before,
                                        after=ch.after, delta=ch.delta))

    def undo(self) -> None:
        """Take back the last action of this turn."""
        g, t = self.game, self.t
        if not g.history or not isinstance(g.history[-1], Order):
            self.write(t.ui("ui.nothing_to_undo"))
            return
        last = g.undo()
        assert isinstance(last, Order)
        self.write(t.ui("ui.undone", what=self._order_name(last)))

    # ── crises ───────────────────────────────────────────────────────────
    def crisis(self) -> None:
        """Show the pending crisis and take a choice."""
        g, t = self.game, self.t
        ev = g.pending_crisis
        assert ev is not None
        self.write("")
        self.write(t.ui("ui.crisis", title=t.name(f"event.{ev.id}.title")))
        self.write(t.name(f"event.{ev.id}.text"))
        hit = [c for c in g.ledger if c.cause.kind == "event" and c.cause.id == ev.id and c.turn == g.turn]
        if hit:
            summary = t.join([t.render(Msg.of("effect.amount", name=key_name(c.key), by=c.delta)) for c in hit])
            self.write(t.ui("ui.crisis_immediate", changes=summary))
        for n, c in enumerate(ev.choices, 1):
            name = t.name(f"event.{ev.id}.choice.{c.id}")
            reason = g.explain_choice(c.id)
            if reason is not None:
                self.write("  " + t.ui("ui.choice_off", n=n, name=name, reason=t.render(reason)))
                continue
            cost = t.ui("ui.choice_cost", cost=c.cost) if c.cost else ""
            self.write("  " + t.ui("ui.choice_line", n=n, name=name, cost=cost,
                                   effects=self._preview_text(g.preview_choice(c.id))))
        while True:
            text = self.read(t.ui("ui.crisis_prompt")).strip()
            if text.lower() == "i":
                self.write(t.ui("ui.encyclopedia", name=t.name(f"event.{ev.id}.title")))
                self.write(t.name(f"event.{ev.id}.encyclopedia"))
                continue
            if text.isdigit() and 1 <= int(text) <= len(ev.choices):
                choice = ev.choices[int(text) - 1]
                rolls = len(g.rolls)
                try:
                    report = g.choose(choice.id)
                except Refusal as refusal:
                    self.write(refusal.text(t.lang))
                    continue
                self.write(t.ui("ui.chosen", name=t.name(f"event.{ev.id}.choice.{choice.id}")))
                for roll in g.rolls[rolls:]:
                    result = t.ui("ui.success" if roll.success else "ui.failure")
                    self.write("  " + t.ui("ui.roll", p=round(roll.p * 100), result=result))
                if report is not None:
                    self.show_report(report)
                return
            self.write(t.ui("ui.bad_input", text=text))

    # ── reports ──────────────────────────────────────────────────────────
    def show_report(self, report: TurnReport) -> None:
        """Every change of the turn, grouped by number, with its causes."""
        t = self.t
        self.write("")
        self.write(t.ui("ui.report_header", turn=report.turn))
        for f in report.fired:
            if not f.hidden:
                self.write(t.ui("ui.fired", title=t.name(f"event.{f.event}.title"), why=t.render(f.why)))
        for event_id in report.ended:
            self.write(t.ui("situation.ended", event=t.name(f"event.{event_id}.title")))
        by_key: dict[str, list[Change]] = {}
        for ch in report.changes:
            by_key.setdefault(ch.key, []).append(ch)
        if not by_key:
            self.write(t.ui("ui.no_changes"))
        for key in sorted(by_key, key=key_rank):
            items = by_key[key]
            self.write(t.ui("ui.report_line", name=t.render(key_name(key)), before=items[0].before,
                            after=items[-1].after, delta=items[-1].after - items[0].before))
            causes: dict[object, int] = {}
            for ch in items:
                causes[ch.cause] = causes.get(ch.cause, 0) + ch.delta
            for cause, delta in causes.items():
                self.write(t.ui("ui.report_cause", delta=delta, cause=t.render(cause_msg(cause))))  # type: ignore[arg-type]

    def why(self, name: str) -> None:
        """The recent causes behind one number."""
        t, g = self.t, self.game
        key = _WHY.get(name.lower()) or (f"track.{name}" if f"track.{name}" in g.state.nums else None)
        if key is None:
            self.write(t.ui("ui.why_unknown"))
            return
        self.write(t.ui("ui.why_header", name=t.render(key_name(key))))
        recent = [c for c in g.ledger if c.key == key][-12:]
        for ch in recent:
            self.write(t.ui("ui.why_line", turn=ch.turn, delta=ch.delta, cause=t.render(cause_msg(ch.cause))))
        if not recent:
            self.write(t.ui("ui.no_changes"))

    def show_relations(self) -> None:
        """Each actor's relation and stance."""
        t, nums = self.t, self.game.state.nums
        self.write(t.ui("ui.relations_header"))
        for a in self.game.scenario.actors:
            self.write(t.ui("ui.relation_line", name=t.name(f"actor.{a.id}"), role=t.name(f"role.{a.role}"),
                            relation=nums[f"relation.{a.id}"], stance=nums[f"stance.{a.id}"]))

    def show_dependence(self) -> None:
        """Dependency shares by kind, and where autonomy is heading."""
        t, g = self.t, self.game
        self.write(t.ui("ui.dependence_header", target=g.autonomy_target()))
        for kind, partners in g.partners.items():
            shares = sorted(((g.state.nums[f"dep.{kind}.{p}"], p) for p in partners), reverse=True)
            text = ", ".join(f"{t.name(f'partner.{p}')} {v}" for v, p in shares if v)
            self.write(t.ui("ui.dependence_line", kind=t.name(f"dependency.{kind}"), shares=text))

    def encyclopedia(self, n: int) -> None:
        """The background entry of a numbered action."""
        t = self.t
        if not 1 <= n <= len(self.entries):
            self.write(t.ui("ui.no_such_number", n=n))
            return
        action = self.entries[n - 1].action
        self.write(t.ui("ui.encyclopedia", name=t.name(f"action.{action}.name")))
        self.write(t.name(f"action.{action}.encyclopedia"))

    def finale(self) -> None:
        """The ending, the score and rating, and questions to discuss."""
        t, g = self.t, self.game
        out = g.outcome()
        assert out is not None
        self.write("")
        self.write(t.ui("ui.game_over", ending=t.name(f"ending.{out.ending}")))
        self.write(t.name(f"ending.{out.ending}.desc"))
        self.write(t.ui("ui.final_meters", meters=t.join([f"{t.name(f'meter.{m}')} {v}" for m, v in out.meters.items()])))
        self.write(t.ui("ui.final_score", score=out.score, rating=t.name(f"rating.{out.rating}")))
        self.write(t.name(f"rating.{out.rating}.desc"))
        if g.scenario.questions:
            self.write(t.ui("ui.questions"))
            for q in g.scenario.questions:
                self.write(f"  - {t.name(f'question.{q}')}")


def run_text(scenario_path: Path, seed: int | None, lang: str, difficulty: str | None = None, read: Read = input,
             write: Write = print) -> int:
    """Load the scenario and play it in the terminal."""
    scenario = load_or_report(scenario_path)
    if scenario is None:
        return 1
    try:
        scenario.difficulty(difficulty)
    except KeyError as e:
        write(f"gaiko: error: {e.args[0]}")
        return 2
    game = new_game(scenario, seed if seed is not None else random.SystemRandom().randrange(2**32),
                    difficulty=difficulty)
    return TextGame(game, Texts(scenario.loc, lang), read, write).run()

"""`gaiko play --text --referee`: the teacher's laptop keeps the books of a class playing the printed kit.

The teams play on paper with the kit's cards. Turn by turn, team after team, the teacher types each team's cards by
their codes (A07, A11@vietnam, C03b: see ``present.cards``) and, for a card with odds, the roll of the class's two
ten-sided dice. The laptop plays them on a classroom :class:`~gaiko_game.session.classroom.Room` (every team on the same
seed, no server and no seats), writes the session file after every decision, and ends with the cross-team debrief and
the CSV a digital class gets; ``gaiko replay SESSION --verify`` checks the file. ``q``, the end of input and Ctrl-C
save and leave; ``--resume`` goes on from the file.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import replace
from pathlib import Path

from gaiko_game.cli.refereeclass import finale, open_room, opening
from gaiko_game.cli.textplay import Read, Write, normal, shown, whole
from gaiko_game.core import Choose, Decision, EndTurn, Game, Order, Refusal, TurnReport, parse_decision
from gaiko_game.core.rng import dice_needed
from gaiko_game.present.cards import Codes, letter
from gaiko_game.present.crisis import crisis_card
from gaiko_game.present.debrief import turn_line
from gaiko_game.present.hud import header
from gaiko_game.present.report import net, roll_line, turn_report
from gaiko_game.present.words import Words, words
from gaiko_game.session.classroom import CLOSED, ENDED, LOBBY, PAUSED, REFEREE, TIMER, ClassroomError, Room, Team

END, LIST, UNDO, SKIP, FINISH = "end", "list", "undo", "skip", "finish"
QUIT, HELP, YES = ("q", "quit"), ("?", "h", "help"), ("y", "yes", "はい")


class Quit(Exception):
    """The teacher left (q, the end of input, Ctrl-C): the session is already saved."""


class Finish(Exception):
    """The teacher ended the class: the debrief follows."""


class Referee:
    """The teacher's side of a printed-kit class: reads each team's cards and keeps the room's books."""

    def __init__(self, room: Room, path: Path, lang: str, read: Read, write: Write) -> None:
        self.room, self.path, self.lang, self.read, self.write = room, path, lang, read, write
        self.w: Words = words(room.scenario, lang)
        self.codes = Codes.of(room.scenario)

    # ── the class, turn by turn ──────────────────────────────────────────
    def run(self) -> int:
        """Play turns until every team's game or the preset's turns are over, or the teacher finishes or leaves."""
        try:
            self.turns()
        except Finish:
            pass
        except (Quit, EOFError, KeyboardInterrupt):
            return self.leave()
        if self.room.status != ENDED:
            self.room.end()
        saved = self.save()
        finale(self.room, self.path, self.w, self.write)
        return 0 if saved else 1

    def turns(self) -> None:
        room, w = self.room, self.w
        while room.status != ENDED and any(t.playing for t in room.teams.values()):
            if room.status == PAUSED:
                room.resume()
            elif room.status in (LOBBY, CLOSED):
                room.start()
                self.save()
            self.write("")
            self.write(w.ui("referee.turn", turn=room.turn, turns=room.preset.turns))
            for t in room.teams.values():
                if not room.finished(t):
                    self.team_turn(t)
            turn = room.turn
            room.close()  # every team has ended it: nothing is played by default
            self.save()
            self.write("")
            self.write(w.ui("referee.summary", turn=turn))
            for t in room.teams.values():
                report = next((r for r in t.game.reports if r.turn == turn), None)  # before the next turn's news
                at_end = report.meters if report is not None else t.game.view.meters()
                meters = w.join([f"{w.meter(m)} {v}" for m, v in at_end.items()])
                self.write(w.ui("referee.summary_line", team=t.id, line=turn_line(t.game, w, turn), meters=meters))

    def team_turn(self, t: Team) -> None:
        """One team's turn: its header, then its cards until it has ended the turn."""
        self.write("")
        self.write(self.w.ui("referee.team", team=t.id))
        hint = "  " + self.w.ui("headline.more")  # the single player's key for the answers' effects: the cards show them
        for line in header(t.game, self.w):
            if line != hint:
                self.write(line)
        while not self.room.finished(t):
            if t.game.pending_crisis is not None:
                self.crisis(t)
            else:
                self.action(t)

    def leave(self) -> int:
        """Save and say how to go on (the goodbye may fail on a closed terminal; the file is written first)."""
        saved = self.save()
        command = ["gaiko", "play", "--text", "--referee", "--resume", str(self.path)]
        if self.room.source.folder:
            command += ["--scenario", self.room.source.folder]
        try:
            self.write("")
            self.write(self.w.ui("referee.quit", command=shlex.join(command)))
        except OSError:
            pass
        return 0 if saved else 1

    def save(self) -> bool:
        try:
            self.room.save(self.path)
        except OSError as e:
            self.write(self.w.ui("referee.save_failed", why=e.strerror or str(e)))
            return False
        return True

    # ── the action phase ─────────────────────────────────────────────────
    def action(self, t: Team) -> None:
        """Read one entry at a team's action prompt and carry it out."""
        w = self.w
        text = self.ask(w.ui("referee.prompt", team=t.id, end=END))
        if self.common(t, text, help_key="referee.help"):
            return
        if text == END:
            self.enter(t, EndTurn())
        elif text == LIST:
            self.listing(t)
        elif text:
            order = self.codes.read_order(re.sub(r"\s+", "@", text, count=1) if "@" not in text else text)
            if order is None:
                self.write(w.ui("referee.unknown", text=shown(text), list=LIST))
                return
            order = self.target(t.game, order)
            if order is not None:
                self.decide(t, order, t.game.odds(order))

    def target(self, game: Game, order: Order) -> Order | None:
        """The order with its target: one typed as a number of the action's targets, or asked for when left out."""
        w, a = self.w, game.scenario.action(order.action)
        if a is None or not a.targets:
            return order
        if order.target is not None:
            n = whole(order.target)
            if n is None:
                return order  # a target's id: the engine says when it is not one of the action's
            if 1 <= n <= len(a.targets):
                return replace(order, target=a.targets[n - 1])
            self.write(w.ui("referee.no_target", text=shown(order.target)))
            return None
        for i, actor in enumerate(a.targets, 1):
            self.write(w.ui("referee.target_line", n=i, name=w.name(f"actor.{actor}"), id=actor))
        while True:
            text = self.ask(w.ui("referee.target_prompt", action=w.name(f"action.{a.id}.name")))
            if not text:
                return None
            n = whole(text)
            names = {w.name(f"actor.{x}").lower(): x for x in a.targets}
            found = a.targets[n - 1] if n is not None and 1 <= n <= len(a.targets) else names.get(text, text)
            if found in a.targets:
                return replace(order, target=found)
            self.write(w.ui("referee.no_target", text=shown(text)))

    def listing(self, t: Team) -> None:
        """What the team can take now: each card's code (with its target), name, cost and the roll it needs."""
        w, game = self.w, t.game
        self.write(w.ui("referee.list", team=t.id))
        legal = game.legal_actions()
        codes = [self.codes.action[o.action] + (f"@{o.target}" if o.target else "") for o in legal]
        width = max(map(len, codes), default=0)
        for order, code in zip(legal, codes, strict=True):
            a = game.scenario.action(order.action)
            assert a is not None
            p = game.odds(order)
            dice = w.ui("referee.list_dice", needed=dice_needed(p)) if p is not None else ""
            self.write(w.ui("referee.list_line", code=code.ljust(width), name=w.order(order), cost=a.cost, dice=dice))
        if not legal:
            self.write(w.ui("referee.list_none", end=END))

    # ── crises ───────────────────────────────────────────────────────────
    def crisis(self, t: Team) -> None:
        """Show the team's waiting crisis with its answers' codes, and read an answer."""
        w, game = self.w, t.game
        ev = game.pending_crisis
        assert ev is not None
        card, code = crisis_card(game, w), self.codes.crisis[ev.id]
        self.write("")
        self.write(w.ui("referee.crisis", team=t.id, heading=card.heading, code=code))
        self.write(card.text)
        if card.immediate:
            self.write(card.immediate)
        for i, c in enumerate(card.choices):
            self.write(f"  {code}{letter(i)}  {c.line}")
        letters = "/".join(letter(i) for i in range(len(card.choices)))
        while game.pending_crisis is ev and not self.room.finished(t):
            text = self.ask(w.ui("referee.crisis_prompt", team=t.id, letters=letters, example=f"{code}a"))
            if self.common(t, text, help_key="referee.crisis_help", letters=letters, example=f"{code}a"):
                if game.pending_crisis is not ev:  # taken back, or skipped
                    return
                continue
            if not text:
                continue
            n = whole(text)  # the answers' numbers, as the single player's terminal takes them, work too
            answer = Choose(ev.choices[n - 1].id) if n is not None and 1 <= n <= len(ev.choices) else \
                self.codes.read_answer(text, ev)
            if answer is None:
                self.write(w.ui("referee.unknown_answer", text=shown(text), letters=letters, example=f"{code}a"))
                continue
            self.decide(t, answer, game.preview_choice(answer.choice, world=False).odds)

    # ── what every prompt takes ──────────────────────────────────────────
    def ask(self, prompt: str) -> str:
        return normal(self.read(prompt))

    def common(self, t: Team, text: str, help_key: str, **extra: str) -> bool:
        """Help, undo, skip, finish and quit, at any of a team's prompts; whether ``text`` was one of them."""
        w = self.w
        if text in HELP:
            example = next(iter(self.codes.action.values()))
            a = next((a for a in self.room.scenario.actions if a.targets), None)
            targeted = f"{self.codes.action[a.id]}@{a.targets[0]}" if a is not None else example
            words = {"example": example, "targeted": targeted, "end": END, "list": LIST, "undo": UNDO, "skip": SKIP,
                     "finish": FINISH, "quit": QUIT[0]}
            self.write(w.ui(help_key, **{**words, **extra}))
        elif text == UNDO:
            reason = t.game.can_undo()
            if reason is not None:
                self.write(w.render(reason))
            else:
                done = self.room.take_back(t.id)
                self.save()
                self.write(w.ui("action.undone", what=self.named(done.decision, done.event)))
        elif text == SKIP:
            while not self.room.finished(t) and self.enter(
                    t, EndTurn() if t.game.pending_crisis is None else Choose(t.game.default_choice() or ""), TIMER):
                pass
        elif text == FINISH:
            if self.ask(w.ui("referee.finish_confirm")) in YES:
                raise Finish
        elif text in QUIT:
            raise Quit
        else:
            return False
        return True

    def decide(self, t: Team, decision: Order | Choose, p: float | None) -> None:
        """Check a card the team played, read the class's roll when it has odds, and enter it."""
        refused = self.refused(t.game, decision)
        if refused is not None:
            self.write(refused)
            return
        if p is not None and 0.0 < p < 1.0:
            while True:
                text = self.ask(self.w.ui("referee.roll_prompt", needed=dice_needed(p)))
                if not text:
                    break  # the laptop rolls
                if text in QUIT:
                    raise Quit
                n = 100 if text == "00" else whole(text)
                if n is None:
                    self.write(self.w.ui("referee.bad_roll", text=shown(text)))
                    continue
                rolled = replace(decision, roll=n)
                refused = self.refused(t.game, rolled)
                if refused is None:
                    decision = rolled
                    break
                self.write(refused)
        self.enter(t, decision)

    def refused(self, game: Game, decision: Decision) -> str | None:
        """Why the game refuses a decision now, in the teacher's language (None when it takes it)."""
        try:
            game.clone().play(decision)
        except Refusal as e:
            return e.text(self.lang)
        return None

    def enter(self, t: Team, decision: Decision, submitter: str = REFEREE) -> bool:
        """Play a checked decision for the team, save, and say what it did; whether it was played."""
        w, game = self.w, t.game
        rolls, ledger, reports, crisis = len(game.rolls), len(game.ledger), len(game.reports), game.pending_crisis
        try:
            self.room.enter(t.id, str(decision), submitter)
        except ClassroomError as e:
            self.write(str(e))
            return False
        self.save()
        if isinstance(decision, Choose) and crisis is not None:
            self.write(w.ui("crisis.chosen", name=w.name(f"event.{crisis.id}.choice.{decision.choice}")))
        elif isinstance(decision, Order):
            self.write(w.ui("action.done", name=w.order(decision)))
        else:
            self.write(w.ui("action.done", name=w.ui("decision.end_turn_button")))
        for r in game.rolls[rolls:]:
            line = w.ui("referee.rolled", roll=r.dice, needed=dice_needed(r.p),
                        result=w.ui("word.success" if r.success else "word.failure")) if r.dice else roll_line(w, r)
            self.write("  " + line)
        if len(game.reports) > reports:
            self.report(game.reports[-1])
        else:
            for key, (before, after) in net(game.ledger[ledger:]).items():
                self.write("  " + w.ui("report.net", name=w.key(key), before=before, after=after, delta=after - before))
        outcome = game.outcome()
        if outcome is not None:
            self.write(w.ui("debrief.game_over", ending=w.name(f"ending.{outcome.ending}")))
        return True

    def named(self, decision: str, event: str) -> str:
        """A decision of the record as the teacher reads it (an answer named from its crisis)."""
        d = parse_decision(decision)
        if isinstance(d, Choose) and event:
            return self.w.name(f"event.{event}.choice.{d.choice}")
        return self.w.decision(d)

    def report(self, report: TurnReport) -> None:
        """The team's turn, compactly: what fired (with the answers given), what ended, the programmes, the meters'
        net change, the others' moves (the rolls were shown as they were made)."""
        w, view = self.w, turn_report(report, self.w)
        self.write(f"  --- {view.title} ---")
        cards = [w.ui("referee.card", title=c.title, lines=w.join(list(c.lines))) if c.lines else c.title
                 for c in view.cards if c.kind != "roll"]
        for line in (*cards, *(n.line for n in view.net), *(m.line for m in view.moves)):
            self.write("  " + line)


def run_referee(folder: Path | None, *, teams: int, names: str | None, preset: str | None, difficulty: str | None,
                seed: int | None, session: Path | None, resume: Path | None, lang: str, read: Read = input,
                write: Write = print) -> int:
    """Open a new printed-kit class (or resume one from its session file) and keep its books until it ends."""
    opened = open_room(folder, teams=teams, names=names, preset=preset, difficulty=difficulty, seed=seed,
                       session=session, resume=resume, lang=lang)
    if isinstance(opened, int):
        return opened
    room, path = opened
    opening(room, path, words(room.scenario, lang), write, resumed=resume is not None)
    return Referee(room, path, lang, read, write).run()

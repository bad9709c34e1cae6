"""`gaiko play --text`: the whole game in a terminal, keyboard only and screen-reader friendly.

It draws the same view models as the window (``gaiko_game.present``) and holds a
``Campaign``: every finished turn is autosaved, and so are ``q``, the end of input, Ctrl-C
and a closed terminal, so quitting never loses a campaign. ``save`` quick-saves; at start,
Continue and Load offer every saved campaign, each reopened on its own scenario.
"""

from __future__ import annotations

import shlex
import signal
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from gaiko_game.cli.common import load_or_report
from gaiko_game.core import Change, Refusal, Texts, TurnReport, UnknownDifficulty
from gaiko_game.present.actions import action_rows, orders
from gaiko_game.present.crisis import crisis_card
from gaiko_game.present.debrief import bench_rows, debrief, text_lines
from gaiko_game.present.headline import headline
from gaiko_game.present.hud import header, hud
from gaiko_game.present.inspect import dependence, meaning, relations, why, why_keys, why_unknown
from gaiko_game.present.programmes import programmes
from gaiko_game.present.report import net, roll_line, turn_report
from gaiko_game.present.saves import save_label, started
from gaiko_game.present.words import TABLE, Words, words
from gaiko_game.session import saves
from gaiko_game.session.campaign import Campaign, FolderScenario, Opened, Source, open_save
from gaiko_game.session.debrief import Benchmarks

Read = Callable[[str], str]
Write = Callable[[str], None]


class Hangup(Exception):
    """The terminal closed (SIGHUP) or the process was asked to stop (SIGTERM)."""


class Leave(Exception):
    """The player chose to quit in the middle of a crisis."""


class TextGame:
    """A terminal session over one campaign."""

    def __init__(self, campaign: Campaign, lang: str, read: Read = input, write: Write = print) -> None:
        self.campaign, self.lang, self.read, self.write = campaign, lang, read, write
        self.entries = orders(campaign.game)
        self._shown_turn = 0

    @property
    def w(self) -> Words:
        """The campaign's scenario's words in the player's language."""
        return words(self.campaign.scenario, self.lang)

    # ── loop ─────────────────────────────────────────────────────────────
    def run(self) -> int:
        """Play until the game ends or the player leaves (autosaving); returns an exit code."""
        w, game = self.w, self.campaign.game
        self.write(w.ui("term.title", scenario=w.name("scenario.name")))
        self.write(w.name("scenario.description"))
        if w.note():
            self.write(w.note())
        self.write(w.ui("term.intro_keys"))
        try:
            while not game.is_over:
                if game.pending_crisis is not None:
                    self.crisis()
                    continue
                if self._shown_turn != game.turn:
                    self.show_turn()
                if not self.command(normal(self.read(w.ui("term.prompt")))):
                    return self.leave(0)
        except (EOFError, Leave):
            return self.leave(0)
        except (KeyboardInterrupt, Hangup):
            return self.leave(130)
        self.finale()
        return 0

    def leave(self, code: int) -> int:
        """Autosave and say goodbye (the goodbye may fail on a closed terminal; the save is already made)."""
        problem = None if self.campaign.autosave() else self.campaign.save_problem
        try:
            self.write("")
            if problem:
                self.write(self.w.ui("saves.failed", why=problem))
            self.write(self.w.ui("term.bye"))
        except OSError:
            pass
        return code

    def confirm_quit(self) -> bool:
        """Ask before leaving (the campaign is autosaved either way)."""
        return normal(self.read(self.w.ui("term.quit_confirm"))) in ("y", "yes", "はい")

    def command(self, text: str) -> bool:
        """Handle one (normalised) command; False means the player quit."""
        w, head, rest = self.w, text[:1], text[1:].strip()
        number = rest if head in ("i", "x") else text
        n = whole(number)
        if number.isdigit() and n is None:  # digits int() refuses (U+10A40), or more than any menu has
            self.write(w.ui("term.no_such_number", n=shown(number, 8)))
        elif n is not None and number == text:
            self.take(n)
        elif text == "save":
            self.save()
        elif head == "e" and not rest:
            self._report(self.campaign.end_turn())
        elif head == "i" and n is not None:
            self.encyclopedia(n)
        elif head == "i" and not rest:
            self.write(w.ui("term.i_needs_number"))
        elif head == "w":
            self.why(rest)
        elif head == "s" and not rest:
            self.show_turn()
        elif head == "a" and not rest:
            self._lines(relations(self.campaign.game, w))
        elif head == "d" and not rest:
            self._lines(dependence(self.campaign.game, w))
        elif head == "c" and not rest:
            self._lines(headline(self.campaign.game, w).full(), indent="")
        elif head == "u" and not rest:
            self.undo()
        elif head == "x" and not rest:
            self.programmes()
        elif head == "x" and n is not None:
            self.withdraw(n)
        elif head in ("h", "?") and not rest:
            self.write(w.ui("term.help", example=next(iter(why_keys(self.campaign.game)))))
        elif head == "q" and not rest:
            return not self.confirm_quit()
        elif text:
            self.write(w.ui("term.bad_input", text=shown(text)))
        return True

    def _lines(self, lines: list[str], indent: str = "  ") -> None:
        self.write(lines[0])
        for line in lines[1:]:
            self.write(indent + line)

    # ── the board ────────────────────────────────────────────────────────
    def show_turn(self) -> None:
        """The date, the meters with trends, capital, tracks, programmes in force, the headline, the guide and the
        action menu."""
        w, game = self.w, self.campaign.game
        self._shown_turn = game.turn
        self.write("")
        for line in header(game, w):
            self.write(line)
        for prompt in hud(game, w).guide:
            self.write(w.ui("word.guide", text=prompt))
        self.show_menu()

    def show_menu(self) -> None:
        """Every action, numbered, grouped by category; unavailable ones say why."""
        w = self.w
        self.write(w.ui("term.actions"))
        category = None
        for row in action_rows(self.campaign.game, w):
            if row.category != category:
                category = row.category
                self.write(f"[{row.category_name}]")
            self.write(f"  {row.number}. {row.line}")
            for line in (*row.world, *row.warnings):
                self.write(f"      {line}")

    # ── actions ──────────────────────────────────────────────────────────
    def take(self, n: int) -> None:
        """Take the numbered action, or say why it cannot be taken."""
        w, game = self.w, self.campaign.game
        if not 1 <= n <= len(self.entries):
            self.write(w.ui("term.no_such_number", n=n))
            return
        order = self.entries[n - 1]
        rolls = len(game.rolls)
        try:
            changes = self.campaign.apply(order)
        except Refusal as refusal:
            self.write(refusal.text(self.lang))
            return
        self.write(w.ui("action.done", name=w.order(order)))
        for roll in game.rolls[rolls:]:
            self.write("  " + roll_line(w, roll))
        self._changes(changes)

    def _changes(self, changes: list[Change]) -> None:
        """Each number the decision moved, once: from where it stood to where it ended (two shifts of one share,
        say, read as one line)."""
        for key, (before, after) in net(changes).items():
            self.write("  " + self.w.ui("report.net", name=self.w.key(key), before=before, after=after,
                                        delta=after - before))

    def undo(self) -> None:
        """Take back the last decision of this turn, or say why it cannot be (a roll was seen, the turn is over)."""
        reason = self.campaign.game.can_undo()
        if reason is not None:
            self.write(self.w.render(reason))
            return
        last = self.campaign.undo()
        self.write(self.w.ui("action.undone", what=self.w.decision(last)))

    # ── standing programmes ──────────────────────────────────────────────
    def programmes(self) -> None:
        """The programmes in force, numbered, with their upkeep, effects and what ending each costs."""
        view = programmes(self.campaign.game, self.w)
        for line in view.lines():
            self.write(line)
        if view.items:
            self.write(self.w.ui("term.withdraw_hint"))

    def withdraw(self, n: int) -> None:
        """Withdraw the numbered programme, once the player has seen what ending it costs and confirmed."""
        w, view = self.w, programmes(self.campaign.game, self.w)
        if not 1 <= n <= len(view.items):
            self.write(w.ui("term.no_such_programme", n=n) if view.items else w.ui("term.no_programmes_to_end"))
            return
        item = view.items[n - 1]
        if normal(self.read(w.ui("term.withdraw_confirm", question=item.confirm))) not in ("y", "yes", "はい"):
            return
        try:
            changes = self.campaign.withdraw(item.action)
        except Refusal as refusal:
            self.write(refusal.text(self.lang))
            return
        self.write(w.ui("programme.withdrawn", name=item.name))
        self._changes(changes)

    def save(self) -> None:
        """Quick-save the campaign."""
        path = self.campaign.quicksave()
        w = self.w
        self.write(w.ui("saves.saved", path=str(path)) if path else w.ui("saves.failed", why=self.campaign.save_problem))

    # ── crises ───────────────────────────────────────────────────────────
    def crisis(self) -> None:
        """Show the pending crisis and take a choice."""
        w, game = self.w, self.campaign.game
        card = crisis_card(game, w)
        self.write("")
        self.write(card.heading)
        self.write(card.text)
        if card.immediate:
            self.write(card.immediate)
        for c in card.choices:
            self.write(f"  {c.number}. {c.line}")
            for line in c.world:
                self.write(f"      {line}")
        while True:
            text = normal(self.read(w.ui("term.crisis_prompt")))
            if text == "i":
                self.write(w.ui("term.encyclopedia", name=card.title))
                self.write(card.background)
                continue
            if text in ("h", "?"):
                self.write(w.ui("term.crisis_help"))
                continue
            if text == "save":
                self.save()
                continue
            if text == "q":
                if self.confirm_quit():
                    raise Leave
                continue
            n = whole(text)
            if n is not None and 1 <= n <= len(card.choices):
                choice = card.choices[n - 1]
                rolls = len(game.rolls)
                try:
                    report = self.campaign.choose(choice.id)
                except Refusal as refusal:
                    self.write(refusal.text(self.lang))
                    continue
                self.write(w.ui("crisis.chosen", name=choice.label))
                for roll in game.rolls[rolls:]:
                    self.write("  " + roll_line(w, roll))
                self._report(report)
                return
            self.write(w.ui("term.bad_input", text=shown(text)))

    # ── reports ──────────────────────────────────────────────────────────
    def _report(self, report: TurnReport | None) -> None:
        if report is None:
            return
        view = turn_report(report, self.w)
        self.write("")
        self.write(f"--- {view.title} ---")
        lines = view.lines()
        for line in lines or [self.w.ui("word.no_changes")]:
            self.write(line)
        if self.campaign.save_problem:
            self.write(self.w.ui("saves.failed", why=self.campaign.save_problem))

    def why(self, name: str) -> None:
        """The recent causes behind one number."""
        w, game = self.w, self.campaign.game
        key = why_keys(game, w).get(name)
        if key is None:
            self.write(why_unknown(game, w))
            return
        self._lines([meaning(game, w, key), w.ui("inspect.why_header", name=w.key(key)), *why(game, w, key)])

    def encyclopedia(self, n: int) -> None:
        """The background entry of a numbered action."""
        w = self.w
        if not 1 <= n <= len(self.entries):
            self.write(w.ui("term.no_such_number", n=n))
            return
        action = self.entries[n - 1].action
        self.write(w.ui("term.encyclopedia", name=w.name(f"action.{action}.name")))
        self.write(w.background(f"action.{action}"))

    def finale(self) -> None:
        """The ending, the score and rating, the strategy played, and questions to discuss."""
        d = debrief(self.campaign.game, self.w, self.campaign.weighting)
        self.write("")
        self.write(f"=== {d.game_over} ===")
        for line in (d.ending_desc, d.meters_line, d.score_line, d.weighted, d.rating_desc, d.strategy):
            if line:
                self.write(line)
        bench = Benchmarks(self.campaign)  # the reference players on this seed: the advisor takes about half a second
        bench.quick()
        while not bench.step(1.0):
            pass
        for line in text_lines(d, self.w, bench_rows(self.w, bench.results(), d.score)):
            self.write(line)
        if d.questions:
            self.write(self.w.ui("debrief.questions"))
            for q in d.questions:
                self.write(f"  - {q}")


@contextmanager
def _hangup_raises() -> Iterator[None]:
    """While playing, a closed terminal or a TERM signal raises :class:`Hangup`, so the campaign is autosaved."""
    def handler(signum: int, frame: FrameType | None) -> None:
        raise Hangup(signum)

    kinds = [s for s in (getattr(signal, "SIGHUP", None), signal.SIGTERM) if s is not None]
    try:
        old = [(k, signal.signal(k, handler)) for k in kinds]
    except ValueError:  # not the main thread (tests): nothing to install
        old = []
    try:
        yield
    finally:
        for k, h in old:
            signal.signal(k, h)


def choose_start(lang: str, read: Read, write: Write, here: Path | None = None) -> Campaign | bool | None:
    """Offer Continue and Load when saves exist: a campaign to resume, None for a new one, False to leave.

    Only an explicit answer starts a new campaign; anything else asks again, so a typo never
    buries a campaign under a fresh one. A save that cannot open says why and the menu comes back.
    A save played on a scenario folder of its own opens only when ``here`` (the folder this game
    was started on) is that folder; otherwise it says which folder and the command that opens it.
    """
    found, problems = saves.listing()
    for problem in problems:
        write(problem.text(lang))
    if not found:
        return None
    latest = saves.latest_unfinished(found)
    t = Texts({}, lang, TABLE)  # interface words only: no scenario is loaded yet
    if latest is not None:
        prompt, choices = t.ui("term.start_menu", save=save_label(latest, lang)), {"1": "continue", "2": "new", "3": "load"}
    else:
        prompt, choices = t.ui("term.start_menu_finished"), {"1": "new", "2": "load"}
    try:
        while True:
            answer = normal(read(prompt))
            pick = choices.get(answer) or ("leave" if answer in ("q", "quit") else "")
            if pick == "leave":
                return False
            if pick == "new":
                return None
            opened = None
            if pick == "continue" and latest is not None:
                opened = _open(latest, lang, write, here)
            elif pick == "load":
                opened = _load(found, lang, read, write, here)
            elif answer:
                write(t.ui("term.bad_input", text=shown(answer)))
            if opened is not None:
                return opened
    except EOFError:
        return False


def _load(found: list[saves.SaveInfo], lang: str, read: Read, write: Write, here: Path | None) -> Campaign | None:
    """List the newest saves, numbered, and open the one chosen (Enter goes back to the menu)."""
    t = Texts({}, lang, TABLE)
    listed = found[:9]
    for i, info in enumerate(listed, 1):
        write(f"  {i}. {save_label(info, lang)} ({started(info, lang)})")
    answer = normal(read(t.ui("term.load_prompt")))
    n = whole(answer)
    if n is not None and 1 <= n <= len(listed):
        return _open(listed[n - 1], lang, write, here)
    if answer:
        write(t.ui("term.no_such_number", n=shown(answer, 8)))
    return None


def whole(text: str) -> int | None:
    """A menu number typed by the player (after :func:`normal`): one to six ASCII digits, else None.

    ``str.isdigit`` also holds for digits ``int`` refuses (Kharosthi one, U+10A40) and for thousands of digits;
    neither may end a game with a traceback.
    """
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None


def shown(text: str, limit: int = 40) -> str:
    """What the player typed, safe to echo: control characters as ``?``, at most ``limit`` characters."""
    safe = "".join(c if c.isprintable() else "?" for c in text)
    return safe if len(safe) <= limit else safe[:limit] + "…"


def normal(text: str) -> str:
    """What the player typed, trimmed, lower-cased and in half-width forms (ｅ, ｑ, １ typed with a Japanese IME work)."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def _open(info: saves.SaveInfo, lang: str, write: Write, here: Path | None) -> Campaign | None:
    try:
        opened = _opened(info.path, here)
    except FolderScenario as e:
        command = shlex.join(["gaiko", "play", "--text", "--scenario", saves.shown(e.folder)])
        write(e.text(lang) + " " + Texts({}, lang, TABLE).ui("term.folder_command", command=command))
        return None
    except saves.BadSave as e:
        write(e.text(lang))
        return None
    write(Texts({}, lang, TABLE).ui("term.resumed", save=save_label(info, lang)))
    if opened.notice is not None:
        write(opened.notice.text(lang))
    return opened.campaign


def _opened(path: Path, here: Path | None) -> Opened:
    """A save opened; one played on a scenario folder opens only on ``here``, when that is its folder."""
    try:
        return open_save(path)
    except FolderScenario as e:
        if e.chosen(here):
            return open_save(path, e.folder)
        raise


def run_text(scenario_path: Path, seed: int | None, lang: str, difficulty: str | None = None, read: Read = input,
             write: Write = print) -> int:
    """Play in the terminal: Continue or Load a saved campaign, or start ``scenario_path`` afresh.

    With ``seed`` given, a new campaign starts at once (no start menu).
    """
    campaign: Campaign | bool | None = None
    if seed is None:
        campaign = choose_start(lang, read, write, scenario_path)
        if campaign is False:
            return 0
    if not isinstance(campaign, Campaign):
        scenario = load_or_report(scenario_path)
        if scenario is None:
            return 1
        try:
            campaign = Campaign.new(scenario, Source.of(scenario_path), seed, difficulty)
        except UnknownDifficulty as e:
            write(f"gaiko: error: {e.text('en')}")
            return 2
    with _hangup_raises():
        return TextGame(campaign, lang, read, write).run()

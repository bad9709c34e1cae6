"""A classroom session: teams playing parallel games from one seed, deciding by role votes, on a clock a teacher runs.

Every team plays its own campaign of the same scenario, seed, difficulty and weighting (the duplicate
format: all meet the same dealt crises, so the debrief compares choices, not luck). Each ministry role
of a team votes for a decision; one device submits, and the team's decision is the most voted one, the
submitting role's vote breaking a tie. The teacher opens each turn on a clock; when it runs out (or the
teacher closes the turn) every team still playing it ends it, its crises answered with their default
choices. The teacher may deal or veto a crisis for chosen teams (kept in the team's record, so replays
see it), reveal information, lock a team's membership or merge two teams, pause and resume. The session
keeps every vote and every decision, is written whole after each change, resumes from its file, replays
every team to verify it, and exports one CSV row per decision. A team's score counts on the leaderboard
only when its record replays to it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gaiko_game.core import Game, Scenario, parse_decision
from gaiko_game.core.errors import Refusal
from gaiko_game.core.model import PresetDef
from gaiko_game.core.report import score_of
from gaiko_game.session import saves
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.record import state_hash
from gaiko_game.session.seeding import new_game

FORMAT = 2
TEACHER = "teacher"
"""The submitter of a decision the teacher made for a team (a dealt or vetoed crisis)."""
TIMER = "timer"
"""The submitter of a decision the clock made (the turn ended, a crisis answered by default)."""
REFEREE = "referee"
"""The submitter of a decision a referee entered for a team playing the printed kit (read off its cards, no votes)."""
LOBBY, OPEN, PAUSED, CLOSED, ENDED = "lobby", "open", "paused", "closed", "ended"
"""The session's states: before the first turn; a turn on the clock; paused; between turns; over."""
CODE_LETTERS = "ACDEFGHJKLMNPQRTUVWXY"
"""Room codes use capitals that cannot be mistaken for digits or each other when read off a projector."""


class ClassroomError(ValueError):
    """A refused classroom request, with a reason a student can read (in English; the pages translate codes)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Submitted:
    """One decision a team made: when, what, who submitted it and every vote cast for it."""

    turn: int
    decision: str
    submitter: str
    votes: dict[str, str]
    meters: dict[str, int] = field(default_factory=dict)
    """The meters right after it (what the CSV reports)."""
    event: str = ""
    """The crisis an answer (``choose:…``) was given to ("" for any other decision): answers' ids are per crisis."""


@dataclass
class Team:
    """A team: its id, its campaign, the votes of the decision in hand and what it has decided."""

    id: str
    campaign: Campaign
    ballot: dict[str, str] = field(default_factory=dict)
    decided: list[Submitted] = field(default_factory=list)
    locked: bool = False
    """No one new may join it (its members stay)."""
    merged_into: str | None = None
    """The team whose members it joined: it plays no more turns."""
    version: int = 0
    """Raised at every change a page shows (what page caches are keyed on)."""
    _hash: tuple[int, str] = (-1, "")

    @property
    def state_hash(self) -> str:
        """The game's state hash, computed once per decision."""
        if self._hash[0] != len(self.decided):
            self._hash = (len(self.decided), state_hash(self.game))
        return self._hash[1]

    @property
    def game(self) -> Game:
        return self.campaign.game

    def take_back(self) -> Submitted:
        """Undo the game's last decision and drop it from the record (the game must allow it)."""
        self.game.undo()
        self._hash = (-1, "")  # the next decision brings the record back to this length, in another state
        return self.decided.pop()

    @property
    def playing(self) -> bool:
        """Whether it still plays turns (not merged away, its game not over)."""
        return self.merged_into is None and not self.game.is_over


@dataclass(frozen=True)
class Member:
    """A student's seat: the team and the ministry role the device holds (never a name)."""

    team: str
    role: str


def token_key(token: str) -> str:
    """What the session file keeps of a seat's token: its hash, so the file never holds a key to a seat."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Room:
    """The teams of one session, all on the same scenario, seed, difficulty and weighting, and its clock."""

    def __init__(self, scenario: Scenario, source: Source, seed: int, teams: list[str], difficulty: str | None = None,
                 weighting: str | None = None, preset: str | None = None, clock: Callable[[], float] = time.time,
                 code: str | None = None, minutes: float | None = None) -> None:
        if not teams or len(set(teams)) != len(teams):
            raise ClassroomError("teams", "give at least one team, each with its own name")
        presets = scenario.class_presets()
        found = next((p for p in presets if p.id == preset), None) if preset else presets[0]
        if found is None:
            raise ClassroomError("preset", f"there is no preset '{preset}': use one of {', '.join(p.id for p in presets)}")
        self.preset: PresetDef = found if minutes is None else replace(found, minutes=minutes)
        self.scenario, self.source, self.seed, self.clock = scenario, source, seed, clock
        self.difficulty = scenario.difficulty(difficulty or found.difficulty).id
        self.weighting = scenario.weighting(weighting or found.weighting).id
        self.teams = {t: Team(t, Campaign.new(scenario, source, seed, self.difficulty, explain=False,
                                              weighting=self.weighting)) for t in teams}
        self.roles = tuple(r.id for r in scenario.roles())
        self.code = code or "".join(secrets.choice(CODE_LETTERS) for _ in range(5))
        self.members: dict[str, Member] = {}
        """Seats by the hash of their token."""
        self.status, self.turn = LOBBY, 0
        self.deadline: float | None = None
        self.left: float | None = None
        """Seconds left on the clock while paused."""
        self.revealed: list[dict[str, Any]] = []
        """What the teacher revealed, each with the turn it was revealed in."""
        self.version = 0
        """Raised at every change any page shows (the teacher's and the projector's views are keyed on it)."""
        self.epoch = 0
        """Raised at every change of the clock, the turn, what is revealed, or a team's lock or merge: what every
        team's view shows besides its own game (a vote raises only its team's version)."""

    def _epoch(self) -> None:
        self.epoch += 1
        self.version += 1

    # ── seats ─────────────────────────────────────────────────────────────
    def team(self, team: str) -> Team:
        """A team by id; refused when there is none."""
        if team not in self.teams:
            raise ClassroomError("team", f"there is no team '{team}'")
        return self.teams[team]

    def holder(self, team: str, role: str) -> str | None:
        """The token hash of the seat holding a team's role, if anyone holds it."""
        return next((k for k, m in self.members.items() if m == Member(team, role)), None)

    def join(self, team: str, role: str, replace: bool = False) -> str:
        """Give a device a seat on a team in a free role; returns its token (keep it to rejoin). ``replace``
        takes the role from a device that is gone (the caller knows who is connected)."""
        t = self.team(team)
        while t.merged_into is not None:
            t = self.team(t.merged_into)
        if role not in self.roles:
            raise ClassroomError("role", f"there is no role '{role}'")
        if t.locked:
            raise ClassroomError("locked", f"team '{t.id}' is locked: ask the teacher")
        held = self.holder(t.id, role)
        if held is not None and not replace:
            raise ClassroomError("role_taken", "someone on the team already holds that role: pick another")
        if held is not None:
            del self.members[held]
        token = secrets.token_urlsafe(18)
        self.members[token_key(token)] = Member(t.id, role)
        self._changed(t)
        return token

    def leave(self, token: str) -> None:
        """Give up a seat (a device handed on to another student); its votes stay in the record."""
        t = self.team(self.seat(token).team)
        del self.members[token_key(token)]
        self._changed(t)

    def seat(self, token: str) -> Member:
        """The seat a token holds; refused for a token the room never gave (or gave to a seat since taken)."""
        m = self.members.get(token_key(token))
        if m is None:
            raise ClassroomError("token", "this device has no seat in this class: join again")
        return m

    # ── votes and decisions ───────────────────────────────────────────────
    def can_act(self, team: str) -> Team:
        """The team, when it may decide now: the turn is on the clock and it has not finished it."""
        t = self.team(team)
        if self.status != OPEN:
            raise ClassroomError("not_open", "the turn is not open: wait for the teacher")
        if not t.playing or t.game.turn != self.turn:
            raise ClassroomError("done", "your team has finished this turn: wait for the next one")
        return t

    def vote(self, team: str, role: str, decision: str) -> None:
        """Record a role's vote for a decision its team could make now (a later vote by the same role replaces it)."""
        t = self.can_act(team)
        if role not in self.roles:
            raise ClassroomError("role", f"there is no role '{role}'")
        self._check(t.game, decision)
        t.ballot[role] = decision
        self._changed(t)

    def choice(self, team: str, submitter: str) -> str:
        """The team's decision: the most votes; a tie goes to the submitting role's vote."""
        t = self.team(team)
        if not t.ballot:
            raise ClassroomError("no_votes", "nobody on the team has voted yet")
        counts = Counter(t.ballot.values())
        top = max(counts.values())
        tied = [d for d, n in counts.items() if n == top]
        if len(tied) == 1:
            return tied[0]
        mine = t.ballot.get(submitter)
        if mine in tied:
            return mine
        raise ClassroomError("tie", "the vote is tied: the submitting role must vote for one of the tied choices")

    def submit(self, team: str, submitter: str) -> Submitted:
        """Play the team's decision, keep its votes with it, and clear the ballot."""
        t = self.can_act(team)
        decision = self.choice(team, submitter)
        self._check(t.game, decision)
        done = self._play(t, decision, submitter, dict(t.ballot))
        self._all_done()
        return done

    def _play(self, t: Team, decision: str, submitter: str, votes: dict[str, str]) -> Submitted:
        turn = t.game.turn  # the turn it was made in (ending a turn moves the game to the next)
        crisis = t.game.pending_crisis
        t.game.play(parse_decision(decision))
        done = Submitted(turn, decision, submitter, votes, t.game.view.meters(),
                         crisis.id if crisis is not None and decision.startswith("choose:") else "")
        t.decided.append(done)
        t.ballot.clear()
        self._changed(t)
        return done

    def enter(self, team: str, decision: str, submitter: str = REFEREE) -> Submitted:
        """Play a decision entered for a team by hand (a referee reading a printed kit's cards): checked as a vote
        is, recorded with no votes. The team must be in the turn on the clock."""
        t = self.can_act(team)
        self._check(t.game, decision)
        return self._play(t, decision, submitter, {})

    def take_back(self, team: str) -> Submitted:
        """Take back a team's last decision of the turn on the clock, as far as the game allows (never past a roll
        or the end of a turn); returns it."""
        t = self.can_act(team)
        if t.game.can_undo() is not None or not t.decided:
            raise ClassroomError("illegal", "that decision cannot be taken back")
        done = t.take_back()
        self._changed(t)
        self._epoch()  # pages cache a team's view by the length of its record: this keeps them from a stale one
        return done

    @staticmethod
    def _check(game: Game, decision: str) -> None:
        try:
            parsed = parse_decision(decision)
            game.clone().play(parsed)
        except (ValueError, Refusal) as e:
            raise ClassroomError("illegal", f"'{decision}' cannot be played now: {e}") from None

    def finished(self, team: Team) -> bool:
        """Whether a team is done with the turn on the clock (or plays no more)."""
        return not team.playing or team.game.turn > self.turn

    # ── the clock ─────────────────────────────────────────────────────────
    def start(self) -> None:
        """Open the next turn on the clock (the first from the lobby)."""
        if self.status not in (LOBBY, CLOSED):
            raise ClassroomError("state", "a turn is already on the clock" if self.status in (OPEN, PAUSED)
                                 else "the session is over")
        self.turn += 1
        self.status, self.deadline, self.left = OPEN, self.clock() + self.preset.minutes * 60, None
        self._epoch()
        self._all_done()

    def remaining(self) -> float | None:
        """Seconds left on the turn's clock (None when no turn is on it)."""
        if self.status == PAUSED:
            return self.left
        if self.status == OPEN and self.deadline is not None:
            return max(0.0, self.deadline - self.clock())
        return None

    def pause(self) -> None:
        if self.status != OPEN:
            raise ClassroomError("state", "only a turn on the clock can be paused")
        self.left, self.deadline, self.status = self.remaining(), None, PAUSED
        self._epoch()

    def resume(self) -> None:
        if self.status != PAUSED:
            raise ClassroomError("state", "the session is not paused")
        self.deadline, self.left, self.status = self.clock() + (self.left or 0.0), None, OPEN
        self._epoch()

    def extend(self, seconds: float) -> None:
        """Give the turn more time (or less, down to none left)."""
        if self.status == OPEN and self.deadline is not None:
            self.deadline = max(self.clock(), self.deadline + seconds)
        elif self.status == PAUSED:
            self.left = max(0.0, (self.left or 0.0) + seconds)
        else:
            raise ClassroomError("state", "no turn is on the clock")
        self._epoch()

    def tick(self) -> bool:
        """Close the turn when its clock has run out; whether it did."""
        left = self.remaining()
        if self.status == OPEN and left is not None and left <= 0:
            self.close()
            return True
        return False

    def close(self) -> None:
        """End the turn on the clock for every team still playing it: the turn ends and each crisis waiting takes
        its default choice (recorded as the clock's decisions, with no votes)."""
        if self.status not in (OPEN, PAUSED):
            raise ClassroomError("state", "no turn is on the clock")
        for t in self.teams.values():
            while t.playing and t.game.turn == self.turn:
                decision = "end" if t.game.pending_crisis is None else f"choose:{t.game.default_choice()}"
                self._play(t, decision, TIMER, {})
        self.status, self.deadline, self.left = (ENDED if self.turn >= self.preset.turns else CLOSED), None, None
        self._epoch()

    def seated(self, team: Team) -> bool:
        """Whether any student holds a seat on the team (a team nobody joined is not waited for)."""
        return any(m.team == team.id for m in self.members.values())

    def _all_done(self) -> None:
        """When every team someone plays in has finished the turn on the clock, close it (the teams nobody joined
        end theirs by default, as the clock would) and stop the clock: the teacher starts the next."""
        waiting = [t for t in self.teams.values() if not self.finished(t) and self.seated(t)]
        if self.status == OPEN and not waiting and any(self.seated(t) for t in self.teams.values()):
            self.close()

    def end(self) -> None:
        """End the session now (the debrief follows)."""
        if self.status in (OPEN, PAUSED):
            self.close()
        self.status = ENDED
        self._epoch()

    # ── the teacher's moves ───────────────────────────────────────────────
    def targets(self, teams: list[str] | None) -> list[Team]:
        """The teams a move is for: the named ones, or every team still playing."""
        chosen = [self.team(t) for t in teams] if teams else list(self.teams.values())
        return [t for t in chosen if t.playing]

    def deal(self, event: str, teams: list[str] | None = None) -> list[str]:
        """Deal a crisis now to the chosen teams (all by default) that are in the turn's action phase."""
        return self._teacher(f"deal:{event}", teams)

    def veto(self, event: str, teams: list[str] | None = None) -> list[str]:
        """Take an announced crisis off the chosen teams' headlines; the teams it was put to."""
        return self._teacher(f"veto:{event}", teams)

    def _teacher(self, decision: str, teams: list[str] | None) -> list[str]:
        if self.status not in (OPEN, PAUSED):
            raise ClassroomError("state", "deal or veto a crisis while a turn is on the clock")
        done, refused = [], []
        for t in self.targets(teams):
            try:
                self._check(t.game, decision)
            except ClassroomError as e:
                refused.append(f"{t.id}: {e}")
                continue
            self._play(t, decision, TEACHER, {})
            done.append(t.id)
        if not done:
            raise ClassroomError("illegal", "; ".join(refused) or "no team is playing")
        return done

    def reveal(self, kind: str, actor: str | None = None) -> None:
        """Reveal to every team, for this turn: an actor's agenda odds (``agenda``) or the crises the next turn
        would bring if the team ended its turn now (``next_crises``)."""
        if kind == "agenda":
            if actor is None or self.scenario.actor(actor) is None:
                raise ClassroomError("actor", f"there is no actor '{actor}'")
        elif kind != "next_crises":
            raise ClassroomError("reveal", f"nothing to reveal called '{kind}'")
        self.revealed.append({"turn": self.turn, "kind": kind, "actor": actor})
        self._epoch()

    def reveals(self) -> list[dict[str, Any]]:
        """What is revealed for the turn on the clock."""
        return [r for r in self.revealed if r["turn"] == self.turn]

    def lock(self, team: str, locked: bool = True) -> None:
        self.team(team).locked = locked
        self._changed(self.team(team))
        self._epoch()

    def merge(self, team: str, into: str) -> None:
        """Move a team's students to another team; it plays no more turns (its record stays in the session)."""
        a, b = self.team(team), self.team(into)
        if a is b or not b.playing or a.merged_into is not None:
            raise ClassroomError("merge", "merge a team into another team that still plays")
        a.merged_into, a.ballot = b.id, {}
        taken = {m.role for m in self.members.values() if m.team == b.id}
        for key, m in list(self.members.items()):
            if m.team == a.id:
                free = next((r for r in self.roles if r not in taken), m.role)
                taken.add(free)
                self.members[key] = Member(b.id, free)
        self._changed(a)
        self._changed(b)
        self._epoch()
        self._all_done()

    def _changed(self, t: Team) -> None:
        t.version += 1
        self.version += 1

    # ── the session file ──────────────────────────────────────────────────
    def data(self, anonymous: bool = False) -> dict[str, Any]:
        """Everything the session holds: the frame, the clock, the seats, and each team's decisions, votes and
        resulting state. ``anonymous`` leaves out the seats and the room code (what may leave the teacher's
        machine: it names no device)."""
        source = self.source.as_json()
        if anonymous and self.source.folder:  # a folder's path can name the teacher's account
            source = {"folder": Path(self.source.folder).name}
        return {"format": FORMAT, "scenario": self.scenario.id, "content_hash": self.scenario.content_hash,
                "source": source, "seed": self.seed, "difficulty": self.difficulty,
                "weighting": self.weighting, "preset": self.preset.id, "minutes": self.preset.minutes,
                "code": "" if anonymous else self.code, "status": self.status, "turn": self.turn,
                "left": self.remaining(), "revealed": self.revealed,
                "members": {} if anonymous else {k: [m.team, m.role] for k, m in self.members.items()},
                "teams": [{"id": t.id, "decided": [vars(d) for d in t.decided], "turn": t.game.turn,
                           "meters": t.game.view.meters(), "state_hash": t.state_hash,
                           "locked": t.locked, "merged_into": t.merged_into}
                          for t in self.teams.values()]}

    def save(self, path: Path) -> None:
        """Write the whole session at once (never half a file), after every decision."""
        saves.write_json(path, self.data())

    @classmethod
    def resume_from(cls, scenario: Scenario, data: dict[str, Any], clock: Callable[[], float] = time.time) -> Room:
        """The session a file holds, every team replayed from its record, paused where it stopped (a turn that was
        on the clock keeps the time it had left). Refused when the file does not replay on this scenario."""
        if data.get("content_hash") != scenario.content_hash:
            raise ClassroomError("scenario", "the session was played on other content: open it with the scenario it "
                                 "was played on")
        try:
            room = cls(scenario, Source.from_json(data["source"]), int(data["seed"]),
                       [str(t["id"]) for t in data["teams"]], str(data["difficulty"]), str(data["weighting"]),
                       str(data["preset"]), clock, str(data["code"]) or None, float(data["minutes"]))
            for t, saved in zip(room.teams.values(), data["teams"], strict=True):
                for d in saved["decided"]:
                    t.game.play(parse_decision(str(d["decision"])))
                    t.decided.append(Submitted(int(d["turn"]), str(d["decision"]), str(d["submitter"]),
                                               {str(k): str(v) for k, v in d["votes"].items()}, t.game.view.meters(),
                                               str(d.get("event", ""))))
                if state_hash(t.game) != saved["state_hash"]:
                    raise ClassroomError("replay", f"team '{t.id}' does not replay to its recorded state")
                t.locked, t.merged_into = bool(saved.get("locked")), saved.get("merged_into")
            room.members = {str(k): Member(str(v[0]), str(v[1])) for k, v in data["members"].items()}
            room.turn, room.revealed = int(data["turn"]), list(data["revealed"])
            status, left = str(data["status"]), data.get("left")
        except (KeyError, TypeError, ValueError, AttributeError, Refusal) as e:
            if isinstance(e, ClassroomError):
                raise
            raise ClassroomError("session", f"the session file is damaged ({type(e).__name__}: {e})") from None
        room.status = PAUSED if status in (OPEN, PAUSED) else status
        room.left = float(left) if room.status == PAUSED and left is not None else None
        return room

    def csv(self, name: Callable[[Submitted], str] | None = None) -> str:
        """One row per team and decision: the turn it was made in, the decision (and, with ``name``, what it is
        called in the teacher's language), who submitted it (a role, the clock or the teacher), each role's vote,
        the meters after it, the score."""
        meters = self.scenario.meter_ids()
        out = io.StringIO()
        w = csv.writer(out)
        named = ["decision_name"] if name else []
        w.writerow(["team", "turn", "decision", *named, "submitter", *(f"vote_{r}" for r in self.roles), *meters,
                    "score"])
        weights = self.scenario.weighting(self.weighting)
        for t in self.teams.values():
            for d in t.decided:
                w.writerow([t.id, d.turn, d.decision, *([name(d)] if name else []), d.submitter,
                            *(d.votes.get(r, "") for r in self.roles), *(d.meters[m] for m in meters),
                            score_of(d.meters, weights)])
        return out.getvalue()


def read_session(path: Path) -> dict[str, Any] | None:
    """A session file's data, or None when the file is not a session. It is read through the saves' door (a
    plain file of at most a megabyte; a class of 8 teams over 24 turns writes about 100 KB), so a hostile file
    (a link, a pipe, a deeply nested or huge one) is simply not a session, and the save checks say what it is."""
    try:
        data = json.loads(saves.plain_bytes(path).decode("utf-8"))
    except (saves.BadSave, OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    ok = isinstance(data, dict) and data.get("format") in (1, FORMAT) and isinstance(data.get("teams"), list)
    return data if ok and all(isinstance(t, dict) for t in data["teams"]) else None


def verify(scenario: Scenario, data: dict[str, Any]) -> dict[str, bool]:
    """Replay every team of a session file on the scenario: whether each reaches the state it records."""
    if data.get("content_hash") != scenario.content_hash:
        return {str(t.get("id")): False for t in data.get("teams", [])}
    out = {}
    for t in data.get("teams", []):
        game = new_game(scenario, int(data["seed"]), difficulty=str(data["difficulty"]), explain=False)
        try:
            for d in t.get("decided", []):
                game.play(parse_decision(str(d["decision"])))
        except (ValueError, Refusal, KeyError, TypeError):
            out[str(t.get("id"))] = False
            continue
        out[str(t.get("id"))] = state_hash(game) == t.get("state_hash") and game.view.meters() == t.get("meters")
    return out


def leaderboard(scenario: Scenario, data: dict[str, Any]) -> list[tuple[str, float | None]]:
    """Each team with its score, best first; None for a team whose record does not replay to it (it does not
    count). Scored by the session's weighting."""
    ok = verify(scenario, data)
    weights = scenario.weighting(str(data.get("weighting")))
    rows = [(str(t["id"]), score_of(t["meters"], weights) if ok.get(str(t["id"])) else None)
            for t in data.get("teams", [])]
    return sorted(rows, key=lambda r: (r[1] is None, -(r[1] or 0.0)))

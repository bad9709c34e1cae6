"""A classroom session: teams playing parallel Japans from one seed, deciding by role votes (issue 14, begun).

Every team plays its own campaign of the same scenario, seed, difficulty and weighting (the duplicate
format: all meet the same dealt crises, so the debrief compares choices, not luck). Each ministry role
of a team votes for a decision; one device submits, and the team's decision is the most voted one, the
submitting role's vote breaking a tie. The session keeps every vote and every decision, writes itself
whole after each decision, replays every team to verify it, and exports one CSV row per decision. A
team's score counts on the leaderboard only when its record replays to it.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gaiko_game.core import Game, Scenario, parse_decision
from gaiko_game.core.errors import Refusal
from gaiko_game.core.report import score_of
from gaiko_game.session import saves
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.record import state_hash
from gaiko_game.session.seeding import new_game

ROLES = ("mofa", "mod", "meti", "mof")
"""The ministries a team's students hold (外務省, 防衛省, 経済産業省, 財務省); texts ``role.<id>`` in the session
strings. A team of two or three holds the first roles."""
FORMAT = 1


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


@dataclass
class Team:
    """A team: its id, its campaign, the votes of the decision in hand and what it has decided."""

    id: str
    campaign: Campaign
    ballot: dict[str, str] = field(default_factory=dict)
    decided: list[Submitted] = field(default_factory=list)


class Room:
    """The teams of one session, all on the same scenario, seed, difficulty and weighting."""

    def __init__(self, scenario: Scenario, source: Source, seed: int, teams: list[str], difficulty: str | None = None,
                 weighting: str | None = None) -> None:
        if not teams or len(set(teams)) != len(teams):
            raise ClassroomError("teams", "give at least one team, each with its own name")
        self.scenario, self.source, self.seed = scenario, source, seed
        self.teams = {t: Team(t, Campaign.new(scenario, source, seed, difficulty, explain=False, weighting=weighting))
                      for t in teams}
        self.difficulty = scenario.difficulty(difficulty).id
        self.weighting = scenario.weighting(weighting).id

    def team(self, team: str) -> Team:
        """A team by id; refused when there is none."""
        if team not in self.teams:
            raise ClassroomError("team", f"there is no team '{team}'")
        return self.teams[team]

    def vote(self, team: str, role: str, decision: str) -> None:
        """Record a role's vote for a decision its team could make now (a later vote by the same role replaces it)."""
        t = self.team(team)
        if role not in ROLES:
            raise ClassroomError("role", f"there is no role '{role}'")
        self._check(t.campaign.game, decision)
        t.ballot[role] = decision

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
        t = self.team(team)
        decision = self.choice(team, submitter)
        t.campaign.game.play(parse_decision(decision))
        game = t.campaign.game
        done = Submitted(game.turn, decision, submitter, dict(t.ballot), game.view.meters())
        t.decided.append(done)
        t.ballot.clear()
        return done

    @staticmethod
    def _check(game: Game, decision: str) -> None:
        try:
            parsed = parse_decision(decision)
            game.clone().play(parsed)
        except (ValueError, Refusal) as e:
            raise ClassroomError("illegal", f"'{decision}' cannot be played now: {e}") from None

    # ── the session file ──────────────────────────────────────────────────
    def data(self) -> dict[str, Any]:
        """Everything the session holds: the frame, and each team's decisions, votes and resulting state."""
        return {"format": FORMAT, "scenario": self.scenario.id, "content_hash": self.scenario.content_hash,
                "source": self.source.as_json(), "seed": self.seed, "difficulty": self.difficulty,
                "weighting": self.weighting,
                "teams": [{"id": t.id, "decided": [vars(d) for d in t.decided], "turn": t.campaign.game.turn,
                           "meters": t.campaign.game.view.meters(), "state_hash": state_hash(t.campaign.game)}
                          for t in self.teams.values()]}

    def save(self, path: Path) -> None:
        """Write the whole session at once (never half a file), after every decision."""
        saves.write_json(path, self.data())

    def csv(self) -> str:
        """One row per team and decision: the turn, the decision, each role's vote, the meters after, the score."""
        meters = self.scenario.meter_ids()
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["team", "turn", "decision", "submitter", *(f"vote_{r}" for r in ROLES), *meters, "score"])
        weights = self.scenario.weighting(self.weighting)
        for t in self.teams.values():
            for d in t.decided:
                w.writerow([t.id, d.turn, d.decision, d.submitter, *(d.votes.get(r, "") for r in ROLES),
                            *(d.meters[m] for m in meters), score_of(d.meters, weights)])
        return out.getvalue()


def read_session(path: Path) -> dict[str, Any] | None:
    """A session file's data, or None when the file is not a session. It is read through the saves' door (a
    plain file of at most a megabyte; a class of 8 teams over 24 turns writes about 100 KB), so a hostile file
    (a link, a pipe, a deeply nested or huge one) is simply not a session, and the save checks say what it is."""
    try:
        data = json.loads(saves.plain_bytes(path).decode("utf-8"))
    except (saves.BadSave, OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    ok = isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("teams"), list)
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

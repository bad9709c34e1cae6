"""The frame of a printed-kit class in the terminal: opening (or resuming) its room, and its end: the cross-team
debrief the projector shows a digital class, and the results CSV written next to the session file.

The ranking counts a team's score only when its record replays to it (``leaderboard``); the rest (each team's strategy,
the crises side by side) is the projector's debrief (``classroom.views``), so both say the same.
"""

from __future__ import annotations

import secrets
import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gaiko_game.classroom.strings import TEXTS
from gaiko_game.classroom.views import Views
from gaiko_game.cli.classroom import team_names
from gaiko_game.cli.common import load_or_report
from gaiko_game.core import Scenario, Texts, UnknownDifficulty
from gaiko_game.core.report import rating_of
from gaiko_game.present.words import TABLE, Words
from gaiko_game.scenario.bundled import bundled_by_id, default_scenario
from gaiko_game.session import saves
from gaiko_game.session.campaign import Source
from gaiko_game.session.classroom import ClassroomError, Room, leaderboard, read_session
from gaiko_game.session.safefile import write_atomic


def open_room(folder: Path | None, *, teams: int, names: str | None, preset: str | None, difficulty: str | None,
              seed: int | None, session: Path | None, resume: Path | None, lang: str) -> tuple[Room, Path] | int:
    """A new class's room and where its session file goes, or the one a session file holds (on the scenario it
    names, unless ``folder`` is given); an exit code, with the reason on stderr, when it cannot open."""
    t = Texts({}, lang, TABLE)  # interface words only: no scenario is loaded yet
    data = None
    if resume is not None:
        data = read_session(resume)
        if data is None:
            return _refused(t.ui("referee.not_a_session", file=str(resume)), 1)
        source = Source.from_json(data.get("source"))
        folder = folder or (Path(source.folder) if source.folder else bundled_by_id(source.bundled))
    folder = folder or default_scenario()
    scenario = load_or_report(folder)
    if scenario is None:
        return 1
    try:
        if data is not None:
            room = Room.resume_from(scenario, data)
        else:
            room = Room(scenario, Source.of(folder), seed if seed is not None else secrets.randbelow(2**63),
                        team_names(teams, names), difficulty=difficulty, preset=preset)
    except ClassroomError as e:
        return _refused(t.ui("referee.refused", why=_why(e, scenario, lang)), 2 if data is None else 1)
    except UnknownDifficulty as e:
        return _refused(t.ui("referee.refused", why=e.text(lang)), 2)
    name = f"referee-{time.strftime('%Y%m%d-%H%M')}-{room.code}.json"
    return room, resume or session or saves.data_dir() / "classes" / name


def _why(e: ClassroomError, scenario: Scenario, lang: str) -> str:
    """A refusal in the teacher's language: the class command's words for it (English says the details)."""
    t = Texts({}, lang, TEXTS)
    if e.code == "preset":
        return t.ui("cli.no_preset", presets=", ".join(p.id for p in scenario.class_presets()))
    return t.ui(f"error.{e.code}") if lang != "en" and f"error.{e.code}" in TEXTS else str(e)


def _refused(message: str, code: int) -> int:
    sys.stderr.write(f"gaiko play: {message}\n")
    return code


def opening(room: Room, path: Path, w: Words, write: Callable[[str], None], resumed: bool) -> None:
    """What the class is (teams, seed, difficulty, preset), where its session file is, and how to enter cards."""
    sc = room.scenario
    write(w.ui("referee.title", scenario=w.name("scenario.name")))
    write(w.ui("referee.setup", teams=len(room.teams), seed=room.seed, turns=room.preset.turns,
               difficulty=w.name(f"difficulty.{room.difficulty}") if sc.difficulties else room.difficulty,
               preset=w.name(f"preset.{room.preset.id}") if sc.presets else room.preset.id))
    write(w.ui("referee.session", file=str(path)))
    if resumed:
        write(w.ui("referee.resumed", turn=room.turn, turns=room.preset.turns))
    write(w.ui("referee.intro"))


def finale(room: Room, path: Path, w: Words, write: Callable[[str], None]) -> None:
    """Print the debrief, write the CSV beside the session file, and print where both are."""
    sc = room.scenario
    views = Views(room)
    d = views.debrief(w.lang)
    write("")
    write(w.ui("referee.debrief", scenario=w.name("scenario.name")))
    write(w.ui("referee.ranking"))
    rank = 0
    for team, score in leaderboard(sc, room.data()):
        if score is None:
            write(w.ui("referee.unranked", team=team))
        else:
            rank += 1
            write(w.ui("referee.rank", rank=rank, team=team, score=score))
    for row in d["teams"]:
        game = room.teams[row["id"]].game
        score, outcome = float(row["score"]), game.outcome()
        rating = w.name(f"rating.{rating_of(sc, score)}")
        result = (w.ui("debrief.headline", ending=w.name(f"ending.{outcome.ending}"), rating=rating, score=score)
                  if outcome is not None else w.ui("referee.in_play", score=score, rating=rating))
        meters = w.join([f"{w.meter(m)} {v}" for m, v in row["meters"].items()])
        write(w.ui("referee.team_result", team=row["id"], meters=meters, result=result))
        if row["label"]:
            write(w.ui("referee.strategy", name=row["label"]))
    write(w.ui("referee.crises"))
    for crisis in d["crises"]:
        write(f"  {crisis['when']} — {crisis['title']}")
        for team in room.teams:
            answer = crisis["teams"].get(team)
            write(w.ui("referee.crisis_answer", team=team, answer=answer["answer"] if answer else "—"))
    if not d["crises"]:
        write("  " + w.ui("debrief.no_crises"))
    if d["questions"]:
        write(w.ui("debrief.questions"))
        for q in d["questions"]:
            write(f"  - {q}")
    csv_path = path.with_suffix(".csv")
    text = room.csv(lambda s: views.submitted(s, w.lang))
    try:
        write_atomic(csv_path, ("\ufeff" + text).encode("utf-8"), shared=True)  # the mark tells a spreadsheet it is UTF-8
    except OSError as e:
        write(w.ui("referee.csv_failed", why=e.strerror or str(e)))
    else:
        write(w.ui("referee.csv", file=str(csv_path)))
    command = ["gaiko", "replay", str(path), "--verify", *(["--scenario", room.source.folder] * bool(room.source.folder))]
    write(w.ui("referee.verify", command=shlex.join(command), file=str(path)))

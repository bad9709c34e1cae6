"""`gaiko class`: start a classroom server on the teacher's machine, or resume one from its session file."""

from __future__ import annotations

import re
import secrets
import sys
import time
import webbrowser
from pathlib import Path

import segno
import uvicorn

from gaiko_game.classroom.hub import Hub
from gaiko_game.classroom.net import EVERY, NoAddress, bind, choose_host
from gaiko_game.classroom.server import app
from gaiko_game.classroom.strings import TEXTS
from gaiko_game.core import Scenario, Texts, UnknownDifficulty
from gaiko_game.scenario.bundled import bundled_by_id
from gaiko_game.scenario.loader import load
from gaiko_game.session import saves
from gaiko_game.session.campaign import Source
from gaiko_game.session.classroom import ClassroomError, Room, read_session


def team_names(count: int, names: str | None) -> list[str]:
    """The teams: the names given (separated by commas, Japanese 、 or ，), else 1…count."""
    if names:
        return [n.strip() for n in re.split(r"[,、，]", names) if n.strip()]
    return [str(i) for i in range(1, count + 1)]


def session_path(code: str) -> Path:
    """Where a new class's session file goes: the game's data folder, ``classes/``, named by date and room code."""
    return saves.data_dir() / "classes" / f"class-{time.strftime('%Y%m%d-%H%M')}-{code}.json"


def _err(t: Texts, key: str, **kw: object) -> int:
    sys.stderr.write("gaiko class: " + t.ui(key, **kw) + "\n")
    return 1


def run_class(folder: Path, *, teams: int, names: str | None, preset: str | None, minutes: float | None,
              difficulty: str | None, seed: int | None,
              host: str | None, port: int, lang: str, resume: Path | None, session: Path | None,
              browser: bool) -> int:
    """Start the server and serve until Ctrl+C; exit 1 with a located message when it cannot start."""
    t = Texts({}, lang, TEXTS)
    data = None
    if resume is not None:
        data = read_session(resume)
        if data is None:
            return _err(t, "cli.not_a_session", file=str(resume))
        source = Source.from_json(data.get("source"))
        folder = Path(source.folder) if source.folder else (bundled_by_id(source.bundled) or folder)
    loaded = load(folder)
    if loaded.scenario is None or not loaded.ok:
        return _err(t, "cli.bad_scenario", folder=str(folder))
    scenario = loaded.scenario
    try:
        if data is not None:
            room = Room.resume_from(scenario, data)
        else:
            room = Room(scenario, Source.of(folder), seed if seed is not None else secrets.randbelow(2**63),
                        team_names(teams, names), difficulty=difficulty, preset=preset, minutes=minutes)
    except ClassroomError as e:
        return _refused(t, scenario, e)
    except UnknownDifficulty as e:
        return _err(t, "cli.refused", why=e.text(lang))
    try:
        where, shown_host, others = choose_host(host)
    except NoAddress:
        return _err(t, "cli.no_lan")
    try:
        sock = bind(where, port)
    except OSError as e:
        return _err(t, "cli.cannot_listen", host=where, port=port, why=e.strerror or str(e))
    path = resume or session or session_path(room.code)
    bound = sock.getsockname()[1]
    shown = f"[{shown_host}]" if ":" in shown_host else shown_host
    base = f"http://{shown}:{bound}"
    join_url = f"{base}/?c={room.code}"
    teacher = secrets.token_urlsafe(24)
    hub = Hub(room, path, teacher, join_url)
    hub.save()
    notes = [t.ui("cli.other_addresses", addresses=", ".join(others))] if others else []
    notes += [t.ui("cli.every_interface")] if where in EVERY else []
    notes += [t.ui("cli.resumed", turn=room.turn, turns=room.preset.turns)] if data is not None else []
    _announce(t, hub, base, path, notes)
    console = f"{base}/teacher#{teacher}"
    if browser and sys.stdout.isatty():
        webbrowser.open(console)
    config = uvicorn.Config(app(hub, frozenset({where, shown_host, *others})), log_level="warning", access_log=False,
                            ws_max_size=64 * 1024, ws="websockets-sansio", lifespan="on")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # a second Ctrl+C while it stops
        pass
    finally:
        hub.save()
        print(t.ui("cli.stopped", file=str(path)))
    return 0


def _refused(t: Texts, scenario: Scenario, e: ClassroomError) -> int:
    if e.code == "preset":
        return _err(t, "cli.no_preset", presets=", ".join(p.id for p in scenario.class_presets()))
    key = f"error.{e.code}"
    return _err(t, "cli.refused", why=t.ui(key) if key in TEXTS else str(e))


def _announce(t: Texts, hub: Hub, base: str, path: Path, notes: list[str]) -> None:
    room = hub.room
    w = hub.views.w[t.lang]
    p = room.preset
    print(t.ui("cli.title", scenario=w.name("scenario.name")))
    print(t.ui("cli.preset", preset=w.name(f"preset.{p.id}") if room.scenario.presets else p.id, turns=p.turns,
               minutes=p.minutes, debrief=p.debrief, teams=len(room.teams)))
    print(t.ui("cli.join", url=hub.join_url, code=room.code))
    segno.make(hub.join_url, error="m").terminal(compact=True)
    print(t.ui("cli.teacher", url=f"{base}/teacher#{hub.teacher_token}"))
    print(t.ui("cli.projector", url=f"{base}/projector#{room.code}"))
    print(t.ui("cli.session", file=str(path)))
    for note in notes:
        print(note)
    print(t.ui("cli.firewall"))
    print(t.ui("cli.stop"), flush=True)

"""`gaiko replay SAVE [--verify]`: a saved game's timeline, and a check that it replays to what was saved.

The save is reopened on the bundled scenario it was played on, as the window's Load does. A save
played on a scenario folder of its own is replayed only when ``--scenario`` names that folder: a
save file never chooses on its own which folder on the machine is loaded, so the refusal prints the
exact command that would load it.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from gaiko_game.core import Game, Texts
from gaiko_game.present.timeline import timeline
from gaiko_game.present.words import TABLE, words
from gaiko_game.scenario.bundled import bundled_by_id
from gaiko_game.scenario.loader import load
from gaiko_game.session import classroom, saves
from gaiko_game.session.campaign import FolderScenario, open_save
from gaiko_game.session.record import state_hash


def run_replay(save: Path, scenario_path: Path | None, verify: bool, lang: str) -> int:
    """Print the timeline, or verify the save (exit 0 when it replays to the saved result, else 1); a classroom
    session file has every team verified and the leaderboard printed."""
    where = saves.shown(save)
    session = classroom.read_session(save)
    if session is not None:
        return _session(where, session, scenario_path, lang)
    try:
        info = saves.info(save)
        opened = open_save(save, scenario_path)
    except FolderScenario as e:
        command = shlex.join(["gaiko", "replay", where, "--scenario", saves.shown(e.folder), *["--verify"] * verify])
        hint = Texts({}, lang, TABLE).ui("replay.folder_command", command=command)
        sys.stderr.write(f"{where}: {e.text(lang)}\n{hint}\n")
        return 1
    except saves.BadSave as e:
        sys.stderr.write(f"{where}: {e.text(lang)}\n")
        old = saves.old_log(save)
        if old is not None and not verify:
            print(old_timeline(*old, lang))
        return 1
    game = opened.campaign.game
    same = opened.notice is not None and verify and _same_game(save, game)
    if opened.notice is not None and not same:
        sys.stderr.write(f"{where}: {opened.notice.text(lang)}\n")
        if verify:
            return 1
    elif verify:
        w = words(game.scenario, lang)
        replayed = w.join([f"{w.meter(m)} {v}" for m, v in game.view.meters().items()])
        if game.turn == info.turn and game.view.meters() == info.meters:
            key = "replay.verified_changed" if same else "replay.verified"
            print(f"{where}: " + w.ui(key, turn=game.turn, meters=replayed))
            return 0
        saved = w.join([f"{w.meter(m)} {v}" for m, v in info.meters.items()])
        print(f"{where}: " + w.ui("replay.mismatch", saved_turn=info.turn, saved=saved, turn=game.turn, meters=replayed))
        return 1
    print("\n".join(timeline(game, words(game.scenario, lang))))
    return 0


def _session(where: str, data: dict[str, object], scenario_path: Path | None, lang: str) -> int:
    """Replay every team of a classroom session; exit 0 when every one reaches its recorded state."""
    t = Texts({}, lang, TABLE)
    folder = scenario_path or bundled_by_id(str(data.get("scenario", "")))
    loaded = load(folder) if folder is not None else None
    if loaded is None or loaded.scenario is None or not loaded.ok:
        sys.stderr.write(f"{where}: " + t.ui("class.no_scenario", scenario=str(data.get("scenario", "?"))) + "\n")
        return 1
    ok = classroom.verify(loaded.scenario, data)
    for team, score in classroom.leaderboard(loaded.scenario, data):
        line = t.ui("class.verified", team=team, score=score) if score is not None else t.ui("class.not_verified",
                                                                                            team=team)
        print(f"{where}: {line}")
    return 0 if ok and all(ok.values()) else 1


def _same_game(save: Path, game: Game) -> bool:
    """Whether a save opened on changed scenario files replayed all its decisions to the state it recorded."""
    data = saves.read(save)
    log = data.get("log")
    return isinstance(log, list) and len(game.history) == len(log) and data.get("state_hash") == state_hash(game)


def old_timeline(scenario: str, turns: list[list[str]], lang: str) -> str:
    """What an older save's player decided, turn by turn, as written in it (it cannot be replayed)."""
    ja = lang == "ja"
    head = f"{scenario}: " + ("以前の版のセーブに記録された決定(再現はできません)" if ja
                              else "the decisions recorded in an older save (it cannot be replayed)")
    lines = [head]
    for n, decisions in enumerate(turns, 1):
        shown = [d for d in decisions if d != "end"]
        lines.append((f"ターン {n}: " if ja else f"Turn {n}: ") + (", ".join(shown) or ("(なし)" if ja else "(none)")))
    return "\n".join(lines)

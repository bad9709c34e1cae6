"""`gaiko` — the command line. Bad usage exits 2, content errors exit 1, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from gaiko_game import __version__
from gaiko_game.cli.common import default_lang, load_or_report
from gaiko_game.core import Scenario, UnknownDifficulty
from gaiko_game.scenario.bundled import default_scenario


class _Parser(argparse.ArgumentParser):
    """argparse that names the program and exits 2 with a hint on bad usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n  hint: run '{self.prog} --help' for the options\n")
        raise SystemExit(2)


WATCH_REFUSED = {
    "ja": "gaiko play: エラー：--watch はウィンドウで自分で遊ぶときのためのものです（{other} とは使えません）\n"
          "  ヒント：gaiko play --scenario PATH --watch\n",
    "en": "gaiko play: error: --watch is for the window, played by you (not with {other})\n"
          "  hint: gaiko play --scenario PATH --watch\n",
}
"""Hot reload rebuilds the window's game between frames; the terminal game and the autopilot have no such place."""

MAX_SEED = 2**64 - 1
"""Seeds are 64-bit: the largest a save can record."""


def _seed(text: str) -> int:
    try:
        value = int(text) if len(text) <= 30 else None
    except ValueError:
        value = None
    if value is None:
        raise argparse.ArgumentTypeError(f"'{text[:30]}' is not a whole number")
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"seeds go from 0 to {MAX_SEED:,}")
    return value


def _path(text: str) -> Path:
    """A path argument, refused before any file system call when no system could open it."""
    longest = max((len(part.encode()) for part in text.split("/")), default=0)
    if longest > 255 or len(text.encode()) > 4096:
        raise argparse.ArgumentTypeError(f"'{text[:40]}…' has a name of {longest:,} bytes; file systems allow 255")
    return Path(text)


def _name(text: str) -> str:
    """A player's name (a built-in policy, a strategy id): short, plain text."""
    if not 1 <= len(text) <= 100 or not text.isprintable():
        raise argparse.ArgumentTypeError("give a player's name, such as hedge or random (gaiko simulate --help)")
    return text


def _teams(text: str) -> int:
    value = _seed(text)
    if not 1 <= value <= 40:
        raise argparse.ArgumentTypeError("give between 1 and 40 teams")
    return value


def _minutes(text: str) -> float:
    try:
        value = float(text) if len(text) <= 10 else -1.0
    except ValueError:
        value = -1.0
    if not 0.05 <= value <= 60:
        raise argparse.ArgumentTypeError("give the minutes a turn lasts, from 0.05 to 60")
    return value


def _port(text: str) -> int:
    value = _seed(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port goes from 0 to 65535")
    return value


def _count(text: str) -> int:
    value = _seed(text)
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("give between 1 and 1,000,000 runs")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    p = _Parser(prog="gaiko", description="Gaikō 外交 — a tabletop-style diplomacy strategy game, played from "
                                          "YAML scenarios (bundled: Indo-Pacific 2025 and its tutorial).")
    p.add_argument("--version", action="version", version=f"gaiko {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    v = sub.add_parser("validate", help="check scenario folders and print located problems")
    v.add_argument("paths", nargs="+", type=_path, metavar="PATH", help="scenario folder(s)")
    v.add_argument("--all", action="store_true", help="print every problem (default: 50 per file)")
    v.add_argument("--balance", action="store_true",
                   help="also run a short balance lab and warn about dominant or useless actions, unchosen choices, "
                        "silent events and missed balance targets")
    v.add_argument("--jobs", type=_count, default=None, help="with --balance: worker processes (default: every core)")

    s = sub.add_parser("simulate", help="play many seeded games with a built-in policy")
    s.add_argument("--scenario", type=_path, default=None, help="scenario folder (default: the bundled one)")
    who = s.add_mutually_exclusive_group(required=True)
    who.add_argument("--policy", metavar="NAME", type=_name,
                     help="random, lookahead, or a shipped or the scenario's own strategy by id (gaiko lab lists them)")
    who.add_argument("--strategy", type=_path, metavar="FILE", help="a strategy file to play")
    s.add_argument("--seed", type=_seed, default=0, help="first seed (default 0)")
    s.add_argument("--runs", type=_count, default=1, help="how many games (default 1)")
    s.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    s.add_argument("--events", action="store_true", help="also show how often each event fired and each choice was taken")
    s.add_argument("--difficulty", default=None, help="a difficulty the scenario declares (default: its default)")

    lab = sub.add_parser("lab", help="balance lab: every strategy, random play, the advisor and a search, with a report")
    lab.add_argument("scenario", type=_path, nargs="?", default=None, metavar="SCENARIO",
                     help="scenario folder (default: the bundled one)")
    lab.add_argument("--seeds", type=_count, default=200, help="games per player (default 200)")
    lab.add_argument("--seed", type=_seed, default=0, help="first seed (default 0); the search's seed too")
    lab.add_argument("--advisor-seeds", type=_seed, default=None,
                     help="games for the look-ahead advisor (default: as --seeds; 0 leaves it out)")
    lab.add_argument("--search-budget", type=_budget, default=None,
                     help=f"games the search may play (default {_default_budget():,})")
    lab.add_argument("--no-search", action="store_true", help="leave out the search (and the family searches)")
    lab.add_argument("--no-families", action="store_true", help="leave out the search within each strategy family")
    lab.add_argument("--quick", action="store_true", help="a short lab: 60 seeds, no advisor, no search")
    lab.add_argument("--difficulty", default=None, help="a difficulty the scenario declares (default: its default)")
    lab.add_argument("--without", action="append", default=[], metavar="ASSUMPTION",
                     help="play with one of the scenario's assumptions switched off (repeat for more)")
    _runner_options(lab)
    lab.add_argument("--out", type=_path, default=None, help="report folder (default: lab-report/<scenario id>)")
    lab.add_argument("--json", action="store_true", help="print every figure as one JSON object (no progress bar)")
    lab.add_argument("--lang", choices=("ja", "en"), default=None, help="report language (default: from your system)")

    mc = sub.add_parser("modelcard", help="measure and write a scenario's model card (its assumptions, switched off "
                                          "one at a time, and its variants) for teachers")
    mc.add_argument("path", type=_path, nargs="?", default=None, metavar="SCENARIO",
                    help="scenario folder (default: the bundled one)")
    mc.add_argument("--seeds", type=_count, default=100, help="games per strategy and setup (default 100)")
    mc.add_argument("--out", type=_path, default=Path("docs/teachers"), help="where the pages go (default docs/teachers)")
    mc.add_argument("--check", action="store_true", help="only check that the card matches the scenario (exit 1 if not)")
    _runner_options(mc)

    t = sub.add_parser("test", help="run the expected-outcome tests in each scenario's tests.yaml")
    t.add_argument("paths", nargs="*", type=_path, metavar="SCENARIO", help="scenario folder(s) (default: the bundled ones)")
    t.add_argument("--tier", choices=("quick", "full"), default="quick", help="quick tests only (default), or all")
    _runner_options(t)
    t.add_argument("--lang", choices=("ja", "en"), default=None, help="language (default: from your system)")

    r = sub.add_parser("replay", help="print a saved game's timeline, or verify it replays to its saved result")
    r.add_argument("save", type=_path, metavar="SAVE", help="a save file (.json)")
    r.add_argument("--verify", action="store_true", help="re-simulate and confirm the saved result (exit 0 or 1)")
    r.add_argument("--scenario", type=_path, default=None,
                   help="the scenario folder to replay it on (default: the bundled one it names; a save played on a "
                        "folder of its own is replayed only when this names that folder)")
    r.add_argument("--lang", choices=("ja", "en"), default=None, help="language (default: from your system)")

    d = sub.add_parser("docs", help="write the modding reference from the plugins")
    d.add_argument("--out", type=_path, default=Path("docs/modding/reference.md"), help="where to write it")
    d.add_argument("--check", action="store_true", help="only check that the file is up to date (exit 1 if not)")

    sc = sub.add_parser("schema", help="write JSON Schemas of the scenario and strategy files, for completion and "
                                       "error marks in editors (yaml-language-server)")
    sc.add_argument("--out", type=_path, default=Path(".schema"),
                    help="the folder to write them to (default .schema, where a scenario's files point)")
    sc.add_argument("--check", action="store_true", help="only check that the folder's schemas are current (exit 1 "
                                                         "if not)")
    sc.add_argument("--lang", choices=("ja", "en"), default=None, help="language (default: from your system)")

    pk = sub.add_parser("print", help="make the print-and-play kit of a scenario (PDF: rules, map board, cards, "
                                      "sheets, teacher's pages)")
    pk.add_argument("path", type=_path, nargs="?", default=None, metavar="SCENARIO",
                    help="scenario folder (default: the bundled one)")
    pk.add_argument("--lang", choices=("ja", "en"), default=None, help="the kit's language (default: your system's)")
    pk.add_argument("--out", type=_path, default=None, help="the PDF to write (default: kit-<scenario>-<lang>.pdf here)")
    pk.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")

    c = sub.add_parser("class", help="run a class on the school network: teams play from their browsers, the teacher "
                                     "paces the turns, a projector shows the clock and the debrief")
    c.add_argument("path", type=_path, nargs="?", default=None, metavar="SCENARIO",
                   help="scenario folder (default: the bundled one)")
    c.add_argument("--teams", type=_teams, default=6, help="how many teams, named 1, 2, … (default 6)")
    c.add_argument("--names", default=None, help="the teams' names instead, comma-separated (never students' names)")
    c.add_argument("--preset", default=None, help="a preset the scenario declares (default: its first)")
    c.add_argument("--minutes", type=_minutes, default=None, help="minutes on the clock a turn (default: the preset's)")
    c.add_argument("--difficulty", default=None, help="the difficulty every team plays (default: the preset's, else "
                                                      "the scenario's default)")
    c.add_argument("--seed", type=_seed, default=None, help="seed every team plays (default: random)")
    c.add_argument("--host", default=None, help="the address to listen on (default: this machine's first address on a "
                                                "private network; 127.0.0.1 to try it on this machine alone)")
    c.add_argument("--port", type=_port, default=8000, help="port (default 8000; 0: any free port)")
    c.add_argument("--lang", choices=("ja", "en"), default=None, help="language of these messages (default: your "
                                                                       "system's)")
    c.add_argument("--resume", type=_path, default=None, metavar="SESSION",
                   help="resume a class from its session file (paused where it stopped)")
    c.add_argument("--session", type=_path, default=None, metavar="FILE",
                   help="where to keep the session file (default: the game's data folder, classes/)")
    c.add_argument("--no-browser", action="store_true", help="do not open the teacher's console in a browser")

    g = sub.add_parser("play", help="play a campaign")
    g.add_argument("--text", action="store_true", help="play in the terminal (keyboard only, screen-reader friendly)")
    g.add_argument("--scenario", type=_path, default=None,
                   help="scenario folder, or the id of a bundled scenario or installed mod (default: the bundled one)")
    g.add_argument("--list", action="store_true", help="list the bundled scenarios and installed mods, and how to play "
                                                       "each")
    g.add_argument("--seed", type=_seed, default=None, help="seed (default: random)")
    g.add_argument("--lang", choices=("ja", "en"), default=None, help="language (default: from your system)")
    g.add_argument("--difficulty", default=None, help="a difficulty the scenario declares (default: its default)")
    g.add_argument("--window", action="store_true", help="play in the map window (the default)")
    g.add_argument("--autoplay", metavar="PLAYER", default=None,
                   help="let a built-in policy play the window's screens (works with SDL_VIDEODRIVER=dummy)")
    g.add_argument("--screenshots", type=_path, default=None, help="with --autoplay: save a PNG of each screen here")
    g.add_argument("--watch", action="store_true",
                   help="reload the scenario folder while you edit it: the game replays on the new content, and a "
                        "broken file shows its located errors in the window until you fix it")
    g.add_argument("--referee", action="store_true",
                   help="with --text: the referee's aid for a class playing the printed kit: enter each team's cards "
                        "by code and the class's dice rolls; ends with the class debrief and its CSV")
    g.add_argument("--teams", type=_teams, default=None, help="with --referee: how many teams, named 1, 2, … (default 6)")
    g.add_argument("--names", default=None, help="with --referee: the teams' names instead, comma-separated")
    g.add_argument("--preset", default=None, help="with --referee: a preset the scenario declares (default: its first)")
    g.add_argument("--session", type=_path, default=None, metavar="FILE",
                   help="with --referee: where to keep the session file (default: the game's data folder, classes/)")
    g.add_argument("--resume", type=_path, default=None, metavar="SESSION",
                   help="with --referee: go on with a class from its session file")
    _mods_parser(sub)
    _authoring_parsers(sub)
    return p


def _authoring_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    """`gaiko new` and `gaiko loc`: start a scenario, and find and fill the text it lacks."""
    n = sub.add_parser("new", help="create a new scenario folder ./NAME that validates and plays, to change bit by bit")
    n.add_argument("name", metavar="NAME", help="the new scenario's id and folder name (e.g. my_scenario)")
    n.add_argument("--from", dest="base", metavar="SCENARIO", default=None,
                   help="make a layer over this scenario (by id) instead: only what you change goes in the folder")
    n.add_argument("--lang", choices=("ja", "en"), default=None, help="language of the messages (default: your system's)")
    lo = sub.add_parser("loc", help="list a scenario's missing, untranslated and unused text keys, or append a "
                                    "skeleton of the missing ones to translate")
    lo.add_argument("path", type=_path, metavar="SCENARIO", help="scenario folder")
    what = lo.add_mutually_exclusive_group(required=True)
    what.add_argument("--missing", action="store_true",
                      help="list them (exit 1 while a key is missing or untranslated, for CI)")
    what.add_argument("--skeleton", action="store_true",
                      help="append each missing key, empty, to the file it belongs in, the other language's text "
                           "in a comment above it (existing lines are never changed)")
    lo.add_argument("--lang", choices=("ja", "en"), default=None,
                    help="only this language's keys (default: both); messages are in your system's language")


def _mods_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """`gaiko mods install|list|remove|pack`: the mods folder in the user data folder."""
    md = sub.add_parser("mods", help="install, list, remove and pack mods (scenarios shared as zips)")
    msub = md.add_subparsers(dest="mods_command", metavar="ACTION", parser_class=_Parser)
    msub.required = True
    mi = msub.add_parser("install", help="check a mod's zip and install it into the mods folder")
    mi.add_argument("archive", type=_path, metavar="FILE.zip", help="the mod's zip")
    mi.add_argument("--upgrade", action="store_true", help="replace an installed mod of the same id")
    ml = msub.add_parser("list", help="list the installed mods, and why any cannot be played")
    mr = msub.add_parser("remove", help="remove an installed mod")
    mr.add_argument("mod_id", metavar="ID", help="the mod's id (gaiko mods list shows them)")
    mp = msub.add_parser("pack", help="check a mod's folder and make its zip (the same folder gives the same bytes)")
    mp.add_argument("folder", type=_path, metavar="FOLDER", help="the mod's folder: scenario.yaml beside mod.yaml")
    mp.add_argument("--out", type=_path, default=None, help="the zip to write (default: ID-VERSION.zip here)")
    mp.add_argument("--init-manifest", action="store_true", help="write a mod.yaml to fill in, then stop")
    for each in (mi, ml, mr, mp):
        each.add_argument("--lang", choices=("ja", "en"), default=None, help="language (default: from your system)")


def _mods(args: argparse.Namespace) -> int:
    from gaiko_game.cli import mods

    lang = args.lang or default_lang()
    if args.mods_command == "install":
        return mods.run_install(args.archive, args.upgrade, lang)
    if args.mods_command == "remove":
        return mods.run_remove(args.mod_id, lang)
    if args.mods_command == "pack":
        return mods.run_pack(args.folder, args.out, args.init_manifest, lang)
    return mods.run_list(lang, bundled_too=False)


def _budget(text: str) -> int:
    value = _seed(text)
    if not 1_000 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError("give a budget between 1,000 and 10,000,000 games")
    return value


def _default_budget() -> int:
    from gaiko_game.lab.search import BUDGET

    return BUDGET


def _runner_options(p: argparse.ArgumentParser) -> None:
    """Where the games run (never changes a figure)."""
    from gaiko_game.lab.backends import BACKENDS

    p.add_argument("--jobs", type=_count, default=None, help="worker processes (default: every core)")
    p.add_argument("--backend", choices=BACKENDS, default="process",
                   help="process (default), serial, dask or ray (pip install 'gaiko-game[dask]' / '[ray]')")
    p.add_argument("--address", default=None, metavar="HOST:PORT",
                   help="with --backend dask or ray: the cluster to use (default: start one on this machine)")


def _lab(args: argparse.Namespace) -> int:
    from gaiko_game.cli.lab import Where, run_lab
    from gaiko_game.lab.search import BUDGET

    budget = 0 if args.no_search else (args.search_budget or BUDGET)
    plan = {"seeds": args.seeds, "first_seed": args.seed, "advisor_seeds": args.advisor_seeds,
            "difficulty": args.difficulty, "budget": budget, "quick": args.quick,
            "without": tuple(sorted(set(args.without))), "families": not args.no_families}
    where = Where(args.backend, args.jobs, args.address, args.out, args.json, args.lang or default_lang())
    return run_lab(args.scenario or default_scenario(), plan, where)


def _docs(out: Path, check: bool) -> int:
    import gaiko_game.core  # noqa: F401  (registers the plugins)
    from gaiko_game.scenario.docs import reference

    text = reference()
    if check:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        if current != text:
            sys.stderr.write(f"{out} is out of date: run 'gaiko docs' to regenerate it\n")
            return 1
        print(f"{out} is up to date")
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


def _known_difficulty(scenario: Scenario, difficulty: str | None) -> bool:
    """Whether the scenario declares ``difficulty``; says which it has when not."""
    try:
        scenario.difficulty(difficulty)
    except UnknownDifficulty as e:
        sys.stderr.write(f"gaiko: error: {e.text('en')}\n")
        return False
    return True


def _modelcard(args: argparse.Namespace) -> int:
    """`gaiko modelcard`: measure the card and write it, or check that it is current."""
    from gaiko_game.lab import modelcard
    from gaiko_game.lab.backends import Pool

    folder = args.path or default_scenario()
    if load_or_report(folder) is None:
        return 1
    if args.check:
        why = modelcard.stale(folder)
        if why:
            sys.stderr.write(f"gaiko: {why}; run `gaiko modelcard {folder}`\n")
            return 1
        print(f"{folder}: model card is current")
        return 0
    try:
        with Pool(args.backend, args.jobs, args.address) as executor:
            written = modelcard.write(folder, args.out, args.seeds, executor, quiet=False)
    except ValueError as e:
        sys.stderr.write(f"gaiko: {e}\n")
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            from gaiko_game.cli.validate import run_validate

            return run_validate(args.paths, show_all=args.all, balance=args.balance, jobs=args.jobs)
        if args.command == "replay":
            from gaiko_game.cli.replay import run_replay

            return run_replay(args.save, args.scenario, args.verify, args.lang or default_lang())
        if args.command == "lab":
            return _lab(args)
        if args.command == "test":
            from gaiko_game.cli.scenariotest import run_tests
            from gaiko_game.scenario.bundled import bundled

            return run_tests(args.paths or bundled(), args.tier, args.lang or default_lang(), args.backend,
                             args.jobs)
        if args.command == "docs":
            return _docs(args.out, args.check)
        if args.command == "schema":
            from gaiko_game.cli.schema import run_schema

            return run_schema(args.out, args.check, args.lang or default_lang())
        if args.command == "modelcard":
            return _modelcard(args)
        if args.command == "print":
            from gaiko_game.cli.printkit import run_print

            return run_print(args.path or default_scenario(), args.lang or default_lang(), args.out, args.paper)
        if args.command == "class":
            from gaiko_game.cli.classroom import run_class

            return run_class(args.path or default_scenario(), teams=args.teams, names=args.names, preset=args.preset,
                             minutes=args.minutes, difficulty=args.difficulty,
                             seed=args.seed, host=args.host, port=args.port, lang=args.lang or default_lang(),
                             resume=args.resume, session=args.session, browser=not args.no_browser)
        if args.command == "simulate":
            from gaiko_game.cli.simulate import run_simulate

            player = args.policy if args.policy is not None else str(args.strategy)
            return run_simulate(args.scenario or default_scenario(), player, args.seed, args.runs, args.json,
                                args.events, args.difficulty)
        if args.command == "mods":
            return _mods(args)
        if args.command == "new":
            from gaiko_game.cli.newscenario import run_new

            return run_new(args.name, args.base, args.lang or default_lang())
        if args.command == "loc":
            from gaiko_game.cli.loctool import run_missing, run_skeleton

            run = run_skeleton if args.skeleton else run_missing
            return run(args.path, args.lang, default_lang())
        from gaiko_game.cli.mods import resolve_scenario, run_list

        if args.list:
            return run_list(args.lang or default_lang())
        if args.scenario is not None:  # a folder, or the id of a bundled scenario or an installed mod
            args.scenario = resolve_scenario(args.scenario, args.lang or default_lang())
            if args.scenario is None:
                return 1
        referee_only = [f"--{n}" for n in ("teams", "names", "preset", "session", "resume") if getattr(args, n) is not None]
        if args.referee or referee_only:
            if not (args.text and args.referee):
                wanted = (f"{', '.join(referee_only)} {'is' if len(referee_only) == 1 else 'are'} only for"
                          if not args.referee else "--referee needs --text: it runs in the terminal, as")
                sys.stderr.write(f"gaiko play: error: {wanted} the referee's aid (gaiko play --text --referee)\n")
                return 2
            from gaiko_game.cli.referee import run_referee

            return run_referee(args.scenario, teams=args.teams or 6, names=args.names, preset=args.preset,
                               difficulty=args.difficulty, seed=args.seed, session=args.session, resume=args.resume,
                               lang=args.lang or default_lang())
        if args.watch and (args.text or args.autoplay is not None):
            other = "--text" if args.text else "--autoplay"
            sys.stderr.write(WATCH_REFUSED[args.lang or default_lang()].format(other=other))
            return 2
        if not args.text:
            from gaiko_game.ui.main import run_window

            folder = args.scenario or default_scenario()
            scenario = load_or_report(folder)
            if scenario is None:
                return 1
            if not _known_difficulty(scenario, args.difficulty):
                return 2
            return run_window(scenario, folder, default_lang(), args.lang, args.seed, args.autoplay, args.screenshots,
                              args.difficulty, watch=args.watch)
        from gaiko_game.cli.textplay import run_text

        return run_text(args.scenario or default_scenario(), args.seed, args.lang or default_lang(), args.difficulty)
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    except BrokenPipeError:
        return 0

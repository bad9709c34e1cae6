"""The debrief, from real games on fixed seeds: the decisions that moved the meters most (checked against the
ledger independently), what moved each meter, benchmarks equal to ``gaiko simulate`` on the same seed, both scores
in a what-if, labelled axes, every crisis answer reachable, and the keys as before — driven by real input events."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from gaiko_game.core import EndTurn, Game, Order, Scenario
from gaiko_game.present.debrief import bench_rows, debrief, text_lines
from gaiko_game.present.words import words
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.debrief import BENCHMARKS, Benchmarks, attribute, series, splits, start_values
from gaiko_game.session.players import make_policy
from gaiko_game.session.seeding import new_game, stream
from gaiko_game.session.simulate import run_one
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.autoplay import Autopilot, click, key, wheel
from gaiko_game.ui.destinations import ToDebrief, ToTitle
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.debrief import DebriefScreen
from gaiko_game.ui.screens.replay import ReplayScreen
from gaiko_game.ui.screens.title import TitleScreen
from gaiko_game.ui.textlog import TextLog, problems
from tests.conftest import ROOT
from tests.screens import play

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"
SEED, PLAYER = 5, "alliance_first"
"""A game with a standing programme, crises with later effects, and a rewind to try."""


def played(scenario: Scenario, seed: int = SEED, player: str = PLAYER) -> Campaign:
    c = Campaign.new(scenario, Source.of(DEFAULT), seed=seed)
    play(c, seed, scenario.turns, player)
    return c


@pytest.fixture(scope="module")
def finished(default: Scenario) -> Campaign:
    return played(default)


def debrief_app(scenario: Scenario, campaign: Campaign, lang: str = "en", size: tuple[int, int] = (1280, 720),
                scale: float = 1.0) -> App:
    """A window at ``size`` with the title and the debrief of ``campaign`` open, the benchmarks all played."""
    app = App(scenario, settings_mod.Settings(lang=lang, scale=scale), Source.of(DEFAULT))
    app.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    app.stack = [app.open(ToTitle())]
    app.step()
    app.stack.append(app.open(ToDebrief(campaign)))
    app.mouse = (0, 0)
    finish_benchmarks(app)
    return app


def finish_benchmarks(app: App) -> None:
    screen = app.screen
    assert isinstance(screen, DebriefScreen)
    app.step()
    for _ in range(200):  # the advisor plays a turn a frame
        if screen.bench.finished:
            break
        app.step()
    assert screen.bench.finished
    app.step()


def texts(app: App) -> list[str]:
    """What one frame drew, from the draw calls themselves."""
    log = app.fonts.log = TextLog()
    app.step()
    app.fonts.log = None
    return [p.text for p in log.placed if p.layer == log.layer]


def press(app: App, k: int) -> None:
    key(k)
    app.step()


# ── the three decisions ──────────────────────────────────────────────────


def weights_from_ledger(game: Game) -> list[tuple[int, str, int]]:
    """Each decision's meter points, read straight off the ledger: a change with an action's, a programme's, an
    answer's or a modifier's cause counts for the latest such decision made at or before its turn."""
    made, turn = [], 1
    for d in game.history:
        if isinstance(d, EndTurn):
            turn += 1
        elif isinstance(d, Order):
            made.append((turn, d.action, d.target or "", ""))
    made += [(f.turn, "", "", f"{f.event}.{f.choice}") for f in game.fired if f.choice]
    made.sort(key=lambda m: m[0])
    points: Counter[int] = Counter()
    for ch in game.ledger:
        if not ch.key.startswith("meter."):
            continue
        kind, ident, note = ch.cause
        mine = [i for i, (t, action, target, choice) in enumerate(made) if t <= ch.turn and (
            (kind in ("action", "action_failed") and (action, target) == (ident, note))
            or (kind in ("commitment", "withdrawn", "lapsed", "upkeep") and action == ident)
            or (kind in ("choice", "choice_failed") and choice == ident)
            or (kind == "modifier" and note in (action, choice)))]
        if mine:
            points[mine[-1]] += abs(ch.delta)
    ranked = sorted(points, key=lambda i: -points[i])[:3]
    return [(made[i][0], made[i][1] or made[i][3], points[i]) for i in ranked]


def test_the_three_decisions_are_the_ones_that_moved_the_meters_most(default: Scenario, finished: Campaign) -> None:
    top = [(d.turn, d.action or d.choice, d.weight) for d in attribute(finished.game).consequential(3)]
    assert top == weights_from_ledger(finished.game)
    assert top == [(4, "defence_buildup", 23), (16, "taiwan_blockade_scare.coordinate_with_us", 4),
                   (1, "us_semiconductors", 3)]
    app = debrief_app(default, finished)
    shown = texts(app)
    assert {"Defense Buildup Program", "Turn 4 · 2025 Q4", "Security +3", "later", "Security +20",
            "moved the meters by 23, in force for 21 turns", "→ Coordinate a firm response with the US",
            "Prosperity -1", "moved the meters by 4", "Prosperity +2", "Prosperity +1", "moved the meters by 3",
            "Shipping Halts around Taiwan"} <= set(shown)


def test_a_later_piece_counts_for_the_decision_that_scheduled_it(default: Scenario) -> None:
    """Supply-chain diversification costs 1 Prosperity now and returns 4 over the three turns after; taken on turns
    1 and 3, turn 4 gets a piece of each, and each goes to its own decision."""
    game = new_game(default, 1)
    for turn in range(1, 8):
        if turn in (1, 3):
            game.apply(Order("supply_chain_diversification"))
        report = game.end_turn()
        while report is None:
            report = game.choose_default()
    first, second = (d for d in attribute(game).decided if d.action == "supply_chain_diversification")
    prosperity = [[(c.turn, c.delta) for c in d.changes if c.key == "meter.prosperity"] for d in (first, second)]
    assert prosperity == [[(1, -1), (2, 2), (3, 1), (4, 1)], [(3, -1), (4, 2), (5, 1), (6, 1)]]
    assert (first.weight, first.later, second.weight) == (5, 4, 5)


# ── what moved the meters ────────────────────────────────────────────────


def test_each_meters_change_is_split_between_you_the_world_and_steady_pressure(default: Scenario,
                                                                             finished: Campaign) -> None:
    game = finished.game
    start = start_values(game)
    assert start == {m.id: m.start for m in default.meters}
    table = {s.meter: (s.start, s.end, s.yours, s.standing, s.world, s.steady) for s in splits(game)}
    assert table == {"security": (55, 76, 64, 9, -28, -24), "prosperity": (55, 24, -1, 22, -28, -24),
                     "autonomy": (45, 24, 0, -21, 0, 0)}  # autonomy follows diversification: the standing built
    assert all(s + y + b + wo + st == e for s, e, y, b, wo, st in table.values())
    unconditional = {r.id for r in default.rules if not r.when}
    groups = attribute(game).groups()
    for ch, group in zip(game.ledger, groups, strict=True):
        assert (group == "steady") == (ch.cause.kind == "rule" and ch.cause.id in unconditional)
        assert (group == "standing") == (ch.cause.kind == "diversification" or (
            ch.cause.kind == "rule" and ch.cause.id not in unconditional))
        assert group != "yours" or ch.cause.kind in ("action", "action_failed", "choice", "choice_failed",
                                                      "commitment", "withdrawn", "lapsed", "upkeep", "modifier")
    app = debrief_app(default, finished)
    shown = texts(app)
    assert "Steady pressure (the same every game, whatever you do): Security -24, Prosperity -24" in shown
    assert "+24 Security: World: A strong alliance deters" in shown  # beyond single decisions: a rule that answers you
    assert not any("Global competition" in t or "China's build-up" in t for t in shown)  # steady rules stay apart


def test_the_terminal_gets_the_same_decisions_causes_and_benchmarks_as_lines(default: Scenario,
                                                                           finished: Campaign) -> None:
    w = words(default, "en")
    view = debrief(finished.game, w)
    bench = Benchmarks(finished)
    bench.quick()
    while not bench.step(1.0):
        pass
    lines = text_lines(view, w, bench_rows(w, bench.results(), view.score))
    assert lines[:2] == ["Your three most consequential decisions",
                         "  1. Turn 4 · 2025 Q4 — Defense Buildup Program: Security +3, later Security +20, "
                         "moved the meters by 23, in force for 21 turns"]
    assert "  Autonomy 45 → 24: Your decisions 0, Your standing -21, Others, events 0, Steady pressure 0" in lines
    assert lines[-9:-7] == ["  1. The advisor (look-ahead) 90.2", "  2. Alliance-based hedging 64.7"]
    assert "  5. You 35.2" in lines


# ── benchmarks ───────────────────────────────────────────────────────────


def test_benchmarks_score_what_simulate_gives_on_the_same_seed(default: Scenario, finished: Campaign) -> None:
    app = debrief_app(default, finished)
    screen = app.screen
    assert isinstance(screen, DebriefScreen)
    got = {b.player: b.score for b in screen.bench.results()}
    assert got == {p: run_one(default, p, SEED, None, DEFAULT).score for p in BENCHMARKS}
    assert got == {"hedge": 64.7, "alliance_first": 35.2, "engagement_alliance": 51.1, "equidistance": 44.7,
                   "partners_only": 0.0, "rival_lean": 0.0, "do_nothing": 0.0, "lookahead": 90.2}
    rows = screen._rows()
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    you, out = next(r for r in rows if r.kind == "you"), finished.game.outcome()
    assert out is not None and you.score == out.score == 35.2
    shown = texts(app)
    assert {"Benchmarks on this seed", "You", "Alliance-based hedging", "64.7", "The advisor (look-ahead)", "90.2",
            "35.2"} <= set(shown)


def test_the_advisor_plays_on_over_frames_and_a_second_debrief_on_the_seed_shows_it_at_once(
        default: Scenario, finished: Campaign) -> None:
    app = debrief_app(default, finished)
    again = app.open(ToDebrief(finished))
    assert isinstance(again, DebriefScreen) and again.bench.finished  # kept for the seed: no half second again


# ── the chart ────────────────────────────────────────────────────────────


def test_the_chart_has_labelled_axes_a_legend_and_capital_on_its_own_scale(default: Scenario,
                                                                           finished: Campaign) -> None:
    app = debrief_app(default, finished)
    shown = texts(app)
    assert {"0", "25", "50", "75", "100"} <= set(shown)  # the meters' axis
    assert {"turn", "1", "12", "24", "2025", "2030"} <= set(shown)  # turns and years
    assert {"Security", "Prosperity", "Autonomy", "Diplomatic Capital (0–8)", "8"} <= set(shown)
    assert "2027 Q4 (turn 12): Host-Nation Support, Major Earthquake Strikes Indonesia → Send funds and supplies" \
        in " ".join(shown)  # the chosen turn: what it held


def test_the_rating_and_the_ending_are_described(default: Scenario, finished: Campaign) -> None:
    app = debrief_app(default, finished, "ja")
    drawn = "".join(texts(app))
    w = words(default, "ja")
    for text in (w.name("rating.precarious.desc"), w.name("ending.completed.desc")):
        assert text in drawn


# ── the what-if ──────────────────────────────────────────────────────────


def test_the_what_if_shows_both_scores_and_labels_the_thin_lines(default: Scenario, finished: Campaign,
                                                                data: Path) -> None:
    app = debrief_app(default, finished)
    for _ in range(4):
        press(app, pygame.K_LEFT)  # turn 8
    press(app, pygame.K_r)
    rewound = app.screen
    assert isinstance(rewound, CampaignScreen) and rewound.game.turn == 8 and rewound.compare is not None
    Autopilot(app, make_policy("hedge", stream(SEED, "policy")), None, tour=False).run()
    second = app.screen
    assert isinstance(second, DebriefScreen) and second.compare == rewound.compare
    finish_benchmarks(app)
    now = second.c.game.outcome()
    assert now is not None and (now.score, second.earlier) == (54.9, 35.2)
    shown = texts(app)
    assert {"thin lines: the earlier run", "This run 54.9 · the earlier run 35.2 (+19.7)", "You, the earlier run",
            "You", "54.9", "35.2"} <= set(shown)
    assert "the runs part: turn 8" in shown


# ── every crisis answer, and the keys ────────────────────────────────────


def test_every_crisis_answer_can_be_read_by_scrolling(default: Scenario, finished: Campaign) -> None:
    app = debrief_app(default, finished)
    press(app, pygame.K_TAB)
    screen = app.screen
    assert isinstance(screen, DebriefScreen) and screen.page == "discuss"
    answers = [imp.parts for imp in screen.view.answers]
    assert len(answers) == sum(1 for f in finished.game.fired if f.choice) == 22
    seen: set[str] = set()
    for _ in range(len(answers)):
        seen |= set(texts(app))
        press(app, pygame.K_DOWN)
    assert all(title in seen and f"→ {answer}" in seen for title, answer in answers)
    assert screen.scroll[0] > 0
    wheel(screen._scrolls[0][0].center, 30)  # the wheel scrolls back to the top
    app.step()
    assert screen.scroll[0] == 0
    shown = texts(app)
    assert "↑/↓ scroll" in " ".join(shown) and "Questions to discuss:" in shown


def test_the_keys_work_as_before(default: Scenario, finished: Campaign, data: Path) -> None:
    app = debrief_app(default, finished)
    screen = app.screen
    assert isinstance(screen, DebriefScreen) and screen.turn == 12
    press(app, pygame.K_RIGHT)
    assert screen.turn == 13 and "←/→ turn 13 · V replay · R play again from here" in " ".join(texts(app))
    press(app, pygame.K_v)
    assert isinstance(app.screen, ReplayScreen) and app.screen.game.turn == 13
    press(app, pygame.K_ESCAPE)
    assert app.screen is screen
    press(app, pygame.K_p)
    saved = next((data / "debriefs").glob("*.png"))
    assert saved.stat().st_size > 10_000 and str(saved) in screen.saved
    press(app, pygame.K_TAB)
    press(app, pygame.K_TAB)
    assert screen.page == "summary"
    press(app, pygame.K_RETURN)
    assert isinstance(app.screen, TitleScreen)


def test_a_click_picks_a_turn_on_the_chart_or_a_page(default: Scenario, finished: Campaign) -> None:
    app = debrief_app(default, finished)
    screen = app.screen
    assert isinstance(screen, DebriefScreen)
    column = next(rect for rect, what, value in screen._hits if what == "turn" and value == 5)
    click(column.center)
    app.step()
    assert screen.turn == 5
    tab = next(rect for rect, what, value in screen._hits if what == "page" and value == 1)
    click(tab.center)
    app.step()
    assert screen.page == "discuss"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size,scale", [((1024, 600), 1.0), ((1280, 720), 1.0), ((1920, 1080), 1.5)])
def test_the_what_if_and_the_second_page_hold_their_layout(default: Scenario, finished: Campaign, lang: str,
                                                           size: tuple[int, int], scale: float) -> None:
    """The layout test renders the first page of a plain debrief; this one the what-if and the second page."""
    branch = played(default, 5, "hedge")
    for page, compare in (("summary", series(branch.game)), ("discuss", None)):
        app = debrief_app(default, finished, lang, size, scale)
        app.stack[-1] = app.open(ToDebrief(finished, compare))
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        screen.page = page
        log = app.fonts.log = TextLog()
        app.step()
        app.fonts.log = None
        found = problems(log, (0, 0, *size))
        assert not found, f"{page} at {size} {scale}× ({lang}):\n  " + "\n  ".join(found[:12])


def test_a_benchmark_whose_game_was_cut_short_says_how(default: Scenario) -> None:
    from gaiko_game.present.debrief import bench_rows
    from gaiko_game.session.debrief import Benchmark

    w = words(default, "en")
    lost = Benchmark("do_nothing", {"en": "Do nothing"}, {}, 0.0, "failure", "security_collapse")
    kept = Benchmark("hedge", {"en": "Hedge"}, {}, 68.9, "steady", "complete")
    rows = {r.name: r for r in bench_rows(w, [lost, kept], 50.0)}
    assert rows["Do nothing"].lost == w.name("ending.security_collapse") == "Security Collapse"
    assert rows["Hedge"].lost == "" and rows["You"].lost == ""

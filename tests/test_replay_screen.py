"""The replay viewer, driven by real input events on a campaign a built-in strategy played to its end.

Every expectation is worked out from the campaign's record on a game replayed here, decision by decision, not
from the viewer's own view models: the actions of each turn, the crisis answers, the meters as each turn began.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from gaiko_game.core import Game, Order, Scenario, Withdraw
from gaiko_game.present.inspect import actor_card
from gaiko_game.present.words import Words, words
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.seeding import new_game
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.autoplay import click, key
from gaiko_game.ui.destinations import ToDebrief, ToReplay, ToTitle
from gaiko_game.ui.screens.debrief import DebriefScreen
from gaiko_game.ui.screens.replay import ReplayScreen
from gaiko_game.ui.textlog import TextLog
from tests.conftest import ROOT
from tests.screens import play

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


@pytest.fixture(scope="module")
def finished(default: Scenario, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Campaign]:
    """A whole campaign (seed 9) played by the hedge strategy."""
    folder = tmp_path_factory.mktemp("replay-data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GAIKO_DATA_DIR", str(folder / "data"))
        mp.setenv("GAIKO_CONFIG_DIR", str(folder / "config"))
        c = Campaign.new(default, Source.of(DEFAULT), seed=9)
        play(c, 9, default.turns)
        assert c.game.is_over
        yield c


def start_of(c: Campaign, turn: int) -> Game:
    """The campaign's game as ``turn`` began, replayed here from its seed and record."""
    g = new_game(c.scenario, c.seed, difficulty=c.game.difficulty.id)
    for decision in c.game.history:
        if g.turn >= turn:
            break
        g.play(decision)
    return g


def orders_by_turn(c: Campaign, w: Words) -> dict[int, list[str]]:
    """Each turn's actions as the record holds them, named with their targets (replayed to learn each one's turn)."""
    g = new_game(c.scenario, c.seed, difficulty=c.game.difficulty.id)
    out: dict[int, list[str]] = {}
    for decision in c.game.history:
        if isinstance(decision, Order):
            out.setdefault(g.turn, []).append(w.order(decision))
        g.play(decision)
    return out


def opportunity(w: Words, event: str) -> bool:
    """Whether the event is an opportunity (not a crisis)."""
    ev = w.event_def(event)
    assert ev is not None
    return ev.opportunity


def open_replay(scenario: Scenario, c: Campaign, turn: int, lang: str = "en") -> tuple[App, ReplayScreen]:
    app = App(scenario, settings_mod.Settings(lang=lang), Source.of(DEFAULT))
    app.stack = [app.open(ToTitle()), app.open(ToReplay(c, turn))]
    app.step()
    assert isinstance(app.screen, ReplayScreen)
    return app, app.screen


def press(app: App, k: int) -> None:
    key(k)
    app.step()


def drawn(app: App, area: pygame.Rect | None = None) -> list[str]:
    """The lines of text one frame draws (inside ``area``, when given), as the draw calls recorded them."""
    log = app.fonts.log = TextLog()
    app.screen._layer = None  # the static layer is drawn again, so its texts are recorded
    app.step()
    app.fonts.log = None
    inside = [p for p in log.placed if p.layer == log.layer]
    return [p.text for p in inside if area is None or area.contains(pygame.Rect(p.box))]


def hover(app: App, pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.step()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_turns_panel_lists_exactly_the_actions_and_answers_the_record_holds(
        default: Scenario, finished: Campaign, data: Path, lang: str) -> None:
    w = words(default, lang)
    expected = orders_by_turn(finished, w)
    app, screen = open_replay(default, finished, 1, lang)
    for turn in range(1, default.turns + 1):
        assert screen.turn is not None and screen.turn.turn == turn and screen.game.turn == turn
        done = [e.title for e in screen.turn.done]
        assert done == expected.get(turn, [])
        answered = [(f.event, f.choice) for f in finished.game.fired if f.turn == turn and f.choice]
        crises = [e for e in screen.turn.happened if e.kind in ("crisis", "opportunity")]
        assert [(e.title, e.note) for e in crises] == [
            (w.ui("crisis.opportunity_title" if opportunity(w, ev) else "crisis.title", title=w.name(f"event.{ev}.title")),
             w.ui("crisis.chosen", name=w.name(f"event.{ev}.choice.{ch}")))
            for ev, ch in answered]
        shown = drawn(app, screen.board.panel)
        for title in [*done, *(e.title for e in crises)]:  # each drawn (its first line, or cut with a tooltip)
            assert any(line and title.startswith(line.rstrip("…")) for line in shown), title
        if not done:
            assert w.ui("replay.done_none") in shown
        press(app, pygame.K_RIGHT)
    assert screen.at_end and screen.turn is None


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_meters_of_a_turn_run_from_the_hud_as_it_began_to_where_the_turn_left_them(
        default: Scenario, finished: Campaign, data: Path, lang: str) -> None:
    for turn in (1, 6, 13, default.turns):
        app, screen = open_replay(default, finished, turn, lang)
        began, report = start_of(finished, turn), finished.game.reports[turn - 1]
        hud_texts = " | ".join(drawn(app, screen.board.hud))
        assert screen.turn is not None
        for m, cell in zip(default.meters, screen.turn.meters, strict=True):
            value = began.view.meter(m.id)
            assert screen.game.view.meter(m.id) == value
            assert re.search(rf"{re.escape(cell.name)}\s*{value}(?!\d)", hud_texts), (cell.name, value, hud_texts)
            assert (cell.before, cell.after) == (value, report.meters[m.id])
            assert screen.w.ui("replay.span", before=value, after=report.meters[m.id]) in screen.texts()


def test_arrows_home_end_the_wheel_and_a_click_on_a_tick_choose_the_turn(default: Scenario, finished: Campaign,
                                                                         data: Path) -> None:
    app, screen = open_replay(default, finished, 5)
    assert (screen.index, screen.game.turn) == (4, 5)
    press(app, pygame.K_RIGHT)
    assert screen.turn is not None and screen.turn.turn == 6 and screen.game.turn == 6
    press(app, pygame.K_LEFT)
    press(app, pygame.K_LEFT)
    assert screen.turn is not None and screen.turn.turn == 4
    press(app, pygame.K_HOME)
    press(app, pygame.K_LEFT)  # nothing before the first turn
    assert screen.index == 0 and screen.game.turn == 1
    press(app, pygame.K_END)
    assert screen.at_end and screen.game.is_over and screen.index == len(screen.ticks) - 1 == default.turns
    press(app, pygame.K_RIGHT)  # nothing after the end
    assert screen.at_end
    assert screen.tick_label(default.turns) == "End" and [screen.tick_label(i) for i in range(3)] == ["1", "2", "3"]
    click(screen.ticks[9].center)
    app.step()
    assert screen.turn is not None and screen.turn.turn == 10 and screen.game.turn == 10
    for steps, turn in ((-1, 11), (-1, 12), (1, 11)):  # the wheel towards the player steps forward
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=steps, flipped=False, precise_x=0.0,
                                             precise_y=float(steps)))
        app.step()
        assert screen.turn is not None and screen.turn.turn == turn


def test_the_timeline_marks_the_turns_with_a_crisis_or_an_opportunity(default: Scenario, finished: Campaign,
                                                                      data: Path) -> None:
    _, screen = open_replay(default, finished, 1)
    w = screen.w
    for turn, t in enumerate(screen.turns, start=1):
        answered = {opportunity(w, f.event) for f in finished.game.fired if f.turn == turn and f.choice}
        assert t.marker == ("crisis" if False in answered else "opportunity" if answered else "")
    assert {t.marker for t in screen.turns} == {"", "crisis", "opportunity"}


def test_there_is_no_end_turn_and_e_changes_nothing(default: Scenario, finished: Campaign, data: Path) -> None:
    app, screen = open_replay(default, finished, 7)
    history, index = list(finished.game.history), screen.index
    end_turn = screen.w.ui("win.end_turn")
    assert end_turn not in screen.texts() and end_turn not in drawn(app)
    press(app, pygame.K_e)
    assert app.screen is screen and screen.index == index and finished.game.history == history


def test_escape_goes_back_to_the_debrief_it_was_opened_from(default: Scenario, finished: Campaign,
                                                            data: Path) -> None:
    app = App(default, settings_mod.Settings(lang="en"), Source.of(DEFAULT))
    app.stack = [app.open(ToTitle()), app.open(ToDebrief(finished))]
    app.step()
    debrief = app.screen
    assert isinstance(debrief, DebriefScreen)
    press(app, pygame.K_v)
    viewer = app.screen
    assert isinstance(viewer, ReplayScreen) and viewer.turn is not None and viewer.turn.turn == debrief.turn
    press(app, pygame.K_ESCAPE)
    assert app.screen is debrief


def test_map_and_timeline_tooltips_belong_to_the_turn_shown(default: Scenario, finished: Campaign,
                                                            data: Path) -> None:
    w = words(default, "en")
    turn = next(t for t in range(1, default.turns) if actor_card(start_of(finished, t), w, "china")
                != actor_card(start_of(finished, t + 1), w, "china"))
    app, screen = open_replay(default, finished, turn)
    china = screen.board.map.markers["china"]
    hover(app, china)
    assert screen.tooltip(app.mouse) == actor_card(start_of(finished, turn), w, "china")
    press(app, pygame.K_RIGHT)  # the mouse stays put: the tooltip is the next turn's
    assert screen.tooltip(app.mouse) == actor_card(start_of(finished, turn + 1), w, "china")
    hover(app, screen.ticks[2].center)
    assert screen.tooltip(app.mouse)[:2] == [w.ui("replay.turn", turn=3, year=2025, quarter=3),
                                             *orders_by_turn(finished, w)[3][:1]]
    hover(app, screen.ticks[-1].center)
    out = finished.game.outcome()
    assert out is not None and screen.tooltip(app.mouse)[0] == w.ui("debrief.game_over",
                                                                     ending=w.name(f"ending.{out.ending}"))


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("turn", [3, 25])
def test_texts_lists_what_the_panel_the_timeline_and_the_hint_show(default: Scenario, finished: Campaign, data: Path,
                                                                   lang: str, turn: int) -> None:
    app, screen = open_replay(default, finished, turn, lang)
    texts = screen.texts()
    shown = drawn(app, screen.board.panel) + drawn(app, screen.board.bottom)
    for line in shown:  # every line drawn there is (part of) a text texts() names
        assert any(line.rstrip("…") in t for t in texts), line
    for t in texts:  # and every text it names is drawn
        assert any(line and t.startswith(line.rstrip("…")) for line in shown), t
    assert screen.hint() in shown
    assert screen.w.ui("win.replay_hint", turn=min(turn, default.turns), turns=default.turns) in screen.hint()


def test_a_campaign_still_in_play_shows_its_turn_in_progress_and_programmes(default: Scenario, data: Path) -> None:
    c = Campaign.new(default, Source.of(DEFAULT), seed=7)
    play(c, 7, 4)
    c.apply(Order("defence_buildup"))  # a standing programme, started in turn 5
    play(c, 7, 1)
    c.withdraw("defence_buildup")  # and withdrawn in turn 6, still in progress
    w = words(default, "en")
    app, screen = open_replay(default, c, 5)
    assert screen.turn is not None and screen.turn.done[0].title == w.order(Order("defence_buildup"))
    action = default.action("defence_buildup")
    assert action is not None and action.commitment is not None
    upkeep = action.commitment.upkeep
    assert w.ui("replay.programme", upkeep=upkeep) in screen.turn.done[0].note
    press(app, pygame.K_END)
    assert not screen.at_end and screen.turn is not None and screen.turn.turn == 6 and not screen.turn.finished
    assert [e.title for e in screen.turn.done] == [
        w.ui("report.programme_withdrawn", name=w.name("action.defence_buildup.name"))]
    assert isinstance(c.game.history[-1], Withdraw)
    assert w.ui("replay.in_progress") in screen.texts() and screen.tick_label(5) == "6"


def test_tab_reads_the_panel_by_keyboard_and_a_new_turn_starts_again(default: Scenario, finished: Campaign,
                                                                     data: Path) -> None:
    app, screen = open_replay(default, finished, 3)
    assert screen.focus is None and screen.stops
    press(app, pygame.K_TAB)
    first = screen.stops[0]
    meter = screen.turns[2].meters[0]  # the first meter's cell: where it went and why
    assert screen.focus == first and screen.tips[first][1] == (
        f"{meter.name} {meter.before} → {meter.after} ({meter.after - meter.before:+d})", *meter.causes)
    press(app, pygame.K_TAB)
    assert screen.focus == screen.stops[1]
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=pygame.KMOD_LSHIFT, unicode="",
                                         scancode=0))
    app.step()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=pygame.KMOD_LSHIFT, unicode="",
                                         scancode=0))
    app.step()
    assert screen.focus == screen.stops[-1]  # back past the first, round to the last
    entry = next(i for i in screen.stops if screen.tips[i][1] == screen.turns[2].done[0].tip)
    while screen.focus != entry:
        press(app, pygame.K_TAB)
    assert "Tab" in screen.hint()
    press(app, pygame.K_RIGHT)
    assert screen.focus is None

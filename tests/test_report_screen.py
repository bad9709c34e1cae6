"""The turn report as a visual summary, driven by real input events: each meter's change as a bar with its biggest
causes, what fired and the other countries' moves as cards, every cause on demand, scrolled when it does not fit."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from gaiko_game.core import Scenario
from gaiko_game.present.palette import SKY, VERMILION
from gaiko_game.present.report import moves, pushes
from gaiko_game.present.words import words
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.players import make_policy
from gaiko_game.session.seeding import stream
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.autoplay import click, key
from gaiko_game.ui.destinations import ToCampaign, ToTitle
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.crisis import CrisisScreen
from gaiko_game.ui.screens.report import ReportScreen
from gaiko_game.ui.textlog import TextLog, problems
from tests.conftest import ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def press(app: App, k: int) -> None:
    key(k)
    app.step()


def wheel(app: App, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y)))
    app.step()


def open_window(scenario: Scenario, lang: str, size: tuple[int, int] = (1280, 720), scale: float = 1.0) -> App:
    app = App(scenario, settings_mod.Settings(lang=lang, scale=scale), Source.of(DEFAULT))
    app.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    app.stack = [app.open(ToTitle())]
    app.step()
    return app


def end_a_turn(scenario: Scenario, lang: str, seed: int, turn: int, player: str,
               size: tuple[int, int] = (1280, 720), scale: float = 1.0) -> tuple[App, Campaign, ReportScreen, int]:
    """A campaign played by ``player`` up to ``turn``, whose last turn is ended in the window (E, then the crisis
    answered by its key): the report on screen, and the capital the player saw when that turn began."""
    app = open_window(scenario, lang, size, scale)
    c = Campaign.new(scenario, Source.of(DEFAULT), seed=seed)
    policy = make_policy(player, stream(seed, "policy"), scenario, DEFAULT)
    for _ in range(turn - 1):
        while (order := policy.act(c.game)) is not None:
            c.apply(order)
        report = c.end_turn()
        while report is None:
            report = c.choose(policy.answer(c.game))
    app.stack.append(app.open(ToCampaign(c)))
    app.step()
    seen = c.game.view.capital
    while (order := policy.act(c.game)) is not None:
        c.apply(order)
    press(app, pygame.K_e)
    while isinstance(app.screen, CrisisScreen):
        press(app, pygame.K_1 + [ch.id for ch in app.screen.card.choices].index(policy.answer(c.game)))
    screen = app.screen
    assert isinstance(screen, ReportScreen) and screen.report == c.game.reports[-1] and screen.report.turn == turn
    return app, c, screen, seen


@pytest.fixture(scope="module")
def busy(default: Scenario, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[App, Campaign, ReportScreen, int]]:
    """Turn 11 of a random player's seed-8 game, in both languages: a crisis and five other countries moving."""
    folder = tmp_path_factory.mktemp("report-data")
    os.environ["GAIKO_DATA_DIR"] = str(folder / "data")
    os.environ["GAIKO_CONFIG_DIR"] = str(folder / "config")
    return {lang: end_a_turn(default, lang, 8, 11, "random") for lang in ("en", "ja")}


def fresh(busy: dict[str, tuple[App, Campaign, ReportScreen, int]], lang: str) -> tuple[App, ReportScreen]:
    """The busy turn's report, back on the summary at the window's own size."""
    app, _, screen, _ = busy[lang]
    app.surface = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)  # other tests open other sizes
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1280, 720), w=1280, h=720))
    if app.screen is not screen:
        app.stack.append(screen)
    if screen.details:
        screen.toggle()
    app.mouse = (0, 0)
    app.step()
    return app, screen


@pytest.mark.parametrize("lang,rows", [
    ("en", {"Security": ("67 → 67", "±0"), "Prosperity": ("59 → 62", "+3"), "Autonomy": ("54 → 53", "-1"),
            "Diplomatic Capital": ("1 → 0", "-1"), "US Commitment": ("63 → 64", "+1"),
            "Regional Stability": ("46 → 42", "-4"), "Own Capability": ("45 → 46", "+1")}),
    ("ja", {"安全保障": ("67 → 67", "±0"), "繁栄": ("59 → 62", "+3"), "戦略的自律性": ("54 → 53", "-1"),
            "外交資本": ("1 → 0", "-1"), "米国の関与": ("63 → 64", "+1"), "地域の安定": ("46 → 42", "-4"),
            "自国の防衛・技術力": ("45 → 46", "+1")})])
def test_each_meter_row_shows_the_turns_net_change_with_its_sign_and_a_bar_that_long(
        busy: dict[str, tuple[App, Campaign, ReportScreen, int]], lang: str, rows: dict[str, tuple[str, str]]) -> None:
    app, screen = fresh(busy, lang)
    assert {b.name: (b.values, b.change) for b in screen.view.bars} == rows  # every meter, capital, the moved tracks
    texts = screen.texts()
    assert all(name in texts and values in texts and change in texts for name, (values, change) in rows.items())
    ledger = screen.report.changes
    autonomy = [c for c in ledger if c.key == "meter.autonomy"]
    assert autonomy[-1].after - autonomy[0].before == -1 == sum(c.delta for c in autonomy)
    trough, fill = screen.bar("meter.autonomy")
    step = (trough.w // 2) / 5  # the longest change this turn is 4 points; a bar spans at least 5 each way
    assert fill.right == trough.centerx and fill.w == round(step)  # one point, leftwards: a fall
    rise_trough, rise = screen.bar("meter.prosperity")
    assert rise.x == rise_trough.centerx and rise.w == round(3 * step)
    colours = [app.surface.get_at((x, fill.centery))[:3] for x in range(fill.x + 2, fill.right - 2)]
    assert colours.count(VERMILION) > len(colours) // 2  # a fall in vermilion, a rise in sky blue
    colours = [app.surface.get_at((x, rise.centery))[:3] for x in range(rise.x + 2, rise.right - 2)]
    assert colours.count(SKY) > len(colours) // 2


@pytest.mark.parametrize("lang,security", [("en", "China -3, North Korea -2, US +2, 7 more +3"),
                                           ("ja", "中国 -3、北朝鮮 -2、米国 +2、ほか7件 +3")])
def test_a_row_names_its_biggest_causes_first_and_counts_the_rest(
        busy: dict[str, tuple[App, Campaign, ReportScreen, int]], lang: str, security: str) -> None:
    app, screen = fresh(busy, lang)
    assert security in screen.texts()
    changes = [c for c in screen.report.changes if c.key == "meter.security"]
    by_cause: dict[object, int] = {}
    for c in changes:
        by_cause[c.cause] = by_cause.get(c.cause, 0) + c.delta
    found = pushes(words(app.home, lang), changes)
    assert [p.delta for p in found] == sorted((d for d in by_cause.values() if d), key=abs, reverse=True)
    assert [p.delta for p in found[:3]] == [-3, -2, 2] and sum(p.delta for p in found[3:]) == 3 and len(found) == 10
    assert {p.cause.kind for p in found[:3]} == {"move"}  # China's, North Korea's and the US's moves this turn


def test_capital_is_counted_from_what_the_player_saw_when_the_turn_began(
        busy: dict[str, tuple[App, Campaign, ReportScreen, int]]) -> None:
    _, _, screen, seen = busy["en"]
    capital = next(b for b in screen.view.bars if b.key == "capital")
    assert (capital.before, capital.after) == (seen, screen.report.capital) == (1, 0)
    assert capital.causes == "Extended Deterrence Dialogue -1"  # the income, already in the HUD's figure, is not a cause


@pytest.mark.parametrize("lang,heading", [("en", "What other countries did"), ("ja", "各国の動き")])
def test_every_move_and_event_of_the_turn_is_a_card_with_its_why(
        busy: dict[str, tuple[App, Campaign, ReportScreen, int]], lang: str, heading: str) -> None:
    app, screen = fresh(busy, lang)
    texts = screen.texts()
    actual = moves(screen.report, words(app.home, lang))
    assert len(actual) == 5 and screen.shows_everything()
    assert heading in texts and all(m.actor_name in texts and m.line in texts and m.why in texts for m in actual)
    fired = [f for f in screen.report.fired if not f.hidden and f.event not in {m.event for m in actual}]
    assert [c.title for c in screen.view.cards if c.kind in ("crisis", "event", "opportunity")] == [
        words(app.home, lang).name(f"event.{f.event}.title") for f in fired]
    assert all(c.title in texts and all(line in texts for line in c.lines) and c.note in texts
               for c in screen.view.cards)


@pytest.mark.parametrize("lang,details,summary", [("en", "Details (D)", "Summary (D)"), ("ja", "詳細（D）", "概要（D）")])
def test_d_tab_or_the_button_swap_in_every_cause_and_back(
        busy: dict[str, tuple[App, Campaign, ReportScreen, int]], lang: str, details: str, summary: str) -> None:
    app, screen = fresh(busy, lang)
    assert details in screen.texts() and not screen.details
    press(app, pygame.K_d)
    shown = screen.texts()
    assert screen.details and summary in shown and app.screen is screen
    first = screen.view.groups[0]
    assert first.name in shown and words(app.home, lang).join(list(first.amounts)) in shown
    press(app, pygame.K_TAB)
    assert not screen.details and details in screen.texts()
    click(screen.button.rect.center)
    app.step()
    assert screen.details and app.screen is screen
    click(screen.button.rect.center)
    app.step()
    assert not screen.details


def test_the_details_scroll_by_row_page_and_wheel_until_the_last_row_shows(default: Scenario, data: Path) -> None:
    app, _, screen, _ = end_a_turn(default, "en", 8, 11, "random", size=(1024, 600))
    press(app, pygame.K_d)
    rows = screen.rows
    assert screen.top == 0 and screen.last_top > 0 and rows[-1] not in screen.shown()
    page = screen.shown()
    press(app, pygame.K_DOWN)
    assert screen.top == 1 and screen.shown()[0] == page[1]
    before = screen.shown()
    press(app, pygame.K_PAGEDOWN)
    assert screen.shown()[0] == before[-1]  # a page on, the last row of the page before kept in view
    press(app, pygame.K_END)
    last = rows[-1]
    assert screen.top == screen.last_top and screen.shown()[-1] == last
    assert last.left == screen.view.moves[-1].actor_name and screen.view.moves[-1].why in screen.texts()
    press(app, pygame.K_DOWN)
    assert screen.top == screen.last_top  # no further than the last page
    wheel(app, 1)
    assert screen.top == screen.last_top - 1
    wheel(app, -1)
    press(app, pygame.K_PAGEUP)
    press(app, pygame.K_HOME)
    assert screen.top == 0 and screen.shown() == page
    press(app, pygame.K_UP)
    assert screen.top == 0
    press(app, pygame.K_d)
    press(app, pygame.K_d)
    assert screen.top == 0  # the details open at their top


@pytest.mark.parametrize("k", [pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE])
def test_enter_space_or_esc_continue_from_the_summary_and_the_details(
        busy: dict[str, tuple[App, Campaign, ReportScreen, int]], k: int) -> None:
    app, _ = fresh(busy, "en")
    press(app, k)
    assert isinstance(app.screen, CampaignScreen)
    app, _ = fresh(busy, "en")
    press(app, pygame.K_d)
    press(app, k)
    assert isinstance(app.screen, CampaignScreen)


def test_a_click_away_from_the_button_continues(busy: dict[str, tuple[App, Campaign, ReportScreen, int]]) -> None:
    app, screen = fresh(busy, "en")
    click((screen.button.rect.x - 40, screen.button.rect.centery))
    app.step()
    assert isinstance(app.screen, CampaignScreen)


def test_the_hint_says_the_keys_in_the_players_language(
        busy: dict[str, tuple[App, Campaign, ReportScreen, int]]) -> None:
    hints = {}
    for lang in ("en", "ja"):
        app, screen = fresh(busy, lang)
        hints[lang] = [screen.texts()[-1]]
        press(app, pygame.K_d)
        hints[lang].append(screen.texts()[-1])
    assert hints == {"en": ["D for details · Enter or click to continue",
                            "↑↓, Page Up/Down or the wheel scroll · D for the summary · Enter or click to continue"],
                     "ja": ["D キーで詳細 · Enter またはクリックで続ける",
                            "↑↓・ホイールでスクロール · D キーで概要 · Enter またはクリックで続ける"]}


def test_a_summary_with_no_room_for_every_card_names_the_rest_and_the_details_show_them(
        default: Scenario, data: Path) -> None:
    app, _, screen, _ = end_a_turn(default, "en", 8, 11, "random", size=(1024, 600))
    assert not screen.shows_everything()
    drawn = set(screen.texts())
    missing = [m for m in screen.view.moves if m.line not in drawn]
    assert [m.actor_name for m in missing] == ["US", "EU"]
    assert "Not shown for lack of room (D shows everything): US, EU" in drawn
    press(app, pygame.K_d)
    press(app, pygame.K_END)
    assert missing[-1].line in screen.texts() and missing[-1].why in screen.texts()


LAYOUTS = [((1024, 600), 1.0), ((1280, 720), 1.0), ((1920, 1080), 1.0), ((1920, 1080), 1.5), ((3840, 2160), 1.0),
           ((3840, 2160), 2.0)]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size,scale", LAYOUTS, ids=[f"{w}x{h}@{s:g}" for (w, h), s in LAYOUTS])
def test_the_summary_and_the_details_hold_their_layout(default: Scenario, data: Path, size: tuple[int, int],
                                                       scale: float, lang: str) -> None:
    """No text leaves its panel, is clipped, cut short or over another: the summary, the details' first page and
    their last page."""
    app = end_a_turn(default, lang, 8, 11, "random", size, scale)[0]
    for keys in ((), (pygame.K_d,), (pygame.K_END,)):
        for k in keys:
            press(app, k)
        log = app.fonts.log = TextLog()
        app.step()
        app.fonts.log = None
        assert [p for p in log.placed if p.layer == log.layer], "nothing drawn"
        found = problems(log, (0, 0, *size))
        assert not found, f"{keys} at {size} {scale}× ({lang}):\n  " + "\n  ".join(found[:12])

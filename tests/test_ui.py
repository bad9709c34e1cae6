"""The window, driven by real input events under SDL's dummy video driver."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from gaiko_game.core import Order, Scenario, Withdraw
from gaiko_game.present.words import words
from gaiko_game.session import saves
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.players import make_policy
from gaiko_game.session.seeding import stream
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.autoplay import Autopilot, click, key
from gaiko_game.ui.destinations import ToCampaign, ToSettings, ToTitle
from gaiko_game.ui.screen import Push, Screen, Transition
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.crash import CrashScreen
from gaiko_game.ui.screens.crisis import CrisisScreen
from gaiko_game.ui.screens.debrief import DebriefScreen
from gaiko_game.ui.screens.dependence import DependenceScreen
from gaiko_game.ui.screens.encyclopedia import EncyclopediaScreen
from gaiko_game.ui.screens.load import LoadScreen
from gaiko_game.ui.screens.programmes import ProgrammesScreen
from gaiko_game.ui.screens.replay import ReplayScreen
from gaiko_game.ui.screens.report import ReportScreen
from gaiko_game.ui.screens.settings_screen import SettingsScreen
from gaiko_game.ui.screens.title import TitleScreen
from tests.conftest import NORTHERN, ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def make_app(scenario: Scenario, lang: str = "en", folder: Path = DEFAULT) -> App:
    a = App(scenario, settings_mod.Settings(lang=lang), Source.of(folder))
    a.stack = [a.open(ToTitle())]
    a.step()
    return a


@pytest.fixture
def app(default: Scenario, data: Path) -> App:
    return make_app(default)


def press(app: App, k: int) -> None:
    key(k)
    app.step()


def start_campaign(app: App) -> CampaignScreen:
    """Title → New campaign → Start, as a player would."""
    press(app, pygame.K_1)
    press(app, pygame.K_4)  # Start (1 scenario, 2 difficulty, 3 what you value)
    assert isinstance(app.screen, CampaignScreen)
    return app.screen


def finish_turn(app: App) -> None:
    """End the turn and answer every crisis with its first possible answer, back on the map."""
    press(app, pygame.K_e)
    while not isinstance(app.screen, CampaignScreen):
        if isinstance(app.screen, CrisisScreen):
            press(app, pygame.K_1 + next(i for i, b in enumerate(app.screen.buttons) if b.enabled))
        else:
            press(app, pygame.K_RETURN)


def test_settings_switch_language_everywhere_and_remember_it(app: App) -> None:
    english = app.screen.texts()
    press(app, pygame.K_5)  # Settings
    assert isinstance(app.screen, SettingsScreen)
    press(app, pygame.K_RETURN)  # the first entry: language
    assert app.settings.lang == "ja"
    assert any("言語" in text for text in app.screen.texts())
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, TitleScreen)
    japanese = app.screen.texts()
    assert all(a != b for a, b in zip(english[2:], japanese[2:], strict=True))  # every button changed language
    assert settings_mod.load("en")[0].lang == "ja"


def test_the_scale_setting_offers_only_what_fits_the_window_and_enlarges_the_menu(app: App) -> None:
    before = app.screen.buttons[0].rect.h  # type: ignore[attr-defined]
    press(app, pygame.K_5)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # at 1280×720 only 1× fits (1.25× would leave 576 of the 600 rows a screen needs)
    assert app.settings.scale == 1.0 and app.sizes.scale == 1.0
    assert "(this window fits: 1×)" in app.screen.buttons[1].tooltip[0]  # type: ignore[attr-defined]
    app.surface = pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080))
    app.step()
    offered = []
    for _ in range(3):
        press(app, pygame.K_RETURN)
        offered.append(app.settings.scale)
    assert offered == [1.25, 1.5, 1.0]  # 2× would leave 540 rows: not offered
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)
    assert app.sizes.scale == 1.25 and app.screen.buttons[0].rect.h > before  # type: ignore[attr-defined]


def test_a_remembered_scale_that_no_longer_fits_falls_back_with_a_notice(default: Scenario) -> None:
    big = App(default, settings_mod.Settings(lang="en", scale=2.0))
    big.stack = [big.open(ToTitle())]
    big.step()
    assert big.settings.scale == 2.0 and big.sizes.scale == 1.0  # remembered, but shown at what fits
    assert big.screen.subtitle() == ("UI scale 2× does not fit this window (1280×720), so it is shown at 1×. Go "  # type: ignore[attr-defined]
                                     "fullscreen or enlarge the window and 2× comes back.")
    big.surface = pygame.display.set_mode((3840, 2160), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(3840, 2160), w=3840, h=2160))
    big.step()
    assert big.sizes.scale == 2.0 and big.notice == ""
    pygame.display.set_mode((1280, 720), pygame.RESIZABLE)


def test_clicking_an_action_spends_capital_and_tooltips_show_the_engines_numbers(app: App) -> None:
    campaign = start_campaign(app)
    game = campaign.game
    order, row = campaign.rows[0]
    preview = game.preview(order)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=row.rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.step()
    security = next(c.delta for c in preview.now if c.key == "meter.security")
    assert f"Security +{security}" in campaign.tooltip()
    capital = game.view.capital
    click(row.rect.center)
    app.step()
    assert game.view.capital == capital - game.scenario.action(order.action).cost  # type: ignore[union-attr]
    assert game.history == [order]


def test_end_turn_crisis_and_report_are_reachable_and_leavable(app: App) -> None:
    campaign = start_campaign(app)
    for _ in range(30):
        press(app, pygame.K_e)
        if isinstance(app.screen, CrisisScreen):
            press(app, pygame.K_ESCAPE)  # look at the map first: nothing traps the player
            assert app.screen is campaign
            press(app, pygame.K_e)  # the same crisis comes back
            assert isinstance(app.screen, CrisisScreen)
            card, height = app.screen.box, app.surface.get_height()
            assert card.height < height - 100 and abs(card.centery - height // 2) <= 1  # as tall as its content
            assert all(card.contains(b.rect) for b in app.screen.buttons)
            press(app, pygame.K_i)  # the background is shown in the same card, which fits it in turn
            assert app.screen.box.centery == card.centery and all(app.screen.box.contains(b.rect)
                                                                  for b in app.screen.buttons)
            press(app, pygame.K_i)
            assert app.screen.box == card
            press(app, pygame.K_1 + next(i for i, b in enumerate(app.screen.buttons) if b.enabled))
        while isinstance(app.screen, CrisisScreen):
            press(app, pygame.K_1 + next(i for i, b in enumerate(app.screen.buttons) if b.enabled))
        assert isinstance(app.screen, ReportScreen)
        press(app, pygame.K_RETURN)
        assert app.screen is campaign
        if any(f.choice for f in campaign.game.fired):
            break
    assert campaign.game.turn >= 2 and any(f.choice for f in campaign.game.fired)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_autoplay_plays_a_whole_campaign_through_the_screens(default: Scenario, data: Path, tmp_path: Path,
                                                            lang: str) -> None:
    a = make_app(default, lang)
    a.seed = 2
    shots = Autopilot(a, make_policy("hedge", stream(2, "policy")), tmp_path / "shots").run()
    assert isinstance(a.screen, DebriefScreen) and a.screen.c.game.is_over
    names = {p.name.split("_", 1)[1] for p in shots}
    assert {"title.png", "encyclopedia.png", "settings.png", "campaign.png", "crisis.png", "report.png",
            "debrief.png"} <= names
    press(a, pygame.K_p)
    saved = next((data / "debriefs").glob("*.png"))
    assert saved.stat().st_size > 10_000 and str(saved) in a.screen.saved  # type: ignore[attr-defined]
    press(a, pygame.K_RETURN)
    assert isinstance(a.screen, TitleScreen)


@pytest.mark.parametrize("driver,why", [("no-such-driver", "could not open a window"),
                                        ("offscreen", "no display was found")])
def test_no_display_gives_a_hint_not_a_traceback_or_an_invisible_window(driver: str, why: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")}
    if driver != "offscreen":  # offscreen is what SDL falls back to by itself when there is no display
        env["SDL_VIDEODRIVER"] = driver
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "play", "--window"], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=60)
    assert run.returncode == 1
    assert why in run.stderr and "gaiko play --text" in run.stderr and "Traceback" not in run.stderr


def test_leaving_autosaves_and_continue_resumes_exactly(app: App) -> None:
    campaign = start_campaign(app)
    click(campaign.rows[0][1].rect.center)
    app.step()
    finish_turn(app)
    click(campaign.rows[1][1].rect.center)  # an action in the turn in progress
    app.step()
    played = campaign.game.fingerprint()
    press(app, pygame.K_ESCAPE)  # leave the campaign: it is autosaved
    assert isinstance(app.screen, TitleScreen)
    app.screen.resized()
    press(app, pygame.K_2)  # Continue
    resumed = app.screen
    assert isinstance(resumed, CampaignScreen) and resumed is not campaign
    assert resumed.game.fingerprint() == played and resumed.c.id == campaign.c.id


def test_after_the_tutorial_continue_resumes_the_real_campaign_and_new_campaign_is_still_the_real_one(
        app: App) -> None:
    campaign = start_campaign(app)
    finish_turn(app)
    finish_turn(app)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_6)  # Tutorial
    press(app, pygame.K_RETURN)  # Start
    lesson = app.screen
    assert isinstance(lesson, CampaignScreen) and lesson.c.scenario.id == "tutorial"
    Autopilot(app, make_policy("hedge", stream(3, "policy")), None, tour=False).run()
    assert isinstance(app.screen, DebriefScreen) and app.screen.c.scenario.id == "tutorial"
    press(app, pygame.K_RETURN)
    assert isinstance(app.screen, TitleScreen)
    app.screen.resized()
    tips = app.screen.buttons[1].tooltip  # type: ignore[attr-defined]
    assert tips and tips[0].startswith("Indo-Pacific 2025 · turn 3")
    press(app, pygame.K_2)  # Continue
    resumed = app.screen
    assert isinstance(resumed, CampaignScreen) and resumed.c.id == campaign.c.id
    assert resumed.game.fingerprint() == campaign.game.fingerprint()
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_1)  # New campaign: the scenario the game was started with, not the tutorial
    assert "Indo-Pacific 2025" in app.screen.texts()[2]


def test_a_crash_autosaves_the_turn_in_progress_and_offers_the_way_back(app: App, data: Path) -> None:
    campaign = start_campaign(app)
    click(campaign.rows[0][1].rect.center)
    app.step()
    played = campaign.game.fingerprint()

    class Broken(Screen):
        def handle(self, event: pygame.event.Event) -> Transition | None:
            raise ZeroDivisionError("a bug in a screen")

    app.stack.append(Broken(app))
    press(app, pygame.K_SPACE)
    crash = app.screen
    assert isinstance(crash, CrashScreen) and app.running
    texts = " ".join(crash.texts())
    assert "Continue on the title screen resumes it" in texts and "ZeroDivisionError: a bug in a screen" in texts
    (log,) = list((data / "logs").glob("crash-*.log"))
    assert "ZeroDivisionError" in log.read_text() and str(log) in texts
    press(app, pygame.K_RETURN)
    assert isinstance(app.screen, TitleScreen)
    press(app, pygame.K_2)  # Continue: the action taken before the crash is there
    assert isinstance(app.screen, CampaignScreen) and app.screen.game.fingerprint() == played


def test_encyclopedia_is_reachable_readable_and_leavable(app: App) -> None:
    press(app, pygame.K_4)
    screen = app.screen
    assert isinstance(screen, EncyclopediaScreen)
    w = app.words()
    about = screen.texts()  # it opens on what the scenario is: its note before anything else
    assert about[:2] == ["About this scenario", w.name("scenario.description")]
    assert about[2].startswith(w.name("scenario.note") + "\n")
    card = 1 + len(app.home.assumptions)
    for _ in range(card + 1):  # past the card to the second action
        press(app, pygame.K_DOWN)
    second = app.home.actions[1].id
    assert screen.texts() == [w.name(f"action.{second}.name"), w.name(f"action.{second}.desc"),
                              w.name(f"action.{second}.encyclopedia") + "\n" + w.name(f"action.{second}.source")]
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, TitleScreen)


def test_the_encyclopedia_groups_actions_and_crises_under_headings(app: App) -> None:
    press(app, pygame.K_4)
    screen = app.screen
    assert isinstance(screen, EncyclopediaScreen)
    actions, card = len(app.home.actions), 1 + len(app.home.assumptions)
    crises = len(screen.entries) - actions - card
    assert screen.rows[0] == (f"This scenario and its model ({card})", -1)
    assert screen.rows[card + 1] == (f"Actions ({actions})", -1)
    assert screen.rows[card + actions + 2] == (f"Crises and opportunities ({crises})", -1)
    assert [i for _, i in screen.rows if i >= 0] == list(range(len(screen.entries)))
    press(app, pygame.K_END)
    assert screen.index == len(screen.entries) - 1
    press(app, pygame.K_HOME)
    assert screen.index == 0
    heading_y = screen.list_rect.y + screen.row_h // 2  # the first row shown is the card's heading
    click((screen.list_rect.x + 20, heading_y))
    app.step()
    assert screen.index == 0  # a heading is not an entry
    click((screen.list_rect.x + 20, heading_y + 2 * screen.row_h))
    app.step()
    assert screen.index == 1


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_action_label_fits_its_row(default: Scenario, data: Path, lang: str) -> None:
    a = make_app(default, lang)
    campaign = a.open(ToCampaign(Campaign.new(default, Source.of(DEFAULT), seed=1)))
    assert isinstance(campaign, CampaignScreen)
    font = a.fonts.get(a.sizes.px(14))
    for _, b in campaign.rows:
        assert font.size(b.label)[0] <= b.rect.w - a.sizes.px(14) * 2, (lang, b.label)


def test_switching_language_mid_campaign_relabels_every_action(app: App) -> None:
    campaign = start_campaign(app)
    app.step()
    before = campaign.texts()
    app.apply(Push(ToSettings()))
    press(app, pygame.K_RETURN)  # language → 日本語
    press(app, pygame.K_ESCAPE)
    assert app.screen is campaign
    after = campaign.texts()
    assert len(before) == len(after) and all(b != a for b, a in zip(before, after, strict=True))


def test_clicking_a_country_targets_it(app: App) -> None:
    campaign = start_campaign(app)
    click(campaign.board.map.markers["vietnam"])
    app.step()
    assert campaign.selected == "vietnam"
    order = campaign.rows[campaign.focus][0]
    assert order.target == "vietnam"
    press(app, pygame.K_RETURN)
    assert campaign.game.history == [order]


@pytest.mark.parametrize("lang,words", [("en", ("Japan's position", "Russia regards")),
                                        ("ja", ("日本の立場", "ロシアは自国領"))])
def test_a_disputed_area_shows_every_sides_position(default: Scenario, data: Path, lang: str,
                                                    words: tuple[str, str]) -> None:
    a = make_app(default, lang)
    campaign = start_campaign(a)
    ((area, box, polys),) = campaign.board.map.disputed
    assert area == "northern_territories" and len(polys) >= 4  # Etorofu, Kunashiri, Shikotan, the Habomai islets
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=box.center, rel=(0, 0), buttons=(0, 0, 0)))
    a.step()
    tip = " ".join(campaign.tooltip())
    assert words[0] in tip and words[1] in tip


def test_new_campaign_offers_the_scenarios_difficulties(app: App) -> None:
    press(app, pygame.K_1)
    screen = app.screen
    assert [t for t in screen.texts() if "Difficulty" in t] == ["2. Difficulty: Standard"]
    assert "3. What you value: Balanced" in screen.texts()
    press(app, pygame.K_2)  # standard → hard
    assert "2. Difficulty: Hard" in screen.texts()
    press(app, pygame.K_3)  # balanced → security first
    assert "3. What you value: Security first" in screen.texts()
    press(app, pygame.K_4)
    campaign = app.screen
    assert isinstance(campaign, CampaignScreen) and campaign.game.difficulty.id == "hard"
    assert campaign.c.weighting == "security_first"
    start = {"security": 50, "prosperity": 50, "autonomy": 40}  # the scenario's start, less hard's 5
    for change in campaign.game.ledger:  # and whatever turn 1's headline crisis did at once
        if change.key.startswith("meter."):
            start[change.key.removeprefix("meter.")] = change.after
    assert campaign.game.view.meters() == start
    assert all(c.cause.kind in ("income", "event") for c in campaign.game.ledger)


def test_enter_on_new_campaign_starts_at_the_preselected_difficulty(app: App) -> None:
    app.difficulty = "gentle"
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    campaign = app.screen
    assert isinstance(campaign, CampaignScreen) and campaign.game.difficulty.id == "gentle"


def test_load_lists_saves_and_opens_one(app: App) -> None:
    campaign = start_campaign(app)
    press(app, pygame.K_F5)  # quick save at turn 1
    press(app, pygame.K_ESCAPE)
    app.screen.resized()
    press(app, pygame.K_3)  # Load
    assert isinstance(app.screen, LoadScreen)
    assert any("turn 1" in t and "Quick save" in t for t in app.screen.texts())
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, TitleScreen)
    press(app, pygame.K_3)
    press(app, pygame.K_1)
    opened = app.screen
    assert isinstance(opened, CampaignScreen) and opened.game.fingerprint() == campaign.game.fingerprint()


def test_map_modes_colour_the_countries(app: App) -> None:
    campaign = start_campaign(app)
    x, y = campaign.board.map.markers["china"]
    colours = []
    for _ in range(3):
        app.step()
        colours.append(tuple(app.surface.get_at((x - 30, y + 40))))  # inland China, away from labels
        press(app, pygame.K_m)
    assert len(set(colours)) >= 2  # relation, stance and role colour China's land differently


def test_the_advisor_is_off_by_default_and_speaks_in_the_bottom_bar_when_on(app: App) -> None:
    campaign = start_campaign(app)
    assert not app.settings.advisor
    app.step()
    assert not campaign.texts()[-1].startswith("Advisor:")
    app.apply_settings(app.settings.with_(advisor=True))
    app.step()
    assert campaign.texts()[-1].startswith("Advisor:")
    assert settings_mod.load("en")[0].advisor is True


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_tutorial_plays_through_the_window_with_its_guide(tutorial: Scenario, data: Path, lang: str) -> None:
    a = make_app(tutorial, lang, ROOT / "scenarios" / "tutorial")
    campaign = a.open(ToCampaign(Campaign.new(tutorial, Source(bundled="tutorial"), seed=3)))
    assert isinstance(campaign, CampaignScreen)
    a.stack.append(campaign)
    a.step()
    w = a.words(tutorial)
    prompts = [w.name(f"guide.{g}") for g in tutorial.guide_for(1)]
    n = len(prompts)
    assert n == 3
    shown = []
    for page in range(len(prompts)):  # one prompt at a time, G or a click for the next
        shown += campaign.guide_lines()
        box = campaign.guide_box()
        assert box is not None and campaign.board.map_rect.contains(box)
        assert campaign.guide_footer() == w.ui("win.guide_next" if page < n - 1 else "win.guide_close", page=page + 1,
                                               pages=n)
        if page % 2:
            click(box.center)
        else:
            press(a, pygame.K_g)
        a.step()
    assert shown == prompts and campaign.guide_lines() == []  # closed after the last
    Autopilot(a, make_policy("hedge", stream(3, "policy")), None, tour=False).run()
    assert isinstance(a.screen, DebriefScreen) and a.screen.c.game.outcome() is not None


def test_debrief_replay_viewer_and_what_if_rewind(default: Scenario, data: Path) -> None:
    a = make_app(default)
    a.seed = 4
    Autopilot(a, make_policy("hedge", stream(4, "policy")), None).run()
    debrief = a.screen
    assert isinstance(debrief, DebriefScreen)
    first = debrief.c
    press(a, pygame.K_v)  # the replay viewer, at the selected turn
    viewer = a.screen
    assert isinstance(viewer, ReplayScreen) and "End turn (E)" not in viewer.texts()
    start = viewer.game.turn
    press(a, pygame.K_RIGHT)
    assert viewer.game.turn == start + 1
    press(a, pygame.K_ESCAPE)
    assert a.screen is debrief
    for _ in range(3):
        press(a, pygame.K_LEFT)
    chosen = debrief.turn
    press(a, pygame.K_r)  # what-if: back to that turn with the same seed, as a new campaign
    rewound = a.screen
    assert isinstance(rewound, CampaignScreen) and rewound.game.turn == chosen and rewound.compare is not None
    assert rewound.c.id != first.id and rewound.game.history == first.game.history[: len(rewound.game.history)]
    Autopilot(a, make_policy("alliance_first", stream(77, "policy")), None, tour=False).run()
    second = a.screen
    assert isinstance(second, DebriefScreen) and second.compare == rewound.compare
    assert second.c.game.history != first.game.history


def test_continuing_a_save_from_changed_content_offers_what_still_replays(app: App, data: Path) -> None:
    campaign = start_campaign(app)
    press(app, pygame.K_F5)
    press(app, pygame.K_ESCAPE)
    for save in (data / "saves").glob("*/*.json"):
        saved = json.loads(save.read_text())
        saved["content_hash"] = "0" * 64
        save.write_text(json.dumps(saved))
    app.screen.resized()
    press(app, pygame.K_2)  # Continue
    resumed = app.screen
    assert isinstance(resumed, CampaignScreen) and "has changed since this save" in resumed.message
    assert "0000" not in resumed.message and resumed.game.fingerprint() == campaign.game.fingerprint()


def test_closing_the_window_mid_turn_and_mid_crisis_loses_nothing(default: Scenario, data: Path) -> None:
    a = make_app(default)
    campaign = start_campaign(a)
    click(campaign.rows[0][1].rect.center)
    a.step()
    for _ in range(30):  # end turns until a crisis is waiting
        press(a, pygame.K_e)
        if isinstance(a.screen, CrisisScreen):
            break
        press(a, pygame.K_RETURN)
    assert isinstance(a.screen, CrisisScreen)
    state = campaign.game.fingerprint()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    a.step()  # the player closes the window while the crisis waits
    assert not a.running
    b = make_app(default)
    press(b, pygame.K_2)  # Continue
    b.step()
    assert isinstance(b.screen, CrisisScreen)  # back on the same crisis
    assert b.screen.c.game.fingerprint() == state


def test_rows_show_cooldown_and_odds(app: App) -> None:
    campaign = start_campaign(app)
    assert campaign.row_badge(Order("counterstrike_capability")) == "80% chance"
    assert campaign.row_badge(Order("joint_drills")) == ""
    click(next(b for o, b in campaign.rows if o == Order("two_plus_two")).rect.center)
    app.step()
    assert campaign.row_badge(Order("two_plus_two")) == "ready in 3"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_second_country_plays_in_the_window_with_its_own_frame(northern: Scenario, data: Path, tmp_path: Path,
                                                                   lang: str) -> None:
    a = make_app(northern, lang, NORTHERN)
    a.seed = 5
    shots = Autopilot(a, make_policy("hedge", stream(5, "policy")), tmp_path / "shots").run()
    assert isinstance(a.screen, DebriefScreen) and a.screen.c.game.is_over
    assert len(a.screen.view.curves) == 4
    campaign = a.open(ToCampaign(Campaign.new(northern, Source.of(NORTHERN), seed=5)))
    assert isinstance(campaign, CampaignScreen)
    a.stack.append(campaign)
    a.step()
    assert len(campaign.board.meter_rects) == 4 and "finland" in campaign.board.map.markers
    assert campaign.board.map.shapes["russia"] and not campaign.board.map.disputed
    shown = " ".join([*campaign.texts(), campaign.legend()])
    for word in ("Japan", "日本", "US–China", "米中"):
        assert word not in shown
    assert ("Finland" if lang == "en" else "フィンランド") in campaign.legend()
    assert {p.name.split("_", 1)[1] for p in shots} >= {"campaign.png", "crisis.png", "debrief.png"}
    assert not saves.listing()[1]


# ── the living world in the window ──────────────────────────────────────


def hover(app: App, pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.step()


def play_to_campaign(app: App, seed: int, lang: str = "en", scale: float = 1.0) -> CampaignScreen:
    """A fresh campaign of the default scenario on screen (over the title)."""
    app.apply_settings(app.settings.with_(lang=lang, scale=scale))
    campaign = app.open(ToCampaign(Campaign.new(app.home, Source.of(DEFAULT), seed=seed)))
    assert isinstance(campaign, CampaignScreen)
    app.stack.append(campaign)
    app.step()
    return campaign


@pytest.mark.parametrize("lang,kind,cost", [("en", "Crisis", " DC)"), ("ja", "危機", " 外交資本）")])
def test_the_headline_strip_announces_the_turns_crisis_and_its_costs_before_the_actions(
        app: App, lang: str, kind: str, cost: str) -> None:
    campaign = play_to_campaign(app, 11, lang)
    while not any(any(c.cost for c in e.choices) for e in campaign.game.announced):
        finish_turn(app)
    ev = campaign.game.announced[0]
    w = app.words()
    texts = campaign.headline_texts()
    assert texts[:2] == [kind, w.name(f"event.{ev.id}.title")] and cost in texts[2]
    strip = campaign.board.strip_rects[0]
    assert campaign.board.strip.colliderect(strip) and campaign.board.strip.bottom <= campaign.board.map_rect.y
    hover(app, strip.center)
    tip = campaign.tooltip()
    colon = "：" if lang == "ja" else ": "
    assert tip[0] == f"{kind}{colon}{w.name(f'event.{ev.id}.title')}" and any(cost + " · " in t for t in tip)
    press(app, pygame.K_e)  # the same event is answered after the actions, in the crisis dialog
    assert isinstance(app.screen, CrisisScreen) and app.screen.card.id == ev.id
    # nothing was done in between: the headline's tooltip already showed each answer as the dialog now does
    assert all(c.line in tip for c in app.screen.card.choices if c.enabled)
    for c in app.screen.card.choices:  # each answer is followed by the world's reactions to it, as on the card
        if c.enabled:
            at = tip.index(c.line)
            assert tip[at + 1:at + 1 + len(c.world)] == [f"   {r}" for r in c.world]
    assert any(c.world for c in app.screen.card.choices)  # this crisis has some, so the check above bites


@pytest.mark.parametrize("lang,word", [("en", "Opportunity"), ("ja", "好機")])
def test_an_opportunity_is_labelled_as_one_in_the_strip_and_the_dialog(app: App, lang: str, word: str) -> None:
    campaign = play_to_campaign(app, 1, lang)
    while not any(e.opportunity for e in campaign.game.announced):
        finish_turn(app)
    assert word in campaign.headline_texts()
    press(app, pygame.K_e)
    while isinstance(app.screen, CrisisScreen) and not app.screen.card.opportunity:
        press(app, pygame.K_1 + next(i for i, b in enumerate(app.screen.buttons) if b.enabled))
    assert isinstance(app.screen, CrisisScreen) and app.screen.card.heading.startswith((f"{word}: ", f"{word}："))


@pytest.mark.parametrize("lang,title,last", [("en", "What other countries did", "Last turn: "),
                                             ("ja", "各国の動き", "前のターンの動き：")])
def test_other_countries_moves_are_in_the_report_and_marked_on_the_map(app: App, lang: str, title: str,
                                                                      last: str) -> None:
    campaign = play_to_campaign(app, 11, lang)
    for _ in range(10):
        press(app, pygame.K_e)
        while isinstance(app.screen, CrisisScreen):
            press(app, pygame.K_1 + next(i for i, b in enumerate(app.screen.buttons) if b.enabled))
        report = app.screen
        assert isinstance(report, ReportScreen)
        if report.view.moves:
            break
        press(app, pygame.K_RETURN)
    moves = report.view.moves
    texts = report.texts()
    assert title in texts and all(m.line in texts and m.why in texts for m in moves)
    press(app, pygame.K_RETURN)
    assert app.screen is campaign
    app.step()
    assert set(campaign.board.move_rects) == {m.actor for m in moves}
    mover = moves[0]
    hover(app, campaign.board.move_rects[mover.actor].center)
    tip = campaign.tooltip()
    assert f"{last}{mover.line}" in tip and mover.why in tip


@pytest.mark.parametrize("lang,note,ending", [
    ("en", "Standing programme: upkeep 1 DC a turn", "Ending it: US Commitment -8"),
    ("ja", "継続施策：維持費 毎ターン 1 外交資本", "取りやめると：米国の関与 -8")])
def test_a_programme_is_shown_with_its_upkeep_and_withdrawn_only_after_confirming_its_cost(
        app: App, lang: str, note: str, ending: str) -> None:
    campaign = play_to_campaign(app, 11, lang)
    game = campaign.game
    row = next(b for o, b in campaign.rows if o == Order("defence_buildup"))
    hover(app, row.rect.center)
    assert note in campaign.tooltip()
    click(row.rect.center)
    app.step()
    assert game.view.commitments() == {"defence_buildup": 1} and campaign.shows_programmes
    assert ("(P)" in campaign.programmes_button.label or "（P）" in campaign.programmes_button.label)
    assert "1" in campaign.programmes_button.label
    click(campaign.programmes_button.rect.center)  # the bottom bar's button opens the list
    app.step()
    screen = app.screen
    assert isinstance(screen, ProgrammesScreen)
    press(app, pygame.K_1)
    assert screen.asking is not None and ending in screen.asking.confirm
    assert any(ending in t for t in screen.texts())
    press(app, pygame.K_ESCAPE)  # kept
    assert screen.asking is None and game.view.commitments() and app.screen is screen
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)  # withdrawn
    assert game.view.commitments() == {} and game.history[-1] == Withdraw("defence_buildup")
    assert any(re.split(": |：", ending)[-1] in t for t in screen.texts())  # what it cost is said
    press(app, pygame.K_ESCAPE)
    assert app.screen is campaign and not campaign.shows_programmes
    press(app, pygame.K_u)  # the withdrawal can be taken back this turn
    assert game.view.commitments() == {"defence_buildup": 1}


def test_programmes_cannot_be_withdrawn_while_a_crisis_waits(app: App) -> None:
    campaign = play_to_campaign(app, 11)
    click(next(b for o, b in campaign.rows if o == Order("defence_buildup")).rect.center)
    app.step()
    for _ in range(20):  # end turns until one has a crisis to answer
        press(app, pygame.K_e)
        if isinstance(app.screen, CrisisScreen):
            break
        press(app, pygame.K_RETURN)
    assert campaign.game.pending_crisis is not None
    press(app, pygame.K_ESCAPE)  # look at the map with the crisis waiting
    press(app, pygame.K_p)
    screen = app.screen
    assert isinstance(screen, ProgrammesScreen) and not screen.open_to_change
    press(app, pygame.K_1)
    assert screen.asking is None and campaign.game.view.commitments()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_dependence_view_opens_with_d_and_from_the_autonomy_meter(app: App, lang: str) -> None:
    campaign = play_to_campaign(app, 11, lang)
    w = app.words()
    press(app, pygame.K_d)
    screen = app.screen
    assert isinstance(screen, DependenceScreen)
    texts = screen.texts()
    target = campaign.game.view.target()
    assert texts[0] == w.ui("win.dependence") and str(target) in texts[1]
    assert [re.split("[:：]", t)[0] for t in texts[3:]] == [w.name(f"dependency.{k}") for k in
                                                    campaign.game.view.dependency_kinds()]
    assert app.surface.get_rect().contains(screen.box)
    press(app, pygame.K_ESCAPE)
    assert app.screen is campaign
    meter = campaign.board.meter_rects["autonomy"]
    hover(app, meter.center)
    assert w.ui("win.meter_dependence", target=target) in campaign.tooltip()
    click(meter.center)
    app.step()
    assert isinstance(app.screen, DependenceScreen)


@pytest.mark.parametrize("scale", [1.0, 1.25])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_track_has_a_tooltip_with_its_meaning_and_value_inside_the_window(app: App, lang: str,
                                                                                scale: float) -> None:
    campaign = play_to_campaign(app, 11, lang, scale)
    w, window = app.words(), app.surface.get_rect()
    assert set(campaign.board.track_rects) == {t.id for t in app.home.tracks}
    for t in app.home.tracks:
        rect = campaign.board.track_rects[t.id]
        assert window.contains(rect)
        hover(app, rect.center)
        tip = campaign.tooltip()
        assert tip[:2] == [w.ui("hud.track", name=w.name(f"track.{t.id}"), value=campaign.game.view.track(t.id),
                                hi=t.hi), w.name(f"track.{t.id}.desc")]
    assert all(window.contains(r) for r in campaign.board.meter_rects.values())
    assert campaign.board.row_font <= min(b.rect.h for _, b in campaign.rows)  # squeezed rows, smaller text


@pytest.mark.parametrize("lang,words_", [
    ("en", ("Nothing to undo.", "Undone: ", "A roll, once made, is final", "The turn is over")),
    ("ja", ("取り消せるものはありません", "取り消しました：", "判定の結果が出た行動は取り消せません", "終わったターン"))])
def test_undo_says_why_when_it_is_refused(default: Scenario, data: Path, lang: str, words_: tuple[str, ...]) -> None:
    a = make_app(default, lang)
    c = Campaign.new(default, Source.of(DEFAULT), seed=11)
    c.apply(Order("two_plus_two"))  # the 2+2 opens counterstrike capability, an action with a roll
    report = c.end_turn()
    while report is None:
        report = c.choose(c.game.default_choice() or "")
    campaign = a.open(ToCampaign(c))
    assert isinstance(campaign, CampaignScreen)
    a.stack.append(campaign)
    a.step()
    press(a, pygame.K_u)
    assert words_[3] in campaign.message  # the last decision ended a turn
    click(next(b for o, b in campaign.rows if o == Order("extended_deterrence_dialogue")).rect.center)
    a.step()
    press(a, pygame.K_u)
    assert campaign.message.startswith(words_[1]) and len(c.game.rolls) == 0
    click(next(b for o, b in campaign.rows if o == Order("counterstrike_capability")).rect.center)
    a.step()
    assert len(c.game.rolls) == 1
    press(a, pygame.K_u)
    reason = c.game.can_undo()
    assert reason is not None and campaign.message == words(default, lang).render(reason)
    assert words_[2] in campaign.message and c.game.history[-1] == Order("counterstrike_capability")


@pytest.mark.parametrize("scale", [1.0, 1.25])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_new_overlays_fit_the_window(app: App, lang: str, scale: float, tmp_path: Path) -> None:
    campaign = play_to_campaign(app, 11, lang, scale)
    click(next(b for o, b in campaign.rows if o == Order("defence_buildup")).rect.center)
    app.step()
    window = app.surface.get_rect()
    assert window.contains(campaign.programmes_button.rect) and window.contains(campaign.end_button.rect)
    assert not campaign.programmes_button.rect.colliderect(campaign.end_button.rect)
    press(app, pygame.K_p)
    press(app, pygame.K_1)
    screen = app.screen
    assert isinstance(screen, ProgrammesScreen) and window.contains(screen.box)
    assert all(screen.box.contains(b.rect) for b in [*screen.buttons, *screen.confirm_buttons])
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_d)
    assert isinstance(app.screen, DependenceScreen) and window.contains(app.screen.box)
    assert app.screenshot(tmp_path / "dependence.png")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_turn_report_of_a_whole_game_fits_the_screen_at_a_projector_scale(default: Scenario, data: Path,
                                                                                lang: str) -> None:
    a = make_app(default, lang)
    a.apply_settings(a.settings.with_(scale=1.25))
    c = Campaign.new(default, Source.of(DEFAULT), seed=2)
    policy = make_policy("hedge", stream(2, "policy"))
    while not c.game.is_over:
        while (order := policy.act(c.game)) is not None:
            c.apply(order)
        report = c.end_turn()
        while report is None:
            report = c.choose(policy.answer(c.game))
        screen = ReportScreen(a, c, report)
        assert screen.shows_everything(), (report.turn, screen.texts())


def test_a_programme_action_says_so_on_its_row(app: App) -> None:
    campaign = start_campaign(app)
    assert campaign.row_badge(Order("defence_buildup")) == "programme"
    click(next(b for o, b in campaign.rows if o == Order("defence_buildup")).rect.center)
    app.step()
    assert campaign.row_badge(Order("defence_buildup")) == "in force"


def tab(app: App, back: bool = False) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=pygame.KMOD_SHIFT if back else 0,
                                         unicode="", scancode=0))
    app.step()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_keyboard_reaches_every_tooltip_the_mouse_does(app: App, lang: str) -> None:
    campaign = play_to_campaign(app, 11, lang)
    board, game, w = campaign.board, campaign.game, app.words()
    seen = []
    for _ in range(len(board.targets(app.home.player.id))):
        tab(app)
        assert campaign.inspected is not None
        seen.append(campaign.inspected)
        assert campaign.tooltip() == board.tooltip(game, w, campaign.inspected)  # the same words as the mouse's
    assert seen == board.targets(app.home.player.id)
    kinds = {k for k, _ in seen}
    assert kinds == {"meter", "track", "headline", "actor", "row"} - ({"headline"} if not board.strip_rects else set())
    assert ("track", "tension") in seen and ("actor", "china") in seen and ("meter", "security") in seen
    tab(app)
    assert campaign.inspected == seen[0]  # round again
    tab(app, back=True)
    assert campaign.inspected == seen[-1]
    last_row = int(seen[-1][1])
    assert campaign.focus == last_row and last_row in board.shown  # a row far down scrolled into view
    while campaign.inspected != ("actor", "india"):
        tab(app)
    press(app, pygame.K_RETURN)  # Enter on a country aims at it, as a click on the map does
    assert campaign.selected == "india"
    assert board.rows[campaign.focus][0].order.target == "india"
    hover(app, (5, 5))  # the mouse takes over again
    assert campaign.inspected is None


def test_the_arrow_keys_show_the_focused_actions_tooltip_and_scroll_the_panel(app: App) -> None:
    campaign = play_to_campaign(app, 11)
    board = campaign.board
    assert board.hidden_below > 0  # 1280×720: more rows than the panel holds
    for _ in range(len(board.rows) - 1):
        press(app, pygame.K_DOWN)
        assert campaign.focus in board.shown
        assert campaign.tooltip() == board.rows[campaign.focus][0].tooltip(app.words())
    assert board.hidden_below == 0 and board.hidden_above > 0
    press(app, pygame.K_DOWN)  # wraps to the first row, scrolled back to the top
    assert campaign.focus == 0 and board.scroll == 0


def test_the_wheel_scrolls_the_action_panel_and_a_row_scrolled_into_view_can_be_clicked(app: App) -> None:
    from gaiko_game.ui.autoplay import wheel

    campaign = play_to_campaign(app, 11)
    board = campaign.board
    last = len(board.rows) - 1
    assert last not in board.shown
    wheel(board.panel.center, -1)  # towards the player: further down the list
    app.step()
    assert board.scroll == 3 * board.row_h and board.hidden_above > 0
    for _ in range(10):
        wheel(board.panel.center, -1)
        app.step()
    assert last in board.shown and board.hidden_below == 0
    order, button = campaign.rows[last]
    before = len(campaign.game.history)
    click(button.rect.center)
    app.step()
    if button.enabled:
        assert campaign.game.history[before:] == [order]
    else:  # refused, with its reason shown
        assert len(campaign.game.history) == before and campaign.message
    wheel((10, 300), 5)  # over the map: the panel stays where it is
    app.step()
    assert last in board.shown


def test_every_tooltip_fits_a_small_window(default: Scenario, data: Path) -> None:
    """At 1024×600 the longest tooltips (an action's preview with the world's reactions, a country's card) are made
    wider, then smaller, rather than cut off at the bottom of the window."""
    from gaiko_game.ui.widgets import fitted_tooltip

    a = make_app(default)
    a.surface = pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 600), w=1024, h=600))
    a.step()
    campaign = play_to_campaign(a, 11)
    board, w = campaign.board, a.words()
    tips = [board.tooltip(campaign.game, w, t) for t in board.targets(default.player.id)]
    long = ["A very long line of preview text that goes on and on. " * 8] * 30
    for tip in [*tips, long]:
        box = fitted_tooltip(a.surface, a.fonts, tip, a.sizes.px(15), a.sizes.px(420))
        assert box.get_height() <= 600 - 8 and box.get_width() <= 1024, tip[0][:40]
    pygame.display.set_mode((1280, 720), pygame.RESIZABLE)


def test_the_programmes_button_tells_what_is_in_force_when_pointed_at(app: App) -> None:
    campaign = play_to_campaign(app, 11)
    click(next(b for o, b in campaign.rows if o == Order("defence_buildup")).rect.center)
    app.step()
    hover(app, campaign.programmes_button.rect.center)
    tip, w = campaign.tooltip(), app.words()
    from gaiko_game.present.programmes import programmes

    view = programmes(campaign.game, w)
    assert tip[0] == view.heading and tip[1] == view.items[0].line and len(view.items) == 1
    assert w.name("action.defence_buildup.name") in tip[1]
    assert tip[-1] == "P or a click opens the list, where one can be withdrawn."


def test_the_crisis_card_has_one_highlight_moved_by_the_arrows_or_the_mouse_and_enter_takes_it(app: App) -> None:
    campaign = play_to_campaign(app, 11)
    for _ in range(30):
        press(app, pygame.K_e)
        if isinstance(app.screen, CrisisScreen):
            break
        press(app, pygame.K_RETURN)  # past the report
    crisis = app.screen
    assert isinstance(crisis, CrisisScreen) and len(crisis.buttons) >= 3
    assert crisis.focus == 0
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    assert crisis.focus == 2
    press(app, pygame.K_UP)
    assert crisis.focus == 1
    hover(app, crisis.buttons[2].rect.center)  # the mouse moves the one highlight
    assert crisis.focus == 2
    target = next(i for i, b in enumerate(crisis.buttons) if b.enabled)
    while crisis.focus != target:
        press(app, pygame.K_DOWN)
    chosen, event = crisis.card.choices[target].id, crisis.card.id
    press(app, pygame.K_RETURN)
    assert any(f.event == event and f.choice == chosen for f in campaign.game.fired)

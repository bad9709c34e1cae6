"""The window, driven by real input events under SDL's dummy video driver."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from gaiko_game.core import Scenario  # noqa: E402
from gaiko_game.session.policies import make_policy  # noqa: E402
from gaiko_game.session.seeding import POLICY_STREAM, stream  # noqa: E402
from gaiko_game.ui import settings as settings_mod  # noqa: E402
from gaiko_game.ui.app import App  # noqa: E402
from gaiko_game.ui.autoplay import Autopilot, click, key  # noqa: E402
from gaiko_game.ui.screen import Push  # noqa: E402
from gaiko_game.ui.screens.campaign import CampaignScreen  # noqa: E402
from gaiko_game.ui.screens.crisis import CrisisScreen  # noqa: E402
from gaiko_game.ui.screens.debrief import DebriefScreen  # noqa: E402
from gaiko_game.ui.screens.report import ReportScreen  # noqa: E402
from gaiko_game.ui.screens.settings_screen import SettingsScreen  # noqa: E402
from gaiko_game.ui.screens.title import TitleScreen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app(default: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> App:
    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path / "data"))
    a = App(default, settings_mod.Settings(lang="en"))
    a.stack = [TitleScreen(a)]
    a.step()
    return a


def press(app: App, k: int) -> None:
    key(k)
    app.step()


def start_campaign(app: App) -> CampaignScreen:
    """Title → New campaign → Start, as a player would."""
    press(app, pygame.K_1)
    press(app, pygame.K_3)
    assert isinstance(app.screen, CampaignScreen)
    return app.screen


def test_settings_switch_language_everywhere_and_remember_it(app: App, tmp_path: Path) -> None:
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


def test_scale_setting_enlarges_the_menu(app: App) -> None:
    before = app.screen.buttons[0].rect.h  # type: ignore[attr-defined]
    press(app, pygame.K_5)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # UI scale 1 → 1.25
    assert app.settings.scale == 1.25
    press(app, pygame.K_ESCAPE)
    assert app.screen.buttons[0].rect.h > before  # type: ignore[attr-defined]


def test_clicking_an_action_spends_capital_and_tooltips_show_the_engines_numbers(app: App) -> None:
    click(app.screen.buttons[0].rect.center)  # type: ignore[attr-defined]
    app.step()
    click(app.screen.buttons[2].rect.center)  # type: ignore[attr-defined]  # Start
    app.step()
    campaign = app.screen
    assert isinstance(campaign, CampaignScreen)
    game = campaign.game
    order, row = campaign.rows[0]
    preview = game.preview(order)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=row.rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.step()
    tip = campaign.tooltip()
    security = next(c.delta for c in preview.now if c.key == "meter.security")
    assert f"Security +{security}" in tip
    capital = game.state.nums["capital"]
    click(row.rect.center)
    app.step()
    assert game.state.nums["capital"] == capital - game.scenario.action(order.action).cost  # type: ignore[union-attr]
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
            press(app, pygame.K_1 + next(i for i, b in enumerate(app.screen.buttons) if b.enabled))
        assert isinstance(app.screen, ReportScreen)
        press(app, pygame.K_RETURN)
        assert app.screen is campaign
        if campaign.game.reports and any(f.choice for f in campaign.game.fired):
            break
    assert campaign.game.turn >= 2 and any(f.choice for f in campaign.game.fired)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_autoplay_plays_a_whole_campaign_through_the_screens(default: Scenario, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path / "data"))
    a = App(default, settings_mod.Settings(lang=lang))
    a.seed = 2
    a.stack = [TitleScreen(a)]
    shots = Autopilot(a, make_policy("hedge", stream(2, POLICY_STREAM)), tmp_path / "shots").run()
    assert isinstance(a.screen, DebriefScreen) and a.screen.game.is_over
    names = {p.name.split("_", 1)[1] for p in shots}
    assert {"title.png", "encyclopedia.png", "settings.png", "campaign.png", "crisis.png", "report.png",
            "debrief.png"} <= names
    press(a, pygame.K_p)
    saved = a.screen.saved  # type: ignore[attr-defined]
    assert saved is not None and saved.is_file() and saved.is_relative_to(tmp_path)
    press(a, pygame.K_RETURN)
    assert isinstance(a.screen, TitleScreen)


def test_no_display_gives_a_hint_not_a_traceback() -> None:
    env = {**os.environ, "SDL_VIDEODRIVER": "no-such-driver"}
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "play", "--window"], capture_output=True, text=True,
                         env=env, cwd=ROOT)
    assert run.returncode == 1
    assert "could not open a window" in run.stderr and "gaiko play --text" in run.stderr
    assert "Traceback" not in run.stderr


def test_leaving_autosaves_and_continue_resumes_exactly(app: App) -> None:
    campaign = start_campaign(app)
    click(campaign.rows[0][1].rect.center)
    app.step()
    press(app, pygame.K_e)
    while not isinstance(app.screen, CampaignScreen):
        press(app, pygame.K_1 if isinstance(app.screen, CrisisScreen) else pygame.K_RETURN)
    played = campaign.game.state.fingerprint()
    press(app, pygame.K_ESCAPE)  # leave the campaign: it is autosaved
    assert isinstance(app.screen, TitleScreen)
    app.screen.resized()
    press(app, pygame.K_2)  # Continue
    resumed = app.screen
    assert isinstance(resumed, CampaignScreen) and resumed is not campaign
    assert resumed.game.state.fingerprint() == played


def test_encyclopedia_is_reachable_readable_and_leavable(app: App) -> None:
    press(app, pygame.K_4)
    from gaiko_game.ui.screens.encyclopedia import EncyclopediaScreen

    assert isinstance(app.screen, EncyclopediaScreen)
    second = app.scenario.actions[1].id
    press(app, pygame.K_DOWN)
    assert app.screen.texts() == [app.name(f"action.{second}.name"), app.name(f"action.{second}.encyclopedia")]
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, TitleScreen)


def test_every_action_label_fits_its_row_in_both_languages(default: Scenario, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path / "config"))
    for lang in ("en", "ja"):
        a = App(default, settings_mod.Settings(lang=lang))
        campaign = CampaignScreen.new(a, 1)
        font = a.fonts.get(a.sizes.px(14))
        for _, b in campaign.rows:
            assert font.size(b.label)[0] <= b.rect.w - a.sizes.px(14) * 2, (lang, b.label)


def test_switching_language_mid_campaign_relabels_every_action(app: App) -> None:
    campaign = start_campaign(app)
    before = campaign.texts()
    app.apply(Push(SettingsScreen(app)))
    press(app, pygame.K_RETURN)  # language → 日本語
    press(app, pygame.K_ESCAPE)
    assert app.screen is campaign
    after = campaign.texts()
    assert len(before) == len(after) and all(b != a for b, a in zip(before, after, strict=True))


def test_clicking_a_country_targets_it(app: App) -> None:
    campaign = start_campaign(app)
    click(campaign.map.markers["vietnam"])
    app.step()
    assert campaign.selected == "vietnam"
    order = campaign.rows[campaign.focus][0]
    assert order.target == "vietnam"
    press(app, pygame.K_RETURN)
    assert campaign.game.history == [order]


def test_the_northern_territories_are_shown_as_disputed_with_both_positions(app: App) -> None:
    campaign = start_campaign(app)
    (name, box, _), = campaign.map.disputed
    assert name == "Northern Territories"
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=box.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.step()
    tip = " ".join(campaign.tooltip())
    assert "Japan's position" in tip and "Russia regards" in tip


def test_new_campaign_offers_the_scenarios_difficulties(app: App) -> None:
    press(app, pygame.K_1)
    screen = app.screen
    assert [t for t in screen.texts() if "Difficulty" in t] == ["2. Difficulty: Standard"]
    press(app, pygame.K_2)  # standard → hard
    assert "2. Difficulty: Hard" in screen.texts()
    press(app, pygame.K_3)
    campaign = app.screen
    assert isinstance(campaign, CampaignScreen) and campaign.game.difficulty.id == "hard"
    assert campaign.game.meters() == {"security": 50, "prosperity": 50, "autonomy": 40}


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
    from gaiko_game.ui.screens.load import LoadScreen

    assert isinstance(app.screen, LoadScreen)
    assert any("Quick save · turn 1" in t for t in app.screen.texts())
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, TitleScreen)
    press(app, pygame.K_3)
    press(app, pygame.K_1)
    opened = app.screen
    assert isinstance(opened, CampaignScreen) and opened.game.state.fingerprint() == campaign.game.state.fingerprint()


def test_map_modes_colour_the_countries(app: App) -> None:
    campaign = start_campaign(app)
    x, y = campaign.map.markers["china"]
    colours = []
    for _ in range(3):
        app.step()
        colours.append(tuple(app.surface.get_at((x + 4, y + 14))))
        press(app, pygame.K_m)
    assert len(set(colours)) >= 2  # relation, stance and role colour China's land differently


def test_the_advisor_is_off_by_default_and_explains_itself_when_on(app: App) -> None:
    campaign = start_campaign(app)
    assert not app.settings.advisor
    app.step()
    text = campaign.advice_text()
    assert text.startswith("Advisor:")
    app.apply_settings(app.settings.with_(advisor=True))
    assert settings_mod.load("en")[0].advisor is True


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_tutorial_plays_through_the_window_with_its_guide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              lang: str) -> None:
    from tests.conftest import load_ok

    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path / "data"))
    tutorial = load_ok(ROOT / "scenarios" / "tutorial")
    a = App(tutorial, settings_mod.Settings(lang=lang))
    campaign = CampaignScreen.new(a, 3)
    a.stack = [TitleScreen(a), campaign]
    a.step()
    assert [x for x in campaign.guide_lines() if x] == [a.name(f"guide.{g}") for g in tutorial.guide_for(1)]
    box = campaign.guide_box()
    assert box is not None
    click(box.center)  # a click closes the guide
    a.step()
    assert campaign.guide_lines() == []
    a.stack = [TitleScreen(a)]
    a.seed = 3
    Autopilot(a, make_policy("hedge", stream(3, POLICY_STREAM)), None).run()
    assert isinstance(a.screen, DebriefScreen) and a.screen.game.outcome() is not None


def test_debrief_replay_viewer_and_what_if_rewind(default: Scenario, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from gaiko_game.ui.screens.replay import ReplayScreen

    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path / "data"))
    a = App(default, settings_mod.Settings(lang="en"))
    a.seed = 4
    a.stack = [TitleScreen(a)]
    Autopilot(a, make_policy("hedge", stream(4, POLICY_STREAM)), None).run()
    debrief = a.screen
    assert isinstance(debrief, DebriefScreen)
    first_game = debrief.game
    press(a, pygame.K_v)  # the replay viewer, at the selected turn
    viewer = a.screen
    assert isinstance(viewer, ReplayScreen)
    start = viewer.views[viewer.index].game.turn
    press(a, pygame.K_RIGHT)
    assert viewer.views[viewer.index].game.turn == start + 1
    press(a, pygame.K_ESCAPE)
    assert a.screen is debrief
    for _ in range(3):
        press(a, pygame.K_LEFT)
    chosen = debrief.turn
    press(a, pygame.K_r)  # what-if: back to that turn with the same seed
    rewound = a.screen
    assert isinstance(rewound, CampaignScreen) and rewound.game.turn == chosen and rewound.compare is not None
    assert rewound.game.history == first_game.history[: len(rewound.game.history)]
    Autopilot(a, make_policy("us_first", stream(77, POLICY_STREAM)), None, tour=False).run()
    second = a.screen
    assert isinstance(second, DebriefScreen) and second.compare == rewound.compare
    assert second.game.history != first_game.history


def test_the_tutorial_is_reachable_from_the_title(app: App) -> None:
    press(app, pygame.K_6)  # Tutorial
    press(app, pygame.K_RETURN)  # Start
    campaign = app.screen
    assert isinstance(campaign, CampaignScreen) and campaign.game.scenario.id == "tutorial"
    assert campaign.guide_lines()


def test_continuing_a_save_from_changed_content_offers_what_still_replays(app: App) -> None:
    import json as _json

    campaign = start_campaign(app)
    press(app, pygame.K_F5)
    press(app, pygame.K_ESCAPE)
    for save in (Path(os.environ["GAIKO_DATA_DIR"]) / "saves").glob("*.json"):
        data = _json.loads(save.read_text())
        data["content_hash"] = "0" * 64
        save.write_text(_json.dumps(data))
    app.screen.resized()
    press(app, pygame.K_2)  # Continue
    resumed = app.screen
    assert isinstance(resumed, CampaignScreen) and "scenario has changed" in resumed.message
    assert resumed.game.state.fingerprint() == campaign.game.state.fingerprint()


def test_closing_the_window_mid_turn_and_mid_crisis_loses_nothing(default: Scenario, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path / "data"))
    a = App(default, settings_mod.Settings(lang="en"))
    a.stack = [TitleScreen(a)]
    a.step()
    campaign = start_campaign(a)
    click(campaign.rows[0][1].rect.center)
    a.step()
    for _ in range(30):  # end turns until a crisis is waiting
        press(a, pygame.K_e)
        if isinstance(a.screen, CrisisScreen):
            break
        press(a, pygame.K_RETURN)
    assert isinstance(a.screen, CrisisScreen)
    state = campaign.game.state.fingerprint()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    a.step()  # the player closes the window while the crisis waits
    assert not a.running
    b = App(default, settings_mod.Settings(lang="en"))
    b.stack = [TitleScreen(b)]
    b.step()
    press(b, pygame.K_2)  # Continue
    b.step()
    assert isinstance(b.screen, CrisisScreen)  # back on the same crisis
    assert b.screen.game.state.fingerprint() == state


def test_rows_show_cooldown_and_odds(app: App) -> None:
    from gaiko_game.core import Order

    campaign = start_campaign(app)
    assert campaign.row_badge(Order("counterstrike_capability")) == "80% chance"
    assert campaign.row_badge(Order("joint_drills")) == ""
    click(next(b for o, b in campaign.rows if o == Order("two_plus_two")).rect.center)
    app.step()
    assert campaign.row_badge(Order("two_plus_two")) == "ready in 3"

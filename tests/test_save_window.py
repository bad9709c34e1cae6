"""The window over damaged saves and over saves played on a scenario folder, driven by posted pygame events.

A folder full of damaged saves (every reproducer in ``tests/bad/saves``, a dangling link, a link to a campaign
folder elsewhere, a pipe) never stops the window from starting: the title, Continue and Load list what they can
read and mark the rest with the reason, nothing is changed on disk, and the folder is read once per screen, not
every frame. A save played on a scenario folder asks before that folder is loaded.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from gaiko_game.core import Scenario
from gaiko_game.session import campaign as campaign_module
from gaiko_game.session import saves
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.autoplay import click, key
from gaiko_game.ui.destinations import ToTitle
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.crash import CrashScreen
from gaiko_game.ui.screens.load import LoadScreen
from gaiko_game.ui.screens.open_folder import OpenFolderScreen
from gaiko_game.ui.screens.title import TitleScreen
from gaiko_game.ui.widgets import Button
from tests.conftest import NORTHERN, ROOT, load_ok
from tests.test_bad_saves import NAMES, Case, good_campaign, write_case

LINK_SENTENCE = "{} is a link; links in the saves folder are not followed."
PIPE_SENTENCE = "autosave-2.json is not a file (a folder, a pipe or a device), so it is not read as a save."


def make_app(scenario: Scenario, lang: str = "en", source: Source | None = None) -> App:
    a = App(scenario, settings_mod.Settings(lang=lang), source or Source(bundled=scenario.id))
    a.stack = [a.open(ToTitle())]
    a.step()
    return a


def press(app: App, k: int) -> None:
    key(k)
    app.step()
    assert app.crashes == 0 and not isinstance(app.screen, CrashScreen)


def frames(app: App, n: int) -> None:
    for _ in range(n):
        app.step()
    assert app.crashes == 0


def snapshot(root: Path) -> dict[str, tuple[str, bytes | str]]:
    """Every entry under ``root`` as it is on disk, links not followed: a link's target, a file's bytes."""
    found: dict[str, tuple[str, bytes | str]] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            rel = str(path.relative_to(root))
            if path.is_symlink():
                found[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                found[rel] = ("folder", "")
            elif path.is_file():
                found[rel] = ("file", path.read_bytes())
            else:
                found[rel] = ("other", "")
    return found


def buttons(app: App) -> list[Button]:
    return list(app.screen.buttons)  # type: ignore[attr-defined]


@pytest.fixture
def damaged(default: Scenario, data: Path, tmp_path: Path) -> dict[Path, str]:
    """The saves folder filled with every reproducer, each in a campaign folder of its own, plus links and a pipe;
    returns each unusable file's path and the sentence it must be listed with."""
    outside = tmp_path / "elsewhere" / "scenario"
    shutil.copytree(ROOT / "scenarios" / "indo_pacific_2025", outside)
    root = data / "saves"
    good = good_campaign(default).data()
    said: dict[Path, str] = {}
    for name in NAMES:
        case = Case.read(name)
        path = write_case(case, good, root / name / "autosave-1.json", outside)
        if case.refused is not None:
            said[path] = case.refused
    dangling = root / "v2_turn_true" / "quicksave.json"
    dangling.symlink_to(tmp_path / "gone.json")  # a link to nothing
    elsewhere = tmp_path / "campaign-elsewhere"
    write_case(Case.read("v5_saved_at_year_1"), good, elsewhere / "autosave-1.json", outside)
    (root / "linked-campaign").symlink_to(elsewhere, target_is_directory=True)  # a link to a folder outside
    os.mkfifo(root / "v1_seed_true" / "autosave-2.json")  # reading it would wait forever
    said[dangling] = LINK_SENTENCE.format("quicksave.json")
    said[root / "linked-campaign"] = LINK_SENTENCE.format("linked-campaign")
    said[root / "v1_seed_true" / "autosave-2.json"] = PIPE_SENTENCE
    return said


def count_calls(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count the calls of ``saves.<name>`` from now on (the screens call it through the module)."""
    calls: list[int] = []
    real: Callable[..., object] = getattr(saves, name)

    def counted(*args: object) -> object:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(saves, name, counted)
    return calls


def test_a_folder_of_damaged_saves_never_stops_the_window(default: Scenario, data: Path, damaged: dict[Path, str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(data / "saves")
    app = make_app(default)  # the title screen lists the folder as it starts
    title = app.screen
    assert isinstance(title, TitleScreen) and app.crashes == 0
    assert {p.path: p.text("en") for p in title.problems} == damaged  # each with its reason, nothing else
    load_button = buttons(app)[2]
    assert load_button.enabled and f"Files that cannot be opened: {len(damaged)}" in load_button.tooltip[-1]

    listings, reads = count_calls(monkeypatch, "listing"), count_calls(monkeypatch, "info")
    frames(app, 20)
    title.resized()  # laid out again (a window resize, a language switch): the unchanged files are not read again
    assert listings == [1] and reads == []

    press(app, pygame.K_2)  # Continue: the newest readable save (the one dated 9999) opens
    assert isinstance(app.screen, CampaignScreen)
    frames(app, 3)
    press(app, pygame.K_ESCAPE)  # back to the title (the campaign is autosaved in its own folder)
    assert isinstance(app.screen, TitleScreen)

    listings.clear()
    reads.clear()
    press(app, pygame.K_3)  # Load: it lists the folder as it opens (the title too, laying its menu out again)
    load = app.screen
    assert isinstance(load, LoadScreen) and 1 <= len(listings) <= 2 and reads == []  # no file changed: none re-read
    assert load.subtitle() == (f"Files that cannot be opened: {len(damaged)} (shown greyed, with the reason; each is "
                               "left as it is)")
    opened = len(listings)
    frames(app, 20)
    assert len(listings) == opened and reads == []  # never per frame

    shown: dict[str, str] = {}
    for _ in range(10):  # every page of the list
        rows = buttons(app)
        shown.update({b.tooltip[1]: b.tooltip[0] for b in rows if not b.enabled})
        more = next((b for b in rows if "More (this is page" in b.label), None)
        if more is None or len(shown) == len(damaged):
            break
        click(more.rect.center)
        app.step()
        frames(app, 2)
    assert shown == {str(path): sentence for path, sentence in damaged.items()}
    disabled = [b for b in buttons(app) if not b.enabled]
    assert all(b.label.endswith(b.tooltip[0]) or b.label.endswith("…") for b in disabled)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, TitleScreen) and app.crashes == 0

    after = snapshot(data / "saves")
    went_on = "v5_saved_at_year_9999/"  # Continue's campaign went on in its own folder: its save moved down a slot
    assert after[went_on + "autosave-2.json"] == before[went_on + "autosave-1.json"]
    assert ({k: v for k, v in after.items() if k in before and not k.startswith(went_on)}
            == {k: v for k, v in before.items() if not k.startswith(went_on)})  # every damaged file, link, pipe


def test_the_window_starts_over_damaged_saves_in_japanese_too(default: Scenario, damaged: dict[Path, str]) -> None:
    app = make_app(default, "ja")
    frames(app, 3)
    press(app, pygame.K_3)
    assert isinstance(app.screen, LoadScreen)
    assert app.screen.subtitle().startswith(f"開けないファイル：{len(damaged)} 件")
    frames(app, 3)


@pytest.fixture
def mod_save(data: Path, tmp_path: Path) -> tuple[Path, Campaign]:
    """A campaign played on a scenario folder of its own (a copy of the northern fixture), autosaved."""
    folder = tmp_path / "mods" / "northern"
    shutil.copytree(NORTHERN, folder)
    c = Campaign.new(load_ok(folder), Source.of(folder), seed=3)
    c.end_turn()
    while c.game.pending_crisis is not None:
        c.choose(c.game.default_choice() or "")
    assert c.autosave() is not None
    return folder.resolve(), c


def loads_of(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every scenario folder ``open_save`` loads from now on."""
    loaded: list[Path] = []
    real = campaign_module.load

    def spy(folder: Path) -> object:
        loaded.append(Path(folder).resolve())
        return real(folder)

    monkeypatch.setattr(campaign_module, "load", spy)
    return loaded


@pytest.mark.parametrize(("lang", "question", "open_", "back"), [
    ("en", "This save was played on the scenario in folder {}. Open that folder? It is not one of the game's own "
           "scenarios: open it only if you know where it came from.", "1. Open", "2. Back"),
    ("ja", "このセーブは、フォルダー {} のシナリオで遊んだものです。そのフォルダーを開きますか? ゲームに同梱されたシナリオでは"
           "ありません。入手元が分かっている場合だけ開いてください。", "1. 開く", "2. 戻る")])
def test_a_save_played_on_a_folder_asks_before_loading_it(default: Scenario, mod_save: tuple[Path, Campaign],
                                                          monkeypatch: pytest.MonkeyPatch, lang: str, question: str,
                                                          open_: str, back: str) -> None:
    folder, played = mod_save
    loaded = loads_of(monkeypatch)
    app = make_app(default, lang)
    press(app, pygame.K_2)  # Continue
    ask = app.screen
    assert isinstance(ask, OpenFolderScreen)
    assert ask.subtitle() == question.format(folder) and [b.label for b in ask.buttons] == [open_, back]
    frames(app, 3)
    press(app, pygame.K_ESCAPE)  # Esc is Back
    assert isinstance(app.screen, TitleScreen) and folder not in loaded
    press(app, pygame.K_2)
    press(app, pygame.K_2)  # Back
    assert isinstance(app.screen, TitleScreen) and folder not in loaded

    press(app, pygame.K_3)  # Load, the save, then Back: the list again
    press(app, pygame.K_1)
    assert isinstance(app.screen, OpenFolderScreen)
    press(app, pygame.K_2)
    assert isinstance(app.screen, LoadScreen) and folder not in loaded
    press(app, pygame.K_1)
    press(app, pygame.K_1)  # Open: only now is the folder loaded
    resumed = app.screen
    assert isinstance(resumed, CampaignScreen) and loaded == [folder]
    assert resumed.c.id == played.id and resumed.game.fingerprint() == played.game.fingerprint()
    assert [type(s).__name__ for s in app.stack] == ["TitleScreen", "CampaignScreen"]


def test_a_save_on_the_folder_the_game_was_started_on_opens_without_asking(mod_save: tuple[Path, Campaign]) -> None:
    folder, played = mod_save
    app = make_app(load_ok(folder), "en", Source.of(folder))  # gaiko play --scenario <that folder>
    press(app, pygame.K_2)
    assert isinstance(app.screen, CampaignScreen) and app.screen.game.fingerprint() == played.game.fingerprint()


def test_open_says_why_when_the_folder_no_longer_holds_that_scenario(default: Scenario, data: Path,
                                                                     mod_save: tuple[Path, Campaign]) -> None:
    folder, _ = mod_save
    scenario = folder / "scenario.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8") + "\n: not yaml [\n", encoding="utf-8")
    app = make_app(default)
    press(app, pygame.K_2)
    press(app, pygame.K_1)  # Open: the folder has errors now
    assert isinstance(app.screen, TitleScreen)
    assert app.screen.subtitle().endswith(f"has errors now, so this save cannot be opened (gaiko validate {folder} "
                                          "shows them).")


def test_continue_says_why_it_is_greyed_when_every_save_is_damaged(default: Scenario, data: Path) -> None:
    broken = data / "saves" / "some-campaign" / "autosave-1.json"
    broken.parent.mkdir(parents=True)
    broken.write_text("{ not json")
    app = make_app(default)
    resume = buttons(app)[1]
    assert not resume.enabled
    assert resume.tooltip == ["Files that cannot be opened: 1 (shown greyed, with the reason; each is left as it is)"]

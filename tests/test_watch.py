"""Hot reload while editing (`gaiko play --scenario PATH --watch`), driven with real input events on a copy of a
fixture; the change notification is injected, except in one test that waits (bounded) on real watchfiles."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from gaiko_game.cli.main import main
from gaiko_game.scenario.loader import load
from gaiko_game.session import saves
from gaiko_game.session.campaign import Source, open_save
from gaiko_game.session.record import state_hash
from gaiko_game.session.reload import compare
from gaiko_game.ui import settings as settings_mod
from gaiko_game.ui.app import App
from gaiko_game.ui.autoplay import key
from gaiko_game.ui.destinations import ToTitle
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.crisis import CrisisScreen
from gaiko_game.ui.screens.problems import ProblemsScreen
from gaiko_game.ui.watch import FileWatch, Reloader, watch
from tests.conftest import NORTHERN

AGREEMENT = "- id: defence_cooperation_agreement\n  category: defence\n  cost: 2"
EXERCISE = "- id: nato_exercise\n  category: defence\n  cost: 2"


class Bell:
    """An injected change notification: the test rings it after editing a file."""

    error: str | None = None

    def __init__(self) -> None:
        self.rung = False
        self.closed = False

    def take(self) -> bool:
        rung, self.rung = self.rung, False
        return rung

    def close(self) -> None:
        self.closed = True


class Watched:
    """A window on a copy of the fixture, watched through a :class:`Bell`."""

    def __init__(self, folder: Path, lang: str = "en") -> None:
        self.folder = folder
        result = load(folder)
        assert result.scenario is not None
        self.app = App(result.scenario, settings_mod.Settings(lang=lang), Source.of(folder))
        self.app.seed = 3
        self.bell = Bell()
        self.reloader: Reloader = watch(self.app, folder, self.bell)
        self.app.stack = [self.app.open(ToTitle())]
        self.app.step()

    def press(self, k: int) -> None:
        key(k)
        self.app.step()

    def edit(self, file: str, old: str, new: str) -> None:
        """Save a change to one file and ring (one frame later the reload has run)."""
        path = self.folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        self.bell.rung = True
        self.app.step()

    @property
    def campaign(self) -> CampaignScreen:
        screen = next(s for s in reversed(self.app.stack) if isinstance(s, CampaignScreen))
        return screen

    def play_two_turns(self) -> None:
        """Start, take the first action, end the turn (answering crises), take the first action again."""
        self.press(pygame.K_1)
        self.press(pygame.K_4)
        self.press(pygame.K_RETURN)
        self.press(pygame.K_e)
        while not isinstance(self.app.screen, CampaignScreen):
            if isinstance(self.app.screen, CrisisScreen):
                self.press(pygame.K_1 + next(i for i, b in enumerate(self.app.screen.buttons) if b.enabled))
            else:
                self.press(pygame.K_RETURN)
        self.press(pygame.K_RETURN)


@pytest.fixture
def watched(tmp_path: Path, data: Path) -> Watched:
    folder = tmp_path / "northern_watch"
    shutil.copytree(NORTHERN, folder)
    w = Watched(folder)
    w.play_two_turns()
    return w


def cost_of(screen: CampaignScreen, action: str) -> int:
    return next(r.cost for r, _ in screen.board.rows if r.order.action == action)


def test_an_edited_cost_shows_after_the_reload_on_the_same_turn_and_decisions(watched: Watched) -> None:
    before = watched.campaign.c
    assert cost_of(watched.campaign, "defence_cooperation_agreement") == 2
    watched.edit("actions.yaml", AGREEMENT, AGREEMENT.replace("cost: 2", "cost: 1"))
    after = watched.campaign
    assert watched.app.screen is after and after.c is not before
    assert cost_of(after, "defence_cooperation_agreement") == 1
    assert after.game.turn == 2 and [str(d) for d in after.game.history] == ["nato_exercise", "end", "nato_exercise"]
    assert after.c.id == before.id  # every decision replayed: the same campaign goes on in its own save slots
    assert watched.reloader.banner() == "Reloaded the scenario (actions: 1 changed). Replayed 3 of 3 decisions."
    assert watched.app.home is after.c.scenario


def test_the_banner_speaks_japanese_too(tmp_path: Path, data: Path) -> None:
    folder = tmp_path / "nw"
    shutil.copytree(NORTHERN, folder)
    w = Watched(folder, "ja")
    w.play_two_turns()
    w.edit("actions.yaml", AGREEMENT, AGREEMENT.replace("cost: 2", "cost: 1"))
    assert w.reloader.banner() == "シナリオを再読み込みしました（行動：変更 1）。決定 3 件のうち 3 件を再現しました。"


def test_a_decision_the_edit_no_longer_allows_stops_the_replay_there_and_starts_a_new_campaign(watched: Watched) -> None:
    old = watched.campaign.c
    old.autosave()
    watched.edit("actions.yaml", EXERCISE, EXERCISE.replace("cost: 2", "cost: 9"))
    now = watched.campaign.c
    assert [str(d) for d in now.game.history] == [] and now.game.turn == 1
    assert watched.reloader.banner() == (
        "Reloaded the scenario (actions: 1 changed). Replayed 0 of 3 decisions: turn 1's “NATO Exercise in Finland” "
        "is no longer possible: Not enough Diplomatic Capital: it costs 9 and you have 5. The old campaign's saves "
        "stay as they are; this game saves as a new campaign.")
    assert now.id != old.id
    assert (saves.saves_dir() / old.id / "autosave-1.json").is_file()


def test_a_broken_file_lists_its_located_error_and_leaves_the_game_as_it_was(watched: Watched) -> None:
    screen = watched.campaign
    fingerprint, history = state_hash(screen.game), list(screen.game.history)
    watched.edit("actions.yaml", AGREEMENT, AGREEMENT.replace("cost: 2", 'cost: "x"'))
    problems = watched.app.screen
    assert isinstance(problems, ProblemsScreen)
    assert problems.texts() == [
        "Problems in the scenario",
        f"{watched.folder} · 1 error(s), 0 warning(s)",
        "The game goes on with the last version that loaded (turn 2). Fix the files and save: this screen closes by "
        "itself and the game reloads.",
        "actions.yaml:14:9: error[wrong-type]: cost: expected a whole number, got 'x'",
        "hint: write a whole number in digits, e.g. 8",
        "↑↓ or the wheel scroll · Esc goes back to the last version that loaded",
    ]
    assert watched.app.stack[-2] is screen and state_hash(screen.game) == fingerprint
    assert list(screen.game.history) == history and cost_of(screen, "defence_cooperation_agreement") == 2


def test_fixing_the_file_closes_the_problems_screen_and_reloads(watched: Watched) -> None:
    watched.edit("actions.yaml", AGREEMENT, AGREEMENT.replace("cost: 2", 'cost: "x"'))
    watched.edit("actions.yaml", 'cost: "x"', "cost: 3")
    assert isinstance(watched.app.screen, CampaignScreen)
    assert not any(isinstance(s, ProblemsScreen) for s in watched.app.stack)
    assert cost_of(watched.app.screen, "defence_cooperation_agreement") == 3
    assert watched.app.screen.game.turn == 2


def test_a_second_broken_save_updates_the_list_and_esc_goes_back_to_the_game(watched: Watched) -> None:
    watched.edit("actions.yaml", AGREEMENT, AGREEMENT.replace("cost: 2", 'cost: "x"'))
    watched.edit("actions.yaml", "- id: nato_exercise", "- id: nato_exercise\n  colour: red")
    problems = watched.app.screen
    assert isinstance(problems, ProblemsScreen) and watched.app.stack.count(problems) == 1
    assert [t for t in problems.texts() if "error[" in t] == [
        "actions.yaml:3:3: error[unknown-key]: unknown key 'colour'",
        "actions.yaml:15:9: error[wrong-type]: cost: expected a whole number, got 'x'"]
    watched.press(pygame.K_ESCAPE)
    assert isinstance(watched.app.screen, CampaignScreen) and watched.app.screen.game.turn == 2


def test_a_save_without_a_change_the_game_sees_does_nothing(watched: Watched) -> None:
    screen = watched.campaign
    watched.edit("actions.yaml", "# ── defence", "# ── (edited) defence")
    assert watched.app.screen is not screen  # the content hash changed: rebuilt, on content the game sees as the same
    assert watched.reloader.banner() == "Reloaded the scenario (nothing the game uses changed). Replayed 3 of 3 decisions."
    rebuilt = watched.app.screen
    watched.bell.rung = True  # saved again, unchanged: no reload, no new banner
    watched.app.step()
    assert watched.app.screen is rebuilt


def test_a_reloaded_game_autosaves_under_the_new_content_and_reopens_whole(watched: Watched) -> None:
    watched.edit("actions.yaml", AGREEMENT, AGREEMENT.replace("cost: 2", "cost: 1"))
    campaign = watched.campaign.c
    game = campaign.game
    watched.press(pygame.K_ESCAPE)  # back to the title: the campaign autosaves
    save = saves.saves_dir() / campaign.id / "autosave-1.json"
    data = saves.read(save)
    assert data["content_hash"] == load(watched.folder).scenario.content_hash  # type: ignore[union-attr]
    opened = open_save(save, watched.folder)
    assert opened.notice is None and state_hash(opened.campaign.game) == state_hash(game)


def test_reload_counts_changes_by_kind(tmp_path: Path) -> None:
    folder = tmp_path / "nw"
    shutil.copytree(NORTHERN, folder)
    old = load(folder).scenario
    path = folder / "actions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(EXERCISE, EXERCISE.replace("cost: 2", "cost: 1")),
                    encoding="utf-8")
    for lang in ("en", "ja"):
        loc = folder / "loc" / f"{lang}.yaml"
        text = loc.read_text(encoding="utf-8")
        loc.write_text(text.replace("action.nato_exercise.name: ", "action.nato_exercise.name: X"), encoding="utf-8")
    new = load(folder).scenario
    assert old is not None and new is not None
    changes = compare(old, new)
    assert [(k.kind, k.added, k.removed, k.changed) for k in changes.kinds] == [
        ("actions", 0, 0, 1), ("events", 0, 0, 0), ("rules", 0, 0, 0), ("actors", 0, 0, 0)]
    assert changes.texts == 2 and not changes.settings


def test_the_watcher_stops_with_the_window(watched: Watched) -> None:
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    watched.app.run(ToTitle())
    assert watched.bell.closed and not watched.app.running


def test_real_watchfiles_notices_a_save_within_a_bounded_wait(tmp_path: Path) -> None:
    (tmp_path / "actions.yaml").write_text("[]\n", encoding="utf-8")
    watcher = FileWatch(tmp_path)
    try:
        time.sleep(0.3)  # let the watch start before the save (not an assertion on time)
        (tmp_path / "actions.yaml").write_text("- id: a\n", encoding="utf-8")
        deadline, seen = time.monotonic() + 15, False
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
            seen = watcher.take()
        assert seen and watcher.error is None
    finally:
        watcher.close()


@pytest.mark.parametrize("flags", [["--text"], ["--autoplay", "hedge"]])
def test_watch_is_refused_outside_the_window(flags: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--watch", "--lang", "en", *flags]) == 2
    assert capsys.readouterr().err == (f"gaiko play: error: --watch is for the window, played by you (not with "
                                       f"{flags[0]})\n  hint: gaiko play --scenario PATH --watch\n")


def test_the_problems_list_scrolls_with_the_keys_and_the_wheel(watched: Watched) -> None:
    path = watched.folder / "actions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  cost: ", "  cost: x"), encoding="utf-8")
    watched.bell.rung = True
    watched.app.step()
    problems = watched.app.screen
    assert isinstance(problems, ProblemsScreen) and len(problems.diagnostics) == 12
    watched.press(pygame.K_DOWN)
    watched.press(pygame.K_PAGEDOWN)
    assert problems.top == 6
    watched.press(pygame.K_END)
    assert problems.top == 11
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=2, flipped=False, precise_x=0.0, precise_y=2.0))
    watched.app.step()
    assert problems.top == 5
    watched.press(pygame.K_HOME)
    assert problems.top == 0

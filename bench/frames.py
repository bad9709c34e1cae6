"""Frame times of the campaign screen, and start-up time to the first interactive frame.

Targets (dummy video driver, at 1280×720 and at 1920×1080, map + HUD + action panel + a moving hover):
median frame ≤ 2 ms, p95 ≤ 4 ms; start to first interactive frame ≤ 1.0 s.

    SDL_VIDEODRIVER=dummy python bench/frames.py          # the headless figures
    DISPLAY=:99 SDL_VIDEODRIVER=x11 python bench/frames.py  # under Xvfb (see TECH-NOTES.md)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from gaiko_game.scenario.bundled import default_scenario  # noqa: E402
from gaiko_game.scenario.loader import load  # noqa: E402
from gaiko_game.session.campaign import Campaign, Source  # noqa: E402
from gaiko_game.session.simulate import settle  # noqa: E402
from gaiko_game.ui.app import App  # noqa: E402
from gaiko_game.ui.destinations import ToCampaign, ToTitle  # noqa: E402
from gaiko_game.ui.settings import Settings  # noqa: E402

STARTUP = """
import time
t0 = time.perf_counter()
import pygame
from gaiko_game.scenario.bundled import default_scenario
from gaiko_game.scenario.loader import load
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.ui.app import App
from gaiko_game.ui.destinations import ToCampaign, ToTitle
from gaiko_game.ui.settings import Settings
scenario = load(default_scenario()).scenario
app = App(scenario, Settings(lang="ja"))
app.stack = [app.open(ToTitle()), app.open(ToCampaign(Campaign.new(scenario, Source.of(default_scenario()), 1)))]
app.step()
print(time.perf_counter() - t0)
"""


def frames(n: int, size: tuple[int, int]) -> list[float]:
    """Milliseconds per frame of the campaign screen while the mouse sweeps the map and the panel."""
    scenario = load(default_scenario()).scenario
    assert scenario is not None
    app = App(scenario, Settings(lang="ja"))
    app.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    campaign = Campaign.new(scenario, Source.of(default_scenario()), 1)
    app.stack = [app.open(ToTitle()), app.open(ToCampaign(campaign))]
    settle()  # as gaiko play does after opening the window
    for _ in range(20):  # warm the caches (map surface, text)
        app.step()
    w, h = app.surface.get_size()
    times = []
    for i in range(n):
        x = (i * 7) % w
        y = 90 + (i * 13) % (h - 160)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(7, 13), buttons=(0, 0, 0)))
        t = time.perf_counter()
        app.step()
        times.append((time.perf_counter() - t) * 1000)
    return times


def first_tooltips() -> list[float]:
    """Milliseconds to lay out each action row's tooltip the first time it is shown (then it is cached)."""
    from gaiko_game.ui import widgets
    from gaiko_game.ui.fonts import Fonts

    scenario = load(default_scenario()).scenario
    assert scenario is not None
    app = App(scenario, Settings(lang="ja"))
    campaign = Campaign.new(scenario, Source.of(default_scenario()), 1)
    app.stack = [app.open(ToTitle()), app.open(ToCampaign(campaign))]
    app.step()
    screen = app.stack[-1]
    board = screen.board  # type: ignore[attr-defined]
    tips = [board.tooltip(campaign.game, screen.w, ("row", str(i))) for i in range(len(board.rows))]  # type: ignore[attr-defined]
    times = []
    for tip in tips:
        widgets._TIPS.clear()  # noqa: SLF001 - the bench measures the cold cache a first hover meets
        fonts = Fonts()  # with its own caches empty too (loading the font is not timed)
        fonts.get(app.sizes.px(15))
        t = time.perf_counter()
        widgets.tooltip_surface(fonts, tip, app.sizes.px(15), app.sizes.px(420))
        times.append((time.perf_counter() - t) * 1000)
    return times


def startup(runs: int) -> list[float]:
    """Seconds from a fresh interpreter to the first campaign frame drawn (imports, load, fonts, window)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory() as cfg:
        env["GAIKO_CONFIG_DIR"] = cfg
        return [float(subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, env=env,
                                     check=True).stdout.split()[-1]) for _ in range(runs)]


def main() -> None:
    driver = os.environ.get("SDL_VIDEODRIVER", "(default)")
    print(f"video driver: {driver}; campaign screen, 500 frames with a moving hover")
    for size in ((1280, 720), (1920, 1080)):
        t = sorted(frames(500, size))
        print(f"{size[0]}x{size[1]}: frame median {statistics.median(t):.2f} ms, p95 {t[int(len(t) * 0.95)]:.2f} ms, "
              f"max {t[-1]:.2f} ms   (targets: median <= 2 ms, p95 <= 4 ms)")
    tips = sorted(first_tooltips())
    print(f"an action's tooltip laid out the first time: median {statistics.median(tips):.2f} ms, "
          f"max {tips[-1]:.2f} ms ({len(tips)} tooltips, Japanese)")
    s = startup(3)
    print(f"start to first interactive frame: {statistics.median(s):.2f} s (runs: "
          f"{', '.join(f'{x:.2f}' for x in s)})   (target <= 1.0 s)")


if __name__ == "__main__":
    main()

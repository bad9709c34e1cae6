"""Save PNGs of the classroom's web pages (student, teacher, projector) in Japanese and English, to look at them.

    python tools/classroom_shots.py OUT [--seed 13] [--chromium PATH]

Starts `gaiko class` on loopback, plays two turns with two teams in Debian's Chromium (Playwright), and writes
``OUT/<lang>/<page>-<moment>-<width>x<height>.png`` for the lobby, a turn with a crisis on the table, and the end
of the session with its debrief. Pages: the student's at Chromebook size (1366×768) and tablet size (820×1180),
the teacher's console at 1366×768, the projector at 1920×1080 and 1366×768.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from playwright.sync_api import Page, ViewportSize, sync_playwright

from tests.classroom_server import serving

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LANGS = ("ja", "en")


def chromium(asked: str | None) -> str:
    """The browser to drive: the one asked for, else $GAIKO_CHROMIUM, else Debian's chromium."""
    found = asked or os.environ.get("GAIKO_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise SystemExit("no Chromium found: sudo apt-get install chromium fonts-noto-cjk (or give --chromium PATH)")
    return found


def shoot(pages: dict[str, Page], moment: str, out: Path) -> None:
    """Every page, in each language (switched with the page's own 日本語/English buttons)."""
    for lang in LANGS:
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name, page in pages.items():
            page.locator(f".lang-btn[data-lang={lang}]").click()
            page.wait_for_function(f"document.documentElement.lang === '{lang}'")
            page.wait_for_timeout(500)  # the server sends the view again in the new language
            size = page.viewport_size or {"width": 0, "height": 0}
            path = folder / f"{name}-{moment}-{size['width']}x{size['height']}.png"
            page.screenshot(path=str(path), full_page=moment == "debrief" and name.startswith("projector"))
            print(path)
    for page in pages.values():
        page.locator(".lang-btn[data-lang=ja]").click()


def vote_submit(page: Page, key: str) -> None:
    page.locator(f"[data-key='{key}']").click()
    page.locator("#submit:not([disabled])").click()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", default="13")
    ap.add_argument("--chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p, \
            serving(Path(tmp) / "s.json", "--teams", "3", "--seed", args.seed, "--minutes", "5") as server:
        browser = p.chromium.launch(executable_path=chromium(args.chromium), args=ARGS)
        laptop: ViewportSize = {"width": 1366, "height": 768}
        teacher = browser.new_context(viewport=laptop).new_page()
        big = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
        small = browser.new_context(viewport=laptop).new_page()
        a = browser.new_context(viewport=laptop).new_page()
        b = browser.new_context(viewport={"width": 820, "height": 1180}, has_touch=True, is_mobile=True).new_page()
        teacher.goto(f"{server.base}/teacher#{server.teacher}")
        for projector in (big, small):
            projector.goto(f"{server.base}/projector#{server.code}")
        a.goto(f"{server.base}/?c={server.code}")
        a.locator("[data-key='team:1']").wait_for()
        pages = {"teacher": teacher, "projector": big, "projector-small": small, "student-join": a}
        shoot(pages, "lobby", args.out)
        a.locator("[data-key='team:1']").click()
        a.locator("[data-key='role:mofa']").click()
        b.goto(f"{server.base}/?c={server.code}")
        b.locator("[data-key='team:2']").click()
        b.locator("[data-key='role:mod']").wait_for()
        shoot({"student-tablet-join": b}, "lobby", args.out)
        b.locator("[data-key='role:mod']").click()
        b.locator("#who-role").wait_for()
        shoot({"student": a, "student-tablet": b}, "lobby", args.out)

        teacher.locator("[data-action=start]").click()
        a.locator("#status.s-open").wait_for()
        vote_submit(a, "a:two_plus_two")
        a.locator(".decided li").first.wait_for()
        vote_submit(a, "end")
        a.locator(".crisis").wait_for()
        b.locator("[data-key='a:joint_drills']").click()
        b.locator("[data-key='m:quad_summit']").click()
        shoot({"student": a, "student-tablet": b, "teacher": teacher, "projector": big, "projector-small": small},
              "turn", args.out)

        b.locator("#submit:not([disabled])").click()
        vote_submit(b, "end")
        b.locator(".crisis").wait_for()
        vote_submit(b, "c:quiet_diplomacy")
        big.locator(".tile.done").wait_for()
        shoot({"projector": big, "student-tablet": b}, "submitted", args.out)

        teacher.locator("[data-action=close]").click()
        teacher.locator("[data-key=confirm-yes]").click()
        teacher.locator("[data-action=start]:not([disabled])").click()
        a.locator("#status.s-open").wait_for()
        vote_submit(a, "a:quad_summit")
        teacher.locator("[data-action=end]").click()
        teacher.locator("[data-key=confirm-yes]").click()
        big.locator("#debrief:not([hidden])").wait_for()
        shoot({"projector": big, "projector-small": small, "teacher": teacher, "student": a, "student-tablet": b},
              "debrief", args.out)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

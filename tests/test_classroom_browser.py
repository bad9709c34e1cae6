"""The classroom's pages in a real browser: Debian's Chromium, driven through Playwright with real clicks, taps and keys.

A teacher opens the console; two teams join from two separate browsers (a Chromebook-sized one in Japanese and
a touch tablet in English), vote and submit; the clock closes a turn and a crisis left unanswered takes its
default answer; the projector shows who has submitted and never who voted what; a reloaded page and a reopened
tab come back to the same team and role; the teacher ends the session, the debrief appears on the projector and
the CSV export downloads. Screenshots of every page in both languages go to $GAIKO_SHOTS (else the test's tmp).

About 30 s in all, so they are in the slow tier: `make test-full` and CI (`.ci/run`, which installs Chromium)
run them; `make test` keeps to its five minutes.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect, sync_playwright

from tests.classroom_server import Running, serving

pytestmark = pytest.mark.slow

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
WAIT = 15_000
"""The longest any expectation waits (ms): a turn's clock here is at most 15 s."""
CHROMEBOOK: ViewportSize = {"width": 1366, "height": 768}
TABLET: ViewportSize = {"width": 820, "height": 1180}
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}


def chromium() -> str:
    """Debian's Chromium ($GAIKO_CHROMIUM first); skipped when there is none, but a failure under CI."""
    found = os.environ.get("GAIKO_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        why = ("no Chromium for the classroom's browser tests: install it with "
               "`sudo apt-get install chromium fonts-noto-cjk` (or set GAIKO_CHROMIUM to a Chromium binary)")
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium()
    expect.set_options(timeout=WAIT)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ["GAIKO_SHOTS"]) if os.environ.get("GAIKO_SHOTS") else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def quiet_class(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """A class nobody plays in, for the tests that only look at refusals."""
    with serving(tmp_path_factory.mktemp("quiet") / "s.json", "--teams", "2", "--seed", "13") as server:
        yield server


def context(browser: Browser, **options: Any) -> BrowserContext:
    """A separate browser (its own storage), whose every action waits at most WAIT."""
    made = browser.new_context(**options)
    made.set_default_timeout(WAIT)
    return made


def snap(page: Page, shots: Path, name: str, full: bool = False) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), full_page=full)


def switch(page: Page, lang: str) -> None:
    """Press the page's own language button (日本語 / English)."""
    page.locator(f".lang-btn[data-lang={lang}]").click()
    expect(page.locator("html")).to_have_attribute("lang", lang)


def fits_width(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_a_class_plays_from_joining_to_the_debrief_in_two_browsers(browser: Browser, tmp_path: Path, shots: Path) -> None:
    with serving(tmp_path / "s.json", "--teams", "2", "--seed", "13", "--minutes", "0.25") as server:
        teacher = context(browser, viewport=CHROMEBOOK).new_page()
        teacher.goto(f"{server.base}/teacher#{server.teacher}")
        expect(teacher.locator("#code")).to_have_text(server.code)
        expect(teacher.locator("#status")).to_have_text("開始前")
        expect(teacher.locator("#qr")).to_have_attribute("src", "/qr.svg")
        projector = context(browser, viewport=PROJECTOR).new_page()
        projector.goto(f"{server.base}/projector#{server.code}")
        expect(projector.locator("#code")).to_have_text(server.code)

        # a Chromebook in Japanese: the code comes from the link, the keyboard sends it
        a_context = context(browser, viewport=CHROMEBOOK, locale="ja-JP")
        a = a_context.new_page()
        a.goto(f"{server.base}/?c={server.code}")
        expect(a.locator("#code-input")).to_have_value(server.code)
        a.locator("#code-input").press("Enter")
        a.get_by_role("button", name="チーム1").click()
        a.get_by_role("button", name="外務省").click()
        expect(a.locator("#who-team")).to_have_text("チーム1")
        expect(a.locator("#who-role")).to_have_text("外務省")

        # a touch tablet, switched to English, joined by taps
        b_context = context(browser, viewport=TABLET, has_touch=True, is_mobile=True, locale="en-US")
        b = b_context.new_page()
        b.goto(f"{server.base}/?c={server.code}")
        b.get_by_role("button", name="English").tap()
        expect(b.locator("#join-title")).to_have_text("Join the class")
        b.get_by_role("button", name="Next").tap()
        b.get_by_role("button", name="Team 2").tap()
        b.get_by_role("button", name="Defense (MOD)").tap()
        expect(b.locator("#who-role")).to_have_text("Defense (MOD)")
        expect(b.locator("#turn")).to_have_text("")

        expect(projector.locator("#lobby-tiles .tile.joined")).to_have_count(2)
        expect(teacher.locator("#teams tbody tr").first).to_contain_text("接続中")
        for page, name in ((teacher, "teacher-lobby-ja"), (projector, "projector-lobby-ja"), (a, "student-lobby-ja"),
                           (b, "student-tablet-lobby-en")):
            snap(page, shots, name)

        # the first turn, with a minute more on its clock while the teams decide
        teacher.get_by_role("button", name="ゲームを開始（ターン1）").click()
        expect(teacher.locator("#status")).to_have_text("ターン中")
        teacher.get_by_role("button", name="＋1分").click()
        expect(a.locator("#status")).to_have_text("ターン中")
        expect(a.locator("#turn")).to_have_text("ターン 1/8")

        a.get_by_role("button", name="日米「2+2」会合").click()
        expect(a.locator("#ballot")).to_contain_text("日米「2+2」会合")
        submit = a.locator("#submit")
        expect(submit).to_have_text("「日米「2+2」会合」を提出")
        submit.focus()
        a.keyboard.press("Tab")
        a.keyboard.press("Shift+Tab")  # reached by the keyboard, the focus shows
        expect(submit).to_be_focused()
        assert a.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        a.keyboard.press("Enter")
        expect(a.locator("#log")).to_contain_text("日米「2+2」会合")
        a.get_by_role("button", name="ターン終了").click()
        a.locator("#submit").click()
        expect(a.locator("#crisis-title")).to_have_text("台湾周辺で中国軍が大規模演習")  # team 1 leaves it unanswered
        assert fits_width(a)

        b.locator("#ministry").get_by_role("button", name="Japan–US Joint Exercises").tap()  # the ministry's advice
        expect(b.locator(".act.mine")).to_contain_text("Your vote")
        details = b.locator(".act.mine").get_by_role("button", name="Details")
        details.tap()
        expect(b.locator(".act.mine .more")).to_have_attribute("aria-expanded", "true")
        expect(b.locator(".act.mine .detail")).to_contain_text("Security +2")
        assert (b.locator(".act-main").first.bounding_box() or {"height": 0})["height"] >= 44
        b.get_by_role("button", name="Submit “Japan–US Joint Exercises”").tap()
        expect(b.locator("#log")).to_contain_text("Japan–US Joint Exercises")
        b.get_by_role("button", name="End turn").tap()
        b.locator("#submit").tap()
        b.get_by_role("button", name="Use quiet diplomacy and urge restraint").tap()
        for page, name in ((a, "student-crisis-ja"), (b, "student-tablet-crisis-en"), (teacher, "teacher-turn-ja")):
            snap(page, shots, name)
        b.locator("#submit").tap()
        expect(b.locator("#status")).to_have_text("Submitted")
        expect(b.locator(".note-title")).to_have_text("Your team has finished this turn")
        assert fits_width(b)
        b.set_viewport_size({"width": 768, "height": 1024})
        assert fits_width(b)
        b.set_viewport_size(TABLET)

        # the projector shows who has submitted, never who voted what
        expect(projector.locator("#tiles .tile[data-team='2']")).to_contain_text("提出済み")
        expect(projector.locator("#tiles .tile[data-team='1']")).to_contain_text("検討中")
        expect(projector.locator("#live-note")).to_have_text("2チーム中 1チームが提出しました")
        for secret in ("日米「2+2」会合", "日米共同訓練", "外務省", "防衛省", "水面下の外交"):
            expect(projector.locator("body")).not_to_contain_text(secret)
        snap(projector, shots, "projector-turn-ja")

        # a reloaded page and a reopened tab come back to the same team and role
        a.reload()
        expect(a.locator("#who-team")).to_have_text("チーム1")
        expect(a.locator("#who-role")).to_have_text("外務省")
        expect(a.locator("#crisis-title")).to_have_text("台湾周辺で中国軍が大規模演習")
        b.close()
        b = b_context.new_page()
        b.goto(f"{server.base}/?c={server.code}")
        expect(b.locator("#who-team")).to_have_text("Team 2")
        expect(b.locator("#who-role")).to_have_text("Defense (MOD)")

        # every page in the other language too (the server sends the views again in it)
        switch(a, "en")
        expect(a.locator("#who-role")).to_have_text("Foreign Affairs (MOFA)")
        expect(a.locator("#crisis-title")).to_have_text("Chinese Military Drills around Taiwan")
        switch(b, "ja")
        expect(b.locator("#who-role")).to_have_text("防衛省")
        switch(teacher, "en")
        expect(teacher.locator("#status")).to_have_text("In play")
        switch(projector, "en")
        expect(projector.locator("#live-note")).to_have_text("Submitted: 1 of 2 teams")
        for page, name in ((a, "student-crisis-en"), (b, "student-tablet-submitted-ja"), (teacher, "teacher-turn-en"),
                           (projector, "projector-turn-en")):
            snap(page, shots, name)
        for page in (a, b, teacher, projector):
            switch(page, "ja")

        # the clock runs out: the unanswered crisis takes its default answer
        teacher.get_by_role("button", name="−1分").click()
        expect(a.locator("#status")).to_have_text("ターン終了")
        expect(a.locator(".decided li").first).to_contain_text("時間切れ（自動で決定）")
        expect(projector.locator("#live-note")).to_have_text("ターン1が終わりました。次のターンを待っています。")

        # the teacher ends the session after the next turn has begun; the debrief is on the projector
        teacher.get_by_role("button", name="次のターンを開始（ターン2）").click()
        expect(a.locator("#turn")).to_have_text("ターン 2/8")
        teacher.get_by_role("button", name="セッションを終了").click()
        teacher.get_by_role("button", name="終了する").click()
        expect(projector.locator("#debrief-title")).to_have_text("振り返り：同じ出発点、ちがう選択")
        expect(projector.locator(".rank-card")).to_have_count(2)
        expect(projector.locator("svg.chart")).to_have_count(3)
        expect(projector.locator("svg.chart").first.locator("polyline")).to_have_count(2)
        taiwan = projector.locator("#crises tbody tr", has_text="台湾周辺で中国軍が大規模演習")
        expect(taiwan).to_contain_text("水面下の外交で各方面に自制を促す")
        expect(projector.locator("#questions li").first).to_be_visible()
        expect(a.locator(".note-title")).to_have_text("ゲーム終了")
        snap(projector, shots, "projector-debrief-ja", full=True)
        snap(a, shots, "student-ended-ja")
        switch(projector, "en")
        expect(projector.locator("#debrief-title")).to_have_text("Debrief: the same start, different choices")
        snap(projector, shots, "projector-debrief-en", full=True)

        # the results download from the console
        with teacher.expect_download() as download:
            teacher.get_by_role("link", name="結果（CSV）をダウンロード").click()
        with open(download.value.path(), encoding="utf-8-sig", newline="") as f:  # with the mark Excel needs
            rows = list(csv.DictReader(f))
        assert {r["team"] for r in rows} == {"1", "2"}
        assert any(r["decision"] == "end" and r["decision_name"] == "ターン終了" for r in rows)  # the console's language
        assert any(r["decision"] == "two_plus_two" and r["vote_mofa"] == "two_plus_two" for r in rows)
        assert any(r["team"] == "1" and r["submitter"] == "timer" and r["decision"].startswith("choose:") for r in rows)
        snap(teacher, shots, "teacher-ended-ja")


def test_a_wrong_room_code_is_refused_in_the_students_language(browser: Browser, quiet_class: Running) -> None:
    page = context(browser, viewport=CHROMEBOOK).new_page()
    page.goto(f"{quiet_class.base}/?c=QQQQQ")
    expect(page.locator(".toast")).to_contain_text("ルームコードが違います")
    switch(page, "en")
    page.locator("#code-input").fill("qqqqq")
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".toast").last).to_contain_text("That is not this class's room code")
    page.locator("#code-input").fill(quiet_class.code.lower())
    page.locator("#code-input").press("Enter")
    expect(page.get_by_role("button", name="Team 1")).to_be_visible()


def test_the_console_refuses_a_wrong_teacher_token(browser: Browser, quiet_class: Running) -> None:
    page = context(browser, viewport=CHROMEBOOK).new_page()
    page.goto(f"{quiet_class.base}/teacher#not-the-token")
    expect(page.locator("#fatal")).to_have_text("先生用コンソールは、サーバーを起動した先生のコンピューターでだけ開けます。")
    expect(page.locator("#controls")).to_be_hidden()


def test_a_students_page_comes_back_by_itself_when_the_server_restarts(browser: Browser, tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    with serving(session, "--teams", "2", "--seed", "13") as first:
        page = context(browser, viewport=CHROMEBOOK).new_page()
        page.goto(f"{first.base}/?c={first.code}")
        page.get_by_role("button", name="チーム2").click()
        page.get_by_role("button", name="財務省").click()
        expect(page.locator("#who-role")).to_have_text("財務省")
        first.kill()  # the teacher's laptop crashes: nothing saved on the way out
        expect(page.locator(".conn-banner")).to_be_visible()
        port = first.base.rsplit(":", 1)[1]
        with serving(session, "--port", port, resume=True) as again:
            assert again.code == first.code
            expect(page.locator(".conn-banner")).to_be_hidden()
            expect(page.locator("#who-team")).to_have_text("チーム2")
            expect(page.locator("#who-role")).to_have_text("財務省")
            expect(page.locator("#status")).to_have_text("開始前")

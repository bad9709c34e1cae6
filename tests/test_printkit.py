"""The print-and-play kit (issue 15): every action, crisis and actor of a scenario is in it, every box of text fits
at 8 pt or more (measured with the PDF library's own widths), the fonts are embedded, backs line up behind fronts
for duplex, and `gaiko print` makes it from the bundled scenarios, the tutorial and a scenario for another country."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.core import Scenario
from gaiko_game.present.cards import Codes
from gaiko_game.printkit.cards import BAND, CARD_H, CARD_W, PAD
from gaiko_game.printkit.document import KitPdf
from gaiko_game.printkit.kit import Kit, build
from gaiko_game.printkit.text import MIN_BODY, Block, set_blocks, wrap
from gaiko_game.printkit.words import PaperWords
from tests.conftest import FIXTURES, ROOT, load_ok

SCENARIOS = {"default": ROOT / "scenarios" / "indo_pacific_2025", "tutorial": ROOT / "scenarios" / "tutorial",
             "northern_watch": FIXTURES / "northern_watch"}
_KITS: dict[tuple[str, str, str], tuple[Scenario, Kit]] = {}


def kit(name: str, lang: str, paper: str = "a4") -> tuple[Scenario, Kit]:
    key = (name, lang, paper)
    if key not in _KITS:
        sc = load_ok(SCENARIOS[name])
        _KITS[key] = (sc, build(sc, lang, paper))
    return _KITS[key]


def everything(k: Kit, lang: str) -> str:
    return "\n".join([p.text(lang) for p in k.placed] + [t for _, t in k.labels])


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_every_action_crisis_and_actor_is_in_the_kit(name: str, lang: str) -> None:
    sc, k = kit(name, lang)
    w, codes, text = PaperWords(sc, lang), Codes.of(sc), everything(k, lang)
    labels = {p.label for p in k.placed}
    for a in sc.actions:
        assert f"action {a.id}" in labels and codes.action[a.id] in text and w.name(f"action.{a.id}.name") in text
    for e in sc.events:
        if e.choices:
            assert f"crisis {e.id}" in labels and codes.crisis[e.id] in text
            assert w.name(f"event.{e.id}.title") in text
            for c in e.choices:
                assert w.name(f"event.{e.id}.choice.{c.id}") in text
        if e.actor is not None:
            assert w.name(f"move.{e.id}") in text
    for actor in sc.actors:
        assert w.name(f"actor.{actor.id}") in text
        if actor.id != sc.player.id:
            assert any(label.startswith(f"agenda {actor.id} ") for label in labels)
    for r in sc.rules:
        assert w.name(f"rule.{r.id}") in text
    assert not any(key in text for key in ("action.", "event.", "actor.", "category.", "role.", "move."))  # no raw keys


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_every_box_of_text_fits_at_a_readable_size_inside_the_page(name: str, lang: str, paper: str) -> None:
    _, k = kit(name, lang, paper)
    assert k.placed
    for p in k.placed:
        assert p.setting.fits, f"{p.label} needs {p.setting.height:.1f} mm of {p.height:.1f}"
        assert p.setting.smallest >= MIN_BODY, p.label
        width, height = p.page_size
        assert sorted(p.page_size) == sorted(k.paper)
        assert p.x >= 0 and p.x + p.width <= width and p.y >= 0 and p.y + p.height <= height, p.label
        for _, size, lines in p.setting.lines:
            assert all(k_width(line, size) <= p.width + 1e-6 for line in lines), p.label


@functools.cache
def measurer() -> KitPdf:
    """A kit document used only to measure text, as the kit measures it."""
    return KitPdf("a4", "measure")


def k_width(line: str, size: float) -> float:
    """A line's width at a size, measured afresh by fpdf2 (not by the kit's own cache)."""
    pdf = measurer()
    pdf.set_font("noto", "", size)
    return float(pdf.get_string_width(line))


def test_a_text_too_long_for_its_box_is_reported_not_shrunk_below_8_pt() -> None:
    setting = set_blocks([Block("word " * 400, 10.0)], 50.0, 20.0, measurer().measure)
    assert not setting.fits and setting.smallest == MIN_BODY


def test_japanese_lines_never_start_with_closing_punctuation() -> None:
    lines = wrap("日本は、米国との同盟を基盤としつつ「インド」や東南アジア諸国と連携する。" * 3, 30.0, 9.0,
                 lambda s, z: len(s) * z * 0.35)
    assert len(lines) > 3 and all(line and line[0] not in "、。」）" for line in lines)
    assert all(not line.endswith("「") for line in lines)


def test_english_breaks_between_words() -> None:
    lines = wrap("Alliance drills with the United States", 20.0, 9.0, lambda s, z: len(s) * 1.3)  # 15 characters a line
    assert lines == ["Alliance drills", "with the United", "States"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_backs_land_behind_their_fronts_when_printed_double_sided(lang: str) -> None:
    """A long-edge flip mirrors left and right: a card's own back (a long crisis's rest) sits in the mirrored column,
    on the next page, in the same row."""
    _, k = kit("default", lang)
    fronts = {p.label: p for p in k.placed if p.label.startswith("crisis ") and not p.label.endswith(" back")}
    backs = [p for p in k.placed if p.label.endswith(" back")]
    assert backs
    width = k.paper[0]
    for b in backs:
        f = fronts[b.label.removesuffix(" back")]
        assert b.page == f.page + 1 and b.y == pytest.approx(f.y)
        assert b.x + b.width / 2 - width / 2 == pytest.approx(width / 2 - (f.x + f.width / 2), abs=0.01)
        assert b.width == f.width
        assert b.height < CARD_H


def test_the_fonts_are_embedded_subsets(tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.fail("pdffonts (poppler-utils) is missing: .ci/run installs it; apt-get install poppler-utils")
    _, k = kit("tutorial", "ja")
    path = tmp_path / "kit.pdf"
    path.write_bytes(k.pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert len(out) == 2 and all("NotoSansJP" in line for line in out)
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in out)  # embedded, subset, with Unicode map


def test_print_command_writes_the_kit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kit.pdf"
    assert main(["print", str(SCENARIOS["northern_watch"]), "--lang", "en", "--out", str(out), "--paper", "letter"]) == 0
    assert out.read_bytes().startswith(b"%PDF-") and "kit" in capsys.readouterr().out
    assert main(["print", str(tmp_path / "nowhere"), "--lang", "ja"]) == 1
    err = capsys.readouterr().err
    assert "nowhere" in err and "Traceback" not in err
    (tmp_path / "a-file").write_text("not a folder")
    assert main(["print", str(SCENARIOS["tutorial"]), "--lang", "en", "--out", str(tmp_path / "a-file" / "k.pdf")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "--out" in err and "Traceback" not in err


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_crisis_card_carries_its_story_on_its_back_whenever_it_fits(lang: str) -> None:
    sc, k = kit("default", lang)
    w = PaperWords(sc, lang)
    box_w, box_h = CARD_W - 2 * PAD, CARD_H - BAND - PAD - 1.5
    backs = {p.label: p for p in k.placed if p.label.endswith(" back")}
    carried = 0
    for e in sc.events:
        if not e.choices or not w.has(f"event.{e.id}.text"):
            continue
        story = w.name(f"event.{e.id}.text")
        back = backs.get(f"crisis {e.id} back")
        if back is not None and story.replace(" ", "") in back.text(lang).replace(" ", ""):
            carried += 1
            continue
        rest = [b for b, _, _ in back.setting.lines] if back is not None else []
        trial = [*rest, Block("x", 9.0, bold=True), Block(story, 9.0)]
        assert not set_blocks(trial, box_w, box_h, measurer().measure).fits, e.id  # left off only when it cannot fit
    assert carried >= 30  # measured: 47 of 50 in Japanese, 30 in English


def test_the_lesson_plan_is_the_scenarios_first_class_preset() -> None:
    """The referee's aid plays the first preset by default: the teacher's plan gives its turns and minutes."""
    _, default = kit("default", "en")  # one_period: 8 turns of 4 minutes, a 15-minute debrief
    assert "A 57-minute lesson" in everything(default, "en")
    assert "8 turns of 4 minutes (32 minutes); after turn 8" in everything(default, "en")
    _, tutorial = kit("tutorial", "ja")  # no presets: the whole game, 5 turns of 5 minutes
    assert "50分の授業の例" in everything(tutorial, "ja")
    assert "1ターン5分で5ターン（25分）" in everything(tutorial, "ja")

"""The balance lab's report page (lab.report) on a hand-written lab run, tests/fixtures/lab/sample.json.

The sample follows report.json format 1: the default scenario's three meters, five ratings and twenty
actions; eleven players (eight strategy files, random play, the advisor, the search's best); three
crisis choices never taken, one event that never fires, and two balance targets missed.
"""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
import string
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gaiko_game.lab import describe, plots, report
from gaiko_game.lab.report import write_report
from gaiko_game.lab.words import LANGS, WORDS

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "lab" / "sample.json"
PLOTS = {"score.png", "ratings.png", "meters.png", "actions.png"}
SECTIONS = ["verdict", "strategies", "plots", "actions", "unused", "losses", "search"]
MIN_PNG_BYTES = 5_000


def sample() -> dict[str, Any]:
    """A fresh copy of the sample lab run."""
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def name(names: dict[str, str], lang: str) -> str:
    """A name as the page shows it: in ``lang``, escaped for HTML."""
    return html.escape(names[lang], quote=True)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header, after checking the signature and the IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def files(folder: Path) -> dict[str, bytes]:
    """Every file of a report folder by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module", params=LANGS)
def written(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    """The sample's report in each language: (language, page path, page text)."""
    lang = str(request.param)
    page = write_report(sample(), tmp_path_factory.mktemp(f"lab_{lang}") / "report", lang)
    yield lang, page, page.read_text(encoding="utf-8")


def test_page_names_every_player_and_every_failing_target(written: tuple[str, Path, str]) -> None:
    lang, _, text = written
    data = sample()
    for player in data["players"]:
        assert name(player["name"], lang) in text, player["id"]
    failing = [t for t in data["verdict"] if not t["pass"]]
    assert failing
    for target in failing:
        assert name(target["target"], lang) in text and name(target["measured"], lang) in text


def test_verdict_comes_first_and_marks_each_target(written: tuple[str, Path, str]) -> None:
    _, _, text = written
    positions = [text.find(f'<section id="{s}">') for s in SECTIONS]
    assert -1 not in positions and positions == sorted(positions)
    marks = {target: state for state, target in re.findall(r'<li class="(pass|fail)" id="target-(\w+)">', text)}
    assert marks == {t["id"]: "pass" if t["pass"] else "fail" for t in sample()["verdict"]}
    for state, item in re.findall(r'<li class="(pass|fail)"[^>]*>(.*?)</li>', text):
        assert ("\u2714" in item) == (state == "pass") and ("\u2718" in item) == (state == "fail")


def test_strategies_are_sorted_by_mean_and_the_search_is_marked(written: tuple[str, Path, str]) -> None:
    lang, _, text = written
    table = text[text.index('<section id="strategies">'):text.index('<section id="plots">')]
    rows = re.findall(r"<tr[^>]*><th scope=\"row\">(.*?)</th>", table)
    data = sample()
    expected = sorted(data["players"], key=lambda p: -p["score"]["mean"])
    assert [next(p["id"] for p in data["players"] if name(p["name"], lang) in row) for row in rows] == [p["id"] for p in expected]
    assert '<tr class="best"><th scope="row">\u2605 ' + name(expected[0]["name"], lang) in table


def test_sections_list_only_what_never_happens(written: tuple[str, Path, str]) -> None:
    lang, page, text = written
    data = sample()
    unused = text[text.index('<section id="unused">'):text.index('<section id="losses">')]
    for choice in data["choices"]:
        assert (name(choice["name"], lang) in unused) == (choice["taken"] == 0), choice["choice"]
    for event in data["events"]:
        assert (f"<li>{name(event['name'], lang)}</li>" in unused) == (event["fired_share"] == 0), event["id"]
    assert f"gaiko simulate --strategy {page.parent / 'best_strategy.yaml'} --runs 1000" in text


def test_every_plot_the_page_shows_is_a_real_png(written: tuple[str, Path, str]) -> None:
    _, page, text = written
    shown = re.findall(r'<img src="([^"]+)" width="(\d+)" height="(\d+)"', text)
    assert {src for src, _, _ in shown} == PLOTS
    for src, width, height in shown:
        path = page.parent / src
        assert path.stat().st_size > MIN_PNG_BYTES
        assert png_size(path) == (int(width), int(height))


def test_the_folder_holds_the_data_and_the_best_strategy(written: tuple[str, Path, str]) -> None:
    _, page, _ = written
    data = sample()
    assert set(files(page.parent)) == {"index.html", "report.json", "best_strategy.yaml", *PLOTS}
    expected = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert (page.parent / "report.json").read_text(encoding="utf-8") == expected
    assert (page.parent / "best_strategy.yaml").read_text(encoding="utf-8") == data["search"]["best"]["yaml"]


@pytest.mark.parametrize("written", ["ja"], indirect=True)  # one language is enough: each write takes a second
def test_writing_twice_gives_identical_bytes(written: tuple[str, Path, str], tmp_path: Path) -> None:
    lang, page, _ = written
    first = files(page.parent)
    again = write_report(sample(), page.parent, lang)  # the page names its own folder in the replay command
    second = files(again.parent)
    assert first["index.html"] == second["index.html"] and first["report.json"] == second["report.json"]
    assert first == second  # the PNGs too (in one environment: see lab.report's docstring)


def test_a_failure_midway_leaves_the_good_report_untouched(written: tuple[str, Path, str], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    lang, page, _ = written
    out = tmp_path / "report"
    shutil.copytree(page.parent, out)
    before = files(out)

    def boom(*_: object) -> None:
        raise RuntimeError("plotting failed")

    monkeypatch.setattr(plots, "_plot_meters", boom)
    with pytest.raises(RuntimeError, match="plotting failed"):
        write_report(sample(), out, lang)
    assert files(out) == before
    with pytest.raises(RuntimeError):
        write_report(sample(), tmp_path / "fresh", lang)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # no half report, no temporary folder left


def test_refuses_an_unknown_language_or_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="language"):
        write_report(sample(), tmp_path / "r", "fr")
    with pytest.raises(ValueError, match="format"):
        write_report({**sample(), "format": 2}, tmp_path / "r")
    assert list(tmp_path.iterdir()) == []


def with_meters(data: dict[str, Any], count: int) -> dict[str, Any]:
    """The sample cut down or extended to ``count`` meters (extra ones copied from the first, shifted)."""
    data = copy.deepcopy(data)
    meters = data["scenario"]["meters"]
    extra = [("reputation", "国際的な評判", "Reputation", "#CC79A7"), ("support", "国内の支持", "Public support", "#56B4E9")]
    for mid, ja, en, colour in extra[:max(0, count - len(meters))]:
        meters.append({"id": mid, "name": {"ja": ja, "en": en}, "colour": colour})
        for player in data["players"]:
            first = player["trajectory"][meters[0]["id"]]
            player["trajectory"][mid] = [round(max(0.0, v - 7), 2) for v in first]
            player["meters"][mid] = player["trajectory"][mid][-1]
    for meter in meters[count:]:
        for player in data["players"]:
            del player["trajectory"][meter["id"]], player["meters"][meter["id"]]
    del meters[count:]
    return data


def test_two_meters_and_no_search(tmp_path: Path) -> None:
    data = with_meters(sample(), 2)
    data["search"] = None
    data["players"] = [p for p in data["players"] if p["kind"] != "search"]
    data["players"][0]["name"]["en"] = 'A <b>bold</b> & "quoted" name'
    page = write_report(data, tmp_path / "report", "en")
    text = page.read_text(encoding="utf-8")
    assert all(m["name"]["en"] in text for m in data["scenario"]["meters"])
    assert sample()["scenario"]["meters"][2]["name"]["en"] not in text
    assert '<section id="search">' not in text and "gaiko simulate" not in text
    assert not (page.parent / "best_strategy.yaml").exists()
    assert "<b>bold</b>" not in text and "A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; name" in text
    assert all(png_size(page.parent / p)[0] > 0 for p in PLOTS)


def test_five_meters_and_named_endings(tmp_path: Path) -> None:
    data = with_meters(sample(), 5)
    data["scenario"]["endings"] = [{"id": "client_state", "name": {"ja": "従属国家", "en": "Client State"}}]
    page = write_report(data, tmp_path / "report", "ja")
    text = page.read_text(encoding="utf-8")
    assert "国際的な評判" in text and "国内の支持" in text and "従属国家" in text
    width, height = png_size(page.parent / "meters.png")
    assert height > width / 2  # two rows of panels, the legend in the sixth place
    assert (page.parent / "meters.png").stat().st_size > MIN_PNG_BYTES


def placeholders(template: str) -> set[str]:
    """The ``str.format`` fields a template names."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_words_have_both_languages_with_the_same_placeholders() -> None:
    assert LANGS == ("ja", "en")
    for key, entry in WORDS.items():
        assert set(entry) == set(LANGS) and all(entry[lang].strip() for lang in LANGS), key
        assert placeholders(entry["ja"]) == placeholders(entry["en"]), key


def test_every_word_is_used_by_the_report() -> None:
    source = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (report, plots, describe))
    dynamic = ("kind.", "flag.", "role.", "rule.pick.")
    unused = [k for k in WORDS if f'"{k}"' not in source and f"'{k}'" not in source and not k.startswith(dynamic)]
    assert unused == []

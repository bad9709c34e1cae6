"""`gaiko loc`: the missing, untranslated and unused text keys of a scenario, and a skeleton appended to translate."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.scenario.loader import load
from tests.conftest import NORTHERN


def _drop(path: Path, *keys: str) -> None:
    text = path.read_text(encoding="utf-8")
    for key in keys:
        text, n = re.subn(rf"^{re.escape(key)}: .*\n", "", text, flags=re.M)
        assert n == 1, key
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The Finnish fixture, copied, with two English keys and one Japanese key deleted and one unused key added."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(NORTHERN, tmp_path / "nw")
    _drop(tmp_path / "nw" / "loc" / "en.yaml", "actor.sweden", "category.economy")
    _drop(tmp_path / "nw" / "loc" / "ja.yaml", "rule.slow_growth")
    with (tmp_path / "nw" / "loc" / "en.yaml").open("a", encoding="utf-8") as f:
        f.write('action.old_thing.name: "Old"\n')
    return Path("nw")


def _unused_line(copy: Path) -> int:
    return len((copy / "loc" / "en.yaml").read_text(encoding="utf-8").splitlines())


def test_missing_lists_exactly_the_deleted_keys_by_the_file_they_belong_in(copy: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["loc", "nw", "--missing", "--lang", "en"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "nw/loc/en.yaml — 2 key(s) missing in English:",
        "  category.economy",
        "  actor.sweden",
        f"nw/loc/en.yaml:{_unused_line(copy)}: unused text 'action.old_thing.name'",
        "nw: 2 missing, 0 untranslated, 1 unused",
        "to add the missing keys: gaiko loc nw --skeleton",
    ]
    assert main(["loc", "nw", "--missing"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[3:5] == ["nw/loc/ja.yaml — 1 key(s) missing in Japanese:", "  rule.slow_growth"]
    assert out[-2] == "nw: 3 missing, 0 untranslated, 1 unused"


def test_missing_speaks_japanese_on_a_japanese_system(copy: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    assert main(["loc", "nw", "--missing", "--lang", "ja"]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == ["nw/loc/ja.yaml — 日本語のテキストが1件ありません：",
                                                        "  rule.slow_growth"]


def test_on_a_japanese_system_the_skeletons_own_comment_is_japanese(copy: Path, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    before = (copy / "loc" / "en.yaml").read_bytes()
    assert main(["loc", "nw", "--skeleton", "--lang", "en"]) == 0
    assert (copy / "loc" / "en.yaml").read_bytes()[len(before):].decode() == (
        '\n# `gaiko loc --skeleton` が追加：未翻訳です。各 "" の中に本文を書いてください\n'
        "# ja: 経済・エネルギー\ncategory.economy: \"\"\n"
        "# ja: スウェーデン\nactor.sweden: \"\"\n")


def test_the_skeleton_appends_the_missing_keys_and_changes_no_line_already_there(copy: Path,
                                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = {lang: (copy / "loc" / f"{lang}.yaml").read_bytes() for lang in ("ja", "en")}
    assert main(["loc", "nw", "--skeleton"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "nw/loc/en.yaml: added 2 key(s) (empty values; the comment above each holds the other language's text)",
        "nw/loc/ja.yaml: added 1 key(s) (empty values; the comment above each holds the other language's text)",
    ]
    after = {lang: (copy / "loc" / f"{lang}.yaml").read_bytes() for lang in ("ja", "en")}
    assert all(after[lang].startswith(before[lang]) for lang in before)
    assert after["en"][len(before["en"]):].decode() == (
        '\n# added by `gaiko loc --skeleton`: untranslated, write the text in each ""\n'
        "# ja: 経済・エネルギー\ncategory.economy: \"\"\n"
        "# ja: スウェーデン\nactor.sweden: \"\"\n")
    slow_growth = re.search(r"^rule\.slow_growth: \"(.*)\"$", (NORTHERN / "loc" / "en.yaml").read_text(encoding="utf-8"),
                            re.M)
    assert slow_growth is not None
    assert after["ja"][len(before["ja"]):].decode().endswith(f"# en: {slow_growth[1]}\nrule.slow_growth: \"\"\n")


def test_after_the_skeleton_nothing_is_missing_but_every_empty_is_reported(copy: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["loc", "nw", "--skeleton"]) == 0
    capsys.readouterr()
    end = _unused_line(copy)
    assert main(["loc", "nw", "--missing"]) == 1  # untranslated text still fails a CI job
    assert capsys.readouterr().out.splitlines() == [
        f"nw/loc/en.yaml:{end - 6}: unused text 'action.old_thing.name'",
        f"nw/loc/en.yaml:{end - 2}: untranslated (empty) text 'category.economy'",
        f"nw/loc/en.yaml:{end}: untranslated (empty) text 'actor.sweden'",
        f"nw/loc/ja.yaml:{_lines(copy / 'loc' / 'ja.yaml')}: untranslated (empty) text 'rule.slow_growth'",
        "nw: 0 missing, 3 untranslated, 1 unused",
    ]
    result = load(copy)
    assert result.ok
    empties = sorted((d.file, d.line, d.message) for d in result.diagnostics if d.code == "loc-empty")
    assert empties == [("nw/loc/en.yaml", end - 2, "the English text for 'category.economy' is empty (untranslated)"),
                       ("nw/loc/en.yaml", end, "the English text for 'actor.sweden' is empty (untranslated)"),
                       ("nw/loc/ja.yaml", _lines(copy / "loc" / "ja.yaml"),
                        "the Japanese text for 'rule.slow_growth' is empty (untranslated)")]
    assert all(not d.is_error for d in result.diagnostics)


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_a_second_skeleton_adds_nothing(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["loc", "nw", "--skeleton"]) == 0
    once = (copy / "loc" / "en.yaml").read_bytes()
    capsys.readouterr()
    assert main(["loc", "nw", "--skeleton"]) == 0
    assert capsys.readouterr().out == "nw: no key is missing\n"
    assert (copy / "loc" / "en.yaml").read_bytes() == once


def test_the_skeleton_for_one_language_leaves_the_other_alone(copy: Path) -> None:
    ja = (copy / "loc" / "ja.yaml").read_bytes()
    assert main(["loc", "nw", "--skeleton", "--lang", "en"]) == 0
    assert (copy / "loc" / "ja.yaml").read_bytes() == ja


def test_a_file_without_a_final_newline_gets_one_before_the_skeleton(copy: Path) -> None:
    path = copy / "loc" / "en.yaml"
    text = path.read_bytes().rstrip(b"\n")
    path.write_bytes(text)
    assert main(["loc", "nw", "--skeleton"]) == 0
    assert path.read_bytes().startswith(text + b"\n\n# added by")


def test_a_complete_scenario_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["loc", str(NORTHERN), "--missing"]) == 0
    assert capsys.readouterr().out == f"{NORTHERN}: 0 missing, 0 untranslated, 0 unused\n"


def test_a_listed_text_file_that_does_not_exist_yet_is_created(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = copy / "scenario.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("en: [loc/en.yaml]", "en: [loc/en.yaml, loc/en_more.yaml]"),
                        encoding="utf-8")
    assert main(["loc", "nw", "--skeleton"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "created nw/loc/en_more.yaml"
    assert (copy / "loc" / "en_more.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../.schema/loc.schema.json\n")
    assert load(copy).ok


def test_a_language_with_no_file_says_which_line_to_add(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = copy / "scenario.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("ja: [loc/ja.yaml]", "ja: []"), encoding="utf-8")
    (copy / "loc" / "ja.yaml").unlink()
    assert main(["loc", "nw", "--skeleton", "--lang", "ja"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and re.fullmatch(r"nw/loc/ja\.yaml: \d+ key\(s\) not written: add `- loc/ja\.yaml` to "
                                          r"files\.loc\.ja in scenario\.yaml, then run this again", out[0])
    assert not (copy / "loc" / "ja.yaml").exists()


def test_a_broken_scenario_says_why_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "scenario.yaml").write_text("id: [\n", encoding="utf-8")
    assert main(["loc", str(tmp_path), "--missing"]) == 1
    err = capsys.readouterr().err
    assert "error[yaml-syntax]" in err and "Traceback" not in err
    assert err.splitlines()[-2:] == [f"gaiko loc: error: {tmp_path} has other errors, so its text cannot be checked",
                                     f"  hint: fix them first: gaiko validate {tmp_path}"]


@pytest.mark.parametrize("args", [["loc", "nw"], ["loc", "nw", "--missing", "--skeleton"], ["loc", "--missing"],
                                  ["loc", "nw", "--missing", "--lang", "fr"]])
def test_bad_usage_exits_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2 and "hint: run 'gaiko loc --help'" in capsys.readouterr().err

"""`gaiko new`: a new scenario that validates clean, passes its own tests and plays; a layer over a bundled one;
refusals that leave the user's files alone."""

from __future__ import annotations

import json
import string
import tomllib
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.cli.modwords import WORDS
from gaiko_game.cli.textplay import run_text
from gaiko_game.scenario.bundled import templates_root
from gaiko_game.scenario.loader import load
from tests.conftest import ROOT
from tests.test_cli import Script


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scenario made by `gaiko new my_pacific`, in an empty folder."""
    where = tmp_path_factory.mktemp("new")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(where)
        assert main(["new", "my_pacific", "--lang", "en"]) == 0
    return where / "my_pacific"


def test_the_new_scenario_validates_clean_under_its_own_id(made: Path) -> None:
    result = load(made)
    assert result.ok and result.diagnostics == []
    assert result.scenario is not None and result.scenario.id == "my_pacific"
    assert result.scenario.loc["en"]["scenario.name"] == "my_pacific"


def test_the_new_scenario_has_what_a_modder_copies_from(made: Path) -> None:
    sc = load(made).scenario
    assert sc is not None
    assert len(sc.actors) == 3 and 4 <= len(sc.actions) <= 6
    assert len({a.category for a in sc.actions}) == 4
    assert [a.id for a in sc.actions if a.targets] == ["partner_visit"]
    assert [a.id for a in sc.actions if a.requires] == ["trade_upgrade"]
    chained = [(e.id, c.id) for e in sc.events for c in e.choices if c.follow_ups]
    assert chained == [("fishing_dispute", "stand_firm")]
    assert len(sc.rules) == 6 and sc.map.countries[0] == ("new_zealand", "New Zealand")


def test_every_file_points_its_editor_at_the_schema_written_beside_it(made: Path) -> None:
    yamls = sorted(p.relative_to(made).as_posix() for p in made.rglob("*.yaml"))
    assert yamls == ["actions.yaml", "actors.yaml", "events/crises.yaml", "loc/en.yaml", "loc/ja.yaml", "rules.yaml",
                     "scenario.yaml", "tests.yaml"]
    for rel in yamls:
        first = (made / rel).read_text(encoding="utf-8").splitlines()[0]
        kind = {"events": "events", "loc": "loc"}.get(rel.split("/")[0], rel.removesuffix(".yaml"))
        up = "../" if "/" in rel else ""
        assert first == f"# yaml-language-server: $schema={up}.schema/{kind}.schema.json"
        assert (made / ".schema" / f"{kind}.schema.json").is_file()
    json.loads((made / ".schema" / "scenario.schema.json").read_text(encoding="utf-8"))


def test_the_new_scenario_passes_its_own_tests(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(made), "--backend", "serial", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == f"{made}: 3 pass"


def test_the_new_scenario_simulates_to_its_last_turn(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", str(made), "--policy", "hedge", "--runs", "3", "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)["runs"]
    assert [(r["turns"], r["ending"]) for r in runs] == [(8, "completed")] * 3


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_whole_game_of_the_new_scenario_plays_in_text_mode(made: Path, lang: str, data: Path) -> None:
    out: list[str] = []
    assert run_text(made, 3, lang, read=Script(["1"]), write=out.append) == 0
    text = "\n".join(out)
    if lang == "en":
        assert "=== 2026 Q1 · turn 1 of 8 ===" in text and "=== Game over: Term Completed" in text
    else:
        assert "ターン 1/8" in text and "=== ゲーム終了：任期満了" in text


def test_a_layer_over_the_default_scenario_validates_and_holds_the_bases_content(tmp_path: Path,
                                                                                  capsys: pytest.CaptureFixture[str],
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "my_layer", "--from", "indo_pacific_2025", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Created 'my_layer', a layer over 'indo_pacific_2025':"
    assert out[-4:] == ["Next, run:", "  gaiko validate my_layer", "  gaiko play --text --scenario my_layer",
                        "  gaiko loc my_layer --missing"]
    layer, base = load(tmp_path / "my_layer"), load(ROOT / "scenarios" / "indo_pacific_2025")
    assert layer.ok and layer.diagnostics == []
    assert layer.scenario is not None and base.scenario is not None
    assert layer.scenario.id == "my_layer"
    assert [a.id for a in layer.scenario.actions] == [a.id for a in base.scenario.actions]
    assert [e.id for e in layer.scenario.events] == [e.id for e in base.scenario.events]
    assert layer.scenario.loc["en"]["scenario.name"] == "Indo-Pacific 2025 (my_layer)"
    assert layer.scenario.loc["ja"]["scenario.name"] == base.scenario.loc["ja"]["scenario.name"] + "（my_layer）"
    written = (tmp_path / "my_layer" / "scenario.yaml").read_text(encoding="utf-8")
    assert "extends: indo_pacific_2025" in written and "id: my_layer" in written
    assert "remove:\n  actions: []\n  events: []\n  rules: []\n  assumptions: []\n" in written


def test_a_layer_of_a_layer_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "deeper", "--from", "indo_pacific_2025_realist", "--lang", "en"]) == 1
    assert capsys.readouterr().err == ("gaiko new: error: 'indo_pacific_2025_realist' is itself a layer; a layer "
                                       "extends a whole scenario (give 'indo_pacific_2025' instead)\n")
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_base_is_refused_with_the_bundled_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "mine", "--from", "indo_pacfic", "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "gaiko new: error: there is no scenario 'indo_pacfic' to extend"
    assert err[1].startswith("  hint: bundled scenarios: indo_pacific_2025, ")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("my work", encoding="utf-8")
    assert main(["new", "mine", "--lang", "en"]) == 1
    assert capsys.readouterr().err == ("gaiko new: error: 'mine' already exists and is not empty; nothing is "
                                       "overwritten\n  hint: choose another name\n")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "my work"


def test_an_empty_existing_folder_is_filled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    assert main(["new", "mine", "--lang", "en"]) == 0
    assert load(tmp_path / "mine").ok


@pytest.mark.parametrize(("name", "lang", "message"), [
    ("My-Scenario", "en", "the name 'My-Scenario' must start with a lower-case letter (a–z)"),
    ("9lives", "en", "the name '9lives' must start with a lower-case letter (a–z)"),
    ("my-scenario", "en", "the name 'my-scenario' holds the character '-', which an id cannot hold"),
    ("my-scenario", "ja", "名前 'my-scenario' に使えない文字 '-' があります"),
    ("a" * 65, "en", f"the name '{'a' * 40}…' is too long (at most 64 characters)"),
    ("tutorial", "en", "'tutorial' is the id of a bundled scenario"),
])
def test_a_bad_name_says_what_is_wrong_and_writes_nothing(name: str, lang: str, message: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", name, "--lang", lang]) == 1
    prefix = "エラー：" if lang == "ja" else "error: "
    assert capsys.readouterr().err.splitlines()[0] == f"gaiko new: {prefix}{message}"
    assert list(tmp_path.iterdir()) == []


def test_the_messages_are_in_the_users_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    assert main(["new", "watashi"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "新しいシナリオ 'watashi' を作りました："
    assert out[-4] == "次に実行するコマンド："


def test_the_templates_ship_in_the_wheel() -> None:
    """Hatch copies the checkout's templates/ into the package, where an installed game finds them."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]["templates"] == "gaiko_game/templates"
    assert templates_root() == ROOT / "templates"
    assert load(templates_root() / "scenario").diagnostics == []


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    def names(text: str) -> set[str]:
        return {n for _, n, _, _ in string.Formatter().parse(text) if n}

    assert [k for k, v in WORDS.items() if set(v) != {"ja", "en"} or names(v["ja"]) != names(v["en"])] == []

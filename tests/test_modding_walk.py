"""The modder's whole walk, as the tutorial (docs/modding/tutorial.*.md) tells it: `gaiko new`, the editor's schema
for each file, an edit seen by the watching window, a translation filled from a skeleton, a packed zip, and another
machine (another data folder) that installs it and finds it on the title screen."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import jsonschema
import pygame
import pytest
import yaml

from gaiko_game.cli.main import main
from gaiko_game.core import Scenario
from gaiko_game.scenario.loader import load
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.new_campaign import NewCampaignScreen
from gaiko_game.ui.screens.title import TitleScreen
from tests.test_ui import make_app, press
from tests.test_watch import Watched, cost_of

NEW_ACTION = """
- id: antarctic_science
  category: partners
  cost: 1
  tags: [partner]
  effects:
    - meter: {id: autonomy, by: 1}
    - relation: {actor: australia, by: 1}
"""


def schema_errors(file: Path, data: object) -> list[str]:
    """What the editor would mark in ``data`` written in ``file``: the schema its first line names, applied."""
    first = file.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = json.loads((file.parent / first.split("=", 1)[1]).read_text(encoding="utf-8"))
    return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data)]


def test_from_gaiko_new_to_a_zip_another_machine_installs(default: Scenario, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    # 1. a scenario that works, from the template
    assert main(["new", "walk_isles", "--lang", "en"]) == 0
    folder = tmp_path / "walk_isles"
    assert load(folder).ok

    # 2. the editor: each file names its schema, which takes the file as written and marks a misspelt key in it
    actions = folder / "actions.yaml"
    for file in sorted(folder.rglob("*.yaml")):
        assert schema_errors(file, yaml.safe_load(file.read_text(encoding="utf-8"))) == [], file
    typo = yaml.safe_load(actions.read_text(encoding="utf-8"))
    typo[0]["cots"] = typo[0].pop("cost")
    assert any("'cots'" in m for m in schema_errors(actions, typo))

    # 3. the window, watching: a cost edited while playing shows at once, on the same turn
    watched = Watched(folder)
    watched.play_two_turns()
    assert cost_of(watched.campaign, "joint_exercise") == 2
    watched.edit("actions.yaml", "  cost: 2\n  cooldown: 2                       # turns", "  cost: 1\n  cooldown: 2  # turns")
    assert cost_of(watched.campaign, "joint_exercise") == 1
    watched.reloader.close()
    capsys.readouterr()

    # 4. a new action with its English text only: listed as missing, given a skeleton, translated
    actions.write_text(actions.read_text(encoding="utf-8") + NEW_ACTION, encoding="utf-8")
    en, ja = folder / "loc" / "en.yaml", folder / "loc" / "ja.yaml"
    en.write_text(en.read_text(encoding="utf-8") + "action.antarctic_science.name: Antarctic science station\n"
                  "action.antarctic_science.desc: A research station shared with Australia.\n"
                  "action.antarctic_science.encyclopedia: Science in Antarctica builds quiet trust.\n", encoding="utf-8")
    assert main(["loc", str(folder), "--missing", "--lang", "ja"]) == 1
    assert "  action.antarctic_science.name" in capsys.readouterr().out
    assert main(["loc", str(folder), "--skeleton", "--lang", "ja"]) == 0
    skeleton = ja.read_text(encoding="utf-8")
    assert '# en: Antarctic science station\naction.antarctic_science.name: ""\n' in skeleton
    ja.write_text(skeleton.replace('action.antarctic_science.name: ""', "action.antarctic_science.name: 南極科学基地")
                  .replace('action.antarctic_science.desc: ""', "action.antarctic_science.desc: オーストラリアと共同の研究基地。")
                  .replace('action.antarctic_science.encyclopedia: ""',
                           "action.antarctic_science.encyclopedia: 南極での科学協力は静かな信頼を築く。"), encoding="utf-8")
    assert main(["loc", str(folder), "--missing"]) == 0
    result = load(folder)
    assert result.ok and result.diagnostics == []

    # 5. the manifest (its editor schema too) and the zip
    assert main(["mods", "pack", str(folder), "--init-manifest", "--lang", "en"]) == 0
    manifest = folder / "mod.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("author:  ", "author: Kiri Tane  ")
                        .replace("licence:  ", "licence: CC-BY-4.0  "), encoding="utf-8")
    assert schema_errors(manifest, yaml.safe_load(manifest.read_text(encoding="utf-8"))) == []
    assert main(["mods", "pack", str(folder), "--lang", "en"]) == 0
    archive = tmp_path / "walk_isles-1.0.0.zip"
    names = zipfile.ZipFile(archive).namelist()
    assert "walk_isles/mod.yaml" in names and not [n for n in names if "/." in n]  # .schema/ stays home

    # 6. another machine: the zip installs, the command line lists it, the title screen names it, and it plays
    monkeypatch.setenv("GAIKO_DATA_DIR", str(tmp_path / "theirs"))
    capsys.readouterr()
    assert main(["mods", "install", str(archive), "--lang", "en"]) == 0
    assert main(["play", "--list", "--lang", "en"]) == 0
    assert "  walk_isles  walk_isles 1.0.0 (by Kiri Tane · CC-BY-4.0)" in capsys.readouterr().out.splitlines()
    app = make_app(default)
    assert isinstance(app.screen, TitleScreen)
    assert app.screen.mods_line() == "Installed mods, under New campaign: walk_isles"
    press(app, pygame.K_1)  # New campaign
    screen = app.screen
    assert isinstance(screen, NewCampaignScreen)
    for _ in range(len(screen.entries)):
        if screen.buttons[0].label == "1. Scenario: walk_isles (mod)":
            break
        press(app, pygame.K_1)
    assert screen.buttons[0].label == "1. Scenario: walk_isles (mod)"
    press(app, pygame.K_4)  # Start
    assert isinstance(app.screen, CampaignScreen) and app.screen.c.scenario.id == "walk_isles"
    assert cost_of(app.screen, "joint_exercise") == 1 and cost_of(app.screen, "antarctic_science") == 1

"""Every damaged save from the reliability review, at every door: the exact sentence (or the right result), no traceback.

Each ``tests/bad/saves/<case>.json`` holds an *edit* of a save of the default scenario written fresh by the test
(so the cases stay valid when the scenario's content changes), and what every door must answer:

- ``set``: fields given new values; ``literal``: fields written as raw JSON text, each a list of ``[text, times]``
  pieces (a 5,000-digit number or 100,000 brackets: text that ``json`` itself refuses, or too big to commit);
- ``refused``: the English sentence of ``saves.read``, ``saves.info`` and ``saves.listing`` — and so of
  ``open_save`` and ``gaiko replay`` — or null when the file passes them;
- ``open``: for a file that passes ``read``, the sentence ``open_save`` refuses it with (absent: it opens);
- ``replay``: the line ``gaiko replay`` adds after the sentence (the command that would open it);
- ``older``: ``gaiko replay`` still prints the older save's decisions after refusing it.

``{save}`` stands for the save's path and ``{outside}`` for a scenario folder outside the game's own.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from gaiko_game.cli.main import main
from gaiko_game.core import Scenario
from gaiko_game.present.timeline import timeline
from gaiko_game.present.words import words
from gaiko_game.session import saves
from gaiko_game.session.campaign import Campaign, FolderScenario, Source, open_save
from gaiko_game.session.seeding import new_game
from tests.conftest import ROOT

CASES = Path(__file__).resolve().parent / "bad" / "saves"
NAMES = sorted(p.stem for p in CASES.glob("*.json"))


@dataclass(frozen=True)
class Case:
    """One reproducer: the edit and what each door says (see the module's docstring)."""

    name: str
    set: dict[str, object]
    literal: dict[str, list[list[object]]]
    refused: str | None
    open: str | None
    replay: str | None
    older: bool

    @staticmethod
    def read(name: str) -> Case:
        raw = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
        return Case(name, raw.get("set", {}), raw.get("literal", {}), raw["refused"], raw.get("open"),
                    raw.get("replay"), raw.get("older", False))


def good_campaign(default: Scenario) -> Campaign:
    """A real campaign of the default scenario, two turns in (the save every case edits)."""
    g = new_game(default, 3)
    for _ in range(2):
        g.end_turn()
        while g.pending_crisis is not None:
            g.choose_default()
    return Campaign(default, Source(bundled=default.id), 3, g, "damaged")


def write_case(case: Case, good: dict[str, object], path: Path, outside: Path) -> Path:
    """The good save with the case's edit, at ``path``."""
    data = dict(good)
    for key, value in case.set.items():
        data[key] = json.loads(json.dumps(value).replace("{outside}", str(outside)))
    for key in case.literal:
        data[key] = f"@literal:{key}@"
    text = json.dumps(data, indent=1)
    for key, pieces in case.literal.items():
        text = text.replace(f'"@literal:{key}@"', "".join(str(t) * int(str(n)) for t, n in pieces))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def fill(sentence: str, save: Path, outside: Path) -> str:
    return sentence.replace("{save}", str(save)).replace("{outside}", str(outside))


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the default scenario in a folder of its own, outside the game's scenarios."""
    folder = tmp_path_factory.mktemp("elsewhere") / "scenario"
    shutil.copytree(ROOT / "scenarios" / "indo_pacific_2025", folder)
    return folder


def test_every_case_is_a_reproducer_the_review_names() -> None:
    named = {"v1_seed_true", "v2_turn_true", "v3_seed_5000_digits", "v4_nested_100000", "v5_saved_at_year_1",
             "v5_saved_at_year_9999", "v6_negative_seed_other_content", "v7_scenario_300", "v7_scenario_10000",
             "v8_difficulty_lone_surrogate", "log_entry_100000", "state_hash_null", "format_1", "source_folder_outside",
             "scenario_absolute_path", "scenario_empty"}
    assert named <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_damaged_save_gets_its_sentence_at_every_door(name: str, default: Scenario, data: Path, outside: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    case = Case.read(name)
    original = good_campaign(default)
    path = write_case(case, original.data(), data / "saves" / name / "autosave-1.json", outside)
    before = path.read_bytes()

    # the shape doors: read, info (the title's and Load's labels), listing (the folder as the screens see it)
    found, problems = saves.listing()
    if case.refused is not None:
        for door in (saves.read, saves.info, open_save):
            with pytest.raises(saves.BadSave) as refusal:
                door(path)
            assert refusal.value.text("en") == case.refused
        assert found == [] and [(p.text("en"), p.path) for p in problems] == [(case.refused, path)]
    else:
        assert saves.read(path)["campaign"] == "damaged" and saves.info(path).turn == original.game.turn
        assert problems == [] and [s.path for s in found] == [path]

    # Continue and Load open the save through open_save
    refusal_text = case.refused or (case.open and fill(case.open, path, outside))
    if refusal_text is None:
        assert open_save(path).campaign.game.fingerprint() == original.game.fingerprint()
    elif case.refused is None:
        with pytest.raises(saves.BadSave) as refusal:
            open_save(path)
        assert refusal.value.text("en") == refusal_text

    # the command line, in-process: the timeline, and --verify
    capsys.readouterr()
    for verify in (False, True):
        code = main(["replay", str(path), "--lang", "en", *["--verify"] * verify])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        if refusal_text is None:
            w = words(default, "en")
            game = original.game
            meters = w.join([f"{w.meter(m)} {v}" for m, v in game.view.meters().items()])
            expected = (f"{path}: " + w.ui("replay.verified", turn=game.turn, meters=meters) if verify
                        else "\n".join(timeline(game, w)))
            assert (code, out, err) == (0, expected + "\n", "")
            continue
        extra = [fill(case.replay, path, outside) + " --verify" * verify] if case.replay else []
        assert code == 1 and err.splitlines() == [f"{path}: {refusal_text}", *extra]
        assert "verified" not in out + err and "the saved state hash" not in out + err  # claims no check it did not make
        if case.older and not verify:
            assert out.startswith("indo_pacific_2025: the decisions recorded in an older save (it cannot be replayed)\n"
                                  "Turn 1: ")
        else:
            assert out == ""
    assert path.read_bytes() == before  # refused or opened, never changed


def test_a_save_played_on_a_folder_opens_only_when_that_folder_is_named(default: Scenario, data: Path, outside: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    case = Case.read("source_folder_outside")
    original = good_campaign(default)
    path = write_case(case, original.data(), data / "saves" / "folder" / "autosave-1.json", outside)
    with pytest.raises(FolderScenario) as asked:
        open_save(path)
    assert asked.value.folder == outside and asked.value.text("ja") == (
        f"autosave-1.json は、ゲームに同梱されていないフォルダー {outside} のシナリオで遊んだセーブです。"
        "そのフォルダーを指定したときだけ開きます。")
    opened = open_save(path, asked.value.folder)
    assert opened.notice is None and opened.campaign.game.fingerprint() == original.game.fingerprint()
    assert opened.campaign.source == Source(folder=str(outside.resolve()))
    assert main(["replay", str(path), "--verify", "--lang", "en", "--scenario", str(outside)]) == 0
    assert "verified — replays to turn 3" in capsys.readouterr().out
    assert main(["replay", str(path), "--lang", "ja"]) == 1
    assert capsys.readouterr().err.splitlines()[1] == f"そのフォルダーで再現するには：gaiko replay {path} --scenario {outside}"


def test_a_folder_with_spaces_is_quoted_in_the_command(default: Scenario, data: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "my scenarios" / "it's mine"
    shutil.copytree(ROOT / "scenarios" / "indo_pacific_2025", folder)
    path = write_case(Case.read("source_folder_outside"), good_campaign(default).data(),
                      data / "saves" / "quoted" / "autosave-1.json", folder)
    assert main(["replay", str(path), "--lang", "en"]) == 1
    hint = capsys.readouterr().err.splitlines()[1]
    assert hint == f"To replay it on that folder: gaiko replay {path} --scenario '{tmp_path}/my scenarios/it'\"'\"'s mine'"


def test_the_terminal_game_names_the_folder_and_opens_it_when_started_on_it(default: Scenario, data: Path,
                                                                             outside: Path) -> None:
    from gaiko_game.cli.textplay import choose_start

    original = good_campaign(default)
    path = write_case(Case.read("source_folder_outside"), original.data(), data / "saves" / "t" / "autosave-1.json",
                      outside)
    said: list[str] = []
    answers = iter(["1"])

    def read(_: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    assert choose_start("en", read, said.append) is False  # Continue refused, then the player leaves
    assert said == [f"autosave-1.json was played on the scenario in the folder {outside}, which is not one of the "
                    "game's own; it is opened only when that folder is chosen. To continue it on that folder: gaiko "
                    f"play --text --scenario {outside}"]
    answers = iter(["1"])
    resumed = choose_start("en", read, said.append, outside)  # gaiko play --text --scenario <that folder>
    assert isinstance(resumed, Campaign) and resumed.game.fingerprint() == original.game.fingerprint()
    assert path.exists()


def test_a_fifo_or_a_folder_named_like_a_save_is_refused_without_waiting(data: Path) -> None:
    import os

    folder = data / "saves" / "odd"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "autosave-1.json")  # reading it would wait for a writer forever
    (folder / "quicksave.json").mkdir()
    found, problems = saves.listing()
    assert found == [] and sorted(p.text("en") for p in problems) == [
        "autosave-1.json is not a file (a folder, a pipe or a device), so it is not read as a save.",
        "quicksave.json is not a file (a folder, a pipe or a device), so it is not read as a save."]

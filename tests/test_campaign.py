"""Campaigns: each holds its scenario, source, seed and game, saves into its own slots, and reopens on its own scenario."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from gaiko_game.core import Order, Scenario
from gaiko_game.session import saves
from gaiko_game.session.campaign import Campaign, FolderScenario, Source, open_save
from gaiko_game.session.players import make_policy
from gaiko_game.session.policies import play_game, play_turn
from gaiko_game.session.record import Record, ScenarioMismatch, rebuild
from gaiko_game.session.seeding import new_game, stream
from tests.conftest import FIXTURES, ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"


def play(c: Campaign, turns: int, policy: str = "hedge") -> Campaign:
    """Play whole turns through the campaign, as a front end does (each finished turn autosaves)."""
    p = make_policy(policy, stream(c.seed, "policy"))
    for _ in range(turns):
        while (order := p.act(c.game)) is not None:
            c.apply(order)
        report = c.end_turn()
        while report is None:
            report = c.choose(p.answer(c.game))
    return c


def test_every_finished_turn_is_autosaved_into_the_campaigns_own_slots(default: Scenario, data: Path) -> None:
    c = play(Campaign.new(default, Source.of(DEFAULT), seed=1), 5)
    names = sorted(p.name for p in c.folder.glob("*.json"))
    assert names == ["autosave-1.json", "autosave-2.json", "autosave-3.json"] and c.folder.parent == data / "saves"
    assert [saves.info(c.folder / f"autosave-{i}.json").turn for i in (1, 2, 3)] == [6, 5, 4]
    assert not list(c.folder.glob("*.tmp")) and not (c.folder / "autosave-new.json").exists()


def test_two_campaigns_of_one_scenario_never_push_each_others_saves_out(default: Scenario, data: Path) -> None:
    a = play(Campaign.new(default, Source.of(DEFAULT), seed=1), 3)
    b = play(Campaign.new(default, Source.of(DEFAULT), seed=2), 6)
    assert a.id != b.id and len(list(a.folder.glob("autosave-*.json"))) == 3
    assert saves.info(a.folder / "autosave-1.json").turn == 4


def test_after_a_finished_tutorial_continue_resumes_the_real_campaign(default: Scenario, tutorial: Scenario,
                                                                      data: Path) -> None:
    main = play(Campaign.new(default, Source.of(DEFAULT), seed=4), 6)
    lesson = Campaign.new(tutorial, Source(bundled="tutorial"), seed=4)
    play(lesson, tutorial.turns)
    assert lesson.game.is_over
    found, problems = saves.listing()
    assert problems == [] and found[0].campaign == lesson.id and found[0].over  # the newest save is the tutorial's end
    resume = saves.latest_unfinished(found)
    assert resume is not None and resume.campaign == main.id and resume.turn == 7
    opened = open_save(resume.path)
    assert opened.notice is None and opened.campaign.scenario.id == "indo_pacific_2025"
    assert opened.campaign.game.fingerprint() == main.game.fingerprint() and opened.campaign.id == main.id


def test_a_save_reopens_on_the_scenario_it_was_played_on(tutorial: Scenario, data: Path) -> None:
    c = play(Campaign.new(tutorial, Source(bundled="tutorial"), seed=2), 2)
    path = c.quicksave()
    assert path is not None
    opened = open_save(path).campaign
    assert opened.scenario.id == "tutorial" and opened.game.fingerprint() == c.game.fingerprint()


def test_a_mod_folder_save_reopens_from_its_folder(tmp_path: Path, data: Path) -> None:
    folder = tmp_path / "my_mod"
    shutil.copytree(FIXTURES / "mini", folder)
    from tests.conftest import load_ok

    c = play(Campaign.new(load_ok(folder), Source.of(folder), seed=3), 2)
    assert c.source == Source(folder=str(folder.resolve()))
    with pytest.raises(FolderScenario) as asked:  # the save names the folder; opening it is the player's choice
        open_save(c.folder / "autosave-1.json")
    assert asked.value.folder == folder.resolve()
    assert open_save(c.folder / "autosave-1.json", asked.value.folder).campaign.game.fingerprint() == c.game.fingerprint()


def test_a_save_whose_scenario_is_not_installed_says_so_by_name_in_both_languages(tmp_path: Path, data: Path) -> None:
    folder = tmp_path / "gone"
    shutil.copytree(FIXTURES / "mini", folder)
    from gaiko_game.scenario.loader import load

    sc = load(folder).scenario
    assert sc is not None
    c = play(Campaign.new(sc, Source.of(folder), seed=3), 1)
    shutil.rmtree(folder)
    with pytest.raises(saves.BadSave) as refusal:
        open_save(c.folder / "autosave-1.json")
    en, ja = refusal.value.text("en"), refusal.value.text("ja")
    assert en == "This save was played on “EN scenario.name”, a scenario that is not installed here."
    assert ja == "このセーブは「JA scenario.name」というシナリオで遊んだものですが、そのシナリオはここにはありません。"
    assert sc.content_hash[:8] not in en + ja


def test_a_save_from_changed_content_replays_what_it_can_and_says_so_without_hashes(tmp_path: Path,
                                                                                     data: Path) -> None:
    folder = tmp_path / "mod"
    shutil.copytree(FIXTURES / "mini", folder)
    from tests.conftest import load_ok

    c = play(Campaign.new(load_ok(folder), Source.of(folder), seed=5), 2)
    path = c.folder / "autosave-1.json"
    (folder / "rules.yaml").write_text((folder / "rules.yaml").read_text() + "\n# changed\n")
    opened = open_save(path, folder)
    assert opened.notice is not None
    assert opened.notice.text("en") == (f"“EN scenario.name” has changed since this save; {len(c.game.history)} of "
                                        f"its {len(c.game.history)} decisions replayed on the current rules.")
    assert opened.campaign.game.fingerprint() == c.game.fingerprint() and opened.campaign.id != c.id
    assert json.loads(path.read_text())["content_hash"] == c.scenario.content_hash  # the old save is untouched


def test_saves_made_under_the_old_single_stream_are_refused_and_kept(default: Scenario, data: Path) -> None:
    old = data / "saves" / "autosave-1.json"
    old.parent.mkdir(parents=True)
    old.write_text((FIXTURES / "saves" / "v2_mini.json").read_text())
    found, problems = saves.listing()
    assert found == [] and len(problems) == 1
    assert problems[0].text("en") == ("autosave-1.json was made by Gaikō 0.1 (save format 2), under earlier rules, so "
                                      "this version cannot replay it. The file is kept as it is, and gaiko replay still "
                                      "prints what was decided in it.")
    assert old.read_text() == (FIXTURES / "saves" / "v2_mini.json").read_text()


def test_listing_orders_by_the_time_written_in_the_save_not_the_files_time(default: Scenario, data: Path) -> None:
    first = play(Campaign.new(default, Source.of(DEFAULT), seed=1), 1)
    second = play(Campaign.new(default, Source.of(DEFAULT), seed=2), 1)
    os.utime(first.folder / "autosave-1.json", (2_000_000_000, 2_000_000_000))  # a copied file's misleading time
    found, _ = saves.listing()
    assert [s.campaign for s in found] == [second.id, first.id]


def test_a_failed_autosave_never_costs_an_older_one(default: Scenario, data: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    c = play(Campaign.new(default, Source.of(DEFAULT), seed=1), 3)
    before = {p.name: p.read_bytes() for p in c.folder.glob("*.json")}

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    play(c, 2)  # two more turns, both autosaves fail
    assert c.save_problem == f"{c.folder}: No space left on device"
    assert {p.name: p.read_bytes() for p in c.folder.glob("*.json")} == before and not list(c.folder.glob("*.tmp"))


def test_a_record_rebuilds_the_game_and_refuses_changed_content(default: Scenario) -> None:
    for seed in (0, 5):
        game = play_game(new_game(default, seed), make_policy("random", stream(seed, "policy")))
        again = rebuild(default, Record.of(game, seed))
        assert again.fingerprint() == game.fingerprint() and again.ledger == game.ledger
    with pytest.raises(ScenarioMismatch, match="indo_pacific_2025"):
        rebuild(dataclasses.replace(default, content_hash="0" * 64), Record.of(new_game(default, 1), 1))


def test_turn_starts_and_a_what_if_branch(default: Scenario, data: Path) -> None:
    c = Campaign.new(default, Source.of(DEFAULT), seed=6, difficulty="hard")
    play_game(c.game, make_policy("hedge", stream(6, "policy")))
    starts = c.replayed()
    assert len(starts) == len(c.game.reports) + 1 and [s.turn for s in starts[:-1]] == list(range(1, 25))
    for start, report in zip(starts[1:], c.game.reports, strict=True):
        meters = dict(report.meters)  # a turn starts where the last ended, plus its news and headline crises
        for change in start.ledger:
            if change.turn == start.turn and change.key.startswith("meter."):
                meters[change.key.removeprefix("meter.")] = change.after
        assert start.view.meters() == meters
    assert starts[-1].fingerprint() == c.game.fingerprint()
    what_if = c.branch(10)
    assert what_if.id != c.id and what_if.game.turn == 10 and what_if.game.difficulty.id == "hard"
    assert what_if.game.fingerprint() == starts[9].fingerprint()
    n = len(what_if.game.history)
    play_turn(what_if.game, make_policy("alliance_first", stream(99, "policy")))
    assert what_if.game.history[:n] == c.game.history[:n] and what_if.game.history != c.game.history[: len(
        what_if.game.history)]


def test_an_action_taken_through_the_campaign_is_in_its_next_save(default: Scenario, data: Path) -> None:
    c = Campaign.new(default, Source.of(DEFAULT), seed=3)
    c.apply(Order("joint_drills"))
    path = c.quicksave()
    assert path is not None and json.loads(path.read_text())["log"] == ["joint_drills"]


def test_continue_skips_a_scenario_whose_newest_campaign_is_finished(default: Scenario, tutorial: Scenario,
                                                                     data: Path) -> None:
    main = play(Campaign.new(default, Source.of(DEFAULT), seed=4), 3)
    play(Campaign.new(tutorial, Source(bundled="tutorial"), seed=1), 2)  # a tutorial left half-way…
    play(Campaign.new(tutorial, Source(bundled="tutorial"), seed=2), tutorial.turns)  # …then one played to its end
    resume = saves.latest_unfinished(saves.listing()[0])
    assert resume is not None and resume.campaign == main.id  # the player moved on from the abandoned tutorial
    assert len({s.campaign for s in saves.listing()[0]}) == 3  # Load still lists all three


def test_a_save_names_its_meters_in_both_languages(default: Scenario, data: Path) -> None:
    from gaiko_game.present.saves import meters_line, started

    c = play(Campaign.new(default, Source.of(DEFAULT), seed=4), 1)
    info = saves.info(c.folder / "autosave-1.json")
    assert meters_line(info, "ja").startswith("安全保障 ") and meters_line(info, "en").startswith("Security ")
    assert started(info, "en").startswith("campaign started 20")

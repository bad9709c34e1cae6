"""Mods: the manifest, the mods folder, installing hostile zips, packing, playing a mod by id, and saves naming it."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from gaiko_game import __version__
from gaiko_game.cli.main import main
from gaiko_game.scenario.manifest import allows, game_range, read_manifest
from gaiko_game.session import modarchive, mods, saves
from gaiko_game.session.campaign import Campaign, Source, open_save
from gaiko_game.session.modarchive import Refused
from tests.conftest import NORTHERN, ROOT, load_ok

MANIFEST = ('id: northern_watch\nname: {ja: 北の見張り, en: Northern Watch}\nversion: "1.0.0"\n'
            'author: Test Author\nlicence: CC-BY-4.0\ngame: ">=0.3"\n')


def mod_folder(where: Path, manifest: str = MANIFEST, name: str = "northern_watch") -> Path:
    """A copy of the Finland fixture with a manifest: a mod's folder as a modder keeps it."""
    folder = where / name
    shutil.copytree(NORTHERN, folder)
    (folder / "mod.yaml").write_text(manifest, encoding="utf-8")
    return folder


def packed(tmp_path: Path, manifest: str = MANIFEST) -> Path:
    folder = mod_folder(tmp_path / "src", manifest)
    out = modarchive.pack(folder, tmp_path / "mod.zip").path
    return out


def zip_of(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return path


def good_entries() -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    """Every file of the fixture mod, as zip entries at the archive's top."""
    folder = NORTHERN
    out: list[tuple[str | zipfile.ZipInfo, bytes]] = [("mod.yaml", MANIFEST.encode())]
    out += [(p.relative_to(folder).as_posix(), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]
    return out


def snapshot(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


# ── the manifest ─────────────────────────────────────────────────────────

@pytest.mark.parametrize(("spec", "version", "ok"), [
    (">=0.3", "0.3.0", True), (">=0.4", "0.3.0", False), (">=0.3, <0.4", "0.3.9", True),
    (">=0.3, <0.4", "0.4", False), ("==0.3", "0.3.0", True), ("!=0.3.0", "0.3", False), (">0.2.9", "0.3.0-beta", True),
])
def test_a_game_range_compares_release_numbers(spec: str, version: str, ok: bool) -> None:
    assert allows(spec, version) is ok


@pytest.mark.parametrize("spec", ["0.3", "~=0.3", ">= x", "", ">=0.3,, <1"])
def test_a_game_range_that_cannot_be_read_allows_nothing(spec: str) -> None:
    assert game_range(spec) is None and not allows(spec, __version__)


def test_manifest_problems_are_located(tmp_path: Path) -> None:
    (tmp_path / "mod.yaml").write_text('id: x\nname: {ja: a}\nversion: "1"\nauthr: me\nlicense: MIT\ngame: "0.3"\n',
                                       encoding="utf-8")
    found = [d.format() for d in read_manifest(tmp_path, "m").diagnostics]
    assert found == ["m/mod.yaml:2:7: error[missing-field]: missing required key 'en'\n    hint: add 'en: ...' here",
                     "m/mod.yaml:1:1: error[missing-field]: missing required key 'author'\n"
                     "    hint: add 'author: ...' here",
                     "m/mod.yaml:4:1: error[unknown-key]: unknown key 'authr'\n    hint: did you mean 'author'?"]


def test_an_unreadable_game_range_is_located_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "mod.yaml").write_text(MANIFEST.replace('">=0.3"', '"0.3"'), encoding="utf-8")
    (d,) = read_manifest(tmp_path, "m").diagnostics
    assert (d.location(), d.code) == ("m/mod.yaml:6:7", "bad-version")


# ── install, list, play by id, saves ─────────────────────────────────────

def test_install_list_play_by_id_and_the_save_names_the_mod(tmp_path: Path, data: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    archive = packed(tmp_path)
    assert main(["mods", "install", str(archive), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [f"Installed “Northern Watch” version 1.0.0 (northern_watch) in "
                                f"{data / 'mods' / 'northern_watch'}.",
                                "play it with: gaiko play --scenario northern_watch"]
    assert main(["play", "--list", "--lang", "en"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[-3:] == [f"Installed mods (in {data / 'mods'}):",
                           "  northern_watch  Northern Watch 1.0.0 (by Test Author · CC-BY-4.0)",
                           "    play it with: gaiko play --scenario northern_watch"]
    assert "  indo_pacific_2025  Indo-Pacific 2025" in listed
    from gaiko_game.cli.mods import resolve_scenario

    folder = resolve_scenario(Path("northern_watch"), "en")
    assert folder == data / "mods" / "northern_watch"
    campaign = Campaign.new(load_ok(folder), Source.of(folder), seed=4)
    campaign.end_turn()
    saved = campaign.last_save
    assert saved is not None
    written = json.loads(saved.read_text(encoding="utf-8"))
    assert written["source"] == {"mod": "northern_watch", "version": "1.0.0"}
    assert campaign.record.mod == "northern_watch" and campaign.record.mod_version == "1.0.0"
    opened = open_save(saved)
    assert opened.notice is None and opened.campaign.source == Source(mod="northern_watch", version="1.0.0")


def test_play_by_the_id_of_a_mod_runs_the_text_game(tmp_path: Path, data: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    modarchive.install(packed(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["play", "--text", "--scenario", "northern_watch", "--seed", "1", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Gaikō 外交 — Northern Watch 2026"


def test_a_save_of_a_removed_mod_says_which_mod_and_version(tmp_path: Path, data: Path) -> None:
    modarchive.install(packed(tmp_path))
    folder = mods.mods_dir() / "northern_watch"
    campaign = Campaign.new(load_ok(NORTHERN), Source.of(folder), seed=2)
    path = campaign.autosave()
    assert path is not None
    modarchive.remove("northern_watch")
    with pytest.raises(saves.BadSave) as refused:
        open_save(path)
    assert refused.value.text("en") == ("This save was played on “Northern Watch 2026” from the mod “northern_watch” "
                                        "(version 1.0.0), which is not installed; install that version of the mod "
                                        "to open it.")


def test_a_save_made_on_another_version_of_the_mod_opens_with_a_note(tmp_path: Path, data: Path) -> None:
    modarchive.install(packed(tmp_path))
    folder = mods.mods_dir() / "northern_watch"
    campaign = Campaign.new(load_ok(NORTHERN), Source.of(folder), seed=2)
    path = campaign.autosave()
    assert path is not None
    newer = packed(tmp_path / "v2", MANIFEST.replace('"1.0.0"', '"1.1.0"'))
    assert modarchive.install(newer, upgrade=True).replaced == "1.0.0"
    opened = open_save(path)
    assert opened.notice is not None
    assert opened.notice.text("en") == ("This save was played on version 1.0.0 of the mod “northern_watch”; version "
                                        "1.1.0 is installed. Its rules are the same, so the game replayed as saved.")


def test_an_old_save_without_a_mod_still_loads(default: object, data: Path) -> None:
    folder = ROOT / "scenarios" / "tutorial"
    campaign = Campaign.new(load_ok(folder), Source.of(folder), seed=1)
    path = campaign.autosave()
    assert path is not None
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["source"] == {"bundled": "tutorial"}
    assert open_save(path).campaign.source == Source(bundled="tutorial")


def test_a_save_naming_a_mod_by_a_path_is_damaged(tmp_path: Path, data: Path) -> None:
    folder = ROOT / "scenarios" / "tutorial"
    campaign = Campaign.new(load_ok(folder), Source.of(folder), seed=1)
    path = campaign.autosave()
    assert path is not None
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["source"] = {"mod": "../../etc", "version": "1"}
    path.write_text(json.dumps(saved), encoding="utf-8")
    with pytest.raises(saves.BadSave) as refused:
        open_save(path)
    assert refused.value.text("en") == "autosave-1.json is damaged: 'source' is missing or wrong."


# ── hostile and invalid zips ─────────────────────────────────────────────

def _link() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("events/link.yaml")
    info.create_system, info.external_attr = 3, (stat.S_IFLNK | 0o777) << 16
    return info


def _bomb() -> zipfile.ZipInfo:
    return zipfile.ZipInfo("big.txt")


HOSTILE: dict[str, tuple[list[tuple[str | zipfile.ZipInfo, bytes]], str]] = {
    "path traversal": ([("../evil.yaml", b"x: 1")], "mod.zip: the entry “../evil.yaml” names a place outside the mod's "
                       "folder (.., an absolute path, a drive letter or a backslash); nothing was installed."),
    "absolute path": ([("/etc/evil.yaml", b"x: 1")], "mod.zip: the entry “/etc/evil.yaml” names a place outside the "
                      "mod's folder (.., an absolute path, a drive letter or a backslash); nothing was installed."),
    "drive letter": ([("C:/evil.yaml", b"x: 1")], "mod.zip: the entry “C:/evil.yaml” names a place outside the mod's "
                     "folder (.., an absolute path, a drive letter or a backslash); nothing was installed."),
    "symlink": ([(_link(), b"/etc/passwd")], "mod.zip: “events/link.yaml” is a link or a special file; a mod holds "
                "plain files only."),
    "python file": ([("plugin.py", b"import os")], "mod.zip: “plugin.py” is not data. A mod holds only YAML, JSON, "
                    "GeoJSON, Markdown, .txt, PNG and licence files — never a program or a script."),
    "too many files": ([(f"notes/{i}.txt", b"") for i in range(391)], "mod.zip holds 401 files; a mod may hold at most "
                       "400."),  # the mod's own 10 and 391 notes
    "declared-size bomb": ([(_bomb(), bytes(modarchive.MAX_FILE + 1))], "mod.zip: “big.txt” unpacks to 8,000,001 "
                           "bytes; one file may be at most 8,000,000."),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_zip_is_refused_and_the_mods_folder_is_unchanged(case: str, tmp_path: Path, data: Path) -> None:
    modarchive.install(packed(tmp_path / "first"))
    before = snapshot(mods.mods_dir())
    extra, reason = HOSTILE[case]
    archive = zip_of(tmp_path / "mod.zip", [*good_entries(), *extra])
    with pytest.raises(Refused) as refused:
        modarchive.install(archive, upgrade=True)
    assert refused.value.text("en") == reason
    assert snapshot(mods.mods_dir()) == before


def _lying(tmp_path: Path) -> Path:
    """A zip whose central directory says an entry unpacks to 10 bytes while it unpacks to 100,000."""
    archive = zip_of(tmp_path / "mod.zip", [*good_entries(), ("notes.txt", b"a" * 100_000)])
    raw = bytearray(archive.read_bytes())
    at = raw.rfind(b"PK\x01\x02")  # the last central entry: notes.txt
    raw[at + 24:at + 28] = (10).to_bytes(4, "little")
    archive.write_bytes(bytes(raw))
    return archive


def test_an_entry_that_unpacks_to_more_than_it_declares_stops_the_install(tmp_path: Path, data: Path) -> None:
    with pytest.raises(Refused) as refused:
        modarchive.install(_lying(tmp_path))
    assert refused.value.text("en") == ("mod.zip cannot be read as a zip archive (Bad CRC-32 for file 'notes.txt'); "
                                        "nothing was installed.")
    assert snapshot(mods.mods_dir()) == []


def test_bytes_are_counted_while_extracting_whatever_the_archive_declares(tmp_path: Path, data: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The second line of defence: with the declared sizes believed, the count still stops at the cap."""
    monkeypatch.setattr(modarchive, "_check_sizes", lambda file, sizes: None)
    monkeypatch.setattr(modarchive, "MAX_TOTAL", 1_000)
    with pytest.raises(Refused) as refused:
        modarchive.install(packed(tmp_path))
    assert refused.value.text("en") == ("mod.zip: “northern_watch/actions.yaml” unpacks to more than the archive "
                                        "declares (a zip bomb?); the install was stopped and nothing was installed.")
    assert snapshot(mods.mods_dir()) == []


INVALID = {
    "bad manifest": (MANIFEST.replace("author: Test Author\n", ""),
                     ["mod.zip/mod.yaml:1:1: error[missing-field]: missing required key 'author'"]),
    "incompatible game version": (MANIFEST.replace(">=0.3", ">=99.0"),
                                  [f"mod.zip/mod.yaml:6:7: error[incompatible]: this mod needs the game at >=99.0; "
                                   f"this is {__version__}"]),
    "id other than the scenario's": (MANIFEST.replace("id: northern_watch", "id: other_id"),
                                     ["mod.zip/mod.yaml:1:5: error[bad-id]: the mod's id 'other_id' is not its "
                                      "scenario's id 'northern_watch'"]),
}


@pytest.mark.parametrize("case", INVALID)
def test_a_mod_that_does_not_validate_is_refused_with_located_problems(case: str, tmp_path: Path, data: Path) -> None:
    manifest, heads = INVALID[case]
    entries = [(n, manifest.encode() if n == "mod.yaml" else b) for n, b in good_entries()]
    with pytest.raises(Refused) as refused:
        modarchive.install(zip_of(tmp_path / "mod.zip", entries))
    assert refused.value.msg.key == "mods.invalid"
    assert [d.format().split("\n")[0] for d in refused.value.problems] == heads
    assert snapshot(mods.mods_dir()) == []


def test_a_scenario_that_fails_validation_is_refused(tmp_path: Path, data: Path) -> None:
    entries = [(n, b.replace(b"turns: 8", b"turns: many") if n == "scenario.yaml" else b) for n, b in good_entries()]
    with pytest.raises(Refused) as refused:
        modarchive.install(zip_of(tmp_path / "mod.zip", entries))
    (problem,) = refused.value.problems
    assert (problem.file, problem.code) == ("mod.zip/scenario.yaml", "wrong-type")
    assert snapshot(mods.mods_dir()) == []


def test_a_second_install_of_the_same_id_needs_upgrade(tmp_path: Path, data: Path) -> None:
    archive = packed(tmp_path)
    modarchive.install(archive)
    with pytest.raises(Refused) as refused:
        modarchive.install(archive)
    assert refused.value.text("en") == ("The mod “northern_watch” is installed already (version 1.0.0); add --upgrade "
                                        "to replace it.")


def test_a_mod_may_not_take_a_bundled_scenarios_id(tmp_path: Path, data: Path) -> None:
    folder = tmp_path / "tutorial"
    shutil.copytree(ROOT / "scenarios" / "tutorial", folder)
    (folder / "mod.yaml").write_text(MANIFEST.replace("northern_watch", "tutorial"), encoding="utf-8")
    archive = modarchive.pack(folder, tmp_path / "t.zip").path
    with pytest.raises(Refused) as refused:
        modarchive.install(archive)
    assert refused.value.text("en") == "“tutorial” is the id of a bundled scenario; give the mod and its scenario an " \
                                       "id of their own."


def test_the_command_line_refuses_a_file_that_is_no_zip(tmp_path: Path, data: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notazip.zip"
    bad.write_text("hello", encoding="utf-8")
    assert main(["mods", "install", str(bad), "--lang", "en"]) == 1
    assert capsys.readouterr().err == (f"gaiko: {bad} cannot be read as a zip archive (File is not a zip file); "
                                       "nothing was installed.\n")


# ── pack ─────────────────────────────────────────────────────────────────

def test_pack_gives_the_same_bytes_twice_and_leaves_hidden_files_out(tmp_path: Path) -> None:
    folder = mod_folder(tmp_path)
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("x", encoding="utf-8")
    (folder / ".schema").mkdir()
    (folder / ".schema" / "scenario.json").write_text("{}", encoding="utf-8")
    packed = modarchive.pack(folder, tmp_path / "a.zip")
    first, n, second = packed.path, packed.files, modarchive.pack(folder, tmp_path / "b.zip").path
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert n == len(names) == 10 and names == sorted(names)
    assert names[0] == "northern_watch/actions.yaml" and "northern_watch/mod.yaml" in names
    assert {i.date_time for i in zipfile.ZipFile(first).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    mask = os.umask(0o027)
    try:  # a zip is made to be shared: it gets the mode a new file of the user gets, not a save's private 600
        third = modarchive.pack(folder, tmp_path / "c.zip").path
    finally:
        os.umask(mask)
    assert stat.S_IMODE(third.stat().st_mode) == 0o640


def test_a_packed_mod_round_trips_through_install(tmp_path: Path, data: Path) -> None:
    modarchive.install(packed(tmp_path))
    entry = mods.find_mod("northern_watch")
    assert entry is not None and entry.status == "ok" and entry.version == "1.0.0"
    assert load_ok(entry.path).content_hash == load_ok(NORTHERN).content_hash


def test_pack_refuses_a_folder_without_a_manifest_and_says_how_to_write_one(tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nw"
    shutil.copytree(NORTHERN, folder)
    assert main(["mods", "pack", str(folder), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == f"  to write a manifest to fill in: gaiko mods pack {folder} --init-manifest"
    assert main(["mods", "pack", str(folder), "--init-manifest", "--lang", "en"]) == 0
    written = (folder / "mod.yaml").read_text(encoding="utf-8")
    assert 'name: {ja: "北の見張り2026", en: "Northern Watch 2026"}' in written
    assert main(["mods", "pack", str(folder), "--lang", "en"]) == 1  # author and licence are still to fill in
    err = capsys.readouterr().err
    assert err.startswith(f"gaiko: {folder} cannot be packed yet, so nothing was written. Its problems:\n")
    assert (f"{folder}/mod.yaml:5:8: error[missing-field]: author is still blank\n"
            "    hint: write who made the mod after `author:` (your name, or your group's)\n") in err
    text = (folder / "mod.yaml").read_text(encoding="utf-8")
    (folder / "mod.yaml").write_text(text.replace("author:  ", "author: A. Modder").replace("licence:  ", "licence: MIT"),
                                     encoding="utf-8")
    (folder / "notes.yaml").write_text("draft: true\n", encoding="utf-8")
    assert main(["mods", "pack", str(folder), "--out", str(tmp_path / "nw.zip"), "--lang", "en"]) == 0
    assert f"{folder}/notes.yaml:1:1: warning[file-unused]" in capsys.readouterr().err  # packed, but said


def test_pack_refuses_a_file_that_is_not_data(tmp_path: Path) -> None:
    folder = mod_folder(tmp_path)
    (folder / "tool.py").write_text("print(1)", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        modarchive.pack(folder, tmp_path / "x.zip")
    assert refused.value.msg.key == "mods.not_data" and not (tmp_path / "x.zip").exists()


# ── layers, broken mods ──────────────────────────────────────────────────

def test_an_installed_layer_finds_its_base_among_the_bundled_scenarios(tmp_path: Path, data: Path) -> None:
    folder = tmp_path / "realist_mod"
    shutil.copytree(ROOT / "scenarios" / "indo_pacific_2025_realist", folder)
    yaml = folder / "scenario.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("id: indo_pacific_2025_realist", "id: realist_mod"),
                    encoding="utf-8")
    (folder / "mod.yaml").write_text(MANIFEST.replace("northern_watch", "realist_mod"), encoding="utf-8")
    archive = modarchive.pack(folder, tmp_path / "r.zip").path
    entry = modarchive.install(archive).entry
    assert (entry.id, entry.status) == ("realist_mod", "ok")
    assert load_ok(entry.path).assumptions[-1] == "own_capability_is_autonomy"


def test_a_broken_installed_mod_is_listed_with_its_located_problems(tmp_path: Path, data: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = mod_folder(mods.mods_dir())
    scenario = folder / "scenario.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("turns: 8", "turnz: 8"), encoding="utf-8")
    (mods.mods_dir() / "dropped.zip").write_bytes(b"PK")
    (dropped, entry) = mods.installed()
    assert (entry.id, entry.status, dropped.id, dropped.status) == ("northern_watch", "broken", "dropped.zip", "broken")
    assert [d.location() for d in entry.problems] == ["northern_watch/scenario.yaml:9:1", "northern_watch/scenario.yaml:11:1"]
    assert main(["mods", "list", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:4] == ["  dropped.zip  dropped.zip",  # sorted by name: the zip first
                        "    broken, cannot be played:",
                        "      dropped.zip: error[not-installed]: this archive is in the mods folder but not installed"]
    assert "      northern_watch/scenario.yaml:9:1: error[missing-field]: missing required key 'turns'" in out
    assert main(["play", "--scenario", "northern_watch", "--text", "--lang", "en"]) == 1


def test_a_mod_for_another_game_version_is_listed_as_incompatible(data: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    mod_folder(mods.mods_dir(), MANIFEST.replace(">=0.3", ">=99.0"))
    (entry,) = mods.installed()
    assert (entry.status, entry.needs, entry.playable) == ("incompatible", ">=99.0", False)
    assert main(["mods", "list", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[1:4] == [
        "  northern_watch  Northern Watch 1.0.0 (by Test Author · CC-BY-4.0)",
        f"    needs the game at >=99.0 (this is {__version__}), cannot be played:",
        f"      northern_watch/mod.yaml:6:7: error[incompatible]: this mod needs the game at >=99.0; this is {__version__}"]

"""Settings are remembered between runs, and a damaged file never stops the game."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko_game.ui import settings as st


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GAIKO_CONFIG_DIR", str(tmp_path))
    return tmp_path


def test_defaults_when_nothing_is_saved() -> None:
    assert st.load("en") == (st.Settings(lang="en"), None)
    assert st.load("fr")[0].lang == "ja"


def test_saved_settings_come_back(config: Path) -> None:
    st.save(st.Settings(lang="en", scale=1.5, fullscreen=True))
    assert st.load("ja") == (st.Settings("en", 1.5, True), None)
    assert not (config / "settings.json.tmp").exists()


@pytest.mark.parametrize("content", ["{not json", '{"lang": "fr"}', '[1, 2]', '{"scale": 7}', "\xff\xfe"])
def test_a_damaged_file_is_set_aside_and_defaults_are_used(config: Path, content: str) -> None:
    (config / "settings.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    loaded, warning = st.load("en")
    assert loaded == st.Settings(lang="en")
    assert warning is not None and "settings.json.bad" in warning
    assert (config / "settings.json.bad").exists() and not (config / "settings.json").exists()

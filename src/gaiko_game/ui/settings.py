"""Player settings (language, UI scale, fullscreen), remembered in the user's config folder.

A damaged settings file never stops the game: it is set aside as ``settings.json.bad``
and the defaults are used. Writes go to a temporary file first and are renamed into place.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import platformdirs

from gaiko_game.session.safefile import write_atomic

SCALES = (1.0, 1.25, 1.5, 2.0)
LANGS = ("ja", "en")


def config_dir() -> Path:
    """Where settings live: ``$GAIKO_CONFIG_DIR`` if set, else the platform's user config folder."""
    override = os.environ.get("GAIKO_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("gaiko", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """What the player chose in the settings screen."""

    lang: str = "ja"
    scale: float = 1.0
    fullscreen: bool = False
    advisor: bool = False

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _valid(data: object, default: Settings) -> Settings:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    lang = data.get("lang", default.lang)
    scale = data.get("scale", default.scale)
    fullscreen = data.get("fullscreen", default.fullscreen)
    advisor = data.get("advisor", default.advisor)
    if lang not in LANGS or scale not in SCALES or not isinstance(fullscreen, bool) or not isinstance(advisor, bool):
        raise ValueError(f"unexpected values: lang={lang!r}, scale={scale!r}, fullscreen={fullscreen!r}")
    return Settings(lang, float(scale), fullscreen, advisor)


def load(default_lang: str = "ja") -> tuple[Settings, str | None]:
    """The saved settings, and a warning when the file had to be set aside."""
    default = Settings(lang=default_lang if default_lang in LANGS else "ja")
    path = config_dir() / "settings.json"
    if not path.is_file():
        return default, None
    try:
        return _valid(json.loads(path.read_text(encoding="utf-8")), default), None
    except (OSError, ValueError, UnicodeDecodeError) as e:
        backup = path.with_name("settings.json.bad")
        with contextlib.suppress(OSError):
            path.replace(backup)
        return default, f"{path} could not be read ({e}); it was kept as {backup.name} and defaults are used"


def save(settings: Settings) -> Path:
    """Write the settings atomically; returns the file written."""
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "settings.json"
    write_atomic(path, json.dumps(asdict(settings), indent=1).encode("utf-8"))
    return path

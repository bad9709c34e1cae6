"""Files in folders the mini scenario does not have (the overlay copies files into existing folders only)."""

from pathlib import Path


def make(folder: Path) -> None:
    old = folder / "events" / "old"
    old.mkdir()
    (old / "crises.yaml").write_text(  # one folder too deep: the default glob reads events/*.yaml only
        "- id: old_crisis\n  trigger: {window: [2, 2]}\n  immediate:\n    - meter: {id: security, by: -1}\n")
    hidden = folder / ".schema"
    hidden.mkdir()
    (hidden / "scenario.yaml").write_text("kind: schema\n")  # a hidden folder (an editor's cache): never reported

"""A reproducer a file cannot hold: rules.yaml is a link to itself (a symlink loop)."""

from pathlib import Path


def make(folder: Path) -> None:
    """Replace the scenario's rules.yaml with a link that points at itself."""
    (folder / "rules.yaml").unlink()
    (folder / "rules.yaml").symlink_to("rules.yaml")

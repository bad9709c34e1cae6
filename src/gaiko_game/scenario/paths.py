"""File names a scenario gives, checked before anything is opened.

A scenario names its files in ``scenario.yaml`` and its tests name strategy files; each name must be
plain (no control characters, not too long), lead to a file inside the scenario's folder, and not go
through a link that loops. :func:`inside` answers with the path or a :class:`BadPath` saying what is
wrong in words a modder can act on.
"""

from __future__ import annotations

import errno
from pathlib import Path

MAX_NAME = 255
"""The longest file name a scenario may give, in characters (most file systems allow 255 bytes per name)."""


class BadPath(Exception):
    """A file name that cannot be used: a diagnostic code, a message and a hint."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


def short(text: str) -> str:
    """A name as shown in a message: at most 60 characters."""
    return text if len(text) <= 60 else text[:57] + "..."


def inside(folder: Path, rel: str, create_hint: str) -> Path:
    """The existing file ``rel`` names inside ``folder`` (resolved); raises :class:`BadPath` otherwise."""
    if any(ord(c) < 32 for c in rel):
        raise BadPath("bad-path", f"the file name {short(rel)!r} holds a control character (a NUL byte, say)",
                      "use a plain file name inside the scenario folder, e.g. events/crises.yaml")
    if len(rel) > MAX_NAME or any(len(part.encode()) > MAX_NAME for part in rel.split("/")):
        raise BadPath("bad-path", f"the file name is {len(rel):,} characters long; the limit is {MAX_NAME}",
                      "use a plain file name inside the scenario folder, e.g. events/crises.yaml")
    root = folder.resolve()
    try:
        path = (folder / rel).resolve()
        if path.is_relative_to(root):
            path.resolve(strict=True)
    except FileNotFoundError:
        pass
    except (OSError, RuntimeError) as e:  # a link that loops (RuntimeError before Python 3.13), or a name refused
        loops = isinstance(e, RuntimeError) or getattr(e, "errno", None) == errno.ELOOP
        why = "is a link that leads back to itself" if loops else f"cannot be opened ({getattr(e, 'strerror', e)})"
        raise BadPath("bad-path", f"'{short(rel)}' {why}", "replace the link with the file itself") from None
    if not path.is_relative_to(root):
        raise BadPath("path-outside", f"'{short(rel)}' is outside the scenario folder",
                      "every file a scenario names must be inside its own folder")
    if not path.is_file():
        raise BadPath("missing-file", f"'{short(rel)}' {'is not a file' if path.exists() else 'does not exist'}",
                      create_hint)
    return path

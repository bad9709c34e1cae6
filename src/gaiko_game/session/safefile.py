"""Writing a file so that a failure never costs what was there before.

Every file the game writes for a player (saves, settings, debrief pictures) goes through
:func:`write_atomic`: the bytes go to a new temporary file beside the target, created exclusively
under a unique name (so a planted link of a predictable name is never opened), are synced to disk
and checked to have landed in full, and only then replace the target in one rename. A full disk
(ENOSPC), a read-only folder (EROFS, EACCES) or any other ``OSError`` leaves the old file as it was
and no temporary file behind, and is raised for the caller to tell the player.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, shared: bool = False) -> None:
    """Replace ``path`` with ``data`` all at once, or not at all (raises ``OSError``; the old file is kept).

    The file is private to the user (mode 600, as the temporary file is made), unless it is ``shared``: a file made to
    be handed on (a mod's zip, a print kit, a class's CSV, a screenshot) gets the mode any new file of the user gets.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if shared:
            os.chmod(fd if os.chmod in os.supports_fd else tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            if os.fstat(f.fileno()).st_size != len(data):  # a short write that reported no error
                raise OSError(f"only {os.fstat(f.fileno()).st_size} of {len(data)} bytes reached {path}")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)


def _umask() -> int:
    """The process's umask (reading it means setting it: it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (a folder cannot be opened on Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

"""Start `gaiko class` as a real process on loopback for a test or a bench, and stop it after.

The server prints its addresses; this reads the console's and the room code from them. Only 127.0.0.1 is
ever used, on a free port the server picks itself.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ADDRESS = re.compile(r"(http://127\.0\.0\.1:\d+)/teacher#(\S+)")
CODE = re.compile(r"/\?c=([A-Z]+)")


@dataclass
class Running:
    """A server started for a test: its process, base address, teacher token, room code and session file."""

    process: subprocess.Popen[str]
    base: str
    teacher: str
    code: str
    session: Path

    @property
    def ws(self) -> str:
        return self.base.replace("http://", "ws://") + "/ws"

    def kill(self) -> None:
        """Stop it at once (SIGKILL: no chance to save anything on the way out)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)


def start(session: Path, *args: str, resume: bool = False, timeout: float = 60.0) -> Running:
    """Start a server writing ``session`` (or resuming from it) and wait until it prints its addresses."""
    cmd = [sys.executable, "-m", "gaiko_game", "class", "--host", "127.0.0.1", "--port", "0", "--no-browser",
           "--lang", "en", *(["--resume", str(session)] if resume else ["--session", str(session)]), *args]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    assert proc.stdout is not None
    seen, end = [], time.monotonic() + timeout
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        m = ADDRESS.search(line)
        if m:
            code = next(c.group(1) for c in map(CODE.search, seen) if c)
            running = Running(proc, m.group(1), m.group(2), code, session)
            _wait_until_listening(running, end)
            return running
    proc.kill()
    raise RuntimeError("gaiko class did not start:\n" + "".join(seen))


def _wait_until_listening(running: Running, end: float) -> None:
    import urllib.request

    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(running.base + "/api/strings", timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gaiko class printed its address but does not answer")


@contextmanager
def serving(session: Path, *args: str, resume: bool = False) -> Iterator[Running]:
    """A running server for the length of a ``with`` block; stopped (Ctrl+C, then killed) after it."""
    running = start(session, *args, resume=resume)
    try:
        yield running
    finally:
        if running.process.poll() is None:
            running.process.send_signal(signal.SIGINT)
            try:
                running.process.wait(10)
            except subprocess.TimeoutExpired:
                running.process.kill()
                running.process.wait(10)
        if running.process.stdout is not None:
            running.process.stdout.close()

"""Seeded mutation fuzzing of scenario folders and save files (issue 11, item 4), shared by the fast tier
(``tests/test_fuzz.py``) and the big run (``bench/fuzz.py``).

Every case is a number. Its random source is ``random.Random(f"gaiko-fuzz:<kind>:<seed>:<number>")``, so a case
is the same wherever and however often it runs: ``python bench/fuzz.py --scenario-case N`` replays one.

**Scenario cases.** Each worker copies the bundled scenarios (and the test-only ``northern_watch``) into a
temporary folder once. A case picks one of them, applies 1–3 named mutations (:data:`SCENARIO_MUTATIONS`: bytes
and text, YAML oddities, edits of the parsed tree, the ``files`` lists, the file system), loads the folder with
``loader.load`` and, when it validates, plays one whole game with the seeded random policy. The touched files are
restored afterwards. Stages: ``traceback`` (the load raised), ``refused`` (errors), ``validated``, ``played``,
``play-traceback`` (the game raised), ``hang`` (over the time limit), ``memory`` (MemoryError under the worker's
address-space cap), ``crash`` (the worker process died). Besides its stage a case can be ``unlocated`` (a
diagnostic with no line; ``unlocated-whole-file`` when the file it names is missing, a link, a folder or a FIFO),
``slow`` (over :data:`SLOW_SECONDS`), ``outside-file`` (a diagnostic naming a file
outside the folder) or ``inconsistent`` (refused without an error, or ``ok`` with one).

**Save cases.** Each worker plays a few real games (both bundled scenarios, the fixture scenario from a folder, a
finished game, two stopped mid-crisis, difficulties other than the default) and writes them with
``saves.write_slot``. A case damages one (:data:`SAVE_MUTATIONS`), writes it alone into a fresh saves folder and
opens it through every door: ``saves.read``, ``saves.info``, ``saves.listing()`` and ``campaign.open_save``. A
door may refuse (``BadSave``, or any subclass of it) or answer; anything else is a ``traceback``. An opened save
is compared with the original game by its state hash, and the folder its next autosave would go to must lie
inside the saves folder. A save played on a folder is opened a second time naming that folder, as the player
would (``open_save(path, folder)``).
"""

from __future__ import annotations

import contextlib
import copy
import json
import multiprocessing
import multiprocessing.connection
import os
import random
import re
import resource
import shutil
import signal
import stat
import statistics
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gaiko_game.core import Scenario
from gaiko_game.scenario.loader import load
from gaiko_game.session import saves
from gaiko_game.session.campaign import Campaign, Source, open_save
from gaiko_game.session.policies import RandomPolicy, play_turn
from gaiko_game.session.record import state_hash
from gaiko_game.session.seeding import new_game, stream
from gaiko_game.session.simulate import run_one

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "gaiko_game"
SOURCES: dict[str, Path] = {
    "tutorial": ROOT / "scenarios" / "tutorial",
    "indo_pacific_2025": ROOT / "scenarios" / "indo_pacific_2025",
    "northern_watch": ROOT / "tests" / "fixtures" / "northern_watch",
}
ALL_SOURCES = tuple(SOURCES)
FAST_SOURCES = ("tutorial", "northern_watch")
"""The fast tier's scenarios: the small ones (the default scenario takes longer to load)."""

MAX_WRITE = 2_000_000
"""No file the fuzzer writes is larger than this (2 MB)."""
SLOW_SECONDS = 5.0
"""A case that takes longer than this is ``slow``."""
TIMEOUT = 20.0
"""A case still running after this many seconds is stopped and recorded as a ``hang``."""
MEMORY_CAP = 4 * 2**30
"""Each worker's address-space cap (``RLIMIT_AS``): a blow-up is a ``MemoryError``, not a swapping machine."""
FAILURES = ("traceback", "play-traceback", "hang", "memory", "crash", "unlocated", "unlocated-whole-file", "slow",
            "outside-file", "inconsistent", "different-game", "writes-outside", "file-changed", "listing-disagrees",
            "fuzzer-error")
"""Every kind of failure, in the order reports list them. ``unlocated``: a diagnostic with no line about a regular
file, which it could point into; ``unlocated-whole-file``: one about a file that is missing, a link, a folder or a
FIFO (``scenario.yaml`` deleted, say), where there is no line to give. ``writes-outside``: a save opened as a
campaign whose saves folder (where its next autosave is written) lies outside the saves folder."""
MUST_NOT = ("traceback", "play-traceback", "hang", "memory", "crash", "unlocated", "outside-file", "inconsistent",
            "different-game", "file-changed", "fuzzer-error")
"""The failures the test tiers assert never happen (``slow`` depends on the machine's load; the whole-file
unlocated and listing disagreements are reported for judgement; ``writes-outside`` has its own, expected-to-fail
test until saves check the campaign id)."""


def case_rng(kind: str, seed: int, n: int) -> random.Random:
    """The random source of one case (a string seed: the same in every process and Python run)."""
    return random.Random(f"gaiko-fuzz:{kind}:{seed}:{n}")


class CaseTimeout(BaseException):
    """Raised by the alarm inside a case that runs too long (a BaseException, so no ``except Exception`` eats it)."""


class FuzzerError(Exception):
    """The fuzzer's own mutation could not be made (not a finding about the game)."""


class Skipped(Exception):
    """A mutation that cannot apply to what earlier mutations left (a file inside a folder that is now a link)."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`CaseTimeout` in the main thread after ``seconds`` (no limit off the main thread or at 0)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise CaseTimeout(f"still running after {seconds:g} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def cap_memory(limit: int = MEMORY_CAP) -> None:
    """Cap this process's address space (a worker's, or a replay's), never raising the hard limit."""
    with contextlib.suppress(ValueError, OSError):
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


def _frame(fs: traceback.FrameSummary) -> str:
    name = fs.filename
    with contextlib.suppress(ValueError):
        name = str(Path(name).relative_to(ROOT))
    return f"{name}:{fs.lineno} in {fs.name}"


def describe_exception(e: BaseException) -> dict[str, str]:
    """The exception's type and message, its last frame, its last frame in the game's code, and the traceback."""
    frames = traceback.extract_tb(e.__traceback__)
    ours = [f for f in frames if f.filename.startswith(str(SRC))]
    text = "".join(traceback.format_exception(type(e), e, e.__traceback__, limit=-12))
    message = str(e).replace("\n", " ")
    return {"exception": f"{type(e).__name__}: {message[:300]}",
            "where": _frame(frames[-1]) if frames else "?",
            "where_src": _frame(ours[-1]) if ours else (_frame(frames[-1]) if frames else "?"),
            "signature": f"{type(e).__name__} @ {_frame(ours[-1]) if ours else (_frame(frames[-1]) if frames else '?')}",
            "traceback": text[-6000:]}


# ── a worker's copies of the scenarios ─────────────────────────────────────────────────────────────


def _remove(path: Path) -> None:
    """Remove whatever is at ``path`` (file, link, FIFO or folder) without following links; never opens it."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(st.st_mode):
        shutil.rmtree(path)
    else:
        path.unlink()


def _listing(folder: Path) -> set[tuple[str, str]]:
    """Every entry under ``folder`` and its kind, without following links or opening anything."""
    out: set[tuple[str, str]] = set()
    for here, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            p = Path(here) / name
            mode = os.lstat(p).st_mode
            kind = "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"
            out.add((str(p.relative_to(folder)), kind))
    return out


def copy_tree_safely(src: Path, dst: Path) -> None:
    """Copy a (mutated) folder as it is: links stay links, FIFOs are made anew (never opened)."""
    dst.mkdir(parents=True, exist_ok=True)
    for entry in sorted(src.iterdir()):
        target = dst / entry.name
        mode = os.lstat(entry).st_mode
        if stat.S_ISLNK(mode):
            os.symlink(os.readlink(entry), target)
        elif stat.S_ISDIR(mode):
            copy_tree_safely(entry, target)
        elif stat.S_ISFIFO(mode):
            os.mkfifo(target)
        elif stat.S_ISREG(mode):
            target.write_bytes(entry.read_bytes())


class Workspace:
    """One worker's copy of one scenario folder, restored file by file after each case."""

    def __init__(self, name: str, source: Path, root: Path) -> None:
        self.name, self.source, self.root = name, source, root
        self.folder = root / name
        _remove(self.folder)
        shutil.copytree(source, self.folder)
        self.snapshot: dict[str, bytes] = {}
        self.dirs: set[str] = set()
        for p in sorted(self.folder.rglob("*")):
            rel = str(p.relative_to(self.folder))
            if p.is_dir():
                self.dirs.add(rel)
            else:
                self.snapshot[rel] = p.read_bytes()
        self.pristine = _listing(self.folder)
        self.touched: set[str] = set()
        self.outside = root / "outside"
        self.parsed: dict[str, Any] = {}
        for rel, raw in self.snapshot.items():
            if rel.endswith(".yaml"):
                self.parsed[rel] = yaml.safe_load(raw.decode("utf-8"))
        scenario = self.parsed["scenario.yaml"]
        self.files_section: dict[str, Any] = scenario.get("files", {}) if isinstance(scenario, dict) else {}
        self.targets = sorted(rel for rel in self.snapshot if rel.endswith(".yaml") and rel != "tests.yaml")
        """The files the loader reads (``tests.yaml`` is for ``gaiko test``, not the loader)."""

    def path(self, rel: str) -> Path:
        return self.folder / rel

    def touch(self, rel: str) -> None:
        """Remember that ``rel`` (a file or folder) is about to change; refuses (:class:`Skipped`) when a folder on
        the way is no longer a real folder, so that nothing is ever written through a link to outside."""
        here = self.folder
        for part in Path(rel).parts[:-1]:
            here = here / part
            try:
                mode = os.lstat(here).st_mode
            except FileNotFoundError:
                break
            if not stat.S_ISDIR(mode):
                raise Skipped(f"{here.relative_to(self.folder)} is no longer a folder")
        self.touched.add(rel)

    def current(self, rel: str) -> bytes:
        """The file's bytes now (its original when it is no longer a readable regular file)."""
        p = self.path(rel)
        try:
            if stat.S_ISREG(os.lstat(p).st_mode):
                return p.read_bytes()
        except OSError:
            pass
        return self.snapshot.get(rel, b"")

    def write(self, rel: str, data: bytes) -> None:
        if len(data) > MAX_WRITE:
            raise Skipped(f"{rel} would be {len(data):,} bytes, over the fuzzer's own {MAX_WRITE:,}-byte cap")
        self.touch(rel)
        p = self.path(rel)
        with contextlib.suppress(OSError):
            if not stat.S_ISREG(os.lstat(p).st_mode):
                _remove(p)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)

    def restore(self) -> None:
        """Put every touched file back; a full rebuild when anything else differs from the original listing."""
        for rel in sorted(self.touched, key=lambda r: r.count("/")):
            p = self.path(rel)
            _remove(p)
            if rel in self.dirs:
                for d in sorted(x for x in self.dirs if x == rel or x.startswith(rel + "/")):
                    self.path(d).mkdir(parents=True, exist_ok=True)
                for f, raw in self.snapshot.items():
                    if f.startswith(rel + "/"):
                        self.path(f).write_bytes(raw)
            elif rel in self.snapshot:
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(self.snapshot[rel])
        self.touched.clear()
        if _listing(self.folder) != self.pristine or any(self.path(r).read_bytes() != b for r, b in self.snapshot.items()):
            self.rebuild()  # something changed that no mutation said it touched: start again from the copy

    def rebuild(self) -> None:
        _remove(self.folder)
        for d in sorted(self.dirs):
            self.path(d).mkdir(parents=True, exist_ok=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        for rel, raw in self.snapshot.items():
            self.path(rel).write_bytes(raw)


def make_outside(root: Path) -> Path:
    """A folder next to the workspaces, for links and ``../`` entries that leave the scenario: valid files."""
    outside = root / "outside"
    if not outside.is_dir():
        outside.mkdir(parents=True)
        tutorial = SOURCES["tutorial"]
        (outside / "valid.yaml").write_bytes((tutorial / "actors.yaml").read_bytes())
        shutil.copytree(tutorial / "events", outside / "events")
        shutil.copytree(tutorial / "loc", outside / "loc")
    return outside


# ── scenario mutations ──────────────────────────────────────────────────────────────────────────────

_AFTER = r"(?:(?<=: )|(?<=- )|(?<=\[)|(?<=, ))"
_VALUE = re.compile(_AFTER + r"""(?:"(?:[^"\\\n]|\\.)*"|"""  # a double-quoted text, or a plain value
                    r"""[^\s,{}\[\]#"'|>&*!](?:[^,{}\[\]\n:#]|:(?! ))*?(?=\s*(?:[,}\]]|\s#|$)))""", re.M)
_NUMBER = re.compile(_AFTER + r"-?\d+(?:\.\d+)?(?=\s*(?:[,}\]]|\s#|$))", re.M)

BIG_INT = "9" * 5000
HUGE_NUMBERS = ["1e308", "-1e308", "1e309", str(2**63), str(2**64), str(-(2**63) - 1), BIG_INT, "-" + BIG_INT,
                "0x" + "f" * 40, "1" + "0" * 400]
NAN_INF = [".nan", ".inf", "-.inf", ".NaN", "+.INF", "nan", "inf"]
UNICODE_ODDITIES = ["\u202e", "\u200d", "１２", "\u2028", "\x85", "🇯🇵", "👨\u200d👩\u200d👧", "e\u0301", "\u200b",
                    "\ufeff", "\uffff", "\U0010ffff", "\u00a0", "İ", "ß", "\u2029", "\x7f", "\x1b[31m"]
YAML_TAGS = ['!!python/object/apply:os.system ["true"]', "!!python/name:os.system", "!!binary aGVsbG8=",
             "!!timestamp soon", "!!timestamp 2025-01-01", "!!int five", "!!float x", "!!bool maybe", "!!set {a}",
             "!!omap [a: 1]", "!!str 5", "!!null x", "!custom thing", "!<tag:example.com,2000:app/foo> bar"]
DATE_LIKE = ["2025-13-01", "2025-01-01", "2025-02-30", "2001-12-14 25:61:00", "2025-01-01T00:00:00Z",
             "2025-01-01t10:00:00.5-05:00", "0000-00-00", "9999-99-99"]
YAML11_NUMBERS = ["190:20:30", "1:30", "0o17", "0b101", "0777", "1_000", "+1", "1e3", "0x1F", ".5", "1.", "-.0"]
RETYPES: list[Any] = [None, True, False, "text", "", 5, 0, -1, 2.5, [], {}, [1, 2], {"a": 1}, [[]], "5", "true"]
ODD_NAMES = ["", ".", "..", "events", "loc/", "scenario.yaml", "~/x.yaml", "C:\\x.yaml", "events/*.yaml",
             "a b.yaml", "ACTORS.YAML", "actors.yaml ", "./actors.yaml", "actors.yaml/"]


@dataclass
class Applied:
    """One mutation applied in a case."""

    kind: str
    file: str
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "file": self.file, "detail": self.detail}


class Mutator:
    """Applies named mutations to a workspace, choosing everything from the case's random source."""

    def __init__(self, ws: Workspace, rng: random.Random) -> None:
        self.ws, self.rng = ws, rng

    # helpers
    def pick(self) -> str:
        return self.rng.choice(self.ws.targets)

    def text(self, rel: str) -> str:
        return self.ws.current(rel).decode("utf-8", "surrogateescape")

    def put(self, rel: str, text: str) -> None:
        self.ws.write(rel, text.encode("utf-8", "surrogateescape"))

    def short(self, s: str) -> str:
        s = s if len(s) <= 40 else f"{s[:30]}…({len(s):,} chars)"
        return s.encode("unicode_escape").decode("ascii")

    def span(self, text: str, numbers: bool = False) -> tuple[int, int] | None:
        """A random scalar value's position (a number's when ``numbers``, falling back to any value)."""
        found = list((_NUMBER if numbers else _VALUE).finditer(text))
        if not found and numbers:
            found = list(_VALUE.finditer(text))
        if not found:
            return None
        m = self.rng.choice(found)
        return m.start(), m.end()

    def replace_value(self, rel: str, new: str, numbers: bool = False) -> str:
        text = self.text(rel)
        where = self.span(text, numbers)
        if where is None:
            self.put(rel, text + f"\nfuzz: {new}\n")
            return f"appended 'fuzz: {self.short(new)}'"
        a, b = where
        self.put(rel, text[:a] + new + text[b:])
        return f"line {text.count(chr(10), 0, a) + 1}: {self.short(text[a:b])!s} -> {self.short(new)}"

    def insert_bytes(self, rel: str, raw: bytes) -> str:
        data = self.ws.current(rel)
        i = self.rng.randrange(len(data) + 1)
        self.ws.write(rel, data[:i] + raw + data[i:])
        return f"inserted {raw!r} at byte {i}"

    def lines(self, rel: str) -> list[str]:
        return self.text(rel).split("\n")

    def tree(self, rel: str) -> tuple[Any, str]:
        """The file's parsed content now, or its original when the current text does not parse plainly."""
        text = self.text(rel)
        if rel in self.ws.touched and len(text) < 1_000_000 and "&" not in text and "*" not in text:
            try:
                return yaml.safe_load(text), ""
            except Exception:  # noqa: BLE001 - any failure to parse: use the original instead
                pass
        if rel in self.ws.parsed:
            return copy.deepcopy(self.ws.parsed[rel]), (" (on the original text)" if rel in self.ws.touched else "")
        raise FuzzerError(f"{rel} has no parsed original")

    def dump(self, rel: str, data: Any, note: str, detail: str) -> str:
        self.put(rel, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9))
        return detail + note

    def paths(self, data: Any) -> list[tuple[tuple[Any, ...], Any]]:
        out: list[tuple[tuple[Any, ...], Any]] = []
        stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
        while stack and len(out) < 200_000:
            path, value = stack.pop()
            out.append((path, value))
            if isinstance(value, dict):
                stack += [((*path, k), v) for k, v in value.items()]
            elif isinstance(value, list):
                stack += [((*path, i), v) for i, v in enumerate(value)]
        return out

    def at(self, data: Any, path: tuple[Any, ...]) -> Any:
        for k in path:
            data = data[k]
        return data

    # byte and text mutations
    def byte_flip(self, rel: str) -> str:
        data = bytearray(self.ws.current(rel))
        if not data:
            data = bytearray(b" ")
        spots = sorted(self.rng.randrange(len(data)) for _ in range(self.rng.randint(1, 8)))
        for i in spots:
            data[i] ^= self.rng.randrange(1, 256)
        self.ws.write(rel, bytes(data))
        return f"bytes {spots} flipped"

    def truncate(self, rel: str) -> str:
        data = self.ws.current(rel)
        cut = self.rng.randrange(len(data) + 1)
        self.ws.write(rel, data[:cut])
        return f"cut at byte {cut} of {len(data)}"

    def delete_lines(self, rel: str) -> str:
        lines = self.lines(rel)
        i, k = self.rng.randrange(len(lines)), self.rng.randint(1, 3)
        del lines[i : i + k]
        self.put(rel, "\n".join(lines))
        return f"lines {i + 1}..{i + k} deleted"

    def duplicate_lines(self, rel: str) -> str:
        lines = self.lines(rel)
        i, k = self.rng.randrange(len(lines)), self.rng.randint(1, 5)
        lines[i + k : i + k] = lines[i : i + k]
        self.put(rel, "\n".join(lines))
        return f"lines {i + 1}..{i + k} duplicated"

    def swap_lines(self, rel: str) -> str:
        lines = self.lines(rel)
        i, j = self.rng.randrange(len(lines)), self.rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        self.put(rel, "\n".join(lines))
        return f"lines {i + 1} and {j + 1} swapped"

    def huge_number(self, rel: str) -> str:
        return self.replace_value(rel, self.rng.choice(HUGE_NUMBERS), numbers=True)

    def nan_inf(self, rel: str) -> str:
        return self.replace_value(rel, self.rng.choice(NAN_INF), numbers=True)

    def negative(self, rel: str) -> str:
        text = self.text(rel)
        where = self.span(text, numbers=True)
        if where is None:
            return self.replace_value(rel, "-1")
        a, b = where
        old = text[a:b]
        new = self.rng.choice([old[1:] if old.startswith("-") else "-" + old, "-1", "-0", "-2147483649", "-0.0001"])
        self.put(rel, text[:a] + new + text[b:])
        return f"line {text.count(chr(10), 0, a) + 1}: {old} -> {new}"

    def long_string(self, rel: str) -> str:
        new = self.rng.choice(["x" * 100_000, "あ" * 100_000, '"' + "y" * 100_000 + '"', "id_" + "a" * 100_000])
        return self.replace_value(rel, new)

    def unicode(self, rel: str) -> str:
        odd = self.rng.choice(UNICODE_ODDITIES)
        text = self.text(rel)
        where = self.span(text, numbers=self.rng.random() < 0.2)
        if where is None:
            self.put(rel, odd + text)
            return f"{self.short(odd)} at the start"
        a, b = where
        if odd == "１２" and self.rng.random() < 0.5:
            new = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text[a:b]) or odd
        else:
            i = self.rng.randint(a, b)
            new = text[a:i] + odd + text[i:b]
        self.put(rel, text[:a] + new + text[b:])
        return f"line {text.count(chr(10), 0, a) + 1}: {self.short(text[a:b])} -> {self.short(new)}"

    def yaml_tag(self, rel: str) -> str:
        return self.replace_value(rel, self.rng.choice(YAML_TAGS))

    def date_like(self, rel: str) -> str:
        return self.replace_value(rel, self.rng.choice(DATE_LIKE), numbers=self.rng.random() < 0.5)

    def yaml11_number(self, rel: str) -> str:
        return self.replace_value(rel, self.rng.choice(YAML11_NUMBERS), numbers=True)

    def undefined_alias(self, rel: str) -> str:
        if self.rng.random() < 0.8:
            return self.replace_value(rel, self.rng.choice(["*nowhere", "*a", "[*x, 1]", "{b: *c}"]))
        lines = self.lines(rel)
        i = self.rng.randrange(len(lines))
        indent = len(lines[i]) - len(lines[i].lstrip(" "))
        lines.insert(i, " " * indent + "<<: *nowhere")
        self.put(rel, "\n".join(lines))
        return f"'<<: *nowhere' inserted at line {i + 1}"

    def tabs(self, rel: str) -> str:
        lines = self.lines(rel)
        indented = [i for i, line in enumerate(lines) if line.startswith(" ")] or [0]
        i = self.rng.choice(indented)
        if self.rng.random() < 0.5:
            lines[i] = "\t" + lines[i].lstrip(" ")
            what = "indentation replaced by a tab"
        else:
            lines[i] = lines[i].replace(": ", ":\t", 1) + "\t"
            what = "tab after the colon and at the end"
        self.put(rel, "\n".join(lines))
        return f"line {i + 1}: {what}"

    def bom(self, rel: str) -> str:
        data = self.ws.current(rel)
        where = self.rng.choice(["start", "twice", "middle", "utf16-bom"])
        if where == "start":
            self.ws.write(rel, b"\xef\xbb\xbf" + data)
        elif where == "twice":
            self.ws.write(rel, b"\xef\xbb\xbf\xef\xbb\xbf" + data)
        elif where == "utf16-bom":
            self.ws.write(rel, b"\xff\xfe" + data)
        else:
            return "BOM " + self.insert_bytes(rel, b"\xef\xbb\xbf")
        return f"BOM: {where}"

    def newlines(self, rel: str) -> str:
        text = self.text(rel)
        how = self.rng.choice(["crlf", "cr", "one-cr", "mixed"])
        if how == "crlf":
            text = text.replace("\n", "\r\n")
        elif how == "cr":
            text = text.replace("\n", "\r")
        elif how == "one-cr":
            i = text.find("\n", self.rng.randrange(len(text) + 1))
            text = text if i < 0 else text[:i] + "\r" + text[i + 1 :]
        else:
            text = "".join(c if c != "\n" else self.rng.choice(["\n", "\r\n", "\r"]) for c in text)
        self.put(rel, text)
        return how

    def nul(self, rel: str) -> str:
        if self.rng.random() < 0.2:
            self.ws.write(rel, self.ws.current(rel) + b"\x00")
            return "NUL appended"
        return self.insert_bytes(rel, self.rng.choice([b"\x00", b"\x00\x00\x00", b"a\x00b"]))

    def invalid_utf8(self, rel: str) -> str:
        return self.insert_bytes(rel, self.rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf",
                                                       b"\xf4\x90\x80\x80", b"\x80", b"\xfe\xfe"]))

    def utf16(self, rel: str) -> str:
        enc = self.rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1"])
        self.ws.write(rel, self.text(rel).encode(enc, "replace"))
        return f"re-encoded as {enc}"

    def empty(self, rel: str) -> str:
        content = self.rng.choice([b"", b"\n", b"~\n", b"---\n", b"# only a comment\n", b"[]\n", b"{}\n", b"null\n",
                                   b"   ", b"...\n"])
        self.ws.write(rel, content)
        return f"file is now {content!r}"

    def deep_nesting(self, rel: str) -> str:
        depth = self.rng.choice([41, 200, 10_000])
        shape = self.rng.choice(["[", "{a: "])
        close = "]" if shape == "[" else "}"
        detail = self.replace_value(rel, shape * depth + "1" + close * depth)
        return f"{depth} levels of '{shape}': {detail}"

    def wide_list(self, rel: str) -> str:
        n = self.rng.choice([1_000, 100_000, 300_000])
        detail = self.replace_value(rel, "[" + ",".join(["0"] * n) + "]")
        return f"a flow list of {n:,} values (no aliases): {detail}"

    def billion_laughs(self, rel: str) -> str:
        levels = ['lol0: &a0 ["lol"]'] + [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
        bomb = "\n".join(levels) + "\n"
        top = self.ws.parsed.get(rel)
        how = self.rng.choice(["whole", "appended"])
        if how == "whole":
            self.put(rel, bomb)
        elif isinstance(top, list):
            self.put(rel, self.text(rel).rstrip("\n") + "\n- {" + ", ".join(levels) + "}\n")
        else:
            self.put(rel, self.text(rel).rstrip("\n") + "\n" + bomb)
        return f"billion laughs ({how})"

    def second_document(self, rel: str) -> str:
        extra = self.rng.choice(["a: 1\n", "- x\n", self.text(rel), ""])
        end = self.rng.choice(["---\n", "...\n---\n", "...\njunk\n"])
        self.put(rel, self.text(rel).rstrip("\n") + "\n" + end + extra)
        return f"second document after {end.strip()!r} ({len(extra)} chars)"

    def huge_key(self, rel: str) -> str:
        n = self.rng.choice([1025, 200_000])
        key = "k" * n
        top = self.ws.parsed.get(rel)
        quoted = self.rng.random() < 0.5
        shown = f'"{key}"' if quoted else key
        line = f"- {{{shown}: 1}}" if isinstance(top, list) else f"{shown}: 1"
        self.put(rel, self.text(rel).rstrip("\n") + "\n" + line + "\n")
        return f"{n:,}-character key appended ({'quoted' if quoted else 'plain'})"

    def over_cap(self, rel: str) -> str:
        data = self.ws.current(rel)
        target = self.rng.randint(1_000_001, 1_900_000)
        pad = b"\n" + b"# padding\n" * max(0, (target - len(data)) // 10)
        self.ws.write(rel, data + pad)
        return f"padded with comments to {len(data) + len(pad):,} bytes"

    # tree edits
    def delete_key(self, rel: str) -> str:
        data, note = self.tree(rel)
        keyed = [(p, v) for p, v in self.paths(data) if isinstance(v, dict) and v]
        if not keyed:
            return "no mapping, instead: " + self.empty(rel)
        path, d = self.rng.choice(keyed)
        key = self.rng.choice(list(d))
        del d[key]
        return self.dump(rel, data, note, f"deleted {self.short(str(key))} at {list(path)}")

    def duplicate_item(self, rel: str) -> str:
        data, note = self.tree(rel)
        lists = [(p, v) for p, v in self.paths(data) if isinstance(v, list) and v]
        if not lists:
            return "no list, instead: " + self.delete_key(rel)
        path, lst = self.rng.choice(lists)
        i = self.rng.randrange(len(lst))
        lst.insert(self.rng.randrange(len(lst) + 1), copy.deepcopy(lst[i]))
        return self.dump(rel, data, note, f"item {i} of {list(path)} duplicated")

    def retype(self, rel: str) -> str:
        data, note = self.tree(rel)
        spots = [p for p, _ in self.paths(data) if p]
        if not spots:
            return self.dump(rel, self.rng.choice(RETYPES), note, "whole file retyped")
        path = self.rng.choice(spots)
        parent = self.at(data, path[:-1])
        old = parent[path[-1]]
        new = self.rng.choice([r for r in RETYPES if type(r) is not type(old)] or RETYPES)
        parent[path[-1]] = copy.deepcopy(new)
        return self.dump(rel, data, note, f"{list(path)}: {self.short(repr(old))} -> {new!r}")

    def unknown_key(self, rel: str) -> str:
        data, note = self.tree(rel)
        maps = [(p, v) for p, v in self.paths(data) if isinstance(v, dict)]
        if not maps:
            return "no mapping, instead: " + self.retype(rel)
        path, d = self.rng.choice(maps)
        known = [k for k in d if isinstance(k, str)]
        base = self.rng.choice(known) if known else "colour"
        key = self.rng.choice([base + "s", base[:-1] if len(base) > 1 else "x", base.upper(), "descripton", "_" + base,
                               "follow-up", "effect", "x" * 300])
        d[key] = self.rng.choice(RETYPES)
        return self.dump(rel, data, note, f"key {self.short(key)!r} added at {list(path)}")

    def near_miss_id(self, rel: str) -> str:
        data, note = self.tree(rel)
        ids = [p for p, v in self.paths(data) if p and isinstance(v, str) and re.fullmatch(r"[a-z][a-z0-9_.]{2,60}", v)]
        if not ids:
            return "no id, instead: " + self.retype(rel)
        path = self.rng.choice(ids)
        parent = self.at(data, path[:-1])
        old: str = parent[path[-1]]
        i = self.rng.randrange(len(old))
        how = self.rng.choice(["drop", "swap", "change", "double", "case"])
        if how == "drop":
            new = old[:i] + old[i + 1 :]
        elif how == "swap" and i + 1 < len(old):
            new = old[:i] + old[i + 1] + old[i] + old[i + 2 :]
        elif how == "double":
            new = old[:i] + old[i] + old[i:]
        elif how == "case":
            new = old.capitalize()
        else:
            new = old[:i] + self.rng.choice("abcdefghijklmnopqrstuvwxyz_") + old[i + 1 :]
        parent[path[-1]] = new
        return self.dump(rel, data, note, f"{list(path)}: {old!r} -> {new!r}")

    def nudge_numbers(self, rel: str) -> str:
        data, note = self.tree(rel)
        nums = [p for p, v in self.paths(data) if p and isinstance(v, (int, float)) and not isinstance(v, bool)]
        if not nums:
            return "no number, instead: " + self.retype(rel)
        changed = []
        for path in self.rng.sample(nums, min(len(nums), self.rng.randint(1, 5))):
            parent = self.at(data, path[:-1])
            old = parent[path[-1]]
            new = self.rng.choice([old + 1, old - 1, old * 10, -old, 0, 1, 100, 101, 1000, 200, 201, 0.5, 1.0001])
            parent[path[-1]] = new
            changed.append(f"{list(path)}: {old} -> {new}")
        return self.dump(rel, data, note, "; ".join(changed))

    def swap_values(self, rel: str) -> str:
        data, note = self.tree(rel)
        leaves = [p for p, v in self.paths(data) if p and not isinstance(v, (dict, list))]
        if len(leaves) < 2:
            return "too few values, instead: " + self.retype(rel)
        a, b = self.rng.sample(leaves, 2)
        pa, pb = self.at(data, a[:-1]), self.at(data, b[:-1])
        pa[a[-1]], pb[b[-1]] = pb[b[-1]], pa[a[-1]]
        return self.dump(rel, data, note, f"values of {list(a)} and {list(b)} swapped")

    # follow-up chains (new events appended to an events file, with short texts in every language)
    def _events_file(self) -> tuple[str, dict[str, Any]] | None:
        for rel in sorted(r for r in self.ws.targets if r.startswith("events/")):
            items = self.ws.parsed.get(rel)
            for ev in items if isinstance(items, list) else []:
                if isinstance(ev, dict) and ev.get("phase", "crisis") != "news" and len(ev.get("choices") or []) >= 2:
                    return rel, ev
        return None

    def _add_events(self, rel: str, template: dict[str, Any], ids: list[str], follow: Callable[[str], list[str]],
                    lean: bool = False) -> int:
        """Append events ``ids`` (copies of ``template``, with only each answer's first effect when ``lean``; the first
        fires on turn 1) and their texts; their size. No YAML aliases: every event is written out in full."""
        events = []
        for i, eid in enumerate(ids):
            trigger: dict[str, Any] = {"window": [1, 1], "chance": 1.0, "once": True} if i == 0 else {"chance": 0.0}
            choices = []
            for c in template["choices"]:
                effects = copy.deepcopy(c.get("effects") or [])
                choice: dict[str, Any] = {"id": c["id"], "effects": effects[:1] if lean else effects}
                if follow(eid):
                    choice["follow_up"] = [{"event": e, "after": 1} for e in follow(eid)]
                choices.append(choice)
            ev: dict[str, Any] = {"id": eid, "trigger": trigger, "choices": choices}
            if template.get("default"):
                ev["default"] = template["default"]
            events.append(ev)
        block = yaml.safe_dump(events, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=None)
        self.put(rel, self.text(rel).rstrip("\n") + "\n" + block)
        prefix = f"event.{template['id']}."
        for files in (self.ws.files_section.get("loc") or {}).values():
            keys = [k for f in files for k in (self.ws.parsed.get(f) or {}) if str(k).startswith(prefix)]
            if files and keys:
                lines = [f'event.{eid}.{k[len(prefix):]}: "Fuzz {eid}"' for eid in ids for k in keys]
                self.put(files[0], self.text(files[0]).rstrip("\n") + "\n" + "\n".join(lines) + "\n")
        return len(block)

    def follow_up_fanout(self, rel: str) -> str:
        found = self._events_file()
        if found is None:
            return "no events file, instead: " + self.duplicate_item(rel)
        file, template = found
        depth = self.rng.choice([1, 2, 3, 4, 5, 6])
        times = self.rng.choice([2, 3, 4, 8, 20])
        if self.rng.random() < 0.5:
            ids = [f"fuzz_fan_{i}" for i in range(depth + 1)]
            nxt = {e: [ids[i + 1]] * times for i, e in enumerate(ids[:-1])}
            self._add_events(file, template, ids, lambda e: nxt.get(e, []))
            return f"{file}: each answer queues the next event {times} times, {depth} deep (from '{template['id']}')"
        levels = [["fuzz_fan_0"]] + [[f"fuzz_fan_{i}_{j}" for j in range(times)] for i in range(1, depth + 1)]
        after = {e: levels[i + 1] for i, level in enumerate(levels[:-1]) for e in level}
        self._add_events(file, template, [e for level in levels for e in level], lambda e: after.get(e, []))
        return (f"{file}: each answer queues {times} different events, each of which does the same, {depth} deep "
                f"({times}^{depth} crises; from '{template['id']}')")

    def follow_up_chain(self, rel: str) -> str:
        found = self._events_file()
        if found is None:
            return "no events file, instead: " + self.duplicate_item(rel)
        file, template = found
        n = self.rng.choice([30, 200, 996, 1200, 3000])
        per_event = len(yaml.safe_dump([template], default_flow_style=None, width=10**9)) + 200
        n = min(n, (MAX_WRITE - len(self.ws.current(file)) - 10_000) // per_event)
        ids = [f"fuzz_chain_{i}" for i in range(n)]
        nxt = {e: [ids[i + 1]] for i, e in enumerate(ids[:-1])}
        self._add_events(file, template, ids, lambda e: nxt.get(e, []), lean=True)
        return f"{file}: a chain of {n} follow-up events (from '{template['id']}')"

    # the scenario's `files` lists
    def _files_edit(self, make: Callable[[list[str], str], list[str]], what: str) -> str:
        data, note = self.tree("scenario.yaml")
        if not isinstance(data, dict):
            data = copy.deepcopy(self.ws.parsed["scenario.yaml"])
        files = data.setdefault("files", {})
        if not isinstance(files, dict):
            files = data["files"] = copy.deepcopy(self.ws.files_section)
        slots: list[tuple[dict[str, Any], str]] = [(files, k) for k in ("actors", "actions", "rules", "agendas", "events")]
        slots += [(files["loc"], lang) for lang in files.get("loc") or {}] if isinstance(files.get("loc"), dict) else []
        holder, key = self.rng.choice(slots)
        current = holder.get(key)
        if not isinstance(current, list) or not all(isinstance(x, str) for x in current):
            current = sorted(r for r in self.ws.targets if r.startswith(f"{key}/") or r == f"{key}.yaml")
        holder[key] = make(list(current), key)
        shown = [self.short(x) for x in holder[key][:3]] + ([f"… {len(holder[key])} entries"] if len(holder[key]) > 3 else [])
        return self.dump("scenario.yaml", data, note, f"files.{key} = {shown} ({what})")

    def _put_entry(self, entries: list[str], new: str) -> list[str]:
        if entries and self.rng.random() < 0.5:
            entries[self.rng.randrange(len(entries))] = new
        else:
            entries.insert(self.rng.randrange(len(entries) + 1), new)
        return entries

    def files_parent(self, rel: str) -> str:
        new = self.rng.choice(["../outside/valid.yaml", "../../../../../../etc/passwd", "loc/../../outside/valid.yaml",
                               f"../{self.ws.name}/actors.yaml", "../outside/events/tutorial.yaml", "events/../rules.yaml"])
        return self._files_edit(lambda e, k: self._put_entry(e, new), f"'{new}'")

    def files_absolute(self, rel: str) -> str:
        new = self.rng.choice(["/etc/passwd", "/dev/zero", "/proc/self/environ", "/dev/null", "/",
                               str(self.ws.outside / "valid.yaml"), str(self.ws.folder / "actors.yaml"), "/nonexistent.yaml"])
        return self._files_edit(lambda e, k: self._put_entry(e, new), f"'{new}'")

    def files_nul(self, rel: str) -> str:
        return self._files_edit(lambda e, k: self._put_entry(e, (e[0] if e else "rules.yaml").replace(".", "\0.", 1)),
                                "NUL in a file name")

    def files_long_name(self, rel: str) -> str:
        n = self.rng.choice([256, 305, 5000])
        return self._files_edit(lambda e, k: self._put_entry(e, "a" * (n - 5) + ".yaml"), f"a {n}-character name")

    def files_repeated(self, rel: str) -> str:
        times = self.rng.choice([2, 40, 200])

        def repeat(entries: list[str], key: str) -> list[str]:
            if not entries:
                return entries
            largest = max(entries, key=lambda r: len(self.ws.snapshot.get(r, b"")))
            return [largest] * times

        return self._files_edit(repeat, f"one file listed {times} times")

    def files_odd(self, rel: str) -> str:
        new = self.rng.choice(ODD_NAMES)
        return self._files_edit(lambda e, k: self._put_entry(e, new), f"odd name {new!r}")

    # the file system
    def fs_dir_for_file(self, rel: str) -> str:
        p = self.ws.path(rel)
        self.ws.touch(rel)
        _remove(p)
        p.mkdir(parents=True)
        if self.rng.random() < 0.5:
            (p / "inner.yaml").write_bytes(self.ws.snapshot.get(rel, b""))
        return "a directory where the file was"

    def _link(self, rel: str, target: str) -> None:
        p = self.ws.path(rel)
        self.ws.touch(rel)
        _remove(p)
        p.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, p)

    def fs_symlink_outside(self, rel: str) -> str:
        link = self.ws.path(rel)
        choice = self.rng.choice(["relative", "absolute", "/etc/passwd", "/dev/zero", "/proc/self/environ", "dangling"])
        target = {"relative": os.path.relpath(self.ws.outside / "valid.yaml", link.parent),
                  "absolute": str(self.ws.outside / "valid.yaml"), "dangling": "/nonexistent/x.yaml"}.get(choice, choice)
        self._link(rel, target)
        return f"symlink to {target}"

    def fs_symlink_inside(self, rel: str) -> str:
        other = self.rng.choice(self.ws.targets)
        self._link(rel, os.path.relpath(self.ws.path(other), self.ws.path(rel).parent))
        return f"symlink to {other}"

    def fs_symlink_loop(self, rel: str) -> str:
        how = self.rng.choice(["self", "pair", "folder"])
        if how == "self":
            self._link(rel, self.ws.path(rel).name)
            return "symlink to itself"
        if how == "pair":
            other = self.rng.choice([t for t in self.ws.targets if t != rel] or [rel])
            self._link(rel, str(self.ws.path(other)))
            self._link(other, str(self.ws.path(rel)))
            return f"symlink loop with {other}"
        folder = rel.split("/", maxsplit=1)[0] if "/" in rel else self.rng.choice(sorted(self.ws.dirs) or ["events"])
        self._link(folder, folder)
        return f"folder {folder}/ is a symlink to itself"

    def fs_dir_symlink(self, rel: str) -> str:
        folder = rel.split("/", maxsplit=1)[0] if "/" in rel else self.rng.choice(sorted(self.ws.dirs) or ["events"])
        sub = self.rng.choice(["events", "loc"])
        self._link(folder, str(self.ws.outside / sub))
        return f"folder {folder}/ is a symlink to a folder outside ({sub})"

    def fs_fifo(self, rel: str) -> str:
        p = self.ws.path(rel)
        self.ws.touch(rel)
        _remove(p)
        os.mkfifo(p)  # never opened by the fuzzer itself: opening a FIFO for reading blocks
        return "a FIFO where the file was"

    def fs_delete(self, rel: str) -> str:
        if "/" in rel and self.rng.random() < 0.3:
            folder = rel.split("/", maxsplit=1)[0]
            self.ws.touch(folder)
            _remove(self.ws.path(folder))
            return f"folder {folder}/ deleted"
        self.ws.touch(rel)
        _remove(self.ws.path(rel))
        return "deleted"

    def fs_extra_file(self, rel: str) -> str:
        name = "events/fuzz_extra.yaml"
        source = self.rng.choice([r for r in self.ws.targets if r.startswith("events/")] or self.ws.targets)
        content = self.rng.choice([self.ws.snapshot[source], b"", b"\xff\xfe junk", b"- id: x\n", b"{}\n"])
        self.ws.write(name, content)
        return f"{name} added ({len(content)} bytes{', a copy of ' + source if content == self.ws.snapshot[source] else ''})"


SCENARIO_MUTATIONS: dict[str, Callable[[Mutator, str], str]] = {
    name: getattr(Mutator, name) for name in (
        "byte_flip", "truncate", "delete_lines", "duplicate_lines", "swap_lines", "huge_number", "nan_inf", "negative",
        "long_string", "unicode", "yaml_tag", "date_like", "yaml11_number", "undefined_alias", "tabs", "bom",
        "newlines", "nul", "invalid_utf8", "utf16", "empty", "deep_nesting", "wide_list", "billion_laughs", "second_document",
        "huge_key", "over_cap",
        "delete_key", "duplicate_item", "retype", "unknown_key", "near_miss_id", "nudge_numbers", "swap_values",
        "follow_up_fanout", "follow_up_chain",
        "files_parent", "files_absolute", "files_nul", "files_long_name", "files_repeated", "files_odd",
        "fs_dir_for_file", "fs_symlink_outside", "fs_symlink_inside", "fs_symlink_loop", "fs_dir_symlink", "fs_fifo",
        "fs_delete", "fs_extra_file",
    )
}
"""Every scenario mutation by name; a case applies 1–3 of them, each to one file chosen at random."""


def mutate(ws: Workspace, rng: random.Random) -> list[Applied]:
    """Apply 1–3 mutations to a workspace (the same choices for the same random source)."""
    applied: list[Applied] = []
    mutate_into(ws, rng, applied)
    return applied


def mutate_into(ws: Workspace, rng: random.Random, applied: list[Applied]) -> None:
    """:func:`mutate`, adding each mutation to ``applied`` as it is made (so a failing one is still on record)."""
    m = Mutator(ws, rng)
    kinds = sorted(SCENARIO_MUTATIONS)
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(kinds)
        events = m._events_file() if kind.startswith("follow_up") else None
        rel = "scenario.yaml" if kind.startswith("files_") else events[0] if events else m.pick()
        applied.append(Applied(kind, rel, "(failed)"))
        try:
            applied[-1].detail = SCENARIO_MUTATIONS[kind](m, rel)
        except Skipped as e:
            applied[-1].detail = f"skipped: {e}"


# ── running one scenario case ───────────────────────────────────────────────────────────────────────


@dataclass
class Worker:
    """What one process keeps between cases: its temporary folder, its scenario copies and its real saves."""

    tmp: Path
    timeout: float = TIMEOUT
    workspaces: dict[str, Workspace] = field(default_factory=dict)
    bases: list[BaseSave] = field(default_factory=list)

    def workspace(self, name: str) -> Workspace:
        if name not in self.workspaces:
            make_outside(self.tmp)
            self.workspaces[name] = Workspace(name, SOURCES[name], self.tmp)
        return self.workspaces[name]

    def save_bases(self) -> list[BaseSave]:
        if not self.bases:
            self.bases = make_base_saves(self.tmp / "bases")
        return self.bases


def _file_kind(path: str) -> str:
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):
        return "missing"
    return "file" if stat.S_ISREG(mode) else "link" if stat.S_ISLNK(mode) else "dir" if stat.S_ISDIR(mode) else "other"


def scenario_case(worker: Worker, seed: int, n: int, sources: Sequence[str], keep: Path | None = None) -> dict[str, Any]:
    """Mutate, load and (when it validates) play one case; the record of what happened."""
    rng = case_rng("scenario", seed, n)
    name = sources[rng.randrange(len(sources))]
    rec: dict[str, Any] = {"kind": "scenario", "case": n, "seed": seed, "source": name, "sources": list(sources),
                           "mutations": [], "stage": "", "failures": [], "seconds": 0.0}
    ws = worker.workspace(name)
    try:
        applied: list[Applied] = []
        try:
            mutate_into(ws, rng, applied)
        except Exception as e:  # noqa: BLE001 - the fuzzer's own mistake, reported as such
            rec.update(stage="fuzzer-error", failures=["fuzzer-error"], **describe_exception(e))
            return rec
        finally:
            rec["mutations"] = [a.as_dict() for a in applied]
        if keep is not None:
            _remove(keep)
            copy_tree_safely(ws.folder, keep)
            rec["kept"] = str(keep)
        _run_scenario(ws, rec, n, worker.timeout)
    finally:
        ws.restore()
    return rec


def _run_scenario(ws: Workspace, rec: dict[str, Any], n: int, timeout: float) -> None:
    failures: list[str] = rec["failures"]
    start = time.perf_counter()
    stage = "load"
    try:
        with time_limit(timeout):
            result = load(ws.folder)
            rec["load_seconds"] = round(time.perf_counter() - start, 4)
            errors = [d for d in result.diagnostics if d.is_error]
            rec["diagnostics"] = len(result.diagnostics)
            rec["codes"] = sorted({d.code for d in result.diagnostics})
            unlocated = [{"code": d.code, "file": str(Path(d.file).relative_to(ws.folder))
                          if d.file.startswith(str(ws.folder)) else d.file, "kind": _file_kind(d.file),
                          "message": d.message[:200]} for d in result.diagnostics if d.line < 1]
            if unlocated:
                rec["unlocated"] = unlocated[:5]
                if any(u["kind"] == "file" for u in unlocated):
                    failures.append("unlocated")
                if any(u["kind"] != "file" for u in unlocated):
                    failures.append("unlocated-whole-file")
            if any(not d.file.startswith(str(ws.folder)) for d in result.diagnostics):
                failures.append("outside-file")
            if (result.scenario is None and not errors) or (result.ok and errors):
                failures.append("inconsistent")
            if not result.ok:
                rec["stage"] = "refused"
                rec["first_error"] = errors[0].format().replace(str(ws.folder) + "/", "")[:300] if errors else ""
                return
            rec["stage"] = "validated"
            stage = "play"
            played = time.perf_counter()
            assert result.scenario is not None
            run = run_one(result.scenario, "random", n % 100_000)
            rec["play_seconds"] = round(time.perf_counter() - played, 4)
            rec["stage"] = "played"
            rec["game"] = {"turns": run.turns, "ending": run.ending, "score": run.score}
    except CaseTimeout as e:
        rec["stage"] = "hang"
        failures.append("hang")
        rec.update(describe_exception(e), hang_in=stage)
    except MemoryError as e:
        rec["stage"] = "memory"
        failures.append("memory")
        rec.update(describe_exception(e), memory_in=stage)
    except Exception as e:  # noqa: BLE001 - the finding: load must never raise, a valid scenario must play
        kind = "traceback" if stage == "load" else "play-traceback"
        rec["stage"] = kind
        failures.append(kind)
        rec.update(describe_exception(e))
    finally:
        rec["seconds"] = round(time.perf_counter() - start, 4)
        if rec["seconds"] > SLOW_SECONDS:
            failures.append("slow")


# ── real saves and their damage ─────────────────────────────────────────────────────────────────────

SAVED_AT = "2025-04-01T09:30:00.000000+00:00"


@dataclass(frozen=True)
class BaseSave:
    """A real save, made at the start: its name, file, bytes, data and the state hash of its game."""

    name: str
    campaign: str
    slot: str
    raw: bytes
    data: dict[str, Any]
    state_hash: str
    opens: bool
    """Whether the undamaged save opens as the same game (a folder-sourced save may be held for confirmation)."""


BASE_SPECS: list[tuple[str, str, int, str | None, int, bool, str]] = [
    # name, scenario, seed, difficulty, turns to play, stop in a crisis, slot
    ("tutorial-start", "tutorial", 11, None, 0, False, "quicksave"),
    ("tutorial-crisis", "tutorial", 12, None, 1, True, "autosave"),
    ("tutorial-over", "tutorial", 13, None, 99, False, "autosave"),
    ("default-turn3", "indo_pacific_2025", 14, None, 3, False, "quicksave"),
    ("default-hard-turn9", "indo_pacific_2025", 15, "hard", 9, False, "autosave"),
    ("default-gentle-crisis", "indo_pacific_2025", 16, "gentle", 4, True, "quicksave"),
    ("default-over", "indo_pacific_2025", 17, None, 99, False, "autosave"),
    ("northern-folder-hard", "northern_watch", 18, "hard", 2, False, "quicksave"),
]


def _play_to(campaign: Campaign, seed: int, turns: int, crisis: bool) -> None:
    """Play ``turns`` turns with the seeded random policy, then (``crisis``) on until a crisis is pending."""
    game = campaign.game
    policy = RandomPolicy(stream(seed, "policy"))
    played = 0
    while not game.is_over and played < turns:
        play_turn(game, policy)
        played += 1
    while crisis and not game.is_over:
        while (order := policy.act(game)) is not None:
            game.apply(order)
        report = game.end_turn()
        if report is None:
            return
    if crisis:
        raise FuzzerError("the game ended before a crisis came up")


def make_base_saves(folder: Path) -> list[BaseSave]:
    """Play the :data:`BASE_SPECS` games and write each with ``saves.write_slot`` (fixed campaign id and time)."""
    scenarios: dict[str, Scenario] = {}
    out = []
    for name, which, seed, difficulty, turns, crisis, slot in BASE_SPECS:
        if which not in scenarios:
            result = load(SOURCES[which])
            if result.scenario is None:
                raise FuzzerError(f"{which} does not load: {[d.format() for d in result.diagnostics[:3]]}")
            scenarios[which] = result.scenario
        sc = scenarios[which]
        source = Source(folder=str(SOURCES[which].resolve())) if which == "northern_watch" else Source(bundled=sc.id)
        campaign = Campaign(sc, source, seed, new_game(sc, seed, difficulty=difficulty), f"fuzz-{name}")
        _play_to(campaign, seed, turns, crisis)
        data = campaign.data()
        data["saved_at"] = SAVED_AT
        path = saves.write_slot(folder / campaign.id, slot, data)
        raw = path.read_bytes()
        out.append(BaseSave(name, campaign.id, path.name, raw, json.loads(raw), str(data["state_hash"]),
                            _opens_same(path, str(data["state_hash"]))))
    return out


def _opens_same(path: Path, expected: str) -> bool:
    try:
        return state_hash(open_save(path).campaign.game) == expected
    except saves.BadSave as e:
        chosen = getattr(e, "folder", None)
        if isinstance(chosen, Path):
            return _opens_same_in(path, chosen, expected)
        return False


def _opens_same_in(path: Path, folder: Path, expected: str) -> bool:
    try:
        return state_hash(open_save(path, folder).campaign.game) == expected
    except saves.BadSave:
        return False


class _Big:
    """A placeholder for a number JSON cannot write (a 5,000-digit integer, NaN written as a bare word)."""

    def __init__(self, text: str) -> None:
        self.text = text


def _dumps(doc: Any) -> bytes:
    """JSON as a save is written, with :class:`_Big` placeholders put back as raw text (ASCII: a lone surrogate
    stays an escape)."""
    bigs: list[str] = []

    def default(o: object) -> object:
        if isinstance(o, _Big):
            bigs.append(o.text)
            return f"@@BIG{len(bigs) - 1}@@"
        raise TypeError(type(o).__name__)

    text = json.dumps(doc, indent=1, ensure_ascii=True, default=default)
    for i, raw in enumerate(bigs):
        text = text.replace(f'"@@BIG{i}@@"', raw)
    return text.encode("ascii")


NUMBER_VALUES: list[Any] = [True, False, -1, 2**64, 2**63, _Big(BIG_INT), "1", 1.0, None, 0, _Big("1e400"), [1], {}]
FORMAT_VALUES: list[Any] = [0, 1, 3, 99, "4", True, None, 4.0, -1, 10**30, _Big("4.0000000000000001")]
TEXT_VALUES: list[Any] = ["x" * 300, "x" * 10_000, "x" * 100_000, "", "\ud800", "../../etc", "a\x00b", 5, None, ["x"],
                          "\u202e" + "abc", "🇯🇵"]
SAVED_AT_VALUES: list[Any] = ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-14:00", "", "soon", 5, None,
                              "2025-13-01T00:00:00", "x" * 100_000, "2025-04-01T09:30:00", "2025-04-01T09:30:00+99:00"]
LOG_ENTRIES: list[Any] = ["choose:nope", "end", "", "x" * 100_000, 5, None, "apply:", "choose:", ["end"], "\ud800",
                          "end" + "\x00", "apply:" + "a" * 300]


class SaveMutator:
    """Damages one real save; every method returns (detail, bytes)."""

    def __init__(self, base: BaseSave, bases: list[BaseSave], rng: random.Random) -> None:
        self.base, self.bases, self.rng = base, bases, rng
        self.raw = base.raw

    def doc(self) -> dict[str, Any]:
        return copy.deepcopy(self.base.data)

    def field_edit(self, key: str, values: list[Any]) -> tuple[str, bytes]:
        doc = self.doc()
        value = self.rng.choice(values)
        doc[key] = copy.deepcopy(value)
        shown = value.text[:20] + "…" if isinstance(value, _Big) else repr(value)
        return f"{key} = {shown[:60]}", _dumps(doc)

    def truncate(self) -> tuple[str, bytes]:
        cut = self.rng.choice([0, 1, len(self.raw) - 1, self.rng.randrange(len(self.raw))])
        return f"cut at byte {cut} of {len(self.raw)}", self.raw[:cut]

    def byte_flip(self) -> tuple[str, bytes]:
        data = bytearray(self.raw)
        spots = sorted(self.rng.randrange(len(data)) for _ in range(self.rng.randint(1, 3)))
        for i in spots:
            data[i] ^= self.rng.randrange(1, 256)
        return f"bytes {spots} flipped", bytes(data)

    def field_number(self) -> tuple[str, bytes]:
        return self.field_edit(self.rng.choice(["seed", "turn"]), NUMBER_VALUES)

    def field_format(self) -> tuple[str, bytes]:
        return self.field_edit("format", FORMAT_VALUES)

    def field_text(self) -> tuple[str, bytes]:
        return self.field_edit(self.rng.choice(["scenario", "difficulty", "campaign", "content_hash"]), TEXT_VALUES)

    def field_campaign_path(self) -> tuple[str, bytes]:
        return self.field_edit("campaign", ["../../escaped", "..", "../elsewhere", "/tmp/gaiko-fuzz-elsewhere",
                                            "a/../../b", "./.", "a/b", "~"])

    def field_saved_at(self) -> tuple[str, bytes]:
        return self.field_edit("saved_at", SAVED_AT_VALUES)

    def field_log(self) -> tuple[str, bytes]:
        doc = self.doc()
        log: list[Any] = doc["log"]
        how = self.rng.choice(["remove", "change", "insert", "empty", "not-a-list", "cut", "duplicate", "swap", "last"])
        i = self.rng.randrange(len(log)) if log else 0
        if how == "remove" and log:
            del log[i]
        elif how == "change" and log:
            log[i] = self.rng.choice(LOG_ENTRIES)
        elif how == "insert":
            log.insert(i, self.rng.choice(LOG_ENTRIES))
        elif how == "empty":
            doc["log"] = []
        elif how == "not-a-list":
            doc["log"] = self.rng.choice(["end", {"0": "end"}, None, 5])
        elif how == "cut":
            doc["log"] = log[:i]
        elif how == "duplicate" and log:
            log.insert(i, log[i])
        elif how == "swap" and len(log) > 1:
            j = self.rng.randrange(len(log))
            log[i], log[j] = log[j], log[i]
        elif how == "last" and log:
            log.pop()
        return f"log {how} at {i} (of {len(self.base.data['log'])})", _dumps(doc)

    def field_state_hash(self) -> tuple[str, bytes]:
        doc = self.doc()
        how = self.rng.choice(["null", "removed", "empty", "zeros", "number", "another save's"])
        if how == "removed":
            del doc["state_hash"]
        else:
            others = [b.state_hash for b in self.bases if b.state_hash != self.base.state_hash] or ["0"]
            doc["state_hash"] = {"null": None, "empty": "", "zeros": "0" * 64, "number": 5,
                                 "another save's": self.rng.choice(others)}[how]
        return f"state_hash {how}", _dumps(doc)

    def field_source(self) -> tuple[str, bytes]:
        doc = self.doc()
        choices: list[Any] = [{"folder": "/etc"}, {"folder": "/"}, {"folder": "/nonexistent/folder"},
                              {"folder": str(SOURCES["tutorial"].resolve())},
                              {"folder": str(SOURCES["indo_pacific_2025"].resolve())},
                              {"folder": str(SOURCES["northern_watch"].resolve())}, {"folder": "scenarios/tutorial"},
                              {"bundled": "../../../etc"}, {"bundled": ""}, {"bundled": "tutorial"},
                              {"bundled": "indo_pacific_2025"}, {}, "x", None, {"folder": "x" * 10_000},
                              {"folder": "a\x00b"}, {"folder": 5}, {"bundled": "tutorial", "folder": "/etc"}]
        doc["source"] = copy.deepcopy(self.rng.choice(choices))
        return f"source = {json.dumps(doc['source'])[:80]}", _dumps(doc)

    def field_labels(self) -> tuple[str, bytes]:
        doc = self.doc()
        key = self.rng.choice(["meters", "over", "scenario_name", "meter_names", "version"])
        value = self.rng.choice([{"x": 99}, {"a": "b"}, True, "yes", None, [1], {"en": ["x"]}, {"en": {"x": [1]}},
                                 "x" * 100_000, {"en": "x" * 100_000}, -1, {str(i): i for i in range(1000)}])
        doc[key] = value
        return f"{key} = {json.dumps(value)[:60]}", _dumps(doc)

    def field_remove(self) -> tuple[str, bytes]:
        doc = self.doc()
        key = self.rng.choice(sorted(doc))
        del doc[key]
        return f"field {key} removed", _dumps(doc)

    def field_unknown(self) -> tuple[str, bytes]:
        doc = self.doc()
        doc[self.rng.choice(["extra", "x" * 10_000, "", "\ud800"])] = self.rng.choice([1, "x" * 100_000, None, [[]]])
        return "unknown field added", _dumps(doc)

    def whole_document(self) -> tuple[str, bytes]:
        text = self.rng.choice(["[]", "null", '"x"', "{}", "0", "", "true", "[{}]", " ", "{\"format\": 4}", "1e999"])
        return f"whole file {text!r}", text.encode()

    def nesting_bomb(self) -> tuple[str, bytes]:
        depth = self.rng.choice([1_000, 100_000])
        how = self.rng.choice(["array", "object", "in-log"])
        if how == "array":
            return f"{depth}-deep array", ("[" * depth + "]" * depth).encode()
        if how == "object":
            return f"{depth}-deep object", ('{"a":' * depth + "1" + "}" * depth).encode()
        doc = self.doc()
        doc["log"] = _Big("[" * depth + "]" * depth)
        return f"{depth}-deep array as the log", _dumps(doc)

    def nan_inf(self) -> tuple[str, bytes]:
        doc = self.doc()
        key = self.rng.choice(["seed", "turn", "format", "meters"])
        word = self.rng.choice(["NaN", "Infinity", "-Infinity"])
        doc[key] = {"x": _Big(word)} if key == "meters" else _Big(word)
        return f"{key} = {word}", _dumps(doc)

    def duplicate_key(self) -> tuple[str, bytes]:
        key = self.rng.choice(["seed", "format", "log", "state_hash", "scenario"])
        value = self.rng.choice(["99", "null", '"x"', "[]", json.dumps(self.base.data.get(key))])
        text = self.raw.decode("utf-8")
        if self.rng.random() < 0.5:
            text = text.replace("{", f'{{\n "{key}": {value},', 1)
            where = "first"
        else:
            text = text[: text.rstrip().rfind("}")] + f',\n "{key}": {value}\n}}\n'
            where = "last"
        return f'duplicate "{key}": {value} ({where})', text.encode("utf-8")

    def invalid_utf8(self) -> tuple[str, bytes]:
        i = self.rng.randrange(len(self.raw) + 1)
        bad = self.rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80"])
        return f"inserted {bad!r} at byte {i}", self.raw[:i] + bad + self.raw[i:]

    def bom(self) -> tuple[str, bytes]:
        return "UTF-8 BOM", b"\xef\xbb\xbf" + self.raw

    def utf16(self) -> tuple[str, bytes]:
        enc = self.rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1"])
        return f"re-encoded as {enc}", self.raw.decode("utf-8").encode(enc, "replace")

    def nul(self) -> tuple[str, bytes]:
        i = self.rng.randrange(len(self.raw) + 1)
        return f"NUL at byte {i}", self.raw[:i] + b"\x00" + self.raw[i:]

    def trailing_garbage(self) -> tuple[str, bytes]:
        tail = self.rng.choice([b"x", b"\x00", b"}", b"\n{}", b" " * 10, b"\n", b"\r\n", b"// comment", b"\xff"])
        return f"{tail!r} appended", self.raw + tail

    def crlf(self) -> tuple[str, bytes]:
        return "CRLF line ends", self.raw.replace(b"\n", b"\r\n")

    def big_file(self) -> tuple[str, bytes]:
        size = self.rng.choice([999_000, 1_000_001, 1_900_000])
        text = self.raw.rstrip()
        return f"padded with spaces to {size:,} bytes", text[:-1] + b" " * max(0, size - len(text)) + b"}"

    def number_forms(self) -> tuple[str, bytes]:
        doc = self.doc()
        key = self.rng.choice(["seed", "turn", "format"])
        form = self.rng.choice(["1e3", "1E0", "-0", "0.0", "1_000", "0x10", "+1", "01", "4e0", "4.0"])
        doc[key] = _Big(form)
        return f"{key} = {form}", _dumps(doc)

    def symlink(self) -> tuple[str, bytes]:
        if self.rng.random() < 0.5:
            return "the save is a dangling symlink", b""  # made a link by save_case
        return "the save is a symlink to a copy of itself", self.raw


SAVE_MUTATIONS: dict[str, Callable[[SaveMutator], tuple[str, bytes]]] = {
    name: getattr(SaveMutator, name) for name in (
        "truncate", "byte_flip", "field_number", "field_format", "field_text", "field_campaign_path", "field_saved_at",
        "field_log", "field_state_hash", "field_source", "field_labels", "field_remove", "field_unknown", "whole_document",
        "nesting_bomb", "nan_inf", "duplicate_key", "invalid_utf8", "bom", "utf16", "nul", "trailing_garbage", "crlf",
        "big_file", "number_forms", "symlink",
    )
}
"""Every save mutation by name; a case applies one."""


def _door(rec: dict[str, Any], name: str, call: Callable[[], Any]) -> tuple[bool, Any]:
    """Call one door; record ``ok``, ``refused`` (a BadSave) or ``traceback`` (anything else)."""
    try:
        value = call()
    except saves.BadSave as e:
        rec["doors"][name] = "refused"
        rec.setdefault("refusal", f"{name}: {type(e).__name__}: {str(e)[:200]}")
        return False, e
    except (CaseTimeout, MemoryError):
        raise
    except Exception as e:  # noqa: BLE001 - the finding: a damaged save must be refused, never raise anything else
        rec["doors"][name] = "traceback"
        if "traceback" not in rec["failures"]:
            rec["failures"].append("traceback")
            rec.update(describe_exception(e), door=name)
        return False, None
    rec["doors"][name] = "ok"
    return True, value


def save_case(worker: Worker, seed: int, n: int, keep: Path | None = None) -> dict[str, Any]:
    """Damage one real save, put it alone in a fresh saves folder and open it through every door."""
    rng = case_rng("save", seed, n)
    bases = worker.save_bases()
    base = bases[rng.randrange(len(bases))]
    kind = rng.choice(sorted(SAVE_MUTATIONS))
    rec: dict[str, Any] = {"kind": "save", "case": n, "seed": seed, "base": base.name, "mutation": kind, "stage": "",
                           "failures": [], "doors": {}, "seconds": 0.0}
    try:
        detail, raw = SAVE_MUTATIONS[kind](SaveMutator(base, bases, rng))
    except Exception as e:  # noqa: BLE001 - the fuzzer's own mistake
        rec.update(stage="fuzzer-error", failures=["fuzzer-error"], **describe_exception(e))
        return rec
    rec["detail"] = detail
    data = worker.tmp / "data"
    _remove(data)
    folder = data / "saves" / base.campaign
    folder.mkdir(parents=True)
    path = folder / base.slot
    if kind == "symlink":
        if "dangling" not in detail:
            (data / "elsewhere.json").write_bytes(raw)
        os.symlink(data / "elsewhere.json", path)
    else:
        path.write_bytes(raw)
    if keep is not None:
        keep.write_bytes(raw)
        rec["kept"] = str(keep)
    os.environ["GAIKO_DATA_DIR"] = str(data)
    start = time.perf_counter()
    try:
        with time_limit(worker.timeout):
            _open_doors(rec, path, base)
    except CaseTimeout as e:
        rec["stage"] = "hang"
        rec["failures"].append("hang")
        rec.update(describe_exception(e))
    except MemoryError as e:
        rec["stage"] = "memory"
        rec["failures"].append("memory")
        rec.update(describe_exception(e))
    finally:
        rec["seconds"] = round(time.perf_counter() - start, 4)
        if rec["seconds"] > SLOW_SECONDS:
            rec["failures"].append("slow")
    try:
        same = sorted(p.name for p in folder.iterdir()) == [base.slot] and (
            os.readlink(path) == str(data / "elsewhere.json") if kind == "symlink" else path.read_bytes() == raw)
    except OSError:
        same = False
    if not same:
        rec["failures"].append("file-changed")
    _remove(data)
    return rec


def _open_doors(rec: dict[str, Any], path: Path, base: BaseSave) -> None:
    read_ok, _ = _door(rec, "read", lambda: saves.read(path))
    _door(rec, "info", lambda: saves.info(path))
    listed_ok, listed = _door(rec, "listing", saves.listing)
    if listed_ok:
        found, problems = listed
        rec["listed"] = {"found": len(found), "problems": len(problems)}
        if (len(found), len(problems)) != ((1, 0) if read_ok else (0, 1)):
            rec["failures"].append("listing-disagrees")
    opened_ok, opened = _door(rec, "open_save", lambda: open_save(path))
    chosen = getattr(opened, "folder", None) if not opened_ok else None
    if isinstance(chosen, Path):  # a save played on a folder: opened once the player names that folder
        rec["chosen_folder"] = str(chosen)[:200]
        opened_ok, opened = _door(rec, "open_save(folder)", lambda: open_save(path, chosen))
    if "traceback" in rec["failures"]:
        rec["stage"] = "traceback"
    elif opened_ok:
        same = state_hash(opened.campaign.game) == base.state_hash
        rec["same_game"] = same
        rec["notice"] = opened.notice is not None
        rec["stage"] = "opened-same" if same else ("opened-partial" if opened.notice is not None else "opened-different")
        if not same and opened.notice is None:
            rec["failures"].append("different-game")
        folder = opened.campaign.folder  # where its next autosave goes: never outside the saves folder
        if not folder.resolve().is_relative_to(saves.saves_dir().resolve()):
            rec["failures"].append("writes-outside")
            rec["writes_to"] = str(folder)[:200]
    else:
        rec["stage"] = "refused"


# ── many cases in worker processes ─────────────────────────────────────────────────────────────────


def _worker_main(conn: multiprocessing.connection.Connection, tmp: str, timeout: float, memory: int) -> None:
    """A worker process: run the cases it is sent, one at a time, until it is sent None."""
    cap_memory(memory)
    os.environ["GAIKO_CONFIG_DIR"] = str(Path(tmp) / "config")
    worker = Worker(Path(tmp), timeout)
    while True:
        job = conn.recv()
        if job is None:
            return
        kind, seed, n, sources = job
        try:
            rec = scenario_case(worker, seed, n, sources) if kind == "scenario" else save_case(worker, seed, n)
        except Exception as e:  # noqa: BLE001 - the fuzzer's own mistake, kept as a record
            rec = {"kind": kind, "case": n, "seed": seed, "stage": "fuzzer-error", "failures": ["fuzzer-error"],
                   "seconds": 0.0, **describe_exception(e)}
        conn.send(rec)


@dataclass
class _Proc:
    proc: Any
    conn: multiprocessing.connection.Connection
    job: tuple[str, int, int, tuple[str, ...]] | None = None
    started: float = 0.0


def run_cases(jobs: Sequence[tuple[str, int]], *, seed: int = 0, sources: Sequence[str] = ALL_SOURCES, workers: int = 2,
              timeout: float = TIMEOUT, memory: int = MEMORY_CAP,
              progress: Callable[[int, int], None] | None = None) -> list[dict[str, Any]]:
    """Run ``jobs`` (``("scenario" | "save", number)``) in ``workers`` processes; a case that outlasts ``timeout``
    stops itself (its worker's alarm), and a worker still silent 10 s after that is killed (a ``hang``). A worker
    that dies is a ``crash``; either way a fresh worker takes over."""
    ctx = multiprocessing.get_context("spawn")
    pending = list(reversed(jobs))
    results: list[dict[str, Any]] = []
    kill_after = timeout + 10.0
    with tempfile.TemporaryDirectory(prefix="gaiko-fuzz-") as tmp:
        generation = 0

        def start() -> _Proc:
            nonlocal generation
            generation += 1
            folder = Path(tmp) / f"w{generation}"
            folder.mkdir()
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_worker_main, args=(child, str(folder), timeout, memory), daemon=True)
            proc.start()
            child.close()
            return _Proc(proc, parent)

        def lost(p: _Proc, stage: str, why: str) -> None:
            assert p.job is not None
            kind, s, n, srcs = p.job
            rng = case_rng(kind, s, n)
            if kind == "scenario":
                where = {"source": srcs[rng.randrange(len(srcs))]}
            else:
                where = {"base": BASE_SPECS[rng.randrange(len(BASE_SPECS))][0], "mutation": rng.choice(sorted(SAVE_MUTATIONS))}
            results.append({**where, "kind": kind, "case": n, "seed": s, "sources": list(srcs), "stage": stage,
                            "failures": [stage], "seconds": round(time.perf_counter() - p.started, 4), "exception": why,
                            "signature": f"{stage}: {why}", "mutations": []})

        procs = [start() for _ in range(max(1, min(workers, len(jobs))))]
        total = len(jobs)
        while pending or any(p.job for p in procs):
            for p in procs:
                if p.job is None and pending:
                    kind, n = pending.pop()
                    p.job = (kind, seed, n, tuple(sources))
                    p.started = time.perf_counter()
                    p.conn.send(p.job)
            busy = [p for p in procs if p.job is not None]
            now = time.perf_counter()
            wait = max(0.05, min(p.started + kill_after - now for p in busy))
            ready = multiprocessing.connection.wait([p.conn for p in busy], timeout=wait)
            for i, p in enumerate(procs):
                if p.job is None:
                    continue
                if p.conn in ready:
                    try:
                        results.append(p.conn.recv())
                        p.job = None
                    except (EOFError, OSError):
                        p.proc.join(5)
                        lost(p, "crash", f"the worker died (exit code {p.proc.exitcode})")
                        procs[i] = start()
                elif time.perf_counter() - p.started > kill_after:
                    p.proc.kill()
                    p.proc.join(5)
                    lost(p, "hang", f"no answer after {kill_after:g} s: the worker was killed")
                    procs[i] = start()
                else:
                    continue
                if progress is not None:
                    progress(len(results), total)
        for p in procs:
            with contextlib.suppress(OSError, BrokenPipeError):
                p.conn.send(None)
        for p in procs:
            p.proc.join(10)
            if p.proc.is_alive():
                p.proc.kill()
    results.sort(key=lambda r: (r["kind"], r["case"]))
    return results


# ── figures ────────────────────────────────────────────────────────────────────────────────────────


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summarise(results: list[dict[str, Any]], first: int = 3) -> dict[str, Any]:
    """Figures for one kind of case: stages, failures by kind (with the first case numbers), tracebacks by
    signature (with the mutations of the cases that raised them), times."""
    stages = Counter(r["stage"] for r in results)
    failures: dict[str, dict[str, Any]] = {}
    for kind in FAILURES:
        cases = [r["case"] for r in results if kind in r["failures"]]
        if cases:
            failures[kind] = {"count": len(cases), "first": cases[:first]}
    signatures: dict[str, dict[str, Any]] = {}
    for r in results:
        if "signature" not in r:
            continue
        s = signatures.setdefault(r["signature"], {"count": 0, "first": [], "mutations": Counter(), "example": ""})
        s["count"] += 1
        if len(s["first"]) < first:
            s["first"].append(r["case"])
        kinds = [m["kind"] for m in r.get("mutations", [])] or [r.get("mutation", "")]
        s["mutations"].update(kinds)
        if not s["example"]:
            s["example"] = r.get("exception", "")
    for s in signatures.values():
        s["mutations"] = dict(s["mutations"].most_common(6))
    unlocated = Counter(f"{u['code']} ({u['kind']})" for r in results for u in r.get("unlocated", []))
    doors: dict[str, Counter[str]] = {}
    for r in results:
        for door, outcome in r.get("doors", {}).items():
            doors.setdefault(door, Counter())[outcome] += 1
    times = [float(r["seconds"]) for r in results]
    return {"tried": len(results), "stages": dict(stages.most_common()), "failures": failures,
            "signatures": dict(sorted(signatures.items(), key=lambda kv: -kv[1]["count"])),
            "unlocated_codes": dict(unlocated.most_common()),
            "doors": {door: dict(c.most_common()) for door, c in doors.items()},
            "times": {"median": round(statistics.median(times), 4) if times else 0.0,
                      "p99": round(_percentile(times, 0.99), 4), "max": round(max(times, default=0.0), 4),
                      "total": round(sum(times), 2)}}


def replay_command(rec: dict[str, Any]) -> str:
    """The command that replays one case."""
    if rec["kind"] == "scenario":
        srcs = rec.get("sources") or []
        extra = f" --sources {','.join(srcs)}" if srcs and tuple(srcs) != ALL_SOURCES else ""
        return f"python bench/fuzz.py --scenario-case {rec['case']} --seed {rec['seed']}{extra}"
    return f"python bench/fuzz.py --save-case {rec['case']} --seed {rec['seed']}"


def describe(rec: dict[str, Any]) -> str:
    """One line about a case: what was done, what happened."""
    if rec["kind"] == "scenario":
        what = "; ".join(f"{m['kind']} {m['file']}: {m['detail']}" for m in rec.get("mutations", []))
        head = f"scenario case {rec['case']} ({rec.get('source', '?')})"
    else:
        what = f"{rec.get('mutation', '')} on {rec.get('base', '?')}: {rec.get('detail', '')}"
        head = f"save case {rec['case']}"
    tail = f" — {rec['exception']} at {rec.get('where_src', rec.get('where', '?'))}" if rec.get("exception") else ""
    unloc = f" — unlocated: {rec['unlocated'][0]}" if rec.get("unlocated") else ""
    return f"{head}: {', '.join(rec['failures']) or rec['stage']} [{what[:400]}]{tail}{unloc}"

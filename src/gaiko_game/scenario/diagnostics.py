"""Validation results as data, printed Ren'Py-style: ``path:line:col: error[code]: message``."""

from __future__ import annotations

import difflib
import heapq
import os
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """Errors block play; warnings only inform."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a scenario, located in its file."""

    severity: Severity
    code: str
    message: str
    file: str
    line: int = 0
    col: int = 0
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether it blocks play."""
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """``file:line:col``, or as much of it as is known."""
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file

    def format(self) -> str:
        """The diagnostic as printed, with its hint on a second line."""
        head = f"{self.location()}: {self.severity.value}[{self.code}]: {self.message}"
        return head + (f"\n    hint: {self.hint}" if self.hint else "")


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The closest known spelling, if one is close.

    Its cost stays bounded however many words a file gets wrong: only spellings of about the same length are
    compared, and of a large pool only the 60 that share the longest start with it.
    """
    slack = max(3, len(word) // 4)
    pool = [c for c in choices if abs(len(c) - len(word)) <= slack]
    if len(pool) > 60:
        pool = heapq.nlargest(60, pool, key=lambda c: len(os.path.commonprefix([c, word])))  # noqa: RUF071 - by character
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest known spelling, if one is close (see :func:`closest`)."""
    close = closest(word, choices)
    return f"did you mean '{close}'?" if close else None


def format_all(diags: Iterable[Diagnostic], limit_per_file: int | None = None) -> str:
    """Every diagnostic grouped by file in order of position, then a count."""
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diags:
        by_file.setdefault(d.file, []).append(d)
    lines: list[str] = []
    errors = warnings = 0
    for file in sorted(by_file):
        items = sorted(by_file[file], key=lambda d: (d.line, d.col, d.code, d.message))
        for i, d in enumerate(items):
            if limit_per_file is not None and i == limit_per_file:
                lines.append(f"{file}: … and {len(items) - i} more (use --all to see them)")
                break
            lines.append(d.format())
        errors += sum(d.is_error for d in items)
        warnings += sum(not d.is_error for d in items)
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)

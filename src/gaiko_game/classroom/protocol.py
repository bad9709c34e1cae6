"""The classroom's WebSocket messages: what each may hold, checked before anything reads it.

Every message is one JSON object of at most :data:`MAX_BYTES` bytes with a ``type`` this module
knows and exactly the fields that type takes, each of the right kind and size. Anything else is
refused with a :class:`BadMessage` whose code the page translates; nothing malformed reaches the room.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

MAX_BYTES = 4096
"""The largest message a page ever needs (a vote is under a hundred bytes)."""
SHORT = 80
"""The longest id or decision a message may carry."""

Spec = dict[str, tuple[str, bool]]
"""Each field: its kind (``str``, ``bool``, ``int``, ``lang``, ``teams``, ``view``) and whether it is required."""

STUDENT: dict[str, Spec] = {
    "vote": {"decision": ("str", True)},
    "submit": {},
    "leave": {},
    "lang": {"lang": ("lang", True)},
}
PROJECTOR: dict[str, Spec] = {"lang": {"lang": ("lang", True)}}
TEACHER: dict[str, Spec] = {
    "start": {}, "pause": {}, "resume": {}, "close": {}, "end": {},
    "extend": {"seconds": ("int", True)},
    "deal": {"event": ("str", True), "teams": ("teams", False)},
    "veto": {"event": ("str", True), "teams": ("teams", False)},
    "reveal": {"what": ("str", True), "actor": ("str", False)},
    "lock": {"team": ("str", True), "locked": ("bool", True)},
    "merge": {"team": ("str", True), "into": ("str", True)},
    "lang": {"lang": ("lang", True)},
}
JOIN: Spec = {"code": ("str", True), "team": ("str", True), "role": ("str", True)}
"""The body of ``POST /api/join`` (it has no ``type``: see :func:`parse`)."""
HELLO: Spec = {"view": ("view", True), "token": ("str", False), "code": ("str", False), "lang": ("lang", False)}
VIEWS = ("student", "teacher", "projector")


class BadMessage(ValueError):
    """A message refused before it reached the room: a code the page translates, and what was wrong."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str) and 0 < len(value) <= SHORT and value.isprintable()
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool) and -3600 <= value <= 3600
    if kind == "lang":
        return value in ("ja", "en")
    if kind == "view":
        return value in VIEWS
    if kind == "teams":
        return isinstance(value, list) and len(value) <= 40 and all(_ok("str", v) for v in value)
    return False


def parse(text: str | bytes, specs: dict[str, Spec], kind: str | None = None) -> dict[str, Any]:
    """The message as a dict, checked against the specs of what its sender may send; raises :class:`BadMessage`.
    With ``kind``, the message is that one and carries no ``type`` (a request's body, such as :data:`JOIN`)."""
    if isinstance(text, bytes) or len(text.encode("utf-8")) > MAX_BYTES:
        raise BadMessage("too_big", f"a message is JSON text of at most {MAX_BYTES} bytes")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise BadMessage("not_json", "a message is one JSON object") from None
    typed = kind is None
    if not isinstance(data, dict) or (typed and not isinstance(data.get("type"), str)):
        raise BadMessage("schema", "a message is a JSON object with a 'type'" if typed else "a message is a JSON object")
    name_of = str(data["type"]) if kind is None else kind
    spec = specs.get(name_of)
    if spec is None:
        raise BadMessage("unknown", f"'{name_of[:SHORT]}' is not a message this page may send")
    extra = set(data) - set(spec) - ({"type"} if typed else set())
    if extra:
        raise BadMessage("schema", f"'{name_of}' takes no field {sorted(extra)[0][:SHORT]!r}")
    for name, (field_kind, required) in spec.items():
        if name not in data:
            if required:
                raise BadMessage("schema", f"'{name_of}' needs '{name}'")
        elif not _ok(field_kind, data[name]):
            raise BadMessage("schema", f"'{name}' of '{name_of}' is not a valid {field_kind}")
    return data


@dataclass
class Bucket:
    """A connection's allowance of messages: ``rate`` a second, up to ``burst`` at once."""

    rate: float = 5.0
    burst: float = 15.0
    tokens: float = 15.0
    last: float = field(default_factory=time.monotonic)
    refused: int = 0
    """Messages refused for coming too fast (a connection that keeps on is closed)."""

    def take(self, now: float | None = None) -> bool:
        """Whether a message may pass now (and spend its token)."""
        now = time.monotonic() if now is None else now
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        self.refused += 1
        return False

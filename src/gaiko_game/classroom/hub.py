"""The running class: the room, who is connected, and what each connection may do and is sent.

One asyncio lock orders every change to the room; after each change the session file is written whole
(atomically) before anyone hears of it, so a server killed at any moment restarts with every decision it
announced. Then each connection is sent its view when what it shows has changed: a student the team's view
with its role's brief and advice, the projector the room without anyone's votes, the teacher everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gaiko_game.classroom.protocol import PROJECTOR, STUDENT, TEACHER, BadMessage, Bucket, parse
from gaiko_game.classroom.views import Views
from gaiko_game.session.classroom import ClassroomError, Room, token_key

log = logging.getLogger("gaiko.classroom")

Send = Callable[[str], Awaitable[None]]
GRACE = 30.0
"""Seconds a seat stays its device's after it was last connected (or given)."""
TOO_MANY_REFUSED = 60
"""Messages refused for speed after which a connection is closed (a page never sends this fast)."""


@dataclass(eq=False)
class Conn:
    """One open page: what it is, whose it is, its language, and its allowance of messages."""

    send: Send
    view: str
    lang: str = "ja"
    token: str = ""
    team: str = ""
    role: str = ""
    bucket: Bucket = field(default_factory=Bucket)
    sent: object = None
    """The stamp of the last view sent (a view that has not changed is not sent again)."""


class Hub:
    """The room behind the pages, the connections, and the session file it is saved to."""

    def __init__(self, room: Room, path: Path, teacher_token: str, join_url: str = "") -> None:
        self.room, self.path, self.teacher_token, self.join_url = room, path, teacher_token, join_url
        self.views = Views(room)
        self.conns: set[Conn] = set()
        self.lock = asyncio.Lock()
        self.seen: dict[str, float] = {}
        """When each seat's device was last connected (by token hash)."""

    # ── seats and connections ─────────────────────────────────────────────
    def here(self, token_hash: str) -> bool:
        """Whether the device holding a seat is connected now."""
        return any(c.view == "student" and token_key(c.token) == token_hash for c in self.conns)

    def connected(self, token_hash: str) -> bool:
        """Whether the device holding a seat is here, or was within the last :data:`GRACE` seconds (a sleeping
        Chromebook or a Wi-Fi hiccup does not lose its seat to whoever picks the same role)."""
        if self.here(token_hash):
            return True
        return time.monotonic() - self.seen.get(token_hash, -GRACE) < GRACE

    async def join(self, code: str, team: str, role: str) -> str:
        """A seat for a device: refused for a wrong room code; a role held by a device no longer connected is
        taken over (a student whose tablet died joins again)."""
        if code.strip().upper() != self.room.code:
            raise ClassroomError("code", "that is not this class's room code")
        async with self.lock:
            held = self.room.holder(team, role)
            if held is not None and not self.here(held) and self.connected(held):
                raise ClassroomError("role_wait", "that role's device dropped a moment ago: the same device comes back "
                                     f"by itself; from another device, try again in {GRACE:.0f} seconds")
            token = self.room.join(team, role, replace=held is not None and not self.connected(held))
            self.seen[token_key(token)] = time.monotonic()
            self.save()
        await self.broadcast()
        return token

    async def hello(self, conn: Conn, msg: dict[str, Any], local: bool) -> None:
        """Admit a page: a student by its seat's token, the teacher by the teacher's token from this machine, the
        projector by the room code."""
        conn.lang = msg.get("lang", conn.lang)
        if msg["view"] == "student":
            seat = self.room.seat(str(msg.get("token", "")))
            conn.token, conn.team, conn.role = str(msg["token"]), seat.team, seat.role
        elif msg["view"] == "teacher":
            if msg.get("token") != self.teacher_token or not local:
                raise ClassroomError("teacher", "the teacher's console opens only on the teacher's machine")
        elif str(msg.get("code", "")).strip().upper() != self.room.code:
            raise ClassroomError("code", "that is not this class's room code")
        conn.view = msg["view"]
        self.conns.add(conn)
        await self.send_view(conn, force=True)
        if conn.view == "student":
            await self.broadcast()  # the team and the teacher see who is here

    def leave(self, conn: Conn) -> None:
        if conn in self.conns and conn.view == "student":
            self.seen[token_key(conn.token)] = time.monotonic()
        self.conns.discard(conn)

    # ── messages ──────────────────────────────────────────────────────────
    async def receive(self, conn: Conn, text: str | bytes) -> bool:
        """Handle one message from a page; False when the connection should be closed (it floods)."""
        if not conn.bucket.take():
            if conn.bucket.refused >= TOO_MANY_REFUSED:
                return False
            await self.refuse(conn, "rate", "too many messages: wait a moment")
            return True
        try:
            msg = parse(text, {"teacher": TEACHER, "student": STUDENT}.get(conn.view, PROJECTOR))
            if msg["type"] == "lang":
                conn.lang = msg["lang"]
                await self.send_view(conn, force=True)
                return True
            async with self.lock:
                if conn.view == "student":
                    self.student(conn, msg)
                else:
                    self.teacher(msg)
                if msg["type"] != "vote":  # a vote is not a decision: the file is written after each decision
                    self.save()
        except (BadMessage, ClassroomError) as e:
            await self.refuse(conn, e.code, str(e))
            return True
        await self.broadcast()
        return True

    def student(self, conn: Conn, msg: dict[str, Any]) -> None:
        seat = self.room.seat(conn.token)  # a seat merged away moves with its token
        conn.team, conn.role = seat.team, seat.role
        if msg["type"] == "vote":
            self.room.vote(seat.team, seat.role, msg["decision"])
        elif msg["type"] == "leave":
            self.room.leave(conn.token)
            self.seen.pop(token_key(conn.token), None)
        else:
            self.room.submit(seat.team, seat.role)

    def teacher(self, msg: dict[str, Any]) -> None:
        room, kind = self.room, msg["type"]
        if kind in ("start", "pause", "resume", "close", "end"):
            getattr(room, kind)()
        elif kind == "extend":
            room.extend(msg["seconds"])
        elif kind in ("deal", "veto"):
            getattr(room, kind)(msg["event"], msg.get("teams"))
        elif kind == "reveal":
            room.reveal(msg["what"], msg.get("actor"))
        elif kind == "lock":
            room.lock(msg["team"], msg["locked"])
        elif kind == "merge":
            room.merge(msg["team"], msg["into"])

    async def tick(self) -> None:
        """Close the turn when its clock runs out (called every quarter second)."""
        async with self.lock:
            closed = self.room.tick()
            if closed:
                self.save()
        if closed:
            await self.broadcast()

    def save(self) -> None:
        self.room.save(self.path)

    # ── what pages are sent ───────────────────────────────────────────────
    async def refuse(self, conn: Conn, code: str, message: str) -> None:
        with contextlib.suppress(Exception):
            await conn.send(json.dumps({"type": "error", "code": code, "message": message}, ensure_ascii=False))

    def stamp(self, conn: Conn) -> object:
        """What a connection's view depends on: when it changes, the view is sent again."""
        room = self.room
        if conn.view == "student":
            seat = room.seat(conn.token)
            conn.team, conn.role = seat.team, seat.role
            return room.team(seat.team).version, room.epoch, conn.lang, conn.role
        if conn.view == "teacher":
            return room.version, conn.lang, len(self.conns)
        return room.version, conn.lang

    def message(self, conn: Conn) -> str:
        """The state message a connection is sent, as JSON text."""
        room = self.room
        if conn.view == "student":
            text = self.views.student_json(conn.team, conn.role, conn.lang)
            return '{"type": "state", "remaining": ' + json.dumps(room.remaining()) + ', "view": ' + text + "}"
        view = {**self.views.room_view(conn.lang, conn.view == "teacher"), "join_url": self.join_url}
        if conn.view == "teacher":
            view = {**view,
                    "connected": sorted({c.team for c in self.conns if c.view == "student"})}
        return json.dumps({"type": "state", "view": view, "remaining": room.remaining()}, ensure_ascii=False)

    async def send_view(self, conn: Conn, force: bool = False) -> None:
        try:
            stamp = self.stamp(conn)
        except ClassroomError as e:  # the seat was taken over by another device
            await self.refuse(conn, e.code, str(e))
            return
        if force or stamp != conn.sent:
            conn.sent = stamp
            try:
                await conn.send(self.message(conn))
            except Exception:  # noqa: BLE001 - a page that went away is dropped, never the class
                log.debug("a page went away while being sent its view")
                self.leave(conn)

    async def broadcast(self) -> None:
        """Send every connection its view if what it shows changed."""
        await asyncio.gather(*(self.send_view(c) for c in list(self.conns)))

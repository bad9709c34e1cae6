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
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gaiko_game.classroom.protocol import STUDENT, TEACHER, BadMessage, Bucket, parse
from gaiko_game.classroom.views import Views
from gaiko_game.session.classroom import ClassroomError, Room, token_key

log = logging.getLogger("gaiko.classroom")

Send = Callable[[str], Awaitable[None]]
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
        self.decisions = 0
        """Decisions recorded since the server started (what the load test counts)."""

    # ── seats and connections ─────────────────────────────────────────────
    def connected(self, token_hash: str) -> bool:
        return any(c.view == "student" and token_key(c.token) == token_hash for c in self.conns)

    async def join(self, code: str, team: str, role: str) -> str:
        """A seat for a device: refused for a wrong room code; a role held by a device no longer connected is
        taken over (a student whose tablet died joins again)."""
        if code.strip().upper() != self.room.code:
            raise ClassroomError("code", "that is not this class's room code")
        async with self.lock:
            held = self.room.holder(team, role)
            token = self.room.join(team, role, replace=held is not None and not self.connected(held))
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
            msg = parse(text, TEACHER if conn.view == "teacher" else STUDENT if conn.view == "student" else {})
            if msg["type"] == "lang":
                conn.lang = msg["lang"]
                await self.send_view(conn, force=True)
                return True
            async with self.lock:
                if conn.view == "student":
                    self.student(conn, msg)
                else:
                    self.teacher(msg)
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
        else:
            self.room.submit(seat.team, seat.role)
            self.decisions += 1

    def teacher(self, msg: dict[str, Any]) -> None:
        room, kind = self.room, msg["type"]
        before = sum(len(t.decided) for t in room.teams.values())
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
        self.decisions += sum(len(t.decided) for t in room.teams.values()) - before

    async def tick(self) -> None:
        """Close the turn when its clock runs out (called every quarter second)."""
        async with self.lock:
            before = sum(len(t.decided) for t in self.room.teams.values())
            closed = self.room.tick()
            if closed:
                self.decisions += sum(len(t.decided) for t in self.room.teams.values()) - before
                self.save()
        if closed:
            await self.broadcast()

    def save(self) -> None:
        self.room.save(self.path)

    # ── what pages are sent ───────────────────────────────────────────────
    async def refuse(self, conn: Conn, code: str, message: str) -> None:
        with contextlib.suppress(Exception):
            await conn.send(json.dumps({"type": "error", "code": code, "message": message}, ensure_ascii=False))

    def envelope(self, conn: Conn) -> tuple[object, dict[str, Any]]:
        """The view a connection is sent, with the stamp that says whether it changed."""
        room = self.room
        if conn.view == "student":
            seat = room.seat(conn.token)
            conn.team, conn.role = seat.team, seat.role
            team = room.team(seat.team)
            view = self.views.student(seat.team, seat.role, conn.lang)
            stamp: object = (team.version, room.version, conn.lang, conn.role)
        else:
            view = self.views.room_view(conn.lang, conn.view == "teacher")
            stamp = (room.version, conn.lang)
            if conn.view == "teacher":
                view = {**view, "join_url": self.join_url,
                        "connected": sorted({c.team for c in self.conns if c.view == "student"})}
                stamp = (room.version, conn.lang, len(self.conns))
        return stamp, {"type": "state", "view": view, "remaining": room.remaining()}

    async def send_view(self, conn: Conn, force: bool = False) -> None:
        try:
            stamp, message = self.envelope(conn)
        except ClassroomError as e:  # the seat was taken over by another device
            await self.refuse(conn, e.code, str(e))
            return
        if force or stamp != conn.sent:
            conn.sent = stamp
            try:
                await conn.send(json.dumps(message, ensure_ascii=False))
            except Exception:  # noqa: BLE001 - a page that went away is dropped, never the class
                log.debug("a page went away while being sent its view")
                self.leave(conn)

    async def broadcast(self) -> None:
        """Send every connection its view if what it shows changed."""
        await asyncio.gather(*(self.send_view(c) for c in list(self.conns)))

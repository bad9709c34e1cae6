"""The classroom's web server: the pages, the map, the page texts, joining, exports, the QR code and the WebSocket.

Plain HTML, CSS and JavaScript served from the game's own files (no build step, no CDN), with the game's
own Noto Sans JP, so a school Chromebook shows Japanese without installing anything. One WebSocket per
page carries JSON messages (see ``protocol``); the engine stays here, authoritative.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import segno
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from gaiko_game.classroom.hub import Conn, Hub
from gaiko_game.classroom.protocol import HELLO, JOIN, MAX_BYTES, BadMessage, parse
from gaiko_game.classroom.strings import page_strings
from gaiko_game.classroom.views import map_shapes
from gaiko_game.scenario.bundled import assets_root
from gaiko_game.session.classroom import ClassroomError

WEB = Path(__file__).parent / "web"
HELLO_WAIT = 10.0
"""Seconds a new WebSocket has to say who it is."""
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def _local(host: str | None, own: frozenset[str]) -> bool:
    """Whether a request comes from the teacher's machine (loopback, or one of the server's own addresses)."""
    return host is not None and (host in LOOPBACK or host in own)


def app(hub: Hub, own: frozenset[str] = frozenset()) -> Starlette:
    """The classroom application for a hub; ``own`` are this machine's addresses (the teacher's console and the
    exports answer only requests from them)."""

    def page(name: str) -> Any:
        async def serve(_: Request) -> Response:
            return FileResponse(WEB / name, headers={"Cache-Control": "no-cache"})
        return serve

    async def meta(request: Request) -> Response:
        room = hub.room
        if request.query_params.get("code", "").strip().upper() != room.code:
            return JSONResponse({"code": "code", "message": "that is not this class's room code"}, 404)
        views = hub.views
        return JSONResponse({
            "teams": [{"id": t.id, "locked": t.locked, "merged_into": t.merged_into,
                       "held": [r for r in room.roles if room.holder(t.id, r) is not None]}
                      for t in room.teams.values()],
            "roles": [{"id": r, "name": {lang: views.role_name(r, lang) for lang in ("ja", "en")}} for r in room.roles],
            "scenario": {lang: views.w[lang].name("scenario.name") for lang in ("ja", "en")},
        })

    async def join(request: Request) -> Response:
        body = await request.body()
        try:
            data = parse(body[:MAX_BYTES + 1].decode("utf-8", "replace"), {"join": JOIN}, "join")
        except BadMessage as e:
            return JSONResponse({"code": e.code, "message": str(e)}, 413 if e.code == "too_big" else 400)
        try:
            token = await hub.join(data["code"], data["team"], data["role"])
        except ClassroomError as e:
            return JSONResponse({"code": e.code, "message": str(e)}, 403 if e.code == "code" else 409)
        return JSONResponse({"token": token, "team": hub.room.seat(token).team, "role": data["role"]})

    def teacher_only(request: Request) -> bool:
        client = request.client.host if request.client else None
        return request.query_params.get("token") == hub.teacher_token and _local(client, own)

    async def export_csv(request: Request) -> Response:
        if not teacher_only(request):
            return JSONResponse({"code": "teacher", "message": "the teacher's exports open on the teacher's machine"},
                                403)
        name = f"gaiko-{hub.room.code}.csv"
        lang = "en" if request.query_params.get("lang") == "en" else "ja"
        text = hub.room.csv(lambda d: hub.views.submitted(d, lang))
        return Response("\ufeff" + text, media_type="text/csv; charset=utf-8",  # the mark tells Excel it is UTF-8
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    async def export_session(request: Request) -> Response:
        if not teacher_only(request):
            return JSONResponse({"code": "teacher", "message": "the teacher's exports open on the teacher's machine"},
                                403)
        anonymous = request.query_params.get("anonymous") == "1"
        name = f"gaiko-{'anonymous' if anonymous else hub.room.code}.json"
        return Response(json.dumps(hub.room.data(anonymous), ensure_ascii=False, indent=1),
                        media_type="application/json", headers={"Content-Disposition": f'attachment; filename="{name}"'})

    async def qr(_: Request) -> Response:
        out = io.BytesIO()
        segno.make(hub.join_url or "gaiko", error="m").save(out, kind="svg", scale=8, border=2, xmldecl=False)
        return Response(out.getvalue(), media_type="image/svg+xml")

    async def the_map(_: Request) -> Response:
        return JSONResponse(map_shapes(hub.room.scenario), headers={"Cache-Control": "max-age=3600"})

    async def texts(_: Request) -> Response:
        return JSONResponse(page_strings(), headers={"Cache-Control": "no-cache"})

    async def socket(ws: WebSocket) -> None:
        await ws.accept()
        conn = Conn(ws.send_text, "pending")
        client = ws.client.host if ws.client else None
        try:
            first = await asyncio.wait_for(ws.receive_text(), HELLO_WAIT)
            try:
                await hub.hello(conn, parse(first, {"hello": HELLO}), _local(client, own))
            except (BadMessage, ClassroomError) as e:
                await hub.refuse(conn, e.code, str(e))
                await ws.close(code=4003)
                return
            while True:
                message = await ws.receive()
                if message["type"] == "websocket.disconnect":
                    break
                text = message.get("text")
                if text is None:
                    text = message.get("bytes") or b""
                if not await hub.receive(conn, text):
                    await ws.close(code=1008)
                    break
        except (WebSocketDisconnect, TimeoutError, RuntimeError):
            pass
        finally:
            hub.leave(conn)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async def ticking() -> None:
            while True:
                await asyncio.sleep(0.25)
                await hub.tick()

        task = asyncio.create_task(ticking())
        try:
            yield
        finally:
            task.cancel()

    return Starlette(routes=[
        Route("/", page("student.html")),
        Route("/teacher", page("teacher.html")),
        Route("/projector", page("projector.html")),
        Route("/api/room", meta),
        Route("/api/join", join, methods=["POST"]),
        Route("/api/map", the_map),
        Route("/api/strings", texts),
        Route("/export/results.csv", export_csv),
        Route("/export/session.json", export_session),
        Route("/qr.svg", qr),
        WebSocketRoute("/ws", socket),
        Mount("/static", StaticFiles(directory=WEB)),
        Mount("/fonts", StaticFiles(directory=assets_root() / "fonts")),
    ], lifespan=lifespan)

"""Where the classroom server listens: the teacher's LAN address, never every interface unless asked."""

from __future__ import annotations

import contextlib
import ipaddress
import socket


def addresses() -> list[str]:
    """This machine's private IPv4 addresses (school LANs are private), the one with the default route first."""
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))  # no packet is sent: this only asks which address would be used
        found.append(s.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    out = []
    for a in found:
        ip = ipaddress.ip_address(a)
        if ip.is_private and not ip.is_loopback and not ip.is_link_local and a not in out:
            out.append(a)
    return out


EVERY = ("0.0.0.0", "::")


class NoAddress(ValueError):
    """This machine has no address on a private network, and none was asked for."""


def choose_host(asked: str | None) -> tuple[str, str, list[str]]:
    """(the address to listen on, the address students are given, this machine's other private addresses).
    Listening on every interface (``0.0.0.0``) happens only when asked for; students are then given this machine's
    first private address. Raises :class:`NoAddress` when there is none to give."""
    found = addresses()
    if asked and asked not in EVERY:
        return asked, asked, [a for a in found if a != asked]
    if not found:
        if asked:
            return asked, "127.0.0.1", []
        raise NoAddress("no private network address")
    return asked or found[0], found[0], found[1:]


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port); raises OSError when the address cannot be used."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    return sock

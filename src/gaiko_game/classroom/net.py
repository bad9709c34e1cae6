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


def choose_host(asked: str | None) -> tuple[str, str]:
    """The address to listen on and a note for the teacher ("" when there is nothing to say). Refused (ValueError,
    with what to do) when no private address exists and none was asked for."""
    if asked:
        if asked in ("0.0.0.0", "::"):
            return asked, ("listening on every network interface, as asked: any network this machine is on can "
                           "reach the class")
        return asked, ""
    found = addresses()
    if not found:
        raise ValueError("this machine has no address on a private network (a school LAN): connect to the school's "
                         "network, or give --host 127.0.0.1 to try the class on this machine alone")
    note = f"other addresses of this machine: {', '.join(found[1:])} (choose one with --host)" if found[1:] else ""
    return found[0], note


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
    sock.set_inheritable(True)
    return sock

"""Which Host headers the server answers, and what a non-loopback address exposes.

A browser visiting another site can reach a server on 127.0.0.1 by DNS rebinding: the other
site's name is made to resolve to 127.0.0.1, and its pages then read ours as same-origin. The
request still carries the other site's name in its Host header, so a request whose Host is not
a name the server was bound under is refused (400) before any page runs.
"""
from __future__ import annotations

import ipaddress
import socket

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, extra: list[str] | tuple[str, ...] = ()) -> set[str]:
    """The Host names answered when listening on `host`: the bound name and this machine's loopback
    names; for a wildcard address (0.0.0.0, ::) also the machine's own name and addresses."""
    names = {host.lower().strip("[]"), *LOOPBACK_NAMES, *(e.lower().strip("[]") for e in extra)}
    if host in WILDCARDS:
        for name in {socket.gethostname(), socket.getfqdn()}:
            names.add(name.lower())
            try:
                for info in socket.getaddrinfo(name, None):
                    names.add(str(info[4][0]).lower())
            except OSError:
                pass
    names.discard("")
    return names


def host_of(header: str) -> str:
    """The name in a Host header, without the port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """ASGI middleware: 400 for an HTTP request whose Host header is not one of `names`."""

    def __init__(self, app, names: set[str]):
        self.app = app
        self.names = {n.lower() for n in names}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if host_of(header) in self.names:
            return await self.app(scope, receive, send)
        body = (f"400: this server answers to {', '.join(sorted(self.names))}, not to the Host "
                f"{header[:100]!r} (a page of another site reaching this one through its name?)\n").encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def exposure_warning(host: str, port: int, db_name: str, counts: dict[str, int], folders: list[str]) -> str | None:
    """What a non-loopback address exposes, said before the server starts; None on loopback."""
    if is_loopback(host):
        return None
    where = "every network this machine is on" if host in WILDCARDS else f"anyone who can reach {host}"
    shown = ", ".join(folders[:5]) + (f" and {len(folders) - 5} more" if len(folders) > 5 else "")
    return (f"WARNING: listening on {host}:{port}, open to {where}, with no login. Anyone there can read the whole "
            f"warehouse {db_name}: {counts.get('documents', 0)} documents, {counts.get('records', 0)} records, "
            f"{counts.get('passages', 0)} passages of their full text, the check runs, and run read-only SQL over all of "
            f"it; and download the ingested source files (from {shown or 'no folder'}). "
            f"Use --host 127.0.0.1 to keep it to this machine.")

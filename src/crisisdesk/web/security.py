"""The web app's front door: who may write, how much, from where, and what a page may load.

Rules, each enforced by one piece below:
1. Bound to 127.0.0.1 unless told otherwise; a non-loopback address needs a token
   (`check_bind`), because anyone on the network could otherwise add documents.
2. Write endpoints need `Authorization: Bearer <token>` when a token is set
   (`authorize_write`), and refuse requests another site's page sent (`Origin`
   and `Sec-Fetch-Site`), so a web page open in the same browser cannot post a
   form to the local server.
3. Request bodies stop at `MAX_UPLOAD_BYTES` with 413 (`BodyLimit`), counted as
   they stream, so a client that lies about or omits Content-Length is cut off too.
4. Every response carries a Content-Security-Policy that allows this origin
   only, no inline script and no framing (`SecurityHeaders`).
"""

from __future__ import annotations

import hmac
import json
import ipaddress
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import CrisisdeskError

# Same as the ingest's default `max_bytes` (20 MB, about 3 million words): a larger
# file would be skipped by the reader anyway, so it is refused before it is stored.
# A little room is added for the multipart envelope and form fields around the file.
MAX_UPLOAD_BYTES = 20_000_000 + 64_000

# Only this origin, for everything: scripts and styles are files the app serves
# (no inline code, no CDN), the API is fetched from the same origin, forms post
# back to it, and no other site may frame the pages.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

# Host names a browser uses for this machine; a page served under any other
# name while bound to loopback is a DNS-rebinding attempt.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


class InsecureBindError(CrisisdeskError):
    """Serving on a network address without a token."""


def is_loopback(host: str) -> bool:
    """Whether `host` (an address or `localhost`) is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve a network address without a token for the write endpoints."""
    if not is_loopback(host) and not token:
        raise InsecureBindError(
            f"--host {host} is reachable from other machines: give --token TOKEN (or set "
            "CRISISDESK_TOKEN) so that only holders of the token can add documents"
        )


def allowed_hosts(host: str) -> list[str] | None:
    """Host headers to accept: loopback names when bound to loopback, else any."""
    return list(LOOPBACK_NAMES) if is_loopback(host) else None


def _same_origin(request: Request) -> bool:
    """False when the browser says another site's page sent the request."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not sent by a browser's cross-origin machinery (curl, scripts, same-origin GET forms)
    return origin != "null" and urlsplit(origin).netloc == request.headers.get("host")


def authorize_write(request: Request, token: str | None) -> None:
    """Let a write through only from this origin and, when a token is set, with it."""
    if not _same_origin(request):
        raise HTTPException(403, "cross-site requests may not write; use this app's own pages or an API client")
    if token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "this server needs `Authorization: Bearer <token>` to add documents",
                            headers={"WWW-Authenticate": "Bearer"})


class SecurityHeaders:
    """Adds the CSP and its companions to every response, errors included."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(HTTPException):
    """Raised inside the app when the request body passes the limit (an HTTPException, so
    FastAPI's body parsing lets it through as 413 instead of calling the body malformed)."""

    def __init__(self, limit: int):
        super().__init__(413, too_large_message(limit))


def too_large_message(limit: int) -> str:
    return f"the request is over the upload limit of {limit:,} bytes; split the files or run `crisisdesk run` on them"


class BodyLimit:
    """413 for a request body over `limit` bytes, by Content-Length or as it streams."""

    def __init__(self, app: ASGIApp, limit: int = MAX_UPLOAD_BYTES):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": too_large_message(self.limit)}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

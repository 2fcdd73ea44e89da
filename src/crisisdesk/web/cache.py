"""Whole read responses kept in memory per state of the store, so a repeated read costs no work.

A page or an API read is a function of its URL and of the store's content
(nothing in them depends on who asks, the Host or a cookie), so the rendered
bytes of a 200 are kept under (path, query) until the store's stamp
(`StoreVersion`) changes, and then all are dropped at once.  Building one
answer takes 5-60 ms (the export snapshot, highlights, templates, response
validation); answering from here takes microseconds.

Requests for one URL that arrive while its answer is being built wait for that
one answer instead of each building it again (50 clients after a new upload
would otherwise build the same page 50 times).

Only the read routes are kept; job status, the upload form and everything
else pass through.  The memory is bounded by entries and by bytes, least
recently used first out.
"""

from __future__ import annotations

import asyncio
import re
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .version import StoreVersion

# The read routes whose answer depends on the URL and the store only (pages and their API twins).
CACHED_PATHS = re.compile(
    r"/(?:api/)?(?:|overview|documents|documents/[0-9a-f]{16}|events|events/export/[A-Za-z0-9_.-]+|claims|actors)"
)
# Answers kept at most: every page of every document and a few hundred searches.
MAX_ENTRIES = 2048
# Bytes kept at most; a larger store's pages push the least recently used out.
MAX_BYTES = 128 * 1024 * 1024
# A single answer above this is not kept (a download of a large store's events), so it cannot flush the rest.
MAX_ENTRY_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes

    async def replay(self, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        await send({"type": "http.response.body", "body": self.body})


class Answers:
    """The kept answers of one app, all of one store stamp; used from the event loop's thread only."""

    def __init__(self, version: StoreVersion):
        self.version = version
        self.stamp: int | None = None
        self.entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self.size = 0
        self.hits = 0
        self.misses = 0
        self.building: dict[tuple[str, bytes], asyncio.Future] = {}

    async def current(self) -> int | None:
        """The store's stamp now, dropping every answer of an older one; None: keep nothing.

        A stamp that waits on a database server is read off the event loop,
        which would otherwise stall every other request for the round trip."""
        stamp = await asyncio.to_thread(self.version.stamp) if self.version.blocking else self.version.stamp()
        # Stamps only grow; one read before another request's newer one must not bring old answers back.
        if stamp != self.stamp and (stamp is None or self.stamp is None or stamp > self.stamp):
            self.entries.clear()
            self.building = {}
            self.size = 0
            self.stamp = stamp
        return stamp

    def keep(self, key: tuple[str, bytes], stamp: int, start: Message, body: bytes) -> Entry | None:
        """The answer as an entry if it may be kept (a 200, not too large, no cookie), kept if still current."""
        headers = list(start.get("headers", []))
        if (start.get("status") != 200 or len(body) > MAX_ENTRY_BYTES
                or any(name.lower() == b"set-cookie" for name, _ in headers)):
            return None
        entry = Entry(200, headers, body)
        if stamp != self.stamp:
            return entry  # built over a store that has changed since: good for its waiters, not for later
        old = self.entries.pop(key, None)
        self.size -= len(old.body) if old else 0
        self.entries[key] = entry
        self.size += len(body)
        while len(self.entries) > MAX_ENTRIES or self.size > MAX_BYTES:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)
        return entry


class CachedReads:
    """ASGI middleware: answers repeated reads from `answers` until the store changes."""

    def __init__(self, app: ASGIApp, answers: Answers):
        self.app = app
        self.answers = answers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not CACHED_PATHS.fullmatch(scope["path"]):
            await self.app(scope, receive, send)
            return
        answers = self.answers
        stamp = await answers.current()
        if stamp is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        entry = answers.entries.get(key)
        if entry is None and key in answers.building:
            entry = await asyncio.shield(answers.building[key])
        if entry is not None:
            answers.hits += 1
            if key in answers.entries:
                answers.entries.move_to_end(key)
            await entry.replay(send)
            return
        answers.misses += 1
        await self._build(key, stamp, scope, receive, send)

    async def _build(self, key: tuple[str, bytes], stamp: int, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer through the app, keep the answer if it may be kept, and hand it to those waiting for it."""
        waiting: asyncio.Future = asyncio.get_running_loop().create_future()
        self.answers.building[key] = waiting
        start: Message = {}
        chunks: list[bytes] = []
        entry = None

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, capture)
            entry = self.answers.keep(key, stamp, start, b"".join(chunks))
        finally:
            if self.answers.building.get(key) is waiting:
                del self.answers.building[key]
            waiting.set_result(entry)  # None: each waiter asks the app itself

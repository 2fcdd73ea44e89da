"""A number that changes whenever the store's content may have changed: what the web app's caches are keyed on.

Every page and API read is a function of the URL and the store's content, so an
answer can be kept until the store changes.  The stamp must be cheap (it is
read on every request) and must see writes by anyone: a job of this server, a
`crisisdesk run` in another process, a test writing behind the app's back.

- SQLite: `PRAGMA data_version` on a connection of its own, which never writes.
  SQLite changes the value whenever another connection commits (of any process),
  and reading it costs about 10 µs.
- PostgreSQL: `pg_current_wal_lsn()`, the end of the write-ahead log, which
  moves at every commit (and at some maintenance writes: an extra change only
  costs a recomputation).
- Any other database: no stamp (`None`), and nothing is cached.

Reading the PostgreSQL stamp is a round trip to the server, so `blocking` tells
the caller on the event loop to read it from a worker thread instead.

While a job of this server writes (`writing()`), the stamp stays where it was:
readers keep the store as it was before the job, not a half-written state (a
document stored but not yet resolved across documents), and the job's end
publishes all of it at once with one change of stamp.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Engine

SQLITE_PREFIX = "sqlite:///"
# SQLite databases with no file another connection could share: nothing to watch.
PRIVATE_SQLITE = ("", ":memory:")


class StoreVersion:
    """The store's content stamp for one app; safe to read from any thread."""

    def __init__(self, url: str, engine: Engine):
        self._lock = threading.Lock()
        self._writers = 0
        self._stamp = 0
        self._conn: sqlite3.Connection | None = None
        self.blocking = engine.dialect.name == "postgresql"  # a read waits on the network
        self._read = self._chooser(url, engine)
        self._seen = self._read() if self._read else None

    def _chooser(self, url: str, engine: Engine) -> Callable[[], object] | None:
        if engine.dialect.name == "sqlite" and url.startswith(SQLITE_PREFIX):
            path = url.removeprefix(SQLITE_PREFIX)
            if path in PRIVATE_SQLITE:
                return None
            # autocommit: each PRAGMA reads the current value, never one pinned by an open transaction
            self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            conn = self._conn
            return lambda: conn.execute("PRAGMA data_version").fetchone()[0]
        if engine.dialect.name == "postgresql":
            def wal_position() -> object:
                with engine.connect() as conn:
                    return conn.execute(text("SELECT pg_current_wal_lsn()")).scalar_one()
            return wal_position
        return None

    def stamp(self) -> int | None:
        """The current stamp: equal stamps mean the store's content did not change; None: unknown."""
        if self._read is None:
            return None
        with self._lock:
            if self._writers == 0:
                seen = self._read()
                if seen != self._seen:
                    self._seen = seen
                    self._stamp += 1
            return self._stamp

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the stamp while a job writes; its end publishes the job's writes with one new stamp."""
        with self._lock:
            self._writers += 1
        try:
            yield
        finally:
            with self._lock:
                self._writers -= 1
                self._stamp += 1
                if self._read is not None:
                    self._seen = self._read()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

"""The store: SQLite by default, any SQLAlchemy URL (PostgreSQL) by choice.

Writes are one transaction per batch of documents, so a run killed halfway
leaves every document either fully stored with all its facts or absent; re-running on the
same input adds nothing (document ids are content hashes).  The resolve stage
rewrites the cross-document columns and tables in one transaction of its own.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from sqlalchemy import bindparam, create_engine, delete, event, insert, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from ..errors import StoreError
from ..model import DocFacts, Document, Skipped
from . import schema

# Seconds a writer waits for another process's transaction before failing:
# two runs on one SQLite file must queue, not crash with "database is locked".
SQLITE_BUSY_TIMEOUT_S = 60
# Processes opening a new database together race to create its tables; the
# loser sees "already exists" and looks again.
SCHEMA_CREATE_ATTEMPTS = 5


def database_url(db: str | Path) -> str:
    """A path becomes a SQLite URL; a URL is used as given."""
    text = str(db)
    if "://" in text:
        return text.replace("postgresql://", "postgresql+psycopg://", 1) if text.startswith("postgresql://") else text
    return f"sqlite:///{Path(text).expanduser()}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def fact_row_id(table: str, fact, seq: int) -> str:
    return f"{table}:{fact.doc}:{getattr(fact, 'start', 0)}:{getattr(fact, 'end', 0)}:{seq}"


class Store:
    """A database holding documents, their facts and the resolved identities."""

    def __init__(self, db: str | Path):
        self.url = database_url(db)
        if self.url.startswith("sqlite:///"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except Exception as exc:  # a bad URL or a missing driver: one clear line
            raise StoreError(f"cannot open store {db}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._create_schema(db)

    def _create_schema(self, db) -> None:
        """Create missing tables; another process creating them at the same moment is fine."""
        for attempt in range(SCHEMA_CREATE_ATTEMPTS):
            try:
                schema.metadata.create_all(self.engine)
                return
            except DBAPIError as exc:
                if "already exists" not in str(exc.orig) or attempt == SCHEMA_CREATE_ATTEMPTS - 1:
                    raise StoreError(f"cannot open store {db}: {exc.orig}") from exc

    # -- writing ------------------------------------------------------------
    def add(self, facts: DocFacts) -> bool:
        """Store one document with all its facts atomically; False if it was already there."""
        return self.add_many([facts])[0]

    def add_many(self, batch: Sequence[DocFacts]) -> list[bool]:
        """Store a batch of documents with all their facts in one transaction; for
        each, False if it was already there (stored before, by this or another process).

        One transaction and one multi-row insert per fact table for the whole
        batch: per document, the commits and statement set-up cost more than
        the rows (measured: 7 ms of a document's 8 ms in the store)."""
        stored: list[bool] = []
        rows: dict[str, list[dict]] = {name: [] for name in schema.FACT_TABLES}
        new_document = self._insert_new(schema.documents).returning(schema.documents.c.id)
        with self.engine.begin() as conn:
            for facts in batch:
                new = conn.execute(new_document, _document_row(facts.document)).first() is not None
                stored.append(new)
                if not new:
                    continue
                for name, (_table, field, _cls) in schema.FACT_TABLES.items():
                    rows[name] += [
                        {"id": fact_row_id(name, f, i), **{n: getattr(f, n) for n in _field_names(type(f))}}
                        for i, f in enumerate(getattr(facts, field))
                    ]
            for name, (table, _field, _cls) in schema.FACT_TABLES.items():
                if rows[name]:
                    conn.execute(insert(table), rows[name])
        return stored

    def _insert_new(self, table):
        """INSERT that quietly does nothing when the primary key exists (SQLite and PostgreSQL)."""
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            return pg_insert(table).on_conflict_do_nothing()
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing()

    def add_skipped(self, items: Iterable[Skipped]) -> None:
        rows = {s.source: {"source": s.source, "reason": s.reason, "seen_at": _now()} for s in items}
        if not rows:
            return
        with self.engine.begin() as conn:
            conn.execute(delete(schema.skipped).where(schema.skipped.c.source.in_(list(rows))))
            conn.execute(insert(schema.skipped), list(rows.values()))

    def save_resolution(
        self,
        *,
        actors: list[dict],
        places: list[dict],
        columns: Mapping[str, Mapping[str, dict]],
        duplicates: Mapping[str, str | None],
    ) -> None:
        """Replace every cross-document identity in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(schema.actors))
            conn.execute(delete(schema.places))
            if actors:
                conn.execute(insert(schema.actors), [{**a, "aliases": json.dumps(a["aliases"])} for a in actors])
            if places:
                conn.execute(insert(schema.places), places)
            for name, updates in columns.items():
                table = schema.FACT_TABLES[name][0]
                _update_many(conn, table, updates)
            _update_many(conn, schema.documents, {d: {"duplicate_of": o} for d, o in duplicates.items()})

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold the store's lock called `name` across processes until the block ends.

        For read-then-write stages such as resolve: two runs resolving at once
        would each delete and re-insert every identity (on PostgreSQL the later
        insert collides, "duplicate key"), and the one that read first could
        overwrite the other's newer result.  The lock dies with its process
        (an advisory lock ends with its connection, a flock with its file
        descriptor), so a killed run never leaves it held.
        """
        if self.engine.dialect.name == "postgresql":
            key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            return
        path = self.url.removeprefix("sqlite:///")
        if not self.url.startswith("sqlite:///") or path in ("", ":memory:"):
            yield  # a private in-memory database has no other writer
            return
        with open(f"{path}.{name}.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- reading ------------------------------------------------------------
    def document_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.execute(select(schema.documents.c.id)).scalars())

    def documents(self, *, with_text: bool = True) -> Iterator[dict]:
        cols = [c for c in schema.documents.c if with_text or c.name != "text"]
        with self.engine.connect() as conn:
            for row in conn.execute(select(*cols).order_by(schema.documents.c.published, schema.documents.c.id)):
                yield _document_dict(row._mapping)

    def rows(self, table_name: str) -> list[dict]:
        table = schema.FACT_TABLES[table_name][0] if table_name in schema.FACT_TABLES else schema.metadata.tables[table_name]
        order = [table.c[k] for k in ("doc", "start", "id") if k in table.c]
        with self.engine.connect() as conn:
            result = conn.execute(select(table).order_by(*order))
            keys = list(result.keys())
            return [dict(zip(keys, r)) for r in result]  # a Row's _mapping costs several times more

    def facts(self, table_name: str, cls: type) -> list:
        """(row id, the dataclass the extractor produced) for every row of a fact table."""
        table = schema.FACT_TABLES[table_name][0]
        names = [f.name for f in dataclasses.fields(cls)]
        order = [table.c[k] for k in ("doc", "start", "id") if k in table.c]
        stmt = select(table.c.id, *(table.c[n] for n in names)).order_by(*order)
        with self.engine.connect() as conn:
            return [(r[0], cls(*r[1:])) for r in conn.execute(stmt)]

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        out = {}
        with self.engine.connect() as conn:
            for name in ("documents", "actors", "places", *schema.FACT_TABLES, "skipped"):
                table = schema.metadata.tables[name]
                out[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
        return out

    def close(self) -> None:
        self.engine.dispose()


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    """A fact class's columns.  Facts hold flat values, so a row is read off the
    fields directly: `dataclasses.asdict` deep-copies every value on the way."""
    return tuple(f.name for f in dataclasses.fields(cls))


def _update_many(conn, table, updates: Mapping[str, dict]) -> None:
    """One executemany per set of columns: a row-by-row UPDATE was most of resolve's time."""
    by_columns: dict[tuple[str, ...], list[dict]] = {}
    for row_id, values in updates.items():
        by_columns.setdefault(tuple(sorted(values)), []).append({"row_id": row_id, **values})
    for cols, rows in by_columns.items():
        stmt = update(table).where(table.c.id == bindparam("row_id")).values({c: bindparam(c) for c in cols})
        conn.execute(stmt, rows)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _document_row(doc: Document) -> dict:
    return {
        "id": doc.id,
        "source": doc.source,
        "text": doc.text,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "published_inferred": doc.published_inferred,
        "language": doc.language,
        "boilerplate": json.dumps([list(s) for s in doc.boilerplate]),
        "title_start": doc.title_span[0] if doc.title_span else None,
        "title_end": doc.title_span[1] if doc.title_span else None,
        "duplicate_of": doc.duplicate_of,
        "added_at": _now(),
    }


def _document_dict(row: Mapping) -> dict:
    d = dict(row)
    d["boilerplate"] = [tuple(s) for s in json.loads(d["boilerplate"])]
    return d


def document_from_row(d: Mapping) -> Document:
    span = (d["title_start"], d["title_end"]) if d.get("title_start") is not None else None
    return Document(
        id=d["id"], source=d["source"], text=d.get("text", ""), title=d["title"], outlet=d["outlet"],
        published=d["published"], published_inferred=bool(d["published_inferred"]), language=d["language"],
        boilerplate=list(d["boilerplate"]), duplicate_of=d["duplicate_of"], title_span=span,
    )

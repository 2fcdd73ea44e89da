"""Full-text search over documents' titles and texts, kept beside the store's own tables.

The index belongs to the web layer: on SQLite it is an FTS5 table (`web_search`)
that `refresh()` brings in step with `documents` in two set-based statements, so
documents added by any process (a `crisisdesk run`, an upload) become searchable
at the next search.  On PostgreSQL, and on a SQLite built without FTS5, the same
questions are asked with `to_tsvector` or with LIKE over the documents table.

A query is read as words: whatever else it holds (quotes, operators, SQL) is
dropped, and the words reach the database only as bound parameters.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from sqlalchemy import and_, bindparam, func, or_, select, text
from sqlalchemy.engine import Engine

from ..store import schema

INDEX_TABLE = "web_search"
# Words of a query beyond this many are ignored: enough for any real search, and a
# bound on the work one request can ask of the database.
MAX_QUERY_WORDS = 12
# Characters of context on each side of the first hit, for backends without snippet().
SNIPPET_CONTEXT = 80
# Tokens FTS5's snippet() shows around the hits.
SNIPPET_TOKENS = 24
# Private-use characters mark hits inside snippets: they cannot occur in the
# markup of a page, and the page turns them into <mark> after escaping the rest.
HIT_START, HIT_END = "\ue000", "\ue001"

_WORD = re.compile(r"[^\W_]+")  # letters and digits; FTS5 splits words at "_" too
BACKENDS = ("fts5", "postgresql", "like")


@dataclass(frozen=True)
class Hit:
    doc: str
    snippet: str  # text with HIT_START/HIT_END around matched words


def query_words(query: str) -> list[str]:
    """The words of a user's query, lower-cased, at most MAX_QUERY_WORDS."""
    return [w.lower() for w in _WORD.findall(query)][:MAX_QUERY_WORDS]


def fts5_query(words: list[str]) -> str:
    """An FTS5 MATCH expression: every word, as a quoted prefix (`"protest"*`)."""
    return " ".join(f'"{w}"*' for w in words)


def snippet_segments(snippet: str) -> list[tuple[str, bool]]:
    """(text, is_hit) pieces of a snippet, for a template to escape and mark."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet)):
        if part:
            pieces.append((part, i % 2 == 1))
    return pieces


def context_snippet(body: str, words: list[str]) -> str:
    """The text around the first occurrence of any word, hits marked (for non-FTS backends)."""
    lowered = body.lower()
    found = [i for i in (lowered.find(w) for w in words) if i >= 0]
    first = min(found) if found else 0
    start = max(first - SNIPPET_CONTEXT, 0)
    window = body[start:first + SNIPPET_CONTEXT * 2]
    if words:
        pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
        window = pattern.sub(lambda m: f"{HIT_START}{m.group(0)}{HIT_END}", window)
    return ("…" if start else "") + window + ("…" if start + len(window) < len(body) else "")


class SearchIndex:
    """Search over the documents of one store; picks FTS5, PostgreSQL text search or LIKE."""

    def __init__(self, engine: Engine, *, backend: str | None = None):
        """`backend` forces one of BACKENDS (tests use "like" to check the fallback on SQLite)."""
        if backend is not None and backend not in BACKENDS:
            raise ValueError(f"unknown search backend {backend!r}; known: {', '.join(BACKENDS)}")
        self.engine = engine
        self._lock = threading.Lock()
        self.backend = backend or self._choose_backend()
        if self.backend == "fts5":
            with engine.begin() as conn:
                conn.execute(text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5("
                    "doc UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
                ))
            self.refresh()

    def _choose_backend(self) -> str:
        dialect = self.engine.dialect.name
        if dialect == "postgresql":
            return "postgresql"
        if dialect == "sqlite":
            with self.engine.connect() as conn:
                options = {row[0] for row in conn.execute(text("PRAGMA compile_options"))}
            if "ENABLE_FTS5" in options:
                return "fts5"
        return "like"

    def refresh(self) -> None:
        """Index documents that are new, drop those that are gone (FTS5 only; the others read live)."""
        if self.backend != "fts5":
            return
        with self._lock, self.engine.begin() as conn:
            conn.execute(text(
                f"INSERT INTO {INDEX_TABLE} (doc, title, body) SELECT id, coalesce(title, ''), text "
                f"FROM documents WHERE id NOT IN (SELECT doc FROM {INDEX_TABLE})"
            ))
            conn.execute(text(f"DELETE FROM {INDEX_TABLE} WHERE doc NOT IN (SELECT id FROM documents)"))

    def _stale(self) -> bool:
        with self.engine.connect() as conn:
            indexed = conn.execute(text(f"SELECT count(*) FROM {INDEX_TABLE}")).scalar_one()
            stored = conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
        return indexed != stored

    def search(self, query: str, *, limit: int, offset: int = 0) -> tuple[list[Hit], int]:
        """Documents matching every word of `query`, best first, and how many match in all."""
        words = query_words(query)
        if not words:
            return [], 0
        if self.backend == "fts5":
            if self._stale():
                self.refresh()
            return self._fts5(words, limit, offset)
        return self._scan(words, limit, offset)

    def _fts5(self, words: list[str], limit: int, offset: int) -> tuple[list[Hit], int]:
        params = {"q": fts5_query(words), "limit": limit, "offset": offset}
        with self.engine.connect() as conn:
            total = conn.execute(
                text(f"SELECT count(*) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :q"), params
            ).scalar_one()
            rows = conn.execute(text(
                f"SELECT doc, snippet({INDEX_TABLE}, 2, :hs, :he, '…', {SNIPPET_TOKENS}) FROM {INDEX_TABLE} "
                f"WHERE {INDEX_TABLE} MATCH :q ORDER BY bm25({INDEX_TABLE}, 0, 4.0, 1.0) LIMIT :limit OFFSET :offset"
            ), {**params, "hs": HIT_START, "he": HIT_END}).all()
        return [Hit(doc, snippet) for doc, snippet in rows], total

    def _scan(self, words: list[str], limit: int, offset: int) -> tuple[list[Hit], int]:
        docs = schema.documents
        if self.backend == "postgresql":
            vector = func.to_tsvector("simple", func.coalesce(docs.c.title, "") + " " + docs.c.text)
            query = func.to_tsquery("simple", bindparam("tsq", " & ".join(f"{w}:*" for w in words)))
            condition = vector.op("@@")(query)
        else:
            condition = and_(*(or_(docs.c.title.icontains(w, autoescape=True), docs.c.text.icontains(w, autoescape=True))
                               for w in words))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(docs).where(condition)).scalar_one()
            rows = conn.execute(
                select(docs.c.id, docs.c.text).where(condition)
                .order_by(docs.c.published.desc(), docs.c.id).limit(limit).offset(offset)
            ).all()
        return [Hit(doc, context_snippet(body, words)) for doc, body in rows], total

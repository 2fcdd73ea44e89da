"""Parent side of the crash and concurrency tests: snapshots, exports, child runs.

A snapshot reads the whole store inside ONE read transaction, so it sees what
any reader could see at one instant.  A plain module on the tests' sys.path
(like crash_helpers.py) because test modules in importlib mode cannot import
each other or a conftest by name.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


TESTS = Path(__file__).resolve().parent
HELPER = TESTS / "crash_helpers.py"
FACT_TABLES = ("mentions", "place_mentions", "times", "events", "claims", "quotes", "framing")
# A child run that takes longer than this is hung, not slow.
CHILD_TIMEOUT_S = 300


@dataclass(frozen=True)
class Snapshot:
    """Document ids and, per document, the row ids of each fact table."""

    documents: frozenset[str]
    facts: dict[str, dict[str, frozenset[str]]]  # doc -> table -> row ids

    def half_written(self, reference: "Snapshot") -> list[str]:
        """Documents whose stored facts differ from the reference's (a partial write)."""
        return [d for d in sorted(self.documents) if self.facts.get(d, {}) != reference.facts.get(d, {})]

    def orphans(self) -> set[str]:
        """Fact rows whose document is not stored."""
        return set(self.facts) - set(self.documents)


def _rows(cursor, sql: str) -> list[tuple]:
    cursor.execute(sql)
    return cursor.fetchall()


def _read(cursor) -> Snapshot:
    docs = frozenset(r[0] for r in _rows(cursor, "SELECT id FROM documents"))
    facts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for table in FACT_TABLES:
        for doc, row_id in _rows(cursor, f"SELECT doc, id FROM {table}"):
            facts[doc][table].add(row_id)
    return Snapshot(docs, {d: {t: frozenset(ids) for t, ids in by.items()} for d, by in facts.items()})


def snapshot(db: str) -> Snapshot:
    """The store as one read transaction sees it (SQLite file path or postgresql:// URL)."""
    if "://" not in db:
        conn = sqlite3.connect(db, isolation_level=None, timeout=60)
        try:
            conn.execute("BEGIN")
            return _read(conn.cursor())
        finally:
            conn.close()
    import psycopg

    with psycopg.connect(db) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with conn.cursor() as cur:
            return _read(cur)


def integrity(db: str) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def comparable(export: dict) -> dict:
    """An export with its timestamp dropped and every list sorted (backends order text differently)."""
    out = {}
    for key, value in export.items():
        if key == "generated_at":
            continue
        out[key] = sorted(value, key=lambda r: json.dumps(r, sort_keys=True)) if isinstance(value, list) else value
    return out


def export_of(db: str) -> dict:
    from crisisdesk.export import json as export_json
    from crisisdesk.store import Store

    store = Store(db)
    try:
        return comparable(export_json.build(store))
    finally:
        store.close()


def crisisdesk(
    *cli: str, kill_at: str | None = None, rss_file: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.Popen:
    """Start `crisisdesk CLI...` in a child process (optionally armed to SIGKILL itself)."""
    cmd = [sys.executable, str(HELPER)]
    if kill_at:
        cmd += ["--kill-at", kill_at]
    if rss_file:
        cmd += ["--rss-file", str(rss_file)]
    env = {**os.environ, **(env or {}),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen(
        [*cmd, "--", *cli], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=TESTS.parent
    )


def finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=CHILD_TIMEOUT_S)
    return proc.returncode, out, err


@dataclass(frozen=True)
class Corpus:
    """Files to run on, and what one uninterrupted run over them stored and exported."""

    folder: Path
    files: list[Path]
    reference: Snapshot
    export: dict

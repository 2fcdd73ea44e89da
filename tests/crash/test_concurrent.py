"""Runs at the same time on one database: SQLite (WAL, busy timeout) and PostgreSQL.

Overlapping inputs, so the runs race to store the same documents: each ends
without error (no "database is locked"), every document is stored once with
all its facts, nothing is lost, and the resolved export equals one
uninterrupted run's.  A reader polls the store throughout and must never see
a document without all its facts.
"""

from __future__ import annotations

import threading
import uuid

from crash_checks import crisisdesk, export_of, finish, integrity, snapshot

# Seconds between two snapshots of the polling reader.
POLL_INTERVAL_S = 0.05


class Reader(threading.Thread):
    """Snapshots the store until stopped; records every inconsistency it sees."""

    def __init__(self, db: str, reference):
        super().__init__(daemon=True)
        self.db, self.reference = db, reference
        self.stop = threading.Event()
        self.snapshots, self.problems = 0, []

    def run(self) -> None:
        while not self.stop.wait(POLL_INTERVAL_S):
            try:
                seen = snapshot(self.db)
            except Exception as exc:  # the tables may not exist yet
                if "no such table" in str(exc) or "does not exist" in str(exc):
                    continue
                self.problems.append(f"reader failed: {exc}")
                return
            self.snapshots += 1
            if seen.half_written(self.reference) or seen.orphans():
                self.problems.append(f"half-written documents visible: {seen.half_written(self.reference)}")


def _overlapping(files, runs: int) -> list[list[str]]:
    """`runs` file lists that together cover every file and overlap pairwise."""
    n = len(files)
    size = n * 2 // (runs + 1) + 1
    step = (n - size) / max(runs - 1, 1)
    return [[str(f) for f in files[round(i * step) : round(i * step) + size]] for i in range(runs)]


def _race(db: str, corpus, runs: int, out_root) -> None:
    lists = _overlapping(corpus.files, runs)
    assert set().union(*lists) == {str(f) for f in corpus.files}
    reader = Reader(db, corpus.reference)
    reader.start()
    procs = [crisisdesk("run", *files, "--db", db, "--out", str(out_root / f"out{i}"), "--quiet")
             for i, files in enumerate(lists)]
    results = [finish(p) for p in procs]
    reader.stop.set()
    reader.join()
    for code, _out, err in results:
        assert code == 0, err
        assert "locked" not in err, err
    assert not reader.problems, reader.problems[:3]
    assert reader.snapshots > 0
    assert snapshot(db) == corpus.reference
    assert export_of(db) == corpus.export


def test_two_runs_on_one_sqlite_file(crash_corpus, tmp_path):
    db = str(tmp_path / "shared.db")
    _race(db, crash_corpus, 2, tmp_path)
    assert integrity(db) == "ok"


def test_three_runs_on_one_postgresql_database(crash_corpus, pg_server, tmp_path):
    import psycopg

    name = "race_" + uuid.uuid4().hex[:10]
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    _race(pg_server.rsplit("/", 1)[0] + "/" + name, crash_corpus, 3, tmp_path)

"""The store: atomic per-document writes, idempotent re-runs, resolution in one go."""

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from crisisdesk.model import EntityMention
from crisisdesk.store import Store
from writers import facts_for, write_many


def test_add_is_idempotent(db_url):
    store = Store(db_url)
    assert store.add(facts_for()) is True
    assert store.add(facts_for()) is False
    counts = store.counts()
    assert counts["documents"] == 1 and counts["mentions"] == 1 and counts["claims"] == 1 and counts["times"] == 1


def test_a_failed_document_write_leaves_nothing_behind(db_url):
    store = Store(db_url)
    bad = facts_for("d2")
    # Two facts with the same primary key make the write fail halfway.
    bad.mentions.append(bad.mentions[0])
    bad.mentions[1] = EntityMention("d2", 0, 6, "Police", "ORG", "state_force", "mentions.ner")
    from crisisdesk.store import database

    original = database.fact_row_id
    database.fact_row_id = lambda table, fact, seq: f"{table}:{fact.doc}:same"
    try:
        with pytest.raises(IntegrityError):
            store.add(bad)
    finally:
        database.fact_row_id = original
    assert store.counts()["documents"] == 0
    assert store.counts()["mentions"] == 0


def test_resolution_replaces_identities(db_url):
    store = Store(db_url)
    store.add(facts_for())
    row_id = store.rows("mentions")[0]["id"]
    for name in ("A", "B"):
        store.save_resolution(
            actors=[{"id": f"actor:{name}", "name": name, "kind": "state_force", "aliases": [name]}],
            places=[], columns={"mentions": {row_id: {"ref": f"actor:{name}"}}}, duplicates={"d1": None},
        )
    assert [a["id"] for a in store.rows("actors")] == ["actor:B"]
    assert store.rows("mentions")[0]["ref"] == "actor:B"


def test_concurrent_writers_store_each_document_once(db_url):
    """Four processes write overlapping documents into one database at once."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    jobs = [(db_url, [f"d{i}" for i in range(k, k + 6)]) for k in (0, 2, 4, 0)]
    with ctx.Pool(4) as pool:
        stored = pool.map(write_many, jobs)
    assert sum(stored) == 10
    counts = Store(db_url).counts()
    assert counts["documents"] == 10
    assert counts["mentions"] == 10 and counts["claims"] == 10


def test_sqlite_file_is_sound_and_in_wal_mode(tmp_path):
    path = tmp_path / "db.sqlite"
    store = Store(path)
    store.add(facts_for())
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

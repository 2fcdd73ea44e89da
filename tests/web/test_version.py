"""The store's stamp: it moves when anyone commits, holds still while a job of this app writes."""

from __future__ import annotations

from crisisdesk.ingest.document import build_document
from crisisdesk.model import DocFacts
from crisisdesk.store import Store
from crisisdesk.web.version import StoreVersion


def _add(db: str, text: str) -> None:
    store = Store(db)  # a connection of its own, as another process has
    try:
        store.add(DocFacts(document=build_document(text, "x.txt")))
    finally:
        store.close()


def test_the_stamp_moves_on_every_commit_and_only_then(tmp_path):
    db = str(tmp_path / "s.db")
    store = Store(db)
    version = StoreVersion(store.url, store.engine)
    try:
        first = version.stamp()
        assert version.stamp() == first
        store.document_ids()  # a read changes nothing
        assert version.stamp() == first
        _add(db, "Dock workers went on strike in Teska.")
        second = version.stamp()
        assert second != first
        assert version.stamp() == second
    finally:
        version.close()
        store.close()


def test_a_job_is_published_whole_when_it_ends(tmp_path):
    db = str(tmp_path / "s.db")
    store = Store(db)
    version = StoreVersion(store.url, store.engine)
    try:
        before = version.stamp()
        with version.writing():
            _add(db, "Dock workers went on strike in Teska.")
            _add(db, "A curfew was declared in Ostrel.")
            assert version.stamp() == before, "readers keep the store as it was before the job"
        after = version.stamp()
        assert after != before
        assert version.stamp() == after
    finally:
        version.close()
        store.close()


def test_a_private_database_has_no_stamp():
    store = Store("sqlite:///:memory:")
    try:
        assert StoreVersion(store.url, store.engine).stamp() is None
    finally:
        store.close()

"""The web app over each store backend: search and filters answer alike on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from crisisdesk.ingest.document import build_document
from crisisdesk.model import DocFacts
from crisisdesk.store import Store
from crisisdesk.web.app import create_app

from .corpus import CODED_OUTLET, EVENTS, add_coded_report

# Repeats tried on PostgreSQL before one must come from memory (see the test below).
POSTGRES_TRIES = 5
TEXTS = ("Ferry crews in Teska went on strike over wages.", "Protesters gathered at 50% of the city's squares_today.")


@pytest.fixture
def backend_client(db_url, tmp_path):
    store = Store(db_url)
    for text in TEXTS:
        store.add(DocFacts(document=build_document(text, f"{text[:5]}.txt")))
    store.close()
    add_coded_report(db_url)
    with TestClient(create_app(db_url, upload_dir=tmp_path / "uploads")) as c:
        yield c


def test_search_and_filters_on_each_backend(backend_client):
    c = backend_client
    assert c.get("/api/documents").json()["total"] == 3
    found = c.get("/api/documents", params={"q": "ferr strike"}).json()
    assert [d["source"] for d in found["documents"]] == ["Ferry.txt"]
    assert any(p["hit"] for p in found["documents"][0]["snippet"])
    for hostile in ("%", "_", "' OR 1=1 --", "50%"):
        assert c.get("/api/events", params={"outlet": hostile}).json()["total"] == 0
    assert c.get("/api/documents", params={"q": "' OR ''='"}).json()["total"] == 0
    assert c.get("/api/events", params={"outlet": CODED_OUTLET.upper()}).json()["total"] == len(EVENTS)
    spans = c.get("/api/events", params={"date_from": "2025-03-07", "date_to": "2025-03-07"}).json()
    assert [e["event_type"] for e in spans["events"]] == ["Battles"]
    assert c.get("/").status_code == 200


def test_reads_are_kept_until_another_writer_commits_on_each_backend(backend_client, db_url):
    """PostgreSQL's stamp is a server round trip, read off the event loop; the cache behaves as on SQLite.

    PostgreSQL's stamp is the cluster's write-ahead-log position, which other
    databases of the test cluster (other tests) move too: there a repeat is
    answered from memory once no write came between, within a few tries."""
    answers = backend_client.app.state.desk.answers
    on_postgres = db_url.startswith("postgresql")
    assert answers.version.blocking == on_postgres
    first = backend_client.get("/api/documents")
    for _ in range(POSTGRES_TRIES if on_postgres else 1):
        hits = answers.hits
        assert backend_client.get("/api/documents").content == first.content
        if answers.hits == hits + 1:
            break
    assert answers.hits == hits + 1, "a repeated read was never answered from memory"
    store = Store(db_url)  # another process's run: its own connection
    try:
        assert store.add(DocFacts(document=build_document("Dock workers in Teska joined the strike.", "dock.txt")))
    finally:
        store.close()
    assert backend_client.get("/api/documents").json()["total"] == first.json()["total"] + 1

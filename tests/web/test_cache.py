"""Kept read answers: a repeat costs no work, and nothing kept outlives a change of the store.

A new upload must show on the pages and in the API as soon as its job says `done`;
a document written by another process (a `crisisdesk run`) at the next request.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from crisisdesk.ingest.document import build_document
from crisisdesk.model import DocFacts
from crisisdesk.store import Store
from crisisdesk.web.app import create_app
from crisisdesk.web.cache import CACHED_PATHS

from .conftest import wait_for_job

NEW_TITLE = "Ferry crews walk out in Teska"
NEW_TEXT = (f"{NEW_TITLE}\n\nTESKA, March 12, 2025 (Coastline Wire) - Ferry crews in Teska walked out on Wednesday "
            "over unpaid overtime, the union said.\n")
# Reads the cache keeps, each asked twice before and after the store changes.
READS = ["/", "/documents", "/documents?q=ferry", "/events", "/claims", "/actors",
         "/api/overview", "/api/documents", "/api/documents?q=ferry", "/api/events", "/api/claims", "/api/actors"]


@pytest.fixture
def desk_client(fresh_db, tmp_path):
    with TestClient(create_app(fresh_db, upload_dir=tmp_path / "uploads")) as c:
        yield c


def _answers(client: TestClient):
    return client.app.state.desk.answers


def test_a_repeated_read_is_answered_from_memory_with_the_same_bytes(desk_client):
    answers = _answers(desk_client)
    for path in READS:
        first = desk_client.get(path)
        hits = answers.hits
        again = desk_client.get(path)
        assert first.status_code == again.status_code == 200, path
        assert again.content == first.content, path
        assert answers.hits == hits + 1, f"{path} was built again"
        assert again.headers["content-type"] == first.headers["content-type"]
        assert again.headers["content-security-policy"], "kept answers still leave through the security headers"


def test_only_successful_reads_are_kept(desk_client):
    answers = _answers(desk_client)
    assert desk_client.get("/api/documents/" + "0" * 16).status_code == 404
    assert desk_client.get("/api/events", params={"date_from": "soon"}).status_code == 400
    assert desk_client.get("/add").status_code == 200
    assert answers.entries == {}


def test_job_status_and_forms_are_never_kept():
    for path in ("/api/jobs/" + "a" * 32, "/jobs/" + "a" * 32, "/add", "/api/docs", "/static/web.js", "/openapi.json"):
        assert not CACHED_PATHS.fullmatch(path), path
    for path in ("/", "/api/overview", "/documents/" + "0123456789abcdef", "/api/events/export/acled-csv"):
        assert CACHED_PATHS.fullmatch(path), path


def test_an_upload_shows_on_pages_and_api_as_soon_as_its_job_is_done(desk_client):
    before = {path: desk_client.get(path) for path in READS}
    assert all(NEW_TITLE not in r.text for r in before.values())
    assert desk_client.get("/api/documents", params={"q": "ferry"}).json()["total"] == 0

    job = wait_for_job(desk_client, desk_client.post(
        "/api/uploads", files={"files": ("ferry.txt", NEW_TEXT.encode(), "text/plain")}).json()["id"])
    assert job["state"] == "done" and job["stored"] == 1, job
    doc_id = job["documents"][0]["id"]

    listing = desk_client.get("/api/documents").json()
    assert listing["total"] == before["/api/documents"].json()["total"] + 1
    assert doc_id in [d["id"] for d in listing["documents"]]
    assert [d["id"] for d in desk_client.get("/api/documents", params={"q": "ferry"}).json()["documents"]] == [doc_id]
    overview = desk_client.get("/api/overview").json()
    assert overview["counts"]["documents"] == before["/api/overview"].json()["counts"]["documents"] + 1
    assert NEW_TITLE in desk_client.get("/documents").text
    assert NEW_TITLE in desk_client.get("/documents?q=ferry").text
    assert desk_client.get(f"/api/documents/{doc_id}").json()["title"] == NEW_TITLE
    assert NEW_TITLE in desk_client.get(f"/documents/{doc_id}").text


def test_a_document_stored_by_another_process_shows_at_the_next_request(desk_client, fresh_db):
    total = desk_client.get("/api/documents").json()["total"]
    assert NEW_TITLE not in desk_client.get("/documents").text
    store = Store(fresh_db)  # what a `crisisdesk run` beside the server does: its own connection
    try:
        assert store.add(DocFacts(document=build_document(NEW_TEXT, "ferry.txt")))
    finally:
        store.close()
    assert desk_client.get("/api/documents").json()["total"] == total + 1
    assert NEW_TITLE in desk_client.get("/documents").text
    assert desk_client.get("/api/overview").json()["counts"]["documents"] == total + 1


def test_memory_stays_bounded(desk_client, monkeypatch):
    from crisisdesk.web import cache

    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    answers = _answers(desk_client)
    for word in ("strike", "curfew", "police", "ostrel", "teska"):
        assert desk_client.get("/api/documents", params={"q": word}).status_code == 200
    assert [key[1] for key in answers.entries] == [b"q=police", b"q=ostrel", b"q=teska"]
    assert answers.size == sum(len(e.body) for e in answers.entries.values())

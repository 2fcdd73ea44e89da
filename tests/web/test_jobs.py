"""Adding reports: uploads and JSON posts run the real pipeline in the background.

Bad input gets the reason `crisisdesk run` gives, good files in the same upload are
all stored, and every file sent is kept under a name the server chose.
"""

from __future__ import annotations

import json
import os
import signal
import time

import pytest
from fastapi.testclient import TestClient

from crisisdesk.ingest import read_paths
from crisisdesk.web.app import create_app
from crisisdesk.web.jobs import client_name, stored_name
from crisisdesk.web.worker import WORKER

from .conftest import JOB_TIMEOUT_S, wait_for_job

GOOD = ("Dockers strike in Teska\n\nTESKA, March 10, 2025 (Coastline Wire) - Dock workers in Teska went on strike "
        "on Monday over unpaid wages, the union said.\n")
# Files in the upload whose worker is killed: enough that it is still at work when the test kills it.
MANY_FILES = 40
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def writer(fresh_db, tmp_path):
    with TestClient(create_app(fresh_db, upload_dir=tmp_path / "uploads")) as c:
        yield c


def _reason_from_cli_path(tmp_path, name: str, content: bytes) -> str:
    """The reason `read_paths` (what `crisisdesk run` prints) gives for this content under this name."""
    folder = tmp_path / "cli"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return next(item.reason for item in read_paths([path]) if hasattr(item, "reason"))


def test_upload_stores_good_files_and_names_the_bad(writer, tmp_path):
    files = [
        ("files", ("strike.txt", GOOD.encode(), "text/plain")),
        ("files", ("photo.png", PNG, "image/png")),
        ("files", ("empty.txt", b"   \n", "text/plain")),
        ("files", ("picture.txt", PNG, "text/plain")),
    ]
    response = writer.post("/api/uploads", files=files)
    assert response.status_code == 202
    job = wait_for_job(writer, response.json()["id"])
    assert job["state"] == "done", job
    assert job["stored"] == 1 and [d["title"] for d in job["documents"]] == ["Dockers strike in Teska"]
    skipped = {s["name"]: s["reason"] for s in job["skipped"]}
    assert set(skipped) == {"photo.png", "empty.txt", "picture.txt"}
    assert skipped["photo.png"] == _reason_from_cli_path(tmp_path, "01.png", PNG)
    assert skipped["empty.txt"] == _reason_from_cli_path(tmp_path, "02.txt", b"   \n")
    assert skipped["picture.txt"] == _reason_from_cli_path(tmp_path, "03.txt", PNG)
    # nothing lost: every file sent is on disk, named by the server, with the client's names beside them
    folder = writer.app.state.desk.jobs.upload_dir / job["id"]
    assert sorted(p.name for p in folder.iterdir()) == ["01.txt", "02.png", "03.txt", "04.txt", "names.json"]
    assert (folder / "02.png").read_bytes() == PNG
    assert json.loads((folder / "names.json").read_text())["02.png"] == "photo.png"
    # the document appears: listed, searchable, with a page
    doc_id = job["documents"][0]["id"]
    assert any(d["id"] == doc_id for d in writer.get("/api/documents").json()["documents"])
    assert [d["id"] for d in writer.get("/api/documents", params={"q": "unpaid wages"}).json()["documents"]] == [doc_id]
    assert writer.get(f"/documents/{doc_id}").status_code == 200
    assert writer.get("/api/overview").json()["counts"]["documents"] == 5


def test_the_same_file_again_is_unchanged(writer):
    files = {"files": ("strike.txt", GOOD.encode(), "text/plain")}
    first = wait_for_job(writer, writer.post("/api/uploads", files=files).json()["id"])
    again = wait_for_job(writer, writer.post("/api/uploads", files=files).json()["id"])
    assert (first["stored"], again["stored"], again["unchanged"]) == (1, 0, 1)


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "/etc/cron.d/x.txt", "..\\..\\win.ini.txt", "a\x00b.txt",
                                  ".hidden.txt"])
def test_client_paths_never_reach_the_filesystem(writer, name):
    response = writer.post("/api/uploads", files={"files": (name, GOOD.encode(), "text/plain")})
    assert response.status_code == 202
    job = wait_for_job(writer, response.json()["id"])
    folder = writer.app.state.desk.jobs.upload_dir / job["id"]
    assert sorted(p.name for p in folder.iterdir()) == ["01.txt", "names.json"]
    assert "/" not in job["names"][0] and "\\" not in job["names"][0]


def test_stored_names():
    assert stored_name(3, "report.HTML") == "03.html"
    assert stored_name(1, "x.tar.gz") == "01.gz"
    assert stored_name(2, "no-suffix") == "02"
    assert stored_name(4, "evil.t/xt") == "04"
    assert stored_name(5, "a.<script>") == "05"
    assert client_name("../../a/b.txt", "file 1") == "b.txt"
    assert client_name("", "file 1") == "file 1"


def test_post_json_document(writer):
    body = {"text": GOOD, "title": "Strike <b>now</b>", "outlet": "Coastline Wire", "published": "2025-03-10",
            "url": "https://example.org/strike"}
    response = writer.post("/api/documents", json=body)
    assert response.status_code == 202
    job = wait_for_job(writer, response.json()["id"])
    assert job["state"] == "done" and job["stored"] == 1
    detail = writer.get(f"/api/documents/{job['documents'][0]['id']}").json()
    assert (detail["title"], detail["outlet"], detail["published"], detail["source"]) == (
        "Strike <b>now</b>", "Coastline Wire", "2025-03-10", "https://example.org/strike")
    assert detail["text"] == GOOD


@pytest.mark.parametrize("body,status,message", [
    ({"text": "   "}, 400, "`text` is empty"),
    ({"text": GOOD, "published": "last week"}, 400, "is not a YYYY-MM-DD date"),
    ({"text": 42}, 422, "text"),
    ({"title": "no text"}, 422, "text"),
])
def test_bad_json_documents_say_why(writer, body, status, message):
    response = writer.post("/api/documents", json=body)
    assert response.status_code == status
    assert message in response.json()["detail"]


def test_unknown_jobs(writer):
    assert writer.get("/api/jobs/" + "0" * 32).status_code == 404
    assert writer.get("/api/jobs/../../etc").status_code in (404, 422)
    assert writer.post("/api/uploads").status_code == 422


def _article(index: int) -> str:
    return (f"Harbour report {index}\n\nTESKA, March {index % 27 + 1}, 2025 (Coastline Wire) - Dock workers in Teska "
            f"stopped work at berth {index} on Monday over unpaid wages, the union said.\n")


def _document_count(client: TestClient) -> int:
    return client.get("/api/documents", params={"limit": 1}).json()["total"]


def test_jobs_run_in_the_worker_process_each_exactly_once(writer):
    before = _document_count(writer)
    bodies = [{"text": _article(i), "title": f"Harbour report {i}"} for i in range(3)]
    ids = [writer.post("/api/documents", json=body).json()["id"] for body in [*bodies, bodies[0]]]
    jobs = [wait_for_job(writer, job_id) for job_id in ids]
    assert [(j["state"], j["stored"], j["unchanged"]) for j in jobs] == [("done", 1, 0)] * 3 + [("done", 0, 1)]
    assert all(j["documents_done"] == len(j["documents"]) for j in jobs)
    assert len({j["documents"][0]["id"] for j in jobs[:3]}) == 3
    assert _document_count(writer) == before + 3
    assert WORKER._pool is not None and len(WORKER._pool._processes) == 1, "the pipeline ran in the worker process"


def test_a_worker_killed_mid_job_fails_that_job_and_a_resend_stores_each_file_once(writer):
    before = _document_count(writer)
    files = [("files", (f"harbour-{i}.txt", _article(i).encode(), "text/plain")) for i in range(MANY_FILES)]
    job_id = writer.post("/api/uploads", files=files).json()["id"]
    deadline = time.monotonic() + JOB_TIMEOUT_S
    while writer.get(f"/api/jobs/{job_id}").json()["documents_done"] == 0:  # mid-job: some stored, not all
        assert time.monotonic() < deadline, "the job stored nothing"
        time.sleep(0.02)
    # the upload worker, not the loaded engine pools other tests of this session left running
    [worker_pid] = WORKER._pool._processes
    os.kill(worker_pid, signal.SIGKILL)
    killed = wait_for_job(writer, job_id)
    assert killed["state"] == "failed" and "files are kept" in killed["error"], killed
    assert 0 < killed["documents_done"] < MANY_FILES

    again = wait_for_job(writer, writer.post("/api/uploads", files=files).json()["id"])
    assert again["state"] == "done", again
    assert again["stored"] + again["unchanged"] == MANY_FILES
    assert _document_count(writer) == before + MANY_FILES

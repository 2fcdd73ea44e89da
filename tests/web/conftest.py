"""Fixtures for the web app: a corpus database, an app over it, and a way to wait for jobs."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crisisdesk.web.app import create_app
from crisisdesk.web.worker import WORKER

from .corpus import build_corpus

# Seconds a test waits for a background job: the pipeline on a file or two, model already loaded.
JOB_TIMEOUT_S = 60


@pytest.fixture(scope="session", autouse=True)
def one_worker():
    """One worker process for the whole session, as one server process has: the model loads once,
    not again for each app a test opens and closes."""
    WORKER.attach()
    yield WORKER
    WORKER.detach()


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> str:
    """The corpus, built once; tests that write use a copy (`fresh_db`)."""
    return build_corpus(tmp_path_factory.mktemp("web-corpus"))


@pytest.fixture
def fresh_db(corpus_db, tmp_path) -> str:
    """A private copy of the corpus database, for tests that add documents."""
    target = tmp_path / "web.db"
    shutil.copy(corpus_db, target)
    return str(target)


@pytest.fixture(scope="session")
def client(corpus_db, tmp_path_factory):
    """A read-only client over the corpus (it never writes: write tests use `fresh_db`)."""
    app = create_app(corpus_db, upload_dir=tmp_path_factory.mktemp("uploads"))
    with TestClient(app) as c:
        yield c


def wait_for_job(client: TestClient, job_id: str, headers: dict | None = None) -> dict:
    deadline = time.monotonic() + JOB_TIMEOUT_S
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}", headers=headers or {}).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {JOB_TIMEOUT_S} s")


def upload_dir_of(client: TestClient) -> Path:
    return client.app.state.desk.jobs.upload_dir

"""The bounded load test, short: the served app answers every read and stores every upload once.

The long run (50 clients, 60 s) is `make load`; this one asserts no timing, the machine may be busy.
"""

from __future__ import annotations

import sqlite3

import pytest

from crisisdesk.web.loadtest import (
    LoadConfig,
    LoadTestError,
    check_host,
    main,
    run_load,
)

CLIENTS = 10
SECONDS = 8
UPLOADS = 2


def _documents(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from documents").fetchone()[0]


def test_short_load_has_no_errors_and_stores_each_upload_once(seeds_dir, tmp_path):
    db = tmp_path / "seeds.db"  # missing: the load test builds it from the seeds
    report = run_load(LoadConfig(db=db, clients=CLIENTS, seconds=SECONDS, uploads=UPLOADS, seeds=seeds_dir))

    assert report.errors == []
    assert report.server_errors == []
    assert report.uploads.problems == []
    assert report.uploads.documents_after - report.uploads.documents_before == UPLOADS
    assert report.uploads.ok
    assert len(report.reads) > CLIENTS
    assert {s.kind.split(":")[0] for s in report.reads} == {"page", "api"}
    assert _documents(db) == report.uploads.documents_before, "the load test served a copy, not the database given"


@pytest.mark.parametrize("host", ["0.0.0.0", "localhost", "10.0.0.1", "example.org", "::1"])
def test_refuses_any_host_but_loopback(host, tmp_path):
    with pytest.raises(LoadTestError, match="only targets 127.0.0.1"):
        check_host(host)
    with pytest.raises(LoadTestError):
        run_load(LoadConfig(db=tmp_path / "never-built.db", host=host))
    assert not (tmp_path / "never-built.db").exists()


def test_command_line_refuses_another_host(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "x.db"), "--host", "192.168.1.5"]) == 2
    assert "refusing to load '192.168.1.5'" in capsys.readouterr().err

"""The front door: headers, tokens, origins, hosts, size limits and errors without tracebacks."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from crisisdesk.web.app import create_app
from crisisdesk.web.security import CSP, MAX_UPLOAD_BYTES, InsecureBindError, allowed_hosts, check_bind, is_loopback

ARTICLE = {"text": "Dock workers marched in Teska on Monday, the Coastline Wire reported.", "title": "March"}


@pytest.mark.parametrize("path", ["/", "/api/overview", "/static/web.css", "/no-such-page", "/api/documents/xyz"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in CSP and "http" not in CSP and "unsafe-inline" not in CSP


@pytest.mark.parametrize("host,loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
                                           ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_binding_beyond_loopback_needs_a_token(host, loopback):
    assert is_loopback(host) is loopback
    if loopback:
        check_bind(host, None)
        assert "localhost" in allowed_hosts(host)
    else:
        with pytest.raises(InsecureBindError, match="--token"):
            check_bind(host, None)
        check_bind(host, "s3cret")
        assert allowed_hosts(host) is None


def test_loopback_app_refuses_other_host_names(corpus_db, tmp_path):
    app = create_app(corpus_db, upload_dir=tmp_path, allowed_hosts=allowed_hosts("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"Host": "attacker.example"}).status_code == 400


@pytest.fixture
def guarded(fresh_db, tmp_path):
    with TestClient(create_app(fresh_db, token="s3cret", upload_dir=tmp_path / "uploads")) as c:
        yield c


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"},
                                     {"Authorization": "Basic s3cret"}])
def test_writes_need_the_token(guarded, headers):
    assert guarded.post("/api/documents", json=ARTICLE, headers=headers).status_code == 401
    files = {"files": ("a.txt", b"Dock workers marched in Teska.", "text/plain")}
    assert guarded.post("/api/uploads", files=files, headers=headers).status_code == 401
    assert guarded.get("/api/overview").status_code == 200  # reading needs no token


def test_the_token_lets_writes_through(guarded):
    response = guarded.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 202


def test_cross_site_writes_are_refused(fresh_db, tmp_path):
    with TestClient(create_app(fresh_db, upload_dir=tmp_path)) as c:
        for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
            assert c.post("/api/documents", json=ARTICLE, headers=headers).status_code == 403
        assert c.post("/api/documents", json=ARTICLE, headers={"Origin": "http://testserver"}).status_code == 202


def test_upload_limit(fresh_db, tmp_path):
    limit = 10_000
    with TestClient(create_app(fresh_db, upload_dir=tmp_path, max_upload_bytes=limit)) as c:
        big = {"files": ("big.txt", b"word " * (limit // 4), "text/plain")}
        response = c.post("/api/uploads", files=big)
        assert response.status_code == 413
        assert "upload limit of 10,000 bytes" in response.json()["detail"]

        def chunks():  # no Content-Length: counted as it streams
            for _ in range(10):
                yield b"x" * 2_000

        streamed = c.post("/api/documents", content=chunks(), headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413
        assert c.post("/api/documents", json=ARTICLE).status_code == 202  # under the limit
    assert not any(p.is_file() and p.name.startswith("01") and p.stat().st_size > limit for p in tmp_path.rglob("*"))


def test_default_limit_fits_the_ingest_limit():
    from crisisdesk.settings import Settings

    assert MAX_UPLOAD_BYTES >= Settings().max_bytes


def test_errors_carry_no_traceback(tmp_path):
    db = tmp_path / "broken.db"
    app = create_app(str(db), upload_dir=tmp_path / "uploads")
    with app.state.desk.store.engine.begin() as conn:  # a store damaged behind the app's back
        conn.execute(text("ALTER TABLE events RENAME TO events_gone"))
    with TestClient(app, raise_server_exceptions=False) as c:
        for path in ("/api/events", "/events"):
            response = c.get(path)
            assert response.status_code == 500
            assert "Traceback" not in response.text and "events" not in response.text.lower().replace("/events", "")
            assert "sqlite" not in response.text.lower()
            assert response.headers["content-security-policy"] == CSP


def test_serve_refuses_a_network_address_without_a_token(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from crisisdesk.cli import app

    monkeypatch.delenv("CRISISDESK_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "--token" in result.output and "Traceback" not in result.output

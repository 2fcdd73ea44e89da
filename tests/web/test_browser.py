"""The web app in a real Chromium: uvicorn on a free loopback port, Debian's chromium driven by Playwright.

Search, filter, open a document, download the filtered events, upload a file and watch it
appear; the hostile article renders as text; no request leaves the server's origin.
`playwright install` is never run: the browser is /usr/bin/chromium.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest
from browser import CHROMIUM, MISSING, chromium

from crisisdesk.export import EXPORTERS
from crisisdesk.web.app import create_app

from .conftest import JOB_TIMEOUT_S
from .corpus import HOSTILE_TITLE

# Seconds to wait for uvicorn to accept connections.
START_TIMEOUT_S = 20

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(corpus_db, tmp_path_factory):
    """The app over a private copy of the corpus, served by uvicorn in a thread."""
    import shutil

    import uvicorn

    folder = tmp_path_factory.mktemp("served")
    db = folder / "web.db"
    shutil.copy(corpus_db, db)
    app = create_app(str(db), upload_dir=folder / "uploads", allowed_hosts=["127.0.0.1"])
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not uv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


class Watched:
    """A browser page that records where it sent requests, console errors and dialogs, and blocks other origins."""

    def __init__(self, browser, origin: str, tmp_path: Path):
        self.origin = origin
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.origin + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def clean(self) -> None:
        assert self.outside == [] and self.errors == [] and self.dialogs == []


@pytest.fixture
def web(browser, server, tmp_path):
    watched = Watched(browser, server, tmp_path)
    yield watched
    watched.clean()
    watched.context.close()


def test_search_and_open_the_hostile_article(web, server):
    page = web.page
    page.goto(f"{server}/documents")
    page.fill("#q", "tear gas")
    page.click("form.search button")
    page.wait_for_url("**/documents?q=tear+gas")
    assert page.inner_text("#result-count").startswith("1 document match")
    link = page.locator("#documents .doc-title a")
    assert link.inner_text() == HOSTILE_TITLE  # the markup is text
    link.click()
    page.wait_for_selector("#doc-text")
    assert page.inner_text("#doc-title") == HOSTILE_TITLE
    text = page.inner_text("#doc-text")
    assert "<img src=x onerror=alert(2)>" in text and "We will not stop </script> until" in text
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator("#doc-text .hl-claim").count() >= 1
    assert page.locator("#doc-text .hl-time").count() >= 1
    assert page.title().startswith(HOSTILE_TITLE)


def test_filter_events_open_evidence_and_download(web, server, tmp_path):
    page = web.page
    page.goto(f"{server}/events")
    total = page.locator("#events tbody tr").count()
    page.select_option("#f-type", "Battles")
    page.fill("#f-outlet", "gazette")
    page.click("form.filters button")
    page.wait_for_url("**/events?type=Battles**")
    rows = page.locator("#events tbody tr")
    assert rows.count() == 1 < total
    assert "Soldiers → Armed men" in rows.first.inner_text()

    downloads = {}
    for fmt in EXPORTERS.names():
        with page.expect_download() as info:
            page.click(f"a.download:text-is('{fmt}')")
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        downloads[fmt] = target.read_text(encoding="utf-8")
    export = json.loads(downloads["json"])
    assert [e["event_type"] for e in export["events"]] == ["Battles"]
    assert json.loads(downloads["geojson"])["type"] == "FeatureCollection"
    if "acled-csv" in downloads:
        lines = downloads["acled-csv"].strip().splitlines()
        assert len(lines) == 2 and "Battles" in lines[1]

    rows.first.locator("a").click()
    page.wait_for_selector("#doc-text")
    target = page.evaluate("location.hash")
    assert target.startswith("#event-")
    assert page.locator(f"{target} + .hl-event").count() == 1


def test_overview_claims_and_actors(web, server):
    page = web.page
    page.goto(server + "/")
    assert page.locator("#crisis").inner_text()
    page.click("nav >> text=Claims")
    assert page.locator(".claim-group").count() >= 1
    page.click("nav >> text=Actors")
    assert "OMON" in page.inner_text("table.actors")


def test_upload_a_file_and_watch_it_appear(web, server, tmp_path):
    """Last in the module: the upload's run re-resolves the store the other tests read."""
    article = tmp_path / "ferry.txt"
    article.write_text("Ferry crews strike in Teska <b>today</b>\n\nTESKA, March 11, 2025 (Coastline Wire) - Ferry "
                       "crews in Teska stopped work on Tuesday, the union said.\n", encoding="utf-8")
    page = web.page
    page.goto(f"{server}/add")
    page.set_input_files("#files", str(article))
    page.click("#upload-form button")
    page.wait_for_selector(".job-state[data-state=done]", timeout=JOB_TIMEOUT_S * 1000)
    assert "1 new" in page.inner_text(".job-state")
    link = page.locator(".job-docs a")
    assert link.inner_text() == "Ferry crews strike in Teska <b>today</b>"
    link.click()
    page.wait_for_selector("#doc-text")
    assert page.inner_text("#doc-title") == "Ferry crews strike in Teska <b>today</b>"
    page.goto(f"{server}/documents?q=ferry")
    assert page.locator("#documents .doc-title a").inner_text() == "Ferry crews strike in Teska <b>today</b>"
    page.screenshot(path=str(tmp_path / "documents.png"), full_page=True)

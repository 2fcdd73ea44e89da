"""The HTML pages: every page renders from the store, and document text is only ever text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from crisisdesk.store import Store

from .corpus import END, HOSTILE_TITLE, IMG, SCRIPT

PAGES = ["/", "/documents", "/documents?q=strike", "/events", "/events?type=Battles", "/claims", "/actors", "/add",
         "/api/docs"]


def _hostile_id(corpus_db) -> str:
    store = Store(corpus_db)
    try:
        return next(d["id"] for d in store.documents(with_text=False) if d["title"] == HOSTILE_TITLE)
    finally:
        store.close()


class _Elements(HTMLParser):
    """Every element a browser would build from the page, with its attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def _assert_inert(html: str) -> None:
    """No script but the app's own file, no image, no event-handler attribute, no raw markup from documents."""
    elements = _Elements(html).found
    assert [a.get("src") for t, a in elements if t == "script"] == ["/static/web.js"]
    assert not [t for t, _ in elements if t in ("img", "iframe", "object", "embed")]
    assert not [(t, k) for t, a in elements for k in a if k.startswith("on")]
    assert not [v for _, a in elements for v in a.values() if v and v.strip().lower().startswith("javascript:")]
    for raw in (SCRIPT, IMG, END + " until"):
        assert raw not in html


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_inert(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    _assert_inert(response.text)


def test_hostile_article_renders_as_text(client, corpus_db):
    doc = _hostile_id(corpus_db)
    for path in (f"/documents/{doc}", "/documents?q=harbour", "/documents", "/claims"):
        html = client.get(path).text
        _assert_inert(html)
    page = client.get(f"/documents/{doc}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "We will not stop &lt;/script&gt; until" in page


def test_document_page_highlights_facts(client, corpus_db):
    doc = _hostile_id(corpus_db)
    page = client.get(f"/documents/{doc}").text
    assert 'class="hl hl-claim"' in page and "two people were killed" in page
    assert 'id="claim-' in page
    assert re.search(r'class="hl[^"]*hl-time', page)


def test_events_page_filters_and_offers_every_format(client):
    page = client.get("/events", params={"type": "Battles", "outlet": "Gazette"}).text
    assert "1 event mention pass the filters" in page
    for fmt in client.get("/api/overview").json()["formats"]:
        assert f'href="/api/events/export/{fmt}?type=Battles&amp;outlet=Gazette"' in page


def test_events_page_explains_a_bad_filter(client):
    response = client.get("/events", params={"date_from": "<script>"})
    assert response.status_code == 400
    assert "date_from must be a day as YYYY-MM-DD" in response.text
    _assert_inert(response.text)


def test_not_found_is_a_page(client):
    response = client.get("/documents/ffffffffffffffff")
    assert response.status_code == 404
    assert "no document ffffffffffffffff" in response.text


def test_report_stylesheet_is_shared(client):
    css = client.get("/static-report/style.css")
    assert css.status_code == 200 and "--accent" in css.text
    assert client.get("/static/web.js").status_code == 200

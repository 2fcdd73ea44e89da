"""The JSON API over the corpus: what it shows, and that it shows the same as the store and the export."""

from __future__ import annotations

import json

import pytest

from crisisdesk.export import EXPORTERS
from crisisdesk.export import json as export_json
from crisisdesk.store import Store
from crisisdesk.web.search import query_words

from .corpus import CODED_OUTLET, EVENTS, HOSTILE_TITLE


def test_overview_counts_what_the_store_holds(client, corpus_db):
    view = client.get("/api/overview").json()
    store = Store(corpus_db)
    counts = store.counts()
    store.close()
    assert view["counts"]["documents"] == counts["documents"]
    assert view["counts"]["events"] == counts["events"]
    assert view["counts"]["claims"] == counts["claims"]
    assert view["formats"] == EXPORTERS.names()
    assert {"Protests", "Battles", "Riots"} <= {row["event_type"] for row in view["events_by_type"]}
    assert view["crisis"] and view["corpus"]


def test_documents_list_and_search(client):
    listing = client.get("/api/documents").json()
    assert listing["total"] == 4
    found = client.get("/api/documents", params={"q": "tear gas"}).json()
    assert [d["title"] for d in found["documents"]] == [HOSTILE_TITLE]
    hits = [p["text"].lower() for p in found["documents"][0]["snippet"] if p["hit"]]
    assert "tear" in hits and "gas" in hits
    # a prefix finds longer words; every word must match
    assert client.get("/api/documents", params={"q": "curf"}).json()["total"] == 1
    assert client.get("/api/documents", params={"q": "curfew tear"}).json()["total"] == 0


@pytest.mark.parametrize("q", [
    "' OR 1=1 --", "\" OR \"\"=\"", "*", "NEAR(", ") OR (", "%", "_", "a\" OR body MATCH \"*",
    "'; DROP TABLE documents; --", "title:curfew", "\\", "\x00", "🔥" * 50,
])
def test_hostile_search_strings_are_only_words(client, q):
    response = client.get("/api/documents", params={"q": q})
    assert response.status_code == 200
    # only the words count: the same answer as for the words alone, and the store is intact
    words = query_words(q)
    expected = client.get("/api/documents", params={"q": " ".join(words)}).json()["total"] if words else 0
    assert response.json()["total"] == expected
    assert client.get("/api/documents").json()["total"] == 4


def test_document_detail_highlights_every_fact(client, corpus_db):
    store = Store(corpus_db)
    export = export_json.build(store)
    store.close()
    for document in export["documents"]:
        detail = client.get(f"/api/documents/{document['id']}").json()
        assert "".join(p["text"] for p in detail["highlights"]) == document["text"]
        anchors = {a for p in detail["highlights"] for a in p["anchors"]}
        for section, kind in (("events", "event"), ("claims", "claim"), ("times", "time"), ("quotes", "quote")):
            for fact in export[section]:
                if fact["doc"] == document["id"]:
                    assert f"{kind}-{fact['start']}-{fact['end']}" in anchors
        for mention in (m for m in export["mentions"] if m["doc"] == document["id"]):
            assert any(a.endswith(f"-{mention['start']}-{mention['end']}") for a in anchors)


def test_unknown_and_malformed_document_ids(client):
    assert client.get("/api/documents/0123456789abcdef").status_code == 404
    assert client.get("/api/documents/..%2F..%2Fetc%2Fpasswd").status_code in (404, 422)
    assert client.get("/api/documents/' OR 1=1").status_code == 422


def _events(corpus_db) -> list[dict]:
    store = Store(corpus_db)
    try:
        export = export_json.build(store)
    finally:
        store.close()
    docs = {d["id"]: d for d in export["documents"]}
    names = {r["id"]: r for r in export["places"] + export["actors"]}
    return [{**e, "outlet": docs[e["doc"]]["outlet"], "place_name": names.get(e["place"], {}).get("name")}
            for e in export["events"]]


def _days(date: str | None) -> tuple[str, str] | None:
    return (date[:10], date[-10:]) if date else None


CASES = [
    ({"type": "Battles"}, lambda e: e["event_type"] == "Battles" or e["sub_event_type"] == "Battles"),
    ({"type": "Armed clash"}, lambda e: e["sub_event_type"] == "Armed clash"),
    ({"date_from": "2025-03-07"}, lambda e: e["date"] and _days(e["date"])[1] >= "2025-03-07"),
    ({"date_to": "2025-03-05"}, lambda e: e["date"] and _days(e["date"])[0] <= "2025-03-05"),
    ({"date_from": "2025-03-05", "date_to": "2025-03-05"},
     lambda e: e["date"] and _days(e["date"])[0] <= "2025-03-05" <= _days(e["date"])[1]),
    ({"place": "place:test-teska"}, lambda e: e["place"] == "place:test-teska"),
    ({"actor": "omon"}, lambda e: e["actor1"] == "actor:test-riot-police"),
    ({"actor": "actor:test-armed-men"}, lambda e: e["actor2"] == "actor:test-armed-men"),
    ({"outlet": "gazette of"}, lambda e: e["outlet"] == CODED_OUTLET),
]


@pytest.mark.parametrize("params,expected", CASES, ids=[json.dumps(c[0]) for c in CASES])
def test_event_filters(client, corpus_db, params, expected):
    got = client.get("/api/events", params=params).json()
    want = {e["id"] for e in _events(corpus_db) if expected(e)}
    assert want, "the corpus should hold an event for every case"
    assert {e["id"] for e in got["events"]} == want
    assert got["total"] == len(want)
    assert got["filters"] == params


def test_coded_events_show_names(client):
    rows = client.get("/api/events", params={"outlet": CODED_OUTLET}).json()["events"]
    assert len(rows) == len(EVENTS)
    battle = next(r for r in rows if r["event_type"] == "Battles")
    assert (battle["place_name"], battle["actor1_name"], battle["actor2_name"]) == ("Teska", "Soldiers", "Armed men")
    assert battle["evidence"].startswith("Soldiers clashed")


@pytest.mark.parametrize("field", ["type", "place", "actor", "outlet"])
@pytest.mark.parametrize("value", ["' OR '1'='1", "%", "_", "x%' OR 1=1 --", "\" OR \"\"=\"", "'); DROP TABLE events; --"])
def test_hostile_filter_values_match_literally(client, field, value):
    response = client.get("/api/events", params={field: value})
    assert response.status_code == 200
    assert response.json()["total"] == 0
    assert client.get("/api/events").json()["total"] > 0


@pytest.mark.parametrize("params,message", [
    ({"date_from": "yesterday"}, "date_from must be a day as YYYY-MM-DD"),
    ({"date_to": "2025-02-30"}, "date_to must be a day"),
    ({"date_from": "2025-03-09", "date_to": "2025-03-01"}, "is after date_to"),
    ({"place": "x" * 201}, "longer than 200"),
])
def test_bad_filters_say_why(client, params, message):
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


@pytest.mark.parametrize("fmt", EXPORTERS.names())
def test_download_of_the_filtered_set(client, fmt):
    response = client.get(f"/api/events/export/{fmt}", params={"outlet": CODED_OUTLET, "type": "Battles"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.text.strip()
    if fmt == "json":
        export = response.json()
        export_json.validate(export)
        assert [e["event_type"] for e in export["events"]] == ["Battles"]
        assert [d["outlet"] for d in export["documents"]] == [CODED_OUTLET]
        assert {p["id"] for p in export["places"]} == {"place:test-teska"}
    if fmt == "geojson":
        features = response.json()["features"]
        assert [f["properties"]["place"] for f in features] == ["place:test-teska", "place:test-teska"]


def test_unknown_format_is_a_404_naming_the_known_ones(client):
    response = client.get("/api/events/export/xlsx")
    assert response.status_code == 404
    assert "json" in response.json()["detail"]


def test_claims_and_actors(client):
    groups = client.get("/api/claims").json()
    assert any(g["category"] == "killed" for g in groups)
    for g in groups:
        assert g["claims"] and all(c["value"] and c["source_name"] for c in g["claims"])
    actors = client.get("/api/actors").json()
    police = next(a for a in actors if a["id"] == "actor:test-riot-police")
    assert police["aliases"] == ["Riot police", "OMON"] and police["events"] == 1


def test_openapi_documents_every_api_route(client):
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/overview", "/api/documents", "/api/documents/{doc_id}", "/api/events",
            "/api/events/export/{format}", "/api/claims", "/api/actors", "/api/uploads",
            "/api/jobs/{job_id}"} <= paths
    assert all(p.startswith("/api/") for p in paths)
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/events/export/{format}" in page.text

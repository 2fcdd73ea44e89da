"""Exact scores for the hand-written gold folder and export of conftest.py."""

from __future__ import annotations

import json
from pathlib import Path

from crisisdesk.eval import score


def prf(section) -> tuple[float, float, float]:
    return (round(section.precision, 3), round(section.recall, 3), round(section.f1, 3))


def test_documents(gold_dir: Path, export: dict) -> None:
    docs = score(export, gold_dir).section("documents")
    assert (docs.gold, docs.predicted, docs.gold_hit) == (4, 3, 3)
    assert prf(docs) == (1.0, 0.75, 0.857)
    for name in ("published", "title", "outlet", "published (dated)", "title (dated)"):
        acc = docs.accuracy(name)
        assert (acc.correct, acc.total) == (1, 2), name


def test_absent_document_is_named(gold_dir: Path, export: dict) -> None:
    scores = score(export, gold_dir)
    assert scores.missing_docs == ("doc2",)
    assert [m.doc for m in scores.section("events").misses][-1] == "doc2"


def test_places(gold_dir: Path, export: dict) -> None:
    places = score(export, gold_dir).section("places")
    # gold occurrences: Alma-Ata, Russia (not inside "Russian"), Almaty; doc2's Almaty;
    # none for Moscow (only inside "Moscow Times")
    assert (places.gold, places.gold_hit, places.predicted, places.pred_hit) == (4, 2, 5, 2)
    assert prf(places) == (0.4, 0.5, 0.444)
    assert places.accuracy("found").correct == 3
    assert {f.text for f in places.false_hits} == {"Russian", "Moscow", "Almaty"}


def test_times(gold_dir: Path, export: dict) -> None:
    times = score(export, gold_dir).section("times")
    assert (times.gold, times.gold_hit, times.predicted, times.pred_hit) == (2, 1, 2, 1)
    assert times.accuracy("found (any value)").correct == 1
    assert [m.text for m in times.misses] == ["On Thursday"]


def test_events(gold_dir: Path, export: dict) -> None:
    events = score(export, gold_dir).section("events")
    assert (events.gold, events.predicted, events.gold_hit) == (3, 3, 1)
    assert prf(events) == (0.333, 0.333, 0.333)
    assert [(a.name, a.correct, a.total) for a in events.accuracies] == [
        ("sub_event_type", 0, 1), ("date", 1, 1), ("place", 1, 1), ("fatalities", 1, 1),
    ]
    miss = next(m for m in events.misses if m.doc == "doc1")
    assert "overlapped by Violence against civilians" in miss.detail


def test_claims(gold_dir: Path, export: dict) -> None:
    claims = score(export, gold_dir).section("claims")
    assert (claims.gold, claims.predicted, claims.gold_hit) == (1, 2, 1)
    assert prf(claims) == (0.5, 1.0, 0.667)
    assert claims.accuracy("source").value == 1.0


def test_quotes(gold_dir: Path, export: dict) -> None:
    quotes = score(export, gold_dir).section("quotes")
    assert (quotes.gold, quotes.predicted, quotes.gold_hit) == (1, 2, 1)
    assert quotes.accuracy("speaker").value == 1.0
    assert quotes.accuracy("direct").value == 1.0


def test_empty_export_scores_zero_and_says_not_built(gold_dir: Path) -> None:
    scores = score({}, gold_dir)
    for section in scores.sections:
        assert not section.built
        assert (section.precision, section.recall, section.f1) == (0.0, 0.0, 0.0)
    assert scores.missing_docs == ("doc1", "doc2")


def test_export_without_text_is_read_against_the_seed(gold_dir: Path, export: dict) -> None:
    data = export  # a fresh copy per test (function-scoped fixture)
    del data["documents"][0]["text"]
    scores = score(data, gold_dir)
    assert scores.section("events").gold_hit == 1
    assert any("no text" in w for w in scores.warnings)


def test_null_fields_and_rows_without_offsets_are_tolerated(gold_dir: Path, export: dict) -> None:
    data = export  # a fresh copy per test (function-scoped fixture)
    data["events"].append({"doc": "d1", "event_type": None, "start": None})
    data["quotes"] = None
    data["documents"][0]["title"] = None
    scores = score(data, gold_dir)
    assert scores.section("events").predicted == 4
    assert not scores.section("quotes").built


def test_to_dict_is_json(gold_dir: Path, export: dict) -> None:
    as_dict = score(export, gold_dir).to_dict()
    assert json.loads(json.dumps(as_dict))["sections"]["claims"]["precision"] == 0.5


def test_event_place_any_spelling_or_within_25_km(gold_dir: Path, export: dict) -> None:
    export["places"] += [
        {"id": "p-alias", "name": "Alma-Ata", "lat": None, "lon": None},  # a gold mention string
        {"id": "p-near", "name": "Medeu", "lat": 43.16, "lon": 77.06},  # 15 km from gold Almaty
        {"id": "p-region", "name": "Almaty Region", "lat": 45.0, "lon": 78.0},
    ]
    verdicts = []
    for place in ("p-alias", "p-near", "p-region", None):
        export["events"][0]["place"] = place
        verdicts.append(score(export, gold_dir).section("events").accuracy("place").correct)
    assert verdicts == [1, 1, 0, 0]

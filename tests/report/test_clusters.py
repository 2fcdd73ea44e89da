"""Event clusters rolled up from event mentions: type, day, place, fatalities, outlets."""

from __future__ import annotations

import pytest
from report.fake_crisis import fake_export

from crisisdesk.report.clusters import _most_common, event_clusters, first_day, outlet_label, place_summaries


def _by_id(export):
    return {c.id: c for c in event_clusters(export)}


def test_a_cluster_joins_mentions_across_documents():
    teska = _by_id(fake_export())["c-teska"]
    assert teska.event_type == "Protests"
    assert teska.date == "2025-03-03"
    assert teska.place == "p-teska"
    assert (teska.fatalities_low, teska.fatalities_high) == (2, 5)
    assert teska.documents == ("d1", "d2", "d3")
    assert len(teska.events) == 3
    assert "Harbour Times" in teska.outlets  # the reprint's outlet is listed too


def test_an_unclustered_event_stands_alone_and_undated_comes_last():
    clusters = event_clusters(fake_export())
    assert clusters[-1].id == "event:e6"
    assert clusters[-1].date is None and clusters[-1].place is None
    assert [c.date for c in clusters[:-1]] == sorted(c.date for c in clusters[:-1])


def test_ties_go_to_acled_order_the_earliest_day_and_the_finer_place():
    export = fake_export()
    export["events"] = [
        {**export["events"][0], "id": "x1", "event_type": "Riots", "sub_event_type": "Mob violence",
         "date": "2025-03-04", "place": "p-marvania", "cluster": "x"},
        {**export["events"][1], "id": "x2", "date": "2025-03-03/2025-03-05", "place": "p-teska", "cluster": "x"},
    ]
    x = _by_id(export)["x"]
    assert x.event_type == "Protests"  # Protests precede Riots in ACLED's codebook
    assert x.event_types == ("Protests", "Riots")
    assert x.date == "2025-03-03"
    assert x.place == "p-teska"  # a city is finer than a country


@pytest.mark.parametrize(("values", "expected"), [
    (["b", "a", "a"], "a"),
    (["b", "a"], "b"),
    ([], None),
])
def test_most_common(values, expected):
    assert _most_common(values) == expected


def test_first_day_of_a_span():
    assert first_day("2025-03-03/2025-03-05") == "2025-03-03"
    assert first_day(None) is None


def test_outlet_label_falls_back_to_the_file():
    assert outlet_label({"outlet": None, "source": "feeds/wire.jsonl#3"}) == "unnamed outlet (wire.jsonl#3)"
    assert outlet_label({"outlet": "Coastline Wire", "source": "x"}) == "Coastline Wire"


def test_places_busiest_first_with_counts():
    export = fake_export()
    rows = place_summaries(export, event_clusters(export))
    assert [r.place["id"] for r in rows] == ["p-teska", "p-ostrel", "p-square", "p-marvania"]  # ties by name
    teska = rows[0]
    assert (teska.events, teska.fatalities, teska.mentions) == (2, 5, 2)

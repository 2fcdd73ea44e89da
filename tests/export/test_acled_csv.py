"""The ACLED-style CSV: ACLED's columns in ACLED's order, one row per cluster, ACLED's codes."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest

from crisisdesk.export import EXPORTERS
from crisisdesk.export.acled_csv import (
    actor_class,
    code_actor,
    columns,
    interaction,
    tables,
    to_csv,
    to_rows,
)

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

TEXT_A = "Police fired on protesters in Almaty on Wednesday, killing 8 people."
TEXT_B = "Security forces opened fire on demonstrators in Almaty; 10 died."
TEXT_C = "The president declared a state of emergency."


def event(id_, doc, start, end, **fields) -> dict:
    row = {
        "id": id_, "doc": doc, "start": start, "end": end, "event_type": "Protests",
        "sub_event_type": "Excessive force against protesters", "date": "2022-01-05",
        "date_precision": "day", "place": "geonames:1526384", "actor1": "a-police",
        "actor2": "a-protesters", "fatalities": None, "cluster": "cl-0001", "rule": "events.x",
        "confidence": 0.9, "geo_precision": 1,
    }
    row.update(fields)
    return row


@pytest.fixture
def export() -> dict:
    """Two outlets report one shooting (one cluster, 8 and 10 dead); a third document a decree."""
    return {
        "schema": "crisisdesk.v1",
        "generated_at": "2022-01-09T00:00:00Z",
        "documents": [
            {"id": "d1", "source": "a.txt", "outlet": "Wire One", "text": TEXT_A, "duplicate_of": None},
            {"id": "d2", "source": "b.txt", "outlet": "Daily Two", "text": TEXT_B, "duplicate_of": None},
            {"id": "d3", "source": "c.txt", "outlet": None, "text": TEXT_C, "duplicate_of": None},
        ],
        "places": [
            {"id": "geonames:1526384", "name": "Almaty", "country": "KZ", "admin1": "Almaty",
             "lat": 43.25, "lon": 76.92, "geonameid": 1526384, "kind": "city"},
            {"id": "geonames:1522867", "name": "Kazakhstan", "country": "KZ", "admin1": None,
             "lat": 48.0, "lon": 68.0, "geonameid": 1522867, "kind": "country"},
        ],
        "actors": [
            {"id": "a-police", "name": "police", "kind": "state_force", "aliases": ["police"]},
            {"id": "a-protesters", "name": "protesters", "kind": "group", "aliases": []},
            {"id": "a-president", "name": "president", "kind": "other", "aliases": []},
            {"id": "a-building", "name": "building", "kind": "group", "aliases": []},
        ],
        "events": [
            event("e1", "d1", 0, len(TEXT_A) - 1, fatalities=8),
            event("e2", "d2", 0, len(TEXT_B) - 1, fatalities=10),
            event("e3", "d3", 0, len(TEXT_C) - 1, event_type="Strategic developments", sub_event_type="Other",
                  date=None, date_precision=None, place="geonames:1522867", actor1="a-president",
                  actor2="a-building", cluster="cl-0002", geo_precision=3),
        ],
    }


def test_columns_are_acleds_in_order(export: dict) -> None:
    assert columns() == ACLED_COLUMNS
    header = next(csv.reader(io.StringIO(to_csv(export))))
    assert header == ACLED_COLUMNS


def test_opens_in_pandas_with_acleds_columns(export: dict) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(EXPORTERS.get("acled-csv")(export)))
    assert list(frame.columns) == ACLED_COLUMNS
    assert len(frame) == 2


def test_one_row_per_cluster_with_its_sources(export: dict) -> None:
    rows = to_rows(export)
    assert len(rows) == 2
    shooting = rows[0]
    assert shooting["source"] == "Wire One; Daily Two"
    assert shooting["fatalities"] == 8  # the lowest independent figure, as ACLED codes
    assert "8 to 10" in shooting["notes"] and "Police fired on protesters" in shooting["notes"]
    assert shooting["event_date"] == "2022-01-05" and shooting["year"] == 2022
    assert shooting["time_precision"] == 1


def test_acled_codes(export: dict) -> None:
    shooting, decree = to_rows(export)
    assert shooting["event_id_cnty"] == "KAZ1" and decree["event_id_cnty"] == "KAZ2"
    assert (shooting["actor1"], shooting["inter1"]) == ("Police Forces of Kazakhstan", 1)
    assert (shooting["actor2"], shooting["inter2"]) == ("Protesters (Kazakhstan)", 6)
    assert shooting["interaction"] == 16
    assert shooting["civilian_targeting"] == "Civilian targeting"
    assert shooting["disorder_type"] == "Political violence; Demonstrations"
    assert (shooting["iso"], shooting["region"], shooting["country"]) == (398, "Caucasus and Central Asia", "Kazakhstan")
    assert (shooting["location"], shooting["admin1"], shooting["geo_precision"]) == ("Almaty", "Almaty", 1)
    # the decree: a building is no actor; an undated event gets no date
    assert (decree["actor1"], decree["inter1"], decree["actor2"], decree["inter2"]) == (
        "Government of Kazakhstan", 1, "", 0)
    assert decree["interaction"] == 10
    assert decree["event_date"] == "" and decree["time_precision"] == ""
    assert decree["source"].startswith("unnamed outlet (c.txt)")
    assert decree["civilian_targeting"] == ""


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(1, 6, 16), (6, 1, 16), (5, 0, 50), (8, 8, 88), (None, 6, None)],
)
def test_interaction(inter1, inter2, expected) -> None:
    assert interaction(inter1, inter2) == expected


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("demonstrators", "group", ("Protesters (Kazakhstan)", 6)),
        ("looters", "group", ("Rioters (Kazakhstan)", 5)),
        ("airborne troops", "state_force", ("Military Forces of Kazakhstan", 1)),
        ("Collective Security Treaty Organization", "organization", ("Collective Security Treaty Organization", 8)),
        ("residents", "group", ("Civilians (Kazakhstan)", 7)),
    ],
)
def test_actor_classes(name: str, kind: str, expected: tuple) -> None:
    coded = code_actor({"name": name, "kind": kind}, "Kazakhstan")
    assert (coded.name, coded.inter) == expected


def test_an_object_is_no_actor() -> None:
    assert actor_class("the city hall's windows") is None
    assert code_actor({"name": "airport", "kind": "group"}, "Kazakhstan") is None


def test_tables_are_complete() -> None:
    regions = {k: v for k, v in tables()["regions"].items() if k != "about"}
    counts = Counter(code for codes in regions.values() for code in codes)
    assert [c for c, n in counts.items() if n > 1] == []
    sub_types = set(tables()["disorder_types"]) - {"about"}
    assert len(sub_types) == 25  # every ACLED sub-event type of EXPORT.md

"""GeoJSON export: RFC 7946 shape, lon/lat order, what a cluster feature says, what is left out."""

from __future__ import annotations

import json

from crisisdesk.export.geojson import to_geojson

TEXT_A = "Two people died when police broke up a march in Teska on Monday."
TEXT_B = "Police in Teska dispersed the march; four people were killed, medics said. Ostrel was calm."


def _event(eid, doc, text, phrase, fatalities, cluster, place, date="2025-03-03"):
    start = text.index(phrase)
    return {"id": eid, "doc": doc, "start": start, "end": start + len(phrase), "event_type": "Protests",
            "sub_event_type": "Excessive force against protesters", "date": date, "date_precision": "day",
            "place": place, "actor1": None, "actor2": None, "fatalities": fatalities, "cluster": cluster,
            "rule": "events.test", "confidence": 0.8}


def _mention(doc, text, word, ref):
    start = text.index(word)
    return {"doc": doc, "start": start, "end": start + len(word), "text": word, "ref": ref, "label": "GPE",
            "rule": "places.test", "confidence": None}


def _export() -> dict:
    return {
        "schema": "crisisdesk.v1", "generated_at": "2025-03-06T12:00:00Z",
        "documents": [
            {"id": "a", "source": "a.txt", "title": "March broken up", "outlet": "Coastline Wire",
             "published": "2025-03-04", "published_inferred": False, "language": "en", "text": TEXT_A,
             "boilerplate": [], "duplicate_of": None},
            {"id": "b", "source": "b.txt", "title": "Four killed", "outlet": "Harbour Times",
             "published": "2025-03-04", "published_inferred": False, "language": "en", "text": TEXT_B,
             "boilerplate": [], "duplicate_of": None},
        ],
        "places": [
            {"id": "teska", "name": "Teska", "country": "XM", "admin1": None, "lat": 42.5, "lon": 27.47,
             "geonameid": None, "kind": "city"},
            {"id": "ostrel", "name": "Ostrel", "country": "XM", "admin1": None, "lat": None, "lon": None,
             "geonameid": None, "kind": "city"},
        ],
        "actors": [],
        "mentions": [_mention("a", TEXT_A, "Teska", "teska"), _mention("b", TEXT_B, "Teska", "teska"),
                     _mention("b", TEXT_B, "Ostrel", "ostrel")],
        "times": [],
        "events": [
            _event("e1", "a", TEXT_A, "police broke up a march in Teska on Monday", 2, "c1", "teska"),
            _event("e2", "b", TEXT_B, "Police in Teska dispersed the march", 4, "c1", "teska"),
            _event("e3", "b", TEXT_B, "Ostrel was calm", None, "c2", "ostrel"),
            _event("e4", "b", TEXT_B, "four people were killed", None, None, None, date=None),
        ],
        "claims": [], "quotes": [], "framing": [],
    }


def _by_id(collection: dict) -> dict:
    return {f["id"]: f for f in collection["features"]}


def test_feature_collection_is_rfc7946_and_json():
    collection = to_geojson(_export())
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946 drops crs: WGS 84 is implied
    json.loads(json.dumps(collection, allow_nan=False))
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        for value in feature["properties"].values():
            assert value is None or isinstance(value, (str, int, float, bool)) or all(isinstance(v, str) for v in value)
    assert len({f["id"] for f in collection["features"]}) == len(collection["features"])


def test_coordinates_are_lon_lat():
    teska = _by_id(to_geojson(_export()))["place:teska"]
    assert teska["geometry"]["coordinates"] == [27.47, 42.5]


def test_cluster_feature_rolls_up_its_mentions():
    cluster = _by_id(to_geojson(_export()))["cluster:c1"]["properties"]
    assert cluster["feature"] == "event_cluster"
    assert cluster["event_types"] == ["Protests"]
    assert (cluster["date_first"], cluster["date_last"]) == ("2025-03-03", "2025-03-03")
    assert (cluster["fatalities_low"], cluster["fatalities_high"]) == (2, 4)
    assert cluster["outlets"] == ["Coastline Wire", "Harbour Times"]
    assert cluster["evidence_count"] == 2
    assert cluster["place_name"] == "Teska"


def test_place_feature_counts_mentions_and_clusters():
    place = _by_id(to_geojson(_export()))["place:teska"]["properties"]
    assert place == {"feature": "place", "place": "teska", "name": "Teska", "kind": "city", "country": "XM",
                     "admin1": None, "geonameid": None, "mentions": 2, "event_clusters": 1, "fatalities": 4}


def test_features_without_coordinates_are_left_out():
    ids = set(_by_id(to_geojson(_export())))
    assert ids == {"cluster:c1", "place:teska"}  # Ostrel has no coordinates; e4 has no place


def test_empty_export_is_an_empty_collection():
    export = _export()
    for kind in ("places", "mentions", "events"):
        export[kind] = []
    assert to_geojson(export) == {"type": "FeatureCollection", "features": []}

"""The page's data: JSON-able, complete, and a map extent around where things happened."""

from __future__ import annotations

import json

from report.fake_crisis import empty_export, fake_export

from crisisdesk.report.clusters import PlaceSummary
from crisisdesk.report.view import MIN_EXTENT_DEGREES, build_view, map_extent


def _place(pid, lat, lon, kind="city", events=1):
    return PlaceSummary(place={"id": pid, "name": pid, "kind": kind, "lat": lat, "lon": lon},
                        mentions=1, events=events, fatalities=0)


def test_view_is_json_and_carries_every_section():
    view = build_view(fake_export())
    assert json.loads(json.dumps(view, allow_nan=False)) == view
    assert len(view["clusters"]) == 4
    assert [d["id"] for d in view["documents"]] == ["d1", "d2", "d3", "d4"]
    assert view["event_types"] == ["Protests", "Riots", "Strategic developments"]
    teska = view["clusters"][0]
    assert teska["fatalities"] == [2, 5] and len(teska["evidence"]) == 3
    assert all({"doc", "start", "end", "rule", "confidence"} <= set(e) for e in teska["evidence"])


def test_evidence_offsets_point_into_the_document_text():
    export = fake_export()
    view = build_view(export)
    texts = {d["id"]: d["text"] for d in view["documents"]}
    events = {(e["doc"], e["start"], e["end"]) for e in export["events"]}
    shown = {(e["doc"], e["start"], e["end"]) for c in view["clusters"] for e in c["evidence"]}
    assert shown == events
    assert texts["d1"][view["clusters"][0]["evidence"][0]["start"]:].startswith("Police fired tear gas")


def test_empty_sections_are_empty_not_missing():
    view = build_view(empty_export())
    for key in ("clusters", "places", "claim_groups", "quotes"):
        assert view[key] == []
    assert view["framing"] == {"outlets": [], "rows": []}
    assert view["extent"] is None


def test_extent_leaves_out_countries_when_towns_are_known():
    (west, south), (east, north) = map_extent([_place("a", 42.5, 27.5), _place("b", 43.2, 27.9),
                                               _place("c", 48.0, 67.0, kind="country")])
    assert east < 40  # the country centroid far east did not stretch the frame
    assert west <= 27.5 and east >= 27.9 and south <= 42.5 and north >= 43.2


def test_extent_never_closer_than_the_minimum():
    (west, south), (east, north) = map_extent([_place("a", 42.5, 27.5)])
    assert east - west >= MIN_EXTENT_DEGREES and north - south >= MIN_EXTENT_DEGREES


def test_extent_falls_back_to_named_places_and_to_none():
    assert map_extent([_place("a", 10.0, 10.0, events=0)]) is not None
    assert map_extent([_place("a", None, None)]) is None

"""The data the report page draws, derived from a `crisisdesk.v1` export.

Everything that needs judgement (clusters, ranges, disagreements, the paragraphs,
the map's extent) is computed here in Python, where it is tested; the page's
script only lays the result out.  The result is JSON-able and is embedded in the
page as is.
"""

from __future__ import annotations

from dataclasses import asdict

from .clusters import EVENT_TYPES, ClusterSummary, PlaceSummary, event_clusters, place_summaries
from .figures import claim_groups
from .prose import corpus_paragraph, crisis_paragraph
from .voices import framing_table, quotes_by_speaker

# The map never zooms closer than this many degrees across: one town alone would
# otherwise fill the frame and lose the surrounding borders that place it.
MIN_EXTENT_DEGREES = 6.0
# Margin around the places, as a fraction of their extent, so edge markers are not cut.
EXTENT_MARGIN = 0.25

FACT_FIELDS = ("doc", "start", "end", "rule", "confidence")


def _fact(row: dict, *extra: str) -> dict:
    return {k: row.get(k) for k in (*FACT_FIELDS, *extra)}


def map_extent(places: list[PlaceSummary]) -> list[list[float]] | None:
    """[[west, south], [east, north]] around where events happened (else where places are named).

    Countries are left out when anything finer is known: a country's centroid says
    little about where in it things happened.  Does not handle the antimeridian.
    """
    located = [s for s in places if s.place.get("lat") is not None and s.place.get("lon") is not None]
    focus = [s for s in located if s.events] or located
    finer = [s for s in focus if s.place.get("kind") != "country"]
    focus = finer or focus
    if not focus:
        return None
    lons = [s.place["lon"] for s in focus]
    lats = [s.place["lat"] for s in focus]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_x = max((east - west) * EXTENT_MARGIN, (MIN_EXTENT_DEGREES - (east - west)) / 2, 0)
    pad_y = max((north - south) * EXTENT_MARGIN, (MIN_EXTENT_DEGREES - (north - south)) / 2, 0)
    return [
        [max(west - pad_x, -180.0), max(south - pad_y, -85.0)],
        [min(east + pad_x, 180.0), min(north + pad_y, 85.0)],
    ]


def _cluster(c: ClusterSummary, places: dict[str, dict], actors: dict[str, dict]) -> dict:
    def actor(aid):
        return actors[aid]["name"] if aid in actors else None

    return {
        "id": c.id,
        "event_type": c.event_type,
        "event_types": list(c.event_types),
        "sub_event_types": list(c.sub_event_types),
        "date": c.date,
        "dates": list(c.dates),
        "place": c.place,
        "place_name": places[c.place]["name"] if c.place in places else None,
        "fatalities": None if c.fatalities_high is None else [c.fatalities_low, c.fatalities_high],
        "outlets": list(c.outlets),
        "evidence": [
            {**_fact(e, "event_type", "sub_event_type", "date", "fatalities"),
             "actor1": actor(e.get("actor1")), "actor2": actor(e.get("actor2"))}
            for e in c.events
        ],
    }


def build_view(export: dict) -> dict:
    """The page's data: documents (with text, for evidence) and every section's rows."""
    clusters = event_clusters(export)
    places = place_summaries(export, clusters)
    groups = claim_groups(export)
    place_rows = {p["id"]: p for p in export.get("places", [])}
    actors = {a["id"]: a for a in export.get("actors", [])}
    at_place: dict[str, list[str]] = {}
    for c in clusters:
        if c.place:
            at_place.setdefault(c.place, []).append(c.id)
    framing = framing_table(export)
    return {
        "generated_at": export.get("generated_at"),
        "summary": {
            "crisis": crisis_paragraph(export, clusters, places, groups),
            "corpus": corpus_paragraph(export),
        },
        "documents": [
            {k: d.get(k) for k in ("id", "source", "title", "outlet", "published", "published_inferred",
                                   "language", "text", "duplicate_of")}
            for d in export.get("documents", [])
        ],
        "event_types": [t for t in EVENT_TYPES if any(c.event_type == t for c in clusters)]
        + sorted({c.event_type for c in clusters} - set(EVENT_TYPES)),
        "clusters": [_cluster(c, place_rows, actors) for c in clusters],
        "places": [
            {**{k: s.place.get(k) for k in ("id", "name", "kind", "country", "lat", "lon")},
             "mentions": s.mentions, "events": s.events, "fatalities": s.fatalities,
             "clusters": at_place.get(s.place["id"], [])}
            for s in places
        ],
        "extent": map_extent(places),
        "claim_groups": [
            {**{k: v for k, v in asdict(g).items() if k != "claims"},
             "claims": [_fact(c, "subject", "low", "high", "qualifier", "as_of", "hedged", "source_name", "outlet")
                        for c in g.claims]}
            for g in groups
        ],
        "quotes": [
            {"speaker": s.speaker, "quotes": [_fact(q, "direct", "outlet", "speaker_text") for q in s.quotes]}
            for s in quotes_by_speaker(export)
        ],
        "framing": {
            "outlets": list(framing.outlets),
            "rows": [
                {"actor_class": cls, "cells": [[{"term": t, "count": n} for t, n in cell] for cell in cells]}
                for cls, cells in framing.rows
            ],
        },
    }

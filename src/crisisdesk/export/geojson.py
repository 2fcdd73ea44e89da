"""GeoJSON export (RFC 7946): event clusters and places as Point features, for GIS tools.

One feature per event cluster (at the cluster's place) and one per place named in
the corpus.  Coordinates are `[lon, lat]` in WGS 84, as RFC 7946 requires; a
cluster or place without coordinates is left out rather than put at a guessed
point.  Properties are flat: strings, numbers, booleans, null, or lists of strings,
which QGIS (OGR), GeoPandas and geojson.io read as fields.
"""

from __future__ import annotations

from ..report.clusters import ClusterSummary, event_clusters, place_summaries

# RFC 7946 section 11.2: seven decimals are about a centimetre, well past what a gazetteer knows;
# rounding keeps files small and diffs stable.
COORDINATE_DECIMALS = 6


def _point(place: dict) -> dict | None:
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return {"type": "Point", "coordinates": [round(place["lon"], COORDINATE_DECIMALS),
                                             round(place["lat"], COORDINATE_DECIMALS)]}


def _cluster_feature(c: ClusterSummary, place: dict) -> dict:
    return {
        "type": "Feature",
        "id": f"cluster:{c.id}",
        "geometry": _point(place),
        "properties": {
            "feature": "event_cluster",
            "cluster": c.id,
            "event_type": c.event_type,
            "event_types": list(c.event_types),
            "sub_event_types": list(c.sub_event_types),
            "date": c.date,
            "date_first": c.dates[0] if c.dates else None,
            "date_last": c.dates[-1] if c.dates else None,
            "dates": list(c.dates),
            "fatalities_low": c.fatalities_low,
            "fatalities_high": c.fatalities_high,
            "outlets": list(c.outlets),
            "documents": list(c.documents),
            "evidence_count": len(c.events),
            "place": place["id"],
            "place_name": place["name"],
            "country": place.get("country"),
        },
    }


def to_geojson(export: dict) -> dict:
    """A FeatureCollection of a `crisisdesk.v1` export's event clusters and places."""
    places = {p["id"]: p for p in export.get("places", [])}
    clusters = event_clusters(export)
    features = [
        _cluster_feature(c, places[c.place])
        for c in clusters
        if c.place in places and _point(places[c.place])
    ]
    for s in place_summaries(export, clusters):
        geometry = _point(s.place)
        if geometry is None:
            continue
        features.append({
            "type": "Feature",
            "id": f"place:{s.place['id']}",
            "geometry": geometry,
            "properties": {
                "feature": "place",
                "place": s.place["id"],
                "name": s.place["name"],
                "kind": s.place.get("kind"),
                "country": s.place.get("country"),
                "admin1": s.place.get("admin1"),
                "geonameid": s.place.get("geonameid"),
                "mentions": s.mentions,
                "event_clusters": s.events,
                "fatalities": s.fatalities,
            },
        })
    return {"type": "FeatureCollection", "features": features}

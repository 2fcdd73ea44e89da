"""Event clusters and places as a reader sees them: one row per real-world event.

The export carries one event row per *mention*; `cluster` joins the mentions of
one event across documents.  The report's timeline and map and the GeoJSON export
all need the same roll-up (type, day, place, fatalities range, outlets), so it is
computed once here from a `crisisdesk.v1` export dict.  Pure functions, no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath

# ACLED's codebook order: ties between event types are broken in this order,
# and the report lists types (legend, counts) in it.
EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)

# When the mentions of one event name different places equally often, the more
# specific place wins: a street clash is better placed at its site than at its country.
KIND_SPECIFICITY = {"site": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1, None: 0}


@dataclass(frozen=True)
class ClusterSummary:
    """One real-world event: its mentions (export event rows) and what they agree on."""

    id: str
    event_type: str
    event_types: tuple[str, ...]
    sub_event_types: tuple[str, ...]
    date: str | None  # the day most mentions give (first day of a span), None when no mention dates it
    dates: tuple[str, ...]
    place: str | None  # place id
    fatalities_low: int | None
    fatalities_high: int | None
    outlets: tuple[str, ...]
    documents: tuple[str, ...]
    events: tuple[dict, ...]


@dataclass(frozen=True)
class PlaceSummary:
    """A place the report shows, with what happened there and how often it is named."""

    place: dict
    mentions: int
    events: int  # event clusters placed here
    fatalities: int  # the highest stated figure of each cluster placed here, summed


def outlet_label(document: dict) -> str:
    """The outlet's name, or the file it came from when the text does not name one."""
    if document.get("outlet"):
        return document["outlet"]
    return f"unnamed outlet ({PurePath(document['source']).name or document['source']})"


def first_day(date: str | None) -> str | None:
    """`2022-01-05/2022-01-07` -> `2022-01-05`: a span starts the day it starts."""
    return date.split("/", 1)[0] if date else None


def _most_common(values: list, rank=lambda v: 0):
    """The most frequent value; ties go to the highest `rank`, then to the one listed first.

    Callers sort the values first where "first" should mean earliest day or ACLED order.
    """
    if not values:
        return None
    counts = Counter(values)
    order = {v: i for i, v in reversed(list(enumerate(values)))}
    return max(counts, key=lambda v: (counts[v], rank(v), -order[v]))


def cluster_key(event: dict) -> str:
    """The cluster id; an event the resolver left unclustered stands alone."""
    return event.get("cluster") or f"event:{event['id']}"


def event_clusters(export: dict) -> list[ClusterSummary]:
    """Every event cluster, ordered by day (undated last), then type and id."""
    documents = {d["id"]: d for d in export.get("documents", [])}
    places = {p["id"]: p for p in export.get("places", [])}
    grouped: dict[str, list[dict]] = {}
    for event in export.get("events", []):
        grouped.setdefault(cluster_key(event), []).append(event)

    clusters = []
    for key, events in grouped.items():
        types = [e["event_type"] for e in events]
        days = [first_day(e.get("date")) for e in events if e.get("date")]
        stated = [e["fatalities"] for e in events if e.get("fatalities") is not None]
        docs = [documents[e["doc"]] for e in events if e["doc"] in documents]
        clusters.append(ClusterSummary(
            id=key,
            event_type=_most_common(sorted(types, key=_type_order)),
            event_types=tuple(sorted(set(types), key=_type_order)),
            sub_event_types=tuple(sorted({e["sub_event_type"] for e in events})),
            date=_most_common(sorted(days)),
            dates=tuple(sorted(set(days))),
            place=_most_common(
                [e["place"] for e in events if e.get("place")],
                rank=lambda p: KIND_SPECIFICITY.get(places.get(p, {}).get("kind"), 0),
            ),
            fatalities_low=min(stated) if stated else None,
            fatalities_high=max(stated) if stated else None,
            outlets=tuple(sorted({outlet_label(d) for d in docs})),
            documents=tuple(dict.fromkeys(e["doc"] for e in events)),
            events=tuple(sorted(events, key=lambda e: (e["doc"], e["start"]))),
        ))
    clusters.sort(key=lambda c: (c.date is None, c.date or "", _type_order(c.event_type), c.id))
    return clusters


def _type_order(event_type: str) -> int:
    return EVENT_TYPES.index(event_type) if event_type in EVENT_TYPES else len(EVENT_TYPES)


def place_summaries(export: dict, clusters: list[ClusterSummary]) -> list[PlaceSummary]:
    """Places named in mentions or events, most active first."""
    mentions = Counter(m["ref"] for m in export.get("mentions", []) if m.get("ref"))
    events = Counter(c.place for c in clusters if c.place)
    deaths = Counter()
    for c in clusters:
        if c.place and c.fatalities_high:
            deaths[c.place] += c.fatalities_high
    rows = [
        PlaceSummary(place=p, mentions=mentions[p["id"]], events=events[p["id"]], fatalities=deaths[p["id"]])
        for p in export.get("places", [])
        if mentions[p["id"]] or events[p["id"]]
    ]
    rows.sort(key=lambda s: (-s.events, -s.fatalities, -s.mentions, s.place["name"]))
    return rows

"""Event clusters: mentions of one real-world event across documents.

Ten outlets reporting the storming of one city hall are one ACLED event.  Two
mentions join when every test below passes (a transparent rule, no model):
1. the same event type, and for Strategic developments the same sub-type;
2. the same kind of happening when both know the rule that coded them
   ("deployment" vs "emergency-declared" are different strategic developments);
3. compatible dates: their intervals (a day, a span, a month) overlap once
   widened by `DATE_SLACK_DAYS`; an unknown date is compatible with any;
4. the same or a containing place: the same place id, one is the other's
   country, or both points within `SAME_PLACE_KM`; an unknown place is compatible;
5. compatible actors: actor1 and actor2 each equal or unknown on one side.
Clustering is complete-linkage and greedy: a mention joins the first cluster
all of whose members it is compatible with, so that chains of near matches
cannot merge distinct events.  Mentions are visited best-dated first so that
clusters form around precise anchors.

`summarize_cluster` gives a cluster its canonical date, place, actors and
fatalities, counting independent sources only: a reprint or rewrite
(`duplicate_of`) speaks with its original's voice.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

# Reports of one event disagree by a day (time zones, "last night" written
# after midnight, a report dated on publication); wider would merge the
# day-by-day phases of one crisis.
DATE_SLACK_DAYS = 1

# Two points this close are one place: ACLED's own location precision for a
# town, and the gold scorer's tolerance.
SAME_PLACE_KM = 25.0

EARTH_KM = 6371.0

# How fine a place is; a finer place is a better canonical location.
PLACE_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
PRECISION_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4}


@dataclass(frozen=True)
class EventRow:
    """One resolved event mention, as the clustering needs it."""

    id: str
    doc: str
    event_type: str
    sub_event_type: str
    date: str | None = None
    date_precision: str | None = None
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    place_kind: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    outlet: str | None = None
    duplicate_of: str | None = None
    rule: str | None = None


@dataclass(frozen=True)
class ClusterSummary:
    """What a cluster says about its event, across independent sources."""

    cluster: str
    event_type: str
    sub_event_type: str
    date: str | None
    date_precision: str | None
    place_id: str | None
    actor1: str | None
    actor2: str | None
    fatalities: (
        int | None
    )  # the lowest figure an independent source states (ACLED's conservative rule)
    fatalities_low: int | None
    fatalities_high: int | None
    docs: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: int  # independent documents (copies count with their original)


@lru_cache(maxsize=4096)  # asked twice per pair of mentions compared; a corpus has few distinct dates
def interval(value: str | None) -> tuple[date, date] | None:
    """The days a date value covers: 'YYYY-MM-DD', 'A/B', 'YYYY-MM' or 'YYYY'."""
    if not value:
        return None
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            return date.fromisoformat(a), date.fromisoformat(b)
        if len(value) == 10:
            d = date.fromisoformat(value)
            return d, d
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            last = date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)
            return date(y, m, 1), last
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """3. Overlapping date intervals, within the slack; unknown matches anything."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    slack = timedelta(days=DATE_SLACK_DAYS)
    return ia[0] - slack <= ib[1] and ib[0] - slack <= ia[1]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def places_compatible(a: EventRow, b: EventRow) -> bool:
    """4. Same place, one containing the other (its country), or within SAME_PLACE_KM."""
    if a.place_id is None or b.place_id is None or a.place_id == b.place_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.place_kind == "country" or b.place_kind == "country":
        return a.country is not None and a.country == b.country
    if a.place_kind in ("admin1", "admin2") or b.place_kind in ("admin1", "admin2"):
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def actors_compatible(a: EventRow, b: EventRow) -> bool:
    """5. Each actor equal or unknown on one side."""
    return all(
        x is None or y is None or x == y
        for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2))
    )


def compatible(a: EventRow, b: EventRow) -> bool:
    """Whether two mentions may report one event (tests 1-5)."""
    if a.event_type != b.event_type:  # 1.
        return False
    if (
        a.event_type == "Strategic developments"
        and a.sub_event_type != b.sub_event_type
    ):
        return False
    if a.rule and b.rule and a.rule != b.rule:  # 2.
        return False
    return (
        dates_compatible(a.date, b.date)
        and places_compatible(a, b)
        and actors_compatible(a, b)
    )


def visit_order(row: EventRow) -> tuple:
    """Best-dated, finest-placed mentions first."""
    return (
        row.date is None,
        PRECISION_RANK.get(row.date_precision or "", len(PRECISION_RANK)),
        PLACE_RANK.get(row.place_kind or "", len(PLACE_RANK)),
        row.id,
    )


# The fields `compatible` reads: mentions equal in all of them are compared once.
COMPARED = ("event_type", "sub_event_type", "rule", "date", "place_id", "lat", "lon", "country", "place_kind",
            "actor1", "actor2")


def block_of(row: EventRow) -> tuple[str, str | None]:
    """What two mentions of one event always share (test 1 of `compatible`): a
    mention is compared only with the clusters of its block, not with every
    cluster of the corpus."""
    return row.event_type, row.sub_event_type if row.event_type == "Strategic developments" else None


def cluster_events(events: Sequence[EventRow]) -> list[str]:
    """The cluster id of each mention, in input order (ids `cl-0001` ... by first member).

    Complete linkage, first fit: a mention joins the first cluster (in the
    order they were opened) all of whose members it is compatible with.  Each
    cluster is held as its distinct mention kinds (the `COMPARED` fields):
    reprints and repeated reports make many mentions of one kind, and comparing
    each with every member made clustering quadratic in the mentions.
    """
    kinds: dict[tuple, int] = {}
    kind_of = [kinds.setdefault(tuple(getattr(e, f) for f in COMPARED), len(kinds)) for e in events]
    example = {k: events[i] for i, k in reversed(list(enumerate(kind_of)))}
    answers: dict[tuple[int, int], bool] = {}

    def fits(a: int, b: int) -> bool:
        if (a, b) not in answers:
            answers[(a, b)] = compatible(example[a], example[b])
        return answers[(a, b)]

    clusters: list[list[int]] = []
    by_block: dict[tuple[str, str | None], list[tuple[list[int], set[int]]]] = {}
    for i in sorted(range(len(events)), key=lambda k: visit_order(events[k])):
        kind = kind_of[i]
        block = by_block.setdefault(block_of(events[i]), [])
        for members, member_kinds in block:  # the first that takes it, in creation order
            if all(fits(kind, k) for k in member_kinds):
                members.append(i)
                member_kinds.add(kind)
                break
        else:
            block.append(([i], {kind}))
            clusters.append(block[-1][0])
    return cluster_labels(clusters, len(events))


def cluster_labels(clusters: list[list[int]], count: int) -> list[str]:
    """The cluster id of each of `count` mentions, clusters numbered `cl-0001` ... by first member."""
    label = [""] * count
    for n, members in enumerate(sorted(clusters, key=min), start=1):
        for i in members:
            label[i] = f"cl-{n:04d}"
    return label


def most_common(values: Sequence) -> object | None:
    known = [v for v in values if v is not None]
    if not known:
        return None
    counts = Counter(known)
    best = max(counts.values())
    return next(v for v in known if counts[v] == best)


def summarize_cluster(cluster: str, rows: Sequence[EventRow]) -> ClusterSummary:
    """Canonical facts of one cluster's mentions.

    - date: the finest precision stated; among those, the value most
      independent sources give, ties to the earliest;
    - place: the finest place stated, the most common among those;
    - actors: the most common known ids;
    - fatalities: per independent source (copies do not count) the highest
      figure it states (its latest count), then the lowest across sources as
      the value (ACLED codes the most conservative report) and the range.
    """
    source_of = {r.id: (r.duplicate_of or r.doc) for r in rows}
    independent = sorted(set(source_of.values()))
    dated = [r for r in rows if r.date]
    date_value = precision = None
    if dated:
        finest = min(
            PRECISION_RANK.get(r.date_precision or "", len(PRECISION_RANK))
            for r in dated
        )
        best = [
            r
            for r in dated
            if PRECISION_RANK.get(r.date_precision or "", len(PRECISION_RANK)) == finest
        ]
        per_source = {(source_of[r.id], r.date) for r in best}
        counts = Counter(d for _, d in per_source)
        top = max(counts.values())
        date_value = min(d for d, c in counts.items() if c == top)
        precision = next(r.date_precision for r in best if r.date == date_value)
    placed = [r for r in rows if r.place_id]
    place = None
    if placed:
        finest = min(
            PLACE_RANK.get(r.place_kind or "", len(PLACE_RANK)) for r in placed
        )
        place = most_common(
            [
                r.place_id
                for r in placed
                if PLACE_RANK.get(r.place_kind or "", len(PLACE_RANK)) == finest
            ]
        )
    figures: dict[str, int] = {}
    for r in rows:
        if (
            r.fatalities is not None and r.duplicate_of is None
        ):  # a copy repeats its original's figure
            src = source_of[r.id]
            figures[src] = max(figures.get(src, r.fatalities), r.fatalities)
    lead = rows[0]
    return ClusterSummary(
        cluster=cluster,
        event_type=lead.event_type,
        sub_event_type=str(most_common([r.sub_event_type for r in rows])),
        date=date_value,
        date_precision=precision,
        place_id=place,  # type: ignore[arg-type]
        actor1=most_common([r.actor1 for r in rows]),  # type: ignore[arg-type]
        actor2=most_common([r.actor2 for r in rows]),  # type: ignore[arg-type]
        fatalities=min(figures.values()) if figures else None,
        fatalities_low=min(figures.values()) if figures else None,
        fatalities_high=max(figures.values()) if figures else None,
        docs=tuple(sorted({r.doc for r in rows})),
        outlets=tuple(sorted({r.outlet for r in rows if r.outlet})),
        sources=len(independent),
    )

"""Event clusters: the rule's five tests, and a cluster's canonical facts across independent sources."""

from __future__ import annotations

from crisisdesk.resolve.events import (
    EventRow,
    cluster_events,
    compatible,
    dates_compatible,
    summarize_cluster,
)

ALMATY = {
    "place_id": "p-almaty",
    "lat": 43.25,
    "lon": 76.92,
    "country": "KZ",
    "place_kind": "city",
}
AIRPORT = {
    "place_id": "p-almaty-airport",
    "lat": 43.35,
    "lon": 77.04,
    "country": "KZ",
    "place_kind": "site",
}
KZ = {
    "place_id": "p-kz",
    "lat": 48.0,
    "lon": 68.0,
    "country": "KZ",
    "place_kind": "country",
}
ZHANAOZEN = {
    "place_id": "p-zhanaozen",
    "lat": 43.34,
    "lon": 52.86,
    "country": "KZ",
    "place_kind": "city",
}


def row(id, doc, et="Riots", st="Violent demonstration", **kw) -> EventRow:
    return EventRow(id=id, doc=doc, event_type=et, sub_event_type=st, **kw)


def test_storming_reported_by_three_outlets_is_one_cluster():
    rows = [
        row(
            "e1",
            "d1",
            date="2022-01-05",
            date_precision="day",
            rule="events.storming",
            outlet="A",
            **ALMATY,
        ),
        row(
            "e2",
            "d2",
            date="2022-01-05",
            date_precision="day",
            rule="events.storming",
            outlet="B",
            **AIRPORT,
        ),
        row("e3", "d3", rule="events.storming", outlet="C", **KZ),
    ]
    labels = cluster_events(rows)
    assert len(set(labels)) == 1


def test_different_type_day_place_or_actor_split():
    base = dict(date="2022-01-05", date_precision="day", **ALMATY)
    assert not compatible(
        row("a", "d1", **base), row("b", "d2", et="Battles", st="Armed clash", **base)
    )
    assert not compatible(
        row("a", "d1", **base),
        row("b", "d2", date="2022-01-08", date_precision="day", **ALMATY),
    )
    assert not compatible(
        row("a", "d1", **base),
        row("b", "d2", date="2022-01-05", date_precision="day", **ZHANAOZEN),
    )
    assert not compatible(
        row("a", "d1", actor1="rioters", **base),
        row("b", "d2", actor1="police", **base),
    )


def test_strategic_developments_of_different_kinds_stay_apart():
    sd = dict(et="Strategic developments", st="Other", **KZ)
    rows = [
        row("a", "d1", rule="events.deployment", **sd),
        row("b", "d2", rule="events.emergency-declared", **sd),
        row("c", "d3", rule="events.deployment", **sd),
    ]
    labels = cluster_events(rows)
    assert labels[0] == labels[2] != labels[1]


def test_date_slack_and_spans():
    assert dates_compatible("2022-01-05", "2022-01-06")
    assert dates_compatible("2022-01-01/2022-01-02", "2022-01-02")
    assert not dates_compatible("2022-01-01/2022-01-02", "2022-01-05")
    assert dates_compatible(None, "2022-01-05")


def test_complete_linkage_prevents_chaining():
    rows = [
        row("a", "d1", date="2022-01-04", date_precision="day", **ALMATY),
        row("b", "d2", date="2022-01-05", date_precision="day", **ALMATY),
        row("c", "d3", date="2022-01-06", date_precision="day", **ALMATY),
    ]
    labels = cluster_events(rows)
    assert len(set(labels)) == 2


def test_summary_counts_independent_sources_and_takes_the_lowest_toll():
    rows = [
        row(
            "e1",
            "d1",
            et="Battles",
            st="Armed clash",
            date="2022-01-07",
            date_precision="day",
            fatalities=26,
            outlet="A",
            **KZ,
        ),
        row(
            "e2",
            "d2",
            et="Battles",
            st="Armed clash",
            date="2022-01-07",
            date_precision="day",
            fatalities=40,
            outlet="B",
            **ALMATY,
        ),
        row(
            "e3",
            "d3",
            et="Battles",
            st="Armed clash",
            fatalities=99,
            outlet="C",
            duplicate_of="d2",
            **KZ,
        ),
    ]
    s = summarize_cluster("cl-0001", rows)
    assert s.sources == 2
    assert (s.fatalities, s.fatalities_low, s.fatalities_high) == (
        26,
        26,
        40,
    )  # the copy's 99 does not count
    assert s.place_id == "p-almaty" and s.date == "2022-01-07"
    assert s.docs == ("d1", "d2", "d3") and s.outlets == ("A", "B", "C")


def _first_fit(rows: list[EventRow]) -> list[str]:
    """Complete-linkage first fit written plainly: every mention against every member."""
    from crisisdesk.resolve.events import cluster_labels, visit_order

    clusters: list[list[int]] = []
    for i in sorted(range(len(rows)), key=lambda k: visit_order(rows[k])):
        for members in clusters:
            if all(compatible(rows[i], rows[j]) for j in members):
                members.append(i)
                break
        else:
            clusters.append([i])
    return cluster_labels(clusters, len(rows))


def test_clusters_equal_plain_first_fit_on_random_mentions():
    """Blocks and mention kinds only spare comparisons: the clusters are those of the plain rule."""
    import random

    rng = random.Random(7)
    types = [("Riots", "Violent demonstration"), ("Protests", "Peaceful protest"),
             ("Strategic developments", "Arrests"), ("Strategic developments", "Agreement")]
    places = [ALMATY, AIRPORT, KZ, ZHANAOZEN, {}]
    for _ in range(40):
        rows = []
        for n in range(rng.randint(1, 60)):
            et, st = rng.choice(types)
            rows.append(row(f"e{n}", f"d{rng.randint(0, 9)}", et, st,
                            date=rng.choice([None, "2022-01-05", "2022-01-06", "2022-01-09", "2022-01", "2022-01-05/2022-01-07"]),
                            actor1=rng.choice([None, "a-police", "a-protesters"]),
                            actor2=rng.choice([None, "a-civilians"]),
                            rule=rng.choice([None, "events.riot", "events.clash"]),
                            **rng.choice(places)))
        assert cluster_events(rows) == _first_fit(rows)

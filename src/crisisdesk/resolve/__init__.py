"""The cross-document stage: identities, clusters and groups over stored facts.

It reads facts, never parses, so its memory grows with the number of facts;
it writes every resolved id back in one transaction (`Store.save_resolution`).
Steps, in order, each feeding the next:
1. reprints and rewrites (duplicate_of), so clusters count independent sources;
2. places: one id per gazetteer entry (or region/site slug);
3. actors from name mentions (the index later steps look names up in);
4. claim sources and claim groups;
5. event places, actors and clusters.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ..extract.attribution import primary_source
from ..extract.actors import STATE_FORCE_WORDS
from ..model import Claim, EntityMention, Event, PlaceMention
from ..store import Store
from .actors import ActorIndex, resolve_actors
from .claims import group_claims
from .dedup import find_duplicates
from .events import EventRow, cluster_events
from .places import resolve_places

Columns = dict[str, dict[str, dict]]


def _actors(store: Store, columns: Columns) -> ActorIndex:
    mention_facts = store.facts("mentions", EntityMention)
    index = resolve_actors(m for _, m in mention_facts)
    for row_id, m in mention_facts:
        columns["mentions"][row_id] = {"ref": index.id_of_mention((m.doc, m.start, m.end))}
    return index


def _duplicates(documents: list[dict]) -> dict[str, str | None]:
    found = find_duplicates([(d["id"], d["text"], d["published"]) for d in documents])
    return {d["id"]: found.get(d["id"]) for d in documents}


def _places(store: Store, columns: Columns) -> tuple[list[dict], dict]:
    rows = store.facts("place_mentions", PlaceMention)
    places, refs = resolve_places(m for _, m in rows)
    for row_id, m in rows:
        columns["place_mentions"][row_id] = {"ref": refs.get((m.doc, m.start, m.end))}
    by_text = {(m.doc, m.text): refs[(m.doc, m.start, m.end)] for _, m in rows if (m.doc, m.start, m.end) in refs}
    return [dataclasses.asdict(p) for p in places], {**refs, **by_text}


def _actor_kind(text: str) -> str:
    """The kind of an actor an event names only by a class noun ("police", "protesters")."""
    return "state_force" if STATE_FORCE_WORDS.search(text) else "group"


def _events(store: Store, index: ActorIndex, places: list[dict], place_refs: dict, documents: list[dict],
            duplicates: dict, columns: Columns) -> None:
    rows = store.facts("events", Event)
    place_by_id = {p["id"]: p for p in places}
    outlet = {d["id"]: d["outlet"] for d in documents}
    resolved, cluster_rows = [], []
    for row_id, e in rows:
        place = place_refs.get((e.doc, e.place_start, e.place_end)) or place_refs.get((e.doc, e.place_text))
        actor1 = index.ensure(e.actor1_text, doc=e.doc, kind=_actor_kind(e.actor1_text or ""))
        actor2 = index.ensure(e.actor2_text, doc=e.doc, kind=_actor_kind(e.actor2_text or ""))
        p = place_by_id.get(place, {})
        resolved.append((row_id, place, actor1, actor2))
        cluster_rows.append(EventRow(
            id=row_id, doc=e.doc, event_type=e.event_type, sub_event_type=e.sub_event_type, date=e.date,
            date_precision=e.date_precision, place_id=place, lat=p.get("lat"), lon=p.get("lon"),
            country=p.get("country"), place_kind=p.get("kind"), actor1=actor1, actor2=actor2,
            fatalities=e.fatalities, outlet=outlet.get(e.doc), duplicate_of=duplicates.get(e.doc), rule=e.rule,
        ))
    clusters = cluster_events(cluster_rows)
    for (row_id, place, actor1, actor2), cluster in zip(resolved, clusters):
        columns["events"][row_id] = {"place": place, "actor1": actor1, "actor2": actor2, "cluster": cluster}


def _claims(store: Store, index: ActorIndex, published: dict[str, str], columns: Columns) -> None:
    rows = store.facts("claims", Claim)
    groups = group_claims([c for _, c in rows], published=published)
    for (row_id, claim), group in zip(rows, groups):
        source = index.ensure(primary_source(claim.source_text), doc=claim.doc) if claim.source_text else None
        columns["claims"][row_id] = {"source": source, "claim_group": group}


def resolve(store: Store) -> None:
    columns: Columns = defaultdict(dict)
    documents = list(store.documents())
    published = {d["id"]: d["published"] for d in documents if d["published"]}
    duplicates = _duplicates(documents)
    places, place_refs = _places(store, columns)
    index = _actors(store, columns)
    _claims(store, index, published, columns)
    _events(store, index, places, place_refs, documents, duplicates, columns)
    store.save_resolution(
        actors=[dataclasses.asdict(a) for a in index.actors()],
        places=places,
        columns=columns,
        duplicates=duplicates,
    )

"""The cross-document stage: identities, clusters and groups over stored facts.

It reads facts, never parses or holds texts (reprints are found from stored
MinHash fingerprints), so its memory grows with the number of facts;
it writes every resolved id back in one transaction (`Store.save_resolution`).
Steps, in order, each feeding the next:
1. reprints and rewrites (duplicate_of), so clusters count independent sources;
2. places: one id per gazetteer entry (or region/site slug);
3. actors from name mentions (the index later steps look names up in);
4. claim sources and claim groups, quote speakers;
5. event places, actors and clusters.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable

from sqlalchemy import select

from ..extract.attribution import primary_source
from ..model import Claim, EntityMention, Event, Fingerprint, PlaceMention, Quote
from ..store import Store, schema
from .actors import ActorIndex, resolve_actors
from .claims import group_claims
from .dedup import duplicates_of, fingerprint
from .event_actors import event_actor
from .events import EventRow, cluster_events
from .places import resolve_places

Columns = dict[str, dict[str, dict]]

# A country named once (talks "in Vienna") is no evidence of where a report's
# events happen; its main country must be named at least this often.
MAIN_COUNTRY_MIN = 2


def _actors(store: Store, columns: Columns) -> ActorIndex:
    mention_facts = store.facts("mentions", EntityMention)
    index = resolve_actors(m for _, m in mention_facts)
    for row_id, m in mention_facts:
        columns["mentions"][row_id] = {"ref": index.id_of_mention((m.doc, m.start, m.end))}
    return index


def _quotes(store: Store, index: ActorIndex, columns: Columns) -> None:
    """The speaker is the actor of the name the quote points at, else of its words."""
    for row_id, q in store.facts("quotes", Quote):
        speaker = None
        if q.speaker_start is not None:
            speaker = index.id_of_mention((q.doc, q.speaker_start, q.speaker_end))
        if speaker is None and q.speaker_text:
            speaker = index.ensure(q.speaker_text, doc=q.doc, kind="person")
        columns["quotes"][row_id] = {"speaker": speaker}


def _text_of(store: Store) -> Callable[[str], str]:
    """One document's text, fetched when the reprint finder needs it."""

    def text_of(doc_id: str) -> str:
        with store.engine.connect() as conn:
            return conn.execute(select(schema.documents.c.text).where(schema.documents.c.id == doc_id)).scalar_one()

    return text_of


def _duplicates(store: Store, documents: list[dict]) -> dict[str, str | None]:
    """1. From the stored fingerprints; a document stored without one (by an
    older crisisdesk) gets it from its text here."""
    text_of = _text_of(store)
    stored = {fp.doc: fp for _, fp in store.facts("fingerprints", Fingerprint)}
    docs = [(d["id"], stored.get(d["id"]) or fingerprint(d["id"], text_of(d["id"])), d["published"])
            for d in documents]
    found = duplicates_of(docs, text_of)
    return {d["id"]: found.get(d["id"]) for d in documents}


def _places(rows: list[tuple[str, PlaceMention]], columns: Columns) -> tuple[list[dict], dict]:
    places, refs = resolve_places(m for _, m in rows)
    for row_id, m in rows:
        columns["place_mentions"][row_id] = {"ref": refs.get((m.doc, m.start, m.end))}
    by_text = {(m.doc, m.text): refs[(m.doc, m.start, m.end)] for _, m in rows if (m.doc, m.start, m.end) in refs}
    return [dataclasses.asdict(p) for p in places], {**refs, **by_text}


def _country_name(iso: str | None) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=iso) if iso else None
    return getattr(country, "common_name", None) or getattr(country, "name", None)


def _main_countries(rows: list[tuple[str, PlaceMention]]) -> dict[str, str]:
    """Each document's most named country: the country of events that name none."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for _, m in rows:
        if m.country:
            counts[m.doc][m.country] += 1
    return {doc: c.most_common(1)[0][0] for doc, c in counts.items() if c.most_common(1)[0][1] >= MAIN_COUNTRY_MIN}


def _event_actor(index: ActorIndex, text: str | None, doc: str, country: str | None) -> str | None:
    ref = event_actor(text, country)
    return index.ensure(ref.name, doc=doc, kind=ref.kind) if ref else None


def _events(store: Store, index: ActorIndex, places: list[dict], place_refs: dict, main_country: dict[str, str],
            documents: list[dict], duplicates: dict, columns: Columns) -> None:
    rows = store.facts("events", Event)
    place_by_id = {p["id"]: p for p in places}
    outlet = {d["id"]: d["outlet"] for d in documents}
    resolved, cluster_rows = [], []
    for row_id, e in rows:
        place = place_refs.get((e.doc, e.place_start, e.place_end)) or place_refs.get((e.doc, e.place_text))
        p = place_by_id.get(place, {})
        country = _country_name(p.get("country") or main_country.get(e.doc))
        actor1, actor2 = (_event_actor(index, text, e.doc, country) for text in (e.actor1_text, e.actor2_text))
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
    documents = list(store.documents(with_text=False))
    published = {d["id"]: d["published"] for d in documents if d["published"]}
    duplicates = _duplicates(store, documents)
    place_rows = store.facts("place_mentions", PlaceMention)
    places, place_refs = _places(place_rows, columns)
    index = _actors(store, columns)
    _claims(store, index, published, columns)
    _quotes(store, index, columns)
    _events(store, index, places, place_refs, _main_countries(place_rows), documents, duplicates, columns)
    store.save_resolution(
        actors=[dataclasses.asdict(a) for a in index.actors()],
        places=places,
        columns=columns,
        duplicates=duplicates,
    )

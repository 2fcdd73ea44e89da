"""What the pages and the API show, read from the store.

The cross-document views (overview, events, claim groups, actors) are built
from the `crisisdesk.v1` export of the store, the same dict every exporter and
the offline report read, so the web app cannot tell a different story from
them.  The export is rebuilt only when the store changed: a snapshot is kept
with the store's stamp (`StoreVersion`) it was built at and rebuilt when the
stamp moves (a run in another process, a job here finishing).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import func, select

from ..export import json as export_json
from ..report.clusters import EVENT_TYPES, ClusterSummary, event_clusters, outlet_label, place_summaries
from ..report.figures import ClaimGroup, claim_groups
from ..report.prose import corpus_paragraph, crisis_paragraph
from ..store import Store, schema
from .filters import EventFilters, event_query
from .highlight import Mark
from .version import StoreVersion

# Longest evidence text shown in a table row; the document page shows it whole.
EVIDENCE_CHARS = 300
# Rows the overview lists per section before "see all".
OVERVIEW_ROWS = 10
# The export's sections that hold facts of one document each.
FACT_SECTIONS = ("mentions", "times", "events", "claims", "quotes")


def claim_value(claim: dict) -> str:
    """A claim's quantity as a reader says it: `≥ 350`, `≤ 20000`, `about 200`, `20–30`."""
    low, high, qualifier = claim.get("low"), claim.get("high"), claim.get("qualifier")
    if qualifier == "at_least":
        return f"≥ {low if low is not None else high}"
    if qualifier == "at_most":
        return f"≤ {high if high is not None else low}"
    figure = str(low if low is not None else high) if low is None or high is None or low == high else f"{low}–{high}"
    return f"about {figure}" if qualifier == "about" else figure


def range_text(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "unstated"
    if low is None or high is None or low == high:
        return str(low if low is not None else high)
    return f"{low}–{high}"


@dataclass
class Snapshot:
    """The export and everything derived from it, built once per store state."""

    export: dict
    key: tuple = ()
    views: dict = field(default_factory=dict)  # the Reader's derived views, built once per snapshot

    @cached_property
    def documents(self) -> dict[str, dict]:
        return {d["id"]: d for d in self.export["documents"]}

    @cached_property
    def places(self) -> dict[str, dict]:
        return {p["id"]: p for p in self.export["places"]}

    @cached_property
    def actors(self) -> dict[str, dict]:
        return {a["id"]: a for a in self.export["actors"]}

    @cached_property
    def events(self) -> dict[str, dict]:
        return {e["id"]: e for e in self.export["events"]}

    @cached_property
    def clusters(self) -> list[ClusterSummary]:
        return event_clusters(self.export)

    @cached_property
    def claim_groups(self) -> list[ClaimGroup]:
        return claim_groups(self.export)

    @cached_property
    def mention_counts(self) -> Counter:
        return Counter(m["ref"] for m in self.export["mentions"] if m.get("ref"))

    @cached_property
    def facts_by_doc(self) -> dict[str, dict[str, list[dict]]]:
        """Every fact by document and section, sorted out once rather than scanned per document shown."""
        found: dict[str, dict[str, list[dict]]] = {}
        for section in FACT_SECTIONS:
            for row in self.export[section]:
                found.setdefault(row["doc"], {s: [] for s in FACT_SECTIONS})[section].append(row)
        return found

    def facts_of(self, doc: str) -> dict[str, list[dict]]:
        """Every fact of one document, by section of the export."""
        return self.facts_by_doc.get(doc) or {s: [] for s in FACT_SECTIONS}

    def outlet(self, doc: str) -> str | None:
        document = self.documents.get(doc)
        return outlet_label(document) if document else None

    def name(self, ref: str | None) -> str | None:
        if ref in self.actors:
            return self.actors[ref]["name"]
        if ref in self.places:
            return self.places[ref]["name"]
        return None

    def mention_kind(self, ref: str | None) -> str:
        """`place` or `actor`: which highlight a name mention gets."""
        return "place" if ref in self.places else "actor"

    def evidence(self, row: dict) -> str:
        document = self.documents.get(row["doc"])
        if not document:
            return ""
        words = document["text"][row["start"]:row["end"]]
        return words if len(words) <= EVIDENCE_CHARS else words[:EVIDENCE_CHARS] + "…"


class Reader:
    """Read access for the web app: one per app, safe to share between request threads."""

    def __init__(self, store: Store, version: StoreVersion):
        self.store = store
        self.version = version
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def _key(self) -> tuple:
        """The store's stamp; on a database without one, the table counts (a change of count at least)."""
        stamp = self.version.stamp()
        return ("stamp", stamp) if stamp is not None else tuple(sorted(self.store.counts().items()))

    def snapshot(self) -> Snapshot:
        key = self._key()
        with self._lock:
            if self._snapshot is None or self._snapshot.key != key:
                self._snapshot = Snapshot(export=export_json.build(self.store), key=key)
            return self._snapshot

    # -- documents -----------------------------------------------------------
    def document_rows(self, *, limit: int, offset: int) -> tuple[list[dict], int]:
        d = schema.documents
        cols = [d.c.id, d.c.source, d.c.title, d.c.outlet, d.c.published, d.c.published_inferred,
                d.c.language, d.c.duplicate_of, d.c.added_at]
        with self.store.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(d)).scalar_one()
            rows = conn.execute(
                select(*cols).order_by(d.c.published.is_(None), d.c.published.desc(), d.c.added_at.desc(), d.c.id)
                .limit(limit).offset(offset)
            ).all()
        return [dict(r._mapping) for r in rows], total

    def document_summaries(self, ids: list[str]) -> dict[str, dict]:
        d = schema.documents
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(d.c.id, d.c.source, d.c.title, d.c.outlet, d.c.published, d.c.language, d.c.duplicate_of)
                .where(d.c.id.in_(ids))
            ).all()
        return {r.id: dict(r._mapping) for r in rows}

    def document(self, doc_id: str) -> dict | None:
        d = schema.documents
        with self.store.engine.connect() as conn:
            row = conn.execute(select(d).where(d.c.id == doc_id)).first()
        return dict(row._mapping) if row else None

    def marks(self, doc_id: str, boilerplate: list) -> list[Mark]:
        """Every fact of a document as a highlight, with a label saying what it is."""
        snap = self.snapshot()
        facts = snap.facts_of(doc_id)
        found: dict[str, Mark] = {}

        def add(kind: str, row: dict, label: str) -> None:
            anchor = f"{kind}-{row['start']}-{row['end']}"
            if anchor in found:
                label = f"{found[anchor].label}; {label}"
            found[anchor] = Mark(kind, anchor, row["start"], row["end"], label)

        for m in facts["mentions"]:
            kind = snap.mention_kind(m.get("ref"))
            name = snap.name(m.get("ref"))
            add(kind, m, f"{kind}: {name or m['text']} ({m['label']}, {m['rule']})")
        for t in facts["times"]:
            add("time", t, f"time: {t['value']} ({t['precision']}, {t['rule']})")
        for e in facts["events"]:
            add("event", e, f"event: {e['event_type']} / {e['sub_event_type']}"
                + (f", {e['date']}" if e.get("date") else "") + f" ({e['rule']})")
        for c in facts["claims"]:
            add("claim", c, f"claim: {c['category']} {claim_value(c)}" + (f" {c['subject']}" if c.get("subject") else "")
                + (f", per {c['source_text']}" if c.get("source_text") else "") + f" ({c['rule']})")
        for q in facts["quotes"]:
            speaker = snap.name(q.get("speaker")) or q.get("speaker_text") or "unattributed"
            add("quote", q, f"quote: {speaker}, {'direct' if q['direct'] else 'reported'} ({q['rule']})")
        for start, end in boilerplate:
            anchor = f"boilerplate-{start}-{end}"
            found[anchor] = Mark("boilerplate", anchor, start, end, "boilerplate: not article text")
        return sorted(found.values(), key=lambda m: (m.start, -m.end, m.kind))

    # -- events -------------------------------------------------------------
    def event_ids(self, filters: EventFilters) -> list[str]:
        with self.store.engine.connect() as conn:
            return list(conn.execute(event_query(filters)).scalars())

    def event_rows(self, ids: list[str]) -> list[dict]:
        snap = self.snapshot()
        rows = []
        for event_id in ids:
            e = snap.events.get(event_id)
            if e is None:
                continue  # stored after the snapshot was built; the next request shows it
            document = snap.documents.get(e["doc"], {})
            rows.append({
                **e,
                "place_name": snap.name(e.get("place")),
                "actor1_name": snap.name(e.get("actor1")),
                "actor2_name": snap.name(e.get("actor2")),
                "outlet": snap.outlet(e["doc"]),
                "title": document.get("title"),
                "evidence": snap.evidence(e),
            })
        return rows

    def event_types(self) -> list[str]:
        """ACLED's types first, in codebook order, then any others seen in the store."""
        e = schema.FACT_TABLES["events"][0]
        with self.store.engine.connect() as conn:
            seen = set(conn.execute(select(e.c.event_type).distinct()).scalars())
        return [*EVENT_TYPES, *sorted(seen - set(EVENT_TYPES))]

    # -- actors -------------------------------------------------------------
    def actor_rows(self) -> list[dict]:
        snap = self.snapshot()
        if "actors" not in snap.views:
            snap.views["actors"] = self._actor_rows(snap)
        return snap.views["actors"]

    @staticmethod
    def _actor_rows(snap: Snapshot) -> list[dict]:
        in_events = Counter(a for e in snap.export["events"] for a in {e.get("actor1"), e.get("actor2")} if a)
        rows = [
            {**a, "mentions": snap.mention_counts[a["id"]], "events": in_events[a["id"]]}
            for a in snap.export["actors"]
        ]
        rows.sort(key=lambda a: (-(a["mentions"] + a["events"]), a["name"].lower()))
        return rows

    # -- claims -------------------------------------------------------------
    def claim_group_rows(self) -> list[dict]:
        snap = self.snapshot()
        if "claims" not in snap.views:
            snap.views["claims"] = self._claim_group_rows(snap)
        return snap.views["claims"]

    @staticmethod
    def _claim_group_rows(snap: Snapshot) -> list[dict]:
        return [
            {
                "id": g.id, "category": g.category, "subject": g.subject, "low": g.low, "high": g.high,
                "range": range_text(g.low, g.high), "disagree": g.disagree,
                "claims": [
                    {**{k: c.get(k) for k in ("id", "doc", "start", "end", "low", "high", "qualifier", "as_of",
                                              "hedged", "rule", "confidence", "source_text")},
                     "value": claim_value(c), "source_name": c["source_name"], "outlet": c["outlet"],
                     "evidence": snap.evidence(c)}
                    for c in g.claims
                ],
            }
            for g in snap.claim_groups
        ]

    # -- overview -----------------------------------------------------------
    def overview(self) -> dict:
        snap = self.snapshot()
        if "overview" not in snap.views:
            snap.views["overview"] = self._overview(snap)
        return snap.views["overview"]

    def _overview(self, snap: Snapshot) -> dict:
        export = snap.export
        clusters = snap.clusters
        places = place_summaries(export, clusters)
        by_type = Counter(c.event_type for c in clusters)
        types = [t for t in EVENT_TYPES if by_type[t]] + sorted(set(by_type) - set(EVENT_TYPES))
        return {
            "crisis": crisis_paragraph(export, clusters, places, snap.claim_groups) if export["documents"] else "",
            "corpus": corpus_paragraph(export),
            "counts": {
                "documents": len(export["documents"]),
                "events": len(export["events"]),
                "event_clusters": len(clusters),
                "claims": len(export["claims"]),
                "claim_groups": len(snap.claim_groups),
                "quotes": len(export["quotes"]),
                "places": len(export["places"]),
                "actors": len(export["actors"]),
            },
            "events_by_type": [{"event_type": t, "clusters": by_type[t]} for t in types],
            "claim_groups": self._claim_group_rows(snap)[:OVERVIEW_ROWS],
            "disagreements": sum(1 for g in snap.claim_groups if g.disagree),
            "top_actors": self._actor_rows(snap)[:OVERVIEW_ROWS],
            "top_places": [
                {"id": s.place["id"], "name": s.place["name"], "kind": s.place.get("kind"),
                 "country": s.place.get("country"), "mentions": s.mentions, "events": s.events,
                 "fatalities": s.fatalities}
                for s in places[:OVERVIEW_ROWS]
            ],
        }

"""The cross-document stage: identities, clusters and groups over stored facts.

It reads facts, never parses, so its memory grows with the number of facts;
it writes every resolved id back in one transaction (`Store.save_resolution`).
Steps, in order, each feeding the next:
1. actors from name mentions (the index later steps look names up in);
2. claim sources and claim groups.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ..extract.attribution import primary_source
from ..model import Claim, EntityMention
from ..store import Store
from .actors import ActorIndex, resolve_actors
from .claims import group_claims

Columns = dict[str, dict[str, dict]]


def _actors(store: Store, columns: Columns) -> ActorIndex:
    mention_facts = store.facts("mentions", EntityMention)
    index = resolve_actors(m for _, m in mention_facts)
    for row_id, m in mention_facts:
        columns["mentions"][row_id] = {"ref": index.id_of_mention((m.doc, m.start, m.end))}
    return index


def _claims(store: Store, index: ActorIndex, published: dict[str, str], columns: Columns) -> None:
    rows = store.facts("claims", Claim)
    groups = group_claims([c for _, c in rows], published=published)
    for (row_id, claim), group in zip(rows, groups):
        source = index.ensure(primary_source(claim.source_text), doc=claim.doc) if claim.source_text else None
        columns["claims"][row_id] = {"source": source, "claim_group": group}


def resolve(store: Store) -> None:
    columns: Columns = defaultdict(dict)
    published = {d["id"]: d["published"] for d in store.documents(with_text=False) if d["published"]}
    index = _actors(store, columns)
    _claims(store, index, published, columns)
    store.save_resolution(
        actors=[dataclasses.asdict(a) for a in index.actors()],
        places=[],
        columns=columns,
        duplicates={},
    )

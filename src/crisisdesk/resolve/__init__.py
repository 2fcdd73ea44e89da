"""The cross-document stage: identities, clusters and groups over stored facts.

It reads facts, never texts or parses, so its memory grows with the number of
facts; it writes every resolved id back in one transaction (`Store.save_resolution`).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ..model import EntityMention
from ..store import Store
from .actors import resolve_actors


def resolve(store: Store) -> None:
    columns: dict[str, dict[str, dict]] = defaultdict(dict)

    mention_facts = store.facts("mentions", EntityMention)
    index = resolve_actors(m for _, m in mention_facts)
    for row_id, m in mention_facts:
        columns["mentions"][row_id] = {"ref": index.id_of_mention((m.doc, m.start, m.end))}

    store.save_resolution(
        actors=[dataclasses.asdict(a) for a in index.actors()],
        places=[],
        columns=columns,
        duplicates={},
    )

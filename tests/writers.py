"""Work for the writer processes of the concurrency tests.

It lives in a plain module on the tests' sys.path because spawned processes
import their target by module name, and test modules collected in importlib
mode have no importable name.
"""

from __future__ import annotations

from crisisdesk.model import Claim, DocFacts, Document, EntityMention, TimeExpr
from crisisdesk.store import Store


def facts_for(doc_id: str = "d1", text: str = "Police detained 12 people on Sunday.") -> DocFacts:
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, published="2025-03-03", boilerplate=[(0, 0)])
    return DocFacts(
        document=doc,
        mentions=[EntityMention(doc_id, 0, 6, "Police", "ORG", "state_force", "mentions.ner")],
        times=[TimeExpr(doc_id, 27, 36, "on Sunday", "2025-03-02", "day", "times.weekday", 0.9)],
        claims=[Claim(doc_id, 7, 25, "detained", "people", 12, 12, "exact", None, None, False, "claims.test")],
    )


def write_many(args: tuple[str, list[str]]) -> int:
    url, ids = args
    store = Store(url)
    stored = sum(store.add(facts_for(doc_id)) for doc_id in ids)
    store.close()
    return stored

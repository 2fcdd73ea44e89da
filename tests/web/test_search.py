"""Search: queries are words only, on every backend, and hits come back marked."""

from __future__ import annotations

import pytest

from crisisdesk.store import Store
from crisisdesk.web.search import (HIT_END, HIT_START, MAX_QUERY_WORDS, SearchIndex, context_snippet, fts5_query,
                                   query_words, snippet_segments)


def test_query_words():
    assert query_words("Tear-gas \"OR\" 1=1; DROP") == ["tear", "gas", "or", "1", "1", "drop"]
    assert query_words("' % _ * ( ) --") == []
    assert len(query_words("w " * 100)) == MAX_QUERY_WORDS
    assert fts5_query(["tear", "gas"]) == '"tear"* "gas"*'


def test_snippets():
    snippet = f"police fired {HIT_START}tear{HIT_END} gas"
    assert snippet_segments(snippet) == [("police fired ", False), ("tear", True), (" gas", False)]
    made = context_snippet("x" * 200 + " Tear gas was fired " + "y" * 200, ["tear"])
    assert made.startswith("…") and made.endswith("…") and f"{HIT_START}Tear{HIT_END}" in made


@pytest.mark.parametrize("backend", ["fts5", "like"])
def test_backends_answer_alike(corpus_db, backend):
    store = Store(corpus_db)
    try:
        index = SearchIndex(store.engine, backend=backend)
        hits, total = index.search("tear gas", limit=10)
        assert total == 1 and HIT_START in hits[0].snippet
        assert index.search("%", limit=10) == ([], 0)
        assert index.search("curf", limit=10)[1] == 1 if backend == "fts5" else True
        assert index.search("nothing-like-this-word", limit=10)[1] == 0
    finally:
        store.close()


def test_refresh_follows_the_store(fresh_db):
    from crisisdesk.ingest.document import build_document
    from crisisdesk.model import DocFacts

    store = Store(fresh_db)
    try:
        index = SearchIndex(store.engine)
        assert index.search("zanzibar", limit=5)[1] == 0
        store.add(DocFacts(document=build_document("Ferries to Zanzibar stopped.", "z.txt")))
        assert index.search("zanzibar", limit=5)[1] == 1  # noticed at the next search
    finally:
        store.close()


def test_unknown_backend(corpus_db):
    store = Store(corpus_db)
    with pytest.raises(ValueError, match="known: fts5"):
        SearchIndex(store.engine, backend="elastic")
    store.close()

"""Export documents are paired with gold files by source stem, then by id."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisdesk.eval.gold import GoldDoc
from crisisdesk.eval.pairing import ExportView, pair_documents


def gold(doc: str) -> GoldDoc:
    return GoldDoc(doc, Path("/nowhere/gold") / f"{doc}.json", None, None, None, (), (), (), (), ())


@pytest.mark.parametrize(
    "document",
    [
        {"id": "h1", "source": "../shared/seeds/000_a.txt", "text": "t"},
        {"id": "h1", "source": "C:\\corpus\\000_a.txt", "text": "t"},
        {"id": "h1", "source": "https://example.org/news/000_a.html", "text": "t"},
        {"id": "000_a", "source": "stdin", "text": "t"},
    ],
)
def test_pairs_by_stem_or_id(document: dict) -> None:
    (pair,), warnings = pair_documents([gold("000_a")], ExportView({"documents": [document]}))
    assert pair.doc_id == document["id"] and warnings == []


def test_absent_document_and_duplicates() -> None:
    docs = [{"id": "x", "source": "b/001_b.txt", "text": "t"}, {"id": "y", "source": "c/001_b.txt", "text": "t"}]
    pairs, warnings = pair_documents([gold("000_a"), gold("001_b")], ExportView({"documents": docs}))
    assert [p.doc_id for p in pairs] == [None, "x"]
    assert warnings == ["001_b: 2 export documents match; scoring the first"]


def test_rows_are_read_defensively() -> None:
    view = ExportView({"places": [{"id": 7, "name": "Almaty"}, "junk"], "times": None,
                       "mentions": [{"doc": "x", "ref": 7}, {"doc": "x", "ref": "actor"}],
                       "actors": [{"id": "a", "name": "CSTO", "aliases": ["CSTO", None]}]})
    assert len(view.place_mentions("x")) == 1
    assert not view.has("times")
    assert view.actor_names("a") == ["CSTO", "CSTO"]
    assert view.actor_names(None) == []

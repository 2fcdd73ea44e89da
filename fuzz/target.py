"""The fuzz target: bytes through ingest and every extractor, with the invariants checked.

`one_input(data)` is what both the bounded CI run (tests/properties/
test_fuzz.py) and the long `make fuzz` run (fuzz/fuzz.py) call.  It may
refuse input the way a run does (InputError: the file would be skipped);
anything else it raises is a bug: an exception from ingest or an extractor,
or a fact that breaks one of these invariants:
1. a fact belongs to the document and its span lies inside the text;
2. a fact that carries its surface text has `text[start:end]` equal to it;
3. events, claims and quotes never come from boilerplate;
4. the same text gives the same facts again (ids are content hashes, facts
   are a pure function of the text).
"""

from __future__ import annotations

import dataclasses

from crisisdesk.errors import InputError
from crisisdesk.extract import extract_all
from crisisdesk.ingest.decode import decode
from crisisdesk.ingest.document import build_document
from crisisdesk.model import DocFacts, Document
from crisisdesk.nlp import parse

FACT_FIELDS = ("mentions", "places", "times", "events", "claims", "quotes", "framing")
# Fields that carry the surface form of the fact's own span.
SURFACE_FIELDS = {"mentions": "text", "places": "text", "times": "text"}
# Other spans a fact may carry, as (start field, end field).
EXTRA_SPANS = (("speaker_start", "speaker_end"), ("place_start", "place_end"))
NOT_FROM_BOILERPLATE = ("events", "claims", "quotes")


def facts_of(document: Document) -> DocFacts:
    (parsed,) = list(parse([document]))
    return extract_all(parsed)


def check(facts: DocFacts) -> None:
    """Raise AssertionError naming the first broken invariant."""
    document = facts.document
    n = len(document.text)
    for start, end in document.boilerplate:
        assert 0 <= start <= end <= n, f"boilerplate span {start}:{end} outside 0:{n}"
    if document.title_span:
        start, end = document.title_span
        assert 0 <= start <= end <= n, f"title span {start}:{end} outside 0:{n}"
    for name in FACT_FIELDS:
        for fact in getattr(facts, name):
            assert fact.doc == document.id, f"{name}: fact of document {fact.doc} in {document.id}"
            if not hasattr(fact, "start"):
                continue
            where = f"{name} {fact.rule} {fact.start}:{fact.end}"
            assert 0 <= fact.start <= fact.end <= n, f"{where} outside 0:{n}"
            surface = SURFACE_FIELDS.get(name)
            if surface:
                assert document.text[fact.start : fact.end] == getattr(fact, surface), f"{where}: surface differs"
            for s_field, e_field in EXTRA_SPANS:
                s, e = getattr(fact, s_field, None), getattr(fact, e_field, None)
                if s is not None or e is not None:
                    assert s is not None and e is not None and 0 <= s <= e <= n, f"{where}: {s_field} {s}:{e}"
            if name in NOT_FROM_BOILERPLATE:
                assert not document.in_boilerplate(fact.start, fact.end), f"{where} in boilerplate"


def without_timings(facts: DocFacts) -> dict:
    return {name: [dataclasses.asdict(f) for f in getattr(facts, name)] for name in FACT_FIELDS}


def one_text(text: str, source: str = "fuzz.txt") -> DocFacts | None:
    """Check one text as a run would read it; None when ingest refuses it."""
    try:
        document = build_document(text, source)
    except InputError:
        return None
    facts = facts_of(document)
    check(facts)
    again = facts_of(build_document(text, source))
    assert again.document.id == document.id, "document id changed between two reads"
    assert without_timings(again) == without_timings(facts), "the same text gave different facts"
    return facts


def one_input(data: bytes) -> DocFacts | None:
    """Check raw bytes as a .txt file's content."""
    try:
        decoded = decode(data, "fuzz.txt")
    except InputError:
        return None
    return one_text(decoded.text)

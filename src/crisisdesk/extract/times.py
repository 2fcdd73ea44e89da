"""Time expressions of one document, resolved to calendar values (EXPORT.md `times`).

The cascade, cheapest reliable signal first:
1. The patterns of `timeparse.RULES` over the whole text (captions included:
   a time named in a caption is still a time mention).  The parser's DATE
   entities are not the candidates because they mis-bound them ("the night of"
   without its date, "Jan 6" without its year) and miss forms ("06.01.2022").
2. A pattern too weak on its own (a lone "2019") is kept only where the parser
   also reads those words as a DATE, and never as a count ("1990 tickets").
3. Each expression is resolved in text order against the publication date,
   the tense of its clause, and the last day the text named before it, so
   "the same day" and "the night before" follow the narrative.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Span

from ..model import DocFacts, TimeExpr
from ..nlp import Parsed
from ..registry import EXTRACTORS
from .timeparse import RULES, Context, Hit, Interval, resolve, scan

__all__ = ["times", "tense_of", "published_date"]

# Auxiliaries that put a clause in the future ("will go", "shall meet", "'ll").
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# Verbs that fix a time for later: "set for Sunday", "scheduled for January 10".
SCHEDULE_VERBS = {"set", "schedule", "plan", "slate", "expect", "call", "postpone", "delay", "move"}
# Tags of a verb in the past (simple past; participle with have/be).
PAST_TAGS = {"VBD", "VBN"}
# Precisions an anchor may carry: narrative counting ("the same day") starts
# from days, never from a whole month or year.
ANCHOR_PRECISIONS = {"day", "days"}


def published_date(value: str | None) -> date | None:
    """The publication date as a date, or None when absent or not `YYYY-MM-DD`."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def tense_of(doc: Doc, start: int, end: int) -> str | None:
    """"past", "present" or "future" of the clause governing doc.text[start:end].

    Walks from the expression up the dependency tree to the first verb and reads
    its auxiliaries and tag; a time a thing is scheduled for ("set for Sunday",
    "due in March") is in the future whatever the verb's tense.  None when the
    words are not tokens of a clause.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    path = [span.root]
    while path[-1].pos_ not in ("VERB", "AUX") and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    verb = path[-1]
    if is_scheduled(path):
        return "future"
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(child.dep_ == "aux" and child.lower_ in FUTURE_AUX for child in verb.children):
        return "future"
    if verb.tag_ in PAST_TAGS:
        return "past"
    return "present"


def is_scheduled(path: list) -> bool:
    """Whether the path from a time up to its verb says the time is a schedule."""
    words = [t.lower_ for t in path]
    if "due" in words and not any(c.lower_ == "to" for t in path if t.lower_ == "due" for c in t.children):
        return True
    return "for" in words and path[-1].lemma_ in SCHEDULE_VERBS


def is_date_entity(doc: Doc, hit: Hit) -> bool:
    """Whether the parser also reads the hit's words as a DATE."""
    span: Span | None = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "DATE" for t in span)


def is_count(doc: Doc, hit: Hit) -> bool:
    """Whether a number the pattern read as a year counts a noun instead ("of 2000 people")."""
    span: Span | None = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and any(t.like_num and t.dep_ == "nummod" for t in span)


@EXTRACTORS.register("times", example="Protesters on Wednesday set city halls across the country ablaze.")
def times(parsed: Parsed, *, facts: DocFacts) -> Iterator[TimeExpr]:
    """Every resolvable time expression in the document, in text order."""
    document, doc = parsed.document, parsed.doc
    published = published_date(document.published)
    anchor: Interval | None = None
    for hit in scan(document.text):  # 1
        if hit.needs_entity and not is_date_entity(doc, hit):  # 2
            continue
        ctx = Context(published=published, tense=tense_of(doc, hit.start, hit.end), anchor=anchor)
        interval = resolve(hit, ctx)  # 3
        if interval is None or (interval.precision == "year" and is_count(doc, hit)):
            continue
        if interval.precision in ANCHOR_PRECISIONS:
            anchor = interval
        yield TimeExpr(
            doc=document.id,
            start=hit.start,
            end=hit.end,
            text=document.text[hit.start : hit.end],
            value=interval.value,
            precision=interval.precision,
            rule=RULES.qualified(hit.rule),
            confidence=hit.confidence,
        )

"""How one document names the actors of the crisis: term counts per actor class.

Whether an outlet calls the crowd "protesters" or "terrorists", the CSTO force
"peacekeepers" or "occupation", is its framing.  The term lists live in
`data/framing.json` (extendable by users); matching is on lemmas, so
"terrorists" and "terrorist" are one term, and the longest term wins
("riot police" is one security-forces term, not also a "police").

Words in boilerplate are not counted, and neither are words inside direct
quotations the quotes extractor found: a quoted minister's "bandits" is the
minister's framing, not the outlet's.  Pass `include_quoted=True` to count them.

Limits: no sense disambiguation ("crowd" of shoppers counts), and single-word
terms must be nouns, so "displays" the spun noun counts but "displayed" not.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import DocFacts, FramingTerm
from ..nlp import Parsed
from ..registry import EXTRACTORS
from .views import char_bounds, column, lower_lemmas

NOUN_TAGS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Term:
    actor_class: str
    lemmas: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.lemmas)


@lru_cache(maxsize=1)
def terms() -> dict[str, list[Term]]:
    """First lemma -> terms starting with it, longest first, from data/framing.json."""
    raw = json.loads((resources.files("crisisdesk") / "data" / "framing.json").read_text(encoding="utf-8"))
    index: dict[str, list[Term]] = {}
    for actor_class, entry in raw["classes"].items():
        for words in entry["terms"]:
            term = Term(actor_class, tuple(words.lower().split()))
            index.setdefault(term.lemmas[0], []).append(term)
    for found in index.values():
        found.sort(key=lambda t: -len(t.lemmas))
    return index


def match_at(lemmas: list[str], pos: list[str], i: int) -> Term | None:
    """The longest term starting at token i, or None, read off the Doc's lower-cased
    lemma and POS columns (a Token per token was most of this extractor's time)."""
    for term in terms().get(lemmas[i], []):
        n = len(term.lemmas)
        if i + n > len(lemmas):
            continue
        if tuple(lemmas[i : i + n]) != term.lemmas:
            continue
        if n == 1 and pos[i] not in NOUN_TAGS:
            continue
        return term
    return None


@EXTRACTORS.register("framing", example="The authorities called the protesters terrorists and bandits.")
def framing(parsed: Parsed, *, facts: DocFacts, include_quoted: bool = False) -> Iterator[FramingTerm]:
    """Count each framing term once per use in the document's own words."""
    document = parsed.document
    quoted = [] if include_quoted else [(q.start, q.end) for q in facts.quotes if q.direct]
    doc = parsed.doc
    lemmas, pos = lower_lemmas(doc), column(doc, "POS")
    first_lemmas = terms().keys()
    counts: Counter[tuple[str, str]] = Counter()
    i = 0
    while i < len(lemmas):
        term = match_at(lemmas, pos, i) if lemmas[i] in first_lemmas else None
        if term is None:
            i += 1
            continue
        last = i + len(term.lemmas) - 1
        start, end = char_bounds(doc, i, last + 1)
        if not document.in_boilerplate(start, end) and not any(s <= start < e for s, e in quoted):
            counts[(term.actor_class, term.text)] += 1
        i += len(term.lemmas)
    for (actor_class, text), count in sorted(counts.items()):
        yield FramingTerm(doc=document.id, actor_class=actor_class, term=text, count=count)

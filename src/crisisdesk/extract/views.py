"""Views of a parsed Doc that every extractor reads, built once per Doc.

spaCy builds its views anew on every access: `doc.text` joins every token,
`doc.ents` and `doc.noun_chunks` make new Spans, and `for token in doc` makes a
new Token object per token.  Eight extractors each walking every token made a
Token some twenty times per token of a run, more time than any rule cost.  So
the views are built once and kept in `Doc.user_data` (which lives and dies with
the Doc), and a scan over every token reads a column of strings, making Tokens
only of the few positions a rule goes on to inspect.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TypeVar

import numpy as np
from spacy.attrs import IDS
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

# The key of the one dict of views this module keeps in Doc.user_data.
PREFIX = "crisisdesk.views"


def memoised(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """`build(doc)`, computed on the first call for this Doc and kept with it.

    The views live in one dict under one key, so a lookup (some six thousand
    per eight documents) makes no key string and `release` is one pop."""
    kept = doc.user_data.get(PREFIX)
    if kept is None:
        kept = doc.user_data[PREFIX] = {}
    value = kept.get(name)
    if value is None:
        value = kept[name] = build(doc)
    return value


def release(doc: Doc) -> None:
    """Drop every view kept with the Doc once its extraction is done.

    Some views hold Spans, which point back at the Doc: a Doc with its views
    is a reference cycle that only the cyclic collector frees, so up to a batch
    of parsed Docs (their arrays and tensors) outlived their extraction."""
    doc.user_data.pop(PREFIX, None)


def text_of(doc: Doc) -> str:
    """`doc.text`, which spaCy joins from a new Token per token on each access;
    joined here from the ORTH column and the trailing-space flags, which other
    views have mostly built already."""

    def build(d: Doc) -> str:
        return "".join([w + " " if spaced else w for w, spaced in zip(column(d, "ORTH"), flags(d, "SPACY"))])

    return memoised(doc, "text", build)


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`: spaCy makes new Span objects on every access."""
    return memoised(doc, "ents", lambda d: tuple(d.ents))


def noun_chunk_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """(start_char, end_char, start, end) of `doc.noun_chunks`: spaCy walks the
    whole parse on each access.  Bounds, not Spans, which would point back at
    the Doc that keeps them."""
    return memoised(doc, "noun_chunks", lambda d: [(c.start_char, c.end_char, c.start, c.end) for c in d.noun_chunks])


def column(doc: Doc, attr: str) -> list[str]:
    """The string value of a token attribute ("LOWER", "LEMMA", "POS", "DEP",
    "TAG", "ORTH", "ENT_TYPE", ...) for every token, in order.

    Read off the Doc's attribute array: one lookup per distinct value rather
    than a Token object per token."""

    def build(d: Doc) -> list[str]:
        strings, seen = d.vocab.strings, {}
        values = d.to_array(IDS[attr]).tolist() if len(d) else []
        return [seen[v] if v in seen else seen.setdefault(v, strings[v]) for v in values]

    return memoised(doc, "column." + attr, build)


def heads(doc: Doc) -> list[int]:
    """The index of every token's syntactic head (a root is its own head)."""

    def build(d: Doc) -> list[int]:
        if not len(d):
            return []
        relative = d.to_array(IDS["HEAD"]).astype(np.int64)  # stored as an unsigned offset
        return (relative.astype(np.int32) + np.arange(len(d))).tolist()

    return memoised(doc, "heads", build)


def sentence_starts(doc: Doc) -> list[bool]:
    """Whether each token starts a sentence (`Token.is_sent_start` is True)."""
    return memoised(doc, "sent_starts", lambda d: (d.to_array(IDS["SENT_START"]) == 1).tolist() if len(d) else [])


def offsets(doc: Doc) -> list[int]:
    """Every token's character offset (`Token.idx`), ascending."""
    return memoised(doc, "offsets", lambda d: d.to_array(IDS["IDX"]).tolist() if len(d) else [])


def indices_with(doc: Doc, attr: str, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose `attr` ("LOWER", "ORTH", "LEMMA") is one of
    `words`, found in the Doc's attribute array."""
    if not len(doc):
        return []
    wanted = np.array([hash_string(w) for w in words], dtype=np.uint64)
    return np.flatnonzero(np.isin(doc.to_array(IDS[attr]), wanted)).tolist()


def tokens_with(doc: Doc, attr: str, words: frozenset[str]) -> Iterator[Token]:
    """The tokens whose `attr` is one of `words`: only these become Tokens."""
    for i in indices_with(doc, attr, words):
        yield doc[i]


# Distinct lemmas whose lower-case form is remembered across Docs: more than a year
# of one outlet's news uses (about 20,000), so each is read and lowered once.
LEMMA_MEMO = 1 << 15


@lru_cache(maxsize=LEMMA_MEMO)
def _lowered(strings: StringStore, lemma_id: int) -> str:
    return strings[lemma_id].lower()


def lower_lemmas(doc: Doc) -> list[str]:
    """`token.lemma_.lower()` for every token: the form the word lists hold.

    Read off the Doc's lemma ids, each distinct lemma decoded from the StringStore
    and lowered once per process: decoding them anew for every Doc was most of the
    cost of this view, which the quote, event and framing scans all ask."""

    def build(d: Doc) -> list[str]:
        strings, seen = d.vocab.strings, {}
        ids = d.to_array(IDS["LEMMA"]).tolist() if len(d) else []
        return [seen[v] if v in seen else seen.setdefault(v, _lowered(strings, v)) for v in ids]

    return memoised(doc, "lower_lemmas", build)


def flags(doc: Doc, attr: str) -> list[bool]:
    """A boolean token attribute ("IS_PUNCT", "IS_SPACE", "IS_ALPHA", "LIKE_NUM") for every token."""
    return memoised(doc, "flags." + attr, lambda d: (d.to_array(IDS[attr]) != 0).tolist() if len(d) else [])


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of every sentence, as `doc.sents` gives them,
    for scans that look at a few tokens of each sentence and need no Span."""

    def build(d: Doc) -> list[tuple[int, int]]:
        starts = [0] + [i for i, first in enumerate(sentence_starts(d)) if first and i > 0] if len(d) else []
        return list(zip(starts, starts[1:] + [len(d)]))

    return memoised(doc, "sentence_bounds", build)


def sentence_index(doc: Doc, i: int) -> int:
    """The index in `sentence_bounds` of the sentence holding token `i`, by bisection:
    `Token.sent` builds its Span (walking to both ends) on every call."""
    return bisect_right(sentence_bounds(doc), (i, len(doc))) - 1


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of the sentence holding token `i`."""
    return sentence_bounds(doc)[sentence_index(doc, i)]


def char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """(start_char, end_char) of tokens [start, end), end > start: the offsets a Span
    of them gives, without the Span (and its Tokens)."""
    at, words = offsets(doc), column(doc, "ORTH")
    return at[start], at[end - 1] + len(words[end - 1])


def char_span_bounds(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """(start, end) token indices of `doc.char_span(start_char, end_char,
    alignment_mode="expand")` for start_char < end_char, or None where it gives None.

    Found by bisection in `offsets` as spaCy finds them, without the Span (and
    the Tokens a caller then reads) that each char_span call builds."""
    at, words, spaced = offsets(doc), column(doc, "ORTH"), flags(doc, "SPACY")

    def token_at(char: int) -> int:
        """The token whose text or trailing space holds `char`, else -1 (spaCy's token_by_char)."""
        i = bisect_right(at, char) - 1
        return i if i >= 0 and char < at[i] + len(words[i]) + spaced[i] else -1

    first, last = token_at(start_char), token_at(end_char - 1)
    if first < 0 or last < 0:
        return None
    if start_char == at[first] + len(words[first]):  # on the space after a token: not that token
        first += 1
    return first, last + 1

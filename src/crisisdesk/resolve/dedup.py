"""Reprints and spun rewrites: which documents are copies of an earlier one.

Outlets repost wire stories with other boilerplate, and content farms "spin"
them (synonym substitution: "protests" -> "displays", "support" -> "sustain";
sentences reordered).  Clusters must count independent sources, not copies,
so each copy points at the earliest document of its family.

The cascade:
1. normalise: lower case, letters and digits only, stop words kept for
   shingles (they survive spinning and carry word order);
2. candidates: MinHash LSH over word shingles finds pairs with some shared
   phrasing (cheap, sub-quadratic);
3. confirmation: the containment of one document's content-word set in the
   other's, which ignores order (sentence reordering) and tolerates a share of
   substituted words and added or dropped boilerplate;
4. families: connected components of confirmed pairs; the original is the
   earliest published (undated documents count as latest, then input order).

Limits: a translation of a story into another language, or a rewrite that
changes most of its words, is not found; two short notices that share a
formula (a one-line wire flash) may be joined, so documents under
`MIN_WORDS` content words are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

# Word n-gram size for shingles: 2-grams keep enough order to tell stories
# apart while surviving one substituted word in every few (3-grams lose most
# shingles when a spinner touches one word in four).
SHINGLE_WORDS = 2

# MinHash permutations: 128 gives a Jaccard estimate within about +-0.09.
NUM_PERM = 128

# LSH candidate threshold on estimated shingle Jaccard.  Independent reports of
# the same crisis share well under 0.1 of their 2-gram shingles; a spun copy
# keeps over 0.3 even with every sixth word replaced.
CANDIDATE_JACCARD = 0.2

# Confirmation: share of the smaller document's content words found in the
# other's.  Independent same-topic reports share under 0.5; reprints ~1.0;
# spun rewrites keep their names, numbers and most nouns (0.6 and up).
CONFIRM_CONTAINMENT = 0.6

# Too short to judge: formulaic notices would match each other.
MIN_WORDS = 40

WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Function words: kept in shingles, left out of the content-word sets.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "not",
        "no",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "also",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "than",
        "then",
        "so",
        "such",
        "there",
        "here",
        "into",
        "over",
        "after",
        "before",
        "about",
        "between",
        "during",
        "under",
        "up",
        "out",
        "off",
        "all",
        "any",
        "some",
        "more",
        "most",
        "other",
        "only",
        "own",
        "same",
        "very",
        "just",
        "said",
        "says",
    ]
)


def words(text: str) -> list[str]:
    """1. The normalised words of a text."""
    return [w.lower() for w in WORD.findall(text)]


def shingles(tokens: list[str]) -> set[str]:
    return {
        " ".join(tokens[i : i + SHINGLE_WORDS])
        for i in range(max(0, len(tokens) - SHINGLE_WORDS + 1))
    }


def content_words(tokens: list[str]) -> set[str]:
    return {w for w in tokens if w not in STOP_WORDS and len(w) > 1}


def containment(a: set[str], b: set[str]) -> float:
    """|a & b| / min(|a|, |b|): how much of the smaller text the other one holds."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def signature(items: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM)
    for s in items:
        m.update(s.encode("utf-8"))
    return m


def find_duplicates(docs: Sequence[tuple[str, str, str | None]]) -> dict[str, str]:
    """Map each reprint or rewrite id to the id of the earliest original of its family.

    `docs` are (id, text, published YYYY-MM-DD or None).  Originals and
    independent documents do not appear in the result.
    """
    order = {doc_id: i for i, (doc_id, _, _) in enumerate(docs)}
    published = {doc_id: pub for doc_id, _, pub in docs}
    tokens = {doc_id: words(text) for doc_id, text, _ in docs}
    content = {doc_id: content_words(t) for doc_id, t in tokens.items()}
    eligible = [d for d in order if len(content[d]) >= MIN_WORDS]

    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)  # 2.
    sigs = {}
    for d in eligible:
        sigs[d] = signature(shingles(tokens[d]))
        lsh.insert(d, sigs[d])

    parent = {d: d for d in eligible}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for d in eligible:
        for other in lsh.query(sigs[d]):
            if other == d:
                continue
            if containment(content[d], content[other]) >= CONFIRM_CONTAINMENT:  # 3.
                parent[root(d)] = root(other)

    families: dict[str, list[str]] = {}  # 4.
    for d in eligible:
        families.setdefault(root(d), []).append(d)
    result: dict[str, str] = {}
    for members in families.values():
        if len(members) < 2:
            continue
        original = min(
            members, key=lambda d: (published[d] is None, published[d] or "", order[d])
        )
        for d in members:
            if d != original:
                result[d] = original
    return result

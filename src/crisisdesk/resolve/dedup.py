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

Step 2's signature is taken per document (`fingerprint`, in the per-document
stage) and stored, so the resolve stage holds 1 KB per document, not its text;
step 3 reads the texts of candidate pairs only.

Limits: a translation of a story into another language, or a rewrite that
changes most of its words, is not found; two short notices that share a
formula (a one-line wire flash) may be joined, so documents under
`MIN_WORDS` content words are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Fingerprint

# Word n-gram size for shingles: 2-grams keep enough order to tell stories
# apart while surviving one substituted word in every few (3-grams lose most
# shingles when a spinner touches one word in four).
SHINGLE_WORDS = 2

# MinHash permutations: 128 gives a Jaccard estimate within about +-0.09.
NUM_PERM = 128

# The hashing scheme, named so that stored signatures are read back with the
# one that made them (datasketch 2 refuses to guess); its values fit 32 bits.
MINHASH_SCHEME = "affine32"
HASH_DTYPE = "<u4"

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


@lru_cache(maxsize=1)
def permutations() -> np.ndarray:
    """The hash permutations every MinHash here uses (fixed by the scheme and seed).
    A MinHash draws them afresh unless given them: about 0.2 ms per MinHash,
    once per document when fingerprinting and again in every resolve."""
    return MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME).permutations


def signature(items: set[str]) -> MinHash:
    """The MinHash of a shingle set, hashed in one vectorised batch (same values as one by one)."""
    m = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME, permutations=permutations())
    m.update_batch([s.encode("utf-8") for s in items])
    return m


def fingerprint(doc_id: str, text: str) -> Fingerprint:
    """1.-2. for one document: its shingle MinHash, if it has enough content words."""
    tokens = words(text)
    count = len(content_words(tokens))
    minhash = signature(shingles(tokens)).hashvalues.astype(HASH_DTYPE).tobytes().hex() if count >= MIN_WORDS else ""
    return Fingerprint(doc=doc_id, minhash=minhash, content_words=count)


def _minhash(fp: Fingerprint) -> MinHash:
    values = np.frombuffer(bytes.fromhex(fp.minhash), dtype=HASH_DTYPE)
    return MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME, hashvalues=values, permutations=permutations())


def find_duplicates(docs: Sequence[tuple[str, str, str | None]]) -> dict[str, str]:
    """Map each reprint or rewrite id to the id of the earliest original of its family.

    `docs` are (id, text, published YYYY-MM-DD or None).  Originals and
    independent documents do not appear in the result.
    """
    texts = {doc_id: text for doc_id, text, _ in docs}
    return duplicates_of([(d, fingerprint(d, t), pub) for d, t, pub in docs], texts.__getitem__)


@lru_cache(maxsize=1)
def lsh_bands() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for `CANDIDATE_JACCARD`: it
    integrates its error curves numerically on every construction (35 ms, paid
    by every resolve), so the answer is kept."""
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def duplicates_of(docs: Sequence[tuple[str, Fingerprint, str | None]], text_of: Callable[[str], str]) -> dict[str, str]:
    """`find_duplicates` over stored fingerprints; `text_of(id)` is asked only for candidates."""
    order = {doc_id: i for i, (doc_id, _, _) in enumerate(docs)}
    published = {doc_id: pub for doc_id, _, pub in docs}
    eligible = [d for d, fp, _ in docs if fp.content_words >= MIN_WORDS]

    lsh = MinHashLSH(num_perm=NUM_PERM, params=lsh_bands())  # 2.
    sigs = {d: _minhash(fp) for d, fp, _ in docs if fp.content_words >= MIN_WORDS}
    for d in eligible:
        lsh.insert(d, sigs[d])

    content: dict[str, set[str]] = {}

    def content_of(d: str) -> set[str]:
        if d not in content:
            content[d] = content_words(words(text_of(d)))
        return content[d]

    parent = {d: d for d in eligible}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for d in eligible:
        for other in lsh.query(sigs[d]):
            if other == d or root(d) == root(other):
                continue  # already one family: confirming the pair changes nothing
            if containment(content_of(d), content_of(other)) >= CONFIRM_CONTAINMENT:  # 3.
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

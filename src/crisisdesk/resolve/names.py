"""Name keys that survive transliteration, truncation and acronyms.

Reports translated from Russian spell the same person several ways
(Nikol Pashinyan / Nicole Pashinyan / Pashinian, Kassym-Jomart / Kassym-Zhomart).
Comparing names through a folded key plus a small edit distance merges those
while keeping people who only share a surname apart (first names must agree
when both are given).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

# Romanisation pairs of Russian/Kazakh letters that English texts use
# interchangeably; each pair is folded to one spelling.  Order matters: longer
# sequences first.
TRANSLIT_FOLDS = (
    ("zh", "j"),
    ("dzh", "j"),
    ("kh", "h"),
    ("ck", "k"),
    ("ks", "x"),
    ("ph", "f"),
    ("ie", "i"),
    ("yi", "i"),
    ("iy", "i"),
    ("y", "i"),
    ("c", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ou", "u"),
)

# Words that do not distinguish organisations ("the", "of") when building acronyms.
ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"}

# Folded names this far apart (edit operations) are still one name: a cut-off
# first letter ("assym-Jomart"), a doubled consonant, one vowel swapped.
MAX_NAME_EDITS = 2


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Distinct names in a large corpus's mentions; resolving actors folds each name
# once per comparison, so the same few thousand strings are folded again and again.
FOLD_CACHE_SIZE = 65_536


@lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Lower-case, ASCII, transliteration-folded, no doubled letters or punctuation."""
    s = ascii_fold(text).lower().replace("organisation", "organization")
    s = re.sub(r"['’`]s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    for a, b in TRANSLIT_FOLDS:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"e\b", "", s)  # Nicole / Nikol: a silent final e
    return " ".join(s.split())


def similar(a: str, b: str) -> bool:
    """Two folded name parts are the same name, allowing for small slips."""
    if a == b:
        return True
    limit = 1 if min(len(a), len(b)) <= 5 else MAX_NAME_EDITS
    return Levenshtein.distance(a, b, score_cutoff=limit) <= limit


def similar_among(a: str, names: list[str]) -> list[str]:
    """The `names` that are `similar` to `a`, compared in one pass in C: called
    once per mention against every name seen so far, `similar` name by name was
    most of resolving a few hundred documents' actors."""
    near = process.extract(a, names, scorer=Levenshtein.distance, score_cutoff=MAX_NAME_EDITS, limit=None)
    return [b for b, _, _ in near if similar(a, b)]


def acronym(name: str) -> str | None:
    """CSTO for "Collective Security Treaty Organization"; None for one-word names."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words).upper()


def is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.replace(".", "").isupper() and text.replace(".", "").isalpha()


def person_parts(name: str) -> tuple[str, str]:
    """(folded given names, folded surname) of a person's name."""
    parts = fold(name).split()
    if not parts:
        return "", ""
    return " ".join(parts[:-1]), parts[-1]

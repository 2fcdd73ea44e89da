"""Turn a place name into the keys the index is searched by.

Two keys, from strict to forgiving:
1. `fold`: ASCII transliteration (diacritics and Cyrillic to Latin), lower case,
   every run of non-letters (hyphen, apostrophe, dot, space) to one space.
   "Alma-Ata", "Alma Ata" and "Алма-Ата" share the key "alma ata".
2. `skeleton`: the fold without spaces, after rewriting the spellings in which
   English, German and French renderings of Russian and Kazakh names differ
   (see TRANSLIT_RULES). "Janaozen" and "Zhanaozen" share "janaozen".
"""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_LETTERS = re.compile(r"[^a-z0-9]+")

# Ordered rewrites applied to a folded, space-free name.  Each pair unifies
# spellings that transliteration systems render differently; the comment names
# a pair of real spellings it joins.
TRANSLIT_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),  # Shchuchinsk / Schtschutschinsk (after sch below)
    ("sch", "sh"),  # Schymkent / Shymkent (German)
    ("dzh", "j"),  # Dzhambul / Jambyl
    ("dj", "j"),  # Djambul / Jambyl (French)
    ("zh", "j"),  # Zhanaozen / Janaozen
    ("kh", "h"),  # Kharkiv / Harkiv
    ("gh", "g"),  # Qaraghandy / Qaragandy
    ("q", "k"),  # Qostanay / Kostanay (Kazakh Latin)
    ("ye", "e"),  # Yekaterinburg / Ekaterinburg
    ("y", "i"),  # Aktyubinsk / Aktiubinsk, -sky / -ski
    ("ie", "e"),  # Ieltsk / Eltsk: 'ie' is how some systems write 'ye'
    ("w", "v"),  # Wolgograd / Volgograd (German)
    ("ts", "c"),  # Tselinograd / Celinograd
    ("tz", "c"),  # Tzelinograd / Celinograd
    ("oe", "o"),  # Aqtoebe / Aqtobe (German umlaut spelled out)
    ("ue", "u"),  # Uezen / Uzen
)

_DOUBLES = re.compile(r"(.)\1+")


def fold(name: str) -> str:
    """ASCII, lower case, words separated by single spaces."""
    ascii_name = (name if name.isascii() else unidecode(name)).lower()
    return _NON_LETTERS.sub(" ", ascii_name).strip()


def skeleton(name: str) -> str:
    """The fold with transliteration differences and doubled letters removed."""
    return skeleton_of_fold(fold(name))


def skeleton_of_fold(folded: str) -> str:
    """`skeleton` of a name already folded (saves a second transliteration)."""
    key = folded.replace(" ", "")
    for old, new in TRANSLIT_RULES:
        key = key.replace(old, new)
    return _DOUBLES.sub(r"\1", key)

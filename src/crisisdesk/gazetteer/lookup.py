"""Search the gazetteer index by name, forgiving spelling but not meaning.

A lookup is a cascade, cheapest and most reliable key first:
1. "X region" / "X oblast" / "X County": the division of that full name
   ("Northern Territory", "Laurel County"), else the admin1 named X ("the
   Orenburg region"); "X City" is the city named X ("Quebec City").
2. the folded name (case, diacritics, hyphens, Cyrillic), with abbreviations
   such as "US" matching only in the case the gazetteer writes them.
3. the transliteration skeleton ("Janaozen" finds Zhanaozen), only when (2)
   found nothing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .fold import fold, skeleton
from .index import Entry, admin1_terms

KINDS = ("country", "admin1", "admin2", "city", "site")


@dataclass(frozen=True)
class Match:
    """An entry found for a name, and how well the name fits it.

    `quality` is 0 when the name is the place's own (or official) name, 1 for an
    alternate name, 2 for a transliteration-skeleton match.
    """

    entry: Entry
    quality: int


QUALITY_SKELETON = 2

# Abbreviated division words, as datelines write them ("PLYMOUTH CO.").
TERM_ABBREVIATIONS = {"co": "county"}
# The division word that makes "X <word>" the city named X, not a region.
CITY_TERM = "city"

_PLACE_COLUMNS = (
    "p.id, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.kind, p.capital, p.prominence"
)


def entry_of(row: tuple) -> Entry:
    """An Entry from the `_PLACE_COLUMNS` of a row."""
    return Entry(*row[:9], bool(row[9]), row[10])


# A name's last word and the marks around it.
LAST_WORD = re.compile(r"[\W_]*[^\W_]+[\W_]*$")


def without_last_word(name: str) -> str:
    """The name without its last word: "Almaty region" and "Almaty-region" -> "Almaty".

    Cut at the last white space as written, else at the last mark: a name whose
    division word is joined on by a hyphen came back whole from the white-space
    cut and was looked up again without end (found by the property tests)."""
    core = name.rsplit(maxsplit=1)[0]
    return core if core != name else LAST_WORD.sub("", name)


class Gazetteer:
    """Read-only access to a built index; cheap to share within a process."""

    def __init__(self, path: Path):
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[tuple[str, str, tuple[str, ...] | None], tuple[Match, ...]] = {}
        self._countries: dict[str, Entry] | None = None
        # Every capitalised token of every document is asked about (places'
        # country focus); a few hundred distinct words cover a corpus.
        self._demonyms: dict[str, str | None] = {}
        self._abbreviations: dict[str, Entry] | None = None

    def close(self) -> None:
        self._con.close()

    def __len__(self) -> int:
        return self._con.execute("SELECT count(*) FROM places").fetchone()[0]

    def _rows(self, column: str, key: str, quality_floor: int) -> list[tuple[Entry, int, str | None]]:
        sql = (
            f"SELECT {_PLACE_COLUMNS}, n.quality, n.cased FROM names n JOIN places p ON p.id = n.place "
            f"WHERE n.{column} = ?"
        )
        rows = self._con.execute(sql, (key,)).fetchall()
        return [(entry_of(r), max(r[11], quality_floor), r[12]) for r in rows]

    def lookup(self, name: str, *, kinds: Collection[str] | None = None) -> tuple[Match, ...]:
        """Every entry the name may denote, best name fit first, then by population."""
        cache_key = (name, "", tuple(sorted(kinds)) if kinds else None)
        if cache_key in self._cache:
            return self._cache[cache_key]
        # 1. a division word at the end: the division's full name, else the admin1 (or city) named by the rest
        words = fold(name).split()
        term = TERM_ABBREVIATIONS.get(words[-1], words[-1]) if len(words) > 1 else ""
        if term in admin1_terms():
            full = self._matches(self._rows("key", " ".join([*words[:-1], term]), 0), kinds)
            if not full:
                core = without_last_word(name)
                # a name that does not shrink ("™-™" folds to "tm tm") is no division's
                full = self.lookup(core, kinds=("city",) if term == CITY_TERM else ("admin1",)) if core != name else ()
            self._cache[cache_key] = full
            return full
        # 2. folded name
        rows = [r for r in self._rows("key", fold(name), 0) if r[2] is None or r[2] == name.strip()]
        # 3. transliteration skeleton
        if not rows:
            skel = skeleton(name)
            rows = self._rows("skel", skel, QUALITY_SKELETON) if skel else []
            rows = [r for r in rows if r[2] is None]
        found = self._matches(rows, kinds)
        self._cache[cache_key] = found
        return found

    @staticmethod
    def _matches(rows: list[tuple[Entry, int, str | None]], kinds: Collection[str] | None) -> tuple[Match, ...]:
        """One match per entry (its best name fit), best fit first, then by population."""
        best: dict[int, Match] = {}
        for entry, quality, _ in rows:
            if kinds and entry.kind not in kinds:
                continue
            if entry.id not in best or quality < best[entry.id].quality:
                best[entry.id] = Match(entry, quality)
        return tuple(sorted(best.values(), key=lambda m: (m.quality, -m.entry.population)))

    def abbreviations(self) -> dict[str, Entry]:
        """Division abbreviations as written ("Ky.", "B.C.", "KY") -> their admin1 entry."""
        if self._abbreviations is None:
            rows = self._con.execute(
                f"SELECT a.abbr, {_PLACE_COLUMNS} FROM abbreviations a JOIN places p ON p.id = a.place"
            ).fetchall()
            self._abbreviations = {r[0]: entry_of(r[1:]) for r in rows}
        return self._abbreviations

    def country(self, iso: str) -> Entry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        if self._countries is None:
            rows = self._con.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.kind = 'country'").fetchall()
            self._countries = {r[3]: entry_of(r) for r in rows}
        return self._countries.get(iso)

    def demonym(self, word: str) -> str | None:
        """The country (ISO alpha-2) a demonym names: "Kazakh", "Russians" -> KZ, RU."""
        if word in self._demonyms:
            return self._demonyms[word]
        found = None
        key = fold(word)
        for candidate in (key, key[:-1] if key.endswith("s") else None):
            if candidate:
                row = self._con.execute("SELECT country FROM demonyms WHERE key = ?", (candidate,)).fetchone()
                if row:
                    found = row[0]
                    break
        self._demonyms[word] = found
        return found

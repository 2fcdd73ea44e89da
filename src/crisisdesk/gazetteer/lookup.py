"""Search the gazetteer index by name, forgiving spelling but not meaning.

A lookup is a cascade, cheapest and most reliable key first:
1. "X region" / "X oblast" / "X Oblysy": the admin1 division named X.
2. the folded name (case, diacritics, hyphens, Cyrillic), with abbreviations
   such as "US" matching only in the case the gazetteer writes them.
3. the transliteration skeleton ("Janaozen" finds Zhanaozen), only when (2)
   found nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .index import Entry, admin1_terms
from .fold import fold, skeleton

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

_PLACE_COLUMNS = "p.id, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.kind, p.capital"


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
        return [(Entry(*r[:9], bool(r[9])), max(r[10], quality_floor), r[11]) for r in rows]

    def lookup(self, name: str, *, kinds: Collection[str] | None = None) -> tuple[Match, ...]:
        """Every entry the name may denote, best name fit first, then by population."""
        cache_key = (name, "", tuple(sorted(kinds)) if kinds else None)
        if cache_key in self._cache:
            return self._cache[cache_key]
        # 1. a division word at the end names an admin1
        words = fold(name).split()
        if len(words) > 1 and words[-1] in admin1_terms():
            core = name.rsplit(maxsplit=1)[0]
            found = self.lookup(core, kinds=("admin1",))
            self._cache[cache_key] = found
            return found
        # 2. folded name
        rows = [r for r in self._rows("key", fold(name), 0) if r[2] is None or r[2] == name.strip()]
        # 3. transliteration skeleton
        if not rows:
            skel = skeleton(name)
            rows = self._rows("skel", skel, QUALITY_SKELETON) if skel else []
            rows = [r for r in rows if r[2] is None]
        best: dict[int, Match] = {}
        for entry, quality, _ in rows:
            if kinds and entry.kind not in kinds:
                continue
            if entry.id not in best or quality < best[entry.id].quality:
                best[entry.id] = Match(entry, quality)
        found = tuple(sorted(best.values(), key=lambda m: (m.quality, -m.entry.population)))
        self._cache[cache_key] = found
        return found

    def country(self, iso: str) -> Entry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        if self._countries is None:
            rows = self._con.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.kind = 'country'").fetchall()
            self._countries = {r[3]: Entry(*r[:9], bool(r[9])) for r in rows}
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

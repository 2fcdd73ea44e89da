"""Place identity across documents."""

from __future__ import annotations

from crisisdesk.model import PlaceMention
from crisisdesk.resolve.places import place_id, resolve_places


def mention(doc, start, text, name, geonameid, kind="city", country="KZ", admin1="Almaty Qalasy"):
    return PlaceMention(doc, start, start + len(text), text, name, country, admin1, 43.25, 76.91,
                        geonameid, kind, "places.ner", 0.9)


def test_spellings_of_one_city_share_one_place():
    places, refs = resolve_places([
        mention("a", 0, "Alma-Ata", "Almaty", 1526384),
        mention("b", 10, "Almaty", "Almaty", 1526384),
    ])
    assert [p.id for p in places] == ["geonames:1526384"]
    assert refs == {("a", 0, 8): "geonames:1526384", ("b", 10, 16): "geonames:1526384"}


def test_places_without_geonameid_get_a_slug():
    square = mention("a", 0, "Republic Square", "Republic Square", None, kind="site")
    assert place_id(square) == "site:kz:almaty-qalasy:republic-square"
    region = mention("a", 0, "Orenburg region", "Orenburg", None, kind="admin1", country="RU", admin1="Orenburg")
    assert place_id(region) == "admin1:ru:orenburg"


def test_a_mention_without_a_place_gets_no_id():
    empty = PlaceMention("a", 0, 5, "Xyzzy", None, None, None, None, None, None, None, "places.ner", None)
    places, refs = resolve_places([empty, mention("a", 10, "Almaty", "Almaty", 1526384)])
    assert len(places) == 1 and ("a", 0, 5) not in refs

"""Place identity across documents: one `Place` per gazetteer entry or site.

Every document resolved its own place names (extract/places.py); here the
mentions that point at the same entry become one record with a stable id:
`geonames:<geonameid>` for GeoNames places, and a slug of kind, country and
name for those without one (regions built from their cities, streets and
squares placed at their city).  A mention the extractor left without a name
has no place and gets no id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..gazetteer.fold import fold
from ..model import Place, PlaceMention

_SLUG_GAPS = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Republic Square" -> "republic-square"."""
    return _SLUG_GAPS.sub("-", fold(text)).strip("-")


def place_id(mention: PlaceMention) -> str | None:
    """The stable id of the place a mention resolved to, or None when it resolved to nothing."""
    if mention.geonameid is not None:
        return f"geonames:{mention.geonameid}"
    if not mention.name:
        return None
    parts = [mention.kind or "place", (mention.country or "xx").lower(), slug(mention.name)]
    if mention.kind == "site" and mention.admin1:
        parts.insert(2, slug(mention.admin1))
    return ":".join(parts)


def resolve_places(mentions: Iterable[PlaceMention]) -> tuple[list[Place], dict[tuple[str, int, int], str]]:
    """Place records (in order of first mention) and (doc, start, end) -> place id."""
    places: dict[str, Place] = {}
    refs: dict[tuple[str, int, int], str] = {}
    for m in mentions:
        pid = place_id(m)
        if pid is None:
            continue
        refs[(m.doc, m.start, m.end)] = pid
        if pid not in places:
            places[pid] = Place(
                id=pid, name=m.name or m.text, country=m.country, admin1=m.admin1,
                lat=m.lat, lon=m.lon, geonameid=m.geonameid, kind=m.kind,
            )
    return list(places.values()), refs

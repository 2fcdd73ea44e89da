"""Event places: the clause's locative place, scope words, the narrative's city, the crisis country."""

from __future__ import annotations

import re

import pytest

from crisisdesk import nlp
from crisisdesk.extract.event_places import is_locative
from crisisdesk.extract.events import events
from crisisdesk.model import DocFacts, Document, PlaceMention

# name -> (country, kind): a tiny gazetteer for the sentences below.
KNOWN = {
    "Kazakhstan": ("KZ", "country"),
    "Russia": ("RU", "country"),
    "Almaty": ("KZ", "city"),
    "Taldykorgan": ("KZ", "city"),
    "Taraz": ("KZ", "city"),
    "Moscow": ("RU", "city"),
}

LEAD = "Protesters rallied in Almaty and Taraz, in Kazakhstan, on Tuesday.\n\n"


def mentions(text: str) -> list[PlaceMention]:
    found = []
    for name, (country, kind) in KNOWN.items():
        for m in re.finditer(rf"\b{name}\b", text):
            found.append(PlaceMention("t", m.start(), m.end(), name, name, country, None, 0.0, 0.0, None, kind,
                                      "places.test"))
    return sorted(found, key=lambda p: p.start)


def places_of(text: str) -> list[tuple[str, str | None, int | None]]:
    document = Document(id="t", source="t", text=text, published="2022-01-06")
    parsed = next(nlp.parse([document]))
    facts = DocFacts(document=document, places=mentions(text))
    return [(e.rule, e.place_text, e.geo_precision) for e in events(parsed, facts=facts)]


def place_of(text: str, rule: str) -> tuple[str | None, int | None]:
    (found,) = [(p, g) for r, p, g in places_of(text) if r == f"events.{rule}"]
    return found


@pytest.mark.parametrize(
    ("sentence", "rule", "place", "precision"),
    [
        # 1. the clause's own place, "in X" before "near Y"
        ("On Wednesday, a statue of Nazarbayev in Taldykorgan, near Almaty, was pulled down.",
         "monument-toppled", "Taldykorgan", 1),
        # 2. scope words: the whole country; the city the narrative is in
        ("Protesters on Wednesday set city halls across the country ablaze.", "arson", "Kazakhstan", 3),
        ("A state of emergency has been declared throughout the republic.", "emergency-declared", "Kazakhstan", 3),
        ("Shots were fired as police surrounded a group of about 200 protesters in the city.",
         "protest-dispersed", "Almaty", 2),
        # an agent is no location: "Moscow sent" places the deployment in the crisis country
        ("Moscow also sent paratroopers, the organisation said.", "deployment", "Kazakhstan", 3),
    ],
)
def test_place_cascade(sentence: str, rule: str, place: str, precision: int) -> None:
    assert place_of(LEAD + sentence, rule) == (place, precision)


def test_hyphenated_and_possessive_places_are_not_locations() -> None:
    text = "Russia's news service said the Moscow-led alliance met in Kazakhstan's western region."
    document = Document(id="t", source="t", text=text)
    doc = next(nlp.parse([document])).doc
    verdict = {p.text + str(p.start): is_locative(p, doc) for p in mentions(text)}
    assert verdict == {"Russia0": False, "Moscow31": False, "Kazakhstan58": True}


def test_crisis_country_outvotes_a_country_named_more_often_as_an_actor() -> None:
    text = (
        "Russia said Russia would help. Russia and Russia's allies agreed.\n\n"
        "Protesters rallied in Almaty and in Taraz, Kazakhstan, on Tuesday.\n\n"
        "The Internet was disconnected in the country."
    )
    assert place_of(text, "internet-shutdown") == ("Kazakhstan", 3)


def _events_of(text):
    from crisisdesk.extract import extract_all
    from crisisdesk.model import Document
    from crisisdesk.nlp import parse

    document = Document(id="t", source="t", text=text, published="2025-03-06")
    return extract_all(next(parse([document]))).events


def test_a_place_the_gazetteer_does_not_know_leaves_the_event_unplaced():
    events = _events_of("Protesters set fire to the town hall in Teska on Tuesday.\n\n"
                        "The United Nations office in Geneva called for restraint.")
    assert events and all(e.place_text is None for e in events)


def test_a_city_named_once_in_passing_is_no_fallback():
    events = _events_of("Rioters looted two banks overnight, police said.\n\n"
                        "Talks between the government and protest leaders will begin in Vienna next week.")
    looting = [e for e in events if e.event_type == "Riots"]
    assert looting and all(e.place_text is None for e in looting)

"""A small invented crisis as a `crisisdesk.v1` export, written by hand for the report's tests.

Marvania (country code XM, a user-assigned ISO code), its towns, people and outlets
are invented; the towns sit at real coordinates so the map has borders to draw.
Titles, outlets, quotes and text carry hostile markup that must render as text.
"""

from __future__ import annotations

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
END = "</script>"
HOSTILE = (SCRIPT, IMG, END)

def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _fact(doc: str, text: str, phrase: str, **fields) -> dict:
    start, end = span(text, phrase)
    return {"doc": doc, "start": start, "end": end, **fields, "confidence": fields.get("confidence", 0.8)}


def _event(eid, doc, text, phrase, etype, sub, date, place, fatalities, cluster, rule="events.test"):
    return {"id": eid, **_fact(doc, text, phrase), "event_type": etype, "sub_event_type": sub,
            "date": date, "date_precision": "day" if date else None, "place": place, "actor1": None,
            "actor2": None, "fatalities": fatalities, "cluster": cluster, "rule": rule}


def _claim(cid, doc, text, phrase, category, subject, low, high, qualifier, source, source_text, group):
    return {"id": cid, **_fact(doc, text, phrase), "category": category, "subject": subject, "low": low,
            "high": high, "qualifier": qualifier, "as_of": None, "source": source, "source_text": source_text,
            "hedged": False, "group": group, "rule": "claims.test"}


def texts(script: str, img: str, end: str) -> tuple[str, str, str]:
    """The three article texts, with the given strings where hostile markup goes."""
    text_1 = (
        "TESKA, March 4 (Coastline Wire) - Police fired tear gas at marchers in the port city of Teska "
        "on Monday, and two people were killed, the Health Ministry said. " + img + " Protesters set fire "
        "to the customs office near Harbour Square. \"We will not stop " + end + " until prices fall,\" said "
        "Ilse Varga, an organiser of the marchers. The Ministry of Internal Affairs said 40 people were detained."
    )
    text_2 = (
        "At least five people died in clashes in Teska on Monday, opposition activists said. " + script + " "
        "On Tuesday riot police detained dozens of rioters in the capital Ostrel. Prime Minister Aurel Banescu "
        "said \"order will be restored\" within days. He said that the curfew would stay in place."
    )
    text_4 = "Hundreds of people gathered peacefully in Marvania to mourn the dead, witnesses said."
    return text_1, text_2, text_4


def fake_export(*, hostile: bool = True) -> dict:
    """The crisis; `hostile=False` leaves the markup out (for a screenshot a reader can look at)."""
    script, img, end = HOSTILE if hostile else ("", "", "")
    text_1, text_2, text_4 = texts(script, img, end)
    documents = [
        {"id": "d1", "source": "reports/teska.txt", "title": ("Police clash with marchers in Teska " + script).strip(),
         "outlet": "Coastline Wire", "published": "2025-03-04", "published_inferred": False, "language": "en",
         "text": text_1, "boilerplate": [], "duplicate_of": None},
        {"id": "d2", "source": "reports/spread.html", "title": (end + "<script>alert(2)</script> " if hostile else "") + "Unrest spreads",
         "outlet": (img + " " if hostile else "Evening ") + "Daily", "published": "2025-03-05", "published_inferred": True, "language": "en",
         "text": text_2, "boilerplate": [], "duplicate_of": None},
        {"id": "d3", "source": "reports/harbour_times.txt", "title": "Police clash with marchers in Teska",
         "outlet": "Harbour Times", "published": "2025-03-04", "published_inferred": False, "language": "en",
         "text": text_1, "boilerplate": [], "duplicate_of": "d1"},
        {"id": "d4", "source": "feeds/wire.jsonl#3", "title": None, "outlet": None, "published": None,
         "published_inferred": False, "language": "en", "text": text_4, "boilerplate": [], "duplicate_of": None},
    ]
    places = [
        {"id": "p-teska", "name": "Teska", "country": "XM", "admin1": None, "lat": 42.5, "lon": 27.47,
         "geonameid": None, "kind": "city"},
        {"id": "p-ostrel", "name": "Ostrel", "country": "XM", "admin1": None, "lat": 43.21, "lon": 27.91,
         "geonameid": None, "kind": "city"},
        {"id": "p-marvania", "name": "Marvania", "country": "XM", "admin1": None, "lat": 42.8, "lon": 25.3,
         "geonameid": None, "kind": "country"},
        {"id": "p-square", "name": "Harbour Square", "country": "XM", "admin1": None, "lat": None, "lon": None,
         "geonameid": None, "kind": "site"},
    ]
    actors = [
        {"id": "a-varga", "name": "Ilse Varga", "kind": "person", "aliases": ["Ilse Varga"]},
        {"id": "a-banescu", "name": "Aurel Banescu", "kind": "person", "aliases": ["Aurel Banescu", "Banescu"]},
        {"id": "a-health", "name": ("Ministry of Health " + script).strip(), "kind": "organization", "aliases": ["Health Ministry"]},
        {"id": "a-interior", "name": "Ministry of Internal Affairs", "kind": "state_force",
         "aliases": ["Ministry of Internal Affairs"]},
    ]
    mentions = [
        {**_fact("d1", text_1, "Teska"), "text": "Teska", "ref": "p-teska", "label": "GPE", "rule": "places.test"},
        {**_fact("d2", text_2, "Teska"), "text": "Teska", "ref": "p-teska", "label": "GPE", "rule": "places.test"},
        {**_fact("d2", text_2, "Ostrel"), "text": "Ostrel", "ref": "p-ostrel", "label": "GPE", "rule": "places.test"},
        {**_fact("d4", text_4, "Marvania"), "text": "Marvania", "ref": "p-marvania", "label": "GPE", "rule": "places.test"},
        {**_fact("d1", text_1, "Harbour Square"), "text": "Harbour Square", "ref": "p-square", "label": "FAC",
         "rule": "places.test"},
    ]
    times = [
        {**_fact("d1", text_1, "on Monday"), "text": "on Monday", "value": "2025-03-03", "precision": "day",
         "rule": "times.test"},
    ]
    events = [
        _event("e1", "d1", text_1, "Police fired tear gas at marchers in the port city of Teska on Monday",
               "Protests", "Excessive force against protesters", "2025-03-03", "p-teska", 2, "c-teska"),
        _event("e2", "d2", text_2, "At least five people died in clashes in Teska on Monday",
               "Protests", "Excessive force against protesters", "2025-03-03", "p-teska", 5, "c-teska"),
        _event("e3", "d3", text_1, "Police fired tear gas at marchers in the port city of Teska on Monday",
               "Protests", "Excessive force against protesters", "2025-03-03", "p-teska", 2, "c-teska"),
        _event("e4", "d1", text_1, img + " Protesters set fire to the customs office",
               "Riots", "Violent demonstration", "2025-03-03", "p-teska", None, "c-fire"),
        _event("e5", "d2", text_2, "riot police detained dozens of rioters in the capital Ostrel",
               "Strategic developments", "Arrests", "2025-03-04", "p-ostrel", None, "c-arrests"),
        _event("e6", "d4", text_4, "Hundreds of people gathered peacefully in Marvania",
               "Protests", "Peaceful protest", None, None, None, None),
    ]
    claims = [
        _claim("k1", "d1", text_1, "two people were killed", "killed", "people", 2, 2, "exact",
               "a-health", "the Health Ministry", "g-killed"),
        _claim("k2", "d2", text_2, "At least five people died", "killed", "people", 5, None, "at_least",
               None, "opposition activists", "g-killed"),
        _claim("k3", "d1", text_1, "40 people were detained", "detained", "people", 40, 40, "exact",
               "a-interior", "The Ministry of Internal Affairs", "g-detained"),
        _claim("k4", "d2", text_2, "detained dozens of rioters", "detained", "rioters", 24, None, "at_least",
               None, None, "g-detained"),
    ]
    quotes = [
        {"id": "q1", **_fact("d1", text_1, "We will not stop " + end + " until prices fall,"), "speaker": "a-varga",
         "speaker_text": "Ilse Varga", "direct": True, "rule": "quotes.test"},
        {"id": "q2", **_fact("d2", text_2, "order will be restored"), "speaker": "a-banescu",
         "speaker_text": "Prime Minister Aurel Banescu", "direct": True, "rule": "quotes.test"},
        {"id": "q3", **_fact("d2", text_2, "that the curfew would stay in place"), "speaker": None,
         "speaker_text": ("He " + script).strip(), "direct": False, "rule": "quotes.test"},
    ]
    framing = [
        {"doc": "d1", "actor_class": "protesters", "term": "marchers", "count": 2},
        {"doc": "d1", "actor_class": "protesters", "term": "protesters", "count": 1},
        {"doc": "d1", "actor_class": "security_forces", "term": "police", "count": 1},
        {"doc": "d2", "actor_class": "protesters", "term": "rioters", "count": 1},
        {"doc": "d2", "actor_class": "security_forces", "term": ("riot police " + img).strip(), "count": 1},
    ]
    return {
        "schema": "crisisdesk.v1", "generated_at": "2025-03-06T12:00:00Z",
        "documents": documents, "places": places, "actors": actors, "mentions": mentions, "times": times,
        "events": events, "claims": claims, "quotes": quotes, "framing": framing,
    }


def empty_export() -> dict:
    """A corpus read but nothing extracted yet: every section must say so."""
    export = fake_export()
    for kind in ("places", "actors", "mentions", "times", "events", "claims", "quotes", "framing"):
        export[kind] = []
    return export

"""A small corpus for the web tests, written for them: articles run through the real pipeline,
and one report coded by hand (events, places, actors) stored through the store's own writes.

The hand-coded report stands in for the events and places extractors' output so the
events page has rows to filter whatever those extractors find in the articles; it is
written with `Store.add` and `Store.save_resolution`, the calls the pipeline uses.
"""

from __future__ import annotations

import json
from pathlib import Path

from crisisdesk.ingest.document import build_document
from crisisdesk.model import DocFacts, Event, PlaceMention
from crisisdesk.pipeline import run
from crisisdesk.settings import Settings
from crisisdesk.store import Store
from crisisdesk.store.database import fact_row_id

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
END = "</script>"

HOSTILE_TITLE = f"Harbour strike spreads {SCRIPT} {IMG}"
ARTICLES = {
    "hostile.txt": (
        f"{HOSTILE_TITLE}\n\n"
        f"TESKA, March 4, 2025 (Coastline Wire) - Police fired tear gas at dock workers in Teska on Monday, "
        f"and two people were killed, the Health Ministry said. {IMG} Strikers set fire to the customs office. "
        f"\"We will not stop {END} until wages rise,\" said an organiser. {SCRIPT}\n"
    ),
    "curfew.txt": (
        "Curfew declared in Ostrel after night of unrest\n\n"
        "OSTREL, March 6, 2025 (Harbour Times) - The government declared a curfew in Ostrel on Thursday after "
        "a night of unrest. The Ministry of Internal Affairs said 120 people were detained and 14 police officers "
        "were injured.\n"
    ),
    "mourning.txt": (
        "Mourners gather in Ostrel\n\n"
        "OSTREL, March 8, 2025 (Coastline Wire) - Hundreds of people gathered peacefully on Saturday to mourn "
        "the dead. Opposition activists said at least five people were killed in the unrest.\n"
    ),
}

CODED_TEXT = (
    "Coded report\n\n"
    "Riot police dispersed a rally in Ostrel on 5 March 2025 and two protesters died. "
    "Soldiers clashed with armed men near Teska between 6 and 8 March 2025. "
    "Rioters looted shops at an unknown date."
)
CODED_OUTLET = "Gazette of Coders"
PLACES = [
    {"id": "place:test-ostrel", "name": "Ostrel", "country": "XM", "admin1": "Capital Region", "lat": 43.2,
     "lon": 76.9, "geonameid": None, "kind": "city"},
    {"id": "place:test-teska", "name": "Teska", "country": "XM", "admin1": "Coast", "lat": 43.6,
     "lon": 51.2, "geonameid": None, "kind": "city"},
]
ACTORS = [
    {"id": "actor:test-riot-police", "name": "Riot police", "kind": "state_force", "aliases": ["Riot police", "OMON"]},
    {"id": "actor:test-soldiers", "name": "Soldiers", "kind": "state_force", "aliases": ["Soldiers"]},
    {"id": "actor:test-armed-men", "name": "Armed men", "kind": "group", "aliases": ["armed men"]},
]
# phrase -> (event fields, resolved columns)
EVENTS = {
    "Riot police dispersed a rally in Ostrel on 5 March 2025 and two protesters died": (
        {"event_type": "Protests", "sub_event_type": "Excessive force against protesters", "date": "2025-03-05",
         "fatalities": 2, "place_text": "Ostrel", "actor1_text": "Riot police", "actor2_text": None},
        {"place": "place:test-ostrel", "actor1": "actor:test-riot-police", "actor2": None, "cluster": "cluster:t1"},
    ),
    "Soldiers clashed with armed men near Teska between 6 and 8 March 2025": (
        {"event_type": "Battles", "sub_event_type": "Armed clash", "date": "2025-03-06/2025-03-08",
         "fatalities": None, "place_text": "Teska", "actor1_text": "Soldiers", "actor2_text": "armed men"},
        {"place": "place:test-teska", "actor1": "actor:test-soldiers", "actor2": "actor:test-armed-men",
         "cluster": "cluster:t2"},
    ),
    "Rioters looted shops at an unknown date": (
        {"event_type": "Riots", "sub_event_type": "Violent demonstration", "date": None, "fatalities": None,
         "place_text": None, "actor1_text": "Rioters", "actor2_text": None},
        {"place": None, "actor1": None, "actor2": None, "cluster": "cluster:t3"},
    ),
}


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def add_coded_report(db: str) -> str:
    """Store the hand-coded report and its resolved places, actors and clusters; its document id."""
    document = build_document(CODED_TEXT, "coded/report.txt", title="Coded report", outlet=CODED_OUTLET,
                              published="2025-03-09")
    events, columns = [], {"events": {}, "place_mentions": {}}
    for i, (phrase, (fields, resolved)) in enumerate(EVENTS.items()):
        start = CODED_TEXT.index(phrase)
        event = Event(doc=document.id, start=start, end=start + len(phrase), date_precision="day" if fields["date"] else None,
                      rule="events.hand-coded", confidence=1.0, **fields)
        events.append(event)
        columns["events"][fact_row_id("events", event, i)] = resolved
    places = []
    for i, place in enumerate(PLACES):
        start = CODED_TEXT.index(place["name"])
        mention = PlaceMention(doc=document.id, start=start, end=start + len(place["name"]), text=place["name"],
                               name=place["name"], country=place["country"], admin1=place["admin1"], lat=place["lat"],
                               lon=place["lon"], geonameid=None, kind=place["kind"], rule="places.hand-coded")
        places.append(mention)
        columns["place_mentions"][fact_row_id("place_mentions", mention, i)] = {"ref": place["id"]}
    store = Store(db)
    try:
        store.add(DocFacts(document=document, events=events, places=places))
        known = [{**a, "aliases": json.loads(a["aliases"])} for a in store.rows("actors")]
        store.save_resolution(actors=known + ACTORS, places=store.rows("places") + PLACES, columns=columns,
                              duplicates={})
    finally:
        store.close()
    return document.id


def build_corpus(folder: Path) -> str:
    """A database holding the articles (through the pipeline) and the coded report; its path."""
    db = str(folder / "web.db")
    run([write_articles(folder / "articles")], Settings(db=db, out=str(folder / "out")), write_report=False)
    add_coded_report(db)
    return db

"""A small gold folder and an export written by hand, shared by the eval tests.

doc1 is in the export with hits, misses and false hits in every section; doc2 is
absent from it, so all its gold items are missed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TEXT1 = (
    "Protesters stormed the akimat in Alma-Ata on Wednesday. "
    "Russian troops flew from Russia, the Moscow Times said. "
    "Police said 13 officers were killed in Almaty. "
    "“We will restore order,” Tokayev said."
)
TEXT2 = "On Thursday crowds gathered in Almaty."

ALMATY = {"name": "Almaty", "country": "KZ", "lat": 43.25, "lon": 76.92}

GOLD1 = {
    "doc": "doc1",
    "published": "2022-01-06",
    "title": "Alma-Ata burns",
    "outlet": "Example News",
    "places": [
        {"mention": "Alma-Ata", **ALMATY},
        {"mention": "Almaty", **ALMATY},
        {"mention": "Russia", "name": "Russia", "country": "RU", "lat": 60.0, "lon": 100.0},
        {"mention": "Moscow", "name": "Moscow", "country": "RU", "lat": 55.75, "lon": 37.62,
         "not_in": ["Moscow Times"]},
    ],
    "times": [{"mention": "on Wednesday", "value": "2022-01-05"}],
    "events": [
        {"evidence": "Protesters stormed the akimat in Alma-Ata on Wednesday", "event_type": "Riots",
         "sub_event_type": "Violent demonstration", "date": "2022-01-05", "place": "Almaty",
         "fatalities": None},
        {"evidence": "13 officers were killed in Almaty", "event_type": "Battles",
         "sub_event_type": "Armed clash", "date": None, "place": "Almaty", "fatalities": 13},
    ],
    "claims": [
        {"evidence": "13 officers were killed", "category": "killed", "low": 13, "high": 13,
         "qualifier": "exact", "source": "Police", "hedged": False},
    ],
    "quotes": [{"text": "We will restore order,", "speaker": "Kassym-Jomart Tokayev", "direct": True}],
}
GOLD2 = {
    "doc": "doc2",
    "published": "2022-01-07",
    "title": None,
    "outlet": None,
    "places": [{"mention": "Almaty", **ALMATY}],
    "times": [{"mention": "On Thursday", "value": "2022-01-06"}],
    "events": [{"evidence": "crowds gathered in Almaty", "event_type": "Protests",
                "sub_event_type": "Peaceful protest", "date": "2022-01-06", "place": "Almaty",
                "fatalities": None}],
    "claims": [],
    "quotes": [],
}


def at(text: str, words: str) -> dict:
    start = text.index(words)
    return {"doc": "d1", "start": start, "end": start + len(words), "text": words}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "gold").mkdir()
    (tmp_path / "seeds").mkdir()
    for gold, text in ((GOLD1, TEXT1), (GOLD2, TEXT2)):
        (tmp_path / "gold" / f"{gold['doc']}.json").write_text(json.dumps(gold), encoding="utf-8")
        (tmp_path / "seeds" / f"{gold['doc']}.txt").write_text(text, encoding="utf-8")
    return tmp_path / "gold"


def handmade_export() -> dict:
    """doc1 only (doc2 absent), with hits, misses and false hits in every section."""
    return {
        "schema": "crisisdesk.v1",
        "documents": [
            {"id": "d1", "source": "/data/in/doc1.txt", "title": "Alma-Ata  burns",
             "outlet": "example news", "published": "2022-01-06", "published_inferred": False,
             "text": TEXT1},
        ],
        "places": [
            {"id": "p-almaty", "name": "Almaty", "lat": 43.26, "lon": 76.93, "kind": "city"},
            {"id": "p-far", "name": "Almaty", "lat": 40.0, "lon": 70.0, "kind": "city"},
            {"id": "p-russia", "name": "Russia", "lat": 60.0, "lon": 100.0, "kind": "country"},
            {"id": "p-moscow", "name": "Moscow", "lat": 55.75, "lon": 37.62, "kind": "city"},
        ],
        "actors": [
            {"id": "a-police", "name": "police", "kind": "state_force", "aliases": ["Police"]},
            {"id": "a-tok", "name": "Tokayev", "kind": "person", "aliases": ["Kassym-Zhomart Tokayev"]},
        ],
        "mentions": [
            {**at(TEXT1, "Alma-Ata"), "ref": "p-almaty", "label": "GPE"},  # resolved
            {**at(TEXT1, "Russian"), "ref": "p-russia", "label": "NORP"},  # demonym: false hit
            {**at(TEXT1, "Russia,"), "ref": "p-russia", "label": "GPE"},  # resolved
            {**at(TEXT1, "Moscow"), "ref": "p-moscow", "label": "GPE"},  # inside not_in: false hit
            {**at(TEXT1, "Almaty"), "ref": "p-far", "label": "GPE"},  # found, 700 km off
            {**at(TEXT1, "Tokayev"), "ref": "a-tok", "label": "PERSON"},  # an actor: not scored
        ],
        "times": [
            {**at(TEXT1, "Wednesday"), "value": "2022-01-05", "precision": "day"},
            {**at(TEXT1, "13"), "value": "2022-01-13", "precision": "day"},
        ],
        "events": [
            {**at(TEXT1, "Protesters stormed the akimat"), "event_type": "Riots",
             "sub_event_type": "Mob violence", "date": "2022-01-05", "place": "p-almaty",
             "fatalities": None},
            {**at(TEXT1, "Police said 13 officers were killed"), "event_type": "Violence against civilians",
             "sub_event_type": "Attack", "date": None, "place": None, "fatalities": 13},
            {**at(TEXT1, "Russian troops flew from Russia"), "event_type": "Strategic developments",
             "sub_event_type": "Other", "date": None, "place": "p-russia", "fatalities": None},
        ],
        "claims": [
            {**at(TEXT1, "13 officers were killed"), "category": "killed", "low": 13, "high": 13,
             "qualifier": "exact", "source": "a-police"},
            {**at(TEXT1, "said 13 officers"), "category": "killed", "low": 3, "high": 3,
             "qualifier": "exact", "source": None},
        ],
        "quotes": [
            {**at(TEXT1, "We will restore"), "speaker": "a-tok", "direct": True},
            {**at(TEXT1, "order,”"), "speaker": None, "direct": True},
        ],
    }




@pytest.fixture
def export() -> dict:
    return handmade_export()

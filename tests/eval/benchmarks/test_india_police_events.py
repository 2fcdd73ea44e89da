"""The IndiaPoliceEvents adapter: sentences located in their article, labels from events and claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk.eval.benchmarks import BENCHMARKS
from crisisdesk.eval.benchmarks.india_police_events import read_corpus, sentence_labels

# An article written for this test, one sentence per label kind, with the labels it would carry.
SENTENCES = [
    ("police fired at the mob, killing two people.", ["KILL", "FORCE", "ANY_ACTION"]),
    ("over 50 persons were arrested on tuesday.", ["ARREST", "ANY_ACTION"]),
    ("the army was deployed in the old city.", ["ANY_ACTION"]),
    ("shops remained closed.", []),
    ("the police did nothing while the mob burnt houses.", ["FAIL"]),
]
ARTICLE = " ".join(s for s, _ in SENTENCES)


def at(sentence: int) -> tuple[int, int]:
    start = ARTICLE.find(SENTENCES[sentence][0])
    return start, start + len(SENTENCES[sentence][0])


@pytest.fixture
def shared_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "benchmarks" / "india_police_events"
    folder.mkdir(parents=True)
    (folder / "docs.jsonl").write_text(json.dumps({"doc_id": 7, "doc_text": ARTICLE, "doc_labels": []}) + "\n")
    rows = [{"doc_id": 7, "sent_id": i, "sent_labels": labels, "sent_text": s} for i, (s, labels) in enumerate(SENTENCES)]
    (folder / "sents.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return tmp_path


def fake_run(texts: list[str]) -> dict:
    """The export crisisdesk would give for the article, written by hand."""
    documents = [{"id": f"d{i}", "source": f"item-{i}", "text": t} for i, t in enumerate(texts)]
    actors = [{"id": "police", "name": "police", "kind": "state_force"},
              {"id": "army", "name": "army", "kind": "state_force"}]
    events = [
        {"doc": "d0", "start": at(0)[0], "end": at(0)[1], "event_type": "Violence against civilians",
         "sub_event_type": "Attack", "actor1": "police", "fatalities": 2},
        {"doc": "d0", "start": at(1)[0], "end": at(1)[1], "event_type": "Strategic developments",
         "sub_event_type": "Arrests", "actor1": None, "fatalities": None},
        {"doc": "d0", "start": at(2)[0], "end": at(2)[1], "event_type": "Strategic developments",
         "sub_event_type": "Other", "actor1": "army", "fatalities": None},
    ]
    claims = [{"doc": "d0", "start": at(1)[0], "end": at(1)[1], "category": "detained"}]
    return {"documents": documents, "actors": actors, "events": events, "claims": claims}


def test_sentences_are_found_in_their_article(shared_dir: Path) -> None:
    texts, sentences = read_corpus(shared_dir / "benchmarks" / "india_police_events")
    assert texts == [ARTICLE]
    assert [ARTICLE[s.start : s.end] for s in sentences] == [s for s, _ in SENTENCES]


def test_labels_from_events_and_claims(shared_dir: Path) -> None:
    texts, sentences = read_corpus(shared_dir / "benchmarks" / "india_police_events")
    labels = sentence_labels(fake_run(texts), sentences, 1)
    assert labels == [
        {"KILL", "FORCE", "ANY_ACTION"}, {"ARREST", "ANY_ACTION"}, {"ANY_ACTION"}, set(), set(),
    ]


def test_measures_per_label(shared_dir: Path) -> None:
    result = BENCHMARKS.get("india_police_events")(shared_dir, fake_run)
    assert result.measures["KILL P"] == 100.0 and result.measures["ARREST R"] == 100.0
    assert result.measures["ANY_ACTION P"] == 100.0 and result.measures["sentences"] == 5
    assert "FAIL" in result.notes[1]

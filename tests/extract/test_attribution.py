"""Who a statement is credited to: the cascade of attribution cues, one sentence each."""

from __future__ import annotations

import pytest

from crisisdesk.extract.attribution import (
    _chunks_from_sentence_of,
    attribute,
    primary_source,
    quotations,
)
from crisisdesk.nlp import load


def source_of(text: str, word: str) -> str | None:
    doc = load()(text)
    tok = next(t for t in doc if t.text == word)
    found = attribute(tok)
    return found.source_text if found else None


@pytest.mark.parametrize(
    "text, word, source",
    [
        ("According to the Ministry of Health, 40 people were injured.", "40", "the Ministry of Health"),
        ("According to the data of the city commandant's office, 40 people were injured.", "40",
         "the city commandant's office"),
        ("Tass reported that 40 people were injured.", "40", "Tass"),
        ("40 people were injured, the ministry said.", "40", "the ministry"),
        ("It was reported that 40 people were injured.", "40", None),
        ("Officials met the protesters in the square.", "protesters", None),
    ],
)
def test_cues(text, word, source):
    assert source_of(text, word) == source


def test_pronoun_resolved_to_the_person_named_before():
    text = "Kassym-Jomart Tokayev addressed the nation. According to him, 40 people were injured."
    assert source_of(text, "40") == "Kassym-Jomart Tokayev"


def test_definite_noun_takes_the_fuller_name_before_it():
    text = ("Protesters attempted to seize the city's police department. According to the press service of "
            "the department, 40 people were detained.")
    assert source_of(text, "40") == "the press service of the city's police department"


def test_primary_source_and_quotations():
    assert primary_source("RIA Novosti, citing the city commandant's office") == "RIA Novosti"
    assert quotations(load()("He said “yes” and «no».")) == [(8, 13), (18, 22)]


def test_chunks_from_a_sentence_start_are_the_docs_own():
    """The window's noun chunks, found from the sentence it starts in, equal `Doc.noun_chunks` there."""
    doc = load()("Police detained the city's protest leaders. The department said that the police "
                 "department of the city and the national guard had cleared the central square.")
    whole = [(c.start, c.end) for c in doc.noun_chunks]
    for first in range(len(doc)):
        for stop in range(first + 1, len(doc) + 1):
            begin = next(s.start for s in doc.sents if s.start <= first < s.end)
            assert _chunks_from_sentence_of(doc, first, stop) == [(s, e) for s, e in whole if begin <= e - 1 < stop]

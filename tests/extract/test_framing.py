"""Framing: which words a document uses for each actor class."""

from __future__ import annotations

import pytest

from crisisdesk.extract.framing import framing, terms
from crisisdesk.model import DocFacts, Document, Quote
from crisisdesk.nlp import Parsed, load


def counts(text: str, *, quotes: list[Quote] | None = None, boilerplate=None, **options) -> dict[tuple[str, str], int]:
    document = Document(id="t", source="t", text=text, boilerplate=boilerplate or [])
    facts = DocFacts(document=document, quotes=quotes or [])
    parsed = Parsed(document, load()(text))
    return {(f.actor_class, f.term): f.count for f in framing(parsed, facts=facts, **options)}


def test_lemmatised_terms_count_together():
    got = counts("The terrorists attacked the city hall. One terrorist was detained by police.")
    assert got[("protesters", "terrorist")] == 2
    assert got[("security_forces", "police")] == 1


def test_longest_term_wins():
    got = counts("Riot police dispersed the demonstrators while security forces watched.")
    assert got == {
        ("security_forces", "riot police"): 1,
        ("protesters", "demonstrator"): 1,
        ("security_forces", "security force"): 1,
    }


def test_outlets_differ_in_words_for_the_same_crowd():
    neutral = counts("Protesters gathered in the square as peacekeepers arrived.")
    hostile = counts("Bandits and looters gathered in the square as the occupation began.")
    assert ("protesters", "protester") in neutral and ("foreign_forces", "peacekeeper") in neutral
    assert ("protesters", "bandit") in hostile and ("foreign_forces", "occupation") in hostile


def test_spun_noun_counts_but_not_the_verb():
    got = counts("The displays began over the weekend. The crowd displayed banners.")
    assert got.get(("protesters", "display")) == 1


def test_boilerplate_is_not_counted():
    text = "Photo: rioters near the burning building.\nProtesters marched."
    got = counts(text, boilerplate=[(0, 41)])
    assert ("protesters", "rioter") not in got and got[("protesters", "protester")] == 1


def test_quoted_words_are_the_speaker_s_not_the_outlet_s():
    text = "“Terrorists attacked us,” the minister said. Protesters disagree."
    quote = Quote(doc="t", start=1, end=24, speaker_text="the minister", direct=True, rule="quotes.marks")
    assert ("protesters", "terrorist") not in counts(text, quotes=[quote])
    assert counts(text, quotes=[quote], include_quoted=True)[("protesters", "terrorist")] == 1


@pytest.mark.parametrize("actor_class", ["protesters", "security_forces", "foreign_forces", "government", "opposition"])
def test_every_class_has_terms(actor_class):
    assert any(t.actor_class == actor_class for found in terms().values() for t in found)

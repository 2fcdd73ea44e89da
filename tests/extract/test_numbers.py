"""Quantities as news writes them: the EXPORT.md rules and the forms seen in translations."""

from __future__ import annotations

import pytest
import spacy

from crisisdesk.extract.numbers import (
    SpanWords,
    find_quantities,
    number_value,
    quantity_starts,
    starting_words,
)

NLP = spacy.blank("en")


def quantities(text: str) -> list[tuple[str, int | None, int | None, str]]:
    doc = NLP(text)
    return [(doc[q.start : q.end].text, q.low, q.high, q.qualifier) for q in find_quantities(doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # EXPORT.md's own examples
        ("more than 350 were wounded", ("more than 350", 350, None, "at_least")),
        ("up to 20 thousand people", ("up to 20 thousand", None, 20000, "at_most")),
        ("about 200 demonstrators", ("about 200", 200, 200, "about")),
        ("between 20 and 30 people", ("between 20 and 30", 20, 30, "exact")),
        ("dozens of participants", ("dozens", 24, None, "at_least")),
        ("hundreds of people", ("hundreds", 200, None, "at_least")),
        ("a dozen people", ("a dozen", 12, 12, "exact")),
        # digits, separators, words, scales
        ("353 were injured", ("353", 353, 353, "exact")),
        ("more than 100,000 troops", ("more than 100,000", 100000, None, "at_least")),
        ("thirteen were killed", ("thirteen", 13, 13, "exact")),
        ("eight policemen", ("eight", 8, 8, "exact")),
        ("more than a thousand people", ("more than a thousand", 1000, None, "at_least")),
        ("over 190 hospitalized", ("over 190", 190, None, "at_least")),
        ("at least 164 people", ("at least 164", 164, None, "at_least")),
        ("nearly 2,000 people", ("nearly 2,000", 2000, 2000, "about")),
        ("twenty-five men", ("twenty-five", 25, 25, "exact")),
        ("two hundred and fifty", ("two hundred and fifty", 250, 250, "exact")),
        ("two thousand five hundred", ("two thousand five hundred", 2500, 2500, "exact")),
        ("1.5 million people", ("1.5 million", 1500000, 1500000, "exact")),
        ("20-30 people", ("20-30", 20, 30, "exact")),
        ("two or three people", ("two or three", 2, 3, "exact")),
        ("1,000 or more people", ("1,000 or more", 1000, None, "at_least")),
        ("tens of thousands of people", ("tens of thousands", 20000, None, "at_least")),
        ("several hundred protesters", ("several hundred", 200, None, "at_least")),
    ],
)
def test_quantity_forms(text, expected):
    assert quantities(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Article 20 of the law",
        "until 21:00 on January 6",
        "a 25-year-old man",
        "$ 5 billion",
        "sentenced to 22 months in prison",
        "as was the case in 1986",
        "the 11th separate guards engineering brigade",
        "call +7 727 123 4567",
        "for 180 days",
        "About a fifth of its population",
    ],
)
def test_not_counts(text):
    assert quantities(text) == []


def test_two_quantities_in_one_clause():
    assert [q[1] for q in quantities("353 people were injured and 13 killed")] == [353, 13]


@pytest.mark.parametrize("token, value", [("1,000", 1000), ("1.000", 1000), ("thirteen", 13), ("1.5", 1.5), ("x", None)])
def test_number_value(token, value):
    assert number_value(token) == value


def test_a_sentence_span_gives_indices_relative_to_its_start():
    """Claims read each sentence: a Span's quantities are the Doc's, counted from the Span's start."""
    doc = NLP("Police detained 20 people. More than 350 were wounded and dozens of participants fled.")
    second = doc[5:]
    assert [(q.start + 5, q.end + 5, q.low) for q in find_quantities(second)] == [
        (q.start, q.end, q.low) for q in find_quantities(doc) if q.start >= 5
    ]
    assert [doc[q.start : q.end].text for q in find_quantities(doc)] == ["20", "More than 350", "dozens"]


def test_starting_words_are_number_words_and_words_with_a_digit():
    words = {"a", "one", "twenty", "dozens", "several", "20", "1,000", "3rd", "covid-19", "police", "-", "²", "the"}
    assert starting_words(words) == {"a", "one", "twenty", "dozens", "several", "20", "1,000", "3rd", "covid-19", "²"}


def test_an_article_a_is_no_quantity_start():
    """"a" starts a quantity only before a scale, "dozen" or "few"."""
    doc = NLP("A man saw a thousand people, a dozen cars and a few hundred flags in a day.")
    assert [doc[i : i + 2].text for i in quantity_starts(doc)] == ["a thousand", "a dozen", "a few", "few hundred"]


def test_span_words_read_as_tokens_do():
    doc = NLP("Some 20 thousand people , 25-year-old")
    words = SpanWords(doc[1:6])
    assert [words.text(i) for i in range(len(words))] == [t.text for t in doc[1:6]]
    assert [words.is_alpha(i) for i in range(len(words))] == [t.is_alpha for t in doc[1:6]]
    assert [words.lower(-1), words.lower(5)] == ["", ""]
    assert words.text_with_ws(-2, 9) == doc[1:6].text_with_ws
    assert words.text_with_ws(1, 3) == "thousand people "
    assert not words.any_number_labelled(0, 5, {"DATE"})
    doc[1].ent_type_ = "DATE"  # "20"
    doc[3].ent_type_ = "DATE"  # "people", no number
    assert words.any_number_labelled(0, 1, {"DATE"}) and not words.any_number_labelled(1, 5, {"DATE"})

"""The opening paragraphs: written from the data, honest about what is missing."""

from __future__ import annotations

import pytest
from report.fake_crisis import empty_export, fake_export

from crisisdesk.report.view import build_view
from crisisdesk.report.prose import format_period, name_list


@pytest.mark.parametrize(("first", "last", "text"), [
    ("2022-01-05", "2022-01-05", "5 January 2022"),
    ("2022-01-05", "2022-01-08", "5 to 8 January 2022"),
    ("2022-01-30", "2022-02-02", "30 January to 2 February 2022"),
    ("2021-12-30", "2022-01-02", "30 December 2021 to 2 January 2022"),
])
def test_format_period(first, last, text):
    assert format_period(first, last) == text


@pytest.mark.parametrize(("names", "limit", "text"), [
    (["Teska"], 4, "Teska"),
    (["Teska", "Ostrel"], 4, "Teska and Ostrel"),
    (["a", "b", "c", "d", "e"], 2, "a, b and 3 more"),
])
def test_name_list(names, limit, text):
    assert name_list(names, limit) == text


def test_crisis_paragraph_states_period_places_types_and_deaths():
    crisis = build_view(fake_export(hostile=False))["summary"]["crisis"]
    assert crisis == (
        "The reports describe 4 events from 3 to 4 March 2025 in Teska and Ostrel (Marvania). "
        "By type: Protests 2, Riots 1, Strategic developments 1. "
        "Deaths reported: 2 to 5 people (2 sources: Ministry of Health and opposition activists, sources disagree)."
    )


def test_corpus_paragraph_counts_outlets_dates_and_reprints():
    corpus = build_view(fake_export(hostile=False))["summary"]["corpus"]
    assert corpus == (
        "4 documents from 4 outlets (Coastline Wire, Evening Daily, Harbour Times and unnamed outlet "
        "(wire.jsonl#3)), published 4 to 5 March 2025 (1 date inferred from the text); "
        "1 document without a date; 1 is a reprint or rewrite of another."
    )


def test_nothing_extracted_is_said_not_hidden():
    summary = build_view(empty_export())["summary"]
    assert summary["crisis"] == "No events extracted yet. No death figures extracted yet."
    assert summary["corpus"].startswith("4 documents")

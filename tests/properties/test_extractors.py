"""Properties of every cleaner and extractor on arbitrary and hostile text.

Never raises; every fact lies inside its document with `text[start:end]`
equal to its surface form; offsets survive CRLF, CR, combining characters,
emoji and astral-plane characters; the same text gives the same ids and
facts.  The real model is used (extractors need its parse), with few examples
by default; `CRISISDESK_FUZZ_EXAMPLES` raises the count (`make fuzz`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fuzz"))

from strategies import FRAGMENTS, HOSTILE, ANY_TEXT, articles, texts  # noqa: E402
from target import check, facts_of, one_text  # noqa: E402

from crisisdesk.errors import InputError  # noqa: E402
from crisisdesk.ingest.clean import clean  # noqa: E402
from crisisdesk.ingest.dates import find_dates  # noqa: E402
from crisisdesk.ingest.document import build_document, document_id  # noqa: E402
from crisisdesk.ingest.lines import split_lines  # noqa: E402

# Examples per property with the model (about 20 ms each on short texts);
# cleaners without the model get ten times as many.
EXAMPLES = int(os.environ.get("CRISISDESK_FUZZ_EXAMPLES", "25"))
FAST = settings(max_examples=EXAMPLES * 10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODEL = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
def test_clean_never_raises_and_its_spans_lie_inside(text):
    cleaned = clean(text)
    for start, end in cleaned.boilerplate:
        assert 0 <= start <= end <= len(text)
    if cleaned.title_span:
        start, end = cleaned.title_span
        assert 0 <= start <= end <= len(text)


@FAST
@given(texts)
def test_lines_keep_offsets_whatever_the_newlines(text):
    for line in split_lines(text):
        assert text[line.start : line.end] == line.text
        assert "\n" not in line.text and "\r" not in line.text


@FAST
@given(texts)
def test_dates_found_are_where_they_say(text):
    for found in find_dates(text):
        assert 0 <= found.start <= found.end <= len(text)


@FAST
@given(texts)
def test_build_document_refuses_only_with_an_input_error(text):
    try:
        document = build_document(text, "p.txt")
    except InputError as error:
        assert "\n" not in error.reason
        return
    assert document.text == text and document.id == document_id(text)
    assert len(document.language) == 2


@MODEL
@given(articles)
@example("Police detained 40 protesters in Ostrel on Monday.\r\nAt least 12 people were killed.\r\n")
@example("Cafe\u0301 🔥 𝐏𝐨𝐥𝐢𝐜𝐞 detained 🧑🏽‍🚒 12 protesters on Monday 😢, officials said.\rAt least 2 people were killed.")
@example("\ufeff\u202eAt least 12 people were killed\u2028in Almaty\u2029on Wednesday.")
def test_every_extractor_never_raises_and_keeps_offsets(text):
    one_text(text)


@MODEL
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=12), st.sampled_from(HOSTILE))
def test_hostile_characters_move_facts_but_never_break_them(parts, hostile):
    """The same sentences glued by hostile characters: the facts still point at the same words."""
    plain = " ".join(parts)
    glued = hostile.join(parts)
    facts = one_text(glued)
    baseline = one_text(plain)
    if facts is None or baseline is None:
        return
    for fact in facts.times + facts.mentions:
        assert glued[fact.start : fact.end] == fact.text


@MODEL
@given(ANY_TEXT)
def test_arbitrary_text(text):
    one_text(text)


def test_check_catches_a_fact_outside_its_document():
    """The invariant checker itself: a span past the end must fail it."""
    import dataclasses

    facts = facts_of(build_document("Police detained 40 protesters in Ostrel on Monday.", "x.txt"))
    assert facts.claims, "the sentence should yield a claim"
    facts.claims[0] = dataclasses.replace(facts.claims[0], end=10_000)
    with pytest.raises(AssertionError, match="outside"):
        check(facts)

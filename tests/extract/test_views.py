"""The memoised views equal what spaCy's own accessors give, token by token."""

import pytest

from crisisdesk import nlp
from crisisdesk.extract import views

TEXT = "Police in Almaty said 3 people died.\n\nThe next day, protesters gathered near the Square. It was tense."


@pytest.fixture(scope="module")
def doc():
    return nlp.load()(TEXT)


@pytest.mark.parametrize("attr, read", [
    ("ORTH", lambda t: t.text), ("LOWER", lambda t: t.lower_), ("LEMMA", lambda t: t.lemma_),
    ("POS", lambda t: t.pos_), ("TAG", lambda t: t.tag_), ("DEP", lambda t: t.dep_),
    ("ENT_TYPE", lambda t: t.ent_type_),
])
def test_column_is_the_token_attribute(doc, attr, read):
    assert views.column(doc, attr) == [read(t) for t in doc]


def test_heads_starts_and_offsets(doc):
    assert views.heads(doc) == [t.head.i for t in doc]
    assert views.sentence_starts(doc) == [bool(t.is_sent_start) for t in doc]
    assert views.offsets(doc) == [t.idx for t in doc]


def test_text_entities_and_chunks(doc):
    assert views.text_of(doc) == TEXT
    assert [(e.start, e.end, e.label_) for e in views.entities(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert views.noun_chunk_bounds(doc) == [(c.start_char, c.end_char, c.start, c.end) for c in doc.noun_chunks]


def test_views_are_built_once_per_doc(doc):
    assert views.column(doc, "LOWER") is views.column(doc, "LOWER")
    assert views.entities(doc) is views.entities(doc)


def test_tokens_with_finds_only_the_listed_words(doc):
    assert [t.i for t in views.tokens_with(doc, "LOWER", frozenset({"police", "square"}))] == [0, 17]
    assert views.indices_with(doc, "ORTH", frozenset({"Square"})) == [17]
    assert views.indices_with(doc, "ORTH", frozenset({"square"})) == []


def test_an_empty_doc_has_empty_views():
    empty = nlp.load()("")
    assert views.column(empty, "LOWER") == [] and views.heads(empty) == [] and views.indices_with(empty, "LOWER", frozenset({"x"})) == []


def test_lower_lemmas_flags_and_sentence_bounds(doc):
    assert views.lower_lemmas(doc) == [t.lemma_.lower() for t in doc]
    for attr, read in (("IS_PUNCT", lambda t: t.is_punct), ("IS_SPACE", lambda t: t.is_space),
                       ("IS_ALPHA", lambda t: t.is_alpha), ("LIKE_NUM", lambda t: t.like_num)):
        assert views.flags(doc, attr) == [read(t) for t in doc]
    assert views.sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]


def test_new_views_of_an_empty_doc():
    empty = nlp.load()("")
    assert views.lower_lemmas(empty) == [] and views.flags(empty, "IS_PUNCT") == [] and views.sentence_bounds(empty) == []


def test_char_span_bounds_are_those_of_char_span(doc):
    """Every start and end, on a token, inside one, on a space or past the text."""
    for start in range(len(TEXT) + 1):
        for end in range(start + 1, len(TEXT) + 2):
            span = doc.char_span(start, end, alignment_mode="expand")
            assert views.char_span_bounds(doc, start, end) == (None if span is None else (span.start, span.end))


def test_release_drops_every_view_and_so_the_cycle_through_spans():
    doc = nlp.load()("Protesters marched in Almaty on Monday.")
    views.entities(doc), views.column(doc, "LOWER")
    views.release(doc)
    assert not any(str(k).startswith(views.PREFIX) for k in doc.user_data)
    assert views.column(doc, "LOWER") == [t.lower_ for t in doc]  # built again on the next ask


def test_char_bounds_are_those_of_the_span(doc):
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert views.char_bounds(doc, start, end) == (span.start_char, span.end_char)

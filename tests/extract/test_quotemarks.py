"""Pairing quotation marks on plain strings, machine-translation damage included."""

from __future__ import annotations

import pytest

from crisisdesk.extract.quotemarks import flank, quoted_passages


def passages(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quoted_passages(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “the talks failed,” and left.", ["the talks failed,"]),
        ('He said "the talks failed," and left.', ["the talks failed,"]),
        ("Le maire: «la ville est calme».", ["la ville est calme"]),
        # a closing mark printed as an opening one (machine translation)
        ("“They must go. This will be done soon, “the President said.", ["They must go. This will be done soon,"]),
        # a closing mark with the space on the wrong side
        ("“We gave the order without warning, ”he said.", ["We gave the order without warning,"]),
        # a nested pair inside an open quote is skipped, not taken as its end
        ("“The crowd of “revolutionaries” is large, ”the journalist asks.", ["The crowd of “revolutionaries” is large,"]),
        # a quote reopened without being closed: the first ends at the reopen
        ("“It depends. Later on. “In this case we lose.", ["It depends. Later on.", "In this case we lose."]),
        # British single quotes in a headline
        ("‘Order restored’ after protesters ‘deleted’", ["Order restored", "deleted"]),
        # apostrophes are not quotation marks
        ("The country’s leader didn’t speak.", []),
        # a stray closing mark at the end of a paragraph opens nothing
        ("– We need troops now. ”", []),
    ],
)
def test_pairs_marks(text, expected):
    assert passages(text) == expected


def test_quote_spanning_two_paragraphs_continues_at_the_reopening_mark():
    text = "“The first paragraph ends here.\n\n“The second one closes it,” she said."
    (only,) = quoted_passages(text)
    assert text[only.start : only.end] == "The first paragraph ends here.\n\n“The second one closes it,"


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He wrote: “No one will leave the city\n\nThe next paragraph is narration."
    (only,) = quoted_passages(text)
    assert text[only.start : only.end] == "No one will leave the city"
    assert not only.closed


@pytest.mark.parametrize(
    "text, i, expected",
    [(" “a", 1, "left"), ("a” ", 1, "right"), ("a“b", 1, "inner"), (" ” ", 1, "loose")],
)
def test_flank(text, i, expected):
    assert flank(text, i) == expected

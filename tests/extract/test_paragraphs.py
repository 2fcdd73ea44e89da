"""A position's paragraph is its line."""

from __future__ import annotations

from crisisdesk.extract.paragraphs import paragraph_bounds

TEXT = "Headline\n\nPolice fired on the crowd.\nTwo died, officials said."


def test_a_position_inside_a_line_gets_that_line():
    pos = TEXT.index("fired")
    start, end = paragraph_bounds(TEXT, pos)
    assert TEXT[start:end] == "Police fired on the crowd."


def test_the_first_and_the_last_line_reach_the_ends_of_the_text():
    assert paragraph_bounds(TEXT, 0) == (0, len("Headline"))
    start, end = paragraph_bounds(TEXT, len(TEXT) - 1)
    assert TEXT[start:end] == "Two died, officials said." and end == len(TEXT)


def test_an_empty_line_is_an_empty_paragraph():
    blank = TEXT.index("\n\n") + 1
    assert paragraph_bounds(TEXT, blank) == (blank, blank)

"""Where a position's paragraph lies in a document's text.

Scraped news puts one paragraph per line, so a paragraph is the line around a
position.  Events take their setting from it, attribution looks for a
paragraph's opening speaker in it, and claims note which paragraph a hedge
("There were reports that") opens.
"""

from __future__ import annotations


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding `pos`, its line break left out."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end

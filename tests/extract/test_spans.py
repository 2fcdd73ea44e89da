"""The overlap test by bisection answers as the scan of every span does."""

import random

from crisisdesk.extract.spans import overlap_test
from crisisdesk.model import Document


def test_overlap_test_is_in_boilerplate():
    """The bisection gives `Document.in_boilerplate` for unsorted, nested and empty spans."""
    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randrange(0, 30)) for s in (rng.randrange(0, 100) for _ in range(rng.randrange(0, 6)))]
        document = Document(id="t", source="test", text="", boilerplate=spans)
        overlaps = overlap_test(spans)
        for start in range(0, 130, 3):
            for end in (start, start + 1, start + 7, start + 40):
                assert overlaps(start, end) == document.in_boilerplate(start, end), (spans, start, end)

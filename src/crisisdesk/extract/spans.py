"""Whether a character span overlaps any of a fixed set of spans, by bisection.

Boilerplate lines and name mentions are fixed for a document while its
sentences, claims and entities are asked about them one after another; the
scan of every span per question (`Document.in_boilerplate`) was 8% of the
claim extractor on texts with many boilerplate lines, and testing each entity
against each mention a third of building a quotation's name list.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate


def overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether [start, end) overlaps one of `spans` (unsorted, nested or empty ones
    too): it does when the spans starting before its end reach past its start."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end of the spans so far

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(starts, end)  # the spans ordered[:k] start before `end`
        return k > 0 and reach[k - 1] > start

    return overlaps

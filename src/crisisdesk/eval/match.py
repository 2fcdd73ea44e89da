"""Where gold strings sit in a text, and how predictions are paired with them.

The gold README defines a places/times entry as every *whole-word* occurrence of
its `mention` ("Russia" not inside "Russian"), minus occurrences inside one of
its `not_in` strings ("Moscow" inside "Carnegie Moscow Centre").  Whole-word is
taken as "no letter or digit right before or after", which also lets a mention
start or end with punctuation ("“Kazakhstan”", "#Kazakhstan" keeps its match).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG), the usual haversine constant

Span = tuple[int, int]
P = TypeVar("P")
G = TypeVar("G")


def whole_word_occurrences(text: str, mention: str, not_in: Sequence[str] = ()) -> list[Span]:
    """Spans of `mention` in `text` on word boundaries, outside every `not_in` string."""
    pattern = re.compile(r"(?<!\w)" + re.escape(mention) + r"(?!\w)")
    excluded = [
        (m.start(), m.end()) for blocker in not_in for m in re.finditer(re.escape(blocker), text)
    ]
    return [
        (m.start(), m.end())
        for m in pattern.finditer(text)
        if not any(s <= m.start() and m.end() <= e for s, e in excluded)
    ]


def unique_span(text: str, evidence: str) -> Span | None:
    """The span of `evidence` in `text` (gold evidence is unique); first one if repeated."""
    at = text.find(evidence)
    return None if at < 0 else (at, at + len(evidence))


def overlap(a: Span, b: Span) -> int:
    """Characters two half-open spans share (0 when disjoint)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_pairs(
    preds: Sequence[P],
    golds: Sequence[G],
    score: Callable[[P, G], int],
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), largest `score` first, ties by order.

    `score` is the overlap of an admissible pair, 0 when the pair may not match.
    """
    candidates = [
        (-s, pi, gi)
        for pi, p in enumerate(preds)
        for gi, g in enumerate(golds)
        if (s := score(p, g)) > 0
    ]
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, pi, gi in sorted(candidates):
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return pairs


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))

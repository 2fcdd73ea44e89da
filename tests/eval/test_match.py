"""Occurrences on word boundaries, one-to-one pairing, distances."""

from __future__ import annotations

import pytest

from crisisdesk.eval.match import greedy_pairs, haversine_km, overlap, whole_word_occurrences


@pytest.mark.parametrize(
    ("text", "mention", "not_in", "expected"),
    [
        ("Russian troops left Russia.", "Russia", (), [(20, 26)]),  # not inside "Russian"
        ("Kazakhstanis fled Kazakhstan", "Kazakhstan", (), [(18, 28)]),
        ("#Kazakhstan burns", "Kazakhstan", (), [(1, 11)]),  # a hashtag is still the name
        ("Carnegie Moscow Centre in Moscow", "Moscow", ("Carnegie Moscow Centre",), [(26, 32)]),
        ("the “Kazakhstan” channel in Kazakhstan", "Kazakhstan", ("“Kazakhstan”",), [(28, 38)]),
        ("US and USA", "US", (), [(0, 2)]),
        ("on Wednesday, On Wednesday", "on Wednesday", (), [(0, 12)]),  # case matters
    ],
)
def test_whole_word_occurrences(text, mention, not_in, expected) -> None:
    assert whole_word_occurrences(text, mention, not_in) == expected


def test_overlap() -> None:
    assert overlap((0, 10), (5, 20)) == 5
    assert overlap((0, 5), (5, 9)) == 0


def test_greedy_pairs_take_largest_overlap_first_one_to_one() -> None:
    preds = [(0, 30), (10, 20)]
    golds = [(0, 12), (12, 40)]
    pairs = greedy_pairs(preds, golds, overlap)
    assert sorted(pairs) == [(0, 1), (1, 0)]  # (0,30)-(12,40) shares 18, then (10,20)-(0,12)


def test_haversine() -> None:
    assert haversine_km(43.25, 76.92, 43.25, 76.92) == 0
    assert 2800 < haversine_km(43.25, 76.92, 55.75, 37.62) < 3200  # Almaty to Moscow

"""Claim groups: every source's figure as an interval, and whether the sources disagree."""

from __future__ import annotations

import math

import pytest
from report.fake_crisis import fake_export

from crisisdesk.report.figures import claim_groups, interval, is_disagreement


def _claim(low, high, qualifier):
    return {"low": low, "high": high, "qualifier": qualifier}


# The qualifier readings of EXPORT.md ("more than 350", "up to 20 thousand", ...).
@pytest.mark.parametrize(("claim", "expected"), [
    (_claim(350, None, "at_least"), (350, math.inf)),
    (_claim(None, 20000, "at_most"), (0, 20000)),
    (_claim(200, 200, "about"), (180, 220)),
    (_claim(20, 30, "exact"), (20, 30)),
    (_claim(24, None, "at_least"), (24, math.inf)),
    (_claim(13, 13, "exact"), (13, 13)),
])
def test_interval(claim, expected):
    assert interval(claim) == pytest.approx(expected)


@pytest.mark.parametrize(("claims", "disagree"), [
    ([_claim(2, 2, "exact"), _claim(5, None, "at_least")], True),
    ([_claim(40, 40, "exact"), _claim(24, None, "at_least")], False),
    ([_claim(200, 200, "about"), _claim(210, 210, "exact")], False),
    ([_claim(200, 200, "about"), _claim(250, 250, "exact")], True),
    ([_claim(None, 100, "at_most"), _claim(164, 164, "exact")], True),
    ([_claim(13, 13, "exact")], False),
])
def test_disagreement(claims, disagree):
    assert is_disagreement(claims) is disagree


def test_groups_deaths_first_with_every_source():
    groups = claim_groups(fake_export())
    assert [g.id for g in groups] == ["g-killed", "g-detained"]
    killed = groups[0]
    assert (killed.low, killed.high, killed.disagree) == (2, 5, True)
    assert [c["source_name"] for c in killed.claims] == ["Ministry of Health <script>alert(1)</script>",
                                                         "opposition activists"]
    detained = groups[1]
    assert detained.disagree is False
    # With no source named, the outlet asserts the figure itself.
    assert detained.claims[0]["source_name"] == "<img src=x onerror=alert(1)> Daily (own reporting)"

"""Claim groups across documents: same quantity, its range, and where sources disagree."""

from __future__ import annotations

import pytest

from crisisdesk.model import Claim
from crisisdesk.resolve.claims import group_claims, subject_class, summarize


def claim(doc, category, subject, low, high, qualifier="exact", source=None, as_of=None) -> Claim:
    return Claim(doc, 0, 1, category, subject, low, high, qualifier, as_of, source, False, "claims.test", 0.8)


PUBLISHED = {"a": "2022-01-06", "b": "2022-01-06", "c": "2022-01-08", "d": "2022-03-20"}


@pytest.mark.parametrize(
    "subject, cls",
    [("law enforcement officers", "security-forces"), ("security officials", "security-forces"),
     ("policemen", "security-forces"), ("participants in the riots", "protesters"), ("demonstrators", "protesters"),
     ("bandits", "attackers"), ("people", "people"), (None, "people"), ("units of military equipment", "equipment")],
)
def test_subject_class(subject, cls):
    assert subject_class(subject) == cls


def test_same_quantity_shares_a_group():
    claims = [
        claim("a", "killed", "security officials", 13, 13),
        claim("b", "killed", "law enforcement officers", 13, 13, source="RIA Novosti"),
        claim("c", "killed", "policemen", 8, 8, as_of="2022-01-05"),
        claim("a", "injured", "security officials", 350, None, "at_least"),
        claim("c", "killed", "people", 26, 26, source="the Ministry of Internal Affairs"),
        claim("b", "killed", "protesters", 24, None, "at_least"),
    ]
    groups = group_claims(claims, published=PUBLISHED)
    assert groups[0] == groups[1] == groups[2]
    assert len({groups[0], groups[3], groups[4], groups[5]}) == 4


def test_different_periods_and_places_do_not_group():
    claims = [claim("a", "killed", "people", 26, 26), claim("d", "killed", "people", 26, 26),
              claim("b", "killed", "people", 26, 26)]
    assert len(set(group_claims(claims, published=PUBLISHED))) == 2
    by_place = group_claims(claims[:1] + claims[2:], places={"a": "KZ", "b": "KG"}, published=PUBLISHED)
    assert by_place[0] != by_place[1]


def test_summary_range_sources_and_disagreement():
    claims = [
        claim("a", "killed", "security officials", 13, 13, source="RIA Novosti, citing the city commandant's office"),
        claim("b", "killed", "policemen", 8, 8, as_of="2022-01-05"),
        claim("a", "injured", "security officials", 350, None, "at_least"),
        claim("b", "injured", "law enforcement officers", 353, 353, source="RIA Novosti"),
    ]
    killed, injured = summarize(claims, group_claims(claims, published=PUBLISHED))
    assert (killed.low, killed.high, killed.disagree) == (8, 13, True)
    assert killed.sources == ("RIA Novosti", None)
    assert (injured.low, injured.high, injured.disagree) == (350, None, False)


@pytest.mark.parametrize(
    "a, b, disagree",
    [((200, 200, "about"), (210, 210, "exact"), False), ((20, 30, "exact"), (25, 25, "exact"), False),
     ((None, 100, "at_most"), (150, 150, "exact"), True), ((1000, None, "at_least"), (353, 353, "exact"), True)],
)
def test_disagreement_is_non_overlap(a, b, disagree):
    claims = [claim("a", "killed", "people", *a), claim("b", "killed", "people", *b)]
    (group,) = summarize(claims, group_claims(claims, published=PUBLISHED))
    assert group.disagree is disagree

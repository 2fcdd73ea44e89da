"""Same actor, any spelling; different actors stay different."""

from __future__ import annotations

import pytest

from crisisdesk.eval.names import fold, same_actor, same_place

SAME = [
    ("Nikol Pashinyan", "Nicole Pashinyan"),  # transliteration of the first name
    ("Nikol Pashinyan", "Pashinian"),  # surname alone, another spelling
    ("Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev"),
    ("Kassym-Jomart Tokayev", "President Tokayev"),  # title dropped
    ("Pyotr Miloserdov", "Petr Miloserdov"),
    ("TASS", "Tass"),
    ("CSTO", "Collective Security Treaty Organization"),  # acronym and expansion
    ("Ministry of Internal Affairs of Kazakhstan", "Ministry of Internal Affairs"),
    ("Kazakh authorities", "authorities of Kazakhstan"),
    ("Almaty City Commandant’s Office", "Almaty city commandant's office"),
    ("Protesters (Kazakhstan)", "protesters"),
    ("REN TV", "REN TV channel"),
]

DIFFERENT = [
    ("Kassym-Jomart Tokayev", "Nursultan Nazarbayev"),
    ("Nikol Pashinyan", "Anna Pashinyan"),  # same surname, another person
    ("Ministry of Foreign Affairs of Russia", "Russia"),  # the country is not its ministry
    ("Sputnik", "TASS"),
    ("Ministry of Health of Kazakhstan", "Ministry of Internal Affairs of Kazakhstan"),
]


@pytest.mark.parametrize(("gold", "predicted"), SAME)
def test_same_actor(gold: str, predicted: str) -> None:
    assert same_actor(gold, [predicted])


@pytest.mark.parametrize(("gold", "predicted"), DIFFERENT)
def test_different_actor(gold: str, predicted: str) -> None:
    assert not same_actor(gold, [predicted])


def test_any_alias_counts() -> None:
    assert same_actor("Nikol Pashinyan", ["Armenian prime minister", "Nicole Pashinyan"])


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Zhanaozen", "Janaozen", True),
        ("Republic Square (Almaty)", "Republic Square", True),
        ("Almaty", "Almaty Region", False),
        ("Almaty", "Aktau", False),
    ],
)
def test_same_place(gold: str, predicted: str, same: bool) -> None:
    assert same_place(gold, [predicted]) is same


def test_fold() -> None:
    assert fold("  Almaty City Commandant’s  Office ") == "almaty city commandants office"
    assert fold("Türkiye") == "turkiye"

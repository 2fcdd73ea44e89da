"""ACLED-style actor names from the words events use."""

import pytest

from crisisdesk.resolve.event_actors import event_actor


@pytest.mark.parametrize("words,country,name", [
    ("3,000 people", "Kazakhstan", "Civilians (Kazakhstan)"),
    ("law enforcement officers", "Kazakhstan", "Police Forces of Kazakhstan"),
    ("Security forces", "Kazakhstan", "Military Forces of Kazakhstan"),
    ("the crowd", "Kazakhstan", "Protesters (Kazakhstan)"),
    ("looters", None, "Rioters"),
    ("Police", None, "Police Forces"),
    ("Dorin Malek", "Marvania", "Dorin Malek"),
    ("the Ministry of Internal Affairs", "Kazakhstan", "Ministry of Internal Affairs"),
])
def test_class_nouns_become_acled_actor_names(words, country, name):
    assert event_actor(words, country).name == name


@pytest.mark.parametrize("words", ["regional administration building", "two banks", "Those", "", None])
def test_property_and_pronouns_are_no_actor(words):
    assert event_actor(words, "Kazakhstan") is None

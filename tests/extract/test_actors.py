"""Names of actors from the parse, with the sentences that motivated each step."""

import pytest

from crisisdesk.extract.actors import looks_like_a_name, mentions
from crisisdesk.model import DocFacts, Document
from crisisdesk.nlp import parse


def names(text):
    document = Document(id="t", source="t", text=text)
    return [(m.text, m.kind, m.canonical) for m in mentions(next(parse([document])), facts=DocFacts(document=document))]


def test_given_name_before_a_curated_surname_is_part_of_the_name():
    found = names("The head of the council (coordinating body of the CSTO) Nicole Pashinyan said the forces would go.")
    assert ("Nicole Pashinyan", "person", "Nikol Pashinyan") in found


def test_role_words_are_not_given_names():
    found = names("President Vladimir Putin spoke to Kazakh President Tokayev on Friday.")
    assert ("Tokayev", "person", "Kassym-Jomart Tokayev") in found


def test_curated_organisations_and_state_forces_get_their_kind():
    found = dict((t, k) for t, k, _ in names("The Ministry of Internal Affairs said REN TV had filmed CSTO troops."))
    assert found.get("Ministry of Internal Affairs") == "state_force"
    assert found.get("REN TV") == "media"
    assert found.get("CSTO") == "organization"


@pytest.mark.parametrize("text,label,ok", [
    ("Mar 3, 2025", "PERSON", False), ("55th Mountain Brigade", "ORG", True), ("/", "ORG", False), ("Tokayev", "PERSON", True),
])
def test_what_looks_like_a_name(text, label, ok):
    assert looks_like_a_name(text, label) is ok

"""Actor identity across spellings: the sentences and names that motivated each step."""

import pytest

from crisisdesk.model import EntityMention
from crisisdesk.resolve.actors import resolve_actors
from crisisdesk.resolve.names import acronym, fold, similar


def m(doc, text, kind="person", label="PERSON", start=0, canonical=None):
    return EntityMention(doc=doc, start=start, end=start + len(text), text=text, label=label, kind=kind,
                         rule="mentions.ner", canonical=canonical)


def names_of(index):
    return {a.name: set(a.aliases) for a in index.actors()}


@pytest.mark.parametrize("a,b", [
    ("Nicole Pashinyan", "Nikol Pashinian"),
    ("Kassym-Zhomart Tokayev", "Kassym-Jomart Tokayev"),
    ("Collective Security Treaty Organisation", "Collective Security Treaty Organization"),
])
def test_transliteration_variants_fold_together(a, b):
    assert fold(a) == fold(b) or similar(fold(a), fold(b))


def test_acronym_of_expansion():
    assert acronym("Collective Security Treaty Organization") == "CSTO"
    assert acronym("Reuters") is None


def test_person_variants_and_surname_merge_across_documents():
    index = resolve_actors([
        m("d1", "Nicole Pashinyan", start=0),
        m("d2", "Nikol Pashinian", start=0),
        m("d2", "Pashinyan", start=40),
        m("d3", "assym-Jomart Tokayev", start=0),
        m("d4", "Kassym-Jomart Tokayev", start=0),
        m("d4", "Tokayev", start=50),
    ])
    actors = names_of(index)
    assert len(actors) == 2
    pash = next(v for k, v in actors.items() if "Pashin" in k)
    assert {"Nicole Pashinyan", "Nikol Pashinian", "Pashinyan"} <= pash
    tok = next(v for k, v in actors.items() if "Tokayev" in k)
    assert {"assym-Jomart Tokayev", "Kassym-Jomart Tokayev", "Tokayev"} <= tok


def test_people_sharing_a_surname_stay_apart():
    index = resolve_actors([m("d1", "Anna Petrova"), m("d2", "Olga Petrova")])
    assert len(index.actors()) == 2


def test_ambiguous_surname_joins_the_person_of_its_own_document():
    index = resolve_actors([
        m("d1", "Anna Petrova", start=0), m("d1", "Petrova", start=30),
        m("d2", "Olga Petrova", start=0),
    ])
    anna = index.id_of_mention(("d1", 0, 12))
    assert index.id_of_mention(("d1", 30, 37)) == anna
    assert index.id_of_mention(("d2", 0, 12)) != anna


def test_acronym_joins_its_organisation():
    org = dict(kind="organization", label="ORG")
    index = resolve_actors([
        m("d1", "Collective Security Treaty Organization", **org),
        m("d2", "Collective Security Treaty Organisation", **org),
        m("d2", "CSTO", start=60, **org),
    ])
    assert len(index.actors()) == 1
    assert index.actors()[0].name.startswith("Collective Security Treaty Organi")


def test_curated_names_use_their_canonical_id():
    index = resolve_actors([
        m("d1", "Tokaev", canonical="Kassym-Jomart Tokayev"),
        m("d2", "Tokayev", canonical="Kassym-Jomart Tokayev"),
    ])
    (actor,) = index.actors()
    assert actor.name == "Kassym-Jomart Tokayev"
    assert {"Tokaev", "Tokayev", "Kassym-Jomart Tokayev"} <= set(actor.aliases)


def test_free_text_reference_finds_the_actor():
    org = dict(kind="state_force", label="ORG")
    index = resolve_actors([m("d1", "Ministry of Internal Affairs", **org)])
    assert index.id_of_text("the Ministry of Internal Affairs", doc="d1") == index.actors()[0].id
    assert index.id_of_text("a passer-by") is None


def test_ensure_creates_an_actor_for_an_unseen_reference_once():
    index = resolve_actors([m("d1", "Anna Petrova")])
    first = index.ensure("the city commandant's office", doc="d1", kind="state_force")
    again = index.ensure("the city commandant's office", doc="d2")
    assert first == again
    assert any(a.name == "city commandant's office" for a in index.actors())
    assert index.ensure(None, doc="d1") is None


def test_clusters_with_one_canonical_name_export_one_actor():
    # "Kazakh" seen as a person and as an organisation folds to one id.
    index = resolve_actors([m("d1", "Kazakh", kind="person"), m("d2", "Kazakh", kind="organization", label="ORG")])
    ids = [a.id for a in index.actors()]
    assert len(ids) == len(set(ids)) == 1


def test_organisation_and_state_force_with_one_name_are_one_actor():
    index = resolve_actors([
        m("d1", "National Security Committee", kind="state_force", label="ORG"),
        m("d2", "National Security Commitee", kind="organization", label="ORG"),
        m("d3", "National Security Committee", kind="person"),
    ])
    force = index.id_of_mention(("d1", 0, 27))
    assert index.id_of_mention(("d2", 0, 26)) == force
    assert index.by_mention[("d3", 0, 27)] != index.by_mention[("d1", 0, 27)]  # a person is never an organisation


def test_a_name_like_two_actors_joins_the_first_seen():
    index = resolve_actors([m("d1", "Anna Petrova"), m("d2", "Agata Petrova"), m("d3", "A. Petrova")])
    assert len(index.actors()) == 2
    assert index.id_of_mention(("d3", 0, 10)) == index.id_of_mention(("d1", 0, 12))

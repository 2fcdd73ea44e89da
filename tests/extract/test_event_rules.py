"""Declarative event rules: every row of `patterns` in data/events.json codes the sentence that motivated it."""

from __future__ import annotations

import pytest

from crisisdesk import nlp
from crisisdesk.extract.event_rules import RULES, lexicon
from crisisdesk.extract.event_rules.patterns import compile_row
from crisisdesk.extract.events import events, trigger_index
from crisisdesk.model import DocFacts, Document

ROWS = [
    (name, i, row)
    for name, entry in lexicon()["rules"].items()
    for i, row in enumerate(entry.get("patterns", ()))
]


def run(text: str):
    document = Document(id="t", source="t", text=text, published="2022-01-06")
    return list(events(next(nlp.parse([document])), facts=DocFacts(document=document)))


@pytest.mark.parametrize("name,i,row", ROWS, ids=[f"{name}[{i}]" for name, i, _ in ROWS])
def test_row_reads_its_example(name, i, row):
    """The row itself reads a trigger word of its sentence (not only an earlier row of its rule)."""
    entry = lexicon()["rules"][name]
    pattern = compile_row(name, entry, row)
    triggers = set(entry["lemmas"])
    doc = nlp.load()(row["example"])
    assert any(
        pattern.read(t) is not None for t in doc if t.lemma_.lower() in triggers or t.lower_ in triggers
    ), row["example"]


@pytest.mark.parametrize("name,i,row", ROWS, ids=[f"{name}[{i}]" for name, i, _ in ROWS])
def test_row_codes_its_example(name, i, row):
    found = run(row["example"])
    assert any(
        e.rule == f"events.{name}"
        and [e.event_type, e.sub_event_type] == row["coding"]
        and e.confidence == row["confidence"]
        for e in found
    ), found


def test_declarative_rules_are_registered_with_their_example():
    for name, entry in lexicon()["rules"].items():
        if "patterns" in entry:
            (registered,) = [e for e in RULES.entries() if e.name == name]
            assert registered.example == entry["example"]


def test_every_rule_in_the_lexicon_is_registered_and_tried_in_its_order():
    names = list(lexicon()["rules"])
    assert sorted(names) == sorted(RULES.names())
    for word, rules in trigger_index().items():
        order = [names.index(n) for n in names if word in lexicon()["rules"][n]["lemmas"]]
        assert rules == tuple(RULES.get(names[k]) for k in order)


def test_an_unknown_pattern_key_is_refused():
    with pytest.raises(ValueError, match="unknown pattern keys"):
        compile_row("grenade", {"lemmas": ["grenade"]}, {"coding": ["a", "b"], "confidence": 0.5, "lemmata": ["x"]})


def test_a_word_list_may_be_named_or_given():
    entry = {"lemmas": ["shut"], "objects": ["internet"]}
    row = {"coding": ["Strategic developments", "Other"], "confidence": 0.8, "pos": ["VERB"], "clause": "token"}
    doc = nlp.load()("The authorities shut the internet.")
    shut = doc[2]
    assert compile_row("x", entry, {**row, "object_lemma": "objects"}).read(shut) is not None
    assert compile_row("x", entry, {**row, "object_lemma": ["internet"]}).read(shut) is not None
    assert compile_row("x", entry, {**row, "object_lemma": ["phone"]}).read(shut) is None


@pytest.mark.parametrize("sentence", [
    "Militants blew up a bridge near the border on Monday.",
    "He blew up the car with a remote control on Monday.",
    "Soldiers detonated the mine safely on Monday.",
])
def test_blowing_up_something_else_is_not_a_suicide_bomb(sentence):
    assert not [e for e in run(sentence) if e.sub_event_type == "Suicide bomb"]

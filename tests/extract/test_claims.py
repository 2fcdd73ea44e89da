"""Numeric claims: each rule with its sentence, the EXPORT.md shape, attribution, and the gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk.extract.attribution import CHAIN_SEPARATOR, primary_source
from crisisdesk.extract.claims import RULES, claims, opens_report
from crisisdesk.model import DocFacts, Document, TimeExpr
from crisisdesk.nlp import Parsed, load

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def extract(text: str, *, boilerplate=(), times=()) -> list:
    document = Document(id="t", source="test", text=text, published="2022-01-06", boilerplate=list(boilerplate))
    facts = DocFacts(document=document, times=list(times))
    return list(claims(Parsed(document, load()(text)), facts=facts))


def shape(c) -> tuple:
    return (c.category, c.low, c.high, c.qualifier)


# ---- every rule has its sentence, and that sentence makes a claim by that rule ----


@pytest.mark.parametrize("entry", RULES.entries(), ids=lambda e: e.name)
def test_rule_example(entry):
    found = extract(entry.example)
    assert any(c.rule == RULES.qualified(entry.name) for c in found), found


# ---- sentences -> claims ------------------------------------------------------------

CASES = [
    # seeds (short quotes as spec cases)
    ("13 security officials were killed, two of them were beheaded, more than 350 were wounded.",
     [("killed", 13, 13, "exact"), ("other", 2, 2, "exact"), ("injured", 350, None, "at_least")]),
    ("Several administrative buildings in Almaty were set on fire and over 190 hospitalized, mostly policemen.",
     [("hospitalized", 190, None, "at_least")]),
    ("It was about 50 units of military equipment.", [("deployed", 50, 50, "about")]),
    ("It became known about the death of two Kazakh servicemen during the battles for the airport.",
     [("killed", 2, 2, "exact")]),
    ("According to the press service of the department, dozens of participants in the riots were eliminated.",
     [("killed", 24, None, "at_least")]),
    # written for these tests
    ("353 people were injured and 13 killed.", [("injured", 353, 353, "exact"), ("killed", 13, 13, "exact")]),
    ("Police detained between 20 and 30 people.", [("detained", 20, 30, "exact")]),
    ("Officials buried 13 people killed in the clashes.", [("killed", 13, 13, "exact")]),
    ("Up to 20 thousand people were displaced by the fighting.", [("displaced", None, 20000, "at_most")]),
    ("A crowd of 5,000 people gathered outside the city hall.", [("protesters", 5000, 5000, "exact")]),
    ("The death toll rose to 164.", [("killed", 164, 164, "exact")]),
    ("Hundreds of protesters stormed the building.", [("protesters", 200, None, "at_least")]),
    ("Nearly 2,000 people have been hospitalized.", [("hospitalized", 2000, 2000, "about")]),
    ("Russia sent about 3,000 paratroopers to the country.", [("deployed", 3000, 3000, "about")]),
    ("Thirteen people were killed and a dozen were arrested.", [("killed", 13, 13, "exact"), ("detained", 12, 12, "exact")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_claims(text, expected):
    assert [shape(c) for c in extract(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan is, with 19 million people, its second-most-populous country.",  # demography
        "The organisation of five ex-Soviet states promised to send peacekeepers.",  # membership
        "A 25-year-old man spoke on January 6 at 21:00.",  # age, date, time
        "He was charged with embezzling $ 5 billion and sentenced to 22 months.",  # money, duration
        "Three administrative buildings were burned.",  # things, not people
        "The night before, one of the protesters rammed the office of a bank.",  # one of a set
        "No one was killed and 12 officers were not injured.",  # negated
        "Under Article 20 the state of emergency lasts 180 days.",  # article number, duration
    ],
)
def test_not_claims(text):
    assert extract(text) == []


# ---- subject, span, attribution, hedging, as_of ----------------------------------------


def test_subject_as_written_and_inherited():
    found = extract("13 law enforcement officers were killed, two of whom were beheaded, 353 were injured.")
    assert [c.subject for c in found] == ["law enforcement officers"] * 3


def test_span_holds_number_and_what_it_counts():
    text = "The city was attacked by 20 thousand militants, officials said."
    (c,) = extract(text)
    assert "20 thousand militants" in text[c.start : c.end]
    assert (c.category, c.low) == ("attackers", 20000)


@pytest.mark.parametrize(
    "text, source",
    [
        ("26 people were killed last night in Kazakhstan, according to the Ministry of Internal Affairs.",
         "the Ministry of Internal Affairs"),
        ("According to the country’s Ministry of Health, more than a thousand people were injured.",
         "the country’s Ministry of Health"),
        ("The authorities said that the city was attacked by “20 thousand militants.”", "The authorities"),
        ("More than 5,800 people were detained, the president's office said.", "the president's office"),
        ("Russia has massed more than 100,000 troops near the border, according to US and Ukrainian officials.",
         "US and Ukrainian officials"),
        ("Earlier, Russia’s Sputnik news service reported that police surrounded a group of about 200 protesters.",
         "Russia’s Sputnik news service"),
        ("13 security officials were killed.", None),
        ("According to preliminary information, 13 people were killed.", None),
    ],
)
def test_source(text, source):
    (c,) = extract(text)
    assert c.source_text == source


def test_source_chain_keeps_the_main_source_first():
    text = ("During the riots, 13 law enforcement officers were killed. This was reported by RIA Novosti "
            "with reference to the data of the city commandant’s office.")
    (c,) = extract(text)
    assert c.source_text == f"RIA Novosti{CHAIN_SEPARATOR}the city commandant’s office"
    assert primary_source(c.source_text) == "RIA Novosti"


def test_source_of_a_number_inside_a_quote_is_the_speaker():
    text = ("President Kassym-Jomart Tokayev spoke on television.\n\n“Terrorists continue to attack,” he said. "
            "“Only 20 thousand bandits attacked Almaty.”")
    (c,) = extract(text)
    assert c.source_text == "Kassym-Jomart Tokayev"


@pytest.mark.parametrize(
    "text, hedged",
    [
        ("Eight policemen were reportedly killed in clashes.", True),
        ("The ministry claimed that 2,500 troops had arrived.", True),
        ("Up to 30 people may have been killed.", True),
        ("There were also reports of shooting. It was about 50 units of military equipment.", True),
        ("Eight policemen were killed in clashes.", False),
    ],
)
def test_hedged(text, hedged):
    assert [c.hedged for c in extract(text)] == [hedged]


def test_as_of_from_the_time_of_the_sentence():
    text = "26 people were killed last night."
    night = TimeExpr("t", text.index("last"), text.index("."), "last night", "2022-01-05", "day", "times.test")
    assert extract(text, times=[night])[0].as_of == "2022-01-05"
    assert extract(text)[0].as_of is None


def test_boilerplate_is_skipped():
    text = "Photo: 13 officers were killed.\n\n8 policemen were killed."
    found = extract(text, boilerplate=[(0, text.index("\n"))])
    assert [c.low for c in found] == [8]


def test_claims_carry_provenance():
    (c,) = extract("Eight policemen were killed.")
    assert c.doc == "t" and c.rule.startswith("claims.") and 0 < c.confidence <= 1


# ---- the gold: every annotated claim found with its category and figures ---------------


def test_gold_claims_found():
    gold_dir, seed_dir = SHARED / "gold", SHARED / "seeds"
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} not found")
    found = missed = spurious = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        with (seed_dir / f"{gold['doc']}.txt").open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        document = Document(id=gold["doc"], source=str(path), text=text, published=gold["published"])
        predicted = list(claims(Parsed(document, load()(text)), facts=DocFacts(document=document)))
        matched = set()
        for g in gold["claims"]:
            start = text.index(g["evidence"])
            end = start + len(g["evidence"])
            hit = next((i for i, p in enumerate(predicted) if i not in matched and p.start < end and start < p.end
                        and (p.category, p.low, p.high) == (g["category"], g["low"], g["high"])), None)
            if hit is None:
                missed += 1
            else:
                matched.add(hit)
                found += 1
        spurious += len(predicted) - len(matched)
    f1 = 2 * found / (2 * found + missed + spurious)
    assert f1 >= 0.8, (found, missed, spurious)


@pytest.mark.parametrize("sentence, opens", [
    ("There were also reports of shooting.", True),
    ("“THERE ARE REPORTS that troops moved.", True),
    ("Unconfirmed reports", True),
    ("There were reporters outside.", False),
    ("Reports of shooting", False),
    ("", False),
])
def test_opens_report(sentence, opens):
    assert opens_report(sentence) is opens

"""Quotes and their speakers: sentences written for the tests, and the seeds' hard cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk.extract import actors
from crisisdesk.extract.quotes import RULES, quotes
from crisisdesk.model import DocFacts, Document
from crisisdesk.nlp import Parsed, load

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def extract(text: str, *, boilerplate: list[tuple[int, int]] | None = None) -> list[tuple[str, str | None, bool, str]]:
    document = Document(id="t", source="t", text=text, boilerplate=boilerplate or [])
    parsed = Parsed(document, load()(text))
    facts = DocFacts(document=document)
    facts.mentions = list(actors.mentions(parsed, facts=facts))
    return [(text[q.start : q.end], q.speaker_text, q.direct, q.rule) for q in quotes(parsed, facts=facts)]


def only(text: str) -> tuple[str, str | None, bool, str]:
    found = extract(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ("“The lessons of the past are cruel,” says political analyst Sergei Markov.", "The lessons of the past are cruel,", "Sergei Markov"),
        ("Sergei Markov is a political analyst. “We will not retreat from the city,” he said.", "We will not retreat from the city,", "Sergei Markov"),
        ("Anna Petrova spoke on Monday. “Prices will rise again next month,” the expert wrote.", "Prices will rise again next month,", "Anna Petrova"),
        ("According to John Smith, “the troops will leave the country soon.”", "the troops will leave the country soon.", "John Smith"),
        ("Minister John Smith said that the decision “will be taken by the council alone.”", "will be taken by the council alone.", "John Smith"),
    ],
)
def test_direct_quote_and_speaker(text, quote, speaker):
    got_quote, got_speaker, direct, _ = only(text)
    assert (got_quote, got_speaker, direct) == (quote, speaker, True)


def test_nested_quote_stays_inside_the_outer_one():
    got = only("“He told us that ‘the groups have emerged’ overnight, and we believed him,” said analyst Maria Lopez.")
    assert got[0] == "He told us that ‘the groups have emerged’ overnight, and we believed him,"
    assert got[1] == "Maria Lopez"


def test_quote_spanning_two_paragraphs():
    text = "Spokesman Peter Brown spoke at length.\n\n“The first part of the statement is here.\n\n“The second part closes it,” Brown said."
    got = only(text)
    assert got[0].startswith("The first part") and got[0].endswith("closes it,")
    assert got[1] == "Brown"


def test_quote_without_speaker_is_not_taken():
    assert extract("The protesters carried posters “We are not criminals! Give us work!” through the square.") == []


@pytest.mark.parametrize("text", ["The airport accepts aircraft “on request only”.", "He was called the “father of the nation” for years."])
def test_scare_quotes_are_not_quotes(text):
    assert extract(text) == []


def test_according_to_without_quotation_is_not_a_quote():
    assert extract("According to the ministry, 26 people were killed overnight.") == []


def test_reported_speech():
    got = only("Prime Minister Nikol Pashinyan said that the member countries decided to send forces.")
    assert got == ("the member countries decided to send forces", "Nikol Pashinyan", False, "quotes.reported-that-clause")


def test_reported_speech_with_content_first():
    got = only("Moscow also sent paratroopers to the region, the Collective Security Treaty Organization said.")
    assert got[0] == "Moscow also sent paratroopers to the region" and not got[2]


def test_negated_speech_verb_reports_nothing():
    assert extract("The president did not say which countries were behind the plot.") == []


def test_dash_speech_and_its_continuation():
    text = "– The city is calm now, the shops are open. – said police spokesman Arman Ospanov. – We urge residents to stay at home."
    found = extract(text)
    assert [(q[0], q[1], q[3]) for q in found] == [
        ("The city is calm now, the shops are open.", "Arman Ospanov", "quotes.dash"),
        ("We urge residents to stay at home.", "Arman Ospanov", "quotes.dash-continuation"),
    ]


def test_boilerplate_yields_no_quotes():
    text = "“We will restore order in every region,” the president said."
    assert extract(text, boilerplate=[(0, len(text))]) == []


@pytest.mark.parametrize("entry", RULES.entries(), ids=lambda e: e.name)
def test_every_rule_finds_its_motivating_sentence(entry):
    found = extract(entry.example)
    assert any(rule == RULES.qualified(entry.name) for _, _, _, rule in found), found


# ---- the seeds' hard cases (spec sentences from real reports) -----------------------


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        # closing mark printed as an opening one, role noun resolved backwards
        (
            "President Tokayev spoke on TV.\n\n“What kind of negotiations can there be with criminals? They need to be destroyed, “the President of Kazakhstan said in his address.",
            "What kind of negotiations can there be with criminals? They need to be destroyed,",
            "Tokayev",
        ),
        # spun "he additional" for "he added"
        ("Alexander Baunov spoke on Twitter.\n\n“Kazakhstan will test Russia’s actual capabilities,” he additional.", "Kazakhstan will test Russia’s actual capabilities,", "Alexander Baunov"),
        # name glued to the opening mark
        ("This was stated by the head of the diaspora. Polat Jamalov“Judging by the posts that I read, it is an occupation. ”", "Judging by the posts that I read, it is an occupation.", "Polat Jamalov"),
    ],
)
def test_seed_hard_cases(text, quote, speaker):
    got = [q for q in extract(text) if q[2]]
    assert got and got[0][0] == quote and got[0][1] is not None and speaker.split()[-1] in got[0][1]


def test_headline_quote_takes_the_speaker_of_the_body_quote_it_repeats():
    text = "“Those who do not surrender will be destroyed!” What next for the country?\n\n“Whoever does not surrender will be destroyed,” summed up Tokayev."
    found = extract(text)
    heading = [q for q in found if q[3] == "quotes.heading-echo"]
    assert heading and heading[0][0] == "Those who do not surrender will be destroyed!" and heading[0][1] == "Tokayev"


def test_seed_gold_quotes_are_mostly_found():
    """The gold's quotes in one seed: at least 80% covered by at least half (the eval's match)."""
    gold_file = SHARED / "gold" / "004_d06dc337ec535881.json"
    if not gold_file.is_file():
        pytest.skip("../shared/gold is not beside this checkout")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    text = (SHARED / "seeds" / f"{gold['doc']}.txt").read_text(encoding="utf-8")
    document = Document(id=gold["doc"], source="seed", text=text, published=gold["published"])
    parsed = Parsed(document, load()(text))
    facts = DocFacts(document=document)
    facts.mentions = list(actors.mentions(parsed, facts=facts))
    found = list(quotes(parsed, facts=facts))
    hits = 0
    for g in gold["quotes"]:
        gs = text.index(g["text"])
        ge = gs + len(g["text"])
        hits += any(max(0, min(ge, q.end) - max(gs, q.start)) * 2 >= ge - gs for q in found)
    assert hits >= 0.8 * len(gold["quotes"])


# ---- general cases found by the PolNeAR benchmark (sentences written for the tests) ----


def test_whole_paragraph_quote_continues_the_speaker_of_the_paragraph_before():
    text = (
        "Anna Weiss spoke to voters in Ohio on Monday. “We will fix the roads before winter,” she said.\n\n"
        "“Every town deserves a working bridge and a clean river.”"
    )
    found = extract(text)
    assert [(q[0], q[1]) for q in found] == [
        ("We will fix the roads before winter,", "Anna Weiss"),
        ("Every town deserves a working bridge and a clean river.", "Anna Weiss"),
    ]


def test_whole_paragraph_quote_after_a_reported_statement():
    text = "Anna Weiss said the process leaves voters with no choice.\n\n“At the end nobody asks the public what it wants.”"
    direct = [q for q in extract(text) if q[2]]
    assert direct == [("At the end nobody asks the public what it wants.", "Anna Weiss", True, "quotes.marks")]


def test_pronoun_goes_to_the_subject_not_the_nearer_object():
    text = "During the debate, Peter Novak attacked Maria Lopez over her record on taxes. “She has raised taxes nine times,” he said."
    assert only(text)[1] == "Peter Novak"


def test_passive_agent_is_a_foreground_antecedent():
    text = (
        "The plan was approved on Monday by Senator Julia Stone, who thanked Mark Hale for his work. "
        "She said that the council would send engineers to the town."
    )
    assert [q[1] for q in extract(text)] == ["Julia Stone"]


def test_statement_saying_speaks_for_its_issuer():
    got = only("Senator Mark Hale released a statement saying that the bill would hurt farmers.")
    assert got[:3] == ("the bill would hurt farmers", "Mark Hale", False)


def test_unrecognised_proper_noun_speaker_drops_its_apposition():
    got = only("“We are seeing a backlash against trade,” said Alden, author of a book on trade.")
    assert got[1] == "Alden"


def test_interjected_is_a_reporting_verb():
    assert only("“Because you would be in jail,” Mark Hale interjected.")[1] == "Mark Hale"

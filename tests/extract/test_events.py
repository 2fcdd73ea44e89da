"""Event coding: every rule with the sentence that motivated it, the not-events, dates, and the gold floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk import nlp
from crisisdesk.extract.event_rules import RULES
from crisisdesk.extract.events import events
from crisisdesk.model import DocFacts, Document, TimeExpr

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# A protest-crisis context: the rules that code crowd violence as Riots need to
# know that the report is about protests (as every seed is).
PROTEST = "Protesters gathered in the city on Tuesday.\n\n"


def run(
    text: str,
    *,
    times: list[TimeExpr] | None = None,
    boilerplate=None,
    published="2022-01-06",
):
    document = Document(
        id="t",
        source="t",
        text=text,
        published=published,
        boilerplate=boilerplate or [],
    )
    parsed = next(nlp.parse([document]))
    facts = DocFacts(document=document, times=times or [])
    return list(events(parsed, facts=facts))


# (rule, context, sentence, event_type, sub_event_type): each rule's motivating sentence.
RULE_CASES = [
    (
        "protest-occurs",
        "",
        "The protests started at the weekend over soaring prices for liquefied petroleum gas",
        "Protests",
        "Peaceful protest",
    ),
    (
        "protest-occurs",
        "",
        "The displays began over the weekend in the western region over high energy prices",
        "Protests",
        "Peaceful protest",
    ),
    (
        "protest-activity",
        "",
        "In Zhanaozen, protesters continue to demand a regime change",
        "Protests",
        "Peaceful protest",
    ),
    (
        "protest-activity",
        "",
        "At rallies across the nation, people chanted: “Old man, go away!”",
        "Protests",
        "Peaceful protest",
    ),
    (
        "fire-on-protesters",
        "",
        "in the evening the army, brought into the city, opened fire on a small meeting",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "protest-dispersed",
        "",
        "Tass later said protesters had been swept from the square",
        "Protests",
        "Protest with intervention",
    ),
    (
        "arson",
        PROTEST,
        "Several administrative buildings in Almaty were set on fire",
        "Riots",
        "Violent demonstration",
    ),
    (
        "arson",
        PROTEST,
        "The rebels set fire to the local city hall, prosecutor’s office and the building of the ruling party.",
        "Riots",
        "Violent demonstration",
    ),
    (
        "storming",
        PROTEST,
        "The building of the city hall of Almaty was taken by storm",
        "Riots",
        "Violent demonstration",
    ),
    (
        "storming",
        PROTEST,
        "On the night of January 6, protesters twice attempted to seize the city’s police department.",
        "Riots",
        "Violent demonstration",
    ),
    (
        "looting",
        PROTEST,
        "many trade establishments were looted in the city",
        "Riots",
        "Mob violence",
    ),
    (
        "crowd-violence",
        PROTEST,
        "The crowd stormed the square. At first, they beat law enforcement officers with sticks and other improvised means.",
        "Riots",
        "Violent demonstration",
    ),
    (
        "monument-toppled",
        PROTEST,
        "In Taldykorgan, a monument to the former head of state was pulled down from a pedestal.",
        "Riots",
        "Violent demonstration",
    ),
    (
        "destruction",
        PROTEST,
        "They destroyed the studios of the TV channels",
        "Riots",
        "Violent demonstration",
    ),
    (
        "destruction",
        PROTEST,
        "The airport of Alma-Ata was destroyed",
        "Riots",
        "Mob violence",
    ),
    (
        "armed-attack",
        "",
        "Taliban fighters have attacked a checkpoint in the northern province, killing 12 security force members",
        "Battles",
        "Armed clash",
    ),
    (
        "armed-attack",
        "",
        "Armed men attacked the stock exchange building on Monday.",
        "Violence against civilians",
        "Attack",
    ),
    (
        "rioting",
        "",
        "Anti-globalisation activists have rioted for a second night as the summit opened",
        "Riots",
        "Violent demonstration",
    ),
    (
        "rioting",
        PROTEST,
        "Demonstrators threw rocks at the police outside parliament.",
        "Riots",
        "Violent demonstration",
    ),
    (
        "protest-dispersed",
        "",
        "Security forces fired rubber bullets and tear gas to disperse the protesters, killing one.",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "clashes",
        PROTEST,
        "Throughout January 5, clashes took place in the cities of the republic",
        "Riots",
        "Violent demonstration",
    ),
    (
        "clashes",
        "",
        "Clashes broke out between the army and the rebels near the border.",
        "Battles",
        "Armed clash",
    ),
    (
        "fighting",
        PROTEST,
        "The airport of Alma-Ata was destroyed, fighting began in the streets.",
        "Battles",
        "Armed clash",
    ),
    ("gunfire", PROTEST, "Shootings are going on in Almaty.", "Battles", "Armed clash"),
    (
        "killed",
        PROTEST,
        "26 people were killed last night in Kazakhstan, according to the Ministry of Internal Affairs.",
        "Battles",
        "Armed clash",
    ),
    (
        "killed",
        PROTEST,
        "during the riots in the country, 13 law enforcement officers were killed",
        "Riots",
        "Violent demonstration",
    ),
    (
        "deployment",
        "",
        "the member countries of the association decided to send collective peacekeeping forces to Kazakhstan",
        "Strategic developments",
        "Other",
    ),
    (
        "deployment",
        "",
        "a Russian-led force of peacekeeping troops was on its way.",
        "Strategic developments",
        "Other",
    ),
    (
        "deployment",
        "",
        "On January 6, the CSTO made a decision to send troops to Kazakhstan.",
        "Strategic developments",
        "Other",
    ),
    (
        "appeal-for-help",
        "",
        "Tokayev appealed for help to the CSTO",
        "Strategic developments",
        "Other",
    ),
    (
        "appeal-for-help",
        "",
        "The country’s authorities turned to the CSTO for help.",
        "Strategic developments",
        "Other",
    ),
    (
        "emergency-declared",
        "",
        "A state of emergency was declared throughout Kazakhstan.",
        "Strategic developments",
        "Other",
    ),
    (
        "security-operation",
        "",
        "As stated by the vice mayor, an anti-terrorist operation began in the city.",
        "Strategic developments",
        "Other",
    ),
    (
        "security-operation",
        "",
        "On January 6, the authorities began to clean up the city from looters and instigators of mass riots.",
        "Strategic developments",
        "Other",
    ),
    (
        "internet-shutdown",
        "",
        "The Internet was disconnected in the country.",
        "Strategic developments",
        "Other",
    ),
    (
        "government-removed",
        "",
        "He also removed Nazarbayev as head of the powerful National Security Council",
        "Strategic developments",
        "Other",
    ),
    (
        "force-ordered",
        "",
        "he ordered the army to open fire to kill terrorists participating in the riots",
        "Strategic developments",
        "Other",
    ),
    (
        "council-formed",
        "",
        "a council of aksakals is being formed in Zhanaozen",
        "Strategic developments",
        "Other",
    ),
    (
        "power-transferred",
        "",
        "power has passed to the protesters.",
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    (
        "control-taken",
        "",
        "The army recaptured the town from the rebels on Monday.",
        "Battles",
        "Government regains territory",
    ),
    (
        "violence-against-civilians",
        "",
        "The activists were subjected to violence and taken to the police station.",
        "Violence against civilians",
        "Attack",
    ),
    (
        "abduction",
        "",
        "Three of its members have been abducted.",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "sexual-violence",
        "",
        "Two women were raped by soldiers.",
        "Violence against civilians",
        "Sexual violence",
    ),
    (
        "arrests",
        "",
        "Police arrested ten opposition activists on Sunday.",
        "Strategic developments",
        "Arrests",
    ),
    (
        "airstrike",
        "",
        "The warplanes targeted the region, killing and wounding 30 civilians",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        "shelling",
        "",
        "Mortar shells hit homes in the capital on Monday afternoon.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "remote-explosive",
        "",
        "A bomb placed in a garbage container exploded",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        "suicide-bomb",
        "",
        "A suicide bomber blew himself up in the city on Friday",
        "Explosions/Remote violence",
        "Suicide bomb",
    ),
    (
        "grenade",
        "",
        "two grenades were hurled from outside the compound wall",
        "Explosions/Remote violence",
        "Grenade",
    ),
    (
        "chemical-weapon",
        "",
        "a suspected chemical attack killed 28 people on Sunday",
        "Explosions/Remote violence",
        "Chemical weapon",
    ),
    (
        "weapons-seized",
        "",
        "Police have seized 50 Kalashnikov rifles, a grenade launcher and ammunition",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    (
        "agreement",
        "",
        "the government has released 30 separatist rebels in exchange for the release of 16 soldiers",
        "Strategic developments",
        "Agreement",
    ),
    (
        "group-change",
        "",
        "his forces have withdrawn from the port city",
        "Strategic developments",
        "Change to group/activity",
    ),
]


@pytest.mark.parametrize("rule,context,sentence,event_type,sub_event_type", RULE_CASES)
def test_rule_codes_its_sentence(rule, context, sentence, event_type, sub_event_type):
    text = context + sentence
    found = [e for e in run(text) if e.start >= len(context)]
    assert any(
        e.rule == f"events.{rule}"
        and (e.event_type, e.sub_event_type) == (event_type, sub_event_type)
        for e in found
    ), found


def test_every_rule_has_a_case_and_an_example():
    covered = {case[0] for case in RULE_CASES}
    assert set(RULES.names()) <= covered
    assert all(entry.example for entry in RULES.entries())


@pytest.mark.parametrize("entry", RULES.entries(), ids=RULES.names())
def test_registry_example_is_coded_by_its_rule(entry):
    """The sentence each registry entry holds (code or data) is coded by that rule, in a protest report."""
    found = [e for e in run(PROTEST + entry.example) if e.start >= len(PROTEST)]
    assert any(e.rule == RULES.qualified(entry.name) for e in found), found


# Not events (gold README: only what the text reports as happened): seed sentences.
NOT_EVENTS = [
    (
        "threat",
        "President Tokayev said that everyone who does not surrender will be destroyed.",
    ),
    ("threat", "“Whoever does not surrender will be destroyed,” summed up Tokayev."),
    (
        "future",
        "Also, a company of special forces of the 76th airborne division will go to Kazakhstan, REN TV reports.",
    ),
    (
        "modal",
        "They can be reinforced by the battalion of the 55th Mountain Brigade of the Central Military District.",
    ),
    (
        "modal",
        "The alliance said forces from Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan would be deployed to Kazakhstan.",
    ),
    ("plan", "Moscow has reportedly been readying forces to move to Kazakhstan."),
    (
        "request",
        "US State Department spokesman Ned Price called on all parties to resolve the situation peacefully.",
    ),
    (
        "conditional",
        "if the Russian troops are actively used to suppress the riots, this may cause hatred of the population.",
    ),
    (
        "denial",
        "There is no information that these troops are being used to cleanse the cities from pogromists.",
    ),
    ("question", "Why did the CSTO send troops to Kazakhstan?"),
    (
        "opinion",
        "They believe that the CSTO troops were sent to the country to quell the riots.",
    ),
    (
        "obligation",
        "We need to send troops as quickly as possible in the event of a mutiny.",
    ),
    (
        "history",
        "Nazarbayev, who ruled for nearly three decades before stepping down in 2019, has not been seen this week.",
    ),
    (
        "history",
        "Moscow has in the past deployed peacekeepers to countries that Putin fears are slipping out of his orbit.",
    ),
    ("history", "Police dispersed the protesters in the square thirty years ago."),
    ("history", "Back in the nineties, police dispersed the protesters in the square."),
    (
        "hearsay",
        "There have already been reports that Russian special forces participated in an operation to retake control of the airport.",
    ),
    ("purpose", "The decision to send soldiers there is especially indignant."),
    (
        "analysis",
        "He claimed that foreign-trained terrorist gangs were seizing buildings, infrastructure and weapons.",
    ),
    ("no act named", "The new law bans discrimination based on sexual orientation."),
]


@pytest.mark.parametrize("kind,sentence", NOT_EVENTS)
def test_not_an_event(kind, sentence):
    text = PROTEST + sentence
    found = [e for e in run(text) if e.start >= len(PROTEST)]
    assert found == [], (kind, found)


def test_boilerplate_caption_has_no_events():
    caption = "Protesters broke into the akimat building and set it on fire."
    assert run(caption, boilerplate=[(0, len(caption))]) == []
    assert run(caption)


def time(text: str, words: str, value: str, precision: str = "day") -> TimeExpr:
    start = text.index(words)
    return TimeExpr("t", start, start + len(words), words, value, precision, "test")


def test_date_is_the_governing_time_and_the_earliest_of_two():
    text = (
        PROTEST
        + "On the evening of January 5 and on the night of January 6, protesters twice attempted to seize the city’s police department."
    )
    times = [
        time(text, "January 5", "2022-01-05"),
        time(text, "January 6", "2022-01-06"),
    ]
    (event,) = [e for e in run(text, times=times) if e.rule == "events.storming"]
    assert event.date == "2022-01-05"


def test_time_of_another_clause_does_not_date_the_event():
    text = "In the west, in those regions where protests erupted on January 2, power has passed to the protesters."
    times = [time(text, "January 2", "2022-01-02")]
    (moved,) = [
        e for e in run(text, times=times) if e.rule == "events.power-transferred"
    ]
    assert moved.date is None


def test_ongoing_narration_gets_the_publication_date_and_past_gets_none():
    (ongoing,) = run(PROTEST + "Shootings are going on in Almaty.")[-1:]
    assert ongoing.date == "2022-01-06"
    (past,) = [
        e
        for e in run(PROTEST + "The Internet was disconnected in the country.")
        if e.rule == "events.internet-shutdown"
    ]
    assert past.date is None


def test_section_frame_dates_simple_past_narration():
    text = (
        "What is happening\n\nDisorder intensified … Throughout January 5, clashes took place in the cities.\n\n"
        "The rebels set fire to the local city hall."
    )
    times = [time(text, "January 5", "2022-01-05")]
    (fire,) = [e for e in run(text, times=times) if e.rule == "events.arson"]
    assert fire.date == "2022-01-05"


def gold_docs():
    gold = SHARED / "gold"
    if not gold.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    for path in sorted(gold.glob("*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))


def test_gold_precision_and_f1_floor():
    """Event mentions on the seeds (no places/times/claims needed): span overlap + event_type."""
    from crisisdesk.ingest.clean import clean

    tp = fp = fn = 0
    for g in gold_docs():
        text = (SHARED / "seeds" / f"{g['doc']}.txt").read_text(encoding="utf-8")
        cleaned = clean(text)
        document = Document(
            id=g["doc"],
            source=g["doc"],
            text=text,
            published=g["published"],
            boilerplate=list(cleaned.boilerplate),
            title_span=cleaned.title_span,
        )
        parsed = next(nlp.parse([document]))
        found = list(events(parsed, facts=DocFacts(document=document)))
        golds = [
            (
                text.find(e["evidence"]),
                text.find(e["evidence"]) + len(e["evidence"]),
                e["event_type"],
            )
            for e in g["events"]
        ]
        used: set[int] = set()
        for e in found:
            k = next(
                (
                    k
                    for k, (s, t, et) in enumerate(golds)
                    if k not in used
                    and e.start < t
                    and s < e.end
                    and et == e.event_type
                ),
                None,
            )
            if k is None:
                fp += 1
            else:
                used.add(k)
                tp += 1
        fn += len(golds) - len(used)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert precision >= 0.85 and f1 >= 0.75, (precision, recall, f1)


def test_a_one_line_snippet_is_its_own_report_but_a_headline_with_a_story_is_not():
    """Regression: CASE 2021 snippets were read as headlines and lost every event."""
    snippet = "Iraqi security forces arrested three members of Islamic State in Nineveh province"
    document = Document(id="t", source="t", text=snippet, title_span=(0, len(snippet)))
    parsed = next(nlp.parse([document]))
    assert [e.sub_event_type for e in events(parsed, facts=DocFacts(document=document))] == ["Arrests"]
    story = snippet + "\n\nThe arrests followed a raid on Monday."
    document = Document(id="t", source="t", text=story, title_span=(0, len(snippet)))
    parsed = next(nlp.parse([document]))
    found = events(parsed, facts=DocFacts(document=document))
    assert all(e.start > len(snippet) for e in found)


def test_section_start_is_the_end_of_the_last_heading_line_before():
    from crisisdesk.extract.events import section_start

    text = "Title of report\n\nFirst paragraph ends here.\n\nClashes in the west\n\nPolice fired. More later.\n"
    paragraph = text.index("Police")
    assert section_start(text, paragraph) == text.index("Clashes in the west") + len("Clashes in the west")
    assert section_start("One sentence. Two sentences.\n\nThree.", 30) is None


def test_clause_bounds_leave_out_a_conjoined_clause_and_outer_punctuation():
    from crisisdesk.extract.events import clause_bounds

    doc = nlp.load()("Protesters stormed the building, and police fired tear gas.")
    head = next(t for t in doc if t.text == "stormed")
    start, end = clause_bounds(head)
    assert doc.text[start:end] == "Protesters stormed the building"

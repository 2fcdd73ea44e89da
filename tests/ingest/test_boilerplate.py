"""Each boilerplate rule claims the line that motivated it, and not the prose around it."""

import pytest

from crisisdesk.ingest.boilerplate import BOILERPLATE
from crisisdesk.ingest.clean import find_residue


def _claimed(text: str) -> list[tuple[str, str]]:
    return [(r.rule, text[r.start : r.end]) for r in find_residue(text)]


@pytest.mark.parametrize("entry", BOILERPLATE.entries(), ids=lambda e: e.name)
def test_every_rule_claims_its_example(entry):
    text = f"{entry.example}\n"
    if entry.meta["zone"] != "header":
        text = f"Headline of the story\n\nFirst paragraph of the article.\n\n{entry.example}\n"
    rules = [rule for rule, _ in _claimed(text)]
    assert BOILERPLATE.qualified(entry.name) in rules


@pytest.mark.parametrize(
    "line, rule, span",
    [
        ("Jan 6, 2022", "dateline", "Jan 6, 2022"),
        (" date 2022-01-06 The situation remains tense.", "dateline-prefix", " date 2022-01-06"),
        ("By bne IntelIiNews January 5, 2022", "byline", "By bne IntelIiNews January 5, 2022"),
        ("0 0", "counters", "0 0"),
        ("Leave a Reply", "comment-prompt", "Leave a Reply"),
        ("Article Categories:", "category-label", "Article Categories:"),
        ("Click: See details", "details-link", "Click: See details"),
        ("In the photo: protesters against the rise in fuel prices.", "caption-label", None),
        ("In this image taken from footage, troops exit a plane.Credit:RU-RTR", "caption-label", None),
        ("Troops walk by the airport. (Photo: Valery Sharifulin / TASS)", "photo-credit", None),
        ("Riot police blocked a street on Thursday. Credit:AP", "credit-suffix", None),
        ("The building of the mayor's office (Kazakhstan).  06.01.2022.", "dated-caption", None),
        ("Triumphal Arch in Nur-Sultan.", "place-caption", None),
    ],
)
def test_rule_table(line, rule, span):
    text = f"{line}\n"
    if rule not in ("dateline", "dateline-prefix", "byline"):
        text = f"Headline\n\nA first paragraph that is plainly article text.\n\n{line}\n"
    claimed = dict(_claimed(text))
    key = f"boilerplate.{rule}"
    assert key in claimed
    assert claimed[key] == (span if span is not None else line)


@pytest.mark.parametrize(
    "line",
    [
        "By citing the presence of terrorists, the president could invoke the treaty.",
        "The most difficult situation has developed in Alma-Ata.",
        "Protesters stormed the city hall on January 5, 2022, and set it on fire, witnesses said today.",
        "What is the current situation in Kazakhstan?",
        "He was credited with restoring order.",
    ],
)
def test_prose_is_not_residue(line):
    text = f"Headline\n\n{line}\n\nAnother paragraph follows here.\n"
    assert _claimed(text) == []


def test_header_rules_stay_in_the_header():
    body = "\n\n".join(f"Paragraph {i} of the article text." for i in range(8))
    assert _claimed(f"Headline\n\n{body}\n\nJan 6, 2022\n") == []


def test_dateline_prefix_leaves_the_rest_of_the_line():
    text = " date 2022-01-06 The situation in the country remains tense."
    (residue,) = find_residue(text)
    assert text[residue.end :] == " The situation in the country remains tense."

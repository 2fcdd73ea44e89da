"""clean(): title, published date, outlet and boilerplate, on short texts and the real seeds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisdesk.ingest.clean import clean, rule_plan

# The residue lines the issue names, as they occur in the seeds: none may be article text.
SEED_RESIDUE_LINES = [
    "Jan 6, 2022",
    "Jan 8, 2022",
    " date 2022-01-06",
    " date 2022-01-05",
    "By bne IntelIiNews January 5, 2022",
    "0 0",
    "Leave a Reply",
    "Article Categories:",
    "Click: See details",
    "In the photo: protesters against the rise in fuel prices.",
    "(Photo: Yerlan Dzhumaev / TASS)",
    "Credit:AP",
    "Credit:Russian Defence Ministry Press Service",
    "Kazakhs clash with police during a protest in Aktobe, Kazakhstan.  January 5, 2022.",
    "Triumphal Arch in Nur-Sultan.",
    "The Washington Post, Reuters",
]


def test_seed_dates_titles_outlets(seeds):
    expected_published = ["2022-01-06", "2022-01-08", "2022-01-06", "2022-01-06", "2022-01-05"]
    expected_inferred = [False, False, False, True, False]
    for (stem, text, gold), published, inferred in zip(seeds, expected_published, expected_inferred, strict=True):
        cleaned = clean(text)
        assert (cleaned.published, cleaned.published_inferred) == (published, inferred), stem
        assert cleaned.published == gold["published"], stem
        assert cleaned.title == gold["title"], stem
        assert cleaned.outlet == gold["outlet"], stem
        if cleaned.title_span:
            assert text[slice(*cleaned.title_span)] == cleaned.title


def test_seed_residue_is_boilerplate(seeds):
    covered = 0
    for _stem, text, _gold in seeds:
        document_spans = clean(text).boilerplate
        for line in SEED_RESIDUE_LINES:
            start = text.find(line)
            while start >= 0:
                end = start + len(line)
                assert any(s <= start and end <= e for s, e in document_spans), line
                covered += 1
                start = text.find(line, end)
    assert covered >= len(SEED_RESIDUE_LINES)


def test_seed_article_text_is_not_boilerplate(seeds):
    for _stem, text, _gold in seeds:
        spans = clean(text).boilerplate
        total = sum(e - s for s, e in spans)
        assert total < 0.2 * len(text)


@pytest.mark.parametrize(
    "text, title",
    [
        ("Jan 6, 2022\n0 0\n\nAlma-Ata on fire: troops arrive\n\nText.", "Alma-Ata on fire: troops arrive"),
        (" date 2022-01-05 #Kazakhstan asks allies for help\n\nBy bne IntelIiNews\n\nText.", "Kazakhstan asks allies for help"),
        ("‘Order restored’ after protesters ‘deleted’ in K…\n\nText.", "‘Order restored’ after protesters ‘deleted’ in K…"),
        ("# Markdown headline\n\nText.", "Markdown headline"),
        (" date 2022-01-06 The situation remains tense. Protesters shot at police.\n\nMore.", None),
        ("A lead paragraph that ends with a full stop.\n\nMore.", None),
    ],
)
def test_title(text, title):
    cleaned = clean(text)
    assert cleaned.title == title
    if title:
        assert text[slice(*cleaned.title_span)] == title


def test_published_inferred_from_the_latest_full_date():
    text = "Riots spread\n\nTroops land, Thursday, January 6, 2022.Credit:TV\n\nRiots began on January 2, 2022, in the west."
    cleaned = clean(text)
    assert (cleaned.published, cleaned.published_inferred) == ("2022-01-06", True)


def test_published_none_without_a_full_date():
    cleaned = clean("Riots spread\n\nProtests began on Sunday and spread on Wednesday.")
    assert (cleaned.published, cleaned.published_inferred) == (None, False)


def test_weekday_disagreeing_with_the_date_is_not_evidence():
    assert clean("Headline\n\nOn Friday, January 6, 2022, nothing.").published is None


def test_crlf_offsets():
    text = "Jan 6, 2022\r\n0 0\r\n\r\nHeadline here\r\n\r\nArticle text.\r\nLeave a Reply\r\n"
    cleaned = clean(text)
    assert [text[s:e] for s, e in cleaned.boilerplate] == ["Jan 6, 2022", "0 0", "Leave a Reply"]
    assert text[slice(*cleaned.title_span)] == "Headline here"


def test_outlet_from_byline_and_closing_credit():
    assert clean("Headline\n\nBy Reuters\n\nText.").outlet == "Reuters"
    assert clean("Headline\n\nText.\n\nThe Washington Post, Reuters\n\nLeave a Reply").outlet == "The Washington Post, Reuters"
    assert clean("Headline\n\nBy John Smith\n\nText.").outlet is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"ab 1.,:#\r\n\u2026\U0001f600\u0301", "Jan 6, 2022", "Credit:", "By ", "in X."])).map("".join))
def test_never_raises_and_spans_are_inside(text):
    cleaned = clean(text)
    previous_end = 0
    for start, end in cleaned.boilerplate:
        assert previous_end <= start < end <= len(text)
        previous_end = end
    if cleaned.title_span:
        start, end = cleaned.title_span
        assert 0 <= start < end <= len(text) and text[start:end] == cleaned.title


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    cleaned = clean(text)
    assert all(0 <= s < e <= len(text) for s, e in cleaned.boilerplate)
    assert cleaned.published is None or len(cleaned.published) == 10


def test_rule_plan_keeps_registry_order_and_long_line_rules():
    short, long = rule_plan(("header", "any"))
    names = [name for _, name in short]
    assert names[:3] == ["boilerplate.dateline", "boilerplate.dateline-prefix", "boilerplate.byline"]
    assert "boilerplate.closing-credit" not in names
    assert [name for _, name in long] == ["boilerplate.dateline-prefix"]
    assert [name for _, name in rule_plan(("tail",))[0]] == ["boilerplate.closing-credit"]

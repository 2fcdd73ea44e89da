"""Hypothesis strategies for article-like text, hostile characters and raw bytes.

Pure random text almost never reaches a rule, so most examples are built
from fragments that do (numbers, dates, quotes, datelines, place and actor
words, written for these tests) glued with hostile separators: every newline
style, combining marks, emoji, astral-plane letters, control and bidi
characters.  The rest is arbitrary text and bytes.
"""

from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = (
    "Police detained 40 protesters in Ostrel on Monday.",
    "At least 12 people were killed, the interior ministry said.",
    "About 2,000 people joined the rally in the capital.",
    "Jan 6, 2022",
    "By Staff Reporter January 5, 2022",
    "\"We will not leave,\" said Anna Petrova, a teacher.",
    "“Whoever does not surrender will be destroyed,” the president said.",
    "Security forces opened fire on demonstrators near the city hall.",
    "Protesters stormed the administration building and set it on fire.",
    "The curfew was extended until January 19.",
    "Kazakhstan", "Almaty", "the Orenburg region", "CSTO", "Reuters",
    "on Wednesday", "last night", "two days ago", "between 5 and 10", "dozens", "hundreds of",
    "In the photo: protesters on the square.", "(Photo: Staff / Agency)", "Leave a Reply", "0 0",
    "# Headline", "<b>bold</b>", "&amp;", "said", "—", "...", "\"", "“", "”", "«", "»", "'",
)
HOSTILE = (
    "\r\n", "\r", "\n", "\n\n", "\t", " ", "\u00a0", "\u2028", "\u2029", "\x0c", "\x0b", "\x85",
    "e\u0301", "\u0301", "\u200b", "\u200d", "\ufeff", "\u202e", "\u2066",
    "🔥", "🧑🏽‍🚒", "🏛️", "🇰🇿", "𝐏𝐨𝐥𝐢𝐜𝐞", "𐍈", "\U0010fffd", "\ud7ff", "ﬁ", "İ", "ß", "ǅ",
)
SEPARATORS = st.sampled_from((" ", " ", " ", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", ""))
# Categories of arbitrary text: everything but surrogates (not encodable in UTF-8).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


def _join(parts: list[tuple[str, str]]) -> str:
    return "".join(part + sep for part, sep in parts)


articles = st.lists(
    st.tuples(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(HOSTILE), ANY_TEXT.map(lambda t: t[:40])), SEPARATORS),
    min_size=1,
    max_size=30,
).map(_join)
texts = st.one_of(articles, articles, articles, ANY_TEXT)
encodings = st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "latin-1", "cp1252"))


@st.composite
def encoded(draw) -> bytes:
    """Article-like text in some encoding (unencodable characters replaced), or raw bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=400))
    return draw(texts).encode(draw(encodings), errors="replace")

"""Quantities as news and machine translations write them, found in a token stream.

A `Quantity` is a run of tokens that states how many: "13", "1,000", "thirteen",
"20 thousand", "more than a thousand", "over 190", "up to 20,000", "about 200",
"between 20 and 30", "a dozen", "dozens", "tens of thousands".  Its `low`,
`high` and `qualifier` follow the export rules of EXPORT.md:

    "more than 350"      -> 350, None, at_least
    "up to 20 thousand"  -> None, 20000, at_most
    "about 200"          -> 200, 200, about
    "between 20 and 30"  -> 20, 30, exact
    "dozens"             -> 24, None, at_least   (the least that "dozens" can mean)

The scanner reads token texts only (no tagger or parser needed), so it works on
`spacy.blank("en")` as well as on the full pipeline.  It finds quantities; it
does not decide whether a quantity is a claim (dates, ages, money and article
numbers are refused by `is_not_a_count`, the rest is the claims extractor's job).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from spacy.tokens import Doc, Span, Token

from ..model import Qualifier
from .views import column, memoised

# Plain digits, digits with thousands separators (1,000 / 1.000 / 1 000 as one
# token) and decimals that scale words make whole ("1.5 million").
DIGITS = re.compile(r"^\d{1,3}(?:[,.\u202f\u00a0]\d{3})+$|^\d+$")
DECIMAL = re.compile(r"^\d+[.,]\d+$")
ORDINAL_DIGITS = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Abbreviated scales in wire copy and translations ("20 thous.", "1.2 mln", "5k").
SCALE_ABBREVIATIONS = {"thous": 1_000, "thous.": 1_000, "k": 1_000, "mln": 1_000_000, "mn": 1_000_000}

# Vague plurals: the least each can mean, reported as `at_least` (EXPORT.md
# fixes "dozens" at 24, i.e. two dozen; the others follow the same reading).
VAGUE_PLURALS = {"dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000}
# "tens of thousands", "hundreds of thousands": at least two tens (hundreds) of the scale.
VAGUE_MULTIPLIERS = {"tens": 10, "hundreds": 100}
PLURAL_SCALES = {"thousands": 1_000, "millions": 1_000_000}
# "several hundred", "a few thousand": at least two of the scale.
SEVERAL = {"several", "a few", "few"}
SEVERAL_LEAST = 2

# Qualifier phrases before a number, longest first when matched.  "nearly" and
# "almost" are read as `about`: a report of "nearly 200" is compared with "200",
# not with every figure below it.
QUALIFIER_PHRASES: dict[tuple[str, ...], Qualifier] = {
    ("more", "than"): "at_least", ("over",): "at_least", ("at", "least"): "at_least",
    ("no", "fewer", "than"): "at_least", ("no", "less", "than"): "at_least",
    ("not", "less", "than"): "at_least", ("upwards", "of"): "at_least",
    ("in", "excess", "of"): "at_least", ("above",): "at_least", ("at", "minimum"): "at_least",
    ("up", "to"): "at_most", ("less", "than"): "at_most", ("fewer", "than"): "at_most",
    ("under",): "at_most", ("at", "most"): "at_most", ("no", "more", "than"): "at_most",
    ("not", "more", "than"): "at_most", ("as", "many", "as"): "at_most",
    ("about",): "about", ("around",): "about", ("approximately",): "about",
    ("roughly",): "about", ("some",): "about", ("nearly",): "about", ("almost",): "about",
    ("close", "to"): "about", ("an", "estimated"): "about", ("estimated",): "about",
    ("circa",): "about", ("approx.",): "about", ("about", "a"): "about",
}
LONGEST_QUALIFIER = max(len(k) for k in QUALIFIER_PHRASES)

RANGE_JOINERS = {"-", "–", "—", "to", "or"}
OR_SUFFIXES: dict[str, Qualifier] = {"more": "at_least", "so": "about"}
# A bare four-digit number after these words is a year ("in 1986", "since 2014").
YEAR_PREPOSITIONS = {"in", "since", "of", "until", "till", "by", "from", "before", "after", "during", "year"}
YEAR_RANGE = range(1800, 2101)

# Words right before a number that make it a label, not a count ("Article 20",
# "No. 5", "flight 123").
LABEL_WORDS = {
    "article", "no", "no.", "number", "paragraph", "part", "clause", "chapter", "section",
    "resolution", "flight", "page", "route", "#", "item", "decree", "law", "room", "unit",
    "building", "house", "apartment", "platform", "gate", "bus", "tel", "tel.", "phone",
}
# Words right after a number that make it a measure, a date or an age.
MEASURE_WORDS = {
    "year", "years", "month", "months", "day", "days", "hour", "hours", "minute", "minutes",
    "second", "seconds", "week", "weeks", "decade", "decades", "century", "centuries",
    "percent", "per", "%", "km", "kilometres", "kilometers", "miles", "metres", "meters",
    "kg", "tons", "tonnes", "a.m.", "p.m.", "am", "pm", "o'clock", "times", "fold",
    "dollars", "rubles", "roubles", "tenge", "euros", "pounds", "hryvnia", "yuan", "usd",
    "eur", "rub", "kzt", "cents", "barrels", "litres", "liters",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
MONTHS = {w for w in MEASURE_WORDS if w[:3] in {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}}
CURRENCY_SIGNS = {"$", "£", "€", "₽", "¥", "₸", "₴", "us$"}
# spaCy entity labels under which a number is never a count of people or things.
NOT_COUNT_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


# Words a quantity can start with (2. "a thousand", "twenty"; 1. "dozens",
# "tens of", "several hundred"); any other token starts one only if it holds a digit.
STARTING_WORDS = (
    set(UNITS) | set(TENS) | set(VAGUE_PLURALS) | set(VAGUE_MULTIPLIERS)
    | {phrase.split()[0] for phrase in SEVERAL} | {"a", "one"}
)


def may_start_quantity(lower: str) -> bool:
    """Whether a quantity can begin at a token, by its lower-case form (spaCy's `lower_`
    is `text.lower()`, which keeps every digit): a cheap test that spares the full
    reading of the nine tokens in ten that are plain words."""
    if lower in STARTING_WORDS:
        return True
    return not lower.isalpha() and any(c.isdigit() for c in lower)  # a word of letters holds no digit


def quantity_starts(doc: Doc) -> list[int]:
    """The indices of a Doc's tokens where a quantity may begin, found once per Doc
    on its column of lower-case forms, so the scan makes Tokens only there: making
    every token of every sentence was most of its time."""

    def build(d: Doc) -> list[int]:
        # Each distinct word tested once, then the column scanned by compress/map in C:
        # a Python loop over the two thousand words of a long text was most of this view.
        lowers = column(d, "LOWER")
        verdict = {word: may_start_quantity(word) for word in set(lowers)}
        return list(compress(range(len(lowers)), map(verdict.__getitem__, lowers)))

    return memoised(doc, "numbers.quantity_starts", build)


class SpanTokens(Sequence[Token]):
    """The tokens of a Span as a sequence, each made on its first reading and kept:
    a Span makes a new Token on every index, and the scan reads a few tokens around
    each possible start, a small part of the sentence."""

    def __init__(self, span: Span):
        self.doc, self.start, self.length = span.doc, span.start, len(span)
        self.made: dict[int, Token] = {}
        self.lowers = column(span.doc, "LOWER")

    def lower(self, i: int) -> str:
        """Token i's lower-case form, "" outside the span: read off the Doc's column,
        since the scan looks a few words ahead and behind of every possible start."""
        return self.lowers[self.start + i] if 0 <= i < self.length else ""

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.length))]
        if not 0 <= i < self.length:
            raise IndexError(i)
        token = self.made.get(i)
        if token is None:
            token = self.made[i] = self.doc[self.start + i]
        return token


@dataclass(frozen=True)
class Quantity:
    """Tokens [start, end) of one stated quantity and what they mean."""

    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: Qualifier


def number_value(text: str) -> float | None:
    """The value of one token: "1,000" -> 1000, "thirteen" -> 13, "1.5" -> 1.5."""
    low = text.lower()
    if DIGITS.match(text):
        return float(re.sub(r"[,.\u202f\u00a0]", "", text))
    if DECIMAL.match(text):
        return float(text.replace(",", "."))
    if low in UNITS:
        return float(UNITS[low])
    if low in TENS:
        return float(TENS[low])
    return None


def _scale(word: str) -> int | None:
    return SCALES.get(word) or SCALE_ABBREVIATIONS.get(word)


def _read_number(tokens: SpanTokens, i: int) -> tuple[int, int] | None:
    """A number written with digits and/or words from token i: (value, end index).

    Handles "20", "20 thousand", "a thousand", "twenty - five", "two hundred and
    fifty", "two thousand five hundred", "1.5 million", "a dozen", "two dozen".
    """
    total, current, j = 0.0, None, i
    if tokens.lower(j) in ("a", "one") and (_scale(tokens.lower(j + 1)) or tokens.lower(j + 1) == "dozen"):
        current, j = 1.0, j + 1
    while j < len(tokens):
        word = tokens.lower(j)
        value = number_value(tokens[j].text)
        if value is not None:
            if current is None:
                current = value
            elif tokens[j].is_alpha and (current == 0 or _is_word_tail(current, value)):
                current += value
            else:
                break
            j += 1
        elif current is not None and word in ("-", "–") and tokens.lower(j + 1) in UNITS and current in TENS.values():
            current += UNITS[tokens.lower(j + 1)]
            j += 2
        elif current is not None and word == "dozen":
            current, j = current * 12, j + 1
        elif current is not None and _scale(word):
            current *= _scale(word)
            j += 1
            if current >= 1000:
                total, current = total + current, 0.0
            if word == "hundred" and tokens.lower(j) == "and" and j + 1 < len(tokens) and tokens[j + 1].is_alpha \
                    and number_value(tokens[j + 1].text) is not None:
                j += 1
        else:
            break
    if current is None:
        return None
    value = total + current
    if value != int(value):
        return None
    return int(value), j


def _is_word_tail(current: float, value: float) -> bool:
    """Whether `value` continues a spelled number: "twenty" + "five", "hundred" + "fifty"."""
    return (current >= 20 and current % 10 == 0 and value < 10) or (current >= 100 and current % 100 == 0 and value < 100)


def _qualifier_before(tokens: SpanTokens, i: int) -> tuple[Qualifier, int] | None:
    """The qualifier phrase ending right before token i, and where it starts."""
    for size in range(LONGEST_QUALIFIER, 0, -1):
        words = tuple(tokens.lower(k) for k in range(i - size, i))
        if i - size >= 0 and words in QUALIFIER_PHRASES:
            return QUALIFIER_PHRASES[words], i - size
    return None


def _vague(tokens: SpanTokens, i: int) -> tuple[int, int] | None:
    """A vague count from token i: "dozens", "tens of thousands", "several hundred"."""
    word = tokens.lower(i)
    if word in VAGUE_MULTIPLIERS and tokens.lower(i + 1) == "of" and tokens.lower(i + 2) in PLURAL_SCALES:
        return SEVERAL_LEAST * VAGUE_MULTIPLIERS[word] * PLURAL_SCALES[tokens.lower(i + 2)], i + 3
    if word in VAGUE_PLURALS:
        return VAGUE_PLURALS[word], i + 1
    for phrase in SEVERAL:
        parts = phrase.split()
        if [tokens.lower(i + k) for k in range(len(parts))] == parts:
            nxt = tokens.lower(i + len(parts))
            scale = _scale(nxt) or (12 if nxt == "dozen" else None)
            if scale:
                return SEVERAL_LEAST * scale, i + len(parts) + 1
    return None


def is_not_a_count(tokens: SpanTokens, start: int, end: int) -> bool:
    """Whether the number in tokens[start:end] is a date, time, age, measure, price or label."""
    first, last = tokens[start], tokens[end - 1]
    if any(t.ent_type_ in NOT_COUNT_LABELS for t in tokens[start:end] if t.like_num):
        return True
    before, after = tokens.lower(start - 1), tokens.lower(end)
    if before in LABEL_WORDS or before in CURRENCY_SIGNS or before in MONTHS:
        return True
    if after in MEASURE_WORDS or after in CURRENCY_SIGNS:
        return True
    if after in ("-", "–") and tokens.lower(end + 1) in MEASURE_WORDS | {"year-old", "strong"}:
        return True
    if "-" in last.text and last.text.split("-")[-1].lower() in MEASURE_WORDS | {"year-old"}:
        return True
    if ORDINAL_DIGITS.match(first.text) or ":" in first.text:
        return True
    if end - start == 1 and first.text.isdigit() and int(first.text) in YEAR_RANGE and before in YEAR_PREPOSITIONS:
        return True
    # Phone numbers and codes: several digit groups joined by hyphens or spaces.
    joined = "".join(t.text_with_ws for t in tokens[max(0, start - 2): end + 3])
    return bool(re.search(r"\d+[-\s]\d+[-\s]\d+", joined))


def find_quantities(doclike: Doc | Span) -> list[Quantity]:
    """Every stated quantity in a Doc or Span, left to right, not overlapping;
    token indices are relative to its start.

    Steps:
    1. a vague plural ("dozens", "tens of thousands", "several hundred"): at_least;
    2. a number in digits or words, with its scale ("20 thousand", "a dozen");
    3. a range after it ("20-30", "20 to 30", "between 20 and 30"): exact low/high;
    4. a qualifier phrase before it ("more than", "up to", "about").
    Numbers that `is_not_a_count` are skipped.
    """
    span = doclike[:] if isinstance(doclike, Doc) else doclike
    every_start = quantity_starts(span.doc)
    starts = every_start[bisect_left(every_start, span.start) : bisect_left(every_start, span.end)]
    starts = [k - span.start for k in starts]
    tokens = SpanTokens(span)
    found: list[Quantity] = []
    i = n = 0
    while (n := bisect_left(starts, i, n)) < len(starts):  # the next token >= i that may start one
        i = start = starts[n]
        vague = _vague(tokens, i)
        if vague:  # 1.
            least, end = vague
            qualifier: Qualifier = "at_least"
            low, high = least, None
        else:
            read = _read_number(tokens, i)  # 2.
            if read is None or ORDINAL_DIGITS.match(tokens[i].text):
                i += 1
                continue
            value, end = read
            low, high, qualifier = value, value, "exact"
            between = tokens.lower(start - 1) == "between"
            joiner, after = tokens.lower(end), tokens.lower(end + 1)
            if joiner == "or" and after in OR_SUFFIXES:  # "1,000 or more", "50 or so"
                qualifier = OR_SUFFIXES[after]
                high, end = (None if qualifier == "at_least" else high), end + 2
            elif (between and joiner == "and") or (not between and joiner in RANGE_JOINERS):  # 3.
                second = _read_number(tokens, end + 1)
                if second and second[0] > value:
                    high, end = second
                    if between:
                        start -= 1
        if is_not_a_count(tokens, start if tokens.lower(start) != "between" else start + 1, end):
            i = end
            continue
        if qualifier == "exact" and low == high:  # 4.
            before = _qualifier_before(tokens, start)
            if before:
                qualifier, start = before
                if qualifier == "at_least":
                    high = None
                elif qualifier == "at_most":
                    low = None
        found.append(Quantity(start=start, end=end, low=low, high=high, qualifier=qualifier))
        i = end
    return found

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
from dataclasses import dataclass
from itertools import compress, filterfalse

from spacy.tokens import Doc, Span

from ..model import Qualifier
from .views import column, flags, memoised

# Plain digits, digits with thousands separators (1,000 / 1.000 / 1 000 as one
# token) and decimals that scale words make whole ("1.5 million").
DIGITS = re.compile(r"^\d{1,3}(?:[,.\u202f\u00a0]\d{3})+$|^\d+$")
SEPARATORS = re.compile(r"[,.\u202f\u00a0]")
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
# Each phrase of SEVERAL by its first word (no two share one).
SEVERAL_BY_FIRST = {parts[0]: parts for parts in (tuple(phrase.split()) for phrase in SEVERAL)}
# The words a vague count begins with: any other start is read as a number.
VAGUE_FIRST_WORDS = set(VAGUE_MULTIPLIERS) | set(VAGUE_PLURALS) | set(SEVERAL_BY_FIRST)

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
# A measure or an age after a hyphen: "20 - strong", "25-year-old".
HYPHENED_MEASURE_WORDS = MEASURE_WORDS | {"year-old", "strong"}
MEASURE_OR_AGE_WORDS = MEASURE_WORDS | {"year-old"}
# Phone numbers and codes: several digit groups joined by hyphens or spaces.
DIGIT_GROUPS = re.compile(r"\d+[-\s]\d+[-\s]\d+")
# spaCy entity labels under which a number is never a count of people or things.
NOT_COUNT_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


# Words a quantity can start with (2. "a thousand", "twenty"; 1. "dozens",
# "tens of", "several hundred"); any other token starts one only if it holds a digit.
STARTING_WORDS = (
    set(UNITS) | set(TENS) | set(VAGUE_PLURALS) | set(VAGUE_MULTIPLIERS)
    | {phrase.split()[0] for phrase in SEVERAL} | {"a", "one"}
)


# "a" starts a quantity only before these ("a thousand", "a dozen", "a few
# hundred"); anywhere else it is the article, 43% of the possible starts of the
# bench texts, each read in full for nothing.
A_FOLLOWERS = set(SCALES) | set(SCALE_ABBREVIATIONS) | {"dozen", "few"}


def starting_words(words: set[str]) -> set[str]:
    """The lower-case forms among `words` that a quantity can begin with (spaCy's
    `lower_` is `text.lower()`, which keeps every digit): a cheap test that spares
    the full reading of the nine tokens in ten that are plain words.  Words of
    letters only are set aside by `str.isalpha` in C, so the digit test runs in
    Python on the few others: a test per distinct word was most of `quantity_starts`."""
    with_digit = {w for w in filterfalse(str.isalpha, words) if any(map(str.isdigit, w))}
    return (words & STARTING_WORDS) | with_digit


def quantity_starts(doc: Doc) -> list[int]:
    """The indices of a Doc's tokens where a quantity may begin, found once per Doc
    on its column of lower-case forms, so the scan makes Tokens only there: making
    every token of every sentence was most of its time."""

    def build(d: Doc) -> list[int]:
        # The distinct words tested, then the column scanned by compress/map in C:
        # a Python loop over the two thousand words of a long text was most of this view.
        lowers = column(d, "LOWER")
        starts = compress(range(len(lowers)), map(starting_words(set(lowers)).__contains__, lowers))
        return [i for i in starts if lowers[i] != "a" or i + 1 < len(lowers) and lowers[i + 1] in A_FOLLOWERS]

    return memoised(doc, "numbers.quantity_starts", build)


class SpanWords:
    """What the scan reads of a Span's tokens, relative to its start: the texts off
    the Doc's columns (which other extractors have built), since a Span makes a new
    Token on every index and Tokens read around every start were a sixth of
    `find_quantities`; flags and entity types of the few numbers from Tokens, since
    a column of them built for a few reads cost more than the Tokens."""

    def __init__(self, span: Span):
        self.doc, self.start, self.length = span.doc, span.start, len(span)
        self.lowers = column(span.doc, "LOWER")
        self.texts = column(span.doc, "ORTH")

    def __len__(self) -> int:
        return self.length

    def lower(self, i: int) -> str:
        """Token i's lower-case form, "" outside the span: the scan looks a few words
        ahead and behind of every possible start."""
        return self.lowers[self.start + i] if 0 <= i < self.length else ""

    def text(self, i: int) -> str:
        """Token i's text (`Token.text`); i must lie inside the span."""
        return self.texts[self.start + i]

    def is_alpha(self, i: int) -> bool:
        """`Token.is_alpha` of token i, inside the span."""
        return self.doc[self.start + i].is_alpha

    def text_with_ws(self, lo: int, hi: int) -> str:
        """The text of tokens [lo, hi) clipped to the span, trailing spaces kept."""
        words, spaced = self.texts, flags(self.doc, "SPACY")
        first, last = self.start + max(lo, 0), self.start + min(hi, self.length)
        return "".join([words[k] + " " if spaced[k] else words[k] for k in range(first, last)])

    def any_number_labelled(self, lo: int, hi: int, labels: set[str]) -> bool:
        """Whether a number-like token of [lo, hi) has an entity label among `labels`."""
        numbers = (t for t in map(self.doc.__getitem__, range(self.start + lo, self.start + hi)) if t.like_num)
        return any(t.ent_type_ in labels for t in numbers)


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
        return float(SEPARATORS.sub("", text))
    if DECIMAL.match(text):
        return float(text.replace(",", "."))
    if low in UNITS:
        return float(UNITS[low])
    if low in TENS:
        return float(TENS[low])
    return None


def _scale(word: str) -> int | None:
    return SCALES.get(word) or SCALE_ABBREVIATIONS.get(word)


def _read_number(tokens: SpanWords, i: int) -> tuple[int, int] | None:
    """A number written with digits and/or words from token i: (value, end index).

    Handles "20", "20 thousand", "a thousand", "twenty - five", "two hundred and
    fifty", "two thousand five hundred", "1.5 million", "a dozen", "two dozen".
    """
    total, current, j = 0.0, None, i
    if tokens.lower(j) in ("a", "one") and (_scale(tokens.lower(j + 1)) or tokens.lower(j + 1) == "dozen"):
        current, j = 1.0, j + 1
    while j < len(tokens):
        word = tokens.lower(j)
        value = number_value(tokens.text(j))
        if value is not None:
            if current is None:
                current = value
            elif tokens.is_alpha(j) and (current == 0 or _is_word_tail(current, value)):
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
            if word == "hundred" and tokens.lower(j) == "and" and j + 1 < len(tokens) and tokens.is_alpha(j + 1) \
                    and number_value(tokens.text(j + 1)) is not None:
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


def _qualifier_before(tokens: SpanWords, i: int) -> tuple[Qualifier, int] | None:
    """The qualifier phrase ending right before token i, and where it starts."""
    for size in range(LONGEST_QUALIFIER, 0, -1):
        words = tuple(tokens.lower(k) for k in range(i - size, i))
        if i - size >= 0 and words in QUALIFIER_PHRASES:
            return QUALIFIER_PHRASES[words], i - size
    return None


def _vague(tokens: SpanWords, i: int) -> tuple[int, int] | None:
    """A vague count from token i: "dozens", "tens of thousands", "several hundred"."""
    word = tokens.lower(i)
    if word not in VAGUE_FIRST_WORDS:  # nearly every start: a digit or a number word
        return None
    if word in VAGUE_MULTIPLIERS and tokens.lower(i + 1) == "of" and tokens.lower(i + 2) in PLURAL_SCALES:
        return SEVERAL_LEAST * VAGUE_MULTIPLIERS[word] * PLURAL_SCALES[tokens.lower(i + 2)], i + 3
    if word in VAGUE_PLURALS:
        return VAGUE_PLURALS[word], i + 1
    parts = SEVERAL_BY_FIRST.get(word)
    if parts is not None and tuple(tokens.lower(i + k) for k in range(len(parts))) == parts:
        nxt = tokens.lower(i + len(parts))
        scale = _scale(nxt) or (12 if nxt == "dozen" else None)
        if scale:
            return SEVERAL_LEAST * scale, i + len(parts) + 1
    return None


def is_not_a_count(tokens: SpanWords, start: int, end: int) -> bool:
    """Whether the number in tokens[start:end] is a date, time, age, measure, price or label."""
    first, last = tokens.text(start), tokens.text(end - 1)
    if tokens.any_number_labelled(start, end, NOT_COUNT_LABELS):
        return True
    before, after = tokens.lower(start - 1), tokens.lower(end)
    if before in LABEL_WORDS or before in CURRENCY_SIGNS or before in MONTHS:
        return True
    if after in MEASURE_WORDS or after in CURRENCY_SIGNS:
        return True
    if after in ("-", "–") and tokens.lower(end + 1) in HYPHENED_MEASURE_WORDS:
        return True
    if "-" in last and last.split("-")[-1].lower() in MEASURE_OR_AGE_WORDS:
        return True
    if ORDINAL_DIGITS.match(first) or ":" in first:
        return True
    if end - start == 1 and first.isdigit() and int(first) in YEAR_RANGE and before in YEAR_PREPOSITIONS:
        return True
    return bool(DIGIT_GROUPS.search(tokens.text_with_ws(start - 2, end + 3)))


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
    tokens = SpanWords(span)
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
            if read is None or ORDINAL_DIGITS.match(tokens.text(i)):
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

"""Time expressions as text patterns, and their calendar values.

A pure grammar with no spaCy in it, so that every extractor (times, events,
claims) reads the same calendar for the same words.  Each pattern is a named
rule in `RULES` holding the sentence that motivated it; its resolver turns the
regex match into an `Interval`, given a `Context`:

- `published`: the document's publication date, the "now" of every relative
  expression ("yesterday", "on Wednesday", "this week").  Without it only
  expressions carrying their own year resolve.
- `tense`: "past", "present" or "future" for the clause the expression sits
  in; it picks between the Wednesday before publication and the one after.
- `anchor`: the last day (or span of days) the text named before this
  expression, which "the same day", "the night before" and "in the next two
  days" count from.

Limits: English only; durations ("for 180 days", "two-week"), vague times
("now", "in the near future", "hours later"), bare clock times with no day and
"N years ago" are refused, not guessed: none names a calendar day or span.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from ..model import Precision
from ..registry import Registry

RULES = Registry("times")

# ---- vocabulary ---------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Month and weekday names must be capitalised (scoped `(?-i:...)`): lower-case
# "may", "march" and "sat" are ordinary words.
MONTH = (
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s))"
)
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d-])"
COUNT = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"

# What may stand before a calendar date and still be the same day: the part of
# the day ("on the night of January 6"), a clock time ("until 21:00 on January 6"),
# "late on", or "the eve of" (which moves the value one day back).
DATE_PREFIX = (
    rf"(?:(?P<eve>(?:on\s+)?the\s+eve\s+of\s+)"
    rf"|(?:(?:late|early)\s+)?(?:on|in)\s+the\s+{PART_OF_DAY}\s+of\s+"
    rf"|(?:(?:at|until|till|by|before|after|from)\s+)?{CLOCK}\s+(?:on\s+)?"
    rf"|(?:late|early)\s+on\s+)?"
)
WEEKDAY_PREFIX = rf"(?:{WEEKDAY},?\s+)?"

# Confidence by how much a value depends on inference: a date carrying its own
# year needs none; a month-day needs the year guessed from publication; weekdays
# and "yesterday" need the publication date; anchored phrases need the reader to
# have followed the narrative.
CONF_ABSOLUTE = 0.95
CONF_YEAR_INFERRED = 0.9
CONF_RELATIVE = 0.8
CONF_ANCHORED = 0.6


# ---- values -----------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """A calendar day or span of days, with the granularity the text gave it."""

    first: date
    last: date
    precision: Precision

    @property
    def value(self) -> str:
        """`YYYY-MM-DD`, or `YYYY-MM-DD/YYYY-MM-DD` for a span (EXPORT.md times.value)."""
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}/{self.last.isoformat()}"


@dataclass(frozen=True)
class Context:
    """What a relative expression is counted from (see the module docstring)."""

    published: date | None = None
    tense: str | None = None
    anchor: Interval | None = None


@dataclass(frozen=True)
class Hit:
    """One pattern match in a text: where, which rule, and the match itself.

    `needs_entity`: the pattern alone is too weak (a lone "2019") and the
    caller must confirm with the parser that the words are a date.
    """

    start: int
    end: int
    rule: str
    match: re.Match
    confidence: float
    needs_entity: bool


# Every pattern starts a word: not inside one, nor after a hyphen ("mid-2019" is one expression).
WORD_START = r"(?<![\w-])"


def rule(name: str, pattern: str, *, example: str, confidence: float, needs_entity: bool = False):
    """Register a resolver with its pattern, motivating sentence and confidence."""
    compiled = re.compile(rf"{WORD_START}(?:{pattern})(?!\w)", re.IGNORECASE)
    return RULES.register(name, example=example, pattern=compiled, confidence=confidence, needs_entity=needs_entity)


# ---- calendar helpers -------------------------------------------------------


def day(first: date) -> Interval:
    return Interval(first, first, "day")


def days(first: date, last: date) -> Interval:
    return Interval(first, last, "days")


def month_span(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")


def year_span(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31), "year")


def iso_week(of: date, shift: int = 0) -> Interval:
    monday = of - timedelta(days=of.weekday()) + timedelta(weeks=shift)
    return Interval(monday, monday + timedelta(days=6), "week")


def safe_date(year: int, month: int, dom: int) -> date | None:
    try:
        return date(year, month, dom)
    except ValueError:
        return None


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def is_future(ctx: Context) -> bool:
    return ctx.tense == "future"


def nearest_year(month: int, dom: int, published: date | None) -> date | None:
    """A month-day with no year: the year that puts it nearest publication.

    News reports name days within months of their writing, so "December 28" in
    a January report is last December and "January 5" is this January.
    """
    if published is None:
        return None
    options = [d for y in (published.year - 1, published.year, published.year + 1) if (d := safe_date(y, month, dom))]
    return min(options, key=lambda d: abs((d - published).days)) if options else None


def weekday_near(weekday: int, published: date, *, future: bool, strict: bool = False) -> date:
    """The weekday on or before publication (after it for the future); `strict` skips publication day."""
    if future:
        ahead = (weekday - published.weekday()) % 7
        return published + timedelta(days=ahead or (7 if strict else 0))
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if strict else 0))


def weekend_near(published: date, *, future: bool) -> Interval:
    """The last Saturday-Sunday that began before publication, or the next one to come."""
    if future:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7)
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
    return days(saturday, saturday + timedelta(days=1))


def month_near(month: int, published: date, *, tense: str | None, strict: bool = False) -> Interval:
    """The named month on or before publication's month in the past (and by
    default), on or after it in the future; in the present ("the vote is due in
    March") whichever of the two is nearer.  `strict` skips publication's month."""
    before = published.year - (month > published.month or (strict and month == published.month))
    after = published.year + (month < published.month or (strict and month == published.month))
    if tense == "future":
        return month_span(after, month)
    if tense == "present":
        index = published.year * 12 + published.month
        return month_span(min((before, after), key=lambda y: abs(y * 12 + month - index)), month)
    return month_span(before, month)


def anchored_day(ctx: Context) -> date | None:
    """The single day the narrative last named, if it named one."""
    if ctx.anchor is not None and ctx.anchor.first == ctx.anchor.last:
        return ctx.anchor.first
    return None


# ---- absolute dates -----------------------------------------------------------


@rule("iso-date", r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})", example="date 2022-01-06 The situation in Kazakhstan remains tense.", confidence=CONF_ABSOLUTE)
def iso_date(m: re.Match, ctx: Context) -> Interval | None:
    found = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day(found) if found else None


@rule("dotted-date", r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})", example="The building of the mayor's office, which was burned during the riots. 06.01.2022.", confidence=CONF_ABSOLUTE)
def dotted_date(m: re.Match, ctx: Context) -> Interval | None:
    """Dotted numeric dates are day-first wherever they are written (Europe, Russia, Central Asia)."""
    found = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day(found) if found else None


@rule("slashed-date", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})", example="Protesters gathered in the square on 01/06/2022.", confidence=CONF_YEAR_INFERRED)
def slashed_date(m: re.Match, ctx: Context) -> Interval | None:
    """Day-first or month-first: a part over 12 decides; else the reading nearer publication; else refuse."""
    year, a, b = int(m["y"]), int(m["a"]), int(m["b"])
    readings = [d for d in {safe_date(year, a, b), safe_date(year, b, a)} if d]
    if len(readings) == 1:
        return day(readings[0])
    if not readings or ctx.published is None:
        return None
    return day(min(readings, key=lambda d: abs((d - ctx.published).days)))


@rule(
    "month-day",
    rf"{DATE_PREFIX}{WEEKDAY_PREFIX}(?P<m>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
    example="On the night of January 6, the head of the Collective Security Council said ...",
    confidence=CONF_YEAR_INFERRED,
)
def month_day(m: re.Match, ctx: Context) -> Interval | None:
    month, dom = month_number(m["m"]), day_number(m["d"])
    found = safe_date(int(m["y"]), month, dom) if m["y"] else nearest_year(month, dom, ctx.published)
    if found is None:
        return None
    return day(found - timedelta(days=1) if m["eve"] else found)


@rule(
    "day-month",
    rf"{DATE_PREFIX}{WEEKDAY_PREFIX}(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?",
    example="Protests began on 2 January 2022 in Zhanaozen.",
    confidence=CONF_YEAR_INFERRED,
)
def day_month(m: re.Match, ctx: Context) -> Interval | None:
    return month_day(m, ctx)


@rule(
    "month-day-span",
    rf"(?:from\s+|between\s+)?(?P<m>{MONTH})\s+(?P<d1>{DAY})\s*(?:-|–|—|to|until|till|through|and)\s*(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
    example="The protests lasted from January 2 to 5.",
    confidence=CONF_YEAR_INFERRED,
)
def month_day_span(m: re.Match, ctx: Context) -> Interval | None:
    month = month_number(m["m"])
    month2 = month_number(m["m2"]) if m["m2"] else month
    return _span(month, day_number(m["d1"]), month2, day_number(m["d2"]), m["y"], ctx)


@rule(
    "day-month-span",
    rf"(?:from\s+|between\s+)?(?P<d1>{DAY})\s*(?:-|–|—|to|until|till|through|and)\s*(?P<d2>{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?",
    example="The state of emergency ran from 5 to 19 January.",
    confidence=CONF_YEAR_INFERRED,
)
def day_month_span(m: re.Match, ctx: Context) -> Interval | None:
    month = month_number(m["m"])
    return _span(month, day_number(m["d1"]), month, day_number(m["d2"]), m["y"], ctx)


def _span(month: int, d1: int, month2: int, d2: int, year: str | None, ctx: Context) -> Interval | None:
    if year:
        first, last = safe_date(int(year), month, d1), safe_date(int(year), month2, d2)
    else:
        first = nearest_year(month, d1, ctx.published)
        last = safe_date(first.year + (month2 < month), month2, d2) if first else None
    if first is None or last is None or last <= first:
        return None
    return days(first, last)


@rule("month-year", rf"(?:(?:in|since|during|until|by|early|late|mid-?)\s+)?(?P<m>{MONTH})\s+(?:of\s+)?(?P<y>{YEAR})", example="Back in December 1986, after the well-known riots in the Kazakh SSR ...", confidence=CONF_ABSOLUTE)
def month_year(m: re.Match, ctx: Context) -> Interval | None:
    return month_span(int(m["y"]), month_number(m["m"]))


@rule("year", rf"(?:(?:in|since|during|until|by|before|after|of|from|between|early|late|mid)\s+|mid-)(?P<y>{YEAR})", example="Nazarbayev in 2017 ordered the official script of the Kazakh language to be switched.", confidence=CONF_ABSOLUTE)
def year(m: re.Match, ctx: Context) -> Interval | None:
    return year_span(int(m["y"]))


@rule("bare-year", rf"(?P<y>{YEAR})", example="The lessons of 2014 and 2020 are cruel.", confidence=CONF_RELATIVE, needs_entity=True)
def bare_year(m: re.Match, ctx: Context) -> Interval | None:
    """A lone four-digit number is a year only when the parser also reads it as a date."""
    return year_span(int(m["y"]))


# ---- months, weeks and years relative to publication ---------------------------------


@rule("in-month", rf"(?P<mod>in|during|since|by|until|last|this|next|early|late|mid-?|earlier\s+in|later\s+in)\s+(?P<m>{MONTH})(?!\s*\d)", example="Their latest manoeuvres in October were conducted in Tajikistan.", confidence=CONF_RELATIVE)
def in_month(m: re.Match, ctx: Context) -> Interval | None:
    """The named month nearest publication on the side the tense (or "last"/"next") says."""
    if ctx.published is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    tense = {"next": "future", "last": "past", "since": "past"}.get(mod, ctx.tense)
    return month_near(month_number(m["m"]), ctx.published, tense=tense, strict=mod in ("last", "next"))


@rule("relative-period", r"(?P<mod>this|last|next|earlier\s+this|later\s+this|the\s+previous|the\s+following)\s+(?P<unit>week|month|year)", example="Nazarbayev has not been seen or heard from this week.", confidence=CONF_RELATIVE)
def relative_period(m: re.Match, ctx: Context) -> Interval | None:
    """ISO week (Monday-Sunday), calendar month or year of publication, or the one before/after."""
    mod = " ".join(m["mod"].lower().split())
    unit = m["unit"].lower()
    if mod in ("the previous", "the following"):
        base = anchored_day(ctx)
        shift = -1 if mod == "the previous" else 1
    else:
        base = ctx.published
        shift = {"last": -1, "next": 1}.get(mod, 0)
    if base is None:
        return None
    if unit == "week":
        return iso_week(base, shift)
    if unit == "month":
        index = base.year * 12 + base.month - 1 + shift
        return month_span(index // 12, index % 12 + 1)
    return year_span(base.year + shift)


# ---- days relative to publication ---------------------------------------------


@rule(
    "weekday",
    rf"(?:(?P<mod>on|last|this|next|(?:early|late)(?:\s+on)?)\s+)?(?P<w>{WEEKDAY})(?:\s+{PART_OF_DAY})?",
    example="Protesters on Wednesday set city halls across the country ablaze.",
    confidence=CONF_RELATIVE,
)
def weekday(m: re.Match, ctx: Context) -> Interval | None:
    """The most recent such day on or before publication; the next one for the future."""
    if ctx.published is None:
        return None
    mod = (m["mod"] or "").lower()
    future = mod == "next" or (mod != "last" and is_future(ctx))
    return day(weekday_near(WEEKDAYS[m["w"].lower()], ctx.published, future=future, strict=mod in ("last", "next")))


@rule("since-weekday", rf"since\s+(?P<w>{WEEKDAY})", example="Protests have continued since Sunday.", confidence=CONF_RELATIVE)
def since_weekday(m: re.Match, ctx: Context) -> Interval | None:
    """From that day up to publication: an open span in the past closes at publication."""
    if ctx.published is None:
        return None
    first = weekday_near(WEEKDAYS[m["w"].lower()], ctx.published, future=False, strict=True)
    return days(first, ctx.published)


@rule("since-date", rf"since\s+(?:(?P<m>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}))", example="Internet access has been cut since January 5.", confidence=CONF_YEAR_INFERRED)
def since_date(m: re.Match, ctx: Context) -> Interval | None:
    """From that day up to publication, like "since Sunday"."""
    first = nearest_year(month_number(m["m"] or m["m2"]), day_number(m["d"] or m["d2"]), ctx.published)
    if first is None or ctx.published is None or first >= ctx.published:
        return None
    return days(first, ctx.published)


@rule("deictic-day", rf"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow|last\s+night|this\s+{PART_OF_DAY})(?:\s+{PART_OF_DAY})?", example="26 people were killed last night in Kazakhstan.", confidence=CONF_RELATIVE)
def deictic_day(m: re.Match, ctx: Context) -> Interval | None:
    """Days named from publication.  Refused: a capitalised "Today" inside a name
    ("Russia Today"), and "from today", an open-ended start rather than a day."""
    if ctx.published is None:
        return None
    before = m.string[max(0, m.start() - 30) : m.start()]
    word = " ".join(m["w"].lower().split())
    if re.search(r"\bfrom\s+$", before, re.IGNORECASE):
        return None
    if m["w"][0].isupper() and re.search(r"[A-Za-z]\s+$", before):
        return None
    shift = {
        "the day before yesterday": -2, "yesterday": -1, "last night": -1,
        "tomorrow": 1, "the day after tomorrow": 2,
    }.get(word, 0)
    return day(ctx.published + timedelta(days=shift))


@rule("days-ago", rf"(?P<n>{COUNT})\s+(?P<unit>days?|weeks?)\s+ago", example="The protests began two days ago in the west.", confidence=CONF_RELATIVE)
def days_ago(m: re.Match, ctx: Context) -> Interval | None:
    """A day counted back from publication; "weeks ago" keeps week precision.
    Months and years ago are refused: no day or span a reader could check."""
    if ctx.published is None:
        return None
    n = count(m["n"])
    if m["unit"].lower().startswith("week"):
        return Interval(ctx.published - timedelta(weeks=n), ctx.published - timedelta(weeks=n), "week")
    return day(ctx.published - timedelta(days=n))


@rule("last-days", rf"(?:in|over|during|within|for)\s+the\s+(?:last|past)\s+(?:(?P<n>{COUNT})\s+)?(?P<unit>days?|24\s+hours|hours)", example="Anti-government protests spin out of control in the last day.", confidence=CONF_RELATIVE)
def last_days(m: re.Match, ctx: Context) -> Interval | None:
    """The N days up to publication: "the last day" is yesterday and today."""
    if ctx.published is None:
        return None
    unit = m["unit"].lower()
    if unit == "hours" and not m["n"]:
        return None
    n = 1 if "hour" in unit else count(m["n"] or "1")
    return days(ctx.published - timedelta(days=n), ctx.published)


@rule("weekend", r"(?P<mod>over|at|during|on|this|last|next)\s+(?:the\s+)?weekend", example="The protests started at the weekend over soaring prices for liquefied petroleum gas.", confidence=CONF_RELATIVE)
def weekend(m: re.Match, ctx: Context) -> Interval | None:
    """The weekend before publication, or the coming one for "next" or the future tense."""
    if ctx.published is None:
        return None
    mod = m["mod"].lower()
    future = mod == "next" or (mod != "last" and is_future(ctx))
    return weekend_near(ctx.published, future=future)


# ---- days relative to the narrative ---------------------------------------------


@rule("same-day", r"(?:the\s+same|that\s+same|that)\s+(?:day|night|evening|morning)", example="Tokayev said the same day he had appealed to the heads of CSTO states.", confidence=CONF_ANCHORED)
def same_day(m: re.Match, ctx: Context) -> Interval | None:
    """The day the text last named; refused when it named none."""
    found = anchored_day(ctx)
    return day(found) if found else None


@rule(
    "day-before",
    r"(?:the\s+)?(?P<unit>day|night|evening)\s+(?P<dir>before|earlier|after|later)(?=\s*[,.;:)—–-]|\s+(?:he|she|they|it|we|I|police|protesters)\b|\s*$)|(?:the\s+)?(?P<dir2>previous|next|following)\s+(?:day|night|evening|morning)|on\s+the\s+eve(?!\s+of)",
    example="The night before, one of the protesters rammed the office of a bank with an excavator.",
    confidence=CONF_ANCHORED,
)
def day_before(m: re.Match, ctx: Context) -> Interval | None:
    """One day from the day the text last named (publication when it named none).

    "before" followed by a noun phrase ("the day before the vote") is left out
    by the pattern: its day is that of the noun phrase, which this grammar
    cannot read.  "The next day" needs a named day: from publication it is
    tomorrow, which news prose would have said.
    """
    direction = (m["dir"] or m["dir2"] or "previous").lower()
    backwards = direction in ("before", "earlier", "previous")
    base = anchored_day(ctx)
    if base is None:
        if not backwards or ctx.published is None:
            return None
        base = ctx.published
    return day(base + timedelta(days=-1 if backwards else 1))


@rule("next-days", rf"(?:in|over|during|within)\s+the\s+(?:next|following|coming)\s+(?P<n>{COUNT})\s+days?", example="In the next two days the protests spread over the whole country.", confidence=CONF_ANCHORED)
def next_days(m: re.Match, ctx: Context) -> Interval | None:
    """In a narrative past, the N days after the day or span the text last named
    (refused when it named none); otherwise the N days after publication."""
    n = count(m["n"])
    if ctx.tense == "past" or (ctx.tense is None and ctx.anchor):
        base = ctx.anchor.last if ctx.anchor else None
    else:
        base = ctx.published
    if base is None:
        return None
    return days(base + timedelta(days=1), base + timedelta(days=n))


# ---- scanning ---------------------------------------------------------------


@lru_cache(maxsize=1)
def any_rule_starts() -> re.Pattern:
    """A zero-width pattern matching where any rule's pattern matches.

    Each rule's pattern run over the whole text tried it at every character:
    22 scans, ~60 of the 68 ms `times` took over the seeds and example.  This
    one pattern is the rules' own patterns, each after the `WORD_START` that
    `rule` puts before all of them, with group names dropped (the same names
    recur), so it misses no start of any rule.  Run over the whole text it
    still cost ~4 ms a document; `rule_starts` tries it only near anchors.
    """
    bodies = [
        re.sub(r"\(\?P<\w+>", "(?:", entry.meta["pattern"].pattern.removeprefix(WORD_START))
        for entry in RULES.entries()
    ]
    return re.compile(WORD_START + "(?=" + "|".join(f"(?:{b})" for b in bodies) + ")", re.IGNORECASE)


# Every rule's match holds an anchor: a digit, a capitalised month name, or a
# time word, which may sit inside a word ("Wednesday", "tonight").  Counting
# the match's word starts before its first anchor, the word holding it
# included, no rule has more than `ANCHOR_REACH`: four in "in the last two
# days" and "in the next two days"; three in "in the last day", "late on the
# night of January 6", "late on Wednesday"; two or fewer elsewhere ("on the
# eve of", "earlier this week", "that same night", "until 21:00", "mid-2019").
ANCHOR_REACH = 4
# The first digit of a number: rules' `\d` is any Unicode decimal digit.
DIGIT_ANCHOR = re.compile(r"\d(?<!\d\d)")
# `MONTH` is case-sensitive and every name in it begins with one of these.
MONTH_ANCHOR = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# The time words, as they appear in `fold(text)`: every rule's match without
# a digit or month name holds one ("yesterday" and "Monday" hold "day",
# "tonight" "night", "weekend" "week", "hours" "hour").  In a match "eve" is
# "evening" or ends a word, so "every" and "never" are no anchors.
TIME_WORD_ANCHORS = tuple(
    re.compile(word)
    for word in ("day", "week", "month", "year", "night", "morn", "afternoon", "hour", "tomorrow", r"eve(?:ning|(?![a-z]))")
)
# A word start (`WORD_START` then a word character) of the text, found in the
# text reversed: a word character not followed by a word character or hyphen.
REVERSED_WORD_START = re.compile(r"\w(?![\w-])")


def fold(text: str) -> str:
    """The text lower-cased character for character, as `re.IGNORECASE` reads ASCII letters.

    A case-insensitive search for the time words tried every character
    (~0.5 ms a document); a plain search of the folded text finds the same
    places in ~0.1 ms.  Under IGNORECASE an ASCII letter also matches "İ"
    and "ı" (as "i"), "ſ" (as "s") and the Kelvin sign (as "k"); `str.lower`
    maps the Kelvin sign to "k" and keeps every length but that of "İ".  No
    time word holds an "s".  Only word characters fold to ASCII letters.
    """
    return text.replace("\u0130", "i").replace("\u0131", "i").lower()


def anchors(text: str) -> list[int]:
    """Where the text holds an anchor (see `ANCHOR_REACH`), in no particular order."""
    folded = fold(text)
    found = [m.start() for m in DIGIT_ANCHOR.finditer(text)]
    found += [m.start() for m in MONTH_ANCHOR.finditer(text)]
    found += [m.start() for pattern in TIME_WORD_ANCHORS for m in pattern.finditer(folded)]
    return found


def rule_starts(text: str) -> list[int]:
    """Where any rule's pattern matches (`any_rule_starts`), ascending.

    Trying `any_rule_starts` at the last `ANCHOR_REACH` + 1 word starts up to
    each anchor finds the same places as running it over the whole text, in
    ~0.5 ms a document instead of ~4: a match starts at a word start (its first
    character is a word character) and at most `ANCHOR_REACH` of its word
    starts come before its first anchor.  An anchor found may begin before
    that one where they overlap, never before the match: anchors are word
    characters and the match follows a character that is none.
    """
    reversed_text = text[::-1]
    last = len(text) - 1
    candidates = {
        last - m.start()
        for anchor in anchors(text)
        for m in islice(REVERSED_WORD_START.finditer(reversed_text, last - anchor), ANCHOR_REACH + 1)
    }
    starts = any_rule_starts().match
    return [start for start in sorted(candidates) if starts(text, start)]


def rule_matches(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, trying the pattern only at `starts` (every
    place it can match, ascending): the first match from where the last ended."""
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m:
                end = m.end()
                yield m


def longest_hits(found: list[Hit]) -> list[Hit]:
    """In text order, the hits left where overlapping ones are dropped: the longest wins (then the earlier rule)."""
    order = {name: i for i, name in enumerate(RULES.names())}
    found = sorted(found, key=lambda h: (-(h.end - h.start), h.start, order[h.rule]))
    kept: list[Hit] = []
    for hit in found:
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def scan(text: str) -> list[Hit]:
    """Every pattern's matches; where they overlap the longest wins (then the earlier rule)."""
    starts = rule_starts(text)
    return longest_hits(
        [
            Hit(m.start(), m.end(), entry.name, m, entry.meta["confidence"], entry.meta["needs_entity"])
            for entry in RULES.entries()
            for m in rule_matches(entry.meta["pattern"], text, starts)
        ]
    )


def resolve(hit: Hit, ctx: Context) -> Interval | None:
    return RULES.get(hit.rule)(hit.match, ctx)


# What a caller's phrase may carry around the expression itself: the
# preposition that attaches it to a clause ("on January 5", "throughout
# January 5") and punctuation.
LEAD_IN = re.compile(r"(?:(?:on|in|at|during|throughout|over\s+the\s+course\s+of|by|until|till|around|about)\s+)*", re.IGNORECASE)
LOOSE_ENDS = " \t\n,.;:()"


def resolve_expression(
    text: str, published: date | None, *, tense: str | None = None, anchor: Interval | None = None
) -> tuple[str, str] | None:
    """(value, precision) of a whole time expression, or None when it is not one.

    For extractors that hold a phrase (a spaCy DATE entity, a clause's
    modifier) and want its calendar value: "on Wednesday" -> ("2022-01-05",
    "day") with published 2022-01-06.  The text must be one expression, not a
    sentence containing one.
    """
    stripped = text.strip(LOOSE_ENDS)
    hits = scan(stripped)
    if len(hits) != 1 or hits[0].end != len(stripped) or not LEAD_IN.fullmatch(stripped[: hits[0].start]):
        return None
    interval = resolve(hits[0], Context(published, tense, anchor))
    return (interval.value, interval.precision) if interval else None

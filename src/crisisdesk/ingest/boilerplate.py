"""Residue of scraping: named line rules that mark what is not article text.

Each rule looks at one line and returns a `Hit` (the span it claims, and a
date or outlet it read there) or None.  Rules run in registry order and the
first hit on a line wins.  `zone` says where a rule may fire:

- "header": among the first HEADER_LINES non-blank lines (datelines, bylines);
- "any": anywhere (captions, credits, share widgets);
- "tail": on the last line still taken for article text once the other rules
  have run (a closing credit "The Washington Post, Reuters").

Lines longer than MAX_RESIDUE_CHARS are article paragraphs, never residue,
unless the rule says `long_lines=True` (a dateline glued to the first
paragraph); the cap also keeps cleaning linear on a 10 MB single-line file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry import Registry
from .dates import DATE, DATE_PATTERN, FoundDate, parse_date
from .lines import Line, strip_span
from .outlets import canonical

BOILERPLATE = Registry("boilerplate")

# Datelines, counters, headline and byline all sat within the first four
# non-blank lines of the scraped pages seen; one more for a kicker line.
HEADER_LINES = 5
# The longest caption seen (a 60-word photo caption with a glued credit) is
# about 320 characters; article paragraphs run longer.
MAX_RESIDUE_CHARS = 600
# A caption that ends with its date is one or two sentences.
DATED_CAPTION_MAX_WORDS = 45
# "Triumphal Arch in Nur-Sultan." - a caption naming what and where, no verb.
PLACE_CAPTION_MAX_WORDS = 12
# Words that make a short line a sentence rather than a caption.
VERB_CUES = frozenset(
    "is are was were be been being has have had will would can could may might must shall "
    "should do does did said says say told tells".split()
)


@dataclass(frozen=True)
class Where:
    """A line's place in the text, for the rules that care."""

    index: int  # among non-blank lines
    prev_blank: bool
    next_blank: bool


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    date: FoundDate | None = None
    outlet: str | None = None


def whole(line: Line, **found) -> Hit:
    start, end = strip_span(line.text, 0, len(line.text))
    return Hit(line.start + start, line.start + end, **found)


def _exact_labels(*labels: str):
    """A rule that claims a line equal (case-insensitively) to one of `labels`."""
    wanted = frozenset(label.casefold() for label in labels)

    def rule(line: Line, where: Where) -> Hit | None:
        return whole(line) if line.text.strip().casefold() in wanted else None

    return rule


@BOILERPLATE.register("dateline", example="Jan 6, 2022", zone="header")
def dateline(line: Line, where: Where) -> Hit | None:
    """A line that is only a date."""
    found = parse_date(line.text)
    if found is None:
        return None
    return whole(line, date=FoundDate(line.start + found.start, line.start + found.end, found.date, found.weekday_agrees))


_DATE_PREFIX = re.compile(rf"^\s*(?i:date|published|posted|updated)(?:[ \t]+on)?:?[ \t]+(?P<date>{DATE_PATTERN})")


@BOILERPLATE.register(
    "dateline-prefix", example=" date 2022-01-06 The situation in Kazakhstan remains tense.", zone="header", long_lines=True
)
def dateline_prefix(line: Line, where: Where) -> Hit | None:
    """A date label glued before the first line's text: only the label and date are residue."""
    if where.index != 0:
        return None
    match = _DATE_PREFIX.match(line.text)
    if match is None:
        return None
    found = parse_date(match.group("date"))
    if found is None:
        return None
    start, end = match.span("date")
    return Hit(line.start, line.start + end, date=FoundDate(line.start + start, line.start + end, found.date, True))


_BYLINE = re.compile(rf"^\s*By[ \t]+(?P<name>\S.*?)(?:[ \t]*[,|–—-]?[ \t]*(?P<date>{DATE_PATTERN}))?\s*$")
_PERSON_NAMES = re.compile(r"^[A-Z][\w'’.-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’.-]*){0,5}$")


@BOILERPLATE.register("byline", example="By bne IntelIiNews January 5, 2022", zone="header")
def byline(line: Line, where: Where) -> Hit | None:
    """"By <author or outlet> [date]": the outlet is read when a part of the name is a known one."""
    match = _BYLINE.match(line.text)
    if match is None:
        return None
    name = match.group("name")
    outlet = next((o for part in re.split(r"[,/|]| for ", name) if (o := canonical(part))), None)
    if outlet is None and match.group("date") is None and not _PERSON_NAMES.match(name.strip()):
        return None  # "By citing the presence of terrorists, ..." is a sentence
    date = None
    if match.group("date"):
        found = parse_date(match.group("date"))
        start, end = match.span("date")
        date = FoundDate(line.start + start, line.start + end, found.date, found.weekday_agrees) if found else None
    return whole(line, date=date, outlet=outlet)


_COUNTERS = re.compile(r"^\s*\d{1,6}(?:[ \t]+\d{1,6}){0,3}\s*$")


@BOILERPLATE.register("counters", example="0 0", zone="any")
def counters(line: Line, where: Where) -> Hit | None:
    """A line of bare numbers: view, like and comment counters of a page."""
    return whole(line) if _COUNTERS.match(line.text) else None


BOILERPLATE.register("comment-prompt", example="Leave a Reply", zone="any")(
    _exact_labels("Leave a Reply", "Leave a comment", "Add a comment", "Comments", "Post a comment")
)
BOILERPLATE.register("category-label", example="Article Categories:", zone="any")(
    _exact_labels("Article Categories:", "Categories:", "Tags:", "Filed under:", "Topics:")
)
BOILERPLATE.register("details-link", example="Click: See details", zone="any")(
    _exact_labels("Click: See details", "See details", "Read more", "Read more:", "Related:", "Related articles")
)
BOILERPLATE.register("gallery-label", example="Photo gallery", zone="any")(
    _exact_labels("Photo gallery", "Gallery", "Photos", "Video", "Share", "Share this article", "Advertisement")
)

_CAPTION_LABEL = re.compile(
    r"^\s*(?:In[ \t]+(?:the|this)[ \t]+(?:photo|image|picture|video|handout)\b"
    r"|(?:Photo|Image|Picture|Pictured|Caption|Photo[ \t]+gallery)[ \t]*:)"
)


@BOILERPLATE.register("caption-label", example="In the photo: protesters against the rise in fuel prices.", zone="any")
def caption_label(line: Line, where: Where) -> Hit | None:
    """A line introduced as a picture caption: "In the photo:", "In this image taken from ...", "Photo: ..."."""
    return whole(line) if _CAPTION_LABEL.match(line.text) else None


_PHOTO_CREDIT = re.compile(r"\((?:Photo|Image|Picture|Video)(?:[ \t]+by)?[ \t]*:?[^()\r\n]{1,80}\)\s*$")


@BOILERPLATE.register("photo-credit", example="Protesters by the akimat. (Photo: Valery Sharifulin / TASS)", zone="any")
def photo_credit(line: Line, where: Where) -> Hit | None:
    """A line that ends with a photographer's credit in brackets is a caption."""
    return whole(line) if _PHOTO_CREDIT.search(line.text) else None


_CREDIT = re.compile(r"(?:^|(?<=[\s.,;)\]]))(?:Photo[ \t]+|Image[ \t]+)?Credits?:[ \t]*[^.!?\r\n]{1,80}$")


@BOILERPLATE.register(
    "credit-suffix",
    example="Forces are being deployed to Kazakhstan.Credit:Russian Defence Ministry Press Service",
    zone="any",
)
def credit_suffix(line: Line, where: Where) -> Hit | None:
    """A line that ends with "Credit: <source>" (glued on or not) is a caption with its credit.

    The substring test first: the pattern has no fixed start, so a search
    tries it at every character, and was 40% of the line rules' time on
    lines that mostly lack the word."""
    return whole(line) if "Credit" in line.text and _CREDIT.search(line.text) else None


_DATED_CAPTION = re.compile(rf"[.)][ \t\u00a0]+(?:{DATE.pattern})\.?\s*$")


@BOILERPLATE.register(
    "dated-caption", example="Kazakhs clash with police during a protest in Aktobe, Kazakhstan.  January 5, 2022.", zone="any"
)
def dated_caption(line: Line, where: Where) -> Hit | None:
    """A short line whose last sentence is only a date: the wire-photo caption convention."""
    if len(line.text.split()) > DATED_CAPTION_MAX_WORDS or not _DATED_CAPTION.search(line.text):
        return None
    return whole(line)


_PLACE_CAPTION = re.compile(r"^\s*[A-Z][^.!?:;\"“”]*\bin[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*\.\s*$")


def is_verbless(text: str) -> bool:
    """No auxiliary, speech verb or past-tense form: a label, not a sentence."""
    words = re.findall(r"[A-Za-z]+", text)
    return not any(w.lower() in VERB_CUES or (w.islower() and w.endswith("ed")) for w in words)


@BOILERPLATE.register("place-caption", example="Police and military equipment on the street in Almaty.", zone="any")
def place_caption(line: Line, where: Where) -> Hit | None:
    """A short, verbless paragraph of its own saying what is shown and where."""
    if not (where.prev_blank and where.next_blank) or len(line.text.split()) > PLACE_CAPTION_MAX_WORDS:
        return None
    if not _PLACE_CAPTION.match(line.text) or not is_verbless(line.text):
        return None
    return whole(line)


_LIST_SEPARATOR = re.compile(r"\s*(?:,|/|;|\band\b|&)\s*")


@BOILERPLATE.register("closing-credit", example="The Washington Post, Reuters", zone="tail")
def closing_credit(line: Line, where: Where) -> Hit | None:
    """A last line that only names known outlets credits the wires the story came from."""
    parts = [p for p in _LIST_SEPARATOR.split(line.text.strip()) if p]
    names = [canonical(p) for p in parts]
    if not names or None in names:
        return None
    return whole(line, outlet=", ".join(dict.fromkeys(names)))

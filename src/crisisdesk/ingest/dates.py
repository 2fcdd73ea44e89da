"""Full calendar dates as news pages print them, found with their offsets.

Only dates with day, month and year count: a dateline or a photo caption date
("Thursday, January 6, 2022", "06.01.2022") pins a day, while "January 5"
alone needs a year from elsewhere and is the times extractor's business.
A weekday printed with the date must agree with the calendar, otherwise the
date is kept but flagged, because one of the two is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Month names are matched capitalised only, so the verb "may" is never a month.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_GAP = r"[ \t\u00a0]+"  # dates never span a line break
_YEAR = r"(?:19|20)\d\d"
_ORD = r"(?:st|nd|rd|th)?"

DATE_PATTERN = (
    rf"(?:(?P<wd>{_WEEKDAY}),?{_GAP})?"
    rf"(?:(?P<m1>{_MONTH}){_GAP}(?P<d1>\d{{1,2}}){_ORD},?{_GAP}(?P<y1>{_YEAR})"  # Jan 6, 2022
    rf"|(?P<d2>\d{{1,2}}){_ORD}{_GAP}(?P<m2>{_MONTH}),?{_GAP}(?P<y2>{_YEAR})"  # 6 January 2022
    rf"|(?P<y3>{_YEAR})-(?P<m3>\d\d)-(?P<d3>\d\d)"  # 2022-01-06
    rf"|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>{_YEAR}))"  # 06.01.2022 (day first, as in Europe)
    r"(?![\w-])"
)
DATE = re.compile(r"(?<![\w.-])" + DATE_PATTERN)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: dt.date
    weekday_agrees: bool  # True when no weekday is printed

    @property
    def iso(self) -> str:
        return self.date.isoformat()


def _month(token: str) -> int:
    return int(token) if token.isdigit() else MONTHS[token[:3].lower()]


def date_of(match: re.Match) -> dt.date | None:
    """The calendar date a DATE match names, or None for impossible days (Feb 30)."""
    for i in "1234":
        if match.group("y" + i):
            try:
                return dt.date(int(match.group("y" + i)), _month(match.group("m" + i)), int(match.group("d" + i)))
            except ValueError:
                return None
    return None


def _found(match: re.Match, offset: int) -> FoundDate | None:
    date = date_of(match)
    if date is None:
        return None
    weekday = match.group("wd")
    agrees = weekday is None or WEEKDAYS[date.weekday()] == weekday.lower()
    return FoundDate(offset + match.start(), offset + match.end(), date, agrees)


def find_dates(text: str, offset: int = 0) -> Iterator[FoundDate]:
    """Every full date in `text`, offsets shifted by `offset`."""
    for match in DATE.finditer(text):
        found = _found(match, offset)
        if found is not None:
            yield found


def parse_date(text: str) -> FoundDate | None:
    """`text` (stripped) as one full date, or None when it is anything more or less."""
    stripped = text.strip()
    match = DATE.fullmatch(stripped)
    return _found(match, text.find(stripped)) if match else None

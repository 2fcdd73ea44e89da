"""Event filters: parsed from request parameters, applied in SQL with bound parameters only.

The events page, `GET /api/events` and the downloads share one `EventFilters`,
so the rows a reader sees are exactly the rows a download carries.  A filter on
text (place, actor, outlet) matches case-insensitively anywhere in the name, the
aliases or the words the text used, with LIKE wildcards in the value escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..store import schema

# Longest text filter value taken: names are short, and a bound keeps LIKE cheap.
MAX_FILTER_CHARS = 200

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class FilterError(ValueError):
    """A filter value that cannot be used; the message says which and why."""


def parse_day(name: str, value: str | None) -> str | None:
    """A `YYYY-MM-DD` parameter, checked to be a real day."""
    if not value:
        return None
    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(f"{name} must be a day as YYYY-MM-DD, not {value[:40]!r}") from None


def _text(name: str, value: str | None) -> str | None:
    value = (value or "").strip()
    if len(value) > MAX_FILTER_CHARS:
        raise FilterError(f"{name} is longer than {MAX_FILTER_CHARS} characters")
    return value or None


@dataclass(frozen=True)
class EventFilters:
    type: str | None = None  # ACLED event type or sub-event type, exactly
    date_from: str | None = None  # events that end on or after this day
    date_to: str | None = None  # events that start on or before this day
    place: str | None = None
    actor: str | None = None
    outlet: str | None = None

    @classmethod
    def parse(cls, *, type=None, date_from=None, date_to=None, place=None, actor=None, outlet=None) -> EventFilters:
        """From raw request values; raises FilterError with a message for the reader."""
        filters = cls(
            type=_text("type", type),
            date_from=parse_day("date_from", date_from),
            date_to=parse_day("date_to", date_to),
            place=_text("place", place),
            actor=_text("actor", actor),
            outlet=_text("outlet", outlet),
        )
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise FilterError(f"date_from {filters.date_from} is after date_to {filters.date_to}")
        return filters

    def params(self) -> dict[str, str]:
        """The non-empty filters as query parameters (for links that keep them)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def __bool__(self) -> bool:
        return bool(self.params())


def _first_day(column) -> ColumnElement:
    return func.substr(column, 1, 10)


def _last_day(column) -> ColumnElement:
    """`2022-01-05/2022-01-07` ends on its second half; a single day ends on itself."""
    return case((func.length(column) > 10, func.substr(column, 12, 10)), else_=column)


def _contains(value: str, *columns) -> ColumnElement:
    return or_(*(c.icontains(value, autoescape=True) for c in columns))


def event_query(filters: EventFilters) -> Select:
    """SELECT the ids of the events that pass every filter, by day, document and offset."""
    e, d, p = schema.FACT_TABLES["events"][0], schema.documents, schema.places
    a1, a2 = schema.actors.alias("actor1"), schema.actors.alias("actor2")
    query = (
        select(e.c.id)
        .select_from(e.join(d, d.c.id == e.c.doc)
                     .outerjoin(p, p.c.id == e.c.place)
                     .outerjoin(a1, a1.c.id == e.c.actor1)
                     .outerjoin(a2, a2.c.id == e.c.actor2))
    )
    conditions = []
    if filters.type:
        conditions.append(or_(e.c.event_type == filters.type, e.c.sub_event_type == filters.type))
    if filters.date_from:
        conditions.append(_last_day(e.c.date) >= filters.date_from)
    if filters.date_to:
        conditions.append(_first_day(e.c.date) <= filters.date_to)
    if filters.place:
        conditions.append(or_(p.c.id == filters.place, _contains(filters.place, p.c.name, p.c.admin1, e.c.place_text)))
    if filters.actor:
        conditions.append(or_(
            e.c.actor1 == filters.actor, e.c.actor2 == filters.actor,
            _contains(filters.actor, a1.c.name, a1.c.aliases, a2.c.name, a2.c.aliases, e.c.actor1_text, e.c.actor2_text),
        ))
    if filters.outlet:
        conditions.append(_contains(filters.outlet, d.c.outlet))
    if conditions:
        query = query.where(and_(*conditions))
    return query.order_by(e.c.date.is_(None), e.c.date, e.c.doc, e.c.start, e.c.id)


def filtered_export(export: dict, event_ids: list[str]) -> dict:
    """The `crisisdesk.v1` export of a filtered set of events.

    It carries the events that passed, the documents they cite, the places and
    actors they name and those names' mentions in those documents: enough for
    every exporter to write the events with their evidence.  Claims, quotes,
    times and framing are facts about documents, not about the filtered events,
    and are left out (empty lists) rather than mixed in.
    """
    keep = set(event_ids)
    events = [ev for ev in export["events"] if ev["id"] in keep]
    docs = {ev["doc"] for ev in events}
    places = {ev["place"] for ev in events if ev.get("place")}
    actors = {a for ev in events for a in (ev.get("actor1"), ev.get("actor2")) if a}
    return {
        **export,
        "documents": [doc for doc in export["documents"] if doc["id"] in docs],
        "places": [p for p in export["places"] if p["id"] in places],
        "actors": [a for a in export["actors"] if a["id"] in actors],
        "mentions": [m for m in export["mentions"] if m["doc"] in docs and m.get("ref") in places | actors],
        "times": [],
        "events": events,
        "claims": [],
        "quotes": [],
        "framing": [],
    }

"""Claims about the same quantity, across documents, and where the sources disagree.

Two claims count the same quantity when they share
1. the category (killed, injured, ...);
2. a compatible subject: the same class of the counted ("security forces",
   "protesters", ...; see `SUBJECT_CLASSES`).  A generic subject ("people", or
   none) is its own class: "26 people were killed" is a total, "13 officers
   were killed" a part of it, and a part smaller than the total is no
   disagreement, so the two are shown as two quantities;
3. the same place, when the caller knows each document's place;
4. the same period: claim dates (`as_of`, else the document's publication date)
   no more than `PERIOD_GAP_DAYS` apart, chained; undated claims join the period
   of their category.

`group_claims` returns one group id per claim; `summarize` turns the groups into
the ranges the report prints, each with every figure and its source and a
`disagree` flag when two figures cannot both be true.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..extract.attribution import primary_source
from ..model import Claim

# A casualty count of a crisis is revised day by day; figures more than a week
# apart (chained) are about different phases or different events.
PERIOD_GAP_DAYS = 7
# "about 200" is taken to allow 10% either way when checking agreement.
ABOUT_TOLERANCE = 0.1
GENERIC = "people"
# Head words of a subject -> the class of the counted.  Word lists from the
# EXPORT.md actor classes (security forces, protesters, attackers, foreign forces).
SUBJECT_CLASSES: dict[str, tuple[str, ...]] = {
    "security-forces": ("officer", "officers", "policeman", "policemen", "police", "official", "officials",
                        "serviceman", "servicemen", "soldier", "soldiers", "troops", "troop", "guard", "guards",
                        "personnel", "military", "cadets", "paratroopers", "peacekeepers", "forces"),
    "protesters": ("protester", "protesters", "protestors", "demonstrator", "demonstrators", "participants",
                   "rioters", "looters", "marchers", "activists"),
    "attackers": ("militant", "militants", "bandit", "bandits", "terrorist", "terrorists", "attackers",
                  "gunmen", "insurgents", "assailants", "stormtroopers"),
    "civilians": ("civilian", "civilians", "children", "women", "residents", "journalists", "passers-by"),
    "equipment": ("equipment", "vehicles", "vehicle", "tanks", "aircraft", "planes", "helicopters", "carriers"),
}


@dataclass(frozen=True)
class Figure:
    """One claim as a group shows it."""

    doc: str
    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: str
    source_text: str | None
    as_of: str | None
    hedged: bool


@dataclass(frozen=True)
class ClaimGroup:
    """The figures given for one quantity, their range and whether they conflict."""

    group: str
    category: str
    subject: str
    low: int | None
    high: int | None  # None: no upper bound (some figure is "more than")
    figures: tuple[Figure, ...]
    sources: tuple[str | None, ...]  # primary sources, None = the outlet itself
    disagree: bool


def subject_class(subject: str | None) -> str:
    """The class of the counted: "law enforcement officers" -> "security-forces"."""
    words = (subject or "").lower().replace("’", "'").split()
    for word in reversed(words):  # the head noun comes last in English noun phrases
        for name, heads in SUBJECT_CLASSES.items():
            if word in heads:
                return name
    return GENERIC


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.split("/")[-1][:10])
    except ValueError:
        return None


def _periods(days: list[date | None]) -> list[str]:
    """A period label per claim: chained dates no more than PERIOD_GAP_DAYS apart share one."""
    known = sorted({d for d in days if d is not None})
    label: dict[date, str] = {}
    start = None
    previous = None
    for d in known:
        if previous is None or (d - previous).days > PERIOD_GAP_DAYS:
            start = d
        label[d] = start.isoformat()
        previous = d
    first = known[0].isoformat() if known else "undated"
    return [label[d] if d is not None else first for d in days]


def group_claims(
    claims: Sequence[Claim],
    *,
    places: Mapping[str, str] | None = None,
    published: Mapping[str, str] | None = None,
) -> list[str]:
    """One group id per claim ("killed/security-forces/KZ/2022-01-05"), in order.

    `places` maps a document id to the place its claims are about (a country
    code or place id); `published` maps a document id to its publication date,
    the date of a claim without `as_of`.  Missing entries mean unknown: an
    unknown place matches any.
    """
    places = places or {}
    published = published or {}
    where = [places.get(c.doc) for c in claims]
    known_places = {p for p in where if p}
    only_place = next(iter(known_places)) if len(known_places) == 1 else None
    where = [p or only_place or "any" for p in where]
    classes = [subject_class(c.subject) for c in claims]
    keys: list[tuple[str, str]] = [(c.category, w) for c, w in zip(claims, where)]
    periods = [""] * len(claims)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        by_key[key].append(i)
    for members in by_key.values():
        labels = _periods([_day(claims[i].as_of) or _day(published.get(claims[i].doc)) for i in members])
        for i, label in zip(members, labels):
            periods[i] = label
    return [f"{c.category}/{cls}/{w}/{period}" for c, cls, w, period in zip(claims, classes, where, periods)]


def _interval(f: Figure) -> tuple[float, float]:
    low = f.low if f.low is not None else 0
    high = f.high if f.high is not None else float("inf")
    if f.qualifier == "about":
        return low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE)
    return low, high


def figures_disagree(figures: Sequence[Figure]) -> bool:
    """Whether two figures cannot both be true: their stated intervals do not overlap."""
    intervals = [_interval(f) for f in figures]
    return max(lo for lo, _ in intervals) > min(hi for _, hi in intervals)


def summarize(claims: Sequence[Claim], groups: Sequence[str]) -> list[ClaimGroup]:
    """Per group, in order of first appearance: range, figures with sources, disagreement."""
    members: dict[str, list[Claim]] = defaultdict(list)
    for claim, group in zip(claims, groups):
        members[group].append(claim)
    summary = []
    for group, items in members.items():
        figures = tuple(
            Figure(c.doc, c.start, c.end, c.low, c.high, c.qualifier, c.source_text, c.as_of, c.hedged) for c in items
        )
        lows = [f.low if f.low is not None else f.high for f in figures]
        highs = [f.high for f in figures]
        subjects = [c.subject for c in items if c.subject]
        summary.append(
            ClaimGroup(
                group=group,
                category=items[0].category,
                subject=max(set(subjects), key=subjects.count) if subjects else GENERIC,
                low=min(v for v in lows if v is not None),
                high=None if any(h is None for h in highs) else max(highs),
                figures=figures,
                sources=tuple(dict.fromkeys(primary_source(f.source_text) if f.source_text else None for f in figures)),
                disagree=figures_disagree(figures),
            )
        )
    return summary

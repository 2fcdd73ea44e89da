"""The data that flows through crisisdesk, stage by stage.

Per-document facts (everything an extractor yields) carry `doc, start, end` into
`Document.text` and refer to actors and places by the words the text uses
(`*_text` fields plus the span of that surface form).  Only the resolve stage,
which sees every document, turns those words into the stable ids that the
export carries (`ref`, `actor1`, `place`, `speaker`, `source`, `cluster`, `group`).
Keeping ids out of the per-document stage is what lets it run as a pure map on
any executor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Qualifier = Literal["exact", "at_least", "at_most", "about"]
Precision = Literal["day", "days", "week", "month", "year"]


@dataclass(frozen=True)
class Span:
    """Provenance of a fact: `Document.text[start:end]` in document `doc`."""

    doc: str
    start: int
    end: int


@dataclass
class Document:
    """One article as read and cleaned; `text` is the original text (see EXPORT.md)."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str = "en"
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    duplicate_of: str | None = None
    title_span: tuple[int, int] | None = None

    def in_boilerplate(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a span judged not to be article text."""
        return any(s < end and start < e for s, e in self.boilerplate)


@dataclass(frozen=True)
class Unchanged:
    """A file (or record) whose text is already stored: not cleaned or parsed again."""

    id: str
    source: str


@dataclass(frozen=True)
class Skipped:
    """A file (or record) that was not read, and the one-line reason why."""

    source: str
    reason: str


@dataclass(frozen=True)
class EntityMention:
    """A name in the text: a person, organisation, group, country or place."""

    doc: str
    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC
    kind: str  # actor kind (EXPORT.md actors.kind)
    rule: str
    confidence: float | None = None
    canonical: str | None = None  # the curated list's canonical name, when it knew this one


@dataclass(frozen=True)
class PlaceMention:
    """A place name resolved within its document to a gazetteer entry (or not)."""

    doc: str
    start: int
    end: int
    text: str
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str | None  # country|admin1|admin2|city|site
    rule: str
    confidence: float | None = None


@dataclass(frozen=True)
class TimeExpr:
    doc: str
    start: int
    end: int
    text: str
    value: str  # YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD
    precision: Precision
    rule: str
    confidence: float | None = None


@dataclass(frozen=True)
class Claim:
    doc: str
    start: int
    end: int
    category: str
    subject: str | None
    low: int | None
    high: int | None
    qualifier: Qualifier
    as_of: str | None
    source_text: str | None
    hedged: bool
    rule: str
    confidence: float | None = None


@dataclass(frozen=True)
class Quote:
    doc: str
    start: int
    end: int
    speaker_text: str | None
    direct: bool
    rule: str
    confidence: float | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True)
class Event:
    doc: str
    start: int
    end: int
    event_type: str
    sub_event_type: str
    date: str | None
    date_precision: str | None
    place_text: str | None
    actor1_text: str | None
    actor2_text: str | None
    fatalities: int | None
    rule: str
    confidence: float | None = None
    geo_precision: int | None = None
    place_start: int | None = None
    place_end: int | None = None


@dataclass(frozen=True)
class FramingTerm:
    doc: str
    actor_class: str
    term: str
    count: int


@dataclass(frozen=True)
class Fingerprint:
    """What the reprint finder needs of a document, taken in the per-document stage
    so that resolving never reloads the texts: the MinHash of its word shingles
    (hex; empty when the text is too short to judge) and its content-word count."""

    doc: str
    minhash: str
    content_words: int


@dataclass
class DocFacts:
    """Everything the per-document stage learned about one document."""

    document: Document
    mentions: list[EntityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    framing: list[FramingTerm] = field(default_factory=list)
    fingerprints: list[Fingerprint] = field(default_factory=list)  # one, stored like the facts
    timings: dict[str, float] = field(default_factory=dict)


# ---- resolved, cross-document records (what the export carries) -------------


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Place:
    id: str
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str | None


@dataclass
class Report:
    """The export as Python objects: `crisisdesk.v1` rows, already resolved."""

    documents: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    framing: list[dict] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

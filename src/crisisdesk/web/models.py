"""The JSON API's shapes, as pydantic models: they are the OpenAPI schema's components.

Fact rows keep the `crisisdesk.v1` field names (EXPORT.md); the web adds
display fields (names of referenced places and actors, the outlet, the
evidence words) so a client need not join them itself.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class Piece(BaseModel):
    text: str
    hit: bool


class DocumentSummary(BaseModel):
    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    duplicate_of: str | None
    snippet: list[Piece] | None = Field(None, description="search hits in context, when the list answers a query")


class DocumentList(BaseModel):
    q: str | None
    total: int
    limit: int
    offset: int
    search_backend: str
    documents: list[DocumentSummary]


class Highlight(BaseModel):
    text: str
    kinds: list[str] = Field(description="kinds of the facts covering this piece: event, claim, quote, time, place, actor, boilerplate")
    labels: list[str]
    anchors: list[str]


class DocumentDetail(BaseModel):
    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    published_inferred: bool
    language: str | None
    duplicate_of: str | None
    text: str
    boilerplate: list[list[int]]
    facts: dict[str, list[dict]] = Field(description="the document's mentions, times, events, claims and quotes, as exported")
    highlights: list[Highlight] = Field(description="the text cut at every fact boundary, each piece with the facts covering it")


class EventRow(BaseModel):
    id: str
    doc: str
    start: int
    end: int
    event_type: str
    sub_event_type: str
    date: str | None
    date_precision: str | None
    place: str | None
    place_name: str | None
    actor1: str | None
    actor1_name: str | None
    actor2: str | None
    actor2_name: str | None
    fatalities: int | None
    cluster: str | None
    rule: str
    confidence: float | None
    outlet: str | None
    title: str | None
    evidence: str


class EventList(BaseModel):
    filters: dict[str, str]
    total: int
    limit: int
    offset: int
    formats: list[str] = Field(description="export formats for GET /api/events/export/{format}")
    events: list[EventRow]


class ClaimRow(BaseModel):
    id: str
    doc: str
    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: str
    value: str
    as_of: str | None
    hedged: bool
    rule: str
    confidence: float | None
    source_text: str | None
    source_name: str
    outlet: str | None
    evidence: str


class ClaimGroup(BaseModel):
    id: str
    category: str
    subject: str | None
    low: int | None
    high: int | None
    range: str
    disagree: bool = Field(description="true when no single number fits every source's claim")
    claims: list[ClaimRow]


class ActorRow(BaseModel):
    id: str
    name: str
    kind: str
    aliases: list[str]
    mentions: int
    events: int


class TypeCount(BaseModel):
    event_type: str
    clusters: int


class PlaceRow(BaseModel):
    id: str
    name: str
    kind: str | None
    country: str | None
    mentions: int
    events: int
    fatalities: int


class Overview(BaseModel):
    crisis: str
    corpus: str
    counts: dict[str, int]
    events_by_type: list[TypeCount]
    claim_groups: list[ClaimGroup]
    disagreements: int
    top_actors: list[ActorRow]
    top_places: list[PlaceRow]
    formats: list[str]


class NewDocument(BaseModel):
    text: str = Field(description="the article text; stored exactly as given")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    url: str | None = Field(None, description="where the article came from; becomes the document's source")


class SkippedItem(BaseModel):
    name: str
    reason: str


class JobDocument(BaseModel):
    id: str
    title: str | None


class JobStatus(BaseModel):
    id: str
    names: list[str]
    state: str = Field(description="queued, running, done or failed")
    documents_done: int
    stored: int
    unchanged: int = Field(description="documents already in the store (same text)")
    documents: list[JobDocument] = Field(description="the documents this job stored")
    skipped: list[SkippedItem]
    error: str | None
    created: float
    finished: float | None

"""Everything one running web app holds: the store, its change stamp, its readers, the kept
answers, the search index and the jobs.

Routes reach it through `get_desk(request)`, so the pages and the API share one
of each and a test can build as many apps (over as many databases) as it likes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Query, Request

from ..export import EXPORTERS
from ..store import Store
from .cache import Answers
from .data import Reader
from .filters import EventFilters, FilterError
from .jobs import Jobs
from .search import SearchIndex
from .version import StoreVersion

# Rows per page of documents and events: a screenful to scan; downloads carry all rows.
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
# Media types and file name endings of the known export formats; a format not listed
# here downloads as text, named after the last word of its registry name.
FORMAT_MEDIA = {"json": "application/json", "geojson": "application/geo+json", "csv": "text/csv"}


@dataclass
class Desk:
    store: Store
    version: StoreVersion
    reader: Reader
    answers: Answers
    search: SearchIndex
    jobs: Jobs
    token: str | None

    @classmethod
    def open(cls, db: str, *, token: str | None, upload_dir: Path) -> Desk:
        store = Store(db)
        version = StoreVersion(store.url, store.engine)
        search = SearchIndex(store.engine)
        jobs = Jobs(db, upload_dir, on_done=search.refresh, writing=version.writing)
        return cls(store=store, version=version, reader=Reader(store, version), answers=Answers(version),
                   search=search, jobs=jobs, token=token)

    def close(self) -> None:
        self.jobs.stop()
        self.version.close()
        self.store.close()


def get_desk(request: Request) -> Desk:
    return request.app.state.desk


def export_formats() -> list[str]:
    return EXPORTERS.names()


def format_file(name: str) -> tuple[str, str]:
    """(file ending, media type) of an export format: `acled-csv` -> (`csv`, `text/csv`)."""
    ending = name.rsplit("-", 1)[-1]
    return ending, FORMAT_MEDIA.get(ending, "text/plain")


def event_filters(
    type: str | None = Query(None, description="ACLED event type or sub-event type, exactly"),
    date_from: str | None = Query(None, description="YYYY-MM-DD: events ending on or after this day"),
    date_to: str | None = Query(None, description="YYYY-MM-DD: events starting on or before this day"),
    place: str | None = Query(None, description="place id, or words of its name"),
    actor: str | None = Query(None, description="actor id, or words of a name or alias"),
    outlet: str | None = Query(None, description="words of the outlet's name"),
) -> EventFilters:
    try:
        return EventFilters.parse(type=type, date_from=date_from, date_to=date_to, place=place, actor=actor, outlet=outlet)
    except FilterError as exc:
        raise HTTPException(400, str(exc)) from None


def page_count(total: int, size: int) -> int:
    return max(1, math.ceil(total / size))

"""The JSON API: everything the pages show, plus adding reports. Documented at /api/docs."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import Response

from ..errors import InputError
from ..export import EXPORTERS
from ..ingest.jsonl import record_document
from .desk import MAX_PAGE_SIZE, PAGE_SIZE, Desk, event_filters, export_formats, format_file, get_desk
from .filters import EventFilters, filtered_export
from .highlight import pieces
from .jobs import Upload, client_name, stored_name
from .models import ActorRow, ClaimGroup, DocumentDetail, DocumentList, EventList, JobStatus, NewDocument, Overview
from .search import snippet_segments
from .security import authorize_write

# Files one upload may carry: a folder's worth of articles; more goes through `crisisdesk run`.
MAX_FILES_PER_UPLOAD = 200
# Bytes read from an uploaded file per step while it is written to the upload folder.
COPY_CHUNK = 1 << 16
# What a document id looks like (the store's content hash); anything else is a 404 without a query.
DOC_ID = r"^[0-9a-f]{16}$"
JOB_ID = r"^[0-9a-f]{32}$"

router = APIRouter(prefix="/api", tags=["api"])
DeskDep = Annotated[Desk, Depends(get_desk)]


def writer(request: Request) -> None:
    """Write endpoints' guard: the app's token (when set) and same-origin requests only."""
    authorize_write(request, get_desk(request).token)


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Offset = Annotated[int, Query(ge=0)]


@router.get("/overview", response_model=Overview, summary="The report's sections, live from the store")
def overview(desk: DeskDep) -> dict:
    return {**desk.reader.overview(), "formats": export_formats()}


def document_list(desk: Desk, q: str | None, limit: int, offset: int) -> dict:
    if q and q.strip():
        hits, total = desk.search.search(q, limit=limit, offset=offset)
        rows = desk.reader.document_summaries([h.doc for h in hits])
        documents = [
            {**rows[h.doc], "snippet": [{"text": t, "hit": hit} for t, hit in snippet_segments(h.snippet)]}
            for h in hits if h.doc in rows
        ]
    else:
        documents, total = desk.reader.document_rows(limit=limit, offset=offset)
    return {"q": q, "total": total, "limit": limit, "offset": offset, "search_backend": desk.search.backend,
            "documents": documents}


@router.get("/documents", response_model=DocumentList, summary="Documents, newest first, or those matching a search")
def documents(desk: DeskDep, q: Annotated[str | None, Query(max_length=500, description="words to find in titles and texts")] = None,
              limit: Limit = PAGE_SIZE, offset: Offset = 0) -> dict:
    return document_list(desk, q, limit, offset)


def document_detail(desk: Desk, doc_id: str) -> dict:
    row = desk.reader.document(doc_id)
    if row is None:
        raise HTTPException(404, f"no document {doc_id}")
    boilerplate = [list(s) for s in json.loads(row["boilerplate"])]
    marks = desk.reader.marks(doc_id, boilerplate)
    return {
        **{k: row[k] for k in ("id", "source", "title", "outlet", "published", "language", "duplicate_of", "text")},
        "published_inferred": bool(row["published_inferred"]),
        "boilerplate": boilerplate,
        "facts": desk.reader.snapshot().facts_of(doc_id),
        "highlights": [
            {"text": p.text, "kinds": list(p.kinds), "labels": list(p.labels), "anchors": list(p.anchors)}
            for p in pieces(row["text"], marks)
        ],
    }


@router.get("/documents/{doc_id}", response_model=DocumentDetail, summary="One document with every extracted fact")
def document(desk: DeskDep, doc_id: Annotated[str, Path(pattern=DOC_ID)]) -> dict:
    return document_detail(desk, doc_id)


@router.get("/events", response_model=EventList, summary="Event mentions passing the filters, by day")
def events(desk: DeskDep, filters: Annotated[EventFilters, Depends(event_filters)],
           limit: Limit = MAX_PAGE_SIZE, offset: Offset = 0) -> dict:
    ids = desk.reader.event_ids(filters)
    return {"filters": filters.params(), "total": len(ids), "limit": limit, "offset": offset,
            "formats": export_formats(), "events": desk.reader.event_rows(ids[offset:offset + limit])}


@router.get("/events/export/{format}", summary="Download the filtered events in an export format",
            responses={200: {"content": {"application/json": {}, "text/csv": {}, "application/geo+json": {}}}})
def export_events(desk: DeskDep, format: str, filters: Annotated[EventFilters, Depends(event_filters)]) -> Response:
    if format not in EXPORTERS:
        raise HTTPException(404, f"unknown format {format!r}; known: {', '.join(export_formats())}")
    export = filtered_export(desk.reader.snapshot().export, desk.reader.event_ids(filters))
    ending, media = format_file(format)
    return Response(
        EXPORTERS.get(format)(export), media_type=media,
        headers={"Content-Disposition": f'attachment; filename="events.{ending}"'},
    )


@router.get("/claims", response_model=list[ClaimGroup], summary="Claim groups: one quantity, every source, disagreements flagged")
def claims(desk: DeskDep) -> list[dict]:
    return desk.reader.claim_group_rows()


@router.get("/actors", response_model=list[ActorRow], summary="Actors with their aliases, most named first")
def actors(desk: DeskDep) -> list[dict]:
    return desk.reader.actor_rows()


@router.post("/documents", response_model=JobStatus, status_code=202, dependencies=[Depends(writer)],
             summary="Add one article as JSON; processed in the background (poll the job)")
def add_document(desk: DeskDep, body: NewDocument) -> dict:
    record = body.model_dump(exclude_none=True)
    line = json.dumps(record, ensure_ascii=False)
    name = client_name(body.title, "pasted text")
    try:
        record_document(line.encode("utf-8"), name)  # refuse now, with the CLI's reason, what the run would skip
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    job_id, folder = desk.jobs.new_folder()
    path = folder / "01.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    return desk.jobs.submit(job_id, [Upload(path, name)]).public()


@router.post("/uploads", response_model=JobStatus, status_code=202, dependencies=[Depends(writer)],
             summary="Upload report files (.txt .md .html .jsonl); processed in the background")
async def upload(desk: DeskDep, files: Annotated[list[UploadFile], File(description="one or more files")]) -> dict:
    if not files:
        raise HTTPException(400, "no files in the upload")
    if len(files) > MAX_FILES_PER_UPLOAD:
        raise HTTPException(400, f"{len(files)} files is over the {MAX_FILES_PER_UPLOAD}-file limit of one upload")
    job_id, folder = desk.jobs.new_folder()
    uploads = []
    for index, item in enumerate(files, start=1):
        name = client_name(item.filename, f"file {index}")
        path = folder / stored_name(index, name)
        with path.open("wb") as out:
            while chunk := await item.read(COPY_CHUNK):
                out.write(chunk)
        uploads.append(Upload(path, name))
    return desk.jobs.submit(job_id, uploads).public()


@router.get("/jobs/{job_id}", response_model=JobStatus, summary="Progress of a job that adds documents")
def job(desk: DeskDep, job_id: Annotated[str, Path(pattern=JOB_ID)]) -> dict:
    found = desk.jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id} (jobs are forgotten when the server restarts)")
    return found.public()


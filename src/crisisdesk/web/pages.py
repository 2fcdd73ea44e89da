"""The HTML pages: server-rendered Jinja2 templates with autoescaping on.

Every string from a document reaches the page through a template expression,
so it is escaped; no template marks anything `safe`.  The pages' only script
(/static/web.js) adds the upload form's progress and nothing a reader needs
to read the data.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from ..report.clusters import EVENT_TYPES
from .api import DOC_ID, MAX_FILES_PER_UPLOAD, document_detail, document_list
from .data import claim_value
from .desk import MAX_PAGE_SIZE, PAGE_SIZE, Desk, export_formats, format_file, get_desk, page_count
from .filters import EventFilters, FilterError
from .highlight import KINDS
from .security import MAX_UPLOAD_BYTES

router = APIRouter(include_in_schema=False)
DeskDep = Annotated[Desk, Depends(get_desk)]


def type_class(event_type: str | None) -> str:
    """The colour class of an ACLED event type, as the offline report uses it (t0..t5, tx)."""
    return f"t{EVENT_TYPES.index(event_type)}" if event_type in EVENT_TYPES else "tx"


def query_string(params: dict, **changes) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "", 0)}
    return "?" + urlencode(merged) if merged else ""


_env = Environment(loader=PackageLoader("crisisdesk.web", "templates"), autoescape=select_autoescape(default=True))
_env.globals.update(type_class=type_class, query_string=query_string, claim_value=claim_value, KINDS=KINDS,
                    format_file=format_file)
templates = Jinja2Templates(env=_env)


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"nav": name.removesuffix(".html"), **context},
                                      status_code=status_code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status, status=status, message=message)


@router.get("/")
def overview(request: Request, desk: DeskDep) -> Response:
    return render(request, "overview.html", view=desk.reader.overview())


@router.get("/documents")
def documents(request: Request, desk: DeskDep, q: Annotated[str | None, Query(max_length=500)] = None,
              page: Annotated[int, Query(ge=1)] = 1) -> Response:
    listing = document_list(desk, q, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return render(request, "documents.html", listing=listing, q=q or "", page=page,
                  pages=page_count(listing["total"], PAGE_SIZE))


@router.get("/documents/{doc_id}")
def document(request: Request, desk: DeskDep, doc_id: Annotated[str, Path(pattern=DOC_ID)]) -> Response:
    detail = document_detail(desk, doc_id)
    snap = desk.reader.snapshot()
    return render(request, "document.html", doc=detail, facts=detail["facts"], names=snap.name,
                  mention_kind=snap.mention_kind)


@router.get("/events")
def events(request: Request, desk: DeskDep, page: Annotated[int, Query(ge=1)] = 1,
           type: str | None = None, date_from: str | None = None, date_to: str | None = None,
           place: str | None = None, actor: str | None = None, outlet: str | None = None) -> Response:
    raw = {"type": type, "date_from": date_from, "date_to": date_to, "place": place, "actor": actor, "outlet": outlet}
    try:
        filters = EventFilters.parse(**raw)
    except FilterError as exc:
        return render(request, "events.html", status_code=400, error=str(exc), raw=raw, rows=[], total=0,
                      filters={}, types=desk.reader.event_types(), formats=[], page=1, pages=1)
    ids = desk.reader.event_ids(filters)
    start = (page - 1) * MAX_PAGE_SIZE
    return render(request, "events.html", error=None, raw=raw, filters=filters.params(), total=len(ids),
                  rows=desk.reader.event_rows(ids[start:start + MAX_PAGE_SIZE]), types=desk.reader.event_types(),
                  formats=export_formats(), page=page, pages=page_count(len(ids), MAX_PAGE_SIZE))


@router.get("/claims")
def claims(request: Request, desk: DeskDep) -> Response:
    return render(request, "claims.html", groups=desk.reader.claim_group_rows())


@router.get("/actors")
def actors(request: Request, desk: DeskDep) -> Response:
    return render(request, "actors.html", actors=desk.reader.actor_rows())


@router.get("/add")
def add(request: Request, desk: DeskDep) -> Response:
    return render(request, "add.html", needs_token=desk.token is not None, max_bytes=MAX_UPLOAD_BYTES,
                  max_files=MAX_FILES_PER_UPLOAD)


@router.get("/jobs/{job_id}")
def job(request: Request, desk: DeskDep, job_id: Annotated[str, Path(pattern=r"^[0-9a-f]{32}$")]) -> Response:
    found = desk.jobs.get(job_id)
    if found is None:
        raise HTTPException(404, "no such job (jobs are forgotten when the server restarts)")
    return render(request, "job.html", job=found.public())


@router.get("/api/docs")
def api_docs(request: Request) -> Response:
    """The OpenAPI schema as a page, rendered here: the stock docs would load scripts from a CDN."""
    schema = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, **op}
        for path, item in schema["paths"].items()
        for method, op in item.items()
    ]
    models = [
        {"name": name, "fields": [
            {"name": field, "type": type_name(spec), "required": field in model.get("required", ()),
             "description": spec.get("description", "")}
            for field, spec in model.get("properties", {}).items()
        ]}
        for name, model in schema.get("components", {}).get("schemas", {}).items()
        if not name.endswith("ValidationError")
    ]
    return render(request, "apidocs.html", schema=schema, operations=operations, models=models)


def type_name(spec: dict) -> str:
    """An OpenAPI type as a reader says it: `string or null`, `list of EventRow`."""
    if not isinstance(spec, dict):  # `additionalProperties: true`
        return "any"
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in spec:
        return " or ".join(type_name(s) for s in spec["anyOf"])
    if spec.get("type") == "array":
        return f"list of {type_name(spec.get('items', {}))}"
    if spec.get("type") == "object" and "additionalProperties" in spec:
        return f"map to {type_name(spec['additionalProperties'])}"
    return spec.get("type", "any")

"""`create_app(db)`: the FastAPI app over one store; `crisisdesk serve` runs it with uvicorn.

Layers, outermost first: security headers on every response; accepted Host
names (loopback names when bound to loopback, against DNS rebinding); the
upload size limit; the cache of read answers (`cache.py`); then the routes:
JSON API under /api, pages at /, static files at /static.  Errors leave as a short message, never a traceback: a
generic 500 handler logs the exception on the server and answers
"internal error".
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..store import database_url
from . import api, pages
from .cache import CachedReads
from .desk import Desk
from .security import CSP, MAX_UPLOAD_BYTES, BodyLimit, SecurityHeaders

log = logging.getLogger(__name__)

# Headers for responses written by the outermost error handler, which runs outside SecurityHeaders.
ERROR_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff"}


def default_upload_dir(db: str | Path) -> Path:
    """Beside a SQLite file (`out/uploads/`), so uploads are kept with the data; else a fresh temp folder."""
    url = database_url(db)
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).parent / "uploads"
    return Path(tempfile.mkdtemp(prefix="crisisdesk-uploads-"))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    upload_dir: Path | None = None,
    allowed_hosts: Sequence[str] | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The web app over the store at `db` (a SQLite path or a database URL).

    `token`: required as `Authorization: Bearer <token>` by the write endpoints.
    `allowed_hosts`: Host header names to accept (None: any).
    """
    desk = Desk.open(str(db), token=token, upload_dir=upload_dir or default_upload_dir(db))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        desk.close()

    app = FastAPI(
        title="crisisdesk",
        summary="Situation reports from news: documents, events, claims and actors, and adding reports.",
        version="1",
        docs_url=None,  # the stock docs load scripts from a CDN; /api/docs renders the schema itself
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.desk = desk
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("crisisdesk.web") / "static")), name="static")

    @app.get("/static-report/style.css", include_in_schema=False)
    def report_style() -> Response:
        """The offline report's stylesheet, shared so both front ends look alike."""
        css = (resources.files("crisisdesk.report") / "assets" / "style.css").read_text(encoding="utf-8")
        return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        if _wants_json(request):
            return JSONResponse({"detail": problems}, status_code=422)
        return pages.error_page(request, 422, problems)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.error("error answering %s %s", request.method, request.url.path, exc_info=exc)
        if _wants_json(request):
            return JSONResponse({"detail": "internal error"}, status_code=500, headers=ERROR_HEADERS)
        return PlainTextResponse("Internal error: the server logged it.", status_code=500, headers=ERROR_HEADERS)

    app.add_middleware(CachedReads, answers=desk.answers)
    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app

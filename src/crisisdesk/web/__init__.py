"""The web app over the store: `create_app(db)`, served by `crisisdesk serve`.

Modules: app.py (assembly, error handlers), security.py (bind rules, token,
origin check, CSP, size limit), desk.py (what one app holds), data.py (views
read from the store and its export), filters.py (event filters in SQL),
search.py (full-text search), highlight.py (facts over a text), jobs.py
(background processing of added reports) and worker.py (the process that
parses them), version.py (the store's change stamp) and cache.py (read answers
kept per stamp), api.py (JSON routes), pages.py (HTML routes; templates/ and
static/), loadtest.py (the bounded load test).
"""

from .app import create_app
from .security import MAX_UPLOAD_BYTES

__all__ = ["create_app", "MAX_UPLOAD_BYTES"]

"""One self-contained HTML file: the page shell, its script and styles, the libraries and the data.

The file opens from disk with no network at all: every script, style and the map's
boundaries are inlined, and a Content-Security-Policy forbids loading anything
from anywhere.  Text from documents never becomes markup: the data travels as JSON
inside a `<script type="application/json">` element, escaped so no string can end
that element, and the page's script sets it with `textContent` only.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .vendor import inline_safe, load
from .view import build_view

# default-src 'none' forbids every fetch, frame, font and connection; inline
# scripts and styles are the report itself; images only as data: URLs.
CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

# Characters that could end a <script> element, open a comment in it or, in old
# parsers, end a JavaScript string; \uXXXX means the same inside JSON strings.
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")

_SLOT = re.compile(r"\{\{(\w+)\}\}")


def script_json(value: object) -> str:
    """JSON that is safe as the content of a `<script type="application/json">` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (resources.files("crisisdesk.report") / "assets" / name).read_text(encoding="utf-8")


def render_html(export: dict) -> str:
    """The whole report for a `crisisdesk.v1` export, as one HTML document.

    Raises `AssetsError` when the npm packages are not installed (`npm ci`).
    """
    vendor = load()
    slots = {
        "csp": CSP,
        "style": inline_safe(_asset("style.css"), "style.css"),
        "data": script_json(build_view(export)),
        "countries": script_json(vendor.countries),
        "vendor": "\n".join(vendor.scripts),
        "app": inline_safe(_asset("app.js"), "app.js"),
    }
    # One pass over the template only: inserted text is never scanned for slots.
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("template.html"))

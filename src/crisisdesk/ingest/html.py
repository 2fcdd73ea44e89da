"""HTML pages: trafilatura extracts the article text and its metadata.

The Document's text is the extracted text (EXPORT.md: offsets point into
it), so navigation, scripts and footers never reach the parser.  Hostile
pages (script floods, broken or 10,000-deep markup) either yield text or a
one-line reason; trafilatura's own failures are caught here, at the edge
where third-party code meets the run.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from pathlib import Path

import trafilatura

from ..errors import InputError
from ..model import Document, Unchanged
from .decode import decode, read_limited
from .document import build_document, iso_date
from .readers import READERS


def extract_html(html: str, source: str, known: Container[str] = frozenset()) -> Document | Unchanged:
    """The article in `html` as a Document, or InputError when there is none."""
    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as error:  # lxml and trafilatura raise many types on hostile markup
        raise InputError(source, f"HTML could not be parsed ({type(error).__name__})") from None
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(source, "no article text found in the HTML")
    return build_document(
        extracted.text,
        source,
        title=extracted.title,
        outlet=extracted.sitename,
        published=iso_date(extracted.date) if extracted.date else None,
        known=known,
    )


@READERS.register("html", example="a saved news page", suffixes=(".html", ".htm"))
def read_html(path: Path, *, max_bytes: int, known: Container[str] = frozenset()) -> Iterator[Document | Unchanged]:
    decoded = decode(read_limited(path, max_bytes), str(path))
    yield extract_html(decoded.text, str(path), known)

"""Build a Document from its text and whatever metadata the reader found.

Metadata from the container (HTML meta tags, JSONL fields) wins over what
`clean()` reads from the text, because it was put there on purpose; the text
is still cleaned for boilerplate and for the fields the container lacks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container

from ..errors import InputError
from ..model import Document, Unchanged
from .clean import clean
from .dates import parse_date
from .language import detect_language
from .outlets import canonical

ID_HEX_CHARS = 16  # 64 bits: no collision expected below billions of documents
# The parser refuses longer texts (nlp.MAX_PARSE_CHARS, about 20 GB of parser
# memory at spaCy's 1 GB per 100,000 characters); refusing here names the file
# instead of failing mid-run.  A test keeps the two equal.
MAX_TEXT_CHARS = 2_000_000
# spaCy's tokenizer re-scans a whitespace-free run for prefixes, suffixes and
# URLs once per piece it splits off, so its time grows with the square of the
# run's length: 25,000 URL-like characters take 2 s, 200,000 take minutes, a
# 2 MB minified or base64 blob hours (found by tests/hostile).  No word or URL
# in prose comes near 5,000 characters (servers cap URLs at about 8 KB, most
# real ones are under 2,000); longer runs are code or encoded data, not text.
# Scripts written without spaces (CJK, kana, Hangul, Thai, fullwidth forms) are
# exempt: the tokenizer keeps such a run whole in linear time (100,000
# characters of Chinese in 0.1 s), and a paragraph of them is prose.
MAX_RUN_WITHOUT_SPACE = 5_000
_UNSPACED_SCRIPTS = "\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_LONG_RUN = re.compile(rf"[^\s{_UNSPACED_SCRIPTS}]{{{MAX_RUN_WITHOUT_SPACE + 1}}}")


def document_id(text: str) -> str:
    """Stable id: a changed text is a new document, the same text the same one."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def iso_date(value: str) -> str | None:
    """YYYY-MM-DD from a date or timestamp string ("2022-01-06T10:00:00Z"), else None."""
    head = value.strip()[:10]
    found = parse_date(head)
    return found.iso if found is not None and found.iso == head else None


def _title_span(text: str, title: str) -> tuple[int, int] | None:
    start = text.find(title)
    return (start, start + len(title)) if start >= 0 else None


def build_document(
    text: str,
    source: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    known: Container[str] = frozenset(),
) -> Document | Unchanged:
    """A Document with boilerplate, title, outlet and date; given metadata first.

    A text whose id is in `known` (already stored) is not cleaned: cleaning and
    language identification are most of a re-run's reading."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(source, f"{len(text):,} characters is over the parser's {MAX_TEXT_CHARS:,}-character limit")
    if (run := _LONG_RUN.search(text)) is not None:
        raise InputError(
            source,
            f"over {MAX_RUN_WITHOUT_SPACE:,} characters without a space at character {run.start():,} "
            "(code or encoded data, not prose)",
        )
    doc_id = document_id(text)
    if doc_id in known:
        return Unchanged(doc_id, source)
    cleaned = clean(text)
    title = title.strip() if title and title.strip() else None
    outlet = outlet.strip() if outlet and outlet.strip() else None
    return Document(
        id=doc_id,
        source=source,
        text=text,
        title=title or cleaned.title,
        title_span=_title_span(text, title) if title else cleaned.title_span,
        outlet=(canonical(outlet) or outlet) if outlet else cleaned.outlet,
        published=published or cleaned.published,
        published_inferred=False if published else cleaned.published_inferred,
        language=detect_language(text),
        boilerplate=cleaned.boilerplate,
    )

"""JSON Lines corpora: one article per line.

Each line is an object with a string `text` and optional string (or null)
`title`, `url`, `published` (YYYY-MM-DD or an ISO timestamp) and `outlet`.
A bad line is Skipped with its file and line number and the file goes on.
Lines are read one at a time, each capped at `max_bytes`, so a corpus of any
size streams in bounded memory.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document, Skipped, Unchanged
from .decode import decode
from .document import build_document, iso_date
from .readers import READERS

OPTIONAL_FIELDS = ("title", "url", "published", "outlet")


def record_document(line: bytes, where: str, known: Container[str] = frozenset()) -> Document | Unchanged:
    """The Document of one JSONL line, or InputError naming `where` (file:line)."""
    decoded = decode(line, where).text
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        raise InputError(where, f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, f"a JSON {type(record).__name__}, expected an object with a `text` field")
    text = record.get("text")
    if not isinstance(text, str):
        missing = "missing" if text is None else f"a {type(text).__name__}, not a string"
        raise InputError(where, f"`text` is {missing}")
    if not text.strip():
        raise InputError(where, "`text` is empty")
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"`{name}` is a {type(value).__name__}, not a string")
    published = record.get("published")
    if published and iso_date(published) is None:
        raise InputError(where, f"`published` {published[:40]!r} is not a YYYY-MM-DD date")
    return build_document(
        text,
        record.get("url") or where,
        title=record.get("title"),
        outlet=record.get("outlet"),
        published=iso_date(published) if published else None,
        known=known,
    )


@READERS.register("jsonl", example='{"text": "...", "url": "https://..."}', suffixes=(".jsonl",))
def read_jsonl(path: Path, *, max_bytes: int, known: Container[str] = frozenset()) -> Iterator[Document | Unchanged | Skipped]:
    """One Document per good line, one Skipped per bad one; blank lines are ignored."""
    with path.open("rb") as handle:
        line_no = 0
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            line_no += 1
            where = f"{path}:{line_no}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := handle.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                    pass
                yield Skipped(where, f"line over the {max_bytes:,}-byte limit (raise --max-bytes to read it)")
                continue
            if not line.strip():
                continue
            try:
                yield record_document(line, where, known)
            except InputError as error:
                yield Skipped(error.source, error.reason)

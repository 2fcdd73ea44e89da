"""Ingest: files and folders in, cleaned Documents (or Skipped reasons) out.

    read_paths(paths) -> Iterator[Document | Skipped]

Stages: discover.py (which files) -> readers by suffix (text.py, html.py,
jsonl.py; each decodes with decode.py) -> document.py (id, language,
clean.py's boilerplate, title, date and outlet).  Nothing here raises on bad
input: every refusal is a Skipped with a one-line reason naming the file.

Duplicates: a file (or JSONL record) whose text equals one already read in
the same call is Skipped as "same text as <first source>", because its
document id (the content hash) is the same; re-running on the same files
yields the same ids, which the store keeps once.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document, Skipped, Unchanged
from . import html, jsonl, text  # noqa: F401  (register the readers)
from .clean import Cleaned, clean
from .discover import discover
from .readers import READERS, known_suffixes, reader_for

__all__ = ["read_paths", "clean", "Cleaned", "READERS", "DEFAULT_MAX_BYTES"]

# 20 MB is about 3 million words, far beyond any article, and small enough
# that a refused file never costs real memory.
DEFAULT_MAX_BYTES = 20_000_000


def _read_one(path: Path, max_bytes: int, known: Container[str]) -> Iterator[Document | Unchanged | Skipped]:
    reader = reader_for(path.suffix)
    try:
        yield from reader(path, max_bytes=max_bytes, known=known)
    except InputError as error:
        yield Skipped(error.source, error.reason)
    except OSError as error:
        yield Skipped(str(path), f"cannot be read: {error.strerror or error}")


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, known: Container[str] = frozenset()
) -> Iterator[Document | Unchanged | Skipped]:
    """Every article under `paths`, in order, with a Skipped for whatever is not one
    and an Unchanged for each one whose id is in `known` (already stored)."""
    first_source: dict[str, str] = {}
    for found in discover(paths, known_suffixes()):
        if isinstance(found, Skipped):
            yield found
            continue
        for item in _read_one(found, max_bytes, known):
            if not isinstance(item, Skipped):
                if item.id in first_source:
                    item = Skipped(item.source, f"same text as {first_source[item.id]} (document {item.id})")
                else:
                    first_source[item.id] = item.source
            yield item

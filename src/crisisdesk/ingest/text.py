"""Plain text and Markdown files: decoded as they are, cleaned by clean.py."""

from __future__ import annotations

from collections.abc import Container, Iterator
from pathlib import Path

from ..model import Document, Unchanged
from .decode import decode, read_limited
from .document import build_document
from .readers import READERS


@READERS.register("text", example="a scraped article saved as .txt", suffixes=(".txt", ".md"))
def read_text(path: Path, *, max_bytes: int, known: Container[str] = frozenset()) -> Iterator[Document | Unchanged]:
    """One Document whose text is the whole decoded file."""
    decoded = decode(read_limited(path, max_bytes), str(path))
    yield build_document(decoded.text, str(path), known=known)

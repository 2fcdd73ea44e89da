"""Lines of a text with their offsets, newline characters left out.

Cleaning works line by line because scraped residue (datelines, captions,
share widgets) sits on lines of its own.  Offsets are into the original text,
so CRLF, CR and LF endings all keep `text[line.start:line.end] == line.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> Iterator[Line]:
    """Every line of `text` (blank ones too), without its line ending."""
    pos = 0
    for match in NEWLINE.finditer(text):
        yield Line(pos, match.start(), text[pos : match.start()])
        pos = match.end()
    if pos < len(text):
        yield Line(pos, len(text), text[pos:])


def strip_span(text: str, start: int, end: int, chars: str | None = None) -> tuple[int, int]:
    """[start, end) narrowed so that neither end is whitespace (or one of `chars`)."""
    while start < end and (text[start].isspace() or (chars is not None and text[start] in chars)):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

"""File readers by type: each turns one path into Documents or Skipped records.

A reader is registered with the file name suffixes it reads; `read_paths`
looks the reader up by suffix, so adding a format is one function here (or
in its own module) and one registry entry.
"""

from __future__ import annotations

from ..registry import Registry

READERS = Registry("readers")


def reader_for(suffix: str):
    """The reader registered for a suffix such as ".txt", or None."""
    for entry in READERS.entries():
        if suffix.lower() in entry.meta["suffixes"]:
            return entry.func
    return None


def known_suffixes() -> tuple[str, ...]:
    return tuple(s for entry in READERS.entries() for s in entry.meta["suffixes"])

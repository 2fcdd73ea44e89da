"""Offline place lookup: a GeoNames index built from registry packages.

`open()` returns a `Gazetteer` over the SQLite index at `$CRISISDESK_GAZETTEER`
or `~/.cache/crisisdesk/gazetteer-<version>.sqlite`, building it first (from
installed packages, no network, about a minute) when it does not exist yet.
`python -m crisisdesk.gazetteer` builds it explicitly.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .index import SCHEMA_VERSION, build
from .lookup import Entry, Gazetteer, Match

__all__ = ["Entry", "Gazetteer", "Match", "build", "default_path", "open"]

ENV_PATH = "CRISISDESK_GAZETTEER"


def default_path() -> Path:
    """Where the index lives unless a path is given: the environment, else the user cache."""
    if os.environ.get(ENV_PATH):
        return Path(os.environ[ENV_PATH]).expanduser()
    return Path.home() / ".cache" / "crisisdesk" / f"gazetteer-{SCHEMA_VERSION}.sqlite"


@lru_cache(maxsize=4)
def _open(path: Path) -> Gazetteer:
    if not path.is_file():
        build(path)
    return Gazetteer(path)


def open(path: Path | str | None = None) -> Gazetteer:  # noqa: A001  (the module's verb)
    """The gazetteer at `path` (default: `default_path()`), built first if missing; one per process."""
    return _open(Path(path).expanduser() if path else default_path())

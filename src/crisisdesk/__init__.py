"""crisisdesk: news reports about a crisis in, a sourced situation report out.

    >>> import crisisdesk
    >>> report = crisisdesk.run(["reports/"])          # doctest: +SKIP
    >>> report.events[0]["event_type"]                   # doctest: +SKIP
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .errors import CrisisdeskError, InputError, ModelError, StoreError
from .model import Report, Skipped
from .settings import Settings

__all__ = ["run", "Report", "Settings", "CrisisdeskError", "InputError", "ModelError", "StoreError"]


def run(paths: Iterable[str | Path], *, db: str | None = None, settings: Settings | None = None) -> Report:
    """Process files and folders and return the resolved report.

    With no `db`, the facts go to a temporary SQLite file that is removed afterwards.
    """
    from .pipeline import run as run_pipeline

    settings = settings or Settings.load()
    with tempfile.TemporaryDirectory(prefix="crisisdesk-") as tmp:
        settings = replace(settings, db=db or str(Path(tmp) / "crisisdesk.db"), out=tmp)
        result = run_pipeline(paths, settings, write_report=False)
    export = result.export
    return Report(
        **{k: export[k] for k in ("documents", "places", "actors", "mentions", "times", "events", "claims", "quotes", "framing")},
        skipped=list(result.skipped),
    )

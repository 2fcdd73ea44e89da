"""`run_texts`: the whole crisisdesk pipeline over a list of texts, for the adapters.

The texts go through the same door as a user's corpus (a JSON Lines file read
by the ingest stage, one line per text with `url: item-<i>`), into a temporary
SQLite store, through resolve, out as a `crisisdesk.v1` export, so a benchmark
measures what `crisisdesk run` would produce.  The store and file are removed
afterwards.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from ...pipeline import run as run_pipeline
from ...settings import Settings


def run_records(records: list[dict], settings: Settings | None = None) -> dict:
    """The export of one run over JSONL records (`text` and optional `published`, `title`).

    Record i's document has `source == "item-<i>"` (see `base.item_index`).
    Identical texts are one document (the store keys documents by content), so
    the export holds the first of them only.
    """
    settings = settings or Settings.load()
    with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-") as tmp:
        corpus = Path(tmp) / "items.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for i, record in enumerate(records):
                handle.write(json.dumps({**record, "url": f"item-{i}"}, ensure_ascii=False) + "\n")
        run_settings = replace(settings, db=str(Path(tmp) / "bench.db"), out=tmp)
        return run_pipeline([corpus], run_settings, write_report=False).export


def run_texts(texts: list[str]) -> dict:
    """The `RunTexts` the adapters take: one document per text, no publication dates."""
    return run_records([{"text": t} for t in texts])

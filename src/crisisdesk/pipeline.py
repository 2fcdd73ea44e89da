"""read -> clean -> parse once -> extract -> store -> resolve -> export.

Documents stream through the per-document stage and are written one
transaction per batch as they come, so memory holds a batch, not the corpus;
documents already in the store (same content hash) are not parsed again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .engine import EXECUTORS
from .errors import CrisisdeskError
from .export import json as export_json
from .ingest import read_paths
from .model import DocFacts, Document, Skipped, Unchanged
from .resolve import resolve
from .settings import Settings
from .store import Store
from .timing import StageClock


@dataclass
class RunResult:
    """What one run did: counts, skipped files, where it wrote, and the export."""

    stored: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    export: dict = field(default_factory=dict)
    report_path: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)


def _new_documents(items: Iterable[Document | Unchanged | Skipped], result: RunResult) -> Iterator[Document]:
    """Documents not yet stored; skipped and unchanged files are counted on the way
    (`read_paths` already marks stored texts Unchanged and repeats Skipped)."""
    for item in items:
        if isinstance(item, Skipped):
            result.skipped.append(item)
        elif isinstance(item, Unchanged):
            result.unchanged += 1
        else:
            yield item


def _store_batch(store: Store, batch: list[DocFacts], result: RunResult, clock: StageClock,
                 on_document: Callable[[Document], None] | None) -> None:
    """Write a batch in one transaction and empty it; each document counts as stored or unchanged."""
    if not batch:
        return
    started = time.perf_counter()
    for new in store.add_many(batch):
        if new:
            result.stored += 1
        else:
            result.unchanged += 1
    clock.add("store", time.perf_counter() - started)
    if on_document:
        for facts in batch:
            on_document(facts.document)
    batch.clear()


def run(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    on_document: Callable[[Document], None] | None = None,
    write_report: bool = True,
) -> RunResult:
    settings = settings or Settings.load()
    if settings.engine not in EXECUTORS:
        raise CrisisdeskError(f"unknown engine {settings.engine!r}; known: {', '.join(EXECUTORS.names())}")
    executor = EXECUTORS.get(settings.engine)
    result = RunResult()
    clock = StageClock()
    store = Store(settings.db)
    try:
        items = clock.wrap("read", read_paths(paths, max_bytes=settings.max_bytes, known=store.document_ids()))
        documents = _new_documents(items, result)
        pending: list[DocFacts] = []
        for facts in executor(documents, settings, clock):
            for name, seconds in facts.timings.items():
                clock.add(f"extract.{name}", seconds)
            pending.append(facts)
            if len(pending) >= settings.batch_size:
                _store_batch(store, pending, result, clock, on_document)
        _store_batch(store, pending, result, clock, on_document)
        store.add_skipped(result.skipped)
        if "parse" in clock.seconds:
            clock.seconds["parse"] -= clock.seconds["read"]

        started = time.perf_counter()
        with store.exclusive("resolve"):  # concurrent runs resolve one after another
            resolve(store)
        clock.add("resolve", time.perf_counter() - started)

        started = time.perf_counter()
        result.export = export_json.build(store)
        if write_report:
            out = Path(settings.out)
            out.mkdir(parents=True, exist_ok=True)
            result.report_path = out / "report.json"
            tmp = result.report_path.with_suffix(".json.tmp")
            tmp.write_bytes(export_json.dump_bytes(result.export))
            tmp.replace(result.report_path)
        clock.add("export", time.perf_counter() - started)
    finally:
        store.close()
    result.timings = dict(clock.seconds)
    return result

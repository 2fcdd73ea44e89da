"""The per-document stage in this process or on a pool of worker processes.

Each worker loads the pipeline once (`nlp.load` is cached per process) and maps
batches of documents to `DocFacts`; only documents and facts cross process
boundaries, never spaCy objects.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterable, Iterator
from itertools import islice

from ..extract import extract_all
from ..model import DocFacts, Document
from ..nlp import Parsed, parse
from ..resolve.dedup import fingerprint
from ..settings import Settings
from ..timing import StageClock


# Documents per job sent to a worker process.  Jobs of a whole nlp.pipe batch
# (16) leave one of two workers idle for the last quarter of a 50-document run;
# jobs of 4 keep every worker busy to the end, and a CPU pipeline parses no
# faster in batches of 16 than of 4.
POOL_JOB_DOCS = 4


def document_facts(parsed: Parsed) -> DocFacts:
    """Every extractor's facts, and the fingerprint the reprint finder reads later."""
    facts = extract_all(parsed)
    started = time.perf_counter()
    facts.fingerprints.append(fingerprint(parsed.document.id, parsed.document.text))
    facts.timings["fingerprint"] = time.perf_counter() - started
    return facts


def process_batch(batch: list[Document], model: str | None, batch_size: int) -> list[DocFacts]:
    """Parse and extract one batch: a pure function of its arguments."""
    return [document_facts(p) for p in parse(batch, model=model, batch_size=batch_size)]


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _work(args: tuple[list[Document], str | None, int]) -> list[DocFacts]:
    return process_batch(*args)


def run_documents(documents: Iterable[Document], settings: Settings, clock: StageClock | None = None) -> Iterator[DocFacts]:
    """DocFacts for every document, streamed in input order.

    In-process, the clock's "parse" includes the reading it pulls from
    upstream (the caller subtracts it); with workers, "workers" is the wait.
    """
    clock = clock or StageClock()
    if settings.processes <= 1:
        for parsed in clock.wrap("parse", parse(documents, model=settings.model, batch_size=settings.batch_size)):
            yield document_facts(parsed)
        return
    jobs = ((b, settings.model, settings.batch_size) for b in _batches(documents, POOL_JOB_DOCS))
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(settings.processes) as pool:
        for facts in clock.wrap("workers", pool.imap(_work, jobs)):
            yield from facts

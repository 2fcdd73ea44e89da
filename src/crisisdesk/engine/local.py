"""The per-document stage in this process or on a pool of worker processes.

Each worker loads the pipeline once and maps batches of documents to
`DocFacts`; only documents and facts cross process boundaries, never spaCy
objects.  A pool outlives the run that started it, so a process that runs the
pipeline again (the web app's jobs, a notebook, the benchmark's measured run
after its warm-up) finds its workers loaded; pools end with the process.
"""

from __future__ import annotations

import atexit
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import Pool
from typing import TypeVar

from ..extract import extract_all
from ..memory import release_free_memory
from ..model import DocFacts, Document
from ..nlp import Parsed, parse
from ..resolve.dedup import fingerprint
from ..settings import Settings
from ..timing import StageClock

# A job sent to a worker process holds documents up to about this many
# characters (a few hundred milliseconds of parsing), and at most
# `POOL_JOB_DOCS` of them; a longer document goes alone.  A run's last jobs
# decide how long one worker waits for the other at the end: jobs of a fixed 4
# documents ran from 6,000 to 38,000 characters on a mixed feed, and one worker
# finished up to a second before the other.  A CPU pipeline parses no faster in
# big batches, so small jobs cost nothing but their messages.
POOL_JOB_CHARS = 5_000
POOL_JOB_DOCS = 4

# Jobs queued per worker: one running and one waiting keeps a worker busy while
# the driver stores, and bounds the documents in flight (reading stays ahead of
# the workers by this much, never by the whole corpus).
JOBS_IN_FLIGHT_PER_WORKER = 2
# Finished jobs held for in-order delivery, per job in flight, behind a slow head.
HELD_PER_SLOT = 3
# How often the driver, waiting on the head job, looks for a free worker (seconds).
POLL_S = 0.02

# Parsed by every new worker before it takes a job, so first-use costs (lexicons,
# the gazetteer, thinc's first call) are paid when the pool starts, not in a run.
WARM_UP_TEXT = "Police said on Monday that 3 people were killed and 12 detained in the capital."

T = TypeVar("T")

_pools: dict[tuple[int, str | None, int], Pool] = {}


def document_facts(parsed: Parsed) -> DocFacts:
    """Every extractor's facts, and the fingerprint the reprint finder reads later."""
    facts = extract_all(parsed)
    started = time.perf_counter()
    facts.fingerprints.append(fingerprint(parsed.document.id, parsed.document.text))
    facts.timings["fingerprint"] = time.perf_counter() - started
    return facts


# Documents this process has parsed since it last gave free memory back.
_since_release = 0


def _release_every(documents: int, every: int) -> None:
    """Give free memory back after every `every` documents, not after every job:
    a trim returns pages the next job faults in again (a worker trimming after
    each 4-document job took 40% more page faults than one trimming every 16)."""
    global _since_release
    _since_release += documents
    if _since_release >= every:
        release_free_memory()
        _since_release = 0


def process_batch(batch: list[Document], model: str | None, batch_size: int) -> list[DocFacts]:
    """Parse and extract one batch.  The facts are a pure function of the
    arguments; the only state kept is when this process last trimmed memory."""
    facts = [document_facts(p) for p in parse(batch, model=model, batch_size=batch_size)]
    _release_every(len(batch), batch_size)
    return facts


def _warm_up_worker(model: str | None, batch_size: int) -> None:
    process_batch([Document(id="warm-up", source="warm-up", text=WARM_UP_TEXT)], model, batch_size)


def worker_pool(processes: int, model: str | None, batch_size: int) -> Pool:
    """The pool of `processes` loaded workers for this model, started on first use."""
    key = (processes, model, batch_size)
    if key not in _pools:
        ctx = multiprocessing.get_context("spawn")
        _pools[key] = ctx.Pool(processes, initializer=_warm_up_worker, initargs=(model, batch_size))
    return _pools[key]


@atexit.register
def close_pools() -> None:
    while _pools:
        _pools.popitem()[1].terminate()


def jobs_of(items: Iterable[T], size: Callable[[T], int], chars: int = POOL_JOB_CHARS,
            docs: int = POOL_JOB_DOCS) -> Iterator[list[T]]:
    """Consecutive runs of `items` of at most `chars` by `size` and at most `docs`
    items; an item longer than `chars` makes a job of its own."""
    job: list[T] = []
    held = 0
    for item in items:
        n = size(item)
        if job and (held + n > chars or len(job) == docs):
            yield job
            job, held = [], 0
        job.append(item)
        held += n
    if job:
        yield job


def _in_order(pool: Pool, jobs: Iterable[tuple], depth: int) -> Iterator[list[DocFacts]]:
    """Results of `process_batch` over `jobs` in input order.

    A new job goes out whenever fewer than `depth` are running, not only when
    the oldest result is taken: waiting on a long job at the head of the line
    left the other worker idle once it had finished the jobs behind it.
    Finished results waiting for the head are bounded too (`HELD_PER_SLOT`),
    so reading stays at most a few jobs ahead of the workers.
    """
    pending: deque = deque()
    source = iter(jobs)
    exhausted = False

    def top_up() -> None:
        nonlocal exhausted
        while not exhausted and len(pending) < depth * HELD_PER_SLOT and sum(not p.ready() for p in pending) < depth:
            job = next(source, None)
            if job is None:
                exhausted = True
                return
            pending.append(pool.apply_async(process_batch, job))

    top_up()
    while pending:
        head = pending[0]
        while not head.ready():
            head.wait(POLL_S)
            top_up()
        pending.popleft()
        yield head.get()
        top_up()


def run_documents(documents: Iterable[Document], settings: Settings, clock: StageClock | None = None) -> Iterator[DocFacts]:
    """DocFacts for every document, streamed in input order.

    In-process, the clock's "parse" includes the reading it pulls from
    upstream (the caller subtracts it); with workers, "workers" is the wait.
    """
    clock = clock or StageClock()
    if settings.processes <= 1:
        for p in clock.wrap("parse", parse(documents, model=settings.model, batch_size=settings.batch_size)):
            yield document_facts(p)
            _release_every(1, settings.batch_size)
        return
    pool = worker_pool(settings.processes, settings.model, settings.batch_size)
    jobs = ((b, settings.model, settings.batch_size) for b in jobs_of(documents, lambda d: len(d.text)))
    for facts in clock.wrap("workers", _in_order(pool, jobs, JOBS_IN_FLIGHT_PER_WORKER * settings.processes)):
        yield from facts

"""The process that runs the pipeline over uploads, so parsing never stalls the server's requests.

spaCy holds Python's GIL while it parses; run in the server's process, a job
would stall every request for as long as it parses (the first one also loads
the language model).  Here it runs in a worker process of its own, started at
the first job and kept, so the model loads once.  There is one worker process
per server process, shared by every app in it (a test builds many apps), and it
takes jobs one at a time: each run ends with the cross-document resolve over
the whole store, so two at once would only wait on each other.

Each job is sent to the worker once and never retried: if the worker dies, the
job says it failed and the next job starts a new worker.  (A worker found dead
before a job was handed to it is replaced and the job handed to the new one.)

The worker is started by `spawn`, a fresh interpreter that imports the server's
main module again, so the program that builds the app must import safely, as
Python's multiprocessing requires: `crisisdesk serve`, uvicorn's command line
and pytest do; a script of one's own starts its server under
`if __name__ == "__main__":`.  Documents stored
along the way are reported as they are stored, through a queue the worker
writes and a thread here relays to the job.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from ..errors import CrisisdeskError
from ..pipeline import run
from ..settings import Settings

log = logging.getLogger(__name__)

# A fresh interpreter, not a fork: the server's process has threads (the event loop's
# pool, the jobs thread) whose locks a fork could copy in a held state.
START_METHOD = "spawn"
CRASHED = "processing failed unexpectedly; the files are kept in the upload folder"


@dataclass(frozen=True)
class Outcome:
    """What one job did: counts, the documents stored, the inputs skipped (source, reason), or why it failed."""

    stored: int = 0
    unchanged: int = 0
    documents: list[dict] = field(default_factory=list)  # {id, title}
    skipped: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None


# In the worker process: where it reports each document it stores (set when the process starts).
_progress: multiprocessing.Queue | None = None


def _start_worker(progress: multiprocessing.Queue) -> None:
    global _progress
    _progress = progress
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the server stops the worker
    threading.Thread(target=_exit_with_parent, name="crisisdesk-parent-watch", daemon=True).start()


def _exit_with_parent() -> None:
    """End the worker when the server's process ends, however it ends.

    uvicorn stops on SIGTERM by raising the signal again once it has shut down, so the
    server's process dies without running its exit handlers (which would stop the
    worker); a killed server never runs them.  A job cut short here is what a killed
    `crisisdesk run` is: each document is stored whole or not at all, and its files stay.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)


def process_job(job_id: str, db: str, paths: list[str]) -> Outcome:
    """In the worker process: the pipeline over one job's files (what `crisisdesk run` does, without the report)."""
    documents: list[dict] = []

    def stored(document) -> None:
        documents.append({"id": document.id, "title": document.title})
        if _progress is not None:
            _progress.put((job_id, document.id, document.title))

    try:
        result = run(paths, Settings.load(db=db), on_document=stored, write_report=False)
    except CrisisdeskError as exc:
        return Outcome(documents=documents, error=str(exc))
    except Exception:  # noqa: BLE001 - the worker must outlive any one job; the job says it failed
        log.exception("job %s failed", job_id)
        return Outcome(documents=documents, error=CRASHED)
    return Outcome(result.stored, result.unchanged, documents, [(s.source, s.reason) for s in result.skipped])


class Worker:
    """The worker process of this server process, and the relay of its progress reports.

    Apps `attach()` when they open and `detach()` when they close; the process starts at
    the first job and stops, after the job in hand, when the last app has closed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._context = multiprocessing.get_context(START_METHOD)
        self._pool: ProcessPoolExecutor | None = None
        self._progress: multiprocessing.Queue | None = None
        self._relay_thread: threading.Thread | None = None
        self._listeners: dict[str, Callable[[str, str | None], None]] = {}
        self._users = 0

    def attach(self) -> None:
        with self._lock:
            self._users += 1

    def detach(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users > 0:
                return
            pool, progress, relay = self._pool, self._progress, self._relay_thread
            self._pool = self._progress = self._relay_thread = None
        if pool is not None:
            pool.shutdown(wait=True)
        if progress is not None and relay is not None:
            progress.put(None)  # the relay's last message; the queue's semaphores go with it
            relay.join()
            progress.close()
            progress.join_thread()

    def run(self, job_id: str, db: str, paths: list[str], on_document: Callable[[str, str | None], None]) -> Outcome:
        """Run one job in the worker process and wait for it; `on_document(id, title)` as each is stored."""
        reported: list[dict] = []

        def stored(doc_id: str, title: str | None) -> None:
            reported.append({"id": doc_id, "title": title})
            on_document(doc_id, title)

        with self._lock:
            self._listeners[job_id] = stored
        try:
            try:
                pool, future = self._submit(job_id, db, paths)
            except BrokenProcessPool:  # the worker had died between jobs: this one never started, start it anew
                pool, future = self._submit(job_id, db, paths)
            try:
                return future.result()
            except BrokenProcessPool:
                log.error("the worker process died during job %s; the next job starts a new one", job_id)
                self._drop(pool)
                with self._lock:
                    return Outcome(documents=list(reported), error=CRASHED)  # those it stored before it died
        finally:
            with self._lock:  # the relay calls listeners under this lock: none is called after this
                del self._listeners[job_id]

    def _submit(self, job_id: str, db: str, paths: list[str]) -> tuple[ProcessPoolExecutor, Future]:
        with self._lock:
            pool = self._pool_in_hand()
        try:
            return pool, pool.submit(process_job, job_id, db, paths)
        except BrokenProcessPool:
            self._drop(pool)
            raise

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        """Forget a dead worker, and its progress queue: a worker killed mid-message leaves it torn."""
        with self._lock:
            if self._pool is pool:
                self._pool = self._progress = self._relay_thread = None
        pool.shutdown(wait=False)

    def _pool_in_hand(self) -> ProcessPoolExecutor:
        if self._progress is None:
            self._progress = self._context.Queue()
            self._relay_thread = threading.Thread(target=self._relay, args=(self._progress,),
                                                  name="crisisdesk-progress", daemon=True)
            self._relay_thread.start()
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=self._context,
                                             initializer=_start_worker, initargs=(self._progress,))
        return self._pool

    def _relay(self, progress: multiprocessing.Queue) -> None:
        """Hand each progress report to its job's listener, until None or until the queue is torn."""
        while True:
            try:
                message = progress.get()
            except Exception:  # noqa: BLE001 - a killed worker's half-written report: this queue is done
                return
            if message is None:
                return
            job_id, doc_id, title = message
            with self._lock:
                listener = self._listeners.get(job_id)
                if listener is not None:
                    listener(doc_id, title)


# One per server process: every app in it shares the worker, and so the loaded model.
WORKER = Worker()

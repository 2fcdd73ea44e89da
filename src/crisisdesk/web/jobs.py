"""Reports added through the web app, processed in the background one job at a time.

A job is a set of files already written to the server's upload folder under
names the server chose (`upload_dir/<job id>/NN<suffix>`); the names the client
gave are kept for messages only and never reach the filesystem.  A thread here
hands the jobs one after another to the worker process (`worker.py`), which
runs the same pipeline as `crisisdesk run` over them, so bad input gets the
same one-line reasons, and the files stay in the upload folder afterwards:
nothing sent is lost, even when it was skipped.

A job's writes are published when it ends: it runs inside `writing()` (the
store stamp holds still meanwhile), and its state turns `done` only after the
stamp has moved, so a client that sees `done` reads the new documents.
"""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .worker import CRASHED, WORKER, Outcome

log = logging.getLogger(__name__)

# Finished jobs remembered for `GET /api/jobs/{id}`; older ones are forgotten
# (their documents stay in the store and their files in the upload folder).
MAX_JOBS_KEPT = 500
# A suffix from the client's file name is kept only if it looks like one, so the
# reader registry picks the reader (or refuses the type with the CLI's message).
SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")
# Longest client file name kept for messages.
MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class Upload:
    """One item of a job: where the server stored it and what the client called it."""

    path: Path
    name: str


@dataclass
class Job:
    id: str
    names: list[str]
    state: str = "queued"  # queued | running | done | failed
    documents_done: int = 0
    stored: int = 0
    unchanged: int = 0
    documents: list[dict] = field(default_factory=list)  # {id, title} of each document stored
    skipped: list[dict] = field(default_factory=list)
    error: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def public(self) -> dict:
        return asdict(self)


def client_name(name: str | None, fallback: str) -> str:
    """The client's name for an item, for messages: no folders, bounded, never empty."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return base[:MAX_NAME_CHARS] or fallback


def stored_name(index: int, client: str) -> str:
    """The server's file name for item `index`: a number, plus the client's suffix if it is plain."""
    suffix = Path(client).suffix
    return f"{index:02d}{suffix.lower() if SAFE_SUFFIX.fullmatch(suffix) else ''}"


class Jobs:
    """The queue of jobs for one store, and their progress."""

    def __init__(self, db: str, upload_dir: Path, on_done: Callable[[], None],
                 writing: Callable[[], AbstractContextManager]):
        """`on_done`: called after each job, inside `writing()`; `writing`: held while a job writes."""
        self.db = db
        self.upload_dir = upload_dir
        self.on_done = on_done
        self.writing = writing
        WORKER.attach()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[Job, list[Upload]] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def new_folder(self) -> tuple[str, Path]:
        """A fresh job id and the folder its files go in."""
        job_id = uuid.uuid4().hex
        folder = self.upload_dir / job_id
        folder.mkdir(parents=True, exist_ok=False)
        return job_id, folder

    def submit(self, job_id: str, uploads: list[Upload]) -> Job:
        job = Job(id=job_id, names=[u.name for u in uploads])
        (self.upload_dir / job_id / "names.json").write_text(
            json.dumps({u.path.name: u.name for u in uploads}, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS_KEPT:
                oldest = next(iter(self._jobs.values()))
                if oldest.state in ("queued", "running"):
                    break
                self._jobs.popitem(last=False)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="crisisdesk-jobs", daemon=True)
                self._thread.start()
        self._queue.put((job, uploads))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the job in hand and stop the thread (queued jobs are dropped; their files stay)."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)
        if not self._stopped:
            self._stopped = True
            WORKER.detach()

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            job, uploads = item
            self._run(job, uploads)

    def _run(self, job: Job, uploads: list[Upload]) -> None:
        names = {str(u.path): u.name for u in uploads}

        def display(source: str) -> str:
            """`/…/uploads/<job>/01.jsonl:3` -> `pasted.jsonl:3`: the client's name, never the server path."""
            path, sep, line = source.rpartition(":") if source not in names else (source, "", "")
            if path in names:
                return names[path] + sep + line
            return names.get(source, source)

        def reason(text: str) -> str:
            for path, name in names.items():
                text = text.replace(path, name)
            return text

        def progress(doc_id: str, title: str | None) -> None:
            job.documents_done += 1
            job.documents.append({"id": doc_id, "title": title})

        job.state = "running"
        with self.writing():
            try:
                outcome = WORKER.run(job.id, self.db, [str(u.path) for u in uploads], progress)
            except Exception:  # noqa: BLE001 - the thread must outlive any one job; the job says it failed
                log.exception("job %s failed", job.id)
                outcome = Outcome(documents=list(job.documents), error=CRASHED)
            try:
                self.on_done()
            except Exception:  # noqa: BLE001 - the job's documents are stored; its state must still be published
                log.exception("the step after job %s failed", job.id)
        job.documents_done, job.documents = len(outcome.documents), outcome.documents
        job.finished = time.time()
        if outcome.error is not None:
            job.error = outcome.error.replace(str(self.upload_dir), "uploads")
            job.state = "failed"
        else:
            job.stored, job.unchanged = outcome.stored, outcome.unchanged
            job.skipped = [{"name": display(source), "reason": reason(text)} for source, text in outcome.skipped]
            job.state = "done"

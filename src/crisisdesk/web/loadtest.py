"""A bounded load test of the web app on loopback: `python -m crisisdesk.web.loadtest --db FILE`.

It starts `crisisdesk serve` itself, in a subprocess on a free 127.0.0.1 port,
over a private copy of the database (built from the seed reports first if it is
missing), so the load never reaches another machine and never changes the
database it was given.  N clients (asyncio + httpx2, one keep-alive connection
each, as a browser tab would hold) then read for a fixed time:
pages, searches and API reads, picked at random with a fixed seed.  Meanwhile a
bounded number of small articles written here are added through
`POST /api/documents` and processed by the server's background worker, plus one
resend of the first, which must be recognised as already stored.

It stops by itself and reports requests/s, p50/p95/p99 latency of the reads
and every error (any status but 200, any timeout or dropped connection), and
checks that every upload was processed exactly once: its job finished, stored
one document, and the store's document count grew by exactly the number of
distinct uploads.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx2 as httpx

# The only address the load may target: the test must never load another machine.
LOOPBACK = "127.0.0.1"
# Where the seed reports are, relative to a checkout (`../shared/seeds`).
SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
# The issue's targets for the seeds' database: zero errors and reads answered within this at p95.
P95_TARGET_MS = 300.0
# Seconds for `crisisdesk serve` to answer its first request.
START_TIMEOUT_S = 60.0
# Seconds one request may take before it counts as an error (a timeout).
REQUEST_TIMEOUT_S = 30.0
# Seconds, after the reads end, to wait for the background worker to finish the uploads:
# the first job starts the server's worker process, which loads the language model, then each
# article takes about a second.
JOBS_TIMEOUT_S = 180.0
# Seconds a pooled connection may idle before the client drops it: under uvicorn's 5-s keep-alive, so the
# client never reuses a connection the server is closing (a ReadError that is a race of the test, not the app).
KEEPALIVE_EXPIRY_S = 2.0
# Seconds between two polls of a job.
POLL_INTERVAL_S = 0.25
# Uploads are spread over this share of the run, so their processing overlaps the reads.
UPLOAD_SPAN = 0.5
# Seconds for the server to stop on SIGTERM before it is killed.
STOP_TIMEOUT_S = 15.0
# Words taken from titles for searches; shorter ones are mostly stop words.
MIN_SEARCH_WORD = 4
# Fixed seed: two runs send the same mix of requests.
SEED = 9

# What the clients read, with weights: pages and API reads about equally, searches among them.
READS: tuple[tuple[str, int], ...] = (
    ("page:/", 2),
    ("page:/documents", 1),
    ("page:/documents?q", 3),
    ("page:/documents/{id}", 3),
    ("page:/events", 2),
    ("page:/claims", 1),
    ("page:/actors", 1),
    ("api:/overview", 2),
    ("api:/documents", 1),
    ("api:/documents?q", 3),
    ("api:/documents/{id}", 3),
    ("api:/events", 2),
    ("api:/claims", 1),
    ("api:/actors", 1),
)


class LoadTestError(Exception):
    """The load test could not run (bad host, no database, server would not start)."""


@dataclass(frozen=True)
class LoadConfig:
    db: Path
    clients: int = 50
    seconds: float = 60.0
    uploads: int = 10
    think_ms: float = 0.0  # pause of each client between its requests (a reader on the page); 0: back to back
    host: str = LOOPBACK
    seeds: Path = SEEDS


@dataclass
class Sample:
    kind: str
    ms: float
    status: int  # 0: no answer (timeout, connection error)


@dataclass
class UploadCheck:
    """What the uploads did: each distinct one stored once, the resend stored nowhere."""

    submitted: int
    documents_before: int
    documents_after: int
    problems: list[str] = field(default_factory=list)
    wait_s: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems and self.documents_after - self.documents_before == self.submitted


@dataclass
class LoadReport:
    clients: int
    think_ms: float
    seconds: float
    reads: list[Sample]
    errors: list[str]
    uploads: UploadCheck
    server_errors: list[str]
    load_average: tuple[float, float, float]

    @property
    def requests_per_s(self) -> float:
        return len(self.reads) / self.seconds if self.seconds else 0.0

    def percentile(self, p: int, kind: str | None = None) -> float:
        """The p-th percentile of read latency in ms, of all reads or of one kind."""
        times = sorted(s.ms for s in self.reads if kind is None or s.kind == kind)
        if len(times) < 2:
            return times[0] if times else 0.0
        return statistics.quantiles(times, n=100, method="inclusive")[p - 1]

    @property
    def failures(self) -> list[str]:
        """Why the run failed the issue's targets (empty: it met them all)."""
        found = []
        if self.errors:
            found.append(f"{len(self.errors)} errors")
        if self.server_errors:
            found.append(f"{len(self.server_errors)} errors in the server log")
        if not self.uploads.ok:
            found.append("uploads not processed exactly once")
        if self.percentile(95) >= P95_TARGET_MS:
            found.append(f"p95 {self.percentile(95):.0f} ms is not under {P95_TARGET_MS:.0f} ms")
        return found

    def lines(self) -> list[str]:
        kinds = Counter(s.kind for s in self.reads)
        u = self.uploads
        out = [
            (f"clients {self.clients} (think {self.think_ms:.0f} ms), {self.seconds:.1f} s, {len(self.reads)} reads, "
             f"{self.requests_per_s:.1f} requests/s"),
            (f"read latency ms: p50 {self.percentile(50):.1f}, p95 {self.percentile(95):.1f}, "
             f"p99 {self.percentile(99):.1f}, max {max((s.ms for s in self.reads), default=0):.1f}"),
            f"errors: {len(self.errors)}" + "".join(f"\n  {e}" for e in self.errors[:10]),
            (f"uploads: {u.submitted} distinct + 1 resend; documents {u.documents_before} -> {u.documents_after}; "
             f"all processed after {u.wait_s:.1f} s; " + ("each stored exactly once" if u.ok else "FAILED")
             + "".join(f"\n  {p}" for p in u.problems)),
            "by kind (count, p95 ms): " + ", ".join(f"{k} {n} {self.percentile(95, k):.0f}" for k, n in sorted(kinds.items())),
            "machine load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.2f}" for x in self.load_average),
        ]
        if self.server_errors:
            out.append("server log errors:" + "".join(f"\n  {e}" for e in self.server_errors[:10]))
        out.append("targets met" if not self.failures else "targets missed: " + "; ".join(self.failures))
        return out


def check_host(host: str) -> str:
    """Refuse any address but loopback: this tool only ever loads the machine it runs on."""
    if host != LOOPBACK:
        raise LoadTestError(f"refusing to load {host!r}: the load test only targets {LOOPBACK}")
    return host


def ensure_database(db: Path, seeds: Path) -> None:
    """Build `db` from the seed reports if it does not exist yet (what `crisisdesk run SEEDS --db DB` does)."""
    if db.exists():
        return
    if not seeds.is_dir():
        raise LoadTestError(f"{db} does not exist and there are no seed reports at {seeds} to build it from")
    from ..pipeline import run
    from ..settings import Settings

    db.parent.mkdir(parents=True, exist_ok=True)
    run([seeds], Settings(db=str(db), out=str(db.parent)), write_report=False)


def copy_database(db: Path, target: Path) -> Path:
    """A consistent copy of a SQLite store (WAL included) through SQLite's backup API."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Server:
    """`crisisdesk serve` in a subprocess: the real front door, started and stopped here."""

    def __init__(self, db: Path, host: str, log: Path):
        self.host = check_host(host)
        self.port = free_port(host)
        self.url = f"http://{host}:{self.port}"
        self.log = log
        command = [sys.executable, "-c", "from crisisdesk.cli import main; main()",
                   "serve", "--db", str(db), "--host", host, "--port", str(self.port)]
        env = {k: v for k, v in os.environ.items() if k != "CRISISDESK_TOKEN"}  # no token on loopback
        with log.open("wb") as out:
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LoadTestError(f"the server exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                if httpx.get(f"{self.url}/api/overview", timeout=REQUEST_TIMEOUT_S).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise LoadTestError(f"the server did not answer within {START_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def logged_errors(self) -> list[str]:
        """Lines where the server logged a failure (a 500 or a failed job)."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [line for line in text.splitlines() if re.search(r"\bERROR\b|Traceback|error answering", line)]


@dataclass(frozen=True)
class Targets:
    """What the reads pick from: the store's document ids and words from its titles."""

    doc_ids: list[str]
    words: list[str]

    def url(self, kind: str, rng: random.Random) -> str:
        area, path = kind.split(":", 1)
        prefix = "/api" if area == "api" else ""
        if path.endswith("{id}"):
            return f"{prefix}/documents/{rng.choice(self.doc_ids)}"
        if path.endswith("?q"):
            return f"{prefix}/documents?q={rng.choice(self.words)}"
        return prefix + path


async def targets(client: httpx.AsyncClient) -> Targets:
    listing = (await client.get("/api/documents", params={"limit": 100})).raise_for_status().json()
    docs = listing["documents"]
    if not docs:
        raise LoadTestError("the database has no documents to read")
    words = sorted({w.lower() for d in docs for w in re.findall(r"[^\W\d_]+", d.get("title") or "")
                    if len(w) >= MIN_SEARCH_WORD})
    return Targets([d["id"] for d in docs], words or ["report"])


async def document_count(client: httpx.AsyncClient) -> int:
    return (await client.get("/api/documents", params={"limit": 1})).raise_for_status().json()["total"]


async def reader(client: httpx.AsyncClient, aims: Targets, seed: int, deadline: float, think_s: float,
                 samples: list[Sample], errors: list[str]) -> None:
    rng = random.Random(seed)
    kinds = [k for k, _ in READS]
    weights = [w for _, w in READS]
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        url = aims.url(kind, rng)
        start = time.perf_counter()
        try:
            status = (await client.get(url)).status_code
        except httpx.HTTPError as exc:
            status = 0
            errors.append(f"GET {url}: {type(exc).__name__} {exc}")
        ms = (time.perf_counter() - start) * 1000
        samples.append(Sample(kind, ms, status))
        if status not in (0, 200):
            errors.append(f"GET {url}: {status}")
        if think_s:
            await asyncio.sleep(think_s)


def article(nonce: str, index: int) -> dict:
    """A short article written for the load test; the nonce makes every run's texts new to the store."""
    return {
        "title": f"Load test report {nonce} number {index}",
        "outlet": "Loadtest Wire",
        "published": "2025-03-04",
        "text": (
            f"Load test report {nonce} number {index}\n\n"
            f"Police detained {index + 3} people at a rally outside the city hall on Monday, officials said. "
            f"Organisers said the protest over fuel prices would continue. (ref {nonce}-{index})\n"
        ),
    }


async def submit(client: httpx.AsyncClient, record: dict, errors: list[str]) -> str | None:
    try:
        answer = await client.post("/api/documents", json=record)
    except httpx.HTTPError as exc:
        errors.append(f"POST /api/documents: {type(exc).__name__} {exc}")
        return None
    if answer.status_code != 202:
        errors.append(f"POST /api/documents: {answer.status_code} {answer.text[:200]}")
        return None
    return answer.json()["id"]


async def uploader(client: httpx.AsyncClient, count: int, span_s: float, errors: list[str]) -> tuple[list[str | None], str | None]:
    """Submit `count` distinct articles spread over `span_s`, then resend the first; their job ids."""
    nonce = uuid.uuid4().hex[:12]
    records = [article(nonce, i) for i in range(count)]
    jobs = []
    for record in records:
        jobs.append(await submit(client, record, errors))
        await asyncio.sleep(span_s / (count + 1))
    resend = await submit(client, records[0], errors) if records else None
    return jobs, resend


async def finished(client: httpx.AsyncClient, job_id: str, deadline: float) -> dict | None:
    while time.monotonic() < deadline:
        job = (await client.get(f"/api/jobs/{job_id}")).raise_for_status().json()
        if job["state"] in ("done", "failed"):
            return job
        await asyncio.sleep(POLL_INTERVAL_S)
    return None


async def check_uploads(client: httpx.AsyncClient, jobs: list[str | None], resend: str | None,
                        before: int) -> UploadCheck:
    start = time.monotonic()
    deadline = start + JOBS_TIMEOUT_S
    check = UploadCheck(submitted=len(jobs), documents_before=before, documents_after=before)
    stored_ids: list[str] = []
    for index, job_id in enumerate(jobs):
        job = await finished(client, job_id, deadline) if job_id else None
        if job is None:
            check.problems.append(f"upload {index}: " + ("not accepted" if not job_id else "job did not finish"))
        elif job["state"] != "done" or job["stored"] != 1 or len(job["documents"]) != 1:
            check.problems.append(f"upload {index}: job {job['state']}, stored {job['stored']}, "
                                  f"skipped {job['skipped']}, error {job['error']}")
        else:
            stored_ids.append(job["documents"][0]["id"])
    if len(set(stored_ids)) != len(stored_ids):
        check.problems.append(f"uploads share document ids: {sorted(stored_ids)}")
    if resend is not None and len(jobs) > 0:
        job = await finished(client, resend, deadline)
        if job is None or job["state"] != "done" or job["stored"] != 0 or job["unchanged"] != 1:
            check.problems.append(f"the resend of upload 0 was not recognised as already stored: {job}")
    elif jobs:
        check.problems.append("the resend of upload 0 was not accepted")
    for doc_id in stored_ids:
        if (await client.get(f"/api/documents/{doc_id}")).status_code != 200:
            check.problems.append(f"uploaded document {doc_id} cannot be read back")
    check.wait_s = time.monotonic() - start
    check.documents_after = await document_count(client)
    if check.documents_after - before != len(jobs):
        check.problems.append(f"document count grew by {check.documents_after - before}, not {len(jobs)}")
    return check


def http_client(url: str) -> httpx.AsyncClient:
    """One client's connection to the server: a single keep-alive connection, as one browser tab holds.

    Each reader has its own: a pool shared by all readers costs the load generator a scan of every
    connection per request, CPU taken from the server it measures on the same machine."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1, keepalive_expiry=KEEPALIVE_EXPIRY_S)
    # verify=False: the URL is plain http on loopback, so no TLS context (tens of ms each to load) is built
    return httpx.AsyncClient(base_url=url, timeout=REQUEST_TIMEOUT_S, limits=limits, trust_env=False, verify=False)


async def drive(url: str, config: LoadConfig) -> tuple[float, list[Sample], list[str], UploadCheck]:
    async with contextlib.AsyncExitStack() as stack:
        client = await stack.enter_async_context(http_client(url))
        clients = [await stack.enter_async_context(http_client(url)) for _ in range(config.clients)]
        aims = await targets(client)
        before = await document_count(client)
        samples: list[Sample] = []
        errors: list[str] = []
        start = time.monotonic()
        deadline = start + config.seconds
        readers = [reader(c, aims, SEED + i, deadline, config.think_ms / 1000, samples, errors)
                   for i, c in enumerate(clients)]
        (jobs, resend), *_ = await asyncio.gather(
            uploader(client, config.uploads, config.seconds * UPLOAD_SPAN, errors), *readers)
        elapsed = time.monotonic() - start
        uploads = await check_uploads(client, jobs, resend, before)
    return elapsed, samples, errors, uploads


def run_load(config: LoadConfig) -> LoadReport:
    """Serve a copy of `config.db` on loopback, load it for `config.seconds`, stop, and report."""
    host = check_host(config.host)
    if config.clients < 1 or config.seconds <= 0 or config.uploads < 0 or config.think_ms < 0:
        raise LoadTestError("clients must be at least 1, seconds positive, uploads and think time not negative")
    ensure_database(config.db, config.seeds)
    with tempfile.TemporaryDirectory(prefix="crisisdesk-load-") as folder:
        work = Path(folder)
        server = Server(copy_database(config.db, work / "load.db"), host, work / "server.log")
        try:
            server.wait_ready()
            elapsed, samples, errors, uploads = asyncio.run(drive(server.url, config))
        finally:
            server.stop()
        return LoadReport(config.clients, config.think_ms, elapsed, samples, errors, uploads, server.logged_errors(), os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crisisdesk.web.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("out/load-seeds.db"),
                        help="SQLite store to serve (a copy is served); built from the seeds if missing")
    parser.add_argument("--clients", type=int, default=50, help="concurrent reading clients")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the clients read")
    parser.add_argument("--uploads", type=int, default=10, help="distinct articles added during the run")
    parser.add_argument("--think-ms", type=float, default=0.0,
                        help="pause of each client between requests; 0 (default): back to back")
    parser.add_argument("--host", default=LOOPBACK, help=f"only {LOOPBACK} is accepted")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="reports to build a missing --db from")
    args = parser.parse_args(argv)
    try:
        report = run_load(LoadConfig(db=args.db, clients=args.clients, seconds=args.seconds, uploads=args.uploads,
                                     think_ms=args.think_ms, host=args.host, seeds=args.seeds))
    except LoadTestError as exc:
        print(f"load test: {exc}", file=sys.stderr)
        return 2
    print("\n".join(report.lines()))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())

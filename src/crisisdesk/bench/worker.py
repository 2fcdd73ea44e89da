"""The measured programs, each run in a fresh process so its memory is its own.

    python -m crisisdesk.bench.worker parse CORPUS RESULT.json [--processes N]
    python -m crisisdesk.bench.worker run CORPUS RESULT.json DB OUT [--processes N] [--engine E]

Steady state: what a process pays once per run (loading the spaCy model, the
language identifier, the gazetteer, the actor lists, first-call set-up in
thinc, starting worker processes) is paid in a warm-up before the clock
starts, on both sides: the bare parse parses one warm-up text (with
`--processes N`, on a pool of N processes that each loaded the pipeline), the
full run runs the whole pipeline with the same settings on the same text into
a throwaway database (its worker pool stays loaded for the measured run).  The
warm-up time is reported apart ("load s"), so the per-document cost is
compared like with like.
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

import psutil

# Appended to the warm-up copy so its id differs from every corpus document.
WARM_UP_MARK = "\n\nWarm-up copy.\n"


def cpu_seconds() -> float:
    """User + system seconds of this process and its worker processes, live or ended.

    On a shared machine wall time depends on the neighbours; CPU time much less.
    Live workers (a pool kept loaded from the warm-up) are read one by one;
    ended ones are in RUSAGE_CHILDREN.
    """
    own, ended = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    live = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        live += times.user + times.system
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime + live


def _warm_up_text(corpus: Path) -> str:
    first = min(p for p in corpus.iterdir() if p.is_file())
    return first.read_text(encoding="utf-8") + WARM_UP_MARK


def _pipe(texts: list[str]) -> int:
    """nlp.pipe over the texts; the number of documents parsed (a worker's job)."""
    from crisisdesk import nlp
    from crisisdesk.settings import Settings

    return sum(1 for _ in nlp.load().pipe(texts, batch_size=Settings().batch_size))


def bare_parse(corpus: Path, processes: int) -> dict:
    """nlp.pipe over the same texts with the same pipeline: the yardstick.

    With several processes the texts go in the full run's jobs to a
    pool whose workers loaded the pipeline in the warm-up, as the full run's do;
    spaCy's own `n_process` would start its workers on the clock.
    """
    from crisisdesk.engine.local import jobs_of

    started = time.perf_counter()
    warm = [_warm_up_text(corpus)]
    pool = None
    if processes > 1:
        pool = multiprocessing.get_context("spawn").Pool(processes)
        pool.map(_pipe, [warm] * processes, chunksize=1)
    else:
        _pipe(warm)
    loaded, cpu = time.perf_counter(), cpu_seconds()
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
    if pool is None:
        n = _pipe(texts)
    else:
        n = sum(pool.imap(_pipe, jobs_of(texts, len)))
    done, cpu_used = time.perf_counter(), cpu_seconds() - cpu
    if pool is not None:
        pool.terminate()
    return {"docs": n, "seconds": done - loaded, "load_seconds": loaded - started, "cpu_seconds": cpu_used}


def full_run(corpus: Path, db: str, out: str, processes: int, engine: str) -> dict:
    from crisisdesk.pipeline import run
    from crisisdesk.settings import Settings

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="crisisdesk-warm-") as warm:
        (Path(warm) / "in").mkdir()
        (Path(warm) / "in" / "warm.txt").write_text(_warm_up_text(corpus), encoding="utf-8")
        run([Path(warm) / "in"], Settings(db=f"{warm}/warm.db", out=warm, processes=processes, engine=engine),
            write_report=False)
    loaded, cpu = time.perf_counter(), cpu_seconds()
    result = run([corpus], Settings(db=db, out=out, processes=processes, engine=engine))
    done = time.perf_counter()
    return {"docs": result.stored, "seconds": done - loaded, "load_seconds": loaded - started,
            "cpu_seconds": cpu_seconds() - cpu, "stages": result.timings}


def _option(argv: list[str], name: str, default: str) -> tuple[str, list[str]]:
    if name not in argv:
        return default, argv
    i = argv.index(name)
    return argv[i + 1], argv[:i] + argv[i + 2:]


def main(argv: list[str]) -> None:
    processes, argv = _option(argv, "--processes", "1")
    engine, argv = _option(argv, "--engine", "local")
    mode, corpus, result_file = argv[0], Path(argv[1]), Path(argv[2])
    if mode == "parse":
        result = bare_parse(corpus, int(processes))
    else:
        result = full_run(corpus, argv[3], argv[4], int(processes), engine)
    result_file.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])

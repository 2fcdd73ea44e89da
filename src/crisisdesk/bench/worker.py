"""The measured programs, each run in a fresh process so its memory is its own.

    python -m crisisdesk.bench.worker parse CORPUS RESULT.json [--processes N]
    python -m crisisdesk.bench.worker run CORPUS RESULT.json DB OUT [--processes N]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def bare_parse(corpus: Path, processes: int) -> dict:
    """nlp.pipe over the same texts with the same pipeline: the yardstick."""
    from crisisdesk import nlp

    started = time.perf_counter()
    pipeline = nlp.load()
    loaded = time.perf_counter()
    texts = (p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir()))
    n = sum(1 for _ in pipeline.pipe(texts, batch_size=16, n_process=processes))
    done = time.perf_counter()
    return {"docs": n, "seconds": done - loaded, "load_seconds": loaded - started}


def full_run(corpus: Path, db: str, out: str, processes: int) -> dict:
    from crisisdesk import nlp
    from crisisdesk.pipeline import run
    from crisisdesk.settings import Settings

    started = time.perf_counter()
    nlp.load()
    loaded = time.perf_counter()
    result = run([corpus], Settings(db=db, out=out, processes=processes))
    done = time.perf_counter()
    return {"docs": result.stored, "seconds": done - loaded, "load_seconds": loaded - started,
            "stages": result.timings}


def main(argv: list[str]) -> None:
    processes = int(argv[argv.index("--processes") + 1]) if "--processes" in argv else 1
    args = [a for i, a in enumerate(argv) if a != "--processes" and (i == 0 or argv[i - 1] != "--processes")]
    mode, corpus, result_file = args[0], Path(args[1]), Path(args[2])
    if mode == "parse":
        result = bare_parse(corpus, processes)
    else:
        result = full_run(corpus, args[3], args[4], processes)
    result_file.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])

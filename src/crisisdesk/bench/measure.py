"""Run a measured program and sample the resident memory of its whole process tree."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

# How often the process tree is sampled; short enough to catch the peak of a
# batch (a batch of 16 documents takes well over 100 ms to parse).
SAMPLE_EVERY_S = 0.05


@dataclass(frozen=True)
class Measurement:
    docs: int
    words: int
    seconds: float
    peak_rss_mb: float
    stages: dict = field(default_factory=dict)
    cpu_seconds: float = 0.0  # user + system on the clock, worker processes included
    load_seconds: float = 0.0  # the warm-up before the clock (see worker.py)

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(args: list[str], words: int, workdir: Path) -> Measurement:
    """Run `python -m crisisdesk.bench.worker ARGS` and return its figures."""
    result_file = workdir / f"result-{time.monotonic_ns()}.json"
    cmd = [sys.executable, "-m", "crisisdesk.bench.worker", args[0], args[1], str(result_file), *args[2:]]
    child = subprocess.Popen(cmd)
    proc = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        try:
            peak = max(peak, tree_rss(proc))
        except psutil.Error:
            break
        time.sleep(SAMPLE_EVERY_S)
    if child.returncode != 0:
        raise RuntimeError(f"benchmark worker failed: {' '.join(cmd)}")
    data = json.loads(result_file.read_text(encoding="utf-8"))
    return Measurement(docs=data["docs"], words=words, seconds=data["seconds"], peak_rss_mb=peak / 2**20,
                       stages=data.get("stages", {}), cpu_seconds=data.get("cpu_seconds", 0.0),
                       load_seconds=data.get("load_seconds", 0.0))

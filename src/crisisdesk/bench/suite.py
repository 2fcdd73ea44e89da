"""The benchmark suite: the bare parse, the full run, 10x the documents, 2 processes, a re-run."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from .corpus import build_corpus, source_texts, word_count
from .measure import Measurement, measure

# Targets from the performance issue: each is a ratio, so it holds on any machine.
TARGET_THROUGHPUT_RATIO = 0.8  # full run >= 0.8 x bare parse (words/s)
TARGET_MEMORY_GROWTH = 1.2  # peak RSS at 10x the documents <= 1.2 x at 1x
TARGET_PROCESS_SPEEDUP = 1.6  # --processes 2 >= 1.6 x one process
TARGET_RERUN_RATIO = 0.1  # re-run with 1% new documents <= 0.1 x a full run


@dataclass
class BenchResult:
    docs: int
    words: int
    rows: dict[str, Measurement] = field(default_factory=dict)
    # The 1x measurements round by round, each round one of every kind, taken
    # back to back so that the sides of a ratio met the same machine.
    rounds: list[dict[str, Measurement]] = field(default_factory=list)
    machine: str = ""
    load: str = ""  # 1-minute load average at the start and at the end

    def ratios(self, a: str, b: str, attr: str) -> list[float]:
        """`a / b` in every round that measured both, else once from the rows."""
        pairs = [(r[a], r[b]) for r in self.rounds if a in r and b in r]
        if not pairs and a in self.rows and b in self.rows:
            pairs = [(self.rows[a], self.rows[b])]
        return [getattr(x, attr) / getattr(y, attr) for x, y in pairs if getattr(y, attr)]

    def ratio(self, a: str, b: str, attr: str) -> float | None:
        """The median of the per-round ratios: a neighbour's slow (or idle) spell
        moves one round, not the figure."""
        found = self.ratios(a, b, attr)
        return statistics.median(found) if found else None


def machine_description() -> str:
    return (f"{platform.system()} {platform.machine()}, {psutil.cpu_count()} cores, "
            f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}")


def load_average() -> str:
    """The 1-minute load average: on a shared machine, how many cores the neighbours took."""
    return f"{os.getloadavg()[0]:.1f}"


def typical(runs: list[Measurement]) -> Measurement:
    """The run of median duration, shown in the table; ratios come from the rounds."""
    return sorted(runs, key=lambda m: m.seconds)[(len(runs) - 1) // 2]


def run_suite(sources: list[Path], docs: int, *, scale: bool = True, processes: bool = True,
              rerun: bool = True, repeat: int = 1) -> BenchResult:
    """Every measurement in a fresh process.  The 1x measurements run `repeat`
    rounds, each round one of every kind back to back (bare on 2 processes,
    bare, full, full on 2 processes), and a ratio is the median of its rounds.
    On a shared machine whose speed drifts by a third from minute to minute,
    the fastest run of each kind taken apart paired one side's lucky minute with
    the other side's ordinary one."""
    texts = source_texts(sources)
    work = Path(tempfile.mkdtemp(prefix="crisisdesk-bench-"))
    corpus = str(work / "corpus")
    try:
        small = build_corpus(texts, docs, work / "corpus")
        words = word_count(small)
        result = BenchResult(docs=docs, words=words, machine=machine_description(), load=load_average())

        # In measuring order: each ratio's two sides are neighbours in a round.
        kinds = [("bare parse", []), ("full run", [])]
        if processes:
            two = ["--processes", "2"]
            kinds = [("bare parse, 2 processes", two), *kinds, ("full run, 2 processes", two)]
        for i in range(repeat):
            measured: dict[str, Measurement] = {}
            for name, extra in kinds:
                label = f"{'two' if extra else 'one'}-{i}"
                where = [str(work / f"{label}.db"), str(work / label)]
                args = ["parse", corpus] if name.startswith("bare") else ["run", corpus, *where]
                measured[name] = measure([*args, *extra], words, work)
            result.rounds.append(measured)
        for name in sorted(result.rounds[0], key=lambda n: (n.endswith("processes"), n)) if result.rounds else ():
            result.rows[name] = typical([r[name] for r in result.rounds])
        if rerun:
            grown = max(1, docs // 100)
            # The same N documents (same ids, already stored) plus 1% new ones.
            extra = build_corpus(texts, docs + grown, work / "grown")
            result.rows["re-run, 1% new"] = measure(
                ["run", str(work / "grown"), str(work / "one-0.db"), str(work / "one-0")], word_count(extra[-grown:]), work)
        if scale:
            build_corpus(texts, docs * 10, work / "corpus10")
            words10 = word_count((work / "corpus10").iterdir())
            result.rows["bare parse, 10x docs"] = measure(["parse", str(work / "corpus10")], words10, work)
            result.rows["full run, 10x docs"] = measure(
                ["run", str(work / "corpus10"), str(work / "c.db"), str(work / "c")], words10, work)
        result.load += f" -> {load_average()}"
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)

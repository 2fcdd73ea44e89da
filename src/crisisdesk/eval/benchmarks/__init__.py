"""External benchmark adapters, looked up by name in `BENCHMARKS`.

    adapter(shared_dir: Path, run_texts) -> BenchmarkResult(name, measures, anchor)

Each adapter module registers itself on import; add one module and one import below.
"""

from . import case2021  # noqa: F401  (registers "case2021")
from .base import BENCHMARKS, BenchmarkResult, RunTexts

__all__ = ["BENCHMARKS", "BenchmarkResult", "RunTexts"]

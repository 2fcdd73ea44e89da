"""External benchmark adapters, looked up by name in `BENCHMARKS`.

    adapter(shared_dir: Path, run_texts) -> BenchmarkResult(name, measures, anchor)

Each adapter module registers itself on import; add one module and one import below.
`runner.run_texts` is the real `run_texts` (the whole pipeline); tests may pass their own.
"""

from . import (
    case2021,  # noqa: F401  (registers "case2021")
    india_police_events,  # noqa: F401  (registers "india_police_events")
    polnear,  # noqa: F401  (registers "polnear")
    trnews,  # noqa: F401  (registers "trnews")
)
from .base import BENCHMARKS, BenchmarkResult, RunTexts

__all__ = ["BENCHMARKS", "BenchmarkResult", "RunTexts"]

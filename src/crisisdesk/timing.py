"""Where the time goes, per stage, without a profiler.

Stages chain as generators (read feeds parse feeds extract), so a stage's
clock counts the time spent waiting on its `next()`, and upstream time is
subtracted where it is nested (parse includes the read it pulls).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


class StageClock:
    """Seconds per stage name, accumulated across the run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, items: Iterable[T]) -> Iterator[T]:
        """Yield from `items`, charging the time each item took to `name`."""
        it = iter(items)
        while True:
            started = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                self.seconds[name] += time.perf_counter() - started
                return
            self.seconds[name] += time.perf_counter() - started
            yield item

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] += seconds

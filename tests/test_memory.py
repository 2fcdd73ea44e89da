"""Freed heap memory goes back to the OS after `release_free_memory`; what was
alive when the pipeline loaded stays out of the collector's full passes."""

import gc
import platform
import weakref

import psutil
import pytest

from crisisdesk.memory import freeze_long_lived, release_free_memory

BLOCK = 2048  # bytes: above pymalloc's small-object limit, below glibc's mmap threshold: a heap block
BLOCKS = 50_000  # about 100 MB


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_freed_blocks_between_live_ones_are_returned():
    blocks = [bytes(BLOCK) for _ in range(BLOCKS)]
    keep = blocks[::100]  # live blocks scattered through the heap keep glibc from trimming its top
    del blocks
    before = rss_mb()
    assert release_free_memory()
    after = rss_mb()
    assert before - after > 0.5 * BLOCK * BLOCKS / 2**20, (before, after)
    assert len(keep) == BLOCKS // 100


class Node:
    pass


def test_frozen_objects_are_set_aside_and_new_cycles_are_still_collected():
    loaded = Node()
    freeze_long_lived()
    assert gc.get_freeze_count() > 0
    assert not any(o is loaded for o in gc.get_objects())  # set aside: a full pass no longer walks it
    cycle = Node()
    cycle.self = cycle
    gone = weakref.ref(cycle)
    del cycle
    gc.collect()
    assert gone() is None

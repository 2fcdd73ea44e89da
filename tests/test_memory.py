"""Freed memory goes back to the OS: heap blocks after `release_free_memory`, big blocks at once after `tune_allocator`."""

import platform
import subprocess
import sys

import psutil
import pytest

from crisisdesk.memory import release_free_memory

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


# Run in a fresh interpreter: in a long-lived one, earlier frees leave heap space
# that big blocks reuse, whatever the thresholds.
BIG_BLOCKS_FREED = """
import sys, psutil
from crisisdesk.memory import tune_allocator
if sys.argv[1] == "tuned":
    assert tune_allocator()
rss = lambda: psutil.Process().memory_info().rss / 2**20
big = bytearray(8 * 2**20)
del big  # a big block freed: untuned, glibc raises its mmap threshold past 1 MiB
blocks = []
for _ in range(200):
    block = bytearray(2**20)
    block[::4096] = b"\\x01" * 256  # every page resident
    blocks.append(block)
pin = bytearray(4096)  # a live block after them keeps a heap from shrinking at its top
before = rss()
del blocks
print(round(before - rss()))
"""


def freed_mb(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", BIG_BLOCKS_FREED, mode], capture_output=True, text=True, check=True)
    return int(out.stdout)


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_after_tuning_freed_big_blocks_go_back_to_the_os_at_once():
    assert freed_mb("tuned") > 150
    assert freed_mb("untuned") < 50  # what tuning changes: glibc's default keeps them

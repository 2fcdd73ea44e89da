"""Keep a parsing process's memory flat: glibc's allocator settings and a trim between batches.

Parsing a batch allocates and frees hundreds of megabytes of small and middle
sized blocks.  glibc keeps freed blocks in its arenas for reuse, and once a few
long-lived objects (a stored row, a cached statement) sit between them it can no
longer give the pages back: a run's resident memory rose with every batch
although its live data did not (measured over 125 documents: 710 -> 837 MB;
with a trim after every batch, 336 -> 359 MB).  `malloc_trim(0)` returns every
free page.  Other C libraries return memory on their own terms and have no
`malloc_trim`; there the call is skipped.

Trimming alone still left the peak rising by batch (744 -> 820 MB over 250
documents): glibc raises its mmap threshold each time a big block is freed (up
to 32 MB), after which a batch's arrays are carved from the heap and fragment
it.  Holding the threshold at glibc's starting value keeps them in mappings of
their own, returned whole when freed (680 -> 694 MB).  A fixed threshold also
fixes glibc's automatic trim at 128 KiB, which trimmed the heap top on nearly
every free (20% of parse time): it is moved out of the way, and the trim after
each batch does that work once.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache


# mallopt parameters (glibc's malloc.h) and the values set.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 128 * 1024  # glibc's own starting value, held
TRIM_THRESHOLD_BYTES = 256 * 2**20  # above any batch: `release_free_memory` trims instead


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None)  # the running process's own C library
    except OSError:
        return None


@lru_cache(maxsize=1)
def tune_allocator() -> bool:
    """Set glibc's thresholds for a process that parses (once); False where there is no mallopt."""
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))


def release_free_memory() -> bool:
    """Give free heap pages back to the OS; False where the C library cannot."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:
        return False
    trim(0)
    return True

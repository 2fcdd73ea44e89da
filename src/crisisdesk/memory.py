"""Hand freed heap memory back to the operating system between batches.

Parsing a batch allocates and frees hundreds of megabytes of small and middle
sized blocks.  glibc keeps freed blocks in its arenas for reuse, and once a few
long-lived objects (a stored row, a cached statement) sit between them it can no
longer give the pages back: a run's resident memory rose with every batch
although its live data did not (measured over 125 documents: 710 -> 837 MB;
with a trim after every batch, 336 -> 359 MB).  `malloc_trim(0)` returns every
free page.  Other C libraries return memory on their own terms and have no
`malloc_trim`; there the call is skipped.

What trimming cannot return is heap left fragmented by big blocks: glibc
raises its mmap threshold each time a big block is freed, after which a batch's
arrays are carved from the heap.  Holding the threshold at its start value
(mallopt) flattened the peak further (744 -> 820 MB over 250 documents became
680 -> 694) but cost 14% of parse time, so it is not done.

The loaded pipeline is also kept out of the cyclic garbage collector's sight:
its hundred and sixty thousand objects live as long as the process, yet each
full collection walked them all (0.24 s per 50 documents of a full run, one
collection; 0.002 s once they are frozen).
"""

from __future__ import annotations

import ctypes
import gc
from functools import lru_cache


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None)  # the running process's own C library
    except OSError:
        return None


def release_free_memory() -> bool:
    """Give free heap pages back to the OS; False where the C library cannot."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:
        return False
    trim(0)
    return True


def freeze_long_lived() -> None:
    """Exempt every object alive now (call it once the pipeline is loaded) from
    the collector's full passes; reference counting still frees them."""
    gc.freeze()

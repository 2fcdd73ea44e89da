"""The per-document stage on Ray: a Ray Data map over batches, one model per actor.

Without an address a private Ray instance is started on this machine (bound to
127.0.0.1, no dashboard, no usage report, a capped object store) and stopped
at the end; with one (`ray://host:10001` or `host:6379`) the run joins an
existing cluster whose nodes have crisisdesk and its model installed.

Steps of `run_documents`:
1. connect (start or join Ray);
2. cut the incoming documents into windows of `WINDOW_DOCS`, so the driver never
   holds the corpus: documents are read while earlier windows are parsed;
3. per window, a Ray Data `map_batches` over an actor pool: each actor loads the
   pipeline once and maps a batch of documents to their `DocFacts`;
4. stream the facts back to the driver in input order (the caller stores and
   resolves them), then disconnect.

Documents and facts cross the wire pickled (one binary column each), because
they are nested dataclasses that Arrow cannot hold as columns; spaCy objects
never leave an actor.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from ..errors import CrisisdeskError
from ..model import DocFacts, Document
from ..settings import Settings
from ..timing import StageClock
from .local import process_batch

# Documents per Ray Data dataset.  Each window restarts the actor pool (a model
# load, about 5 s per actor), so a window must hold far more parse time than
# that: 2,000 reports take minutes per actor.  It also bounds the documents the
# driver and the object store hold at once (2,000 reports are about 20 MB).
WINDOW_DOCS = 2_000

# Object store of a Ray started here.  Ray's default takes 30% of RAM; a
# window of documents and facts needs tens of MB, and the machine is shared.
LOCAL_OBJECT_STORE_BYTES = 512 * 2**20

# Loopback only: a Ray started by a run is private to this machine.
LOCAL_NODE_IP = "127.0.0.1"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost"}


class DocumentParser:
    """A Ray Data actor: loads the pipeline once, then parses and extracts batches."""

    def __init__(self, model: str | None, batch_size: int):
        from .. import nlp

        self.model = model
        self.batch_size = batch_size
        nlp.load(model)

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        documents = [pickle.loads(blob) for blob in batch["document"]]
        facts = process_batch(documents, self.model, self.batch_size)
        return {"facts": np.array([pickle.dumps(f) for f in facts], dtype=object)}


def _ray():
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise CrisisdeskError('--engine ray needs Ray: pip install "ray[data]"') from exc
    return ray


def connect(settings: Settings) -> int:
    """1. Start or join Ray; the number of parsing actors to run."""
    ray = _ray()
    if settings.address:
        host = settings.address.removeprefix("ray://").rsplit(":", 1)[0]
        # A head on loopback registered its node as 127.0.0.1; a driver on the
        # same machine must say so, or Ray looks for a node at the LAN address.
        local = {"_node_ip_address": LOCAL_NODE_IP} if host in LOOPBACK_HOSTS else {}
        try:
            ray.init(address=settings.address, log_to_driver=False, logging_level=logging.WARNING, **local)
        except (ConnectionError, RuntimeError) as exc:
            raise CrisisdeskError(f"cannot join the Ray cluster at {settings.address}: {exc}") from exc
        cpus = int(ray.cluster_resources().get("CPU", 1))
        return settings.processes if settings.processes > 1 else max(1, cpus)
    ray.init(
        address="local",  # never a cluster that RAY_ADDRESS happens to name
        num_cpus=settings.processes,
        object_store_memory=LOCAL_OBJECT_STORE_BYTES,
        include_dashboard=False,
        _node_ip_address=LOCAL_NODE_IP,
        log_to_driver=False,
        logging_level=logging.WARNING,
    )
    return settings.processes


def _windows(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while window := list(islice(it, size)):
        yield window


def _map_window(window: list[Document], actors: int, settings: Settings) -> Iterator[DocFacts]:
    """3. One Ray Data map over a window, streaming its facts in input order."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    rows = [{"document": pickle.dumps(d)} for d in window]
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, len(rows) // settings.batch_size)).map_batches(
        DocumentParser,
        fn_constructor_args=(settings.model, settings.batch_size),
        batch_size=settings.batch_size,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(actors, -(-len(window) // settings.batch_size))),
        num_cpus=1,
    )
    for batch in dataset.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=1):
        for blob in batch["facts"]:
            yield pickle.loads(blob)


def run_documents(documents: Iterable[Document], settings: Settings, clock: StageClock | None = None) -> Iterator[DocFacts]:
    """DocFacts for every document, parsed on Ray, streamed in input order.

    The clock's "workers" is the driver's wait for facts; reading a window
    happens before it, under the caller's "read".
    """
    clock = clock or StageClock()
    windows = _windows(documents, WINDOW_DOCS)
    first = next(windows, None)
    if first is None:
        return  # nothing new to parse: no cluster to start or join
    ray = _ray()
    actors = connect(settings)
    try:
        for window in chain([first], windows):
            yield from clock.wrap("workers", _map_window(window, actors, settings))
    finally:
        ray.shutdown()

"""Executors for the per-document stage (parse + extract), one per name.

Each maps an iterable of Documents to an iterator of their DocFacts in input
order; `Settings.engine` names the one a run uses.  Ray is imported only when
the "ray" executor runs, so a local run never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import DocFacts, Document
from ..registry import Registry
from ..settings import Settings
from ..timing import StageClock
from . import local

EXECUTORS = Registry("engines")


@EXECUTORS.register("local", example="crisisdesk run reports/ --processes 2")
def run_local(documents: Iterable[Document], settings: Settings, clock: StageClock) -> Iterator[DocFacts]:
    """In this process, or on a pool of `settings.processes` worker processes."""
    return local.run_documents(documents, settings, clock)


@EXECUTORS.register("ray", example="crisisdesk run reports/ --engine ray --address ray://head:10001")
def run_ray(documents: Iterable[Document], settings: Settings, clock: StageClock) -> Iterator[DocFacts]:
    """On a private local Ray instance, or on the cluster at `settings.address`."""
    from . import ray

    return ray.run_documents(documents, settings, clock)

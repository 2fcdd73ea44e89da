"""The executors of the per-document stage: looked up by name, same facts on every one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crisisdesk.engine import EXECUTORS, local
from crisisdesk.errors import CrisisdeskError
from crisisdesk.model import Document
from crisisdesk.pipeline import run
from crisisdesk.settings import Settings
from crisisdesk.timing import StageClock

TEXTS = [
    "Police detained 12 protesters in Ostrel on Sunday, the interior ministry said.",
    "At least 3 people were killed when troops opened fire on a crowd in the capital.",
    "Thousands of demonstrators gathered outside the city hall on Monday.",
]


def documents() -> list[Document]:
    return [Document(id=f"d{i}", source=f"d{i}.txt", text=t) for i, t in enumerate(TEXTS)]


def test_every_engine_setting_names_an_executor():
    assert EXECUTORS.names() == ["local", "ray"]


def test_an_unknown_engine_is_refused_before_any_work(tmp_path):
    with pytest.raises(CrisisdeskError, match="unknown engine 'spark'; known: local, ray"):
        run([tmp_path], Settings(db=str(tmp_path / "a.db"), out=str(tmp_path), engine="spark"))


def test_in_process_facts_stream_in_input_order():
    clock = StageClock()
    facts = list(local.run_documents(documents(), Settings(batch_size=2), clock))
    assert [f.document.id for f in facts] == ["d0", "d1", "d2"]
    assert clock.seconds["parse"] > 0
    assert [c.low for c in facts[1].claims] == [3]


def test_a_process_pool_gives_the_same_facts_as_one_process():
    one = list(local.run_documents(documents(), Settings(batch_size=2)))
    pool = list(local.run_documents(documents(), Settings(batch_size=2, processes=2)))
    strip = [{**vars(f), "timings": None} for f in one]
    assert [{**vars(f), "timings": None} for f in pool] == strip


def test_pool_workers_stay_loaded_from_one_run_to_the_next():
    settings = Settings(batch_size=2, processes=2)
    list(local.run_documents(documents(), settings))
    pool = local.worker_pool(2, None, 2)
    workers = sorted(p.pid for p in pool._pool)
    list(local.run_documents(documents(), settings))
    assert local.worker_pool(2, None, 2) is pool
    assert sorted(p.pid for p in pool._pool) == workers


def test_reading_stays_a_bounded_number_of_jobs_ahead_of_the_workers():
    pulled = []

    def many() -> Iterator[Document]:
        for i in range(60):
            pulled.append(i)
            yield Document(id=f"d{i}", source=f"d{i}.txt", text=TEXTS[i % len(TEXTS)])

    facts = local.run_documents(many(), Settings(batch_size=2, processes=2))
    first = next(facts)
    assert first.document.id == "d0"
    in_flight = local.JOBS_IN_FLIGHT_PER_WORKER * 2
    # At least the jobs in flight went out; at most those plus the finished ones held for order.
    assert local.POOL_JOB_DOCS * in_flight <= len(pulled) <= local.POOL_JOB_DOCS * in_flight * local.HELD_PER_SLOT
    assert [f.document.id for f in facts] == [f"d{i}" for i in range(1, 60)]


def test_jobs_group_short_documents_and_send_a_long_one_alone():
    sizes = [700, 9_000, 800, 600, 300, 200, 100, 50, 4_900, 200]
    jobs = list(local.jobs_of(sizes, lambda n: n, chars=5_000, docs=4))
    assert jobs == [[700], [9_000], [800, 600, 300, 200], [100, 50], [4_900], [200]]


def test_jobs_hold_every_document_once_in_order_within_both_limits():
    sizes = [(i * 7919) % 12_000 for i in range(200)]
    jobs = list(local.jobs_of(sizes, lambda n: n))
    assert [n for job in jobs for n in job] == sizes
    for job in jobs:
        assert 1 <= len(job) <= local.POOL_JOB_DOCS
        assert len(job) == 1 or sum(job) <= local.POOL_JOB_CHARS

"""The executors of the per-document stage: looked up by name, same facts on every one."""

from __future__ import annotations

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

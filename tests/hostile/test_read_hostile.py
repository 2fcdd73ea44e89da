"""Ingest alone over the hostile corpus: each input read to its exact text or skipped with its reason.

No model is loaded here, so every case is one fast parametrized test; the
full run over the same corpus (test_hostile_run.py) checks what the user sees.
"""

from __future__ import annotations

import resource

import pytest

from crisisdesk.ingest import read_paths
from crisisdesk.model import Document, Skipped
from hostile_corpus import write_hostile

# Reading the whole hostile corpus (two 200 MB files among it) may raise this
# process's peak memory by at most this much: the 20 MB read limit, a decoded
# copy of it and the JSONL chunks, never a whole huge file.
READ_MEMORY_GROWTH_LIMIT = 150_000_000


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    paths, expect = write_hostile(root / "corpus")
    list(read_paths([root / "corpus" / "good_en.txt"]))  # load the detectors' models before measuring
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    items = list(read_paths(paths))
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    return items, expect, growth


def _cases():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        _paths, expect = write_hostile(Path(tmp) / "corpus")
        root = str(Path(tmp))
    return [pytest.param(i, id=e.source.replace(root, "").lstrip("/") or e.source) for i, e in enumerate(expect)]


@pytest.mark.parametrize("index", _cases())
def test_each_input_is_read_or_skipped_with_its_reason(hostile, index):
    items, expect, _growth = hostile
    want = expect[index]
    found = [i for i in items if i.source == want.source]
    assert len(found) == 1, f"{want.source}: {len(found)} results, expected exactly one"
    (item,) = found
    if want.read:
        assert isinstance(item, Document), f"{want.source} was skipped: {getattr(item, 'reason', '')}"
        if want.text is not None:
            assert item.text == want.text
        if want.language:
            assert item.language == want.language
    else:
        assert isinstance(item, Skipped), f"{want.source} was read, expected a skip for {want.reason!r}"
        assert want.reason in item.reason
        assert "\n" not in item.reason and "\r" not in item.reason and len(item.reason) < 200


def test_nothing_else_comes_out(hostile):
    items, expect, _growth = hostile
    assert sorted(i.source for i in items) == sorted(e.source for e in expect)


def test_script_and_markup_never_reach_the_text(hostile):
    items, _expect, _growth = hostile
    (page,) = [i for i in items if i.source.endswith("scripted.html")]
    assert "Police detained 40 protesters" in page.text
    for hostile_text in ("alert", "<script", "injected text", "javascript:", "onerror", "<p>", "evil"):
        assert hostile_text not in page.text


def test_memory_stays_bounded_on_huge_inputs(hostile):
    *_, growth = hostile
    assert growth < READ_MEMORY_GROWTH_LIMIT, (
        f"reading the hostile corpus raised peak memory by {growth / 1e6:.0f} MB; "
        f"limit {READ_MEMORY_GROWTH_LIMIT / 1e6:.0f} MB"
    )

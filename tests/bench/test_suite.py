"""`crisisdesk bench` on a tiny corpus: every measurement runs and every row is reported.

No timing is asserted: figures depend on the machine and its neighbours.
"""

from __future__ import annotations

from crisisdesk.bench import render
from crisisdesk.bench.corpus import build_corpus, source_texts
from crisisdesk.bench.measure import Measurement
from crisisdesk.bench.suite import fastest, run_suite

TEXTS = [
    "Police detained 12 protesters in the capital on Sunday, the interior ministry said.\n",
    "Thousands of demonstrators gathered outside the city hall on Monday.\n",
]

ROWS = ["bare parse", "full run", "bare parse, 2 processes", "full run, 2 processes", "re-run, 1% new",
        "bare parse, 10x docs", "full run, 10x docs"]


def test_copies_get_their_own_ids(tmp_path):
    paths = build_corpus(TEXTS, 3, tmp_path / "c")
    assert len({p.read_text(encoding="utf-8") for p in paths}) == 3


def test_of_repeated_runs_the_fastest_counts():
    slow, quick = (Measurement(docs=1, words=10, seconds=s, peak_rss_mb=100) for s in (3.0, 2.0))
    assert fastest([slow, quick]) is quick


def test_a_tiny_bench_reports_every_row_and_ratio(tmp_path):
    (tmp_path / "src").mkdir()
    for i, text in enumerate(TEXTS):
        (tmp_path / "src" / f"{i}.txt").write_text(text, encoding="utf-8")
    assert source_texts([tmp_path / "src"]) == TEXTS

    result = run_suite([tmp_path / "src"], 2)

    assert list(result.rows) == ROWS
    assert result.rows["full run"].docs == 2 and result.rows["full run, 10x docs"].docs == 20
    assert result.rows["re-run, 1% new"].docs == 1  # only the new document is parsed
    assert all(m.seconds > 0 and m.peak_rss_mb > 0 for m in result.rows.values())
    assert all(value is not None for _, value, _, _ in render.verdicts(result))
    table = render.markdown(result)
    for name in ROWS:
        assert f"| {name} |" in table
    assert "load average" in table

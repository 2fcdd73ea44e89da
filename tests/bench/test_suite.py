"""`crisisdesk bench` on a tiny corpus: every measurement runs and every row is reported.

No timing is asserted: figures depend on the machine and its neighbours.
"""

from __future__ import annotations

from crisisdesk.bench import render
from crisisdesk.bench.corpus import build_corpus, source_texts
from crisisdesk.bench.measure import Measurement
from crisisdesk.bench.suite import BenchResult, run_suite, typical

TEXTS = [
    "Police detained 12 protesters in the capital on Sunday, the interior ministry said.\n",
    "Thousands of demonstrators gathered outside the city hall on Monday.\n",
]

ROWS = ["bare parse", "full run", "bare parse, 2 processes", "full run, 2 processes", "re-run, 1% new",
        "bare parse, 10x docs", "full run, 10x docs"]


def test_copies_get_their_own_ids(tmp_path):
    paths = build_corpus(TEXTS, 3, tmp_path / "c")
    assert len({p.read_text(encoding="utf-8") for p in paths}) == 3


def run_of(seconds: float) -> Measurement:
    return Measurement(docs=1, words=100, seconds=seconds, peak_rss_mb=100)


def test_the_table_shows_the_run_of_median_time():
    runs = [run_of(s) for s in (3.0, 9.0, 2.0)]
    assert typical(runs) is runs[0]


def test_a_ratio_is_the_median_of_its_rounds_so_one_odd_round_does_not_move_it():
    # Round 2 caught the machine fast for the single run only; taking each
    # side's fastest run apart would pair that with the others' 10 s.
    rounds = [(20.0, 10.0), (12.0, 10.0), (20.0, 10.5)]
    result = BenchResult(docs=1, words=100, rounds=[
        {"full run": run_of(one), "full run, 2 processes": run_of(two)} for one, two in rounds])
    assert result.ratios("full run, 2 processes", "full run", "words_per_s") == [2.0, 1.2, 20.0 / 10.5]
    assert result.ratio("full run, 2 processes", "full run", "words_per_s") == 20.0 / 10.5
    assert result.ratio("re-run, 1% new", "full run", "seconds") is None


def test_a_ratio_of_rows_measured_once_comes_from_the_rows():
    result = BenchResult(docs=1, words=100, rows={"full run": run_of(10.0), "re-run, 1% new": run_of(0.5)})
    assert result.ratio("re-run, 1% new", "full run", "seconds") == 0.05


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
    assert len(result.rounds) == 1 and set(result.rounds[0]) == set(ROWS[:4])
    assert all(value is not None for _, value, _, _, _ in render.verdicts(result))
    table = render.markdown(result)
    for name in ROWS:
        assert f"| {name} |" in table
    assert "load average" in table

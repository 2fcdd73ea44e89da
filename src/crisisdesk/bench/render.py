"""The benchmark tables, as rich tables and as Markdown for the README."""

from __future__ import annotations

from rich.table import Table

from .suite import (
    TARGET_MEMORY_GROWTH,
    TARGET_PROCESS_SPEEDUP,
    TARGET_RERUN_RATIO,
    TARGET_THROUGHPUT_RATIO,
    BenchResult,
)


RATIOS = [
    # (what, numerator row, denominator row, attribute, target, met?)
    ("full run / bare parse, words/s", "full run", "bare parse", "words_per_s",
     f">= {TARGET_THROUGHPUT_RATIO}", lambda v: v >= TARGET_THROUGHPUT_RATIO),
    ("full run / bare parse, words per CPU second", "bare parse", "full run", "cpu_seconds",
     f">= {TARGET_THROUGHPUT_RATIO}", lambda v: v >= TARGET_THROUGHPUT_RATIO),
    ("full run peak RSS, 10x docs / 1x", "full run, 10x docs", "full run", "peak_rss_mb",
     f"<= {TARGET_MEMORY_GROWTH}", lambda v: v <= TARGET_MEMORY_GROWTH),
    ("full run, 2 processes / 1 process, words/s", "full run, 2 processes", "full run", "words_per_s",
     f">= {TARGET_PROCESS_SPEEDUP}", lambda v: v >= TARGET_PROCESS_SPEEDUP),
    # Not a target: what two processes gain on this machine with no crisisdesk
    # work at all, the ceiling the full run's speed-up is read against.
    ("bare parse, 2 processes / 1 process, words/s (reference)", "bare parse, 2 processes", "bare parse",
     "words_per_s", "", lambda v: None),
    ("re-run with 1% new docs / full run, seconds", "re-run, 1% new", "full run", "seconds",
     f"<= {TARGET_RERUN_RATIO}", lambda v: v <= TARGET_RERUN_RATIO),
]


def verdicts(r: BenchResult) -> list[tuple[str, float | None, str, bool | None, str]]:
    """(what, measured ratio, target, met?, range over the rounds) for every
    ratio; "met?" is None for a ratio that was not run and for the reference row."""
    rows = []
    for what, a, b, attr, target, ok in RATIOS:
        value, each = r.ratio(a, b, attr), r.ratios(a, b, attr)
        spread = f"{min(each):.2f}-{max(each):.2f}" if len(each) > 1 else ""
        rows.append((what, value, target, None if value is None else ok(value), spread))
    return rows


def tables(r: BenchResult) -> list[Table]:
    main = Table(title=f"{r.docs} documents, {r.words} words; {r.machine}; load average {r.load}")
    for col in ("measurement", "seconds", "words/s", "docs/s", "vs bare parse", "CPU s", "load s", "peak RSS MB"):
        main.add_column(col, justify="left" if col == "measurement" else "right")
    for name, m in r.rows.items():
        bare = r.rows.get("bare parse, 10x docs" if "10x" in name else "bare parse")
        ratio = f"{m.words_per_s / bare.words_per_s:.2f}" if bare and bare.words_per_s and "re-run" not in name else ""
        main.add_row(name, f"{m.seconds:.1f}", f"{m.words_per_s:,.0f}", f"{m.docs_per_s:.1f}", ratio,
                     f"{m.cpu_seconds:.1f}", f"{m.load_seconds:.1f}", f"{m.peak_rss_mb:,.0f}")
    stages = Table(title="full run: seconds per stage")
    stages.add_column("stage")
    stages.add_column("seconds", justify="right")
    for name, seconds in sorted(r.rows["full run"].stages.items(), key=lambda kv: -kv[1]):
        stages.add_row(name, f"{seconds:.2f}")
    targets = Table(title=f"targets (a 1x ratio is the median of {len(r.rounds)} rounds)")
    for col in ("ratio", "measured", "rounds", "target", "met"):
        targets.add_column(col)
    for what, value, target, ok, spread in verdicts(r):
        targets.add_row(what, "not run" if value is None else f"{value:.2f}", spread, target,
                        "" if ok is None else ("yes" if ok else "NO"))
    return [main, stages, targets]


def markdown(r: BenchResult) -> str:
    lines = [f"{r.docs} documents ({r.words} words) on {r.machine}; 1-minute load average {r.load}.", "",
             "| measurement | seconds | words/s | docs/s | CPU s | load s | peak RSS MB |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, m in r.rows.items():
        lines.append(f"| {name} | {m.seconds:.1f} | {m.words_per_s:,.0f} | {m.docs_per_s:.1f} | {m.cpu_seconds:.1f} | "
                     f"{m.load_seconds:.1f} | {m.peak_rss_mb:,.0f} |")
    lines += ["", f"1x rows: the run of median time of {len(r.rounds)} rounds. A ratio of two 1x measurements is the "
              "median of its per-round ratios; \"rounds\" is their range.", "",
              "| ratio | measured | rounds | target | met |", "|---|---:|---:|---|---|"]
    for what, value, target, ok, spread in verdicts(r):
        lines.append(f"| {what} | {'not run' if value is None else f'{value:.2f}'} | {spread} | {target} | "
                     f"{'' if ok is None else ('yes' if ok else 'no')} |")
    stages = r.rows["full run"].stages
    lines += ["", "Full run, seconds per stage: " + ", ".join(
        f"{k} {v:.2f}" for k, v in sorted(stages.items(), key=lambda kv: -kv[1]))]
    return "\n".join(lines)

"""The printed table: every section, 'not extracted yet' for unbuilt ones, details on demand."""

from __future__ import annotations

from pathlib import Path

from crisisdesk.eval import render, score


def test_table_lists_every_section(gold_dir: Path, export: dict) -> None:
    text = render(score(export, gold_dir))
    for name in ("documents", "places", "times", "events", "claims", "quotes"):
        assert any(line.startswith(name) for line in text.splitlines())
    assert "absent from the export (all missed): doc2" in text
    assert "misses" not in text


def test_unbuilt_sections_say_so(gold_dir: Path, export: dict) -> None:
    data = export  # a fresh copy per test (function-scoped fixture)
    data["claims"] = []
    line = next(ln for ln in render(score(data, gold_dir)).splitlines() if ln.startswith("claims"))
    assert line.endswith("not extracted yet")
    assert "0.00  0.00  0.00" in line


def test_verbose_lists_misses_and_false_hits_with_snippets(gold_dir: Path, export: dict) -> None:
    text = render(score(export, gold_dir), verbose=True)
    assert 'events: misses (2)' in text
    assert 'doc2[12:37] "crowds gathered in Almaty"' in text
    assert 'places: false hits (3)' in text
    assert "wrong sub_event_type on matched pairs (1)" in text

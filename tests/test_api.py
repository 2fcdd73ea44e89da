"""The public Python API: what `__all__` promises exists, and `run` returns a Report."""

import crisisdesk
from crisisdesk.model import Report

from paths import EXAMPLE


def test_all_names_exist():
    for name in crisisdesk.__all__:
        assert hasattr(crisisdesk, name), name


def test_run_returns_a_report_and_keeps_nothing_behind():
    report = crisisdesk.run([EXAMPLE])
    assert isinstance(report, Report)
    assert len(report.documents) >= 5
    assert report.actors and report.times
    assert all(d["text"] for d in report.documents)


def test_processes_option_gives_the_same_facts(tmp_path):
    from dataclasses import replace

    one = crisisdesk.run([EXAMPLE])
    two = crisisdesk.run([EXAMPLE], settings=replace(crisisdesk.Settings(), processes=2))
    strip = lambda rows: sorted(json_key(r) for r in rows)  # noqa: E731
    for kind in ("documents", "mentions", "times", "claims"):
        assert strip(getattr(one, kind)) == strip(getattr(two, kind)), kind


def json_key(row: dict) -> str:
    import json

    return json.dumps(row, sort_keys=True, default=str)

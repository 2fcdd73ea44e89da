"""The run itself: report.json as the export writes it, and re-runs that parse only what is new."""

from __future__ import annotations

import shutil
from pathlib import Path

from paths import EXAMPLE

from crisisdesk.export import json as export_json
from crisisdesk.pipeline import run
from crisisdesk.settings import Settings


def test_the_streamed_report_is_byte_for_byte_the_export_dump(tmp_path):
    # its own run: the shared seeds run's report.json is rewritten by the re-run tests
    settings = Settings(db=str(tmp_path / "r.db"), out=str(tmp_path / "out"))
    result = run([EXAMPLE], settings)
    written = (Path(settings.out) / "report.json").read_text(encoding="utf-8")
    assert written == export_json.dumps(result.export)


def test_a_grown_folder_parses_only_the_new_document(seeds_dir, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    settings = Settings(db=str(tmp_path / "a.db"), out=str(tmp_path / "out"))
    run([folder], settings)
    (folder / "new.txt").write_text("Police detained 12 protesters in the capital on Sunday.\n", encoding="utf-8")
    again = run([folder], settings)
    assert (again.stored, again.unchanged) == (1, 5)
    assert "resolve" in again.timings
    assert len(again.export["documents"]) == 6

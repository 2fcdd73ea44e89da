"""The command line as a user meets it: help, run on the bundled example, export, report."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from crisisdesk.cli import app

from paths import EXAMPLE

runner = CliRunner()


def test_help_lists_every_command_with_an_example():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "export", "report", "eval", "bench"):
        assert command in result.output
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and "Example: crisisdesk" in sub.output, command


def test_run_export_and_report_on_the_bundled_example(tmp_path):
    db = str(tmp_path / "ex.db")
    result = runner.invoke(app, ["run", str(EXAMPLE), "--db", db, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "documents" in result.output
    export = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert export["schema"] == "crisisdesk.v1"
    # the example's two formats besides text: an HTML page and a JSONL feed with two records
    assert any(d["source"].endswith(".html") for d in export["documents"])
    assert sum(d["source"].startswith("https://") for d in export["documents"]) == 2  # JSONL records with a url

    out = tmp_path / "again.json"
    assert runner.invoke(app, ["export", "--format", "json", "--db", db, "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["documents"] == export["documents"]
    geo = runner.invoke(app, ["export", "--format", "geojson", "--db", db])
    assert geo.exit_code == 0 and json.loads(geo.stdout)["type"] == "FeatureCollection"
    html = tmp_path / "report.html"
    assert runner.invoke(app, ["report", "--db", db, "-o", str(html)]).exit_code == 0
    assert html.read_text(encoding="utf-8").lower().startswith("<!doctype html>")


def test_skipped_files_give_exit_code_3_and_name_the_file(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Police detained 12 protesters in Ostrel on Sunday.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--db", str(tmp_path / "x.db"),
                                 "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 3
    assert "empty.txt" in result.output and "image.txt" in result.output
    export = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(export["documents"]) == 1


def test_export_of_a_missing_database_says_what_to_do(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "crisisdesk run" in result.output


def test_unknown_export_format_is_refused(tmp_path):
    result = runner.invoke(app, ["export", "--format", "xml", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "unknown format" in result.output

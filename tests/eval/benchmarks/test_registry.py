"""Every benchmark is registered, runs through the real pipeline, and the CLI prints it with its anchor."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from crisisdesk.cli import app
from crisisdesk.eval.benchmarks import BENCHMARKS
from crisisdesk.eval.benchmarks.base import item_index
from crisisdesk.eval.benchmarks.runner import run_texts


def test_all_adapters_are_registered() -> None:
    assert set(BENCHMARKS.names()) >= {"case2021", "trnews", "india_police_events", "polnear"}
    assert all(entry.example for entry in BENCHMARKS.entries())


def test_run_texts_gives_one_document_per_text_in_order() -> None:
    texts = ["Police arrested ten opposition activists on Sunday.", "The river was calm."]
    export = run_texts(texts)
    index = item_index(export, len(texts))
    assert sorted(index.values()) == [0, 1]
    (arrest,) = [e for e in export["events"] if index[e["doc"]] == 0]
    assert arrest["sub_event_type"] == "Arrests"


def test_cli_prints_measures_next_to_the_anchor(tmp_path: Path) -> None:
    folder = tmp_path / "benchmarks" / "case2021_task2"
    folder.mkdir(parents=True)
    (folder / "snippets.tsv").write_text(
        "id\tEventSnippet\tSubType\n1\tPolice arrested ten opposition activists on Sunday.\tARREST\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["benchmark", "case2021", "--shared", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "weighted F1 100.0" in result.output and "anchor: best CASE 2021" in result.output


def test_cli_names_the_known_benchmarks_for_an_unknown_one() -> None:
    result = CliRunner().invoke(app, ["benchmark", "nope"])
    assert result.exit_code == 1

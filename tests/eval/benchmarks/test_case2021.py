"""The CASE 2021 adapter: snippets in, one label per snippet out, F1 as sklearn defines it."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisdesk.eval.benchmarks import BENCHMARKS
from crisisdesk.eval.benchmarks.case2021 import NO_EVENT, f1_scores, predicted_labels

SHARED = Path(__file__).resolve().parents[3].parent / "shared"

# Snippets written for this test, with the CASE labels they would carry.
ROWS = [
    ("1", "Jets bombed the village, killing six.", "AIR_STRIKE"),
    ("2", "Police fired on students marching peacefully.", "FORCE_AGAINST_PROTEST"),
    ("3", "The river flooded the town.", "NATURAL_DISASTER"),
    ("4", "Two ministers signed a trade pact.", "DIPLO"),
]


def fake_run(texts: list[str]) -> dict:
    """A crisisdesk.v1 export for the four texts, written by hand: snippet 1 coded right
    (with a less confident second event), 2 coded wrong, 3 without events, 4 coded as an
    agreement (a non-ACLED gold class predicted as an ACLED one)."""
    documents = [{"id": f"d{i}", "source": f"item-{i}", "text": t} for i, t in enumerate(texts)]
    events = [
        {"doc": "d0", "start": 0, "end": 10, "sub_event_type": "Air/drone strike", "confidence": 0.9},
        {"doc": "d0", "start": 0, "end": 10, "sub_event_type": "Attack", "confidence": 0.4},
        {"doc": "d1", "start": 0, "end": 10, "sub_event_type": "Peaceful protest", "confidence": None},
        {"doc": "d3", "start": 0, "end": 10, "sub_event_type": "Agreement", "confidence": 0.5},
    ]
    return {"schema": "crisisdesk.v1", "documents": documents, "events": events}


@pytest.fixture
def shared_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "benchmarks" / "case2021_task2"
    folder.mkdir(parents=True)
    lines = ["id\tEventSnippet\tSubType"] + ["\t".join(row) for row in ROWS]
    (folder / "snippets.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_labels_from_events() -> None:
    export = fake_run([r[1] for r in ROWS])
    assert predicted_labels(export, 4) == ["AIR_STRIKE", "PEACE_PROTEST", NO_EVENT, "AGREEMENT"]


def test_adapter_measures(shared_dir: Path) -> None:
    result = BENCHMARKS.get("case2021")(shared_dir, fake_run)
    # gold: AIR_STRIKE, FORCE_AGAINST_PROTEST, NO_ACLED_EVENT, NO_ACLED_EVENT
    # F1: AIR_STRIKE 1, NO_ACLED_EVENT 2/3 (p 1, r 1/2), every other label 0
    assert result.measures["weighted F1"] == pytest.approx(100 * (1 + 2 * 2 / 3) / 4)
    assert result.measures["macro F1"] == pytest.approx(100 * (1 + 2 / 3) / 5)
    assert result.measures["accuracy"] == 50.0
    assert "83.9" in result.anchor
    assert "CASE 2021 task 2" in result.render()


def test_f1_matches_sklearn_definition() -> None:
    weighted, macro = f1_scores(["a", "a", "b"], ["a", "b", "b"])
    # a: p 1, r .5, f .667 (support 2); b: p .5, r 1, f .667 (support 1)
    assert weighted == pytest.approx(2 / 3)
    assert macro == pytest.approx(2 / 3)


def test_real_snippets_are_read() -> None:
    if not (SHARED / "benchmarks" / "case2021_task2").is_dir():
        pytest.skip("shared benchmarks not found")

    def no_events(texts: list[str]) -> dict:
        return {"documents": [{"id": str(i), "source": f"item-{i}"} for i in range(len(texts))]}

    result = BENCHMARKS.get("case2021")(SHARED, no_events)
    assert result.measures["snippets"] == 510
    assert result.measures["accuracy"] == pytest.approx(100 * 108 / 510)  # the non-ACLED share

"""The accuracy gate: `crisisdesk eval` on the seeds must stay above the committed floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk.eval import score

FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text(encoding="utf-8"))
GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"

CASES = [(section, measure, floor) for section, measures in FLOORS.items() if not section.startswith("_")
         for measure, floor in measures.items()]


@pytest.fixture(scope="module")
def scores(seeds_run):
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    _, result = seeds_run
    return score(result.export, GOLD)


@pytest.mark.parametrize("section,measure,floor", CASES, ids=[f"{s}-{m}" for s, m, _ in CASES])
def test_accuracy_floor(scores, section, measure, floor):
    s = scores.section(section)
    value = getattr(s, measure) if measure in ("precision", "recall", "f1") else s.accuracy(measure).value
    assert value >= floor, f"{section} {measure} = {value:.3f} fell below its floor {floor}"

"""Score a crisisdesk.v1 export against hand annotations (`../shared/gold` format).

    score(export, gold_dir) -> Scores      per-section P/R/F1, sub-accuracies, misses
    render(scores, verbose=False) -> str   the table `crisisdesk eval` prints

Scoring rules: `../shared/gold/README.md` "Scoring", implemented in `sections.py`.
External benchmarks plug in through `crisisdesk.eval.benchmarks.BENCHMARKS`.
"""

from .render import render
from .results import Accuracy, Item, Scores, SectionScore
from .scoring import score

__all__ = ["Accuracy", "Item", "Scores", "SectionScore", "render", "score"]

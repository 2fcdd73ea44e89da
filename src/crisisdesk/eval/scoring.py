"""`score(export, gold_dir)`: every registered section over every gold document."""

from __future__ import annotations

from pathlib import Path

from .gold import load_gold
from .pairing import ExportView, pair_documents
from .results import Scores
from .sections import SECTIONS


def score(export: dict, gold_dir: Path) -> Scores:
    """Score a crisisdesk.v1 export against the gold files in `gold_dir`.

    Raises `GoldError` when a gold file is malformed; a partial export (missing
    sections, null fields, documents without text) scores what it holds.
    """
    golds = load_gold(Path(gold_dir))
    view = ExportView(export)
    pairs, warnings = pair_documents(golds, view)
    return Scores(
        gold_docs=tuple(g.doc for g in golds),
        missing_docs=tuple(p.name for p in pairs if p.document is None),
        sections=tuple(entry.func(pairs, view) for entry in SECTIONS.entries()),
        warnings=tuple(warnings),
    )

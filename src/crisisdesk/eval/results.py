"""What an evaluation yields: per-section counts, accuracies and the items behind them.

Counts, not ratios, are stored: precision, recall and F1 are derived, so a
reader (or a JSON consumer) can always see the numerators and denominators.
Places count recall over gold occurrences and precision over predictions,
which is why a section keeps two numerators (`gold_hit`, `pred_hit`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


def ratio(part: int, whole: int) -> float:
    """`part / whole`, and 0.0 for an empty denominator (nothing to score scores 0)."""
    return part / whole if whole else 0.0


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Item:
    """One gold item or prediction, named by where it sits, for `--verbose`."""

    doc: str
    start: int | None
    end: int | None
    text: str
    detail: str = ""

    def to_dict(self) -> dict:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Accuracy:
    """A sub-measure: `correct` of `total` (e.g. event dates over matched pairs)."""

    name: str
    correct: int
    total: int
    wrong: tuple[Item, ...] = ()

    @property
    def value(self) -> float:
        return ratio(self.correct, self.total)

    def to_dict(self) -> dict:
        return {
            "correct": self.correct,
            "total": self.total,
            "value": self.value,
            "wrong": [w.to_dict() for w in self.wrong],
        }


@dataclass(frozen=True)
class SectionScore:
    """Precision, recall and F1 of one fact kind, plus its sub-accuracies."""

    name: str
    built: bool  # False when the export has no facts of this kind at all
    gold: int
    predicted: int
    gold_hit: int  # gold items matched (recall numerator)
    pred_hit: int  # predictions matched (precision numerator)
    accuracies: tuple[Accuracy, ...] = ()
    misses: tuple[Item, ...] = ()
    false_hits: tuple[Item, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def precision(self) -> float:
        return ratio(self.pred_hit, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.gold_hit, self.gold)

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)

    def accuracy(self, name: str) -> Accuracy:
        for acc in self.accuracies:
            if acc.name == name:
                return acc
        raise KeyError(f"section {self.name} has no measure {name!r}")

    def to_dict(self) -> dict:
        return {
            "built": self.built,
            "gold": self.gold,
            "predicted": self.predicted,
            "gold_hit": self.gold_hit,
            "pred_hit": self.pred_hit,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracies": {a.name: a.to_dict() for a in self.accuracies},
            "misses": [m.to_dict() for m in self.misses],
            "false_hits": [f.to_dict() for f in self.false_hits],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Scores:
    """The whole evaluation: one `SectionScore` per section, in report order."""

    gold_docs: tuple[str, ...]
    missing_docs: tuple[str, ...]  # gold documents absent from the export (all missed)
    sections: tuple[SectionScore, ...]
    warnings: tuple[str, ...] = ()

    def section(self, name: str) -> SectionScore:
        for sec in self.sections:
            if sec.name == name:
                return sec
        raise KeyError(f"no section {name!r}; known: {', '.join(s.name for s in self.sections)}")

    def to_dict(self) -> dict:
        return {
            "gold_docs": list(self.gold_docs),
            "missing_docs": list(self.missing_docs),
            "sections": {s.name: s.to_dict() for s in self.sections},
            "warnings": list(self.warnings),
        }

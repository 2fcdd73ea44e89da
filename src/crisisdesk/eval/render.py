"""The evaluation as a plain-text table (what `crisisdesk eval` prints).

Plain text, not rich markup, so the output reads the same in a terminal, a CI
log and a README; the CLI may wrap it in a rich panel if it likes.
"""

from __future__ import annotations

from .results import Accuracy, Item, Scores, SectionScore

HEADER = ("section", "gold", "found", "pred", "correct", "P", "R", "F1")
WIDTHS = (11, 6, 6, 6, 8, 6, 6, 6)


def render(scores: Scores, *, verbose: bool = False) -> str:
    """The table of sections, their sub-measures, notes and, if `verbose`, every
    miss, false hit and wrong attribute with its document and a text snippet."""
    found = len(scores.gold_docs) - len(scores.missing_docs)
    lines = [f"crisisdesk eval: {len(scores.gold_docs)} gold documents, {found} found in the export", ""]
    lines.append(_row(HEADER))
    lines.append(_row(tuple("-" * w for w in WIDTHS)))
    for section in scores.sections:
        lines.extend(_section_lines(section))
    if scores.missing_docs:
        lines += ["", "absent from the export (all missed): " + ", ".join(scores.missing_docs)]
    lines += [f"warning: {w}" for w in scores.warnings]
    if verbose:
        for section in scores.sections:
            lines.extend(_details(section))
    return "\n".join(lines) + "\n"


def _row(cells: tuple[str, ...]) -> str:
    first, *rest = cells
    return first.ljust(WIDTHS[0]) + "".join(c.rjust(w) for c, w in zip(rest, WIDTHS[1:], strict=True))


def _section_lines(section: SectionScore) -> list[str]:
    row = _row((
        section.name,
        str(section.gold),
        str(section.gold_hit),
        str(section.predicted),
        str(section.pred_hit),
        f"{section.precision:.2f}",
        f"{section.recall:.2f}",
        f"{section.f1:.2f}",
    ))
    lines = [row + ("   not extracted yet" if not section.built else "")]
    if section.built and section.accuracies:
        lines.append("    " + " · ".join(_accuracy(a) for a in section.accuracies))
    lines += [f"    note: {n}" for n in section.notes if section.built]
    return lines


def _accuracy(acc: Accuracy) -> str:
    return f"{acc.name} {acc.correct}/{acc.total} = {acc.value:.2f}"


def _details(section: SectionScore) -> list[str]:
    if not section.built:
        return []
    lines: list[str] = []
    groups = [("misses", section.misses), ("false hits", section.false_hits)]
    groups += [(f"wrong {a.name} on matched pairs", a.wrong) for a in section.accuracies if a.wrong]
    for title, items in groups:
        if items:
            lines += ["", f"{section.name}: {title} ({len(items)})"]
            lines += [_item(i) for i in items]
    return lines


def _item(entry: Item) -> str:
    where = f"[{entry.start}:{entry.end}]" if entry.start is not None else ""
    detail = f"  -- {entry.detail}" if entry.detail else ""
    return f"  {entry.doc}{where} \"{entry.text}\"{detail}"

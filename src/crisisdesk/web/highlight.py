"""A document's text cut into pieces by the facts that cover them, for highlighting.

Facts overlap (an event's sentence holds a claim, which holds a place name), so
the text is cut at every fact boundary and each piece lists every fact that
covers it; the page styles a piece by those kinds and escapes its text like any
other.  Offsets are `Document.text` offsets, exactly as the export carries them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

# Kinds in the order the page's legend lists them (and the order of their colours).
KINDS = ("event", "claim", "quote", "time", "place", "actor", "boilerplate")


@dataclass(frozen=True)
class Mark:
    kind: str  # one of KINDS
    anchor: str  # the fact's id on the page (fact-<kind>-<n>)
    start: int
    end: int
    label: str  # what the fact says, for the tooltip and the fact list


@dataclass(frozen=True)
class Piece:
    text: str
    kinds: tuple[str, ...]  # kinds of the facts covering it, in KINDS order
    labels: tuple[str, ...]
    anchors: tuple[str, ...]  # facts that start here (the fact list links to them)


def valid(mark: Mark, length: int) -> bool:
    """Whether the mark's span lies inside a text of `length` characters and is not empty."""
    return 0 <= mark.start < mark.end <= length


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """The text in order, cut at every boundary of a valid mark.

    One sweep over the cuts, keeping the marks open at each: a long document has
    hundreds of facts, and testing every mark at every cut grew with their square.
    """
    marks = [m for m in marks if valid(m, len(text))]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, m in enumerate(marks):
        starts.setdefault(m.start, []).append(i)
        ends.setdefault(m.end, []).append(i)
    open_marks: set[int] = set()
    out = []
    for start, end in pairwise(cuts):
        open_marks.difference_update(ends.get(start, ()))
        open_marks.update(starts.get(start, ()))
        covering = [marks[i] for i in sorted(open_marks)]  # in the order given, as labels are listed
        kinds = tuple(k for k in KINDS if any(m.kind == k for m in covering))
        out.append(Piece(
            text=text[start:end],
            kinds=kinds,
            labels=tuple(dict.fromkeys(m.label for m in covering)),
            anchors=tuple(marks[i].anchor for i in starts.get(start, [])),
        ))
    return out

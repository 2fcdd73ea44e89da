"""Who said what, and which words each outlet uses for whom: quotes and framing.

Quotes are grouped by speaker so a reader sees one voice at a time; framing is a
table of actor classes by outlets so the outlets' vocabularies stand side by side
("terrorists" in one column, "protesters" in the next).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .clusters import outlet_label

UNATTRIBUTED = "Unattributed"

# EXPORT.md's actor classes, in the order the framing table lists them.
ACTOR_CLASSES = ("protesters", "security_forces", "foreign_forces", "government", "opposition")


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str
    actor: str | None  # actor id, when the speaker was resolved
    quotes: tuple[dict, ...]  # export quote rows, each with `outlet` added


@dataclass(frozen=True)
class FramingTable:
    outlets: tuple[str, ...]
    # actor class -> one list per outlet (same order) of (term, count), most used first
    rows: tuple[tuple[str, tuple[tuple[tuple[str, int], ...], ...]], ...]


def quotes_by_speaker(export: dict) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker, most quoted first; unattributed quotes last."""
    documents = {d["id"]: d for d in export.get("documents", [])}
    actors = {a["id"]: a for a in export.get("actors", [])}
    grouped: dict[tuple[str, str | None], list[dict]] = defaultdict(list)
    for quote in export.get("quotes", []):
        actor = quote.get("speaker") if quote.get("speaker") in actors else None
        name = actors[actor]["name"] if actor else (quote.get("speaker_text") or UNATTRIBUTED)
        document = documents.get(quote["doc"])
        grouped[(name, actor)].append({**quote, "outlet": outlet_label(document) if document else None})
    speakers = [
        SpeakerQuotes(speaker=name, actor=actor, quotes=tuple(sorted(qs, key=lambda q: (q["doc"], q["start"]))))
        for (name, actor), qs in grouped.items()
    ]
    speakers.sort(key=lambda s: (s.speaker == UNATTRIBUTED, -len(s.quotes), s.speaker))
    return speakers


def framing_table(export: dict) -> FramingTable:
    """Terms per actor class per outlet, summed over each outlet's documents."""
    documents = {d["id"]: d for d in export.get("documents", [])}
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    outlets: Counter = Counter()
    for row in export.get("framing", []):
        document = documents.get(row["doc"])
        outlet = outlet_label(document) if document else row["doc"]
        counts[(row["actor_class"], outlet)][row["term"]] += row["count"]
        outlets[outlet] += row["count"]
    columns = tuple(sorted(outlets, key=lambda o: (-outlets[o], o)))
    classes = [c for c in ACTOR_CLASSES if any(k[0] == c for k in counts)]
    classes += sorted({k[0] for k in counts} - set(ACTOR_CLASSES))
    rows = tuple(
        (cls, tuple(tuple(sorted(counts[(cls, o)].items(), key=lambda tc: (-tc[1], tc[0]))) for o in columns))
        for cls in classes
    )
    return FramingTable(outlets=columns, rows=rows)

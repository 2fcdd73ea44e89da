"""Which export document each gold file annotates, and the export's rows by document.

A gold file `<doc>.json` annotates `../seeds/<doc>.txt`; the export names that
document by its `source` path, so the pairing is on the source's file stem, with
the export `id` as a fallback for exports whose ids are the gold names.  The
export is read defensively: missing sections, null fields and rows without
offsets are tolerated, because `crisisdesk eval` must also score partial or
foreign exports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from .gold import GoldDoc

FACT_KINDS = ("mentions", "times", "events", "claims", "quotes")


@dataclass(frozen=True)
class DocPair:
    """One gold file and the export document it annotates (None when absent)."""

    gold: GoldDoc
    doc_id: str | None
    document: dict | None
    text: str | None  # the text all offsets point into; the seed's when the export has none

    @property
    def name(self) -> str:
        return self.gold.doc


class ExportView:
    """Lookups over a crisisdesk.v1 export: places, actors and fact rows per document."""

    def __init__(self, export: dict):
        self.documents = _rows(export, "documents")
        self.places = {str(p["id"]): p for p in _rows(export, "places") if "id" in p}
        self.actors = {str(a["id"]): a for a in _rows(export, "actors") if "id" in a}
        self._by_doc: dict[str, dict[str, list[dict]]] = {}
        self._present = {kind: bool(_rows(export, kind)) for kind in FACT_KINDS}
        for kind in FACT_KINDS:
            grouped: dict[str, list[dict]] = defaultdict(list)
            for row in _rows(export, kind):
                grouped[str(row.get("doc"))].append(row)
            self._by_doc[kind] = grouped

    def rows(self, kind: str, doc_id: str | None) -> list[dict]:
        if doc_id is None:
            return []
        return self._by_doc[kind].get(doc_id, [])

    def has(self, kind: str) -> bool:
        """Whether the export holds any row of `kind` at all (the section is built)."""
        return self._present[kind]

    def place_mentions(self, doc_id: str | None) -> list[dict]:
        """Mentions whose `ref` is a place id: the predicted place mentions."""
        return [m for m in self.rows("mentions", doc_id) if str(m.get("ref")) in self.places]

    def actor_names(self, actor_id: object) -> list[str]:
        """An actor's canonical name and aliases; empty for null or unknown ids."""
        actor = self.actors.get(str(actor_id)) if actor_id is not None else None
        if actor is None:
            return []
        names = [actor.get("name")] + list(actor.get("aliases") or [])
        return [n for n in names if isinstance(n, str) and n]


def span_of(row: dict) -> tuple[int, int] | None:
    """A row's `(start, end)`, or None when its offsets are missing or malformed."""
    start, end = row.get("start"), row.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
        return start, end
    return None


def pair_documents(golds: list[GoldDoc], view: ExportView) -> tuple[list[DocPair], list[str]]:
    """Each gold file with its export document, and warnings about the pairing."""
    warnings: list[str] = []
    pairs = []
    for gold in golds:
        matches = [d for d in view.documents if _stem(d.get("source")) == gold.doc]
        matches = matches or [d for d in view.documents if str(d.get("id")) == gold.doc]
        if len(matches) > 1:
            warnings.append(f"{gold.doc}: {len(matches)} export documents match; scoring the first")
        document = matches[0] if matches else None
        text = document.get("text") if document else None
        if not isinstance(text, str) or not text:
            text = gold.seed_text()
            if document is not None:
                warnings.append(
                    f"{gold.doc}: the export carries no text; offsets are read against the seed"
                    if text
                    else f"{gold.doc}: no text in the export nor a seed file; spans cannot match"
                )
        doc_id = str(document["id"]) if document and "id" in document else None
        pairs.append(DocPair(gold, doc_id, document, text))
    return pairs, warnings


def _rows(export: dict, key: str) -> list[dict]:
    rows = export.get(key) if isinstance(export, dict) else None
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _stem(source: object) -> str | None:
    """`seeds/000_x.txt` -> `000_x`, for POSIX and Windows paths and URLs alike."""
    if not isinstance(source, str) or not source:
        return None
    name = PureWindowsPath(PurePosixPath(source.rstrip("/")).name).name
    return name.rsplit(".", 1)[0] if "." in name else name

"""The short summary a run prints: corpus, actors, facts per kind, skipped files."""

from __future__ import annotations

from collections import Counter

from rich.table import Table

FACT_KINDS = ("mentions", "places", "times", "events", "claims", "quotes", "framing")


def summary_tables(export: dict, skipped: list | None = None) -> list[Table]:
    docs = export["documents"]
    corpus = Table(title="Corpus", show_header=False)
    corpus.add_column("what")
    corpus.add_column("value")
    dates = sorted(d["published"] for d in docs if d["published"])
    outlets = Counter(d["outlet"] for d in docs if d["outlet"])
    corpus.add_row("documents", str(len(docs)))
    corpus.add_row("reprints/rewrites", str(sum(1 for d in docs if d["duplicate_of"])))
    corpus.add_row("outlets", ", ".join(f"{o} ({n})" for o, n in outlets.most_common()) or "none named")
    corpus.add_row("published", f"{dates[0]} to {dates[-1]}" if dates else "unknown")
    mentioned = Counter(m["ref"] for m in export["mentions"] if m["ref"])
    top = sorted(export["actors"], key=lambda a: -mentioned[a["id"]])[:8]
    corpus.add_row("actors", f"{len(export['actors'])}: " + "; ".join(
        a["name"] + (f" (= {', '.join(x for x in a['aliases'] if x != a['name'])})" if len(a["aliases"]) > 1 else "")
        for a in top))

    facts = Table(title="Facts")
    facts.add_column("kind")
    facts.add_column("count", justify="right")
    for kind in FACT_KINDS:
        facts.add_row(kind, str(len(export.get(kind, []))))
    tables = [corpus, facts]
    if skipped:
        skip = Table(title="Skipped files")
        skip.add_column("file")
        skip.add_column("reason")
        for s in skipped:
            skip.add_row(s.source, s.reason)
        tables.append(skip)
    return tables

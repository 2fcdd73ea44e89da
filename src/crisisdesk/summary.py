"""The short summary a run prints: corpus, facts per kind, figures, clusters, framing.

It reads only the crisisdesk.v1 export, so the CLI, the web app and a notebook
see the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.table import Table

from .model import Claim
from .resolve.claims import summarize

FACT_KINDS = ("mentions", "places", "times", "events", "claims", "quotes", "framing")
# Rows shown per table: a summary, not a listing (the report and web app list everything).
TOP_ROWS = 8


def _outlet(doc: dict) -> str:
    return doc["outlet"] or f"unnamed ({doc['source'].rsplit('/', 1)[-1]})"


def corpus_table(export: dict) -> Table:
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
    top = sorted(export["actors"], key=lambda a: -mentioned[a["id"]])[:TOP_ROWS]
    corpus.add_row("actors", f"{len(export['actors'])}: " + "; ".join(
        a["name"] + (f" (= {', '.join(x for x in a['aliases'] if x != a['name'])})" if len(a["aliases"]) > 1 else "")
        for a in top))
    return corpus


def facts_table(export: dict) -> Table:
    facts = Table(title="Facts")
    facts.add_column("kind")
    facts.add_column("count", justify="right")
    for kind in FACT_KINDS:
        facts.add_row(kind, str(len(export.get(kind, []))))
    return facts


def figures_table(export: dict) -> Table | None:
    """Claim groups as ranges, every source named, disagreements flagged."""
    rows = export["claims"]
    if not rows:
        return None
    actors = {a["id"]: a["name"] for a in export["actors"]}
    outlets = {d["id"]: _outlet(d) for d in export["documents"]}
    claims = [Claim(r["doc"], r["start"], r["end"], r["category"], r["subject"], r["low"], r["high"], r["qualifier"],
                    r["as_of"], actors.get(r["source"]) or r["source_text"], r["hedged"], r["rule"]) for r in rows]
    groups = summarize(claims, [r["group"] or f"single:{i}" for i, r in enumerate(rows)])
    groups.sort(key=lambda g: (-len(g.figures), g.category))
    table = Table(title="Figures: claim groups across sources")
    for col in ("what", "range", "figures (source: value)", "sources agree?"):
        table.add_column(col)
    for g in groups[:TOP_ROWS]:
        figures = "; ".join(
            f"{f.source_text or outlets[f.doc]}: {_value(f.low, f.high, f.qualifier)}" + (" (hedged)" if f.hedged else "")
            for f in g.figures)
        table.add_row(f"{g.category}: {g.subject}", _value(g.low, g.high, "exact"), figures,
                      "NO: sources disagree" if g.disagree else "yes")
    return table


def _value(low, high, qualifier: str) -> str:
    if low is not None and high is not None:
        text = str(low) if low == high else f"{low}-{high}"
    elif low is not None:
        text = f"{low}+"
    else:
        text = f"up to {high}"
    return {"about": "about ", "at_most": "at most "}.get(qualifier, "") + text


def clusters_table(export: dict) -> Table | None:
    """Events reported by several outlets: the same real-world event, counted once."""
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for e in export["events"]:
        if e["cluster"]:
            by_cluster[e["cluster"]].append(e)
    docs = {d["id"]: d for d in export["documents"]}
    places = {p["id"]: p["name"] for p in export["places"]}
    multi = [(c, rows) for c, rows in by_cluster.items() if len({_outlet(docs[r["doc"]]) for r in rows}) > 1]
    if not multi:
        return None
    multi.sort(key=lambda cr: -len({r["doc"] for r in cr[1]}))
    table = Table(title="Events reported by several outlets")
    for col in ("event", "date", "place", "fatalities", "outlets"):
        table.add_column(col)
    for _, rows in multi[:TOP_ROWS]:
        dates = sorted({r["date"] for r in rows if r["date"]})
        deaths = sorted({r["fatalities"] for r in rows if r["fatalities"] is not None})
        where = Counter(places.get(r["place"]) for r in rows if r["place"]).most_common(1)
        table.add_row(f"{rows[0]['event_type']}: {rows[0]['sub_event_type']}", dates[0] if dates else "?",
                      where[0][0] if where else "?",
                      "-".join(map(str, (deaths[0], deaths[-1]) if len(deaths) > 1 else deaths)) or "",
                      ", ".join(sorted({_outlet(docs[r["doc"]]) for r in rows})))
    return table


def framing_table(export: dict) -> Table | None:
    """How each outlet names each actor class: its three most used terms."""
    if not export["framing"]:
        return None
    docs = {d["id"]: d for d in export["documents"]}
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for f in export["framing"]:
        counts[(_outlet(docs[f["doc"]]), f["actor_class"])][f["term"]] += f["count"]
    classes = sorted({c for _, c in counts})
    outlets = sorted({o for o, _ in counts})
    table = Table(title="Framing: the words each outlet uses")
    table.add_column("outlet")
    for c in classes:
        table.add_column(c.replace("_", " "))
    for o in outlets:
        table.add_row(o, *(", ".join(t for t, _ in counts[(o, c)].most_common(3)) for c in classes))
    return table


def summary_tables(export: dict, skipped: list | None = None) -> list[Table]:
    tables = [corpus_table(export), facts_table(export)]
    tables += [t for t in (figures_table(export), clusters_table(export), framing_table(export)) if t is not None]
    if skipped:
        skip = Table(title="Skipped files")
        skip.add_column("file")
        skip.add_column("reason")
        for s in skipped:
            skip.add_row(s.source, s.reason)
        tables.append(skip)
    return tables

"""The report's opening paragraphs, written from the data: the crisis and the corpus.

Every sentence states only what the export holds; a part the export does not hold
yet is said to be missing ("No events extracted yet.") rather than left out, so
a reader can tell "nothing happened" from "nothing was extracted".
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from .clusters import ClusterSummary, PlaceSummary, outlet_label
from .figures import ClaimGroup

# How many places the paragraph names before saying "and N more": a sentence, not a list.
PLACES_NAMED = 4
# How many death-toll groups the paragraph spells out (the figures section has them all).
DEATH_GROUPS_NAMED = 3
# How many outlets the corpus sentence names.
OUTLETS_NAMED = 6


def format_day(day: str) -> str:
    """`2022-01-05` -> `5 January 2022`."""
    d = date.fromisoformat(day)
    return f"{d.day} {d:%B} {d.year}"


def format_period(first: str, last: str) -> str:
    """A period as a reader says it: `5 January 2022`, `5 to 8 January 2022`, `30 December 2021 to 2 January 2022`."""
    if first == last:
        return format_day(first)
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day} to {format_day(last)}"
    if a.year == b.year:
        return f"{a.day} {a:%B} to {format_day(last)}"
    return f"{format_day(first)} to {format_day(last)}"


def name_list(names: list[str], limit: int) -> str:
    """`a, b and c`; past `limit` names: `a, b, c and 4 more`."""
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _when(export: dict, clusters: list[ClusterSummary]) -> str:
    """` from 5 to 8 January 2022`-style phrase from event dates (else resolved times), or ``."""
    days = sorted({d for c in clusters for d in c.dates})
    if not days:
        days = sorted(t["value"].split("/")[0] for t in export.get("times", []) if t.get("value"))
    if not days:
        return ""
    if days[0] == days[-1]:
        return f" on {format_day(days[0])}"
    return f" from {format_period(days[0], days[-1])}"


def _country_names(export: dict) -> dict[str, str]:
    return {p["country"]: p["name"] for p in export.get("places", []) if p.get("kind") == "country" and p.get("country")}


def crisis_paragraph(export: dict, clusters: list[ClusterSummary], places: list[PlaceSummary],
                     groups: list[ClaimGroup]) -> str:
    sentences = []
    located = [s for s in places if s.events] or places
    named = [s.place["name"] for s in located if s.place.get("kind") != "country"] or [s.place["name"] for s in located]
    countries = _country_names(export)
    codes = list(dict.fromkeys(s.place["country"] for s in located if s.place.get("country")))
    where = ""
    if named:
        where = " in " + name_list(named, PLACES_NAMED)
        country_words = [countries.get(c, c) for c in codes if countries.get(c, c) not in named]
        if country_words:
            where += f" ({name_list(country_words, PLACES_NAMED)})"
    if clusters:
        by_type = Counter(c.event_type for c in clusters)
        kinds = ", ".join(f"{t} {n}" for t, n in by_type.most_common())
        sentences.append(f"The reports describe {plural(len(clusters), 'event')}{_when(export, clusters)}{where}.")
        sentences.append(f"By type: {kinds}.")
    else:
        sentences.append("No events extracted yet" + (f"; the reports name places{where}" if where else "") + ".")

    killed = [g for g in groups if g.category == "killed"]
    if killed:
        parts = []
        for g in killed[:DEATH_GROUPS_NAMED]:
            sources = list(dict.fromkeys(c["source_name"] for c in g.claims))
            figure = _range(g.low, g.high)
            subject = f" {g.subject}" if g.subject else ""
            flag = ", sources disagree" if g.disagree else ""
            parts.append(f"{figure}{subject} ({plural(len(sources), 'source')}: {name_list(sources, 3)}{flag})")
        more = f"; {plural(len(killed) - DEATH_GROUPS_NAMED, 'more figure')} below" if len(killed) > DEATH_GROUPS_NAMED else ""
        sentences.append("Deaths reported: " + "; ".join(parts) + more + ".")
    else:
        stated = [(c.fatalities_low, c.fatalities_high) for c in clusters if c.fatalities_high is not None]
        if stated:
            sentences.append(f"Events state deaths for {plural(len(stated), 'event')}; no death-toll claims extracted yet.")
        else:
            sentences.append("No death figures extracted yet.")
    return " ".join(sentences)


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "an unstated number of"
    if low is None or high is None or low == high:
        return f"{low if low is not None else high}"
    return f"{low} to {high}"


def corpus_paragraph(export: dict) -> str:
    documents = export.get("documents", [])
    if not documents:
        return "No documents yet."
    outlets = Counter(outlet_label(d) for d in documents)
    names = [o for o, _ in outlets.most_common()]
    published = sorted(d["published"] for d in documents if d.get("published"))
    inferred = sum(1 for d in documents if d.get("published") and d.get("published_inferred"))
    reprints = sum(1 for d in documents if d.get("duplicate_of"))
    text = f"{plural(len(documents), 'document')} from {plural(len(outlets), 'outlet')} ({name_list(names, OUTLETS_NAMED)})"
    if published:
        text += f", published {format_period(published[0], published[-1])}"
        if inferred:
            text += f" ({plural(inferred, 'date')} inferred from the text)"
    undated = len(documents) - len(published)
    if undated:
        text += f"; {plural(undated, 'document')} without a date"
    if reprints:
        text += f"; {reprints} {'is a reprint or rewrite' if reprints == 1 else 'are reprints or rewrites'} of another"
    else:
        text += "; no reprints found"
    return text + "."

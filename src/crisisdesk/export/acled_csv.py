"""ACLED-style CSV: one row per event cluster, ACLED's columns in ACLED's order.

A user who already works with ACLED data loads this file with the same code.
Input is the `crisisdesk.v1` export dict (`export.json.build`).  Per cluster:
1. the canonical date, place, actors and fatalities come from
   `resolve.events.summarize_cluster` over the cluster's mentions (copies count
   with their original; the lowest independent fatality figure, as ACLED codes);
2. actors are coded with ACLED's eight actor types (`data/acled.json`:
   class-noun patterns; a generic noun becomes ACLED's generic name, "Protesters
   (Kazakhstan)"; a name that is no actor, "building", is left out); `inter1`,
   `inter2`, `interaction` and `civilian_targeting` follow from the codes;
3. country, ISO number and region from the place's ISO 3166 code;
4. `notes` are written from the evidence of the best-placed mention; `source`
   lists every outlet reporting the cluster, joined with "; ".
Values crisisdesk does not know are left empty (source_scale, admin2, admin3),
never guessed.  An undated cluster gets no event_date.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib import resources

import pycountry

from ..report.clusters import outlet_label
from ..resolve.events import ClusterSummary, EventRow, summarize_cluster

# Notes quote the evidence; longer clauses are cut at a word boundary (ACLED notes
# are a sentence or two).
MAX_EVIDENCE_CHARS = 400

# ACLED's event_id_cnty prefix for an event whose country is unknown.
UNKNOWN_COUNTRY = "XXX"

# Actor kinds that are names of their own (kept as written) rather than class nouns.
NAMED_KINDS = frozenset({"person", "organization", "media", "country"})

# Generic crowd classes that ACLED re-codes by the event's definition: people who
# riot are rioters, people who protest are protesters, whatever the text calls them.
CROWD_CLASSES = frozenset({"protesters", "rioters", "civilians"})

# Strategic developments are not political violence: their actor2 is not a target.
VIOLENT_DISORDER = "Political violence"


@lru_cache(maxsize=1)
def tables() -> dict:
    text = (resources.files("crisisdesk") / "data" / "acled.json").read_text(encoding="utf-8")
    return json.loads(text)


def columns() -> list[str]:
    """ACLED's column names in ACLED's order."""
    return list(tables()["columns"])


@lru_cache(maxsize=1)
def _class_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    return tuple(
        (r["class"], r["label"], re.compile(rf"\b(?:{r['pattern']})\b", re.IGNORECASE))
        for r in tables()["actor_classes"]["rules"]
    )


@lru_cache(maxsize=1)
def _region_of() -> dict[str, str]:
    regions = {k: v for k, v in tables()["regions"].items() if k != "about"}
    return {code: region for region, codes in regions.items() for code in codes}


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    numeric: int
    name: str
    region: str | None


def country(alpha2: str | None) -> Country | None:
    """3. ISO 3166 facts and ACLED region of a country code, or None when unknown."""
    record = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    if record is None:
        return None
    name = getattr(record, "common_name", None) or record.name
    return Country(record.alpha_2, record.alpha_3, int(record.numeric), name, _region_of().get(record.alpha_2))


@dataclass(frozen=True)
class CodedActor:
    """An actor as ACLED writes it: a name and its actor-type code (None when not classifiable)."""

    name: str
    inter: int | None


def actor_class(name: str) -> tuple[str, str] | None:
    """(ACLED class, label key) of the first class pattern the name matches."""
    for cls, label, pattern in _class_rules():
        if pattern.search(name):
            return cls, label
    return None


def code_actor(actor: dict | None, country_name: str | None) -> CodedActor | None:
    """2. An export actor as ACLED codes it; None for a name that is no actor."""
    if actor is None:
        return None
    found = actor_class(actor["name"])
    codes = tables()["inter_codes"]
    if actor.get("kind") in NAMED_KINDS or country_name is None:
        if found is None:
            return CodedActor(actor["name"], 1 if actor.get("kind") == "state_force" else None)
        return CodedActor(actor["name"], codes[found[0]])
    if found is None:
        if actor.get("kind") == "state_force":
            found = ("state_forces", "state_forces")
        else:
            return None
    template = tables()["class_labels"][found[1]]
    return CodedActor(template.format(country=country_name, name=actor["name"]), codes[found[0]])


def is_crowd(actor: dict | None) -> bool:
    """A crowd named by a class noun ("people", "demonstrators"), not by a name of its own."""
    if actor is None or actor.get("kind") in NAMED_KINDS:
        return False
    found = actor_class(actor["name"])
    return found is not None and found[0] in CROWD_CLASSES


def default_actor(sub_event_type: str, country_name: str | None) -> CodedActor | None:
    """ACLED's actor1 by definition of the sub-event type (a violent demonstration's rioters)."""
    cls = tables()["event_type_classes"].get(sub_event_type)
    if cls is None or country_name is None:
        return None
    template = tables()["class_labels"][cls]
    return CodedActor(template.format(country=country_name, name=""), tables()["inter_codes"][cls])


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction: the two codes, lower first; `x0` when actor1 acts alone."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def is_civilian_targeting(sub_event_type: str, disorder: str | None, inter2: int | None) -> bool:
    rule = tables()["civilian_targeting"]
    civilians = tables()["inter_codes"]["civilians"]
    return sub_event_type in rule["sub_event_types"] or (
        inter2 == civilians and (disorder or "").startswith(VIOLENT_DISORDER)
    )


def event_rows(export: dict) -> dict[str, list[tuple[EventRow, dict]]]:
    """1. The export's event mentions as clustering rows, grouped by cluster (input order)."""
    documents = {d["id"]: d for d in export.get("documents", [])}
    places = {p["id"]: p for p in export.get("places", [])}
    grouped: dict[str, list[tuple[EventRow, dict]]] = {}
    for e in export.get("events", []):
        p = places.get(e.get("place") or "", {})
        d = documents.get(e["doc"], {})
        row = EventRow(
            id=e["id"], doc=e["doc"], event_type=e["event_type"], sub_event_type=e["sub_event_type"],
            date=e.get("date"), date_precision=e.get("date_precision"), place_id=e.get("place"),
            lat=p.get("lat"), lon=p.get("lon"), country=p.get("country"), place_kind=p.get("kind"),
            actor1=e.get("actor1"), actor2=e.get("actor2"), fatalities=e.get("fatalities"),
            outlet=d.get("outlet"), duplicate_of=d.get("duplicate_of"), rule=e.get("rule"),
        )
        grouped.setdefault(e.get("cluster") or f"event:{e['id']}", []).append((row, e))
    return grouped


def evidence_of(mentions: list[dict], summary: ClusterSummary, documents: dict[str, dict]) -> str:
    """4. The clause of the mention that best states the canonical facts, whitespace collapsed."""
    def score(e: dict) -> tuple:
        return (e.get("place") != summary.place_id, e.get("date") is None, -(e.get("confidence") or 0), e["id"])

    best = min(mentions, key=score)
    text = documents.get(best["doc"], {}).get("text") or ""
    clause = " ".join(text[best["start"] : best["end"]].split())
    if len(clause) > MAX_EVIDENCE_CHARS:
        clause = clause[:MAX_EVIDENCE_CHARS].rsplit(" ", 1)[0] + " ..."
    return clause


def long_date(value: str) -> str:
    day = date.fromisoformat(value)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def notes(summary: ClusterSummary, location: str | None, evidence: str) -> str:
    """4. One or two sentences: when and where, what a source wrote, how many sources, the toll's range."""
    when = f"On {long_date(summary.date[:10])}" if summary.date else "On an unstated date"
    where = f" in {location}" if location else ""
    parts = [f"{when}{where}: \"{evidence.rstrip('.')}\"."]
    parts.append(f"Reported by {summary.sources} independent source{'s' if summary.sources != 1 else ''}.")
    if summary.fatalities_low is not None and summary.fatalities_high != summary.fatalities_low:
        parts.append(
            f"Fatality figures range from {summary.fatalities_low} to {summary.fatalities_high}; "
            "the lowest is coded."
        )
    return " ".join(parts)


def place_columns(place: dict, where: Country | None) -> dict:
    kind = place.get("kind")
    return {
        "admin1": place.get("name") if kind == "admin1" else place.get("admin1") or "",
        "admin2": place.get("name") if kind == "admin2" else "",
        "admin3": "",
        "location": (where.name if kind == "country" and where else place.get("name")) or "",
        "latitude": place.get("lat") if place.get("lat") is not None else "",
        "longitude": place.get("lon") if place.get("lon") is not None else "",
    }


def geo_precision(mentions: list[dict], summary: ClusterSummary) -> int | str:
    at_place = [e["geo_precision"] for e in mentions if e.get("place") == summary.place_id and e.get("geo_precision")]
    return min(at_place) if at_place else ""


def cluster_row(summary: ClusterSummary, mentions: list[dict], export: dict, timestamp: int) -> dict:
    """One ACLED row (without event_id_cnty, numbered once all rows are known)."""
    t = tables()
    places = {p["id"]: p for p in export.get("places", [])}
    actors = {a["id"]: a for a in export.get("actors", [])}
    documents = {d["id"]: d for d in export.get("documents", [])}
    place = places.get(summary.place_id or "", {})
    countries = Counter(places[e["place"]]["country"] for e in mentions if e.get("place") in places
                        and places[e["place"]].get("country"))
    where = country(place.get("country") or (countries.most_common(1)[0][0] if countries else None))
    country_name = where.name if where else None
    named1 = actors.get(summary.actor1 or "")
    by_definition = default_actor(summary.sub_event_type, country_name)
    if by_definition is not None and is_crowd(named1):
        actor1 = by_definition
    else:
        actor1 = code_actor(named1, country_name) or by_definition
    actor2 = code_actor(actors.get(summary.actor2 or ""), country_name)
    inter1 = actor1.inter if actor1 else None
    inter2 = (actor2.inter if actor2 else 0)  # ACLED: 0 when there is no actor2; None: not classifiable
    disorder = t["disorder_types"].get(summary.sub_event_type, "")
    outlets = dict.fromkeys(outlet_label(documents[d]) for d in summary.docs if d in documents)
    located = place_columns(place, where)
    return {
        "event_date": summary.date[:10] if summary.date else "",
        "year": int(summary.date[:4]) if summary.date else "",
        "time_precision": t["time_precision"].get(summary.date_precision or "", "") if summary.date else "",
        "disorder_type": disorder,
        "event_type": summary.event_type,
        "sub_event_type": summary.sub_event_type,
        "actor1": actor1.name if actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1 if inter1 is not None else "",
        "actor2": actor2.name if actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2 if inter2 is not None else "",
        "interaction": (interaction(inter1, inter2) or "") if inter2 is not None else "",
        "civilian_targeting": t["civilian_targeting"]["value"]
        if is_civilian_targeting(summary.sub_event_type, disorder, inter2) else "",
        "iso": where.numeric if where else "",
        "region": (where.region or "") if where else "",
        "country": country_name or "",
        **located,
        "geo_precision": geo_precision(mentions, summary),
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": notes(summary, located["location"] or None, evidence_of(mentions, summary, documents)),
        "fatalities": summary.fatalities if summary.fatalities is not None else 0,
        "tags": "",
        "timestamp": timestamp,
        "_alpha3": where.alpha3 if where else UNKNOWN_COUNTRY,
    }


def export_timestamp(export: dict) -> int:
    """ACLED's timestamp (Unix seconds of the last change): when the export was generated."""
    generated = export.get("generated_at")
    if generated:
        return int(datetime.strptime(generated, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())
    return int(datetime.now(UTC).timestamp())


def to_rows(export: dict) -> list[dict]:
    """ACLED rows, ordered by date (undated last); event_id_cnty numbers each country's rows."""
    stamp = export_timestamp(export)
    rows = []
    for cluster, members in event_rows(export).items():
        summary = summarize_cluster(cluster, [r for r, _ in members])
        rows.append(cluster_row(summary, [e for _, e in members], export, stamp))
    rows.sort(key=lambda r: (r["event_date"] == "", r["event_date"], r["event_type"], r["notes"]))
    numbers: Counter = Counter()
    ordered = []
    for row in rows:
        alpha3 = row.pop("_alpha3")
        numbers[alpha3] += 1
        ordered.append({"event_id_cnty": f"{alpha3}{numbers[alpha3]}", **row})
    return [{name: row[name] for name in columns()} for row in ordered]


def to_csv(export: dict) -> str:
    """The CSV text: a header of ACLED's columns, one row per cluster (RFC 4180 quoting)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(to_rows(export))
    return out.getvalue()

"""The `crisisdesk.v1` export: the product's public interface (EXPORT.md).

Rows are built from the store, so an export reflects exactly what is stored;
field names and meanings follow the contract, and unknown values are null.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources

import orjson

from ..store import Store

SCHEMA_NAME = "crisisdesk.v1"

# Columns of the fact tables that are storage detail, not contract fields.
_INTERNAL = {"canonical", "place_start", "place_end", "speaker_start", "speaker_end"}


def _public(row: dict, drop: set[str] = frozenset()) -> dict:
    return {k: v for k, v in row.items() if k not in _INTERNAL and k not in drop}


def build(store: Store) -> dict:
    """The whole export as one JSON-able dict."""
    documents = []
    for d in store.documents():
        documents.append({
            "id": d["id"],
            "source": d["source"],
            "title": d["title"],
            "outlet": d["outlet"],
            "published": d["published"],
            "published_inferred": bool(d["published_inferred"]),
            "language": d["language"],
            "text": d["text"],
            "boilerplate": [list(s) for s in d["boilerplate"]],
            "duplicate_of": d["duplicate_of"],
        })
    actors = [{**a, "aliases": json.loads(a["aliases"])} for a in store.rows("actors")]
    places = store.rows("places")

    mentions = [
        {"doc": m["doc"], "start": m["start"], "end": m["end"], "text": m["text"], "ref": m["ref"],
         "label": m["label"], "rule": m["rule"], "confidence": m["confidence"]}
        for m in store.rows("mentions")
    ]
    mentions += [
        {"doc": p["doc"], "start": p["start"], "end": p["end"], "text": p["text"], "ref": p["ref"],
         "label": "GPE" if p["kind"] in ("country", "admin1", "admin2", "city") else "LOC",
         "rule": p["rule"], "confidence": p["confidence"]}
        for p in store.rows("place_mentions")
        if p["ref"]
    ]
    mentions.sort(key=lambda m: (m["doc"], m["start"], m["end"]))

    times = [_public(t, {"id"}) for t in store.rows("times")]
    events = [_public(e, {"place_text", "actor1_text", "actor2_text"}) for e in store.rows("events")]
    claims = []
    for c in store.rows("claims"):
        row = _public(c)
        row["group"] = row.pop("claim_group")
        row["hedged"] = bool(row["hedged"])
        claims.append(row)
    quotes = []
    for q in store.rows("quotes"):
        row = _public(q)
        row["direct"] = bool(row["direct"])
        quotes.append(row)
    framing = [_public(f, {"id"}) for f in store.rows("framing")]

    return {
        "schema": SCHEMA_NAME,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "documents": documents,
        "places": places,
        "actors": actors,
        "mentions": mentions,
        "times": times,
        "events": events,
        "claims": claims,
        "quotes": quotes,
        "framing": framing,
    }


@lru_cache(maxsize=1)
def json_schema() -> dict:
    """The JSON Schema of crisisdesk.v1 kept beside this module."""
    text = (resources.files("crisisdesk") / "export" / "crisisdesk.v1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(export: dict) -> None:
    """Raise jsonschema.ValidationError when the export breaks the contract."""
    import jsonschema

    jsonschema.validate(export, json_schema())


def dump_bytes(export: dict) -> bytes:
    """The export as indented UTF-8 JSON.  orjson, not the standard encoder, which
    falls back to pure Python whenever it indents: writing report.json took
    longer than resolving the corpus.  Column names of stored rows are str
    subclasses, which orjson takes only with OPT_NON_STR_KEYS."""
    return orjson.dumps(export, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)


def dumps(export: dict) -> str:
    return dump_bytes(export).decode("utf-8")

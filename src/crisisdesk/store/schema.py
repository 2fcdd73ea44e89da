"""One schema for every backend, derived from the dataclasses that flow.

Fact tables are generated from the per-document fact dataclasses (so a field
added to `model.py` reaches the store without a second definition to keep in
step), plus the columns the resolve stage fills (ids across documents).
SQLAlchemy Core renders it for SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import dataclasses
import types
import typing

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

from ..model import Claim, EntityMention, Event, Fingerprint, FramingTerm, PlaceMention, Quote, TimeExpr

SCHEMA_VERSION = 1

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", String(10)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("language", String(8)),
    Column("boilerplate", Text, nullable=False),  # JSON list of [start, end]
    Column("title_start", Integer),
    Column("title_end", Integer),
    Column("duplicate_of", String(64)),
    Column("added_at", String(32), nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
)

places = Table(
    "places",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("kind", String(16)),
)

skipped = Table(
    "skipped",
    metadata,
    Column("source", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("seen_at", String(32), nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

_SQL_TYPES = {str: Text, int: Integer, float: Float, bool: Boolean}


def _sql_type(annotation) -> type:
    """The column type of a dataclass field annotation such as `int | None`."""
    hint = annotation
    if isinstance(hint, str):
        hint = eval(hint, vars(typing) | {"Qualifier": str, "Precision": str})  # noqa: S307 - our own annotations
    args = typing.get_args(hint) if isinstance(hint, types.UnionType) or typing.get_origin(hint) else ()
    base = next((a for a in args if a is not type(None)), hint) if args else hint
    if typing.get_origin(base) is typing.Literal:
        return Text
    return _SQL_TYPES.get(base, Text)


def fact_table(name: str, cls: type, resolved: tuple[str, ...]) -> Table:
    cols = [Column("id", String(160), primary_key=True)]
    for f in dataclasses.fields(cls):
        if f.name == "doc":
            cols.append(Column("doc", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False))
        else:
            cols.append(Column(f.name, _sql_type(f.type)))
    cols += [Column(r, Text) for r in resolved]
    table = Table(name, metadata, *cols)
    Index(f"ix_{name}_doc", table.c.doc)
    return table


# name -> (table, the DocFacts field it stores, the dataclass)
FACT_TABLES: dict[str, tuple[Table, str, type]] = {
    "mentions": (fact_table("mentions", EntityMention, ("ref",)), "mentions", EntityMention),
    "place_mentions": (fact_table("place_mentions", PlaceMention, ("ref",)), "places", PlaceMention),
    "times": (fact_table("times", TimeExpr, ()), "times", TimeExpr),
    "events": (fact_table("events", Event, ("place", "actor1", "actor2", "cluster")), "events", Event),
    "claims": (fact_table("claims", Claim, ("source", "claim_group")), "claims", Claim),
    "quotes": (fact_table("quotes", Quote, ("speaker",)), "quotes", Quote),
    "framing": (fact_table("framing", FramingTerm, ()), "framing", FramingTerm),
    "fingerprints": (fact_table("fingerprints", Fingerprint, ()), "fingerprints", Fingerprint),
}

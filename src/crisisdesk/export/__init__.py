"""Exporters, looked up by format name: each takes the crisisdesk.v1 dict and returns text."""

from __future__ import annotations

import json as _json

from ..registry import Registry
from . import acled_csv
from . import json as export_json
from .geojson import to_geojson

EXPORTERS = Registry("export")


@EXPORTERS.register("json", example="crisisdesk export --format json -o report.json")
def as_json(export: dict) -> str:
    return export_json.dumps(export)


@EXPORTERS.register("geojson", example="crisisdesk export --format geojson -o events.geojson")
def as_geojson(export: dict) -> str:
    return _json.dumps(to_geojson(export), ensure_ascii=False, indent=1)


@EXPORTERS.register("acled-csv", example="crisisdesk export --format acled-csv -o events.csv")
def as_acled_csv(export: dict) -> str:
    return acled_csv.to_csv(export)

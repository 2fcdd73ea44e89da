"""Read and check the hand annotations (`../shared/gold/README.md`, "Format").

A malformed file stops the evaluation with a `GoldError` naming the file and the
field, because a score computed over half-read gold would be silently wrong.
The annotated text is the seed file beside the gold folder (`../seeds/<doc>.txt`);
it is read only when the export does not carry the document's text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldError

SEEDS_DIR = "seeds"  # `<gold>/../seeds/<doc>.txt` per the gold README


@dataclass(frozen=True)
class GoldEvent:
    evidence: str
    event_type: str
    sub_event_type: str | None
    date: str | None
    place: str | None
    fatalities: int | None


@dataclass(frozen=True)
class GoldClaim:
    evidence: str
    category: str
    low: int | None
    high: int | None
    source: str | None


@dataclass(frozen=True)
class GoldQuote:
    text: str
    speaker: str | None
    direct: bool | None


@dataclass(frozen=True)
class GoldPlace:
    mention: str
    name: str
    lat: float | None
    lon: float | None
    not_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldTime:
    mention: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    doc: str
    path: Path
    published: str | None
    title: str | None
    outlet: str | None
    events: tuple[GoldEvent, ...]
    claims: tuple[GoldClaim, ...]
    quotes: tuple[GoldQuote, ...]
    places: tuple[GoldPlace, ...]
    times: tuple[GoldTime, ...]

    def seed_text(self) -> str | None:
        """The annotated text from `../seeds/<doc>.txt`, or None when it is not there."""
        seed = self.path.parent.parent / SEEDS_DIR / f"{self.doc}.txt"
        if not seed.is_file():
            return None
        with open(seed, encoding="utf-8", newline="") as handle:
            return handle.read()


def load_gold(gold_dir: Path) -> list[GoldDoc]:
    """Every `*.json` gold file in `gold_dir`, sorted by name."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a folder of gold files; point --gold at one")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(f"{gold_dir}: no *.json gold files found")
    return [load_gold_file(path) for path in files]


def load_gold_file(path: Path) -> GoldDoc:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read as JSON ({exc})") from None
    reader = _Reader(path, raw)
    doc = reader.text(raw, "doc", required=True)
    return GoldDoc(
        doc=doc,
        path=path,
        published=reader.text(raw, "published"),
        title=reader.text(raw, "title"),
        outlet=reader.text(raw, "outlet"),
        events=tuple(
            GoldEvent(
                evidence=reader.text(e, "evidence", required=True),
                event_type=reader.text(e, "event_type", required=True),
                sub_event_type=reader.text(e, "sub_event_type"),
                date=reader.text(e, "date"),
                place=reader.text(e, "place"),
                fatalities=reader.integer(e, "fatalities"),
            )
            for e in reader.rows("events")
        ),
        claims=tuple(
            GoldClaim(
                evidence=reader.text(c, "evidence", required=True),
                category=reader.text(c, "category", required=True),
                low=reader.integer(c, "low"),
                high=reader.integer(c, "high"),
                source=reader.text(c, "source"),
            )
            for c in reader.rows("claims")
        ),
        quotes=tuple(
            GoldQuote(
                text=reader.text(q, "text", required=True),
                speaker=reader.text(q, "speaker"),
                direct=q.get("direct"),
            )
            for q in reader.rows("quotes")
        ),
        places=tuple(
            GoldPlace(
                mention=reader.text(p, "mention", required=True),
                name=reader.text(p, "name", required=True),
                lat=reader.number(p, "lat"),
                lon=reader.number(p, "lon"),
                not_in=tuple(p.get("not_in") or ()),
            )
            for p in reader.rows("places")
        ),
        times=tuple(
            GoldTime(
                mention=reader.text(t, "mention", required=True),
                value=reader.text(t, "value", required=True),
            )
            for t in reader.rows("times")
        ),
    )


class _Reader:
    """Typed field access that names the file and field in every complaint."""

    def __init__(self, path: Path, raw: Any):
        if not isinstance(raw, dict):
            raise GoldError(f"{path}: expected a JSON object at the top level")
        self.path = path
        self.raw = raw

    def fail(self, what: str) -> GoldError:
        return GoldError(f"{self.path}: {what}; fix the gold file (see gold/README.md, Format)")

    def rows(self, key: str) -> list[dict]:
        rows = self.raw.get(key) or []
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise self.fail(f"`{key}` must be a list of objects")
        return rows

    def text(self, row: dict, key: str, *, required: bool = False) -> str | None:
        value = row.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value:
            raise self.fail(f"`{key}` must be a non-empty string, got {value!r}")
        return value

    def integer(self, row: dict, key: str) -> int | None:
        value = row.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"`{key}` must be an integer or null, got {value!r}")
        return value

    def number(self, row: dict, key: str) -> float | None:
        value = row.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"`{key}` must be a number or null, got {value!r}")
        return float(value)

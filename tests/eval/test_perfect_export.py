"""An export built from the real gold itself must score 1.0 wherever the rules allow.

The export is constructed here from `../shared/gold` and `../shared/seeds` (each
evidence, text and mention located in its seed, places at the gold coordinates),
so any rule of the scorer that cannot be satisfied by a perfect answer shows up.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crisisdesk.eval import score

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "gold"


def occurrences(text: str, mention: str, not_in: list[str]) -> list[tuple[int, int]]:
    blocked = [(m.start(), m.end()) for b in not_in for m in re.finditer(re.escape(b), text)]
    found = []
    for m in re.finditer(re.escape(mention), text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            continue
        if not any(s <= m.start() and m.end() <= e for s, e in blocked):
            found.append((m.start(), m.end()))
    return found


def perfect_export() -> dict:
    out: dict = {key: [] for key in ("documents", "places", "actors", "mentions", "times",
                                     "events", "claims", "quotes")}
    actors: dict[str, str] = {}

    def actor(name: str | None) -> str | None:
        if name is None:
            return None
        if name not in actors:
            actors[name] = f"a{len(actors)}"
            out["actors"].append({"id": actors[name], "name": name, "kind": "other", "aliases": []})
        return actors[name]

    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["doc"]
        text = (SHARED / "seeds" / f"{doc}.txt").read_text(encoding="utf-8")
        did = f"id-{doc}"
        out["documents"].append({
            "id": did, "source": f"../shared/seeds/{doc}.txt", "text": text,
            "title": gold["title"], "outlet": gold["outlet"], "published": gold["published"],
            "published_inferred": "no dateline" in gold.get("notes", ""),
        })
        place_ids: dict[str, str] = {}
        for p in gold["places"]:
            if p["name"] not in place_ids:
                place_ids[p["name"]] = f"{did}-p{len(place_ids)}"
                out["places"].append({"id": place_ids[p["name"]], "name": p["name"],
                                      "lat": p["lat"], "lon": p["lon"]})
            for s, e in occurrences(text, p["mention"], p.get("not_in", [])):
                out["mentions"].append({"doc": did, "start": s, "end": e, "text": text[s:e],
                                        "ref": place_ids[p["name"]], "label": "GPE"})
        for t in gold["times"]:
            for s, e in occurrences(text, t["mention"], []):
                out["times"].append({"doc": did, "start": s, "end": e, "value": t["value"]})

        def span(evidence: str) -> dict:
            assert text.count(evidence) >= 1, evidence
            start = text.index(evidence)
            return {"doc": did, "start": start, "end": start + len(evidence)}

        for i, ev in enumerate(gold["events"]):
            out["events"].append({**span(ev["evidence"]), "id": f"{did}-e{i}",
                                  "event_type": ev["event_type"], "sub_event_type": ev["sub_event_type"],
                                  "date": ev["date"], "fatalities": ev["fatalities"],
                                  "place": place_ids[ev["place"]] if ev["place"] else None})
        for c in gold["claims"]:
            out["claims"].append({**span(c["evidence"]), "category": c["category"], "low": c["low"],
                                  "high": c["high"], "source": actor(c["source"])})
        for q in gold["quotes"]:
            out["quotes"].append({**span(q["text"]), "speaker": actor(q["speaker"]),
                                  "direct": q["direct"]})
    return out


@pytest.fixture(scope="module")
def scores():
    if not GOLD.is_dir():
        pytest.skip(f"shared gold not found at {GOLD}")
    return score(perfect_export(), GOLD)


def test_every_section_scores_one(scores) -> None:
    assert scores.missing_docs == ()
    for section in scores.sections:
        assert section.built, section.name
        assert (section.precision, section.recall, section.f1) == (1.0, 1.0, 1.0), (
            section.name, section.misses[:3], section.false_hits[:3])
        for acc in section.accuracies:
            assert acc.total > 0 and acc.value == 1.0, (section.name, acc.name, acc.wrong[:3])


def test_four_dated_reports(scores) -> None:
    assert scores.section("documents").accuracy("published (dated)").total == 4


def test_gold_counts(scores) -> None:
    """Occurrence counts on word boundaries: 'Russia' not inside 'Russian' and the like."""
    counts = {s.name: s.gold for s in scores.sections}
    assert counts["events"] == 82 and counts["claims"] == 18 and counts["quotes"] == 96
    assert counts["places"] == 229 and counts["times"] == 60

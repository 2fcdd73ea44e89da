"""The whole pipeline on the five real reports in ../shared/seeds."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from crisisdesk.export.json import json_schema
from crisisdesk.pipeline import run
from crisisdesk.store import Store

EXPECTED_PUBLISHED = ["2022-01-06", "2022-01-08", "2022-01-06", "2022-01-06", "2022-01-05"]


def by_stem(export):
    return {Path(d["source"]).stem: d for d in export["documents"]}


def test_five_documents_with_their_dates(seeds_run):
    _, result = seeds_run
    docs = by_stem(result.export)
    assert len(docs) == 5
    stems = sorted(docs)
    assert [docs[s]["published"] for s in stems] == EXPECTED_PUBLISHED
    assert [docs[s]["published_inferred"] for s in stems] == [False, False, False, True, False]


def test_titles(seeds_run):
    _, result = seeds_run
    docs = by_stem(result.export)
    titles = [docs[s]["title"] for s in sorted(docs)]
    assert titles[0] == "Alma-Ata on fire: CSTO will tough to pacify protesters"
    assert titles[1].startswith("“Those who do not surrender will be destroyed!”")
    assert titles[2] is None
    assert titles[3].endswith("officers beheaded in K…")
    assert titles[4] == "Kazakhstan President Tokayev calls on CSTO to send peacekeepers as protests spin out of control"


def test_web_residue_is_boilerplate(seeds_run):
    _, result = seeds_run
    residue = ["Leave a Reply", "Article Categories:", "Click: See details", "0 0", "In the photo:", "(Photo:", "Credit:"]
    for doc in result.export["documents"]:
        text = doc["text"]
        spans = doc["boilerplate"]
        for marker in residue:
            at = text.find(marker)
            if at >= 0:
                assert any(s <= at < e for s, e in spans), f"{marker!r} in {doc['source']} is not boilerplate"


def _actor_with(export, alias):
    found = [a for a in export["actors"] if alias in a["aliases"]]
    assert len(found) == 1, f"{alias}: {found}"
    return found[0]


def test_one_actor_per_person_across_spellings(seeds_run):
    _, result = seeds_run
    export = result.export
    tokayev = _actor_with(export, "Kassym-Jomart Tokayev")
    assert {"Tokayev", "Kassym-Zhomart Tokayev"} <= set(tokayev["aliases"])
    pashinyan = _actor_with(export, "Nikol Pashinian")
    assert {"Pashinyan", "Nicole Pashinyan"} <= set(pashinyan["aliases"])
    csto = _actor_with(export, "CSTO")
    assert {"Collective Security Treaty Organization", "Collective Security Treaty Organisation"} <= set(csto["aliases"])


def test_every_mention_points_into_its_text(seeds_run):
    _, result = seeds_run
    texts = {d["id"]: d["text"] for d in result.export["documents"]}
    for kind in ("mentions", "times", "claims", "quotes", "events"):
        for fact in result.export[kind]:
            assert 0 <= fact["start"] < fact["end"] <= len(texts[fact["doc"]])
    for m in result.export["mentions"]:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]


def test_export_validates_against_the_schema(seeds_run):
    _, result = seeds_run
    jsonschema.validate(json.loads(json.dumps(result.export)), json_schema())


def test_rerun_adds_no_rows(seeds_run, seeds_dir):
    settings, _ = seeds_run
    before = Store(settings.db).counts()
    again = run([seeds_dir], settings)
    assert again.stored == 0 and again.unchanged == 5
    after = Store(settings.db).counts()
    assert before == after

"""One `crisisdesk run` over every hostile input together with good reports.

What the user sees: the run finishes with exit code 3 ("finished with skipped
files"), every bad file gets exactly one line naming it and the reason, the
summary lists the skipped files, every good or decodable file is stored with
its exact text and facts whose offsets point into it, the export validates,
and peak memory stays under a stated limit despite two 200 MB files.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from crash_checks import TESTS, crisisdesk, finish
from hostile_corpus import write_hostile

# Real reports added to the run (when ../shared is present), so that good
# files with many facts are processed in the same run as the hostile ones.
SEEDS = 2
# Peak resident memory of the whole run: the spaCy model and Python (about
# 400 MB), parsing a batch of short reports, and at most a 20 MB read chunk
# with its decoded copy; a 200 MB file read whole would take it far past.
RUN_MEMORY_LIMIT = 1_200_000_000
EXIT_SKIPPED = 3


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile_run")
    paths, expect = write_hostile(root / "corpus")
    seeds = TESTS.parent.parent / "shared" / "seeds"
    good = root / "good"
    good.mkdir()
    for seed in sorted(seeds.glob("*.txt"))[:SEEDS] if seeds.is_dir() else []:
        shutil.copyfile(seed, good / seed.name)
    db, out, rss = root / "run.db", root / "out", root / "rss"
    # A wide terminal keeps the summary table's rows whole, one per line.
    child = crisisdesk("run", *paths, str(good), "--db", str(db), "--out", str(out), rss_file=rss, env={"COLUMNS": "400"})
    code, stdout, stderr = finish(child)
    export = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {"code": code, "stdout": stdout, "stderr": stderr, "export": export, "expect": expect,
            "good": sorted(good.iterdir()), "rss": int(rss.read_text())}


def test_the_run_finishes_with_skipped_files(hostile_run):
    assert hostile_run["code"] == EXIT_SKIPPED, hostile_run["stderr"][-2000:]
    assert "Traceback" not in hostile_run["stderr"]


def test_each_bad_file_gets_one_line_naming_it_and_the_reason(hostile_run):
    lines = hostile_run["stderr"].splitlines()
    for want in (e for e in hostile_run["expect"] if not e.read):
        mine = [line for line in lines if line.startswith(f"skipped {want.source}: ")]
        assert len(mine) == 1, f"{want.source}: {len(mine)} lines in {lines}"
        assert want.reason in mine[0]
    skipped_lines = [line for line in lines if line.startswith("skipped ")]
    assert len(skipped_lines) == sum(not e.read for e in hostile_run["expect"])


def test_the_summary_lists_what_was_skipped(hostile_run):
    stdout = hostile_run["stdout"]
    assert "Skipped files" in stdout
    for want in (e for e in hostile_run["expect"] if not e.read):
        assert Path(want.source).name in stdout, want.source


def test_good_and_decodable_files_are_all_stored_with_their_exact_text(hostile_run):
    docs = {d["source"]: d for d in hostile_run["export"]["documents"]}
    for want in (e for e in hostile_run["expect"] if e.read):
        assert want.source in docs, f"{want.source} not stored"
        if want.text is not None:
            assert docs[want.source]["text"] == want.text, want.source
        if want.language:
            assert docs[want.source]["language"] == want.language, want.source
    for seed in hostile_run["good"]:
        assert str(seed) in docs
    assert len(docs) == sum(e.read for e in hostile_run["expect"]) + len(hostile_run["good"])


def test_every_fact_points_into_its_document(hostile_run):
    export = hostile_run["export"]
    texts = {d["id"]: d["text"] for d in export["documents"]}
    boilerplate = {d["id"]: d["boilerplate"] for d in export["documents"]}
    checked = 0
    for kind in ("mentions", "times", "events", "claims", "quotes"):
        for fact in export[kind]:
            text = texts[fact["doc"]]
            assert 0 <= fact["start"] < fact["end"] <= len(text), (kind, fact)
            if "text" in fact:
                assert text[fact["start"] : fact["end"]] == fact["text"], (kind, fact)
            if kind in ("events", "claims", "quotes"):
                assert not any(s < fact["end"] and fact["start"] < e for s, e in boilerplate[fact["doc"]]), (kind, fact)
            checked += 1
    assert checked > 50


def _facts_by_surface(export: dict, doc: dict) -> list[tuple[str, str, str]]:
    """(kind, rule, surface with newlines normalised and ends trimmed) of every fact of `doc`."""
    out = []
    for kind in ("mentions", "times", "claims", "events", "quotes"):
        for fact in export[kind]:
            if fact["doc"] == doc["id"]:
                surface = doc["text"][fact["start"] : fact["end"]]
                out.append((kind, fact["rule"], surface.replace("\r\n", "\n").replace("\r", "\n").strip()))
    return sorted(out)


def test_offsets_survive_crlf_cr_and_other_encodings(hostile_run):
    """The same article with CRLF, CR, in UTF-16 and BOM-less UTF-16 gives the same facts as with LF."""
    export = hostile_run["export"]
    by_source = {Path(d["source"]).name: d for d in export["documents"]}
    lf = _facts_by_surface(export, by_source["good_en.txt"])
    assert len(lf) >= 3
    for name in ("crlf.txt", "cr.txt"):
        assert _facts_by_surface(export, by_source[name]) == lf, name
    prefixed = [f for f in _facts_by_surface(export, by_source["utf16_bom.txt"]) if f[0] != "mentions"]
    assert prefixed == [f for f in lf if f[0] != "mentions"]


def test_offsets_survive_combining_characters_emoji_and_astral_planes(hostile_run):
    export = hostile_run["export"]
    (doc,) = [d for d in export["documents"] if d["source"].endswith("astral.txt")]
    facts = _facts_by_surface(export, doc)
    assert any(kind == "claims" and "12 protesters" in surface for kind, _rule, surface in facts), facts
    assert any(kind == "claims" and "2 people were killed" in surface for kind, _rule, surface in facts), facts


def test_the_export_validates_against_the_schema(hostile_run):
    schema = json.loads((resources.files("crisisdesk") / "export" / "crisisdesk.v1.schema.json").read_text("utf-8"))
    jsonschema.validate(hostile_run["export"], schema)


def test_memory_stays_under_the_limit(hostile_run):
    peak = hostile_run["rss"]
    assert peak < RUN_MEMORY_LIMIT, f"peak memory {peak / 1e6:.0f} MB; limit {RUN_MEMORY_LIMIT / 1e6:.0f} MB"

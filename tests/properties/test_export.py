"""The export validates against crisisdesk.v1's JSON Schema whatever the documents say.

Each example stores a few generated documents (hostile characters, several
newline styles, arbitrary titles and outlets) with their facts, resolves
them and builds the export, exactly as a run does.
"""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fuzz"))

from strategies import ANY_TEXT, articles  # noqa: E402
from target import facts_of  # noqa: E402

from crisisdesk.errors import InputError  # noqa: E402
from crisisdesk.export import json as export_json  # noqa: E402
from crisisdesk.ingest.document import build_document  # noqa: E402
from crisisdesk.resolve import resolve  # noqa: E402
from crisisdesk.store import Store  # noqa: E402

# Each example builds a store, resolves and exports: a few are enough by
# default; `make fuzz` raises the count.
EXAMPLES = max(3, int(os.environ.get("CRISISDESK_FUZZ_EXAMPLES", "25")) // 5)
SCHEMA = json.loads((resources.files("crisisdesk") / "export" / "crisisdesk.v1.schema.json").read_text("utf-8"))
metadata = st.one_of(st.none(), ANY_TEXT.map(lambda t: t[:60]), st.just("<script>alert(1)</script>"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(articles, metadata, metadata), min_size=1, max_size=4))
def test_export_always_validates(tmp_path, docs):
    store = Store(tmp_path / f"export-{abs(hash(str(docs)))}.db")
    try:
        ids = []
        for i, (text, title, outlet) in enumerate(docs):
            try:
                document = build_document(text, f"doc{i}.txt", title=title, outlet=outlet)
            except InputError:
                continue
            if document.id not in ids:
                ids.append(document.id)
                store.add(facts_of(document))
        resolve(store)
        export = export_json.build(store)
    finally:
        store.close()
    jsonschema.validate(export, SCHEMA)
    assert sorted(d["id"] for d in export["documents"]) == sorted(ids)
    json.loads(export_json.dumps(export))

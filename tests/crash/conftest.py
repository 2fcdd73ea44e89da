"""The crash corpus and its reference: one uninterrupted in-process run over the same files.

Every killed or concurrent run must converge to exactly its documents, fact
rows and export.
"""

from __future__ import annotations

import shutil

import pytest

from crash_checks import TESTS, Corpus, export_of, snapshot
from crash_helpers import write_corpus

# Generated articles in the crash corpus: enough that kills land mid-store.
CORPUS_ARTICLES = 16
# Real reports added to it (when ../shared is present): long texts with many facts.
CORPUS_SEEDS = 2


@pytest.fixture(scope="session")
def crash_corpus(tmp_path_factory) -> Corpus:
    """Generated articles (plus two real reports when present) and one clean run over them."""
    from crisisdesk.pipeline import run
    from crisisdesk.settings import Settings

    root = tmp_path_factory.mktemp("crash")
    folder = root / "corpus"
    write_corpus(folder, CORPUS_ARTICLES)
    seeds = TESTS.parent.parent / "shared" / "seeds"
    for seed in sorted(seeds.glob("*.txt"))[:CORPUS_SEEDS] if seeds.is_dir() else []:
        shutil.copyfile(seed, folder / f"seed_{seed.name}")
    files = sorted(folder.iterdir())
    db = str(root / "reference.db")
    result = run([str(f) for f in files], Settings(db=db, out=str(root / "out")))
    assert result.stored == len(files) and not result.skipped
    return Corpus(folder, files, snapshot(db), export_of(db))

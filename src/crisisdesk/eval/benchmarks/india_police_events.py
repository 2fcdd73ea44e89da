"""IndiaPoliceEvents: sentence-level police actions in Times of India reports of the 2002 Gujarat violence.

`../shared/benchmarks/india_police_events/` holds 113 articles (`docs.jsonl`)
and their 2,231 sentences (`sents.jsonl`) with adjudicated labels: KILL (police
killed someone), ARREST, FORCE (police used force), FAIL (police failed to act)
and ANY_ACTION.  crisisdesk reads each article as one document; each sentence is
found in its article's text (in order) and gets the labels its events and
claims imply.  The mapping, written once:

  1. a *police event* is an event overlapping the sentence whose actor1 is a
     state force (actor kind `state_force`, or a class noun such as "police",
     "troops", "the army");
  2. FORCE: a police event that is not a strategic development, or any
     "Excessive force against protesters" / "Protest with intervention" event
     (force by security forces by ACLED's definition);
  3. KILL: a FORCE event that states fatalities, or a FORCE event with a
     `killed` claim in the same sentence;
  4. ARREST: an `Arrests` event, or a `detained` claim, in the sentence;
  5. ANY_ACTION: any of 2-4, or any other police event (deployments, curfews
     the police enforce);
  6. FAIL is not predicted: crisisdesk codes what happened, not what the
     police failed to do; its recall is 0 by construction and it is reported
     apart.
The texts are lower case scrapes with mojibake; nothing is cleaned up for
the benchmark.  Measures: precision, recall and F1 per label, in percent.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ...extract.actors import STATE_FORCE_WORDS
from ..results import harmonic, ratio
from .base import BENCHMARKS, BenchmarkResult, RunTexts, item_index, shared_file

FOLDER = ("benchmarks", "india_police_events")
LABELS = ("KILL", "FORCE", "ARREST", "ANY_ACTION")
NOT_PREDICTED = ("FAIL",)

# Sub-event types that are force used by security forces by ACLED's definition.
FORCE_SUB_TYPES = frozenset({"Excessive force against protesters", "Protest with intervention"})

ANCHOR = (
    "IndiaPoliceEvents (Halterman et al., Findings of ACL 2021): adjudicated sentence labels; "
    "the paper's baselines are zero-shot NLI classifiers per label (compare F1 per label)"
)


@dataclass(frozen=True)
class Sentence:
    doc: int  # index of its article in the run
    start: int
    end: int
    labels: frozenset[str]


def read_corpus(folder: Path) -> tuple[list[str], list[Sentence]]:
    """Article texts in file order, and every sentence located in its article (in order)."""
    docs = [json.loads(line) for line in shared_file(folder, "docs.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    position = {d["doc_id"]: i for i, d in enumerate(docs)}
    cursor: dict[int, int] = {}
    sentences = []
    for line in shared_file(folder, "sents.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        i = position[row["doc_id"]]
        text = docs[i]["doc_text"]
        start = text.find(row["sent_text"], cursor.get(i, 0))
        if start < 0:  # not in order: search the whole article
            start = text.find(row["sent_text"])
        end = start + len(row["sent_text"])
        cursor[i] = end
        sentences.append(Sentence(i, start, end, frozenset(row["sent_labels"])))
    return [d["doc_text"] for d in docs], sentences


def is_police(actor: dict | None) -> bool:
    """1. A state force: by the resolver's kind, or by a class noun in its name."""
    return actor is not None and (actor.get("kind") == "state_force" or bool(STATE_FORCE_WORDS.search(actor["name"])))


def sentence_labels(export: dict, sentences: list[Sentence], count: int) -> list[frozenset[str]]:
    """Steps 1-5 of the module docstring, for every sentence."""
    index = item_index(export, count)
    actors = {a["id"]: a for a in export.get("actors") or []}
    events: dict[int, list[dict]] = {}
    claims: dict[int, list[dict]] = {}
    for e in export.get("events") or []:
        if str(e.get("doc")) in index:
            events.setdefault(index[str(e["doc"])], []).append(e)
    for c in export.get("claims") or []:
        if str(c.get("doc")) in index:
            claims.setdefault(index[str(c["doc"])], []).append(c)
    out = []
    for s in sentences:
        inside = [e for e in events.get(s.doc, []) if e["start"] < s.end and s.start < e["end"]]
        counted = {c["category"] for c in claims.get(s.doc, []) if c["start"] < s.end and s.start < c["end"]}
        police = [e for e in inside if is_police(actors.get(e.get("actor1") or ""))]
        force = [
            e for e in inside
            if e["sub_event_type"] in FORCE_SUB_TYPES or e in police and e["event_type"] != "Strategic developments"
        ]
        labels = set()
        if force:
            labels.add("FORCE")  # 2.
        if any(e.get("fatalities") for e in force) or force and "killed" in counted:
            labels.add("KILL")  # 3.
        if any(e["sub_event_type"] == "Arrests" for e in inside) or "detained" in counted:
            labels.add("ARREST")  # 4.
        if labels or police:
            labels.add("ANY_ACTION")  # 5.
        out.append(frozenset(labels))
    return out


def per_label(gold: list[frozenset[str]], pred: list[frozenset[str]]) -> dict[str, float]:
    measures: dict[str, float] = {}
    for label in LABELS:
        tp = sum(label in g and label in p for g, p in zip(gold, pred, strict=True))
        predicted = sum(label in p for p in pred)
        support = sum(label in g for g in gold)
        precision, recall = ratio(tp, predicted), ratio(tp, support)
        measures[f"{label} P"] = 100 * precision
        measures[f"{label} R"] = 100 * recall
        measures[f"{label} F1"] = 100 * harmonic(precision, recall)
    return measures


@BENCHMARKS.register("india_police_events", example="'police fired ten rounds in the air' -> FORCE, ANY_ACTION")
def india_police_events(shared_dir: Path, run_texts: RunTexts) -> BenchmarkResult:
    texts, sentences = read_corpus(Path(shared_dir).joinpath(*FOLDER))
    export = run_texts(texts)
    gold = [s.labels for s in sentences]
    pred = sentence_labels(export, sentences, len(texts))
    support = Counter(label for g in gold for label in g)
    notes = (
        "label support: " + ", ".join(f"{label} {support[label]}" for label in LABELS + NOT_PREDICTED)
        + f" of {len(gold)} sentences",
        "FAIL (police failed to act) is not predicted: crisisdesk codes what happened",
    )
    return BenchmarkResult(
        name="IndiaPoliceEvents (sentences)",
        measures={**per_label(gold, pred), "sentences": len(gold)},
        anchor=ANCHOR,
        notes=notes,
    )

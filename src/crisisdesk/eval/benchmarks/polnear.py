"""PolNeAR: attributions (source, cue, content) in 2016 US political news.

`../shared/benchmarks/polnear/` holds the texts (`text/<name>.txt`) and their
brat standoff annotations (`attributions/<name>_<annotator>.ann`): text-bound
`Source`, `Cue`, `Content` (and `Content2`, a second content of the same
attribution) spans, tied together by one `Attribution` (or
`Attribution-no-source`) event each.  crisisdesk reads each text as a document;
its quotes are scored against the attributions.  The mapping, written once:

  1. *Annotators*: a text annotated by k annotators (the suffix of the `.ann`
     name; one text of the set carries six) is scored against each of them and
     every count is weighted 1/k, so each text weighs the same and the score is
     the mean agreement with its annotators.
  2. *Direct or indirect*: an attribution is direct when every fragment of its
     content is enclosed in double quotation marks (the marks may lie just
     outside the annotated span); partly quoted ("mixed") and unquoted
     contents are indirect, as crisisdesk's `direct: false` is.
  3. *Content found*: the predicted quotes overlapping a gold content together
     cover at least half of its characters (PolNeAR joins the pieces of one
     statement around "he said" into one content, crisisdesk may give them as
     two quotes).  Recall per class is over gold attributions of that class,
     whatever `direct` the prediction says.
  4. *Precision*: a predicted quote is correct when at least half of it lies in
     gold contents, or it covers half of one; per class over the predictions
     with that `direct`.
  5. *Speaker*: over found attributions with a source, the predicted quote
     overlapping the content most gives the speaker: its `speaker_text` and
     its actor's name and aliases.  It is correct when one of them is the same
     actor (`eval.names.same_actor`) as the source text or as a run of
     capitalised words in it ("Edward Alden of the Council on Foreign
     Relations" names Edward Alden).  *Strict* stops there.  PolNeAR marks a
     pronoun or a role noun as the source ("he", "who", "the Republican
     lawmaker") where crisisdesk gives the antecedent (its speaker is an
     actor), so *lenient* also accepts, for a source without a name, an
     antecedent: for "who"/"which" the last name before it in its sentence;
     for "he"/"she"/"they" the nearest earlier gold source that has a name, or
     the name opening one of the three sentences before it ("Trump was
     defiant. “...,” he said") -- either of the two, an approximation of
     coreference; for a description ("the Republican lawmaker") the nearest
     earlier gold source that has a name.
  6. *Speaker F1*: content found with the speaker right (lenient), as recall
     over gold attributions and as precision over predicted quotes, the
     end-to-end figure closest to the anchor's.

`Discuss`/`Discard` spans (annotators' notes) are ignored.  Measures in
percent; gold counts are the weighted counts of step 1.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..names import fold, same_actor
from ..results import harmonic, ratio
from .base import BENCHMARKS, BenchmarkResult, RunTexts, item_index

FOLDER = ("benchmarks", "polnear")
ANCHOR = (
    "BBC citron on PARC 3.0 (all attributions): speaker exact F1 82.0, content overlap F1 83.3 "
    "(compare speaker F1 and content F1)"
)

# 3./4.: the share of a gold content a prediction must cover, and of a prediction
# that must lie in gold contents.
MIN_COVER = 0.5

OPENING = "“\"«„"
CLOSING = "”\"»"
# Punctuation that may sit between a content fragment and its quotation mark
# ("...seriously,” said": the annotator stopped before or after the comma).
EDGE_PUNCT = ",.;:!?… \t\n"
CONTENT_TYPES = frozenset({"Content", "Content2"})
EVENT_TYPES = frozenset({"Attribution", "Attribution-no-source"})

# Words a source span may start a capitalised run with that are not names.
NOT_NAMES = frozenset({
    "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "who", "which", "that",
    "his", "her", "their", "its", "this", "these", "those", "but", "and", "in", "on",
})
RELATIVES = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_NAME_RUN = re.compile(r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|of|de|van|von|al|bin))*")
_BRACKETS = re.compile(r"\([^)]*\)")
_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s")
_HEAD_END = re.compile(r",|\(|\s(?:who|which|that|whose)\s")
# How far back (characters) and how many sentences an antecedent is looked for.
ANTECEDENT_WINDOW = 600
RECENT_SENTENCES = 3
# Words opening an introductory phrase before a sentence's subject ("During the debate, Trump ...").
INTRO_WORDS = frozenset({
    "in", "during", "for", "after", "before", "on", "at", "still", "but", "and", "however", "meanwhile",
    "earlier", "later", "with", "as", "while", "when", "although", "though", "since", "yet", "now", "then",
})

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans  # empty for Attribution-no-source
    source_text: str
    direct: bool
    antecedents: tuple[str, ...]  # step 5, for a source without a name


@dataclass(frozen=True)
class Annotation:
    text_index: int
    annotator: str
    weight: float  # 1/k for a text with k annotators (step 1)
    attributions: tuple[GoldAttribution, ...]


# ---- reading ------------------------------------------------------------------


def _spans(field: str) -> Spans:
    """brat offsets "160 219;259 559" -> ((160, 219), (259, 559))."""
    out = []
    for piece in field.split(";"):
        start, end = piece.split()
        out.append((int(start), int(end)))
    return tuple(out)


def parse_ann(raw: str) -> list[tuple[Spans, Spans]]:
    """(content spans, source spans) per attribution event of one .ann file."""
    bound: dict[str, tuple[str, Spans]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if line.startswith("T"):
            kind, _, offsets = parts[1].partition(" ")
            bound[parts[0]] = (kind, _spans(offsets))
        elif line.startswith("E"):
            events.append([tuple(arg.split(":", 1)) for arg in parts[1].split()])
    out = []
    for args in events:
        if not args or args[0][0] not in EVENT_TYPES:
            continue
        content = tuple(s for role, ref in args if role in CONTENT_TYPES and ref in bound for s in bound[ref][1])
        source = tuple(s for role, ref in args if role == "Source" and ref in bound for s in bound[ref][1])
        if content:
            out.append((tuple(sorted(content)), source))
    return out


def _fragment_quoted(text: str, start: int, end: int) -> bool:
    """Whether one content fragment opens and closes with a double mark, inside or just outside it."""
    i, j = start, end
    while i < j and text[i] in EDGE_PUNCT:
        i += 1
    while j > i and text[j - 1] in EDGE_PUNCT:
        j -= 1
    if j <= i:
        return False
    opens = text[i] in OPENING or text[max(0, i - 2) : i].rstrip()[-1:] in tuple(OPENING)
    after = text[j : j + 3].lstrip(EDGE_PUNCT)
    closes = text[j - 1] in CLOSING or after[:1] in tuple(CLOSING) or (
        j >= 2 and text[j - 2] in CLOSING and text[j - 1] in EDGE_PUNCT
    )
    return opens and closes


def is_direct(text: str, content: Spans) -> bool:
    """Step 2: every fragment of the content enclosed in double quotation marks."""
    return all(_fragment_quoted(text, s, e) for s, e in content)


def name_runs(phrase: str) -> list[str]:
    """Runs of capitalised words in a source phrase, leading non-names dropped."""
    runs = []
    for m in _NAME_RUN.finditer(_BRACKETS.sub(" ", phrase)):
        words = m.group(0).split()
        while words and words[0].lower().strip(".") in NOT_NAMES:
            words = words[1:]
        while words and words[-1] in ("of", "de", "van", "von", "al", "bin"):
            words = words[:-1]
        if words:
            runs.append(" ".join(words).rstrip(".,"))
    return [r for r in runs if r]


def _relative_antecedent(text: str, at: int) -> str | None:
    """The last name before a relative pronoun, within its sentence ("Sen. Ron Johnson (R-Wis.), who")."""
    window = text[max(0, at - ANTECEDENT_WINDOW) : at]
    ends = list(_SENTENCE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    runs = name_runs(window)
    return runs[-1] if runs else None


def _sentence_subject(sentence: str) -> str | None:
    """A name opening a sentence, after an introductory phrase ("During the debate, Trump ...")."""
    sentence = sentence.strip()
    if not sentence or sentence[0] in OPENING:
        return None  # a quotation: the names in it do not speak
    first = sentence.split()[0].strip(",").lower()
    if first in INTRO_WORDS and "," in sentence:
        sentence = sentence.split(",", 1)[1].strip()
    runs = name_runs(sentence)
    return runs[0] if runs and sentence.startswith(runs[0].split()[0]) else None


def _recent_subject(text: str, at: int) -> str | None:
    """The nearest of the last few sentences before `at` that opens with a name."""
    window = text[max(0, at - ANTECEDENT_WINDOW) : at]
    sentences = [s for s in re.split(r"(?<=[.!?”\"])\s+|\n+", window) if s.strip()]
    for sentence in reversed(sentences[:-1][-RECENT_SENTENCES:]):
        subject = _sentence_subject(sentence)
        if subject:
            return subject
    return None


def _antecedents(text: str, pairs: list[tuple[Spans, Spans]]) -> list[tuple[str, ...]]:
    """Step 5's antecedents of each source without a name; () for a named or missing source."""
    named: list[tuple[int, str]] = []
    for _, source in pairs:
        if source and name_runs(_join(text, source)):
            named.append((source[0][0], _join(text, source)))
    named.sort()
    out: list[tuple[str, ...]] = []
    for _, source in pairs:
        phrase = _join(text, source)
        if not source or name_runs(phrase):
            out.append(())
            continue
        at = source[0][0]
        before = [p for start, p in named if start < at]
        nearest = before[-1] if before else None
        word = phrase.strip().lower()
        if word in RELATIVES:
            found = [_relative_antecedent(text, at)]
        elif word in PRONOUNS:
            found = [nearest, _recent_subject(text, at)]
        else:  # a description ("the Republican lawmaker") refers to a source named before
            found = [nearest]
        out.append(tuple(f for f in found if f))
    return out


def _join(text: str, spans: Spans) -> str:
    return " ".join(text[s:e] for s, e in spans)


def read_annotation(text: str, raw: str) -> tuple[GoldAttribution, ...]:
    pairs = parse_ann(raw)
    return tuple(
        GoldAttribution(content, source, _join(text, source), is_direct(text, content), antecedents)
        for (content, source), antecedents in zip(pairs, _antecedents(text, pairs), strict=True)
    )


def read_corpus(folder: Path) -> tuple[list[str], list[Annotation]]:
    """Texts in name order and every annotation of them (step 1's weights)."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{folder}: PolNeAR text/ and attributions/ not found; point --shared at ../shared")
    files = sorted(text_dir.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    by_text: dict[int, list[Path]] = defaultdict(list)
    position = {f.stem: i for i, f in enumerate(files)}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem.rpartition("_")[0]
        if stem in position:
            by_text[position[stem]].append(ann)
    annotations = []
    for i, anns in sorted(by_text.items()):
        for ann in anns:
            annotator = ann.stem.rpartition("_")[2]
            gold = read_annotation(texts[i], ann.read_text(encoding="utf-8"))
            annotations.append(Annotation(i, annotator, 1 / len(anns), gold))
    return texts, annotations


# ---- scoring --------------------------------------------------------------------


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    direct: bool
    names: tuple[str, ...]  # speaker_text, actor name and aliases


def predictions(export: dict, count: int) -> dict[int, list[Predicted]]:
    """The export's quotes per text index, each with the names its speaker goes by."""
    index = item_index(export, count)
    actors = {a["id"]: a for a in export.get("actors") or []}
    out: dict[int, list[Predicted]] = defaultdict(list)
    for q in export.get("quotes") or []:
        i = index.get(str(q.get("doc")))
        if i is None:
            continue
        actor = actors.get(q.get("speaker") or "", {})
        names = [q.get("speaker_text"), actor.get("name"), *(actor.get("aliases") or [])]
        out[i].append(Predicted(q["start"], q["end"], bool(q.get("direct")), tuple(n for n in names if n)))
    return out


def _overlap(start: int, end: int, spans: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def _length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def _covered(spans: Spans, preds: list[Predicted]) -> int:
    """Characters of the spans inside any prediction (overlapping predictions counted once)."""
    return sum(1 for s, e in spans for k in range(s, e) if any(p.start <= k < p.end for p in preds))


def speaker_right(gold: GoldAttribution, names: tuple[str, ...], *, lenient: bool) -> bool:
    """Step 5."""
    targets = [gold.source_text, head(gold.source_text), *name_runs(gold.source_text)]
    if lenient:
        for antecedent in gold.antecedents:
            targets += [antecedent, head(antecedent)]
    return any(same_actor(t, names) or _same_surname(t, names) for t in targets if t.strip())


def _same_surname(target: str, names: tuple[str, ...]) -> bool:
    """A full name ("Josh Earnest") whose surname ends the source's name run
    ("White House Press Secretary Josh Earnest"), which `same_actor` finds too long."""
    last = fold(target).split()[-1:]
    return bool(last) and any(
        len(n.split()) >= 2 and all(w[:1].isupper() for w in n.split()) and fold(n).split()[-1:] == last
        for n in names
    )


def head(phrase: str) -> str:
    """A source phrase without its apposition or clause ("an industry lobbyist who spoke ...")."""
    return _HEAD_END.split(phrase, maxsplit=1)[0].strip()


@dataclass
class Tally:
    """Weighted counts for one class (direct, indirect or all)."""

    gold: float = 0.0
    found: float = 0.0
    pred: float = 0.0
    pred_right: float = 0.0
    with_source: float = 0.0
    strict: float = 0.0
    lenient: float = 0.0
    gold_both: float = 0.0  # found with the speaker right (lenient): step 6 recall
    pred_both: float = 0.0  # predictions overlapping a found attribution whose speaker they get right

    def measures(self, label: str) -> dict[str, float]:
        precision, recall = ratio(self.pred_right, self.pred), ratio(self.found, self.gold)
        both_p, both_r = ratio(self.pred_both, self.pred), ratio(self.gold_both, self.gold)
        return {
            f"{label} content P": 100 * precision,
            f"{label} content R": 100 * recall,
            f"{label} content F1": 100 * harmonic(precision, recall),
            f"{label} speaker acc": 100 * ratio(self.lenient, self.with_source),
            f"{label} speaker acc strict": 100 * ratio(self.strict, self.with_source),
            f"{label} speaker F1": 100 * harmonic(both_p, both_r),
        }


def score(annotations: list[Annotation], preds: dict[int, list[Predicted]]) -> dict[str, Tally]:
    tallies = {"direct": Tally(), "indirect": Tally(), "all": Tally()}
    for ann in annotations:
        w = ann.weight
        mine = preds.get(ann.text_index, [])
        right_speaker: set[int] = set()  # predictions (by position) matching a gold they get right
        matched: set[int] = set()
        for gold in ann.attributions:
            label = "direct" if gold.direct else "indirect"
            over = [(p, _overlap(p.start, p.end, gold.content)) for p in mine]
            over = [(p, o) for p, o in over if o > 0]
            found = bool(over) and _covered(gold.content, [p for p, _ in over]) >= MIN_COVER * _length(gold.content)
            for key in (label, "all"):
                tallies[key].gold += w
            if not found:
                continue
            best = max(over, key=lambda po: po[1])[0]
            matched |= {id(p) for p, _ in over}
            lenient = bool(gold.source) and speaker_right(gold, best.names, lenient=True)
            for key in (label, "all"):
                t = tallies[key]
                t.found += w
                if gold.source:
                    t.with_source += w
                    t.strict += w * speaker_right(gold, best.names, lenient=False)
                    t.lenient += w * lenient
                t.gold_both += w * lenient
            right_speaker |= {id(p) for p, _ in over if gold.source and speaker_right(gold, p.names, lenient=True)}
        contents = [s for g in ann.attributions for s in g.content]
        for p in mine:
            inside = _overlap(p.start, p.end, contents) >= MIN_COVER * (p.end - p.start)
            right = inside or id(p) in matched
            for key in ("direct" if p.direct else "indirect", "all"):
                t = tallies[key]
                t.pred += w
                t.pred_right += w * right
                t.pred_both += w * (id(p) in right_speaker)
    return tallies


@BENCHMARKS.register("polnear", example="“We will win,” the senator said. -> direct content, speaker the senator")
def polnear(shared_dir: Path, run_texts: RunTexts) -> BenchmarkResult:
    texts, annotations = read_corpus(Path(shared_dir).joinpath(*FOLDER))
    export = run_texts(texts)
    tallies = score(annotations, predictions(export, len(texts)))
    measures: dict[str, float] = {}
    for label in ("direct", "indirect", "all"):
        measures.update(tallies[label].measures(label))
    measures["gold direct"] = round(tallies["direct"].gold, 1)
    measures["gold indirect"] = round(tallies["indirect"].gold, 1)
    measures["texts"] = len(texts)
    multi = sorted({a.text_index for a in annotations if a.weight < 1})
    notes = (
        (f"{len(annotations)} annotation files; {len(multi)} text(s) with several annotators, "
         "scored against each and weighted 1/k"),
        "speaker acc: lenient (a pronoun or role source counts as its antecedent); strict: the source span's words",
        "content found: predictions cover half the gold content; indirect includes mixed (partly quoted) content",
    )
    return BenchmarkResult(name="PolNeAR (attribution)", measures=measures, anchor=ANCHOR, notes=notes)

"""One scorer per section, implementing `../shared/gold/README.md` "Scoring" exactly.

Each scorer reads every gold/export document pair and returns a `SectionScore`.
They are registered in report order in `SECTIONS`, the same door a later section
(e.g. framing) would use.  A gold document missing from the export has no rows,
so its gold items all fall to the misses without special casing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..registry import Registry
from .gold import GoldDoc, GoldPlace
from .match import greedy_pairs, haversine_km, overlap, unique_span, whole_word_occurrences
from .names import fold, same_actor, same_place
from .pairing import DocPair, ExportView, span_of
from .results import Accuracy, Item, SectionScore

SECTIONS = Registry("eval.sections")

# A place mention resolves when it lands this close to the gold coordinates
# (gold README "Scoring"); wide enough for a city's extent, narrow enough to tell
# a city from its region or country.
RESOLVED_KM = 25.0

# A quote is found when the prediction covers at least this share of the gold text.
QUOTE_COVER = 0.5

# Characters of text shown per item under --verbose.
SNIPPET = 90

NOT_BUILT = "not extracted yet: the export has no rows of this kind"


def snippet(text: str | None, span: tuple[int, int] | None, fallback: str = "") -> str:
    if text is None or span is None:
        raw = fallback
    else:
        raw = text[span[0] : span[1]]
    raw = " ".join(raw.split())
    return raw if len(raw) <= SNIPPET else raw[: SNIPPET - 1] + "…"


def item(pair: DocPair, span: tuple[int, int] | None, fallback: str = "", detail: str = "") -> Item:
    start, end = span if span else (None, None)
    return Item(pair.name, start, end, snippet(pair.text, span, fallback), detail)


# ---------------------------------------------------------------- documents


def _norm_title(value: str) -> str:
    return " ".join(value.split())


def _norm_outlet(value: str) -> str:
    return " ".join(value.split()).casefold()


DOC_FIELDS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("published", str.strip),
    ("title", _norm_title),
    ("outlet", _norm_outlet),
)


@SECTIONS.register("documents", example="published date, title and outlet per gold document")
def score_documents(pairs: list[DocPair], view: ExportView) -> SectionScore:
    """Field values: P over non-null predictions, R over non-null gold; accuracy per
    field counts null == null correct (and every field of an absent document wrong).
    `published` and `title` are also scored over the dated reports alone (gold has a
    date and the export does not mark its date inferred: the foundation's done-bar)."""
    gold_n = pred_n = hit = 0
    misses: list[Item] = []
    false_hits: list[Item] = []
    correct = {name: 0 for name, _ in DOC_FIELDS}
    dated_correct = {"published": 0, "title": 0}
    dated = 0
    for pair in pairs:
        document = pair.document or {}
        is_dated = pair.gold.published is not None and document.get("published_inferred") is not True
        dated += is_dated
        for name, norm in DOC_FIELDS:
            gold = getattr(pair.gold, name)
            pred = document.get(name)
            pred = pred if isinstance(pred, str) and pred.strip() else None
            same = pair.document is not None and (
                (gold is None and pred is None)
                or (gold is not None and pred is not None and norm(gold) == norm(pred))
            )
            correct[name] += same
            if is_dated and name in dated_correct:
                dated_correct[name] += same
            gold_n += gold is not None
            pred_n += pred is not None
            hit += same and gold is not None
            if gold is not None and not same:
                misses.append(Item(pair.name, None, None, f"{name}: {gold}", f"got {pred!r}"))
            if pred is not None and not same:
                false_hits.append(Item(pair.name, None, None, f"{name}: {pred}", f"gold {gold!r}"))
    total = len(pairs)
    accuracies = tuple(Accuracy(name, correct[name], total) for name, _ in DOC_FIELDS) + (
        Accuracy("published (dated)", dated_correct["published"], dated),
        Accuracy("title (dated)", dated_correct["title"], dated),
    )
    return SectionScore(
        name="documents",
        built=bool(view.documents),
        gold=gold_n,
        predicted=pred_n,
        gold_hit=hit,
        pred_hit=hit,
        accuracies=accuracies,
        misses=tuple(misses),
        false_hits=tuple(false_hits),
        notes=() if view.documents else (NOT_BUILT,),
    )


# ---------------------------------------------------------------- places and times


@dataclass(frozen=True)
class Occurrence:
    """One whole-word occurrence of a gold mention string in a document."""

    span: tuple[int, int]
    mention: str
    expected: object  # GoldPlace for places, the value string for times


def occurrences(pair: DocPair, entries: Iterable, expected: Callable) -> tuple[list[Occurrence], int]:
    """Every gold occurrence (first entry wins on an identical span), and how many
    entries could not be located because the document has no text."""
    if pair.text is None:
        return [], sum(1 for _ in entries)
    seen: dict[tuple[int, int], Occurrence] = {}
    for entry in entries:
        for span in whole_word_occurrences(pair.text, entry.mention, getattr(entry, "not_in", ())):
            seen.setdefault(span, Occurrence(span, entry.mention, expected(entry)))
    return sorted(seen.values(), key=lambda o: o.span), 0


def _place_distance(place: dict, gold: GoldPlace) -> float | None:
    lat, lon = place.get("lat"), place.get("lon")
    if not all(isinstance(v, int | float) for v in (lat, lon, gold.lat, gold.lon)):
        return None
    return haversine_km(lat, lon, gold.lat, gold.lon)


def place_resolves(place: dict, gold: GoldPlace) -> bool:
    """Within 25 km of the gold point; by name only when either side has no coordinates."""
    distance = _place_distance(place, gold)
    if distance is None:
        return same_place(gold.name, [place.get("name")])
    return distance <= RESOLVED_KM


@SECTIONS.register("places", example="Alma-Ata -> Almaty (43.25, 76.92) within 25 km")
def score_places(pairs: list[DocPair], view: ExportView) -> SectionScore:
    """Recall over gold occurrences resolved within 25 km; precision over predicted
    place mentions that overlap a gold occurrence and resolve; `found` recall apart."""
    gold_n = found = resolved = pred_n = pred_ok = 0
    misses: list[Item] = []
    false_hits: list[Item] = []
    unlocated = 0
    for pair in pairs:
        occs, lost = occurrences(pair, pair.gold.places, lambda p: p)
        unlocated += lost
        gold_n += len(occs) + lost
        preds = [(m, span_of(m), view.places[str(m.get("ref"))]) for m in view.place_mentions(pair.doc_id)]
        pred_n += len(preds)
        good_preds: set[int] = set()
        for occ in occs:
            touching = [(i, place) for i, (_, span, place) in enumerate(preds) if span and overlap(span, occ.span)]
            ok = [i for i, place in touching if place_resolves(place, occ.expected)]
            found += bool(touching)
            resolved += bool(ok)
            good_preds.update(ok)
            if not ok:
                detail = "not found" if not touching else "found as " + ", ".join(
                    _describe_place(place, occ.expected) for _, place in touching
                )
                misses.append(item(pair, occ.span, detail=detail))
        pred_ok += len(good_preds)
        for i, (row, span, place) in enumerate(preds):
            if i not in good_preds:
                hits = [o for o in occs if span and overlap(span, o.span)]
                detail = (
                    f"{place.get('name')}: no gold place here"
                    if not hits
                    else ", ".join(_describe_place(place, o.expected) for o in hits)
                )
                false_hits.append(item(pair, span, str(row.get("text", "")), detail))
    notes: tuple[str, ...] = ()
    if unlocated:
        notes += (f"{unlocated} gold place entries in documents without text counted as missed",)
    built = bool(view.places)
    return SectionScore(
        name="places",
        built=built,
        gold=gold_n,
        predicted=pred_n,
        gold_hit=resolved,
        pred_hit=pred_ok,
        accuracies=(Accuracy("found", found, gold_n),),
        misses=tuple(misses),
        false_hits=tuple(false_hits),
        notes=notes + (() if built else (NOT_BUILT,)),
    )


def _describe_place(place: dict, gold: GoldPlace) -> str:
    distance = _place_distance(place, gold)
    where = "without coordinates, not" if distance is None else f"{distance:.0f} km from"
    return f"{place.get('name')!s} {where} gold {gold.name}"


def same_time_value(a: object, b: object) -> bool:
    """Equal values, a one-day span `d/d` being the day `d`."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return _collapse_span(a) == _collapse_span(b)


def _collapse_span(value: str) -> str:
    start, _, end = value.strip().partition("/")
    return start if not end or start == end else f"{start}/{end}"


@SECTIONS.register("times", example="'on Wednesday' in a report of Thu 2022-01-06 -> 2022-01-05")
def score_times(pairs: list[DocPair], view: ExportView) -> SectionScore:
    """Recall over gold occurrences found with the same value; precision over
    predicted times rows, correct when they overlap a gold occurrence of that value."""
    gold_n = spotted = hit = pred_n = pred_ok = unlocated = 0
    misses: list[Item] = []
    false_hits: list[Item] = []
    for pair in pairs:
        occs, lost = occurrences(pair, pair.gold.times, lambda t: t.value)
        unlocated += lost
        gold_n += len(occs) + lost
        preds = [(row, span_of(row)) for row in view.rows("times", pair.doc_id)]
        pred_n += len(preds)
        for occ in occs:
            touching = [row for row, span in preds if span and overlap(span, occ.span)]
            good = [row for row in touching if same_time_value(row.get("value"), occ.expected)]
            spotted += bool(touching)
            hit += bool(good)
            if not good:
                got = ", ".join(str(r.get("value")) for r in touching)
                detail = f"gold {occ.expected}, got {got}" if got else "not found"
                misses.append(item(pair, occ.span, detail=detail))
        for row, span in preds:
            hits = [o for o in occs if span and overlap(span, o.span)]
            if any(same_time_value(row.get("value"), o.expected) for o in hits):
                pred_ok += 1
                continue
            detail = "no gold time here" if not hits else "gold " + ", ".join(str(o.expected) for o in hits)
            false_hits.append(item(pair, span, str(row.get("text", "")), f"{row.get('value')}: {detail}"))
    notes: tuple[str, ...] = ()
    if unlocated:
        notes += (f"{unlocated} gold time entries in documents without text counted as missed",)
    built = view.has("times")
    return SectionScore(
        name="times",
        built=built,
        gold=gold_n,
        predicted=pred_n,
        gold_hit=hit,
        pred_hit=pred_ok,
        accuracies=(Accuracy("found (any value)", spotted, gold_n),),
        misses=tuple(misses),
        false_hits=tuple(false_hits),
        notes=notes + (() if built else (NOT_BUILT,)),
    )


# ---------------------------------------------------------------- events, claims, quotes


@dataclass
class _Tally:
    """Matched-pair accuracies collected across documents."""

    correct: dict[str, int]
    total: dict[str, int]
    wrong: dict[str, list[Item]]

    @classmethod
    def of(cls, *names: str) -> _Tally:
        return cls({n: 0 for n in names}, {n: 0 for n in names}, {n: [] for n in names})

    def add(self, name: str, ok: bool, wrong: Item) -> None:
        self.total[name] += 1
        self.correct[name] += ok
        if not ok:
            self.wrong[name].append(wrong)

    def accuracies(self) -> tuple[Accuracy, ...]:
        return tuple(Accuracy(n, self.correct[n], self.total[n], tuple(self.wrong[n])) for n in self.correct)


@dataclass(frozen=True)
class _Matched:
    """One section's pairing in one document: gold spans, predictions, pairs."""

    gold_spans: list[tuple[int, int] | None]
    preds: list[dict]
    pairs: list[tuple[int, int]]


def _match_spans(
    pair: DocPair,
    evidences: list[str],
    preds: list[dict],
    admissible: Callable[[dict, int], bool],
    enough: Callable[[int, tuple[int, int]], bool] = lambda shared, gold: shared > 0,
) -> _Matched:
    """Locate each gold evidence and pair predictions one-to-one, greatest overlap first."""
    gold_spans = [unique_span(pair.text, e) if pair.text else None for e in evidences]

    def score(pi: int, gi: int) -> int:
        span, gold = span_of(preds[pi]), gold_spans[gi]
        if span is None or gold is None or not admissible(preds[pi], gi):
            return 0
        shared = overlap(span, gold)
        return shared if enough(shared, gold) else 0

    pairs = greedy_pairs(range(len(preds)), range(len(gold_spans)), score)
    return _Matched(gold_spans, preds, pairs)


def _collect(
    pair: DocPair,
    matched: _Matched,
    evidences: list[str],
    misses: list[Item],
    false_hits: list[Item],
    describe_pred: Callable[[dict], str],
    describe_miss: Callable[[int], str],
) -> None:
    paired_p = {pi for pi, _ in matched.pairs}
    paired_g = {gi for _, gi in matched.pairs}
    for gi, span in enumerate(matched.gold_spans):
        if gi not in paired_g:
            detail = describe_miss(gi) if span else "evidence not found in the document text"
            misses.append(item(pair, span, evidences[gi], detail))
    for pi, row in enumerate(matched.preds):
        if pi not in paired_p:
            false_hits.append(item(pair, span_of(row), "", describe_pred(row)))


def _section(
    name: str,
    built: bool,
    gold_n: int,
    pred_n: int,
    hit: int,
    tally: _Tally,
    misses: list[Item],
    false_hits: list[Item],
) -> SectionScore:
    return SectionScore(
        name=name,
        built=built,
        gold=gold_n,
        predicted=pred_n,
        gold_hit=hit,
        pred_hit=hit,
        accuracies=tally.accuracies(),
        misses=tuple(misses),
        false_hits=tuple(false_hits),
        notes=() if built else (NOT_BUILT,),
    )


def _overlapping(matched: _Matched, gi: int) -> list[dict]:
    """The predictions overlapping gold item `gi`, matched or not (for a miss's detail)."""
    gold = matched.gold_spans[gi]
    return [row for row in matched.preds if gold and (span := span_of(row)) and overlap(span, gold)]


def _overlap_detail(matched: _Matched, gi: int, field: str) -> str:
    said = [str(row.get(field)) for row in _overlapping(matched, gi)]
    return "overlapped by " + ", ".join(said) if said else "not found"


def _wrong(pair: DocPair, span: tuple[int, int] | None, field: str, want: object, got: object) -> Item:
    return item(pair, span, detail=f"{field}: gold {want!r}, got {got!r}")


def event_place_ok(view: ExportView, gold_doc: GoldDoc, pred_id: object, gold_name: str | None) -> bool:
    """Same place: null == null; else the predicted place's name is the gold name or one
    of its gold mention strings (any spelling), or it lies within 25 km of the gold point
    (the coordinates of that name among the document's gold places)."""
    if gold_name is None or pred_id is None:
        return gold_name is None and pred_id is None
    place = view.places.get(str(pred_id))
    if place is None:
        return False
    known = [p for p in gold_doc.places if fold(p.name) == fold(gold_name)]
    spellings = [gold_name] + [p.mention for p in known]
    if any(same_place(s, [place.get("name")]) for s in spellings):
        return True
    return any(_place_distance(place, p) is not None and _place_distance(place, p) <= RESOLVED_KM for p in known)


@SECTIONS.register("events", example="the akimat was taken by storm -> Riots / Violent demonstration")
def score_events(pairs: list[DocPair], view: ExportView) -> SectionScore:
    """Match: span overlaps the gold evidence and event_type equal (one-to-one,
    greatest overlap first); then sub_event_type, date, place and fatalities."""
    tally = _Tally.of("sub_event_type", "date", "place", "fatalities")
    gold_n = pred_n = hit = 0
    misses: list[Item] = []
    false_hits: list[Item] = []
    for pair in pairs:
        golds = pair.gold.events
        preds = view.rows("events", pair.doc_id)
        matched = _match_spans(
            pair, [g.evidence for g in golds], preds, lambda p, gi, golds=golds: p.get("event_type") == golds[gi].event_type
        )
        gold_n, pred_n, hit = gold_n + len(golds), pred_n + len(preds), hit + len(matched.pairs)
        for pi, gi in matched.pairs:
            pred, gold, span = preds[pi], golds[gi], matched.gold_spans[gi]
            sub, date, deaths = pred.get("sub_event_type"), pred.get("date"), pred.get("fatalities")
            tally.add("sub_event_type", sub == gold.sub_event_type,
                      _wrong(pair, span, "sub_event_type", gold.sub_event_type, sub))
            tally.add("date", date == gold.date, _wrong(pair, span, "date", gold.date, date))
            place_name = view.places.get(str(pred.get("place")), {}).get("name", pred.get("place"))
            tally.add("place", event_place_ok(view, pair.gold, pred.get("place"), gold.place),
                      _wrong(pair, span, "place", gold.place, place_name))
            tally.add("fatalities", deaths == gold.fatalities,
                      _wrong(pair, span, "fatalities", gold.fatalities, deaths))
        _collect(
            pair, matched, [g.evidence for g in golds], misses, false_hits,
            lambda row: f"{row.get('event_type')} / {row.get('sub_event_type')}",
            lambda gi, golds=golds, matched=matched: f"{golds[gi].event_type} / {golds[gi].sub_event_type}; "
            + _overlap_detail(matched, gi, "event_type"),
        )
    return _section("events", view.has("events"), gold_n, pred_n, hit, tally, misses, false_hits)


def actor_ok(view: ExportView, pred_id: object, pred_text: object, gold_name: str | None) -> bool:
    """Same actor: null == null; else the predicted actor's name or an alias names the
    gold actor (any spelling, see names.py); the raw text stands in for an unknown id."""
    if gold_name is None or pred_id is None:
        return gold_name is None and pred_id is None
    names = view.actor_names(pred_id) or ([pred_text] if isinstance(pred_text, str) else [])
    return same_actor(gold_name, names)


def _actor_label(view: ExportView, pred_id: object, pred_text: object) -> str | None:
    names = view.actor_names(pred_id)
    return names[0] if names else (pred_text if isinstance(pred_text, str) else None)


@SECTIONS.register("claims", example="13 law enforcement officers were killed -> killed 13..13")
def score_claims(pairs: list[DocPair], view: ExportView) -> SectionScore:
    """Match: span overlap, same category, same low and high; then source accuracy."""
    tally = _Tally.of("source")
    gold_n = pred_n = hit = 0
    misses: list[Item] = []
    false_hits: list[Item] = []
    for pair in pairs:
        golds = pair.gold.claims
        preds = view.rows("claims", pair.doc_id)
        matched = _match_spans(
            pair, [g.evidence for g in golds], preds,
            lambda p, gi, golds=golds: (p.get("category"), p.get("low"), p.get("high"))
            == (golds[gi].category, golds[gi].low, golds[gi].high),
        )
        gold_n, pred_n, hit = gold_n + len(golds), pred_n + len(preds), hit + len(matched.pairs)
        for pi, gi in matched.pairs:
            pred, gold = preds[pi], golds[gi]
            got = _actor_label(view, pred.get("source"), pred.get("source_text"))
            tally.add(
                "source",
                actor_ok(view, pred.get("source"), pred.get("source_text"), gold.source),
                item(pair, matched.gold_spans[gi], detail=f"source: gold {gold.source!r}, got {got!r}"),
            )
        _collect(
            pair, matched, [g.evidence for g in golds], misses, false_hits,
            lambda row: f"{row.get('category')} {row.get('low')}..{row.get('high')}",
            lambda gi, golds=golds, matched=matched: f"{golds[gi].category} {golds[gi].low}..{golds[gi].high}; "
            + _overlap_detail(matched, gi, "category"),
        )
    return _section("claims", view.has("claims"), gold_n, pred_n, hit, tally, misses, false_hits)


@SECTIONS.register("quotes", example="“Those who do not surrender will be destroyed!” -> Tokayev")
def score_quotes(pairs: list[DocPair], view: ExportView) -> SectionScore:
    """Match: the prediction covers at least half of the gold text (one-to-one); then
    speaker accuracy (same person, any spelling) and direct-flag accuracy."""
    tally = _Tally.of("speaker", "direct")
    gold_n = pred_n = hit = 0
    misses: list[Item] = []
    false_hits: list[Item] = []
    for pair in pairs:
        golds = pair.gold.quotes
        preds = view.rows("quotes", pair.doc_id)
        matched = _match_spans(
            pair, [g.text for g in golds], preds, lambda p, gi: True,
            enough=lambda shared, gold: shared > 0 and shared >= QUOTE_COVER * (gold[1] - gold[0]),
        )
        gold_n, pred_n, hit = gold_n + len(golds), pred_n + len(preds), hit + len(matched.pairs)
        for pi, gi in matched.pairs:
            pred, gold, span = preds[pi], golds[gi], matched.gold_spans[gi]
            got = _actor_label(view, pred.get("speaker"), pred.get("speaker_text"))
            tally.add(
                "speaker",
                actor_ok(view, pred.get("speaker"), pred.get("speaker_text"), gold.speaker),
                item(pair, span, detail=f"speaker: gold {gold.speaker!r}, got {got!r}"),
            )
            if gold.direct is not None:
                tally.add(
                    "direct",
                    pred.get("direct") is gold.direct,
                    item(pair, span, detail=f"direct: gold {gold.direct}, got {pred.get('direct')}"),
                )
        _collect(
            pair, matched, [g.text for g in golds], misses, false_hits,
            lambda row: f"speaker {row.get('speaker_text')!r}",
            lambda gi, golds=golds, matched=matched: f"speaker {golds[gi].speaker!r}; "
            + ("covered less than half" if _overlapping(matched, gi) else "not found"),
        )
    return _section("quotes", view.has("quotes"), gold_n, pred_n, hit, tally, misses, false_hits)

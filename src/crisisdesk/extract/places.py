"""Place names in one document, each resolved to a gazetteer entry.

The cascade, cheapest reliable signal first:
1. Candidates: spaCy GPE/LOC/FAC entities; a gazetteer phrase match over runs
   of capitalised words (the small model labels "Alma-Ata" a place in none of
   its mentions and "Zhanaozen" an adjective); streets, squares and landmarks;
   venues named after a place; "<Demonym> SSR".
2. Refusals: demonyms ("Kazakh" tells the country, it is not a place), names in
   quotation marks (the TV channel “Kazakhstan”), place names that head an
   organisation's name ("The Washington Post", "Carnegie Moscow Centre").
3. Context: the document's country focus, from the countries it names and the
   demonyms it uses; then the countries and regions of the places it names,
   each name voting for the others, never for itself; and the division a text
   puts a town in ("LONDON, Ky.", "Paris, Missouri").
4. Resolution: each name to the entry that best fits its kind (a bare name is
   a country before a city before a region), the focus, its population and
   how well the spelling fits; a town put in a division is looked for there
   first; a weak fit is refused, never guessed.
5. Sites: a street, square, landmark or venue the gazetteer lacks is placed at
   the city the text puts it in, or the city the document is mostly about.
Names that cannot be resolved are left out: they never block the others.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from importlib import resources
from itertools import compress

from spacy.tokens import Doc, Span

from .. import gazetteer
from ..gazetteer import Entry, Gazetteer, Match
from ..gazetteer.fold import fold
from ..gazetteer.index import generic_names
from ..model import DocFacts, PlaceMention
from ..nlp import Parsed
from ..registry import EXTRACTORS, Registry
from .views import (
    char_span_bounds,
    column,
    entities,
    flags,
    indices_with,
    memoised,
    offsets,
    sentence_starts,
)

# The named rules a place mention's `rule` field carries, each with the
# sentence that motivated it (tests/extract/test_places.py runs each one).
RULES = Registry("places")

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Longest run of capitalised words tried as one name ("Bosnia and Herzegovina"
# needs 3, "Kamensk-Shakhtinsky" counts as one word).
MAX_NAME_WORDS = 4

# Scoring of an entry for a name (see `score`).  A bare name is a country
# before a city before a region: "Georgia" the country, "Moscow" the city, not
# Moscow Oblast.  One order of magnitude of population is worth 1 point; being
# in the document's main country is worth a 300x smaller place.
KIND_PRIOR = {"country": 6.0, "city": 0.0, "admin1": -1.0, "admin2": -1.5, "site": -2.0}
FOCUS_WEIGHT = 2.5
# Being in a region where the document's other places are ("London" among
# Toronto and Ottawa is London, Ontario; "Plymouth County" in a report from
# Iowa towns) is worth a 300x smaller place: local news names local places.
REGION_WEIGHT = 2.5
# An alternate name fits less than a place's own: "Waterloo" is Waterloo, Iowa
# (68,000) before Austin, Texas, once called Waterloo (a 10x larger place).
QUALITY_PENALTY = 1.0
# A tenfold less prominent namesake (see `Entry.prominence`) is worth a tenfold
# smaller place: Paris, Kentucky in a Kentucky report that also names France
# is still Paris, France.  Only towns are compared so, against the most
# prominent town of the name, so a town never gains on a region or country.
PROMINENCE_WEIGHT = 1.0
# Weight of an order of magnitude of population, by kind.  A county's figure is
# the sum of its towns of 1,000 or more, which says little about how often it
# is named: a report names its own county, so for counties where the text is
# counts more than their size ("Monroe County" in a Missouri report is not the
# one around Rochester, New York).
POPULATION_WEIGHT = {"admin2": 0.5}

# Evidence a city name needs before it is taken as a place.  The gazetteer has
# towns of 500 people named "Of", "Police" or "Us", so a name the parser did
# not call a place must be a sizeable town, or a town in a country the text is
# about; a transliteration-only fit ("Janaozen") needs the same.
MIN_POPULATION_NER = 1_000
MIN_POPULATION_PHRASE = 100_000
MIN_POPULATION_IN_FOCUS = 20_000
# ... and a name the parser took for a person ("Burton") a larger one.
MIN_POPULATION_PERSON_IN_FOCUS = 50_000
# Shorter names the parser did not call places are codes and initials ("LE").
MIN_UNLABELLED_LETTERS = 3
# A transliteration-only fit ("Janaozen") is less sure than a listed spelling.
SKELETON_CONFIDENCE = 0.8
# A country counts as "in focus" when it has this share of the top country's weight.
FOCUS_SHARE = 0.3
# How much a demonym ("Kazakh") counts toward the focus, against 1 for naming the country.
DEMONYM_WEIGHT = 0.5

# A town in a region the document names is taken at any size ("McKee" with 800
# people, in a Kentucky report): the region is this share of the top region's weight.
REGION_SHARE = 0.5

# Region words that may follow a capitalised name in running text ("the
# Orenburg region"); the gazetteer turns "X region" into the admin1 named X.
REGION_WORDS = frozenset({"region", "oblast", "oblysy", "province", "krai", "kray", "territory", "governorate"})

OPEN_QUOTES = "“\"«‘'„"
CLOSE_QUOTES = "”\"»’'“"
HYPHENS = {"-", "‐", "–"}
# "the Kazakh SSR": a Soviet republic is the country that succeeded it.
SOVIET_REPUBLIC = re.compile(r"\s*(SSR|Soviet Socialist Republic)\b")
# "Paris, Missouri", "LONDON, Ky.", "Surrey, B.C.": capitalised words, a comma,
# then one or two capitalised words that may name the division the town is in.
TOWN_IN = re.compile(r"([A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}),[ \t]+([A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*)?)")


@cache  # asked for each mention
def rule_confidence(name: str) -> float:
    """The confidence a rule's mentions carry (its registry entry's `confidence`)."""
    return next(e.meta["confidence"] for e in RULES.entries() if e.name == name)


@cache
def word_list(filename: str) -> frozenset[str]:
    """A data/places/*.txt list: one entry a line, '#' comments."""
    text = (resources.files("crisisdesk") / "data" / "places" / filename).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def organisation_heads() -> frozenset[str]:
    return word_list("not_place_heads.txt")


@dataclass(frozen=True)
class Candidate:
    """A span that may name a place, and what said so."""

    start: int  # char offsets into Document.text
    end: int
    text: str
    rule: str
    label: str | None  # the parser's label for the span, if any
    sentence_start: bool = False


@dataclass(frozen=True)
class Resolved:
    candidate: Candidate
    match: Match


# ---- 1. candidates ------------------------------------------------------------


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


@dataclass(frozen=True)
class Words:
    """The token columns the candidate scans read, one entry per token.

    The phrase, demonym, street and landmark scans look at every token; read
    off lists they make no spaCy Token (a Token per token per scan was most of
    this extractor's time), and `capitalised` is decided once per distinct word.
    """

    text: list[str]
    lower: list[str]
    capitalised: list[bool]
    spaced: list[bool]  # followed by whitespace
    punct: list[bool]
    sent_start: list[bool]
    idx: list[int]

    def end(self, i: int) -> int:
        """Char offset just after token i."""
        return self.idx[i] + len(self.text[i])


def words_of(doc: Doc) -> Words:
    """The `Words` of a Doc, built once and kept with it."""

    def build(d: Doc) -> Words:
        texts = column(d, "ORTH")
        known = {word: is_capitalised(word) for word in set(texts)}
        capitalised = list(map(known.__getitem__, texts))
        return Words(
            texts, column(d, "LOWER"), capitalised, flags(d, "SPACY"), flags(d, "IS_PUNCT"), sentence_starts(d),
            offsets(d),
        )

    return memoised(doc, "places.words", build)


def joined_by_hyphen(w: Words, i: int) -> bool:
    """Whether tokens i and i+2 form one hyphenated word ("Alma-Ata")."""
    return (
        i + 2 < len(w.text)
        and w.text[i + 1] in HYPHENS
        and not w.spaced[i]
        and not w.spaced[i + 1]
        and w.capitalised[i + 2]
    )


def name_words(w: Words, start: int) -> list[tuple[int, int]]:
    """Token ranges of the capitalised words of the run starting at `start`."""
    words: list[tuple[int, int]] = []
    i, n = start, len(w.text)
    while i < n and len(words) < MAX_NAME_WORDS and w.capitalised[i]:
        end = i + 1
        while joined_by_hyphen(w, end - 1):
            end += 2
        words.append((i, end))
        if not w.spaced[end - 1] and end < n and not w.punct[end]:
            break
        i = end
    return words


def run_starts(w: Words) -> list[int]:
    """Where runs of capitalised words start: a capitalised word not after one
    in the same sentence.  Only these are visited, not every token."""
    capitalised, sent_start = w.capitalised, w.sent_start
    return [
        i for i in compress(range(len(capitalised)), capitalised)
        if not (i > 0 and capitalised[i - 1] and not sent_start[i - 1])
    ]


@RULES.register("gazetteer-match", example="Zhanaozen protests continue, and in Alma-Ata the akimat burned.",
                confidence=0.75)
def phrase_candidates(doc: Doc, text: str, g: Gazetteer) -> Iterator[Candidate]:
    """Longest capitalised word runs (plus a region word) that the gazetteer knows."""
    w = words_of(doc)
    n_tokens = len(w.text)
    i = 0
    for start in run_starts(w):
        if start < i:
            continue  # inside a run already read
        words = name_words(w, start)
        taken = False
        for n in range(len(words), 0, -1):
            first, last = words[0][0], words[n - 1][1] - 1
            spans = [(w.idx[first], w.end(last))]
            after = words[n - 1][1]
            if after < n_tokens and w.lower[after] in REGION_WORDS:
                spans.insert(0, (w.idx[first], w.end(after)))
            for s, e in spans:
                if g.lookup(text[s:e]):
                    opens_sentence = w.sent_start[first] or first == 0
                    yield Candidate(s, e, text[s:e], "places.gazetteer-match", None, opens_sentence)
                    taken = True
                    break
            if taken:
                i = words[n - 1][1]
                break
        if not taken:
            i = words[0][1]


def trimmed_entity(w: Words, ent: Span) -> tuple[int, int] | None:
    """Char bounds of an entity without a leading article or trailing possessive."""
    first = ent.start + 1 if w.lower[ent.start] == "the" else ent.start
    end = ent.end
    while end > first and (w.text[end - 1] in ("'s", "’s", "'", "’") or w.punct[end - 1]):
        end -= 1
    if end == first:
        return None
    return w.idx[first], w.end(end - 1)


@RULES.register("ner", example="Russian paratroopers landed in Kazakhstan on Thursday.", confidence=0.9)
def entity_candidates(doc: Doc, text: str) -> Iterator[Candidate]:
    """The parser's GPE, LOC and FAC entities."""
    w = words_of(doc)
    for ent in entities(doc):
        if ent.label_ in PLACE_LABELS:
            bounds = trimmed_entity(w, ent)
            if bounds:
                s, e = bounds
                yield Candidate(s, e, text[s:e], "places.ner", ent.label_, w.sent_start[ent.start])


def merged(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per stretch of text: the longest, the parser's on a tie."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.rule != "places.ner", c.start))
    kept: list[Candidate] = []
    # The kept spans never overlap, so ordered by start they are ordered by end
    # too, and the only one that can overlap a candidate is the last kept one
    # starting before the candidate ends (comparing with every kept one made
    # this quadratic in a long document's names).
    starts: list[int] = []
    ends: list[int] = []
    for c in ordered:
        at = bisect_left(starts, c.end)
        if at and ends[at - 1] > c.start:
            continue
        starts.insert(at, c.start)
        ends.insert(at, c.end)
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# ---- 2. refusals ----------------------------------------------------------------


def is_quoted(text: str, c: Candidate) -> bool:
    """“Kazakhstan” in quotation marks is a title (a TV channel), not the country."""
    return c.start > 0 and c.end < len(text) and text[c.start - 1] in OPEN_QUOTES and text[c.end] in CLOSE_QUOTES


NEXT_WORD = re.compile(r"\s*([\w’'-]+)")


def next_word(text: str, end: int) -> str:
    match = NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


def heads_organisation(text: str, c: Candidate) -> bool:
    """"Washington" in "The Washington Post", "Moscow" in "Carnegie Moscow Centre"."""
    return next_word(text, c.end) in organisation_heads()


def is_generic(doc: Doc, c: Candidate) -> bool:
    """A compass word, continent or bloc ("Western", "Central Asia"), or an English stop word ("An")."""
    if fold(c.text) in generic_names():
        return True
    bounds = char_span_bounds(doc, c.start, c.end)
    if bounds is None or bounds[1] - bounds[0] != 1:
        return False
    token = doc[bounds[0]]
    return token.is_stop and not token.is_upper


def is_part_of_person(doc: Doc, c: Candidate) -> bool:
    """"Nursultan" in "Nursultan Nazarbayev", "Vladimir" in "Vladimir Putin": a name part."""
    for start, end in person_spans(doc):
        if start <= c.start and c.end <= end:
            return (end - start) > (c.end - c.start)
    return False


def person_spans(doc: Doc) -> list[tuple[int, int]]:
    """Char bounds of the parser's PERSON entities, in order, read once per Doc."""
    return memoised(doc, "places.persons", lambda d: [(e.start_char, e.end_char) for e in entities(d) if e.label_ == "PERSON"])


def exact_label(doc: Doc, c: Candidate) -> str | None:
    """The label of a parser entity with exactly the candidate's span, if any."""
    return entity_labels(doc).get((c.start, c.end))


def entity_labels(doc: Doc) -> dict[tuple[int, int], str]:
    """(start_char, end_char) -> label of the first parser entity with those bounds, built once per Doc."""

    def build(d: Doc) -> dict[tuple[int, int], str]:
        labels: dict[tuple[int, int], str] = {}
        for e in entities(d):
            labels.setdefault((e.start_char, e.end_char), e.label_)
        return labels

    return memoised(doc, "places.entity_labels", build)


# ---- 3. context ------------------------------------------------------------------


def country_focus(g: Gazetteer, candidates: list[Candidate], demonyms: Counter[str]) -> Counter[str]:
    """Weight of each country in the document: its names, and its demonyms at half weight."""
    weights: Counter[str] = Counter()
    for c in candidates:
        countries = [m for m in g.lookup(c.text, kinds=("country",)) if m.quality < 2]
        if countries:
            weights[countries[0].entry.country] += 1.0
    return weights + demonyms


def demonym_weights(doc: Doc, g: Gazetteer) -> Counter[str]:
    """Each demonym ("Kazakh") counts for its country at `DEMONYM_WEIGHT`."""
    weights: Counter[str] = Counter()
    w = words_of(doc)
    for word, capitalised in zip(w.text, w.capitalised):
        if capitalised:
            iso = g.demonym(word)
            if iso:
                weights[iso] += DEMONYM_WEIGHT
    return weights


def share(weights: Counter, top: float, key: object) -> float:
    """`key`'s weight as a share of the `top` weight."""
    return weights.get(key, 0.0) / top if top and key else 0.0


@dataclass(frozen=True)
class Context:
    """Where the document is: weights of countries and of (country, admin1) regions.

    `own` holds each name's own votes (by folded name): a name is resolved by
    the votes of the others ("Edmonton" named four times in a London report
    must not outvote Tottenham and Walthamstow for Alberta).
    """

    countries: Counter
    regions: Counter
    own: dict[str, tuple[Counter, Counter]] = field(default_factory=dict)
    # The context each name sees, made once: a name is asked about at each of its mentions.
    others: dict[str, Context] = field(default_factory=dict, compare=False, repr=False)

    def without(self, name: str) -> Context:
        """The context as the other names see it."""
        key = fold(name)
        mine = self.own.get(key)
        if mine is None:
            return self
        if key not in self.others:
            self.others[key] = Context(self.countries - mine[0], self.regions - mine[1])
        return self.others[key]

    # The top weights every share divides by, found once: each entry of each
    # name is scored against them (the weights are never changed).
    @cached_property
    def top_country(self) -> float:
        return max(self.countries.values(), default=0.0)

    @cached_property
    def top_region(self) -> float:
        return max(self.regions.values(), default=0.0)

    def country_share(self, country: str) -> float:
        """How much the document is about a country, against the country it is most about."""
        return share(self.countries, self.top_country, country)

    def region_weight(self, region: tuple[str, str]) -> float:
        """How much the document is about a (country, admin1) region, against the top region."""
        return share(self.regions, self.top_region, region)


def context_of(resolved: list[Resolved], demonyms: Counter[str]) -> Context:
    """The second look: every place resolved at the first look votes for its country and region."""
    countries: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    own: dict[str, tuple[Counter, Counter]] = {}
    for r in resolved:
        e = r.match.entry
        mine = own.setdefault(fold(r.candidate.text), (Counter(), Counter()))
        countries[e.country] += 1.0
        mine[0][e.country] += 1.0
        if e.kind in ("city", "admin1", "admin2") and e.admin1:
            regions[(e.country, e.admin1)] += 1.0
            mine[1][(e.country, e.admin1)] += 1.0
    return Context(countries + demonyms, regions, own)


# ---- 4. resolution ----------------------------------------------------------------


def score(match: Match, context: Context, top_prominence: int = 0) -> float:
    """How well an entry fits a name in this document; `top_prominence` is that of the name's most prominent town."""
    entry = match.entry
    behind = math.log10(top_prominence + 1) - math.log10(entry.prominence + 1) if entry.kind == "city" else 0.0
    return (
        KIND_PRIOR.get(entry.kind, 0.0)
        + POPULATION_WEIGHT.get(entry.kind, 1.0) * math.log10(entry.population + 10)
        - PROMINENCE_WEIGHT * behind
        + FOCUS_WEIGHT * context.country_share(entry.country)
        + REGION_WEIGHT * region_share(entry, context)
        - QUALITY_PENALTY * match.quality
    )


def region_share(entry: Entry, context: Context) -> float:
    """How much the document is about the entry's region; a capital counts as
    in the region of any text that names its country ("a doctor from Kentucky
    was in France, ... in Paris": the capital of France, not Paris, Kentucky)."""
    if entry.capital and context.countries.get(entry.country, 0.0) > 0:
        return 1.0
    return context.region_weight((entry.country, entry.admin1))


def is_credible(match: Match, c: Candidate, label: str | None, context: Context, placed: bool) -> bool:
    """Whether the evidence for this name is enough for the chosen entry.

    `placed`: the text put the town in the entry's division ("McKee, Ky.").
    """
    entry = match.entry
    if entry.kind in ("country", "admin1", "admin2"):
        return match.quality < 2 or label in PLACE_LABELS
    if match.quality < 2 and (placed or context.region_weight((entry.country, entry.admin1)) >= REGION_SHARE):
        return True
    focus = context.countries
    in_focus = context.country_share(entry.country) >= FOCUS_SHARE
    if match.quality >= 1 and not in_focus and label not in (None, "GPE", "LOC"):
        return False  # the "White House" (FAC) is not Casablanca, the channel "Baza" (ORG) not Basel
    if label in PLACE_LABELS and match.quality < 2 and not c.sentence_start:
        if focus and not focus.get(entry.country) and entry.population < MIN_POPULATION_IN_FOCUS:
            return False  # London's "Heathrow" is not the Florida village: the gazetteer lacks the airport
        return entry.population >= MIN_POPULATION_NER
    if label not in PLACE_LABELS and sum(ch.isalpha() for ch in c.text) < MIN_UNLABELLED_LETTERS:
        return False
    if in_focus:
        floor = MIN_POPULATION_PERSON_IN_FOCUS if label == "PERSON" else MIN_POPULATION_IN_FOCUS
        return entry.population >= floor
    return entry.population >= MIN_POPULATION_PHRASE


def is_inside(entry: Entry, division: Entry) -> bool:
    return entry.country == division.country and (division.kind == "country" or entry.admin1 == division.admin1)


def best_match(name: str, g: Gazetteer, context: Context, place: Within | None) -> tuple[Match, bool] | None:
    """The entry that fits a name best in this context, and whether it lies in
    the division the text put the name in; None when no entry there has the name."""
    matches = g.lookup(name)
    if not matches:
        return None
    inside = [m for m in matches if is_inside(m.entry, place.division)] if place else []
    if place and place.stated and not inside:
        return None  # "HOLLIDAY, Mo." is not the Holliday in Texas
    context = context.without(name)
    top = max((m.entry.prominence for m in matches if m.entry.kind == "city"), default=0)
    return max(inside or matches, key=lambda m: score(m, context, top)), bool(inside)


def resolve(c: Candidate, g: Gazetteer, doc: Doc, context: Context, within: dict[int, Within],
            best_of: dict[tuple[str, Within | None], tuple[Match, bool] | None]) -> Match | None:
    """The entry a candidate names, if the evidence is enough.  `best_of` keeps
    a look's best entry per (name, division the text put it in): a name is
    scored once per look, not at each of its mentions (a report names its main
    city a dozen times)."""
    place = within.get(c.end)
    key = (c.text, place)
    if key not in best_of:
        best_of[key] = best_match(c.text, g, context, place)
    found = best_of[key]
    if found is None:
        return None
    best, placed = found
    label = c.label or exact_label(doc, c)
    return best if is_credible(best, c, label, context.without(c.text), placed) else None


# ---- divisions a text puts a town in --------------------------------------------


@dataclass(frozen=True)
class Within:
    """The division (admin1 or country) the text puts the town ending at a char offset in.

    `stated`: written as a division abbreviation ("LONDON, Ky.") or a region
    name that no town has ("Paris, Missouri"), which name nothing else, so a
    town not found there is not looked for elsewhere.
    """

    division: Entry
    stated: bool


def spelled_division(g: Gazetteer, words: str) -> Entry | None:
    """The country or first-level division a capitalised name spells out ("Missouri", "British Columbia")."""
    for name in (words, words.split()[0]):
        found = [m for m in g.lookup(name, kinds=("country", "admin1")) if m.quality == 0]
        if found:
            return max(found, key=lambda m: KIND_PRIOR[m.entry.kind] + math.log10(m.entry.population + 10)).entry
    return None


def names_a_town(g: Gazetteer, name: str) -> bool:
    """"Aktobe" is a region and a city: after a comma it may be the next town of a list."""
    return any(m.quality == 0 for m in g.lookup(name, kinds=("city",)))


def names_a_division(g: Gazetteer, town: str) -> bool:
    """"Georgia, Moldova and Ukraine": a name that is itself a country or region heads a list, not a town."""
    return any(m.quality == 0 for m in g.lookup(town, kinds=("country", "admin1")))


@RULES.register("division-abbreviation", example="LONDON, Ky. (AP) - Police arrested two people in London.",
                confidence=0.9)
def towns_in_divisions(text: str, g: Gazetteer) -> tuple[list[tuple[Candidate, Match]], dict[int, Within]]:
    """Abbreviations of divisions as places ("Ky.", "B.C."), and the division each "Town, Division" puts its town in.

    A dotted abbreviation of several capitals ("B.C.", "N.Y.") names its
    division anywhere; the others ("Ky.", "KY", "Alta.") only after a town
    and a comma, where they cannot be a word ("Man.", "IN").
    """
    abbreviations = g.abbreviations()
    mentions: list[tuple[Candidate, Match]] = []
    within: dict[int, Within] = {}
    for m in TOWN_IN.finditer(text):
        town, words = m.group(1), m.group(2).rstrip("-'’")
        first = words.split()[0]
        entry = abbreviations.get(first)
        if entry is not None:
            s = m.start(2)
            c = Candidate(s, s + len(first), first, "places.division-abbreviation", "GPE")
            mentions.append((c, Match(entry, 0)))
            within[m.end(1)] = Within(entry, True)
            continue
        entry = spelled_division(g, words)
        if entry is not None and not names_a_division(g, town):
            within[m.end(1)] = Within(entry, entry.kind == "admin1" and not names_a_town(g, entry.name))
    taken = {c.start for c, _ in mentions}
    for m in dotted_abbreviations(tuple(abbreviations)).finditer(text):
        if m.start() not in taken:
            c = Candidate(m.start(), m.end(), m.group(0), "places.division-abbreviation", "GPE")
            mentions.append((c, Match(abbreviations[m.group(0)], 0)))
    return mentions, within


@lru_cache(maxsize=4)
def dotted_abbreviations(abbreviations: tuple[str, ...]) -> re.Pattern:
    """The abbreviations that name their division anywhere: two or more capitals with dots ("B.C.", "W.Va.")."""
    dotted = [a for a in abbreviations if "." in a and sum(ch.isupper() for ch in a) >= 2]
    dotted.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, dotted)) + r")(?![\w])")


# ---- 5. sites ----------------------------------------------------------------------


def home_city(resolved: list[Resolved], focus: Counter[str]) -> Match | None:
    """The city the document's streets and squares are in.

    A report names several cities of the country where things happen (and one
    capital of each country that only reacts), so the home country is the one
    with the most distinct cities named, the focus breaking a tie; the home
    city is its most named city, the first named on a tie.
    """
    counts: Counter[int] = Counter()
    first: dict[int, Resolved] = {}
    for r in resolved:
        if r.match.entry.kind == "city":
            counts[r.match.entry.id] += 1
            first.setdefault(r.match.entry.id, r)
    if not counts:
        return None
    cities_of: Counter[str] = Counter(first[k].match.entry.country for k in counts)
    home = max(cities_of, key=lambda cc: (cities_of[cc], focus.get(cc, 0.0)))
    best = max(
        (k for k in counts if first[k].match.entry.country == home),
        key=lambda k: (counts[k], -first[k].candidate.start),
    )
    return first[best].match


@RULES.register(
    "site",
    example="Police fired near Republic Square in Almaty, the Moscow shopping center was looted.",
    confidence=0.5,
)
def street_sites(doc: Doc) -> Iterator[tuple[int, int]]:
    """Char spans of named streets and squares.

    "Republic Square" (a capitalised street word ends the name) is one site;
    "Masanchi, Karasai Batyr, Zhambyl, Baitursynov streets" is four.
    """
    w = words_of(doc)
    for t in indices_with(doc, "LOWER", word_list("street_words.txt")):
        if t == 0:
            continue
        if w.capitalised[t] and not w.sent_start[t]:
            run = capitalised_run_before(w, t)
            if run is not None:
                yield w.idx[run], w.end(t)
        elif not w.capitalised[t]:
            i = t
            while True:
                run = capitalised_run_before(w, i)
                if run is None:
                    break
                yield w.idx[run], w.end(i - 1)
                if run > 0 and (w.text[run - 1] == "," or w.lower[run - 1] == "and"):
                    i = run - 1
                else:
                    break


def capitalised_run_before(w: Words, i: int) -> int | None:
    """First token of the capitalised words ending just before token i."""
    j = i
    while j > 0 and i - j < 2 * MAX_NAME_WORDS and (w.capitalised[j - 1] or (w.text[j - 1] in HYPHENS and j > 1)):
        if w.sent_start[j - 1] and w.lower[j - 1] in ("the", "a"):
            break
        j -= 1
    return j if j < i and w.capitalised[j] else None


def landmark_sites(doc: Doc) -> Iterator[tuple[int, int, int | None]]:
    """Landmarks: (start, end, char offset of the city name after "in", if any)."""
    w = words_of(doc)
    for t in indices_with(doc, "ORTH", word_list("landmark_words.txt")):
        if t > 0:
            run = capitalised_run_before(w, t)
            if run is None:
                continue
            after = t + 1
            names_city = after + 1 < len(w.text) and w.lower[after] == "in" and w.capitalised[after + 1]
            yield w.idx[run], w.end(t), w.idx[after + 1] if names_city else None


def venue_sites(text: str, resolved: list[Resolved]) -> Iterator[tuple[Resolved, int]]:
    """"the Moscow shopping center": a venue named after a place; yields (place, venue end)."""
    for r in resolved:
        m = venue_after().match(text[r.candidate.end : r.candidate.end + 40])
        if m:
            yield r, r.candidate.end + m.end()


@lru_cache(maxsize=1)
def venue_after() -> re.Pattern:
    """Whitespace and a venue noun, the longest noun first ("shopping mall" before "mall")."""
    venues = sorted(word_list("venue_words.txt"), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, venues)) + r")\b")


def site_mention(doc_id: str, text: str, start: int, end: int, city: Match) -> PlaceMention:
    e = city.entry
    return PlaceMention(
        doc=doc_id, start=start, end=end, text=text[start:end], name=text[start:end], country=e.country,
        admin1=e.admin1, lat=e.lat, lon=e.lon, geonameid=None, kind="site", rule="places.site",
        confidence=rule_confidence("site"),
    )


def place_mention(doc_id: str, c: Candidate, m: Match) -> PlaceMention:
    e = m.entry
    base = rule_confidence(c.rule.split(".", 1)[1])
    confidence = base * (SKELETON_CONFIDENCE if m.quality >= 2 else 1.0)
    return PlaceMention(
        doc=doc_id, start=c.start, end=c.end, text=c.text, name=e.name, country=e.country, admin1=e.admin1,
        lat=e.lat, lon=e.lon, geonameid=e.geonameid, kind=e.kind, rule=c.rule, confidence=round(confidence, 3),
    )


@RULES.register("historic-republic", example="After the riots in the Kazakh SSR in 1986, reports reached Moscow.",
                confidence=0.8)
def soviet_republics(doc: Doc, text: str, g: Gazetteer) -> Iterator[tuple[Candidate, Match]]:
    """"the Kazakh SSR" is Kazakhstan."""
    if "SSR" not in text and "Soviet Socialist Republic" not in text:  # most texts: no token to visit
        return
    w = words_of(doc)
    for i, word in enumerate(w.text):
        m = SOVIET_REPUBLIC.match(text, w.end(i)) if w.capitalised[i] else None
        iso = g.demonym(word) if m else None
        country = g.country(iso) if iso else None
        if m and country:
            c = Candidate(w.idx[i], m.end(), text[w.idx[i] : m.end()], "places.historic-republic", "GPE")
            yield c, Match(country, 0)


@EXTRACTORS.register("places", example="Protests spread from Zhanaozen to Alma-Ata and the Orenburg region")
def places(parsed: Parsed, *, facts: DocFacts) -> Iterator[PlaceMention]:
    """Place mentions of one document, resolved within it (see the module docstring)."""
    g = gazetteer.open()
    doc, text, doc_id = parsed.doc, parsed.document.text, parsed.document.id

    # 1. candidates; sites and Soviet republics claim their spans first
    streets = list(street_sites(doc))
    landmarks = list(landmark_sites(doc))
    republics = list(soviet_republics(doc, text, g))
    abbreviations, within = towns_in_divisions(text, g)
    named = republics + abbreviations
    claimed = [*streets, *((s, e) for s, e, _ in landmarks), *((c.start, c.end) for c, _ in named)]
    pool = merged(list(entity_candidates(doc, text)) + list(phrase_candidates(doc, text, g)))
    pool = [before_abbreviation(text, c, abbreviations) for c in pool]
    pool = [c for c in pool if c and not any(s < c.end and c.start < e for s, e in claimed)]

    # 2. refusals
    pool = [
        c for c in pool
        if not g.demonym(c.text)
        and not is_quoted(text, c)
        and not heads_organisation(text, c)
        and not is_generic(doc, c)
        and not (c.rule != "places.ner" and is_part_of_person(doc, c))
    ]

    # 3. context, 4. resolution: a first look with the countries named, a
    # second with the countries and regions of everything the first resolved
    demonyms = demonym_weights(doc, g)
    context = Context(country_focus(g, pool, demonyms), Counter())
    for _ in range(2):
        resolved: list[Resolved] = [Resolved(c, m) for c, m in named]
        best_of: dict = {}
        for c in pool:
            m = resolve(c, g, doc, context, within, best_of)
            if m is not None:
                resolved.append(Resolved(c, m))
        context = context_of(resolved, demonyms)
    focus = context.countries

    # 5. sites: venues named after a place, landmarks, streets
    home = home_city(resolved, focus)
    venue_of = {id(r): end for r, end in venue_sites(text, resolved)}
    out: list[PlaceMention] = []
    for r in resolved:
        if id(r) in venue_of:
            at_home = home is not None and r.match.entry.country == home.entry.country
            at = r.match if at_home and r.match.entry.kind == "city" else home
            if at is not None:
                out.append(site_mention(doc_id, text, r.candidate.start, venue_of[id(r)], at))
            continue
        out.append(place_mention(doc_id, r.candidate, r.match))
    for s, e, city_at in landmarks:
        city = landmark_city(text, s, e, city_at, g, focus)
        if city is not None:
            out.append(site_mention(doc_id, text, s, e, city))
    if home is not None:
        out.extend(site_mention(doc_id, text, s, e, home) for s, e in streets)
    yield from sorted(out, key=lambda p: (p.start, p.end))


def before_abbreviation(text: str, c: Candidate, abbreviations: list[tuple[Candidate, Match]]) -> Candidate | None:
    """The parser's "Surrey, B.C." is the town "Surrey": a candidate cut before the abbreviation it runs into."""
    for a, _ in abbreviations:
        if c.start < a.start < c.end:
            cut = text.rfind(",", c.start, a.start)
            if cut <= c.start:
                return None
            return replace(c, end=cut, text=text[c.start : cut])
    return c


def landmark_city(
    text: str, start: int, end: int, city_at: int | None, g: Gazetteer, focus: Counter[str]
) -> Match | None:
    """The city of a landmark: the one named after "in", else one named inside it ("Baikonur Cosmodrome")."""
    names = []
    if city_at is not None:
        names.append(re.match(r"[\w’'-]+(?:-[\w]+)*", text[city_at:]).group(0))
    names.extend(text[start:end].split()[:-1][:1])
    for name in names:
        cities = [m for m in g.lookup(name, kinds=("city",)) if m.quality < 2]
        if cities:
            return max(cities, key=lambda m: score(m, Context(focus, Counter())))
    return None

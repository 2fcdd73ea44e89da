"""Where an event happened: the place its clause locates it in, else the narrative's.

The cascade (numbers repeated in the code), each step with ACLED's geo_precision:
1. a *locative* place mention in the event's clause ("in Almaty", "the Almaty
   airport"), nearest the trigger; a reference point ("near Almaty") only when
   nothing else is named; 1b. a locative name the gazetteer does not know
   ("clashes in Teska"): unknown, null, rather than another place of the article;
2. a scope word in the clause: "across the country", "throughout the republic",
   "nationwide" -> the document's main country (3); "the city", "local" -> the
   city the narrative is in: the last city named before the sentence (2);
3. a locative place elsewhere in the sentence;
4. strategic developments (decrees, deployments, appeals) are national: the
   document's main country (3);
5. the last locative place of the paragraph before the sentence (2 at best);
6. violence with no place in its paragraph: the narrative's city (2), the
   crisis country's city the article names most;
7. the crisis country (3): the country whose places the article names most;
   without one, null (a place named once in passing is no evidence).

A place name is not a location when it is the agent ("Moscow sent
paratroopers"), a possessor ("Russia's Sputnik news service"), half of a
hyphenated modifier ("the Moscow-led alliance") or the object of a preposition
that does not locate ("help from Moscow", "related to Kazakhstan").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import PlaceMention
from .views import char_span_bounds, column, entities, memoised, offsets, text_of

# ACLED geo_precision: 1 the place itself, 2 a nearby or containing named
# place, 3 only a region or the country.
PRECISE, NEARBY, REGIONAL = 1, 2, 3
FINE_KINDS = frozenset({"city", "site"})

# Prepositions whose object is not where the event happened: a source, a
# companion, a topic, a comparison ("help from Moscow", "talks with Russia").
NOT_LOCATING = frozenset(
    {"from", "with", "against", "about", "by", "like", "than", "between", "among", "for", "to", "towards", "toward"}
)

# Verbs of sending whose "to X" object is the destination, i.e. the event's place
# ("sent paratroopers to Kazakhstan", "troops were deployed to Almaty").
MOTION_VERBS = frozenset({"send", "deploy", "dispatch", "bring", "fly", "move", "transfer", "arrive", "go", "head"})

# "near Almaty": a reference point, weaker than the place named with "in".
REFERENCE_POINT = frozenset({"near", "outside", "around", "towards", "beyond"})

# Nouns that, with "the", "whole", "entire" or "across", mean the crisis country.
COUNTRY_WORDS = frozenset({"country", "nation", "republic"})
COUNTRY_ADVERBS = frozenset({"nationwide", "countrywide"})

# Nouns of an area: a place that owns one is where it is ("Kazakhstan's western region"),
# unlike a place that owns anything else ("Russia's Sputnik news service").
AREA_NOUNS = frozenset(
    {"region", "vicinity", "city", "capital", "province", "part", "north", "south", "east", "west",
     "border", "territory", "area", "district", "town", "village", "street", "coast", "outskirts", "centre", "center"}
)

# Nouns and modifiers that mean the city the narrative is in ("the city", "local city hall").
CITY_WORDS = frozenset({"city", "town"})
LOCAL_WORDS = frozenset({"local"})

# Every word a scope (`scope_in`) may hang on.
SCOPE_WORDS = COUNTRY_WORDS | COUNTRY_ADVERBS | CITY_WORDS | LOCAL_WORDS

# Determiners and modifiers that make a scope noun refer to one known place.
DEFINITE = frozenset({"the", "this", "whole", "entire", "complete", "all"})


def root_of(p: PlaceMention, doc: Doc) -> Token | None:
    """The syntactic root of a place mention's tokens.

    A mention's tokens are found by bisection in the offsets (`char_span` builds
    a Span to be asked its root), and a one-word name is its own root; asked of
    every place of the article."""
    if p.start >= p.end:  # spaCy's "expand" gives the token at an empty span's position
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None
    bounds = char_span_bounds(doc, p.start, p.end)
    if bounds is None or bounds[0] >= bounds[1]:
        return None
    start, end = bounds
    return doc[start] if end - start == 1 else doc[start:end].root


def is_locative(p: PlaceMention, doc: Doc) -> bool:
    """Whether a place mention names where something is, not who acts or whose it is.

    Asked of every place of the article for every event, so the answer is kept
    on the Doc, per mention."""
    known: dict[tuple[int, int], bool] = memoised(doc, "event_places.locative", lambda _: {})
    key = (p.start, p.end)
    if key not in known:
        known[key] = _is_locative(p, doc)
    return known[key]


def _is_locative(p: PlaceMention, doc: Doc) -> bool:
    text = text_of(doc)
    if p.end < len(text) and text[p.end] in "-‑":  # "Moscow-led"
        return False
    root = root_of(p, doc)
    if root is None:
        return True
    if root.dep_ == "nsubj" or root.dep_ == "poss" and root.head.lemma_ not in AREA_NOUNS:
        return False
    if root.dep_ == "pobj" and root.head.lower_ in NOT_LOCATING:
        return root.head.lower_ in ("to", "towards", "toward") and root.head.head.lemma_ in MOTION_VERBS
    return True


def is_reference_point(p: PlaceMention, doc: Doc) -> bool:
    root = root_of(p, doc)
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in REFERENCE_POINT


def nearest_locative(
    places: Sequence[PlaceMention], doc: Doc, pos: int, lo: int, hi: int
) -> PlaceMention | None:
    """1./3. The locative place inside [lo, hi) nearest `pos`; reference points last."""
    inside = [p for p in places if lo <= p.start and p.end <= hi and is_locative(p, doc)]
    if not inside:
        return None
    return min(inside, key=lambda p: (is_reference_point(p, doc), abs(p.start - pos)))


def is_definite(tok: Token) -> bool:
    return any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in tok.children) or (
        tok.head.lower_ in ("across", "throughout", "over")
    )


def scope_in(doc: Doc, lo: int, hi: int, places: Sequence[PlaceMention]) -> tuple[str, int] | None:
    """2. ('country', offset) when the clause speaks of the whole country, ('city', offset) of the city."""
    named = [(p.start, p.end) for p in places]
    bounds = char_span_bounds(doc, lo, hi)
    if bounds is None:
        return None
    # Read off the Doc's columns: only a scope word becomes a Token (this is
    # asked for every event, and a Token per word of its clause was most of it).
    # Its tag too is read off the Token: no other extractor reads the TAG column,
    # and building it for these few words was half of this function's cost.
    lower, at = column(doc, "LOWER"), offsets(doc)
    if SCOPE_WORDS.isdisjoint(lower[bounds[0] : bounds[1]]):
        return None  # most clauses: one set operation, not two loops over their words

    def unnamed(i: int) -> bool:
        return not any(s <= at[i] < e for s, e in named)  # "Republic Square" is a name

    for i in range(*bounds):
        if (lower[i] in COUNTRY_ADVERBS or (
            lower[i] in COUNTRY_WORDS and doc[i].tag_ in ("NN", "NNP") and is_definite(doc[i])
        )) and unnamed(i):
            return "country", at[i]
    for i in range(*bounds):
        if (lower[i] in LOCAL_WORDS or lower[i] in CITY_WORDS and doc[i].tag_ == "NN" and (
            is_definite(doc[i]) or any(c.lower_ in LOCAL_WORDS for c in doc[i].children)
        )) and unnamed(i):
            return "city", at[i]
    return None


def article_places(places: Sequence[PlaceMention], doc: Doc, document) -> list[PlaceMention]:
    """The resolved, locative place mentions of the article text (captions and agents left out)."""
    return [
        p for p in places
        if p.name and not document.in_boilerplate(p.start, p.end) and is_locative(p, doc)
    ]


def main_country(located: Sequence[PlaceMention]) -> PlaceMention | None:
    """The crisis country: the one whose places (cities included) the article locates things in most.

    Counting cities with their country keeps a report about Kazakhstan that
    often names Russia as an actor placed in Kazakhstan; ties go to the first named.
    """
    votes = Counter(p.country for p in located if p.country)
    if not votes:
        return None
    order = {c: i for i, c in reversed(list(enumerate(p.country for p in located)))}
    best = max(votes, key=lambda c: (votes[c], -order[c]))
    return next((p for p in located if p.country == best and p.kind == "country"), None)


def narrative_city(located: Sequence[PlaceMention], country: str | None, paragraph: tuple[int, int]) -> PlaceMention | None:
    """The city the narrative is in: the last one of the crisis country named earlier in the
    paragraph, else the one the article names most (ties: the first named)."""
    cities = [p for p in located if p.kind == "city" and (country is None or p.country == country)]
    earlier = [p for p in cities if paragraph[0] <= p.start < paragraph[1]]
    if earlier:
        return earlier[-1]
    if not cities or country is None:
        return None  # no crisis country: a city named in passing is no narrative
    votes = Counter(p.name for p in cities)
    best = max(votes, key=lambda n: votes[n])
    return next(p for p in cities if p.name == best)


def precision_of(p: PlaceMention) -> int:
    if p.kind in FINE_KINDS:
        return PRECISE
    if p.kind in ("admin1", "admin2"):
        return NEARBY
    return REGIONAL


# Prepositions that make a name the location of what happens ("in Teska", "near the border").
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "across", "throughout"}


def names_unknown_place(doc: Doc, bounds: tuple[int, int], places: Sequence[PlaceMention]) -> bool:
    """The clause says where ("clashes in Teska") but the gazetteer does not know the name.

    Falling back to another place of the article would then put the event
    somewhere it did not happen; unknown is null.
    """
    lo, hi = bounds
    for start, end, ent in place_entities(doc):
        if not (lo <= start and end <= hi):
            continue
        root = ent.root
        if root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        if not any(p.start < end and start < p.end for p in places):
            return True
    return False


def place_entities(doc: Doc) -> list[tuple[int, int, Span]]:
    """(start_char, end_char, entity) of the GPE and LOC entities, kept on the Doc.

    Asked for every event: reading every entity's label and offsets off its
    Span each time cost more than the rest of `names_unknown_place`."""
    return memoised(doc, "event_places.entities", lambda d: [
        (e.start_char, e.end_char, e) for e in entities(d) if e.label_ in ("GPE", "LOC")
    ])


@dataclass(frozen=True)
class Setting:
    """What every event of one article is placed against, found once per article."""

    places: Sequence[PlaceMention]  # every place mention, resolved or not
    usable: list[PlaceMention]  # those the gazetteer resolved
    located: list[PlaceMention]  # resolved, locative, in the article text (see `article_places`)
    country: PlaceMention | None  # the crisis country (see `main_country`)


def article_setting(places: Sequence[PlaceMention], doc: Doc, document) -> Setting:
    """The article's places as its events need them: computed per event, this was a
    fifth of the events extractor's time (every place checked against the boilerplate)."""
    usable = [p for p in places if p.name]
    located = article_places(usable, doc, document)
    return Setting(places, usable, located, main_country(located))


def event_place(
    *,
    trigger: Token,
    bounds: tuple[int, int],
    sent: Span,
    paragraph_start: int,
    setting: Setting,
    national: bool,
    violent: bool,
) -> tuple[PlaceMention | None, int | None]:
    """The event's place and geo_precision (see the module docstring)."""
    doc = sent.doc
    places, usable, located, country = setting.places, setting.usable, setting.located, setting.country
    pos = trigger.idx
    here = nearest_locative(usable, doc, pos, *bounds)  # 1.
    scope = scope_in(doc, *bounds, usable)  # 2.
    country_wide = scope is not None and scope[0] == "country" and country is not None
    if country_wide and (here is None or abs(scope[1] - pos) < abs(here.start - pos)):
        return country, REGIONAL
    if here is not None:
        return here, precision_of(here)
    if names_unknown_place(doc, bounds, places):  # 1b.
        return None, None
    if scope is not None and scope[0] == "city":
        in_sentence = [
            p for p in located
            if p.kind == "city" and sent.start_char <= p.start < sent.end_char
        ]
        city = in_sentence[0] if in_sentence else narrative_city(
            located, country and country.country, (paragraph_start, sent.start_char)
        )
        if city is not None:
            return city, NEARBY
    p = nearest_locative(usable, doc, pos, sent.start_char, sent.end_char)  # 3.
    if p is not None:
        return p, precision_of(p)
    if national and country is not None:  # 4.
        return country, REGIONAL
    before = [p for p in located if paragraph_start <= p.start < sent.start_char]  # 5.
    if before:
        p = before[-1]
        return p, max(NEARBY, precision_of(p))
    city = narrative_city(located, country and country.country, (paragraph_start, sent.start_char)) if violent else None
    if city is not None:  # 6.
        return city, NEARBY
    fallback = country  # 7.
    if fallback is not None:
        return fallback, REGIONAL
    return None, None

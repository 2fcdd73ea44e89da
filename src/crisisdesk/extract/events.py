"""Events: ACLED-coded event mentions, one per clause that reports one.

The cascade for one document (numbers repeated in the code):
1. decide whether the document is about a protest crisis (its crowd violence is
   `Riots`, its "clashes" violent demonstrations rather than battles);
2. per sentence outside boilerplate and the headline, run every registered rule
   of `event_rules.RULES` on the tokens whose lemma is in that rule's lexicon;
3. drop guesses whose clause does not report something that happened
   (`modality`: modal/future, plans, orders, requests, conditionals, denials,
   questions, opinions, hearsay, history, attributive nouns);
4. settle the sentence: weak guesses (unattributed gunfire, bare casualty
   counts) give way to the event that explains them; guesses of one event type
   on one clause chain merge into one event;
5. attach date, place (`event_places`) and fatalities from the places, times
   and claims extractors' facts (which may be empty: then the date comes only
   from the publication date rule and the place is null).

Dates follow the gold conventions: the time expression in the clause or its
sentence; else, for ongoing present-tense narration, the publication date;
else null (a past fact with no anchor is not given the publication date).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from spacy.tokens import Doc, Span, Token

from ..model import Claim, DocFacts, Event, TimeExpr
from ..nlp import Parsed
from ..registry import EXTRACTORS
from . import modality
from .event_places import Setting, article_setting, event_place
from .event_rules import (
    RULES,
    STRONG,
    WEAK,
    Guess,
    Rule,
    Scene,
    lemma,
    lexicon,
    resolve_pronoun,
)
from .event_rules.parse import dependents
from .paragraphs import paragraph_bounds
from .views import (
    char_bounds,
    column,
    flags,
    heads,
    lower_lemmas,
    memoised,
    sentence_bounds,
    text_of,
)

# Event types that are violence; a weak guess gives way to one of these.
VIOLENT_TYPES = frozenset(
    {
        "Battles",
        "Riots",
        "Protests",
        "Violence against civilians",
        "Explosions/Remote violence",
    }
)

# Event types that hurt people or property (a casualty count may be their toll).
HARM_TYPES = VIOLENT_TYPES - {"Protests"}

# Trigger lemmas of shooting; a two-sided fight in the same sentence absorbs them
# ("the protesters opened fire on the military, and ... a shootout ensued").
SHOOTING = frozenset({"shoot", "fire", "shot", "shooting", "gunfire", "open"})

# Strategic developments a government decides for its whole country (decrees,
# appeals, deployments): placed at the country unless their clause names a place.
NATIONAL_SUB_TYPES = frozenset({"Other", "Agreement", "Change to group/activity"})

# A heading line has at most this many words (scraped section titles are short).
HEADING_WORDS = 12

# A time expression within this many tokens of its sentence's start opens it
# ("Throughout January 5, ..." = 1, "On the night of January 6, ..." = 4).
FRAME_OPENING_TOKENS = 4

# Marks after which a new clause (and a framing adverbial) may start inside one parsed sentence.
CLAUSE_BREAKS = frozenset({"…", "...", ";", ":", "–", "—"})

# The first character that is not white space (`\S` is the complement of `str.isspace`).
NON_SPACE = re.compile(r"\S")

# Clause-internal dependents that start another clause (not part of this one's evidence).
OTHER_CLAUSE = frozenset({"conj", "parataxis"})


@lru_cache(maxsize=1)
def trigger_index() -> dict[str, tuple[Rule, ...]]:
    """lemma -> the rules it may trigger, in the order of `rules` in data/events.json.

    That order settles ties: of two equally confident readings of one word,
    the earlier rule's wins (see `settle`).
    """
    index: dict[str, list[Rule]] = {}
    for name, entry in lexicon()["rules"].items():
        rule = RULES.get(name)
        for word in entry["lemmas"]:
            index.setdefault(word, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def protest_lemmas() -> frozenset[str]:
    return frozenset(lexicon()["protest_context"]["lemmas"])


def is_protest_crisis(doc: Doc, parsed: Parsed) -> bool:
    """1. Whether the article text (not its boilerplate) speaks of protests or riots."""
    words = protest_lemmas()
    document = parsed.document
    return any(
        not document.in_boilerplate(t.idx, t.idx + len(t))
        for t in (doc[i] for i, word in enumerate(lower_lemmas(doc)) if word in words)
    )


def has_body(doc: Doc, document) -> bool:
    """Whether article text stands outside the headline (a one-line snippet or alert is all headline)."""
    title = document.title_span
    if title is None:
        return True
    return any(
        not (title[0] < sent.end_char and sent.start_char < title[1])
        and not document.in_boilerplate(sent.start_char, sent.end_char)
        and any(t.is_alpha for t in sent)
        for sent in doc.sents
    )


def skip_sentence(sent: Span, parsed: Parsed, *, body: bool = True) -> bool:
    """Boilerplate (captions, credits) and the headline carry no events.

    The headline repeats the story's lead, so its events would be counted
    twice; where there is no story beyond it (`body` false: a one-line
    snippet or news alert), the headline is the report.
    """
    document = parsed.document
    start, end = sent.start_char, sent.end_char
    if document.in_boilerplate(start, end):
        return True
    title = document.title_span
    return body and title is not None and title[0] < end and start < title[1]


def candidates(doc: Doc) -> list[tuple[int, tuple[Rule, ...]]]:
    """The tokens whose lemma (or lower-case form) is a trigger, with their rules, in text order.

    Found once per document on its columns of strings (kept in
    `Doc.user_data`), so only the few trigger words ever become tokens; a
    token is a candidate by its lower-case form too where the small model
    lemmatises wrongly ("raped" -> "rap").
    """

    def build(d: Doc) -> list[tuple[int, tuple[Rule, ...]]]:
        index, lemmas, lowers = trigger_index(), lower_lemmas(d), column(d, "LOWER")
        hits = sorted({i for i, w in enumerate(lemmas) if w in index} | {i for i, w in enumerate(lowers) if w in index})
        found = []
        for i in hits:
            rules = index.get(lemmas[i], ())
            if lowers[i] != lemmas[i]:
                rules += index.get(lowers[i], ())
            found.append((i, rules))
        return found

    return memoised(doc, "events.candidates", build)


def guesses_in(sent: Span, scene: Scene) -> Iterator[Guess]:
    """2. Every rule's reading of every candidate trigger in the sentence."""
    doc = sent.doc
    found = candidates(doc)
    for i, rules in found[bisect_left(found, sent.start, key=itemgetter(0)) :]:
        if i >= sent.end:
            break
        tok = doc[i]
        for rule in rules:
            guess = rule(tok, scene)
            if guess is not None:
                yield guess


def happened(g: Guess, published: str | None, years: list[int]) -> bool:
    """3. The clause reports something that happened (see modality.py)."""
    head = g.head
    if g.trigger.pos_ in ("NOUN", "PROPN") and modality.is_attributive(g.trigger):
        return False
    return not (
        modality.is_question(head)
        or modality.is_conditional(head)
        or modality.is_unrealised(head)
        or modality.is_denial(head)
        or modality.is_opinion(head)
        or modality.is_hearsay(head)
        or modality.is_historical(head, published=published, years=years)
    )


def is_above(a: Token, b: Token) -> bool:
    """Whether `a` is `b` or governs it."""
    return a.i == b.i or any(x.i == a.i for x in b.ancestors)


def own_object(verb: Token) -> Token | None:
    """The object or passive subject a verb has itself (not shared with a conjoined verb)."""
    return next(
        (c for dep, c in dependents(verb) if dep in ("dobj", "nsubjpass", "attr")), None
    )


def are_separate(a: Guess, b: Guess) -> bool:
    """Two conjoined verbs of different rules, each with its own object, are two events.

    "set city halls ablaze and briefly took over the Almaty airport" is two;
    "was taken by storm and plundered by looters" (one building) is one.
    """
    if a.rule == b.rule or a.head.i == b.head.i:
        return False
    linked = (
        b.head.dep_ == "conj"
        and b.head.head.i == a.head.i
        or a.head.dep_ == "conj"
        and a.head.head.i == b.head.i
    )
    return linked and own_object(a.head) is not None and own_object(b.head) is not None


def settle(found: list[Guess]) -> list[list[Guess]]:
    """4. Resolve the guesses of one sentence into events (each a group of guesses).

    a. a weak guess gives way to any other violent guess in the sentence;
    b. a strong (two-sided) battle absorbs shooting guesses of other types;
    c. guesses of one event type whose clause heads are on one chain merge,
       unless they are conjoined verbs with objects of their own (`are_separate`).
    """
    violent_strong = [
        g for g in found if g.strength > WEAK and g.event_type in VIOLENT_TYPES
    ]
    kept = [g for g in found if g.strength > WEAK or not violent_strong]  # a.
    best_on: dict[int, Guess] = {}
    for g in kept:  # one reading per trigger word: the most confident rule's
        if g.trigger.i not in best_on or g.confidence > best_on[g.trigger.i].confidence:
            best_on[g.trigger.i] = g
    kept = [g for g in kept if best_on[g.trigger.i] is g]
    if any(g.strength == STRONG for g in kept):  # b.
        kept = [
            g
            for g in kept
            if g.strength == STRONG
            or lemma(g.trigger) not in SHOOTING
            or g.event_type not in VIOLENT_TYPES
        ]
    groups: list[list[Guess]] = []
    for g in sorted(kept, key=lambda x: -x.confidence):  # c.
        for group in groups:
            lead = group[0]
            same_chain = is_above(lead.head, g.head) or is_above(g.head, lead.head)
            if lead.event_type == g.event_type and (
                same_chain
                and not are_separate(lead, g)
                or lead.trigger.i == g.trigger.i
            ):
                group.append(g)
                break
        else:
            groups.append([g])
    return groups


def clause_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of the clause a head governs, without its conjoined clauses.

    The clause is the head's subtree less its conjoined verbs' subtrees, its
    outer punctuation and conjunctions trimmed: only its first and last other
    word matter.  They are found from the ends of the head's edges (which bound
    its subtree) inward, on the heads column; walking the whole clause through
    `Token.children` made a Token per word of it, for every event.
    """
    doc = head.doc
    cut = {c.i for dep, c in dependents(head) if dep in OTHER_CLAUSE and c.pos_ in ("VERB", "AUX")}
    inside = in_subtree(heads(doc), head.i, cut)
    punct = flags(doc, "IS_PUNCT")

    def plain(i: int) -> bool:
        return inside(i) and not (punct[i] or doc[i].dep_ == "cc")

    lo, hi = head.left_edge.i, head.right_edge.i
    first = next((i for i in range(lo, hi + 1) if plain(i)), None)
    if first is None:  # nothing but punctuation and conjunctions: trimming keeps the last word
        first = last = next(i for i in range(hi, lo - 1, -1) if inside(i))
    else:
        last = next(i for i in range(hi, first - 1, -1) if plain(i))
    return char_bounds(doc, first, last + 1)


def in_subtree(up: list[int], head: int, cut: set[int]) -> Callable[[int], bool]:
    """Whether a position's chain of heads reaches `head` without passing a position in `cut`.

    Each answer is kept for every position on the chain climbed, so a
    position is climbed through once."""
    member = {head: True} | dict.fromkeys(cut, False)

    def test(i: int) -> bool:
        path = []
        while i not in member:
            path.append(i)
            if up[i] == i:  # a root that is not the head
                member[i] = False
                break
            i = up[i]
        answer = member[i]
        for j in path:
            member[j] = answer
        return answer

    return test


def evidence_bounds(group: list[Guess]) -> tuple[int, int]:
    bounds = [clause_bounds(g.head) for g in group]
    return min(b[0] for b in bounds), max(b[1] for b in bounds)


def finite_verb(head: Token) -> Token:
    """The tensed verb a clause hangs on: "continue" in "protesters continue to demand"."""
    verb = head
    while (
        verb.dep_ in ("xcomp", "conj")
        and verb.tag_ in ("VB", "VBG", "VBN")
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        verb = verb.head
    return verb


def is_ongoing(head: Token) -> bool:
    """Present or present-progressive narration ("Shootings are going on", "is being prepared").

    Present perfect ("has been declared"), past tenses and evaluative copulas
    ("the fall of the monument is very symbolic") are not ongoing.
    """
    verb = finite_verb(head)
    auxes = [c for dep, c in dependents(verb) if dep in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "had", "was", "were", "did") for a in auxes):
        return False
    if verb.lemma_ == "be" and not any(dep == "expl" for dep, _ in dependents(verb)):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ in ("VBG", "VBN") and any(
        a.lower_ in ("is", "are", "am") for a in auxes
    )


def governs(t: TimeExpr, head: Token) -> bool:
    """Whether a time expression modifies the event's clause or a clause above it.

    "On the night of January 6, X said that they decided to send forces": the
    date on "said" scopes over "send"; "in those regions where protests erupted
    on January 2, power has passed" does not date the passing.
    """
    doc = head.doc
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    anchor = governing_verb_of(span.root)
    return (
        anchor.i == head.i
        or any(a.i == anchor.i for a in head.ancestors)
        or anchor.sent.root.i == anchor.i
        and head.sent.root.i == anchor.i
    )


def governing_verb_of(tok: Token) -> Token:
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def event_date(
    g: Guess, sent: Span, times: Sequence[TimeExpr], document
) -> tuple[str | None, str | None]:
    """5a. When the event happened.

    1. the time expressions that govern the clause (in it, or on a verb above
       it); of several, the earliest, since an event is dated by its start
       ("in the evening of January 5 and in the morning of January 6");
    2. ongoing present-tense narration: the publication date;
    3. simple-past narration under a framing time: a sentence-opening time
       adverbial ("On the night of January 6, ...", "Throughout January 5, ...")
       dates the rest of its paragraph, and the rest of its section when it
       opens the section's first paragraph;
    4. else null: a past fact with no anchor is not given the publication date.
    """
    published = document.published
    in_sent = [
        t for t in times if sent.start_char <= t.start and t.end <= sent.end_char
    ]
    governing = [t for t in in_sent if governs(t, g.head)]  # 1.
    if governing:
        first = min(governing, key=lambda t: t.value)
        return first.value, first.precision
    if published and is_ongoing(g.head):  # 2.
        return published, "day"
    if is_simple_past(g.head):  # 3.
        frame = framing_time(sent, times, document)
        if frame is not None:
            return frame.value, frame.precision
    return None, None


def is_simple_past(head: Token) -> bool:
    """'set', 'was pulled down', 'were thrown' (not 'has been', 'had been', not present)."""
    verb = finite_verb(head)
    auxes = [c.lower_ for dep, c in dependents(verb) if dep in ("aux", "auxpass")]
    if any(a in ("has", "have", "had", "will", "would") for a in auxes):
        return False
    return (
        verb.tag_ == "VBD"
        or verb.tag_ == "VBN"
        and any(a in ("was", "were") for a in auxes)
    )


def is_heading(line: str) -> bool:
    """A section heading: a short line without a closing full stop.

    Words are counted only up to one past the limit: a paragraph line is
    asked too, and splitting all its words was most of this question's cost."""
    line = line.strip()
    return 0 < len(line.split(None, HEADING_WORDS)) <= HEADING_WORDS and not line.endswith(
        (".", "…", "”", '"', ":", ";")
    )


def section_start(text: str, pos: int) -> int | None:
    """Where the section holding `pos` starts: the end of the last heading line before it, else None.

    Walks back line by line from `pos` (the start of a paragraph): splitting the
    whole text before it into lines, for every event dated by its section, cost
    more than the walk."""
    end = pos
    while True:
        start = text.rfind("\n", 0, end) + 1
        if is_heading(text[start:end]):
            return end
        if start == 0:
            return None
        end = start - 1


def opens_clause(t: TimeExpr, doc: Doc) -> bool:
    """Whether a time adverbial opens its sentence or clause ("Throughout January 5, clashes ...").

    The adverbial's preposition (or its first word) stands at the sentence start,
    within a few tokens of it, or right after a clause-ending mark ("... intensified … Throughout").
    """
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    first = span[0]
    if span.root.head.pos_ == "ADP" and span.root.head.i < first.i:
        first = span.root.head
    if first.i - span.sent.start <= FRAME_OPENING_TOKENS:
        return True
    return first.i > 0 and doc[first.i - 1].text in CLAUSE_BREAKS


def is_frame(t: TimeExpr, doc: Doc, document) -> bool:
    """A framing time: opens its clause, names a day or days, lies in the article text.

    Asked of every earlier time for every simple-past event, so the answer is kept
    on the Doc, by what it depends on: hashing the whole TimeExpr (every field)
    for each lookup cost more than the lookup saved."""
    known = memoised(doc, "events.frames", lambda d: {})
    key = (t.start, t.end, t.precision)
    if key not in known:
        known[key] = (
            t.precision in ("day", "days")
            and not document.in_boilerplate(t.start, t.end)
            and opens_clause(t, doc)
        )
    return known[key]


def framing_time(sent: Span, times: Sequence[TimeExpr], document) -> TimeExpr | None:
    """The framing time that scopes a sentence: its paragraph's, else its section's (see event_date 3.)."""
    doc, text = sent.doc, document.text
    p_lo, _ = paragraph_bounds(text, sent.start_char)
    frames = [
        t for t in times if t.end <= sent.start_char and is_frame(t, doc, document)
    ]
    in_paragraph = [t for t in frames if t.start >= p_lo]
    if in_paragraph:
        return max(in_paragraph, key=lambda t: t.start)
    # the section: back to the previous heading line; its first paragraph's frame
    start = section_start(text, p_lo)
    if start is None:
        return None
    first = NON_SPACE.search(text, start)  # the first paragraph's first character
    first_lo = first.start() if first else len(text)
    _, first_hi = paragraph_bounds(text, first_lo)
    opening = [t for t in frames if first_lo <= t.start < first_hi]
    return opening[0] if opening else None


def event_fatalities(
    bounds: tuple[int, int], sent: Span, claims: Sequence[Claim], lone_in_sentence: bool
) -> int | None:
    """5c. The killed count the clause states (or its sentence, when it holds one event)."""
    killed = [
        c
        for c in claims
        if c.category == "killed" and (c.low is not None or c.high is not None)
    ]
    spans = [bounds] + ([(sent.start_char, sent.end_char)] if lone_in_sentence else [])
    for lo, hi in spans:
        for c in killed:
            if c.start < hi and lo < c.end:
                return c.low if c.low is not None else c.high
    return None


def actor_text(tok: Token | None) -> str | None:
    """The words naming an actor (a pronoun's antecedent), for the resolver to map to an actor id."""
    if tok is None:
        return None
    tok = resolve_pronoun(tok) if tok.pos_ == "PRON" else tok
    if tok is None:
        return None
    left = min(
        (
            c.i
            for dep, c in dependents(tok)
            if dep in ("det", "amod", "compound", "nummod", "poss")
        ),
        default=tok.i,
    )
    # the characters from the first word to the end of the noun (`Span.text` makes a Token per word)
    start, end = char_bounds(tok.doc, left, tok.i + 1)
    return text_of(tok.doc)[start:end]


def years_in(times: Sequence[TimeExpr], lo: int, hi: int) -> list[int]:
    return [
        int(t.value[:4])
        for t in times
        if lo <= t.start and t.end <= hi and t.value[:4].isdigit()
    ]


@dataclass(frozen=True)
class Settled:
    """One event of a sentence before its facts are attached."""

    group: tuple[Guess, ...]
    sent: Span


@EXTRACTORS.register(
    "events", example="Several administrative buildings in Almaty were set on fire"
)
def events(parsed: Parsed, *, facts: DocFacts) -> Iterator[Event]:
    """Yield the ACLED-coded events a document reports (see the module docstring)."""
    doc, document = parsed.doc, parsed.document
    scene_ctx = is_protest_crisis(doc, parsed)  # 1.
    published = document.published
    settled = []
    body = has_body(doc, document)
    triggers = [i for i, _ in candidates(doc)]
    for start, end in sentence_bounds(doc):
        n = bisect_left(triggers, start)
        if n == len(triggers) or triggers[n] >= end:
            continue  # no trigger word, so no guess: most sentences end here without a Span
        sent = doc[start:end]
        if skip_sentence(sent, parsed, body=body):
            continue
        scene = Scene(sent=sent, protest_context=scene_ctx)
        years = years_in(facts.times, sent.start_char, sent.end_char)
        found = [
            g for g in guesses_in(sent, scene) if happened(g, published, years)
        ]  # 2. 3.
        for group in settle(found):  # 4.
            settled.append(Settled(tuple(group), sent))
    harmful_sentences = {
        item.sent.start
        for item in settled
        if item.group[0].event_type in HARM_TYPES and item.group[0].strength > WEAK
    }
    setting = article_setting(facts.places, doc, document)
    for item in settled:
        if is_toll_of_previous(item, harmful_sentences, doc, document.text):
            continue
        yield make_event(item, parsed, facts, settled, setting)


def is_toll_of_previous(
    item: Settled, harmful_sentences: set[int], doc: Doc, text: str
) -> bool:
    """A bare casualty count right after a violent sentence of its paragraph is that event's toll.

    "protesters began to shoot at law enforcement officers. 13 security
    officials were killed" reports one event, not two.
    """
    lead = item.group[0]
    if (
        lead.strength != WEAK
        or lead.rule != RULES.qualified("killed")
        or item.sent.start == 0
    ):
        return False
    previous = doc[item.sent.start - 1].sent
    same_paragraph = (
        paragraph_bounds(text, previous.start_char)[0]
        == paragraph_bounds(text, item.sent.start_char)[0]
    )
    return same_paragraph and previous.start in harmful_sentences


def make_event(
    item: Settled,
    parsed: Parsed,
    facts: DocFacts,
    settled: list[Settled],
    setting: Setting,
) -> Event:
    """5. An Event row from a settled group: evidence span, date, place, fatalities, actors."""
    lead = item.group[0]
    bounds = evidence_bounds(list(item.group))
    date, precision = event_date(lead, item.sent, facts.times, parsed.document)
    place, geo = event_place(
        trigger=lead.trigger,
        bounds=bounds,
        sent=item.sent,
        paragraph_start=paragraph_bounds(parsed.document.text, item.sent.start_char)[0],
        setting=setting,
        national=lead.event_type == "Strategic developments"
        and lead.sub_event_type in NATIONAL_SUB_TYPES,
        violent=lead.event_type in HARM_TYPES,
    )
    lone = (
        sum(
            1
            for s in settled
            if s.sent.start == item.sent.start
            and s.group[0].event_type in VIOLENT_TYPES
        )
        == 1
    )
    a1 = next((g.actor1 for g in item.group if g.actor1 is not None), None)
    a2 = next((g.actor2 for g in item.group if g.actor2 is not None), None)
    return Event(
        doc=parsed.document.id,
        start=bounds[0],
        end=bounds[1],
        event_type=lead.event_type,
        sub_event_type=lead.sub_event_type,
        date=date,
        date_precision=precision,
        place_text=place.text if place else None,
        actor1_text=actor_text(a1),
        actor2_text=actor_text(a2),
        fatalities=event_fatalities(bounds, item.sent, facts.claims, lone)
        if lead.event_type in VIOLENT_TYPES
        else None,
        rule=lead.rule,
        confidence=lead.confidence,
        geo_precision=geo,
        place_start=place.start if place else None,
        place_end=place.end if place else None,
    )

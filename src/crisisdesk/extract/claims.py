"""Numeric claims: how many were killed, injured, detained, deployed, and who says so.

For each stated quantity outside boilerplate (`numbers.find_quantities`) the
extractor asks the parse what the number counts and what happened to it.  The
rules below are tried in order; the first that finds a category makes the claim
and names itself in `Claim.rule`:

1. verb-after:  the number (or its noun phrase) is followed by a categorised
   verb or participle ("353 were injured", "13 killed", "13 people killed in
   clashes"): robust where the parser errs on lists;
2. verb-head:   the number's noun is the subject, object or passive agent of a
   categorised verb ("police detained 2,000 people", "attacked by 20 thousand militants");
3. event-noun:  a noun names what happened ("the death of two servicemen",
   "26 deaths", "the death toll rose to 26");
4. counted-noun: the noun is itself a category ("about 200 protesters", "100,000 troops");
5. crowd-of:    "a crowd of 5,000 people".

A quantity no rule ties to a category is not a claim: this is what keeps out
populations ("19 million people"), memberships ("five ex-Soviet states") and
counts of buildings.  Dates, times, ages, money and article numbers never become
quantities (numbers.is_not_a_count).

`subject` is the counted noun phrase as written; a bare or partitive number
("more than 350 were wounded", "two of them") takes the subject of the claim
before it in the sentence.  `source_text` comes from `attribution.attribute`,
`hedged` from hedge words around the verb, the speech verb ("claimed") or an
opening "There were reports that ..." earlier in the paragraph; `as_of` is the
value of the time expression of the same sentence (its end for a span).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ..model import Claim, DocFacts, TimeExpr
from ..nlp import Parsed
from ..registry import EXTRACTORS, Registry
from . import attribution
from .numbers import Quantity, find_quantities, quantity_starts
from .paragraphs import paragraph_bounds
from .spans import overlap_test
from .views import char_bounds, sentence_bounds

RULES = Registry("claims")

# Dependencies by which a noun is what a verb did something to (or who did it).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "oprd", "attr"})
# Words that may stand between a counted noun and its verb: "were reportedly killed".
BRIDGE_DEPS = frozenset({"aux", "auxpass", "advmod", "neg"})
# Dependents of the verb's ancestors that may hold a hedge word ("reportedly").
HEDGE_DEPS = BRIDGE_DEPS | {"ROOT"}
BRIDGE_WORDS = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "be", "being", "also",
                          "reportedly", "allegedly", "already", "later", "then", "not", "all", "subsequently"})
# Prepositions that take a quantity as object: "detained between 20 and 30 people".
QUANTITY_PREPOSITIONS = frozenset({"between"})
# Verb categories that say less than a category noun: "hundreds of protesters
# stormed the building" counts protesters, "100 troops attacked" counts troops;
# casualty and arrest verbs always win ("20 militants were killed" is killed).
WEAK_VERB_CATEGORIES = frozenset({"attackers", "protesters", "deployed"})
# Clauses of their own: a time inside one dates that clause, not the claim.
OTHER_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "pcomp", "conj"})
# Dependents that belong to the sentence, not to what is counted.
NOT_PART_OF_SUBJECT = frozenset({"relcl", "acl", "appos", "advcl", "conj", "cc", "punct", "det", "predet", "nummod",
                                 "quantmod", "case"})
SUBJECT_PREPOSITIONS = frozenset({"of", "in", "from"})
# Where the counted are is the place's business, not part of what is counted:
# "protesters in the city" counts protesters.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset({"city", "country", "capital", "region", "town", "square", "street", "province",
                         "republic", "area", "district", "village", "oblast"})

# How sure each rule is, from how often its kind of match was right on the
# development texts: a verb next to the number is nearly always the fact;
# a bare noun count ("100,000 troops") can be context rather than the crisis.
CONFIDENCE = {
    "verb-after": 0.85,
    "verb-head": 0.8,
    "event-noun": 0.8,
    "counted-noun": 0.7,
    "crowd-of": 0.7,
}
# An inherited subject ("two of them") or an elided one is less certain.
INHERITED_SUBJECT_PENALTY = 0.1


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # word -> category
    event_nouns: dict[str, str]
    counted_nouns: dict[str, str]
    containers: frozenset[str]
    crowds: frozenset[str]
    persons: frozenset[str]
    partitives: frozenset[str]
    hedges: frozenset[str]
    hedge_openers: tuple[str, ...]
    opener_length: int  # characters of the longest hedge opener
    linking: frozenset[str]


def _inverted(table: dict) -> dict[str, str]:
    return {w: cat for cat, words in table.items() if not cat.startswith("_") for w in words}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists of data/claims.json, read once."""
    data = json.loads((resources.files("crisisdesk") / "data" / "claims.json").read_text(encoding="utf-8"))
    return Lexicon(
        verbs=_inverted(data["verbs"]),
        event_nouns=_inverted(data["event_nouns"]),
        counted_nouns=_inverted(data["counted_nouns"]),
        containers=frozenset(data["container_nouns"]["words"]),
        crowds=frozenset(data["crowd_nouns"]["words"]),
        persons=frozenset(data["person_nouns"]["words"]),
        partitives=frozenset(data["partitive_pronouns"]["words"]),
        hedges=frozenset(data["hedges"]["words"]),
        hedge_openers=tuple(data["hedge_openers"]["phrases"]),
        opener_length=max(map(len, data["hedge_openers"]["phrases"])),
        linking=frozenset(data["linking_verbs"]["words"]),
    )


def _word_in(tok: Token, table) -> str | None:
    """The table entry for a token by lower-case form or lemma."""
    for key in (tok.lower_, tok.lemma_.lower()):
        if key in table:
            return table[key] if isinstance(table, dict) else key
    return None


@dataclass(frozen=True)
class Counted:
    """A quantity and what the parse says it counts."""

    quantity: Quantity
    root: Token  # the quantity's syntactic head
    noun: Token | None  # the counted noun ("officers" in "13 officers", "participants" in "dozens of participants")
    phrase: Token  # the token that plays the noun phrase's role in the clause
    partitive: bool  # "two of them": the noun is a pronoun standing for an earlier subject
    of_known_set: bool = False  # "one of the protesters": a member of a set, not a count of it


@dataclass(frozen=True)
class Binding:
    """What a rule found: the category and the word that gave it."""

    category: str
    cue: Token


def counted(sent: Span, q: Quantity) -> Counted:
    """Find the root of a quantity and the noun it counts."""
    doc = sent.doc
    tokens = [doc[i] for i in range(q.start, q.end)]
    inside = {t.i for t in tokens}
    numeric = [t for t in tokens if t.like_num or t.lower_ in ("dozens", "hundreds", "thousands", "dozen")]
    root = next((t for t in numeric if t.head.i not in inside or t.head == t), numeric[-1] if numeric else tokens[-1])
    lex = lexicon()
    of_objects = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of_objects:
        noun = of_objects[0]
        return Counted(q, root, noun, root, noun.lower_ in lex.partitives, is_member_of_known_set(noun))
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN", "ADJ") \
            and root.head.i not in inside:
        return Counted(q, root, root.head, root.head, False)
    return Counted(q, root, None, root, False)


def is_member_of_known_set(noun: Token) -> bool:
    """"one of the protesters": a number out of a set named before, not a count of the set."""
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children)


def _is_countable_by_verb(c: Counted) -> bool:
    """Whether a casualty/arrest verb may count this: people, a category noun, or a bare number."""
    if c.noun is None or c.partitive:
        return True
    lex = lexicon()
    return bool(_word_in(c.noun, lex.persons) or _word_in(c.noun, lex.counted_nouns) or c.noun.ent_type_ == "NORP")


def _right_edge(tok: Token, sent: Span) -> int:
    """The last token of a noun phrase, without trailing clauses."""
    edge = tok.i
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl"):
            break
        edge = max(edge, max(t.i for t in child.subtree))
    return min(edge, sent.end - 1)


def _categorised(tok: Token) -> str | None:
    return _word_in(tok, lexicon().verbs) if tok.pos_ in ("VERB", "ADJ", "AUX") or tok.tag_ in ("VBN", "VBD") else None


def _verb_binding(c: Counted, verb: Token) -> Binding | None:
    """The verb's category, unless a weak verb meets a noun that says more."""
    category = _categorised(verb)
    if category is None:
        return None
    if category in WEAK_VERB_CATEGORIES and c.noun is not None and _word_in(c.noun, lexicon().counted_nouns):
        return None
    return Binding(category, verb)


@RULES.register("verb-after", example="13 security officials were killed, two of them were beheaded, more than 350 were wounded.")
def verb_after(c: Counted, sent: Span) -> Binding | None:
    """1. A categorised verb right after the counted phrase, across auxiliaries and hedges."""
    if not _is_countable_by_verb(c):
        return None
    doc = sent.doc
    i = _right_edge(c.phrase, sent) + 1
    lex = lexicon()
    while i < sent.end and (doc[i].lower_ in BRIDGE_WORDS or doc[i].dep_ in BRIDGE_DEPS and doc[i].pos_ == "ADV"):
        if doc[i].dep_ == "neg" or doc[i].lower_ == "not":
            return None
        i += 1
    if i < sent.end and _word_in(doc[i], lex.linking) and i + 1 < sent.end and _categorised(doc[i + 1]):
        i += 1
    return _verb_binding(c, doc[i]) if i < sent.end else None


def _is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


@RULES.register("verb-head", example="Police detained 2,000 people in the capital.")
def verb_head(c: Counted, sent: Span) -> Binding | None:
    """2. The counted phrase is the subject, object or agent of a categorised verb."""
    if not _is_countable_by_verb(c):
        return None
    tok = c.phrase
    verb = None
    if tok.dep_ in SUBJECT_DEPS | OBJECT_DEPS:
        verb = tok.head
    elif tok.dep_ == "pobj" and (tok.head.dep_ == "agent" or tok.head.lower_ in QUANTITY_PREPOSITIONS):
        verb = tok.head.head
    if verb is None or _is_negated(verb):
        return None
    return _verb_binding(c, verb)


@RULES.register("event-noun", example="It became known about the death of two Kazakh servicemen during the battles.")
def event_noun(c: Counted, sent: Span) -> Binding | None:
    """3. A noun that names what happened: "death of N", "N deaths", "the death toll rose to N"."""
    events = lexicon().event_nouns
    tok = c.phrase
    if c.noun is not None and _word_in(c.noun, events) and not c.partitive:  # "26 deaths", "13 dead"
        return Binding(_word_in(c.noun, events), c.noun)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _word_in(tok.head.head, events):  # "the death of two"
        return Binding(_word_in(tok.head.head, events), tok.head.head)
    if c.noun is None:  # "the death toll rose to 26", "the toll stands at 26"
        for ancestor in tok.ancestors:
            if ancestor.pos_ in ("VERB", "AUX"):
                subjects = [s for s in ancestor.children if s.dep_ in SUBJECT_DEPS]
                if subjects and subjects[0].lemma_.lower() == "toll":
                    return Binding("killed", subjects[0])
                break
    return None


@RULES.register("counted-noun", example="Earlier, shots were fired as police surrounded a group of about 200 protesters.")
def counted_noun(c: Counted, sent: Span) -> Binding | None:
    """4. The counted noun is itself a category; a container noun counts its complement."""
    if c.noun is None or c.partitive or c.of_known_set or c.quantity.high == 1:
        return None
    lex = lexicon()
    found = _word_in(c.noun, lex.counted_nouns)
    if found:
        return Binding(found, c.noun)
    if _word_in(c.noun, lex.containers):
        for child in c.noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for inner in child.subtree:
                    if _word_in(inner, lex.counted_nouns):
                        return Binding(_word_in(inner, lex.counted_nouns), inner)
    return None


@RULES.register("crowd-of", example="A crowd of 5,000 people filled the square in front of the city hall.")
def crowd_of(c: Counted, sent: Span) -> Binding | None:
    """5. The number counts the people of a crowd or rally."""
    tok = c.phrase
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _word_in(tok.head.head, lexicon().crowds):
        return Binding("protesters", tok.head.head)
    return None


def _is_place_or_other_prep(child: Token) -> bool:
    """A prepositional dependent that is not part of what is counted."""
    if child.dep_ != "prep":
        return False
    if child.lower_ not in SUBJECT_PREPOSITIONS:
        return True
    objects = [g for g in child.children if g.dep_ == "pobj"]
    return any(o.ent_type_ in PLACE_LABELS or o.lemma_.lower() in PLACE_NOUNS for o in objects)


def subject_text(noun: Token, q: Quantity) -> str | None:
    """The counted noun phrase as written, without numbers, articles or clauses."""
    keep = {noun.i}
    stack = [c for c in noun.children if c.dep_ not in NOT_PART_OF_SUBJECT and not _is_place_or_other_prep(c)
             and c.i not in range(q.start, q.end)]
    while stack:
        tok = stack.pop()
        if q.start <= tok.i < q.end or tok.dep_ in ("punct", "relcl", "appos"):
            continue
        keep.add(tok.i)
        stack.extend(tok.children)
    if noun.i < q.start:  # "dozens of participants": the phrase starts at the noun
        keep = {i for i in keep if i >= noun.i}
    doc = noun.doc
    words = [doc[i] for i in sorted(keep) if not doc[i].is_punct]
    while words and words[0].dep_ in ("det", "predet"):
        words = words[1:]
    text = "".join(t.text_with_ws for t in words).strip()
    return text or None


def is_hedged(c: Counted, cue: Token, sent: Span, opened: bool) -> bool:
    """Whether the text itself doubts the figure: hedge words by the verb, or an open report."""
    if opened:
        return True
    hedges = lexicon().hedges
    near = list(cue.children) + [cue] + [t for a in cue.ancestors for t in (a, *a.children) if t.dep_ in HEDGE_DEPS or t == a]
    near += list(sent.doc[c.quantity.start : c.quantity.end])
    return any(_word_in(t, hedges) for t in near)


def opens_report(sentence: str) -> bool:
    """Whether a sentence (its text) opens an unattributed report: "There were also reports that ...".

    Only as many characters are lowered as the longest opener has: `str.lower`
    maps each character on its own into one or more (but for the final sigma,
    which no opener holds), and lowering every sentence in full was half of the
    extractor's walk over the sentences."""
    lex = lexicon()
    start = sentence.lstrip(" –—-\"“")[: lex.opener_length].lower()
    return start.startswith(lex.hedge_openers)


def _in_claim_clause(tok: Token, cue: Token) -> bool:
    """Whether `tok` hangs from the claim's clause, not from another clause of the
    sentence ("... 100,000 troops, in what could be plans for an invasion as soon
    as this month": "this month" dates the invasion, not the troops)."""
    above = {cue.i, *(a.i for a in cue.ancestors)}
    for node in (tok, *tok.ancestors):
        if node.i in above:
            return True
        if node.dep_ in OTHER_CLAUSE_DEPS:
            return False
    return True


def as_of(sent: Span, cue: Token, times: list[TimeExpr]) -> str | None:
    """The value of the time expression of the claim's clause nearest the number (a span's end)."""
    inside = []
    for t in times:
        if sent.start_char <= t.start and t.end <= sent.end_char:
            words = sent.doc.char_span(t.start, t.end, alignment_mode="expand")
            if words is not None and _in_claim_clause(words.root, cue):
                inside.append(t)
    if not inside:
        return None
    nearest = min(inside, key=lambda t: abs(t.start - cue.idx))
    return nearest.value.split("/")[-1]


def _span(c: Counted, cue: Token, subject_head: Token | None, sent: Span) -> tuple[int, int]:
    doc = sent.doc
    lo = min(c.quantity.start, cue.i, subject_head.i if subject_head is not None else c.quantity.start)
    hi = max(c.quantity.end - 1, cue.i, _right_edge(subject_head, sent) if subject_head is not None else 0)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


@EXTRACTORS.register("claims", example="26 people were killed last night, according to the Ministry of Internal Affairs.")
def claims(parsed: Parsed, *, facts: DocFacts) -> Iterator[Claim]:
    """Every numeric claim of one document, in text order."""
    document, doc = parsed.document, parsed.doc
    text, in_boilerplate = document.text, overlap_test(document.boilerplate)
    numbers = quantity_starts(doc)
    report_paragraph = None  # the paragraph an opening "There were reports that" hedges
    for first, stop in sentence_bounds(doc):  # bounds, not Spans: few sentences state a number
        start_char, end_char = char_bounds(doc, first, stop)
        if in_boilerplate(start_char, end_char):
            continue
        # A report stays open to the end of its paragraph or an "according to X":
        # both asked only while one is open, since asked of every sentence the
        # paragraph and "according to" were a sixth of the extractor.
        if opens_report(text[start_char:end_char]):
            report_paragraph = paragraph_bounds(text, start_char)[0]
        elif report_paragraph is not None and (paragraph_bounds(text, start_char)[0] != report_paragraph
                                               or attribution.credits_source(doc[first:stop])):
            report_paragraph = None
        if bisect_left(numbers, stop) == bisect_left(numbers, first):  # no quantity can start here
            continue
        sent = doc[first:stop]
        previous_subject: str | None = None
        for q in find_quantities(sent):
            q = Quantity(q.start + sent.start, q.end + sent.start, q.low, q.high, q.qualifier)
            c = counted(sent, q)
            binding, rule = None, ""
            for entry in RULES.entries():
                binding = entry.func(c, sent)
                if binding is not None:
                    rule = entry.name
                    break
            if binding is None:
                continue
            start, end = _span(c, binding.cue, None if c.partitive else c.noun, sent)
            if in_boilerplate(start, end):
                continue
            inherited = c.noun is None or c.partitive
            subject = previous_subject if inherited else subject_text(c.noun, q)
            previous_subject = subject or previous_subject
            credited = attribution.attribute(c.root)
            confidence = CONFIDENCE[rule] - (INHERITED_SUBJECT_PENALTY if inherited else 0.0)
            yield Claim(
                doc=document.id,
                start=start,
                end=end,
                category=binding.category,
                subject=subject,
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                as_of=as_of(sent, binding.cue, facts.times),
                source_text=credited.source_text if credited else None,
                # An open report is this sentence's paragraph's (see above).
                hedged=is_hedged(c, binding.cue, sent, report_paragraph is not None) or bool(credited and credited.hedged),
                rule=RULES.qualified(rule),
                confidence=round(confidence, 2),
            )

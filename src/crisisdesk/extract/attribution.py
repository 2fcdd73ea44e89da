"""Who the text credits for a statement: "according to X", "X reported", "X said".

Given any token of a statement, `attribute` returns the actor the text credits
for it as the text words it, or None when the outlet says it on its own
authority.  Claims use it for `source_text`; quotes can use it for speakers.

Cascade, cheapest reliable signal first:
1. "according to X" in the same sentence ("according to the Ministry of Health");
2. a speech or report verb governing the statement: its subject ("RIA Novosti
   reported that ...", "..., the ministry said") or its passive agent ("as
   reported by Tass");
3. a direct quotation holding the statement: the speaker of that quote (the
   speech verb beside it, or the speaker of the previous quote in the paragraph);
4. the next sentence of the paragraph credits this one ("This was reported by
   RIA Novosti with reference to ...").

A source that cites another keeps the chain: `Attribution.chain` lists the cited
sources, and `source_text` joins them after the main source with
`CHAIN_SEPARATOR` ("RIA Novosti, citing the city commandant's office"), so the
first actor named is always the one the text credits; `primary_source` splits
it again.  Pronoun sources ("according to him") are resolved to the nearest
person named before them; an unresolvable pronoun is kept as written.

A bare definite noun in a source ("the press service of the department") is
replaced by the fuller phrase with the same head named shortly before ("the
city's police department"), so the resolver sees a name it can match.

Limits: one sentence of look-ahead (4.); no coreference beyond he/she and
"the <noun>"; "they" and "it" are kept as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from .paragraphs import paragraph_bounds
from .views import column, entities, memoised, offsets, sentence_bounds, text_of

CHAIN_SEPARATOR = ", citing "

# Verbs by which a text credits a statement to someone (lemmas).  From the
# reporting verbs of news style guides (say, report, state, announce ...) and
# those that machine translations from Russian produce ("specified", "noted").
SPEECH_VERBS = frozenset(
    "say report state announce tell claim confirm add note write declare estimate "
    "specify clarify insist assert allege explain warn stress emphasize emphasise "
    "inform publish cite quote tweet post suggest reveal acknowledge admit deny "
    "indicate mention comment broadcast show".split()
)
# Verbs whose statements are uncertain by the speaker's own word ("Tokayev claimed").
HEDGING_SPEECH_VERBS = frozenset({"claim", "allege", "suggest"})
# Heads of "according to X" / "with reference to X" that name evidence, not an
# actor: the actor is their complement ("the data of the city commandant's
# office") or their possessor ("the ministry's figures"), else there is none.
NON_ACTOR_HEADS = frozenset(
    "information datum data report reports estimate estimates figure figures statistic "
    "statistics footage material materials calculation version account accounts message "
    "news reporting record records preliminary".split()
)
# Evidence words that say the statement is unconfirmed.
UNCONFIRMED_WORDS = frozenset({"unconfirmed", "unverified", "unofficial", "preliminary", "rumour", "rumor", "rumours", "rumors"})
# Prepositions and participles by which a source cites another.
CITING_WORDS = frozenset({"citing", "quoting", "reference", "referring", "referencing"})
# Pronouns that stand for a person named earlier.
PERSON_PRONOUNS = frozenset({"he", "him", "she", "her"})
# Subjects of a speech verb that name no one ("It was reported that ...").
EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "which", "who"})
# Dependents that do not belong to the name of a source.
NOT_PART_OF_NAME = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj"})
# How far back (characters) "the department" looks for the fuller name it stands
# for: about two paragraphs of news copy.
ANAPHORA_WINDOW = 1500
# Quotation marks: opening -> closing.
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
QUOTE_OPENING = re.compile(f"[{''.join(QUOTE_PAIRS)}]")
# How far (characters) after a closing quotation mark a speech verb still tags it:
# `,” he said` and `– said the Prime Minister of Armenia, Chairman of the Council`.
SPEAKER_TAG_WINDOW = 60


@dataclass(frozen=True)
class Attribution:
    """The actor a statement is credited to, as the text words it."""

    text: str
    start: int
    end: int
    cue: str  # which step found it: according-to | speech-verb | quote-speaker | next-sentence
    chain: tuple[str, ...] = ()
    hedged: bool = False

    @property
    def source_text(self) -> str:
        return CHAIN_SEPARATOR.join((self.text, *self.chain))


def primary_source(source_text: str) -> str:
    """The actor a `source_text` credits first: "RIA Novosti, citing X" -> "RIA Novosti"."""
    return source_text.split(CHAIN_SEPARATOR, 1)[0]


def phrase(head: Token) -> Span:
    """The words naming an actor: the head's subtree without clauses, appositions or punctuation."""
    doc = head.doc
    keep = {head.i}
    stack = [c for c in head.children if c.dep_ not in NOT_PART_OF_NAME]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in NOT_PART_OF_NAME)
    lo, hi = min(keep), max(keep)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].tag_ == "POS"):
        hi -= 1
    return doc[lo : hi + 1]


def resolve_pronoun(tok: Token) -> Span | None:
    """The nearest person named before a he/she pronoun, outside the pronoun's own words."""
    if tok.lower_ not in PERSON_PRONOUNS:
        return None
    people = [e for e in entities(tok.doc) if e.label_ == "PERSON" and e.end <= tok.i]
    return people[-1] if people else None


def _actor(head: Token) -> tuple[Span | None, bool]:
    """The actor named by `head` (unwrapping evidence words), and whether it is unconfirmed.

    "the data of the city commandant's office" -> "the city commandant's office";
    "preliminary information" -> None; "the ministry's figures" -> "the ministry".
    """
    unconfirmed = any(t.lower_ in UNCONFIRMED_WORDS for t in head.subtree)
    if head.lemma_.lower() in NON_ACTOR_HEADS or head.lower_ in NON_ACTOR_HEADS:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                inner = [c for c in child.children if c.dep_ == "pobj"]
                if inner:
                    return _actor(inner[0])[0], unconfirmed
            if child.dep_ == "poss":
                return phrase(child), unconfirmed
            if child.dep_ == "compound" and child.lower_ not in UNCONFIRMED_WORDS:
                return phrase(child), unconfirmed
        return None, unconfirmed
    return phrase(head), unconfirmed


def fuller_mention(tok: Token) -> Span | None:
    """The fuller noun phrase a bare definite noun stands for: "the department" ->
    "the city's police department" named earlier within `ANAPHORA_WINDOW` characters."""
    if tok.pos_ != "NOUN" or [c.dep_ for c in tok.children] != ["det"] or next(tok.children).lower_ != "the":
        return None
    doc = tok.doc
    earliest = tok.idx - ANAPHORA_WINDOW
    first = bisect_left(offsets(doc), earliest)  # the window's first token
    # A chunk's root is one of its tokens: without a token of this lemma in the window there is none.
    if not (doc.to_array(LEMMA)[first : tok.i] == tok.lemma).any():
        return None
    for start, end in reversed(_chunks_from_sentence_of(doc, first, tok.i)):
        chunk = doc[start:end]
        if chunk.end_char > tok.idx or chunk.start_char < earliest or end - start <= 2:
            continue
        if chunk.root.lemma_ == tok.lemma_:
            return chunk
    return None


def _chunks_from_sentence_of(doc: Doc, first: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of the Doc's noun chunks whose head word lies from the sentence of
    token `first` up to token `stop`.

    A noun chunk is a word and the left part of its subtree, which never crosses a
    sentence start, so the language's chunker run from a sentence start gives the
    Doc's own chunks there (checked on 7,400 random cuts of 451 parsed documents);
    `Doc.noun_chunks` walks the whole parse, which was most of the cost of the
    claims that ask."""
    starts = [start for start, _ in sentence_bounds(doc)]
    begin = starts[bisect_right(starts, first) - 1]
    return [(start, end) for start, end, _ in doc.noun_chunks_iterator(doc[begin:stop])]


def _named(span: Span) -> tuple[str, int, int]:
    """Text and character bounds of an actor span, with he/she and "the <noun>" resolved."""
    if len(span) == 1:
        antecedent = resolve_pronoun(span[0])
        if antecedent is not None:
            return antecedent.text, span.start_char, span.end_char
    text = span.text
    for tok in reversed(list(span)):
        fuller = fuller_mention(tok)
        if fuller is not None:
            det = tok.doc[tok.i - 1] if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the" else tok
            lo, hi = det.idx - span.start_char, tok.idx + len(tok.text) - span.start_char
            text = text[:lo] + fuller.text + text[hi:]
    return text, span.start_char, span.end_char


def _citations(verb: Token) -> tuple[str, ...]:
    """Sources a speech verb's subject cites: "citing X", "with reference to X", "quoting X"."""
    cited: list[str] = []
    for tok in verb.subtree:
        if tok.lower_ not in CITING_WORDS:
            continue
        targets = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
        targets += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for target in targets:
            actor, _ = _actor(target)
            if actor is not None:
                cited.append(_named(actor)[0])
    return tuple(cited)


def according_to_cues(doc: Doc) -> list[int]:
    """The indices of every "according" followed by "to" in a Doc, found once for the
    claims of a Doc.  The "according"s are found by `list.count` and `list.index`,
    which compare in C: a Python walk over every word was most of building this."""

    def build(d: Doc) -> list[int]:
        lower, cues, i = column(d, "LOWER"), [], -1
        for _ in range(lower.count("according")):
            i = lower.index("according", i + 1)
            if i + 1 < len(lower) and lower[i + 1] == "to":
                cues.append(i)
        return cues

    return memoised(doc, "attribution.according_to", build)


def _according_to_actor(sent: Span, tok: Token) -> tuple[Span, bool] | None:
    """The actor of "according to X" in the sentence of `tok` (the cue nearest before
    it first), and whether the evidence is unconfirmed."""
    every = according_to_cues(sent.doc)
    cues = every[bisect_left(every, sent.start) : bisect_left(every, sent.end)]
    if not cues:
        return None
    before = [i for i in cues if i < tok.i]
    cue = before[-1] if before else cues[0]
    objects = [c for c in sent.doc[cue + 1].children if c.dep_ == "pobj"]
    if not objects:
        return None
    actor, unconfirmed = _actor(objects[0])
    return None if actor is None else (actor, unconfirmed)


def according_to(sent: Span, tok: Token) -> Attribution | None:
    """1. "according to X" in the sentence of `tok`, the one nearest before it first."""
    found = _according_to_actor(sent, tok)
    if found is None:
        return None
    actor, unconfirmed = found
    text, start, end = _named(actor)
    return Attribution(text, start, end, "according-to", hedged=unconfirmed)


def credits_source(sent: Span) -> bool:
    """Whether the sentence credits an actor by "according to X": step 1 as a yes or no,
    without wording X (which may need the Doc's noun chunks)."""
    return _according_to_actor(sent, sent[0]) is not None


def _is_speech_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def _speaker_of(verb: Token, exclude: Token | None = None) -> Attribution | None:
    """The subject (or passive agent) of a speech verb, unless it names no one."""
    for child in verb.children:
        if child.dep_ == "nsubj" and (exclude is None or exclude not in child.subtree):
            if child.lower_ in EMPTY_SUBJECTS:
                return None
            text, start, end = _named(phrase(child))
            return Attribution(text, start, end, "speech-verb", _citations(verb), verb.lemma_ in HEDGING_SPEECH_VERBS)
        if child.dep_ == "agent":
            agents = [g for g in child.children if g.dep_ == "pobj"]
            if agents:
                text, start, end = _named(phrase(agents[0]))
                return Attribution(text, start, end, "speech-verb", _citations(verb), verb.lemma_ in HEDGING_SPEECH_VERBS)
    return None


def speech_verb(tok: Token) -> Attribution | None:
    """2. The nearest speech verb above `tok` in the parse that names who speaks."""
    for ancestor in tok.ancestors:
        if _is_speech_verb(ancestor):
            found = _speaker_of(ancestor, exclude=tok)
            if found is not None:
                return found
    return None


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the quotations in a text (marks included), paired per paragraph;
    found once per Doc, for every claim that asks."""
    return memoised(doc, "attribution.quotations", _quotations)


def _quotations(doc: Doc) -> list[tuple[int, int]]:
    text = text_of(doc)
    spans: list[tuple[int, int]] = []
    i = 0
    while (opening := QUOTE_OPENING.search(text, i)) is not None:
        i = opening.start()  # from mark to mark, not a walk over every character
        close = QUOTE_PAIRS[text[i]]
        limit = text.find("\n\n", i)
        limit = len(text) if limit < 0 else limit
        j = text.find(close, i + 1, limit)
        if j < 0:
            i += 1
            continue
        spans.append((i, j + 1))
        i = j + 1
    return spans


def _tagged_speaker(doc: Doc, quote: tuple[int, int]) -> Attribution | None:
    """The speaker a speech verb right after (or right before) a quotation names."""
    start, end = quote
    after = doc.char_span(end, min(len(text_of(doc)), end + SPEAKER_TAG_WINDOW), alignment_mode="expand")
    if after is not None:
        for tok in after:
            if tok.idx > end and tok.is_sent_start:
                break
            if _is_speech_verb(tok):
                found = _speaker_of(tok)
                if found is None:  # "– said the Prime Minister": subject after the verb
                    objects = [c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubj", "npadvmod", "appos")]
                    if objects:
                        text, s, e = _named(phrase(objects[0]))
                        found = Attribution(text, s, e, "speech-verb")
                if found is not None:
                    return Attribution(found.text, found.start, found.end, "quote-speaker", found.chain, found.hedged)
    opening = doc.char_span(start, start + 1, alignment_mode="expand")
    if opening is not None:
        sent = opening[0].sent
        for tok in reversed(list(doc[sent.start : opening[0].i])):
            if _is_speech_verb(tok):
                found = _speaker_of(tok)
                if found is not None:
                    return Attribution(found.text, found.start, found.end, "quote-speaker", found.chain, found.hedged)
    return None


def quote_speaker(tok: Token) -> Attribution | None:
    """3. The speaker of the direct quotation that holds `tok`, if any."""
    doc = tok.doc
    quotes = quotations(doc)
    holding = [q for q in quotes if q[0] < tok.idx < q[1]]
    if not holding:
        return None
    para_start, _ = paragraph_bounds(text_of(doc), tok.idx)
    index = quotes.index(holding[0])
    for quote in reversed(quotes[: index + 1]):
        if quote[1] <= para_start:
            break
        found = _tagged_speaker(doc, quote)
        if found is not None:
            return found
    return None


def next_sentence(sent: Span) -> Attribution | None:
    """4. "This was reported by X" opening the next sentence of the same paragraph."""
    doc = sent.doc
    if sent.end >= len(doc) or "\n" in text_of(doc)[sent.end_char : doc[sent.end].idx]:
        return None
    following = doc[sent.end].sent
    if following[0].lower_ not in ("this", "these", "that", "the"):
        return None
    for tok in following:
        if _is_speech_verb(tok) and any(c.dep_ in ("nsubj", "nsubjpass") and c.i == following[0].i or
                                        c.dep_ in ("nsubj", "nsubjpass") and following[0] in c.subtree
                                        for c in tok.children):
            found = _speaker_of(tok, exclude=following[0])
            if found is not None:
                return Attribution(found.text, found.start, found.end, "next-sentence", found.chain, found.hedged)
    return None


def attribute(tok: Token) -> Attribution | None:
    """Who the text credits for the statement holding `tok` (steps 1-4), or None."""
    sent = tok.sent
    return according_to(sent, tok) or speech_verb(tok) or quote_speaker(tok) or next_sentence(sent)

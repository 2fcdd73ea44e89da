"""Who said it: from the subject of a reporting verb to a name in the text.

A speaker is given as the words the text uses for them and their span.  When
the text says "he", "they", "the expert" or "the alliance", the speaker is the
nearest compatible name before it (a person for "he" and person roles, an
organisation for organisation roles, either for "they") that is not in the
background of its sentence (an object, a possessor, the subject of a reported
clause), and the span is that name's span.  Names inside quotations, on
publishing platforms ("on Facebook") or in boilerplate are never antecedents.

Limits: no gender or number, so "she" after a sentence whose subject is a man
goes to him.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from ..model import Document, EntityMention
from .spans import overlap_test
from .speech import lexicon, pronoun_class, role_class
from .views import char_span_bounds, entities, offsets, sentence_bounds, sentence_index

NAME_LABELS = {"PERSON": "person", "ORG": "org", "NORP": "group"}
# Which name classes each kind of reference may point back to.
COMPATIBLE = {"person": ("person",), "org": ("org",), "group": ("org", "group", "person")}
# Dependents that end a speaker's noun phrase: "Doctors in Almaty report" keeps
# "in Almaty" and an apposition ("the Prime Minister, Chairman X"), not a clause.
NP_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "cc", "conj", "ccomp", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Clause links through which a subject-less verb borrows its head's subject:
# "Psaki rushed to deny ..., saying that ...", "Tokayev appealed ... and claimed that ...".
SUBJECT_SHARING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
# Dependents after the verb that the small parser gives an inverted subject ("summed up Tokayev").
INVERTED_SUBJECT_DEPS = frozenset({"dobj", "npadvmod", "attr", "dep", "appos", "oprd"})
# "Tokayev stated": a person this close before the verb is its subject, whatever the parse says.
ADJACENT_GAP_CHARS = 2
# Clause links climbed looking for a subject; beyond this the verb is too far from its speaker.
MAX_SUBJECT_CLIMB = 5
# A pronoun's antecedent is preferably a name in the foreground of one of the last three
# sentences (its own and the two before): news keeps the one who speaks as the subject,
# while the nearest name is often an object ("Trump labeled Clinton ... . “...,” he said").
SALIENT_SENTENCES = 3
MAIN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "poss"})
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
# Links from a name to the noun it names ("the Prime Minister, Nikol Pashinyan,").
NAME_LINK_DEPS = frozenset({"appos", "compound", "flat"})


@dataclass(frozen=True)
class Speaker:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    kind: str  # person | org | group


class Names:
    """The names a speaker may be, in text order, with the places they may not come from."""

    def __init__(self, document: Document, doc: Doc, mentions: Iterable[EntityMention], excluded: list[tuple[int, int]]):
        platforms = lexicon().platforms
        found: dict[tuple[int, int], Name] = {}
        for m in mentions:
            if m.label in NAME_LABELS:
                found[(m.start, m.end)] = Name(m.start, m.end, m.text, NAME_LABELS[m.label])
        # The entities never overlap one another, so only the mentions can overlap one.
        overlaps_mention = overlap_test(list(found))
        for ent in entities(doc):
            start, end = ent.start_char, ent.end_char
            if ent.label_ in NAME_LABELS and not overlaps_mention(start, end):
                # The Doc text is the document text: a slice of it is `ent.text`, which joins a Token per word.
                found[(start, end)] = Name(start, end, document.text[start:end], NAME_LABELS[ent.label_])
        self.document = document
        self.doc = doc
        self.excluded = excluded
        in_boilerplate = overlap_test(document.boilerplate)  # `Document.in_boilerplate`, by bisection
        self.all = sorted(
            (n for n in found.values() if n.text not in platforms and not in_boilerplate(n.start, n.end)),
            key=lambda n: n.start,
        )
        # `all` by start, and the furthest end among the names up to each: the questions
        # below are asked of some ten names a quotation, and walking all two hundred
        # names of a long text for each was most of their cost.
        self.starts = [n.start for n in self.all]
        self.reach = list(accumulate((n.end for n in self.all), max))

    def exclude(self, spans: list[tuple[int, int]]) -> None:
        """Names inside these spans (quotations) are not antecedents."""
        self.excluded = self.excluded + spans

    @contextmanager
    def hiding(self, start: int, end: int) -> Iterator[None]:
        """Treat [start, end) as a quotation while resolving its own attribution."""
        saved = self.excluded
        self.excluded = saved + [(start, end)]
        try:
            yield
        finally:
            self.excluded = saved

    def _allowed(self, n: Name) -> bool:
        return not any(s <= n.start and n.end <= e for s, e in self.excluded)

    def within(self, start: int, end: int) -> list[Name]:
        """The names inside [start, end), in order: those starting from `start` to `end`."""
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [n for n in self.all[first:last] if n.end <= end]

    def covering(self, token: Token) -> Name | None:
        """The first name holding the token: the first whose end (the furthest end so far)
        passes the token, if it starts at or before it."""
        at = token.idx
        k = bisect_right(self.reach, at)
        return self.all[k] if k < bisect_right(self.starts, at) else None

    def adjacent_person(self, token: Token) -> Name | None:
        """A person named right before the token ("... Leonid Kalashnikov stated")."""
        for n in reversed(self.all[: bisect_right(self.starts, token.idx)]):  # a name after it cannot end before it
            if n.end <= token.idx:
                gap = self.document.text[n.end : token.idx]
                return n if n.kind == "person" and len(gap) <= ADJACENT_GAP_CHARS and not gap.strip() and self._allowed(n) else None
        return None

    def before(self, pos: int, kind: str) -> Name | None:
        """The antecedent of a pronoun or role noun at `pos`: among the allowed names of a
        compatible kind before it, the nearest one within the last `SALIENT_SENTENCES`
        sentences that is not in the background (an object, a possessor, or inside what
        someone says: "During the debate, Trump labeled Clinton ... . “...,” he said" is
        Trump), else the nearest."""
        kinds = COMPATIBLE[kind]
        nearest, window = None, 0
        # Candidates are tested nearest first and only until the window ends: testing
        # every name before `pos` against every quotation was most of this search.
        for n in reversed(self.all):
            if n.end > pos or n.kind not in kinds or not self._allowed(n):
                continue
            if nearest is None:
                nearest, window = n, self._window_start(pos)
            if n.start < window:
                break
            if not self._in_background(n):
                return n
        return nearest

    def _window_start(self, pos: int) -> int:
        """Where the sentences that keep a name salient at `pos` start; sentences found by
        bisection in `sentence_bounds`, not as the Spans `Token.sent` walks out each time."""
        if pos >= len(self.document.text):
            return pos  # no token there
        bounds = char_span_bounds(self.doc, pos, pos + 1)
        if bounds is None or bounds[0] >= bounds[1]:
            return pos
        sentences = sentence_bounds(self.doc)
        n = sentence_index(self.doc, bounds[0])
        for _ in range(SALIENT_SENTENCES - 1):
            if sentences[n][0] == 0:
                break
            n -= 1
        return offsets(self.doc)[sentences[n][0]]

    def _in_background(self, name: Name) -> bool:
        """Whether the name is an object or possessor, or the subject of a reported clause
        ("Trump said Assad is stronger"): rarely the one a following pronoun means."""
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        token = span.root
        while token.dep_ in NAME_LINK_DEPS and token.head.i != token.i:
            token = token.head
        if token.dep_ == "pobj":
            return token.head.dep_ != "agent"  # "confirmed by ... Pashinian" is the doer
        if token.dep_ in OBJECT_DEPS:
            return True
        return token.dep_ in MAIN_SUBJECT_DEPS and token.head.dep_ in REPORTED_CLAUSE_DEPS


def as_speaker(name: Name) -> Speaker:
    return Speaker(name.text, name.start, name.end)


def subject_of(verb: Token, skip: Callable[[Token], bool] = lambda t: False) -> Token | None:
    """The token that does the saying for a reporting verb.

    1. its nominal subject; 2. for a passive, the agent ("was stated by the
    mayor"), or the subject of "was quoted as saying"; 3. an inverted subject
    after the verb ("said Tokayev"); 4. a participle or infinitive borrows its
    head's subject ("Psaki rushed to deny ..., saying that ..."), and a verb
    modifying a noun has that noun as its subject ("Pashinyan, ..., announced"),
    unless the noun is a document someone issued ("Pence released a statement
    saying ...": the search goes on from "released").
    Subjects for which `skip` holds (inside a quotation) are passed over, and
    a verb inside a quotation passes the search on to its head.
    """
    for _ in range(MAX_SUBJECT_CLIMB):
        # `skip` is asked last, of the children a step would take: asking it of
        # every child was a fifth of the quote extractor's time.
        children = list(verb.children)
        for c in children:  # 1
            if c.dep_ in SUBJECT_DEPS and not skip(c):
                return c
        for c in children:  # 2
            if c.dep_ == "agent" and not skip(c):
                objs = [g for g in c.children if g.dep_ == "pobj" and not skip(g)]
                if objs:
                    return objs[0]
            if c.dep_ == "nsubjpass" and verb.lemma_.lower() == "quote" and not skip(c):
                return c
        for c in children:  # 3
            if c.i > verb.i and c.pos_ == "PROPN" and c.dep_ in INVERTED_SUBJECT_DEPS and not skip(c):
                return c
        head = verb.head
        if head.i == verb.i:
            return None
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and not skip(head):  # 4
            issuer = _issuing_verb(head)
            if issuer is None:
                return head
            verb = issuer
            continue
        if verb.dep_ not in SUBJECT_SHARING_DEPS and not skip(verb):
            return None
        verb = head
    return None


def _issuing_verb(noun: Token) -> Token | None:
    """For a document noun ("released a statement saying", "in a message saying"), the verb
    whose subject issued it; None for any other noun."""
    if noun.lemma_.lower() not in lexicon().documents:
        return None
    carrier = noun.head
    while carrier.pos_ not in ("VERB", "AUX") and carrier.head.i != carrier.i:
        carrier = carrier.head
    return carrier if carrier.pos_ in ("VERB", "AUX") and carrier.i != noun.i else None


def noun_phrase(token: Token) -> Span:
    """The subject's own words: the token and its left/right dependents up to a clause break."""
    doc = token.doc
    start, end = token.i, token.i + 1
    for c in token.lefts:
        if c.dep_ not in NP_STOP_DEPS:
            start = min(start, c.left_edge.i)
    for c in token.rights:
        if c.dep_ in NP_STOP_DEPS:
            break
        end = max(end, c.right_edge.i + 1)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _possessed(names: Names, token: Token, name: Name) -> bool:
    """Whether the name sits under a possessive ("Lukashenko's office"): then it is not the speaker."""
    for c in token.children:
        if c.dep_ == "poss" and c.left_edge.idx <= name.start < c.right_edge.idx + len(c.right_edge.text):
            return True
    return False


def speaker_of(token: Token, names: Names) -> Speaker | None:
    """The speaker a subject token stands for.

    1. a name covering the token; 2. a person (then an organisation) named in
    its phrase, not as a possessor ("the correspondent ... Vladimir Vorsobin");
    3. a pronoun, resolved backwards ("which" goes to the noun it modifies);
    4. "the" + role noun without a name, resolved backwards; 5. a proper noun
    the model gave no name: its own run of proper nouns ("said Alden, author of
    the book ..." is Alden, not the apposition); otherwise the phrase itself
    ("Doctors in Almaty", "a British judge"), or the proper names in it that
    the model did not recognise.
    """
    name = names.covering(token)  # 1
    if name is not None:
        return as_speaker(name)
    np = noun_phrase(token)
    inner = [n for n in names.within(np.start_char, np.end_char) if not _possessed(names, token, n)]
    for kind in ("person", "org"):  # 2
        for n in inner:
            if n.kind == kind:
                return as_speaker(n)
    pron = pronoun_class(token)  # 3
    if pron == "relative":
        noun = token.head.head if token.head.dep_ == "relcl" else None
        return speaker_of(noun, names) if noun is not None and noun.i != token.i else None
    if pron is not None:
        found = names.before(token.idx, pron)
        return as_speaker(found) if found else None
    role = role_class(token)  # 4
    has_the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    has_poss = any(c.dep_ == "poss" for c in token.children)
    if role and has_the and not has_poss and not inner:
        found = names.before(token.idx, role)
        return as_speaker(found) if found else None
    if token.pos_ not in ("NOUN", "PROPN"):  # 5
        return None
    own = own_name(token)
    if own is not None:
        return Speaker(own.text, own.start_char, own.end_char)
    run = proper_name_run(np)
    if run is not None:
        return Speaker(run.text, run.start_char, run.end_char)
    return Speaker(np.text, np.start_char, np.end_char)


def own_name(token: Token) -> Span | None:
    """A capitalised proper-noun token with the proper nouns compounded before it ("Edward Alden")."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and doc[start - 1].head.i == token.i:
        start -= 1
    return doc[start:end]


def proper_name_run(np: Span) -> Span | None:
    """The last run of two or more capitalised proper nouns in a phrase the model gave no
    entity ("the Russian political strategist Peter Miloserdov")."""
    best = None
    i = 0
    while i < len(np):
        j = i
        while j < len(np) and np[j].pos_ == "PROPN" and np[j].text[:1].isupper() and np[j].ent_type_ not in ("GPE", "NORP", "LOC"):
            j += 1
        if j - i >= 2:
            best = np[i:j]
        i = max(j, i + 1)
    return best


def first_speaker_in(span: Span, names: Names) -> Speaker | None:
    """Fallback when the parse gives no subject: the first person, organisation,
    pronoun or role noun in a short attribution phrase."""
    inner = names.within(span.start_char, span.end_char)
    for kind in ("person", "org"):
        for n in inner:
            if n.kind == kind:
                return as_speaker(n)
    for tok in span:
        if pronoun_class(tok) in ("person", "group"):
            return speaker_of(tok, names)
        if tok.pos_ in ("NOUN", "PROPN") and (role_class(tok) or tok.pos_ == "PROPN"):
            return speaker_of(tok, names)
    return None

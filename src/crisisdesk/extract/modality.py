"""Is a clause a report of something that happened?

GDELT and PETRARCH users' main complaint is precision: threats, plans, orders,
requests, conditionals, denials, questions, opinions and history coded as
events.  Each predicate here answers one of those questions for the clause an
event trigger sits in, from the dependency parse alone, so that the event rules
can stay about *what* happened and this module about *whether* it did.

A predicate looks at the clause head (the verb that governs the trigger) and
the chain of verbs above it up to the sentence root: "the decision to send
troops" is only an event if the verbs above "send" report it as done.  Word
lists come from `data/events.json` (`modality`), each with where it came from.

Limits: the parse of the small English model is noisy on long machine-translated
sentences; a predicate that cannot tell answers False (the event is kept), and
precision is protected by the rules' own context checks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress

from spacy.tokens import Doc, Token

from .event_rules import lexicon
from .event_rules.parse import dependents
from .views import (
    char_bounds,
    column,
    flags,
    heads,
    memoised,
    sentence_of,
    text_of,
)

# Dependency labels that attach a subordinate clause to the verb above it; the
# chain of these is what "the verbs above a trigger" means.
CLAUSAL_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "acl",
        "relcl",
        "pcomp",
        "csubj",
        "conj",
        "parataxis",
        "prep",
        "pobj",
        "dobj",
        "nsubj",
        "nsubjpass",
        "attr",
        "oprd",
        "appos",
        "dep",
        "advmod",
        "npadvmod",
        "amod",
        "compound",
        "poss",
        "nmod",
        "agent",
    }
)

# A four-digit year in the text ("in 2019", "December 1986").
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")

# History: ACLED's crisis window for a report is about the year before it; a
# stated year earlier than publication year minus this is background.
HISTORY_YEARS = 1


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The modality word lists of data/events.json, as frozensets."""
    return {
        k: frozenset(v)
        for k, v in lexicon()["modality"].items()
        if not k.startswith("_")
    }


def ancestors_in_clause(head: Token) -> Iterator[Token]:
    """The verbs (and event nouns) above `head` in its sentence, nearest first."""
    tok = head
    while tok.head.i != tok.i:
        tok = tok.head
        yield tok


def aux_lemmas(verb: Token) -> set[str]:
    """The auxiliaries of a verb (lower-case forms, since the model lemmatises 'll as will)."""
    auxes = [c for dep, c in dependents(verb) if dep in ("aux", "auxpass")]
    return {c.lower_ for c in auxes} | {c.lemma_.lower() for c in auxes}


def is_modal(verb: Token) -> bool:
    """Future or modal: "will go", "can be reinforced", "would be deployed", "may intervene"."""
    modal = words()["modal_aux"]
    if aux_lemmas(verb) & modal:
        return True
    # "is going to send", "is about to begin"
    return has_to(verb) and verb.head.lower_ in ("going", "about")


def is_negated(verb: Token) -> bool:
    """Denied by negation: "did not use weapons", "no one was killed"."""
    return any(
        dep == "neg"
        or dep in ("nsubj", "nsubjpass")
        and c.lower_ in ("no", "nobody", "none", "nothing")
        for dep, c in dependents(verb)
    )


def is_infinitive(verb: Token) -> bool:
    """'to send', 'to retake': a purpose or plan unless an aspectual verb makes it happen."""
    return verb.tag_ == "VB" and has_to(verb)


def has_to(verb: Token) -> bool:
    """Whether the verb has the infinitive marker "to"."""
    return any(dep == "aux" and c.lower_ == "to" for dep, c in dependents(verb))


def is_question(head: Token) -> bool:
    """The sentence asks: "Why did the CSTO send troops to Kazakhstan?"."""
    doc = head.doc
    # the sentence's characters, up to the end of its last token's text: `Span.text`
    # makes every Token, and `Token.sent` two Spans (a third of this question's cost)
    start, end = char_bounds(doc, *sentence_of(doc, head.i))
    text = text_of(doc)[start:end].rstrip(" \"'”’\n")
    return text.endswith("?")


def is_conditional(head: Token) -> bool:
    """Under 'if/unless': "if the Russian troops are used to suppress the riots"."""
    marks = words()["conditional_marks"]
    for tok in [head, *ancestors_in_clause(head)]:
        if any(dep == "mark" and c.lower_ in marks for dep, c in dependents(tok)):
            return True
        if tok.lower_ == "event" and any(c.lower_ == "in" for c in [tok.head]):
            return True
    return False


def chain(head: Token) -> list[Token]:
    """The clause head and the verbs governing it that decide its modality.

    Walk up while the link is clausal (xcomp/ccomp/advcl/relcl/conj...), and stop
    at the first verb that is itself plainly asserted (a finite verb with no
    complementiser above it), because modality does not leak through it.
    """
    out = [head]
    tok = head
    while tok.head.i != tok.i and tok.dep_ in CLAUSAL_DEPS:
        if tok.dep_ == "relcl":
            break  # a relative clause is asserted on its own: "the airport that was captured"
        tok = tok.head
        out.append(tok)
    return out


def is_decision(tok: Token) -> bool:
    """A decision reported as taken ("made a decision to send"), which licenses its infinitive."""
    return (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() in ("decision", "order")
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower()
        in (
            "make",
            "take",
            "adopt",
            "reach",
            "announce",
            "give",
            "issue",
        )
    )


def is_unrealised(head: Token) -> bool:
    """Planned, requested, ordered, threatened or merely possible (not done).

    1. the head itself is modal/future ("will be destroyed", "would be sent");
    2. the head is an infinitive or gerund whose governing verb is not aspectual
       ("decided to send" and "began to shoot" happen; "plans to send",
       "called on them to show restraint", "an operation to retake" do not);
    3. a verb on the chain above is a plan/request/threat verb, or modal.
    """
    w = words()
    if is_modal(head):  # 1.
        return True
    prev = head
    for tok in chain(head)[1:]:
        lemma = tok.lemma_.lower()
        if (
            (prev.dep_ == "xcomp" or is_infinitive(prev))
            and lemma not in w["aspectual_verbs"]
            and not is_decision(tok)
        ):  # 2.
            return True
        if lemma in w["plan_verbs"] and prev.dep_ in (
            "xcomp",
            "ccomp",
            "advcl",
            "acl",
            "pcomp",
            "dobj",
            "pobj",
        ):  # 3.
            return True
        if (
            tok.pos_ in ("VERB", "AUX")
            and is_modal(tok)
            and prev.dep_ in ("xcomp", "ccomp")
        ):
            return True
        if prev.dep_ == "conj":
            prev = tok
            continue
        prev = tok
    return is_infinitive(head) and head.dep_ == "ROOT"


def is_opinion(head: Token) -> bool:
    """Analysis or belief, not a report: "They believe that the troops were sent to quell"."""
    w = words()
    prev = head
    for tok in chain(head)[1:]:
        if tok.lemma_.lower() in w["opinion_verbs"] and prev.dep_ in (
            "ccomp",
            "xcomp",
            "advcl",
            "dobj",
            "pobj",
            "pcomp",
        ):
            return True
        prev = tok
    return False


def is_denial(head: Token) -> bool:
    """Denied or said not to exist: "rushed to deny", "There is no information that ..."."""
    w = words()
    if is_negated(head):
        return True
    prev = head
    for tok in chain(head)[1:]:
        lemma = tok.lemma_.lower()
        if lemma in w["denial_verbs"]:
            return True
        if lemma in w["denial_nouns"] and any(
            c.lower_ in ("no", "not") for _, c in dependents(tok)
        ):
            return True
        if (
            tok.pos_ in ("VERB", "AUX")
            and is_negated(tok)
            and prev.dep_ in ("ccomp", "xcomp")
        ):
            return True
        prev = tok
    return False


def is_hearsay(head: Token) -> bool:
    """Only a rumour: "There have been reports that Russian special forces participated ..."."""
    w = words()
    prev = head
    for tok in chain(head)[1:]:
        if (
            tok.pos_ == "NOUN"
            and tok.lemma_.lower() in w["hearsay_nouns"]
            and prev.dep_ in ("acl", "ccomp", "relcl")
        ):
            return True
        prev = tok
    return False


def is_historical(
    head: Token, *, published: str | None, years: list[int] | None = None
) -> bool:
    """Background older than the crisis window: "in 2019", "35 years ago", "in the past".

    `years` are the years of the time expressions in the clause when the times
    extractor has resolved them; otherwise four-digit years in the sentence count.
    """
    if published is None:
        return False
    pub_year = int(published[:4])
    doc = head.doc
    sent = sentence_of(doc, head.i)
    lowers = column(doc, "LOWER")
    found = list(years or [])
    if not found:
        found = [int(lowers[i]) for i in _within(_year_words(doc), sent) if doc[i].ent_type_ == "DATE"]
    if any(y < pub_year - HISTORY_YEARS + 1 for y in found if y <= pub_year):
        return True
    for i in _within(_history_words(doc), sent):
        lower = lowers[i]
        if lower == "ago" and any(
            c.like_num or c.lower_ in ("years", "decades") for c in doc[i].subtree
        ):
            return True
        if (
            lower == "past"
            and lowers[heads(doc)[i]] == "in"
            and i > 0
            and lowers[i - 1] == "the"
        ):
            return True
        if lower == "back" and i + 1 < len(doc) and lowers[i + 1] == "in":
            return True
    return False


# The words `is_historical` looks at, found once per Doc on its column of lower-case
# forms (a year's digits are its text), so each question reads a few positions, not
# its whole sentence.
HISTORY_WORDS = frozenset({"ago", "past", "back"})


def _year_words(doc: Doc) -> list[int]:
    """Positions of four-digit years.  A year is all digits, so spaCy flags it LIKE_NUM:
    the pattern is tried on those few tokens, found in the flag column (half the cost
    of testing every word of the column in Python)."""

    def build(d: Doc) -> list[int]:
        lowers = column(d, "LOWER")
        return [i for i in compress(range(len(lowers)), flags(d, "LIKE_NUM")) if YEAR.match(lowers[i])]

    return memoised(doc, "modality.years", build)


def _history_words(doc: Doc) -> list[int]:
    return memoised(doc, "modality.history", lambda d: [i for i, w in enumerate(column(d, "LOWER")) if w in HISTORY_WORDS])


def _within(indices: list[int], sent: tuple[int, int]) -> list[int]:
    """The indices that fall in the sentence's (start, end) (indices ascending)."""
    return indices[bisect_left(indices, sent[0]) : bisect_left(indices, sent[1])]


def is_attributive(trigger: Token) -> bool:
    """A trigger used as a modifier or in a description, not as a happening.

    "experts in urban battles", "the storming columns", "anti-terrorist operation
    regime": the noun names a kind of thing, not an occurrence.
    """
    if trigger.dep_ in ("compound", "amod", "nmod") and trigger.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return True
    return (
        trigger.dep_ == "pobj"
        and trigger.head.head.pos_ in ("NOUN", "PROPN")
        and trigger.head.head.lemma_.lower()
        in (
            "expert",
            "specialist",
            "veteran",
            "experience",
            "threat",
            "risk",
            "danger",
            "fear",
            "possibility",
        )
    )

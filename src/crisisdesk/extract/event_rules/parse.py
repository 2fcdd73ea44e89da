"""Reading a clause off the dependency parse: who acts, what is acted upon, whether a noun reports an occurrence.

Every rule asks these questions, so they are answered once, here, from the
parse alone (no word lists of actors or targets: those are `phrases.py`'s).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..views import memoised

# Dependency labels of a verb's agent and patient.
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")

# Nominal triggers are events only in eventive positions: the subject of an
# occurrence verb, after a temporal preposition, or after one of these nouns
# ("cases of looting", "reports of shooting", "footage of shooting at police").
EVENTIVE_HEAD_NOUNS = frozenset(
    {"case", "report", "incident", "footage", "video", "wave", "outbreak", "scene", "death", "night", "day"}
)
TEMPORAL_PREPS = frozenset({"during", "after", "following", "amid", "in", "since", "before", "from", "despite"})
OCCURRENCE_VERBS = frozenset(
    {
        "begin", "start", "erupt", "break", "continue", "take", "ensue", "go", "occur", "happen", "be", "hear",
        "intensify", "spread", "escalate", "resume", "rage", "follow", "report", "leave", "kill", "injure",
        "wound", "see", "become",
    }
)  # fmt: skip


def lemma(tok: Token | None) -> str:
    """The lower-case lemma ("" for no token), the form the lexicon lists."""
    return tok.lemma_.lower() if tok is not None else ""


def dependents(tok: Token) -> list[tuple[str, Token]]:
    """(dependency label, token) of each child of `tok`, in order, kept on its Doc per token.

    The rules and modality questions ask the same few words' children many
    times over (`agent`, `patient` and `is_passive` of one verb by each rule
    its lemma triggers, then every modality question of its chain): through
    `Token.children` each asking scanned the word's subtree span, made a Token
    per child and read its label anew.  Callers must not change the list."""
    known: dict[int, list[tuple[str, Token]]] = memoised(tok.doc, "event_rules.dependents", lambda _: {})
    found = known.get(tok.i)
    if found is None:
        found = known[tok.i] = [(c.dep_, c) for c in tok.children]
    return found


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for dep, c in dependents(tok) if dep in deps]


def has_child(tok: Token, *words: str) -> bool:
    """Whether a particle or modifier of `tok` is one of `words` ("set up", "pulled down")."""
    return any(c.lower_ in words for _, c in dependents(tok))


def has_child_lemma(tok: Token, *lemmas: str) -> bool:
    """Whether a dependent of `tok` has one of `lemmas` ("opened fire")."""
    return any(lemma(c) in lemmas for _, c in dependents(tok))


def pobj(tok: Token, *preps: str) -> Token | None:
    """The object of a preposition `tok` governs: pobj(verb, "on") for "fire on X"."""
    for prep in children(tok, "prep", "agent", "dative"):
        if not preps or prep.lower_ in preps:
            for obj in children(prep, "pobj", "pcomp"):
                return obj
    return None


def subtree_lemmas(tok: Token | None) -> set[str]:
    return {lemma(t) for t in tok.subtree} if tok is not None else set()


def is_passive(verb: Token) -> bool:
    below = dependents(verb)
    return any(dep in ("auxpass", "nsubjpass") for dep, _ in below) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not any(dep == "nsubj" for dep, _ in below)
    )


def governing_verb(tok: Token) -> Token:
    """The clause head of a token: itself if a verb, else the nearest verb above it."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur if cur.pos_ in ("VERB", "AUX") else tok


def relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative or reduced clause describes ("the airport that was captured")."""
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def agent(verb: Token) -> Token | None:
    """Who acts: the subject of an active verb, the by-phrase of a passive one.

    Conjoined and controlled verbs ("attack and loot", "began to shoot")
    inherit the agent of the verb they hang on.
    """
    if is_passive(verb):
        return pobj(verb, "by")
    subj = children(verb, *SUBJECTS)
    if subj:
        return subj[0]
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return agent(verb.head)
    if verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBG":
        return verb.head
    return None


def patient(verb: Token) -> Token | None:
    """What is acted upon: the object of an active verb, the subject of a passive one."""
    if is_passive(verb):
        subj = children(verb, *PASSIVE_SUBJECTS)
        if subj:
            if subj[0].lower_ in ("that", "which", "who") and relative_antecedent(verb) is not None:
                return relative_antecedent(verb)
            return subj[0]
        if relative_antecedent(verb) is not None:
            return relative_antecedent(verb)
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return patient(verb.head)
        return None
    obj = children(verb, "dobj", "obj")
    if obj:
        return obj[0]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not children(verb, "prep"):
        return patient(verb.head)
    return None


def is_eventive_noun(tok: Token) -> bool:
    """A nominal trigger in a position that reports an occurrence.

    1. subject of an occurrence verb ("clashes took place", "fighting began");
    2. object of a temporal preposition on a verb or casualty noun ("killed in
       clashes", "death ... during the battles");
    3. after an eventive noun ("cases of looting", "footage of shooting");
    4. existential ("there was looting") or a noun of a fragment's root.
    """
    dep, head = tok.dep_, tok.head
    if dep in ("nsubj", "nsubjpass") and lemma(head) in OCCURRENCE_VERBS:  # 1.
        return True
    if dep == "pobj" and head.lower_ in TEMPORAL_PREPS:  # 2.
        up = head.head
        return (
            up.pos_ in ("VERB", "AUX")
            and lemma(up) not in ("participate", "involve")
            or lemma(up) in ("death", "killing")
        )
    if dep == "pobj" and head.lower_ == "of" and lemma(head.head) in EVENTIVE_HEAD_NOUNS:  # 3.
        return True
    if dep == "conj":
        return is_eventive_noun(head) if head.pos_ in ("NOUN", "PROPN") else False
    if dep == "attr" and any(d == "expl" for d, _ in dependents(head)):  # 4.
        return True
    if any(d in ("acl", "relcl") and lemma(c) in OCCURRENCE_VERBS for d, c in dependents(tok)):  # 1. misparsed
        return True
    return dep == "ROOT"

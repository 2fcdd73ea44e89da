"""The named patterns that code a clause as an ACLED event.

Each rule is a registry entry `events.<name>` holding the sentence that
motivated it (tested in tests/extract/test_events.py).  A rule is called with a
candidate trigger token (its lemma is in the rule's lexicon in
`data/events.json`) and the `Scene` of its sentence, and returns a `Guess` or
None.  Rules say *what* a clause reports; whether it reports something that
happened (not a threat, plan, denial ...) is `modality.py`'s question, and
which guess wins when several fire is `events.py`'s.

ACLED conventions the rules encode (codebook 2023 and the gold notes):
- crowd violence in a protest crisis is `Riots`: by protesters/demonstrators/
  rebels/a crowd -> `Violent demonstration`; by rioters/looters or looting ->
  `Mob violence`;
- state forces firing on or beating protesters -> `Excessive force against
  protesters`; dispersing, cordoning, detaining them -> `Protest with intervention`;
- two armed sides exchanging fire -> `Battles/Armed clash`;
- deployments, appeals for foreign help, states of emergency, internet
  shutdowns, dismissals, security operations -> `Strategic developments/Other`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ..registry import Registry

RULES = Registry("events")

# Strength decides which guesses survive when several fire in one sentence.
# STRONG: explicit two-sided fighting; NORMAL: most rules; WEAK: unattributed
# gunfire or bare casualty counts, which are usually part of another event.
STRONG, NORMAL, WEAK = 2, 1, 0

# Dependency labels of a verb's agent and patient.
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")

# How far back (in tokens) a pronoun looks for the noun it stands for: about
# two sentences, the distance within which crisis narration keeps its subject.
PRONOUN_REACH = 80

# Armed groups that news names by their own name more often than by a class noun.
# Source: groups ACLED codes most often as rebel groups in its global data.
ARMED_NAMES = frozenset(
    {
        "taliban",
        "al-shabab",
        "al-shabaab",
        "shabab",
        "shabaab",
        "isis",
        "isil",
        "daesh",
        "hezbollah",
        "hamas",
        "pkk",
        "ypg",
        "hts",
        "boko",
        "haram",
        "houthi",
        "houthis",
        "npa",
        "ola",
        "farc",
        "eln",
        "nusra",
    }
)

# People who are protesting (an activist arrested at home is not a protest).
PROTESTING = frozenset(
    {
        "protester",
        "protestor",
        "demonstrator",
        "crowd",
        "marcher",
        "picketer",
        "striker",
        "rally",
        "protest",
        "demonstration",
    }
)

# Singular nouns that "they" may stand for: bodies of people.
COLLECTIVE_NOUNS = frozenset(
    {
        "police",
        "crowd",
        "military",
        "army",
        "contingent",
        "mob",
        "government",
        "authorities",
    }
)

# Nominal triggers are events only in eventive positions: the subject of an
# occurrence verb, after a temporal preposition, or after one of these nouns
# ("cases of looting", "reports of shooting", "footage of shooting at police").
EVENTIVE_HEAD_NOUNS = frozenset(
    {
        "case",
        "report",
        "incident",
        "footage",
        "video",
        "wave",
        "outbreak",
        "scene",
        "death",
        "night",
        "day",
    }
)
TEMPORAL_PREPS = frozenset(
    {"during", "after", "following", "amid", "in", "since", "before", "from", "despite"}
)
OCCURRENCE_VERBS = frozenset(
    {
        "begin",
        "start",
        "erupt",
        "break",
        "continue",
        "take",
        "ensue",
        "go",
        "occur",
        "happen",
        "be",
        "hear",
        "intensify",
        "spread",
        "escalate",
        "resume",
        "rage",
        "follow",
        "report",
        "leave",
        "kill",
        "injure",
        "wound",
        "see",
        "become",
    }
)
PERCEPTION_VERBS = frozenset(
    {"show", "see", "hear", "watch", "witness", "film", "capture", "record", "depict"}
)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """data/events.json, loaded once."""
    text = (resources.files("crisisdesk") / "data" / "events.json").read_text(
        encoding="utf-8"
    )
    return json.loads(text)


@lru_cache(maxsize=1)
def actor_words() -> dict[str, frozenset[str]]:
    return {
        k: frozenset(v)
        for k, v in lexicon()["actor_classes"].items()
        if not k.startswith("_")
    }


@cache
def rule_words(name: str, key: str = "lemmas") -> frozenset[str]:
    return frozenset(lexicon()["rules"][name].get(key, ()))


@lru_cache(maxsize=1)
def property_words() -> frozenset[str]:
    return frozenset(lexicon()["targets"]["property"])


@dataclass(frozen=True)
class Scene:
    """What a rule may know about the sentence it looks at."""

    sent: Span
    protest_context: bool  # the document is about a protest crisis (riots, not battles)


@dataclass(frozen=True)
class Guess:
    """One rule's reading of one trigger."""

    rule: str
    event_type: str
    sub_event_type: str
    trigger: Token
    head: Token  # the clause head the event's evidence and modality hang on
    actor1: Token | None
    actor2: Token | None
    confidence: float
    strength: int = NORMAL


# ---- reading the parse ---------------------------------------------------------


def lemma(tok: Token | None) -> str:
    return tok.lemma_.lower() if tok is not None else ""


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def pobj(tok: Token, *preps: str) -> Token | None:
    """The object of a preposition `tok` governs: pobj(verb, "on") for "fire on X"."""
    for prep in children(tok, "prep", "agent", "dative"):
        if not preps or prep.lower_ in preps:
            for obj in children(prep, "pobj", "pcomp"):
                return obj
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "relcl")
        and not children(verb, "nsubj")
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
        by = pobj(verb, "by")
        if by is not None:
            return by
        return None
    subj = children(verb, *SUBJECTS)
    if subj:
        return subj[0]
    if (
        verb.dep_ in ("conj", "xcomp")
        and verb.head.i != verb.i
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return agent(verb.head)
    if verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBG":
        return verb.head
    if verb.dep_ == "ccomp" and verb.tag_ == "VBG":
        return None
    return None


def patient(verb: Token) -> Token | None:
    """What is acted upon: the object of an active verb, the subject of a passive one."""
    if is_passive(verb):
        subj = children(verb, *PASSIVE_SUBJECTS)
        if subj:
            if (
                subj[0].lower_ in ("that", "which", "who")
                and relative_antecedent(verb) is not None
            ):
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
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and not children(verb, "prep")
    ):
        return patient(verb.head)
    return None


def resolve_pronoun(tok: Token | None) -> Token | None:
    """A personal pronoun's antecedent: the nearest earlier noun with an actor class.

    Crisis narration keeps its subject ("people in the crowd who stormed ...
    At first, they beat law enforcement officers"), so the nearest preceding
    plural actor noun within about two sentences is a reliable reading.
    """
    if (
        tok is None
        or tok.pos_ != "PRON"
        or tok.lower_
        not in ("they", "them", "he", "she", "it", "their", "who", "which", "that")
    ):
        return tok
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    plural = tok.lower_ in ("they", "them", "their")
    doc = tok.doc
    for i in range(tok.i - 1, max(-1, tok.i - PRONOUN_REACH), -1):
        cand = doc[i]
        if cand.pos_ not in ("NOUN", "PROPN") or cand.dep_ in ("compound", "amod"):
            continue
        if (
            plural
            and cand.pos_ == "NOUN"
            and cand.tag_ != "NNS"
            and cand.lower_ not in COLLECTIVE_NOUNS
        ):
            continue
        if actor_class(cand) is not None:
            return cand
    return None


def actor_class(tok: Token | None) -> str | None:
    """Which ACLED actor class a noun phrase names (protesters, rioters, state_forces ...).

    Reads the head noun, the head of "of"-phrases ("a group of protesters",
    "participants in the riots") and modifiers ("law enforcement officers").
    """
    if tok is None:
        return None
    if tok.pos_ == "PRON":
        tok = resolve_pronoun(tok)
        if tok is None:
            return None
    words = actor_words()
    lem = lemma(tok)
    mods = {lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    of = pobj(tok, "of", "in", "from")
    if (
        lem
        in (
            "participant",
            "member",
            "group",
            "number",
            "dozen",
            "hundred",
            "thousand",
            "one",
            "some",
            "many",
            "most",
            "all",
            "crowd",
        )
        and of is not None
    ):
        inner = actor_class(of)
        if inner is not None:
            if lem == "participant" and lemma(of) in (
                "riot",
                "unrest",
                "pogrom",
                "looting",
            ):
                return "rioters"
            return inner
    if (
        lem == "participant"
        and of is not None
        and lemma(of) in ("riot", "unrest", "pogrom")
    ):
        return "rioters"
    if mods & {
        "opposition",
        "rebel",
        "insurgent",
        "militant",
        "separatist",
        "jihadist",
        "guerrilla",
        "islamist",
        "armed",
        "masked",
        "unidentified",
    } and lem in (
        "force",
        "man",
        "men",
        "group",
        "fighter",
        "person",
        "gunman",
        "assailant",
        "attacker",
    ):
        return "armed_group"
    if lem in words["rioters"]:
        return "rioters"
    if lem in words["protesters"]:
        return "protesters"
    if lem in ("people", "person") and any(
        c.dep_ == "prep" and lemma(pobj(c)) in ("crowd",) for c in tok.children
    ):
        return "protesters"
    if lem in words["state_forces"] and (
        lem
        not in (
            "force",
            "unit",
            "company",
            "division",
            "security",
            "agent",
            "guard",
            "officer",
        )
        or mods & words["state_modifiers"]
        or lem == "force"
        and tok.tag_ == "NNS"
    ):
        return "state_forces"
    if lem in ("officer", "official") and mods & words["state_modifiers"]:
        return "state_forces"
    if lem == "officer" and not mods:
        return "state_forces"
    if lem in words["armed_group"]:
        return "armed_group"
    if tok.ent_type_ == "ORG" and any(
        w in tok.lower_ for w in ("police", "army", "sbu", "security service", "guard")
    ):
        return "state_forces"
    if (
        tok.ent_type_ in ("ORG", "NORP")
        and tok.dep_ in SUBJECTS + ("pobj", "compound")
        and lem in ARMED_NAMES
    ):
        return "armed_group"
    if lem in words["government"] or tok.ent_type_ in ("GPE",) and tok.dep_ in SUBJECTS:
        return "government"
    if tok.ent_type_ == "PERSON":
        return "person"
    if tok.ent_type_ == "ORG":
        return "organization"
    if lem in words["civilians"]:
        return "civilians"
    return None


def subtree_lemmas(tok: Token | None) -> set[str]:
    return {lemma(t) for t in tok.subtree} if tok is not None else set()


def names_protest(tok: Token | None) -> bool:
    """Whether a phrase names protesters or a gathering of them ("a small meeting", "where demonstrators had gathered")."""
    if tok is None:
        return False
    gathering = {
        "meeting",
        "rally",
        "gathering",
        "demonstration",
        "protest",
        "march",
        "picket",
        "sit-in",
        "crowd",
    }
    return any(
        actor_class(t) == "protesters" or lemma(t) in gathering for t in tok.subtree
    )


def is_property(tok: Token | None) -> bool:
    """A building, vehicle, monument or other property (not a person or a whole town)."""
    if tok is None:
        return False
    tok = resolve_pronoun(tok) if tok.pos_ == "PRON" else tok
    if tok is None or tok.ent_type_ in ("GPE",) and tok.pos_ == "PROPN":
        return False
    if lemma(tok) in property_words():
        return True
    return tok.ent_type_ in ("FAC",)


def riot_coding(
    actor: Token | None, *, default: str, scene: Scene, outside: tuple[str, str]
) -> tuple[str, str]:
    """Event type and sub-type of crowd violence by `actor`.

    In a protest crisis: rioters/looters -> Mob violence, protesters/rebels/a crowd
    -> Violent demonstration, unnamed -> `default`.  Outside one, `outside`.
    """
    if not scene.protest_context:
        return outside
    cls = actor_class(actor)
    if cls == "rioters":
        return "Riots", "Mob violence"
    if cls in ("protesters", "armed_group", "civilians"):
        return "Riots", "Violent demonstration"
    return "Riots", default


def guess(
    name: str,
    et: str,
    st: str,
    trig: Token,
    head: Token | None = None,
    a1: Token | None = None,
    a2: Token | None = None,
    conf: float = 0.8,
    strength: int = NORMAL,
) -> Guess:
    return Guess(
        RULES.qualified(name),
        et,
        st,
        trig,
        head if head is not None else governing_verb(trig),
        a1,
        a2,
        conf,
        strength,
    )


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
    if (
        dep == "pobj"
        and head.lower_ == "of"
        and lemma(head.head) in EVENTIVE_HEAD_NOUNS
    ):  # 3.
        return True
    if dep == "conj":
        return is_eventive_noun(head) if head.pos_ in ("NOUN", "PROPN") else False
    if dep == "attr" and any(c.dep_ == "expl" for c in head.children):  # 4.
        return True
    if any(
        c.dep_ in ("acl", "relcl") and lemma(c) in OCCURRENCE_VERBS
        for c in tok.children
    ):  # 1. misparsed
        return True
    return dep == "ROOT"


# ---- the rules -------------------------------------------------------------------


@RULES.register(
    "protest-occurs",
    example="The protests started at the weekend over soaring prices for liquefied petroleum gas",
)
def protest_occurs(tok: Token, scene: Scene) -> Guess | None:
    """A protest noun that begins, spreads, continues or is held."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
        return None
    if lemma(tok) == "display" and tok.tag_ != "NNS":
        return None
    verb = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and lemma(verb) in rule_words(
        "protest-occurs", "verbs"
    ) - {"hold", "stage", "organize", "organise", "launch"}:
        return guess(
            "protest-occurs",
            "Protests",
            "Peaceful protest",
            tok,
            verb,
            a1=tok,
            conf=0.8,
        )
    if tok.dep_ in ("dobj",) and lemma(verb) in (
        "hold",
        "stage",
        "organize",
        "organise",
        "launch",
    ):
        return guess(
            "protest-occurs",
            "Protests",
            "Peaceful protest",
            tok,
            verb,
            a1=agent(verb),
            conf=0.75,
        )
    if tok.dep_ == "nsubjpass" and lemma(verb) in ("hold", "stage"):
        return guess(
            "protest-occurs",
            "Protests",
            "Peaceful protest",
            tok,
            verb,
            a1=tok,
            conf=0.75,
        )
    return None


@RULES.register(
    "protest-activity",
    example="In Zhanaozen, protesters continue to demand a regime change",
)
def protest_activity(tok: Token, scene: Scene) -> Guess | None:
    """Protesters chant, march, rally, demand; people chant at rallies."""
    if tok.pos_ != "VERB":
        return None
    subj = agent(tok)
    cls = actor_class(subj)
    at_rally = any(
        lemma(pobj(tok, p)) in ("rally", "protest", "demonstration")
        for p in ("at", "during")
    )
    if (
        cls == "protesters"
        and (lemma(subj) != "protest" or lemma(tok) != "protest")
        or at_rally
        and cls in ("civilians", None)
        and subj is not None
    ):
        if lemma(tok) == "gather" and tok.dep_ == "relcl":
            return None
        return guess(
            "protest-activity",
            "Protests",
            "Peaceful protest",
            tok,
            tok,
            a1=subj,
            conf=0.75,
        )
    if (
        lemma(tok) in ("protest", "demonstrate", "rally", "march")
        and cls in ("civilians", None)
        and subj is not None
        and tok.dep_ != "xcomp"
    ):
        return guess(
            "protest-activity",
            "Protests",
            "Peaceful protest",
            tok,
            tok,
            a1=subj,
            conf=0.7,
        )
    return None


@RULES.register(
    "fire-on-protesters",
    example="in the evening the army, brought into the city, opened fire on a small meeting",
)
def fire_on_protesters(tok: Token, scene: Scene) -> Guess | None:
    """State forces fire on, beat or kill protesters (Excessive force against protesters)."""
    if tok.pos_ != "VERB":
        return None
    target = pobj(tok, "on", "at", "into") or patient(tok)
    if lemma(tok) == "open" and not any(lemma(c) == "fire" for c in tok.children):
        return None
    if lemma(tok) == "open":
        target = pobj(tok, "on", "at", "into")
    if not names_protest(target):
        return None
    actor = agent(tok)
    if actor_class(actor) != "state_forces":
        return None
    return guess(
        "fire-on-protesters",
        "Protests",
        "Excessive force against protesters",
        tok,
        tok,
        a1=actor,
        a2=target,
        conf=0.85,
    )


@RULES.register(
    "protest-dispersed",
    example="Tass later said protesters had been swept from the square",
)
def protest_dispersed(tok: Token, scene: Scene) -> Guess | None:
    """Protesters dispersed, swept away, surrounded or detained (Protest with intervention).

    With lethal force named in the sentence (live rounds, killing, 'violently')
    it is Excessive force against protesters.  "police used tear gas to
    disperse the protest": the purpose infinitive is what the police did, so
    the event hangs on the verb it depends on.
    """
    if tok.pos_ != "VERB":
        return None
    lem = lemma(tok)
    target = patient(tok)
    if lem in ("use", "fire"):
        means = subtree_lemmas(target) & rule_words("protest-dispersed", "means")
        aim = pobj(tok, "against", "on", "at")
        purpose = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("advcl", "xcomp")
                and lemma(c) in ("disperse", "clear", "break", "scatter")
            ),
            None,
        )
        if not means or not (
            names_protest(aim)
            or purpose is not None
            and names_protest(patient(purpose))
        ):
            return None
        target = aim if names_protest(aim) else patient(purpose)
    elif target is None or not any(lemma(t) in PROTESTING for t in target.subtree):
        return None
    if lem in ("break", "crack") and not any(
        c.lower_ in ("up", "down") for c in tok.children
    ):
        return None
    head = tok
    if (
        tok.dep_ in ("advcl", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and tok.head.pos_ == "VERB"
    ):
        head = tok.head  # "fired rubber bullets ... to disperse": the firing happened
    actor = agent(head)
    if actor is not None and actor_class(actor) not in ("state_forces", "government"):
        return None
    lethal = {lemma(t) for t in tok.sent} & rule_words("protest-dispersed", "lethal")
    sub = (
        "Excessive force against protesters" if lethal else "Protest with intervention"
    )
    return guess(
        "protest-dispersed", "Protests", sub, tok, head, a1=actor, a2=target, conf=0.8
    )


@RULES.register(
    "arson", example="Several administrative buildings in Almaty were set on fire"
)
def arson(tok: Token, scene: Scene) -> Guess | None:
    """Set on fire / set fire to / set ablaze / torched / caught fire / the arson of."""
    lem = lemma(tok)
    outside = ("Strategic developments", "Looting/property destruction")
    if tok.pos_ == "NOUN" and lem == "arson":
        if not (is_eventive_noun(tok) or tok.dep_ in ("pobj",)):
            return None
        et, st = riot_coding(
            None, default="Violent demonstration", scene=scene, outside=outside
        )
        return guess("arson", et, st, tok, a2=pobj(tok, "of"), conf=0.8)
    if tok.pos_ not in ("VERB",):
        return None
    target: Token | None = None
    if lem == "set":
        on_fire = lemma(pobj(tok, "on")) == "fire"
        fire_obj = any(lemma(c) == "fire" for c in children(tok, "dobj"))
        ablaze = any(c.lower_ in ("ablaze", "alight", "afire") for c in tok.subtree)
        if not (on_fire or fire_obj or ablaze):
            return None
        target = pobj(tok, "to") if fire_obj else patient(tok)
    elif lem == "catch":
        if not any(lemma(c) == "fire" for c in children(tok, "dobj")):
            return None
        target = children(tok, "nsubj")[0] if children(tok, "nsubj") else None
    elif lem in ("burn", "torch", "firebomb"):
        target = patient(tok)
        if target is None:
            return None
    else:
        return None
    if target is not None and not is_property(target):
        return None
    actor = agent(tok) if lem != "catch" else None
    if actor_class(actor) == "state_forces":
        return None
    et, st = riot_coding(
        actor, default="Violent demonstration", scene=scene, outside=outside
    )
    return guess("arson", et, st, tok, tok, a1=actor, a2=target, conf=0.85)


@RULES.register(
    "storming", example="The building of the city hall of Almaty was taken by storm"
)
def storming(tok: Token, scene: Scene) -> Guess | None:
    """A crowd storms, seizes, breaks into or rams a building or site."""
    if not scene.protest_context:
        return None
    lem = lemma(tok)
    if tok.pos_ == "NOUN" and lem in ("storming", "raid", "storm"):
        target = pobj(tok, "of", "on")
        if lem == "storm" and not (tok.dep_ == "pobj" and tok.head.lower_ == "by"):
            return None
        if lem == "storm":
            verb = tok.head.head
            return guess(
                "storming",
                *riot_coding(
                    agent(verb),
                    default="Violent demonstration",
                    scene=scene,
                    outside=("", ""),
                ),
                tok,
                verb,
                a1=agent(verb),
                a2=patient(verb),
                conf=0.85,
            )
        if not is_property(target) or not (is_eventive_noun(tok) or tok.dep_ == "pobj"):
            return None
        return guess(
            "storming", "Riots", "Violent demonstration", tok, a2=target, conf=0.75
        )
    if tok.pos_ != "VERB":
        return None
    if lem == "take" and not any(c.lower_ == "over" for c in tok.children):
        return None
    if lem == "break":
        target = pobj(tok, "into")
    else:
        target = patient(tok)
    if not is_property(target):
        return None
    actor = agent(tok)
    if actor_class(actor) in ("state_forces", "government", "organization"):
        return None
    return guess(
        "storming",
        *riot_coding(
            actor, default="Violent demonstration", scene=scene, outside=("", "")
        ),
        tok,
        tok,
        a1=actor,
        a2=target,
        conf=0.8,
    )


@RULES.register("looting", example="many trade establishments were looted in the city")
def looting(tok: Token, scene: Scene) -> Guess | None:
    """Looting, plundering, ransacking."""
    outside = ("Strategic developments", "Looting/property destruction")
    if tok.pos_ == "NOUN":
        if tok.dep_ in ("amod", "compound") or not is_eventive_noun(tok):
            return None
        et, st = riot_coding(None, default="Mob violence", scene=scene, outside=outside)
        return guess("looting", et, st, tok, conf=0.8)
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    actor = agent(tok)
    if actor_class(actor) == "state_forces" or actor_class(patient(tok)) is not None:
        return None
    et, st = riot_coding(actor, default="Mob violence", scene=scene, outside=outside)
    if et == "Riots":
        st = "Mob violence"
    return guess("looting", et, st, tok, tok, a1=actor, a2=patient(tok), conf=0.85)


@RULES.register(
    "crowd-violence",
    example="At first, they beat law enforcement officers with sticks and other improvised means.",
)
def crowd_violence(tok: Token, scene: Scene) -> Guess | None:
    """A crowd beats, stones, smashes or shoots at police, vehicles or buildings."""
    if not scene.protest_context:
        return None
    lem = lemma(tok)
    if tok.pos_ == "NOUN":
        if (
            lem == "shooting"
            and lemma(pobj(tok, "at"))
            and actor_class(pobj(tok, "at")) == "state_forces"
            and is_eventive_noun(tok)
        ):
            return guess(
                "crowd-violence",
                "Riots",
                "Violent demonstration",
                tok,
                a2=pobj(tok, "at"),
                conf=0.75,
            )
        if lem in ("vandalism", "beating") and is_eventive_noun(tok):
            return guess("crowd-violence", "Riots", "Mob violence", tok, conf=0.7)
        return None
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    if lem in ("shoot",):
        target = pobj(tok, "at", "on")
    elif (
        lem == "throw"
    ):  # "were thrown with stones"; "threw rocks at" is the rioting rule's
        if lemma(pobj(tok, "with")) not in rule_words("rioting", "missiles"):
            return None
        target = patient(tok)
    elif lem == "break":
        target = patient(tok)
        if lemma(target) not in ("window", "door", "gate", "glass"):
            return None
    else:
        target = patient(tok)
    if target is None:
        return None
    tcls = actor_class(target)
    if not (tcls == "state_forces" or is_property(target)):
        return None
    if lemma(target) in ("airport", "city") and lem == "attack":
        return None
    actor = agent(tok)
    acls = actor_class(actor)
    if acls in ("state_forces", "government", "organization", "person"):
        return None
    if (
        actor is None
        and lem not in ("throw", "smash", "stone", "pelt", "vandalize", "vandalise")
        and not (lem == "shoot" and tok.dep_ == "pcomp")
    ):
        return None
    et, st = riot_coding(
        actor, default="Violent demonstration", scene=scene, outside=("", "")
    )
    return guess("crowd-violence", et, st, tok, tok, a1=actor, a2=target, conf=0.75)


@RULES.register(
    "monument-toppled",
    example="In Taldykorgan, a monument to the former head of state Nursultan Nazarbayev was pulled down from a pedestal.",
)
def monument_toppled(tok: Token, scene: Scene) -> Guess | None:
    """A statue or monument pulled down, toppled or demolished; 'the fall of the monument'."""
    monuments = {"monument", "statue", "bust", "memorial", "sculpture"}
    outside = ("Strategic developments", "Looting/property destruction")
    if tok.pos_ == "NOUN":
        if (
            lemma(tok) in ("fall", "toppling", "demolition")
            and lemma(pobj(tok, "of")) in monuments
        ):
            et, st = riot_coding(
                None, default="Violent demonstration", scene=scene, outside=outside
            )
            return guess("monument-toppled", et, st, tok, a2=pobj(tok, "of"), conf=0.8)
        return None
    if tok.pos_ != "VERB":
        return None
    target = patient(tok)
    if lemma(target) not in monuments:
        return None
    if lemma(tok) in ("pull", "tear", "knock", "bring") and not any(
        c.lower_ == "down" for c in tok.children
    ):
        return None
    actor = agent(tok)
    et, st = riot_coding(
        actor, default="Violent demonstration", scene=scene, outside=outside
    )
    if et == "Riots":
        st = (
            "Violent demonstration"
            if actor_class(actor) != "rioters"
            else "Mob violence"
        )
    return guess("monument-toppled", et, st, tok, tok, a1=actor, a2=target, conf=0.85)


@RULES.register("destruction", example="They destroyed the studios of the TV channels")
def destruction(tok: Token, scene: Scene) -> Guess | None:
    """Property destroyed or smashed: a riot in a protest crisis, else property destruction."""
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    target = patient(tok)
    if not is_property(target):
        return None
    actor = agent(tok)
    acls = actor_class(actor)
    if acls in ("state_forces", "government"):
        return None
    if actor is not None and lemma(actor) in rule_words("airstrike") | rule_words(
        "shelling"
    ) | rule_words("remote-explosive"):
        return None
    et, st = riot_coding(
        actor,
        default="Mob violence",
        scene=scene,
        outside=("Strategic developments", "Looting/property destruction"),
    )
    return guess("destruction", et, st, tok, tok, a1=actor, a2=target, conf=0.7)


@RULES.register(
    "armed-attack",
    example="Taliban fighters have attacked a checkpoint in the northern province, killing 12 security force members",
)
def armed_attack(tok: Token, scene: Scene) -> Guess | None:
    """An armed group attacks forces or a military site (Armed clash) or civilians (Attack)."""
    lem = lemma(tok)
    targets = rule_words("armed-attack", "objects")
    if tok.pos_ == "NOUN" and lem in ("attack", "ambush", "raid", "assault"):
        by = pobj(tok, "by", "on", "against")
        owner = next(
            (c for c in tok.children if c.dep_ in ("compound", "poss", "amod")), None
        )
        attacker = (
            by
            if by is not None
            and lemma(tok.head) != "on"
            and actor_class(by) == "armed_group"
            else owner
        )
        if actor_class(attacker) != "armed_group" or not is_eventive_noun(tok):
            return None
        return guess(
            "armed-attack", "Battles", "Armed clash", tok, a1=attacker, conf=0.7
        )
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    if lem == "set" and pobj(tok, "upon", "on") is None:
        return None
    if lem == "open" and not any(lemma(c) == "fire" for c in tok.children):
        return None
    actor = agent(tok)
    if (
        actor_class(actor) == "state_forces"
        and lem in ("kill", "attack", "ambush", "raid", "target", "hit")
        and actor_class(patient(tok)) == "armed_group"
    ):
        return guess(
            "armed-attack",
            "Battles",
            "Armed clash",
            tok,
            tok,
            a1=actor,
            a2=patient(tok),
            conf=0.75,
        )
    if actor_class(actor) != "armed_group" or lem == "kill":
        return None
    target = pobj(tok, "upon", "on") if lem in ("set", "open") else patient(tok)
    if target is None:
        return None
    if lemma(target) in targets or actor_class(target) in (
        "state_forces",
        "armed_group",
    ):
        return guess(
            "armed-attack",
            "Battles",
            "Armed clash",
            tok,
            tok,
            a1=actor,
            a2=target,
            conf=0.8,
        )
    if (
        actor_class(target) == "civilians"
        or is_property(target)
        or lemma(target)
        in (
            "village",
            "town",
            "school",
            "market",
            "mosque",
            "church",
            "hotel",
            "college",
            "campus",
            "bus",
            "house",
            "home",
            "teahouse",
            "cafe",
            "restaurant",
            "exchange",
        )
    ):
        if scene.protest_context:
            return None
        return guess(
            "armed-attack",
            "Violence against civilians",
            "Attack",
            tok,
            tok,
            a1=actor,
            a2=target,
            conf=0.75,
        )
    return None


@RULES.register(
    "rioting",
    example="Anti-globalisation activists have rioted for a second night as the summit opened",
)
def rioting(tok: Token, scene: Scene) -> Guess | None:
    """Protesters riot, turn violent or throw stones and bottles at police."""
    lem = lemma(tok)
    if tok.pos_ == "VERB" and lem in ("riot", "rampage"):
        actor = agent(tok)
        return guess(
            "rioting",
            *riot_coding(
                actor,
                default="Violent demonstration",
                scene=scene,
                outside=("Riots", "Violent demonstration"),
            ),
            tok,
            tok,
            a1=actor,
            conf=0.8,
        )
    if (
        tok.pos_ == "VERB"
        and lem == "turn"
        and any(c.lower_ in ("violent", "violence") for c in tok.subtree)
    ):
        actor = agent(tok)
        if actor_class(actor) in ("protesters",) or lemma(actor) in (
            "protest",
            "demonstration",
            "rally",
        ):
            return guess(
                "rioting",
                "Riots",
                "Violent demonstration",
                tok,
                tok,
                a1=actor,
                conf=0.8,
            )
        return None
    if tok.pos_ == "VERB" and lem in ("throw", "hurl"):
        missile = patient(tok)
        at = pobj(tok, "at", "on", "against")
        if lemma(missile) not in rule_words("rioting", "missiles") or at is None:
            return None
        actor = agent(tok)
        if actor_class(actor) in ("state_forces", "government", "armed_group"):
            return None
        return guess(
            "rioting",
            *riot_coding(
                actor,
                default="Violent demonstration",
                scene=scene,
                outside=("Riots", "Violent demonstration"),
            ),
            tok,
            tok,
            a1=actor,
            a2=at,
            conf=0.75,
        )
    return None


@RULES.register(
    "clashes",
    example="Throughout January 5, clashes took place in the cities of the republic",
)
def clashes(tok: Token, scene: Scene) -> Guess | None:
    """'Clashes': violent demonstrations in a protest crisis, armed clashes elsewhere."""
    if tok.pos_ == "NOUN":
        if not is_eventive_noun(tok):
            return None
        a1 = None
    elif tok.pos_ == "VERB":
        a1 = agent(tok)
    else:
        return None
    if scene.protest_context and actor_class(a1) not in ("armed_group",):
        named = (
            actor_class(a1) == "protesters"
        )  # "stone-throwing protesters clashed with police in running battles"
        return guess(
            "clashes",
            "Riots",
            "Violent demonstration",
            tok,
            a1=a1,
            a2=pobj(tok, "with"),
            conf=0.85 if named else 0.75,
        )
    return guess(
        "clashes", "Battles", "Armed clash", tok, a1=a1, a2=pobj(tok, "with"), conf=0.75
    )


@RULES.register(
    "fighting",
    example="The airport of Alma-Ata was destroyed, fighting began in the streets.",
)
def fighting(tok: Token, scene: Scene) -> Guess | None:
    """Two-sided fighting: 'fighting began', 'a shootout ensued', 'the battles for the airport'."""
    if tok.pos_ not in ("NOUN", "VERB"):
        return None
    if lemma(tok) == "exchange" and lemma(pobj(tok, "of")) not in (
        "fire",
        "gunfire",
        "shot",
    ):
        return None
    if tok.pos_ == "VERB" and not (
        tok.tag_ == "VBG"
        and lemma(tok) == "fight"
        and tok.dep_ in ("nsubj", "nsubjpass")
    ):
        return None
    if not (is_eventive_noun(tok) or pobj(tok, "between") is not None):
        return None
    return guess("fighting", "Battles", "Armed clash", tok, conf=0.8, strength=STRONG)


@RULES.register("gunfire", example="Shootings are going on in Almaty.")
def gunfire(tok: Token, scene: Scene) -> Guess | None:
    """Unattributed gunfire heard or going on: an armed clash unless another event explains it."""
    if tok.pos_ == "NOUN":
        if lemma(tok) in ("explosion", "blast", "shelling"):
            return None
        if pobj(tok, "at", "on") is not None:
            return None
        if lemma(tok) == "fire" and not any(
            c.lower_ in ("automatic", "gunfire", "machine-gun", "small-arms", "heavy")
            for c in tok.children
        ):
            return None
        if not (is_eventive_noun(tok) and (tok.dep_ != "ROOT")):
            return None
        return guess("gunfire", "Battles", "Armed clash", tok, conf=0.65, strength=WEAK)
    if (
        tok.pos_ == "VERB"
        and lemma(tok) == "fire"
        and is_passive(tok)
        and lemma(patient(tok)) in ("shot", "round", "bullet")
    ):
        return guess(
            "gunfire", "Battles", "Armed clash", tok, tok, conf=0.65, strength=WEAK
        )
    return None


@RULES.register(
    "killed",
    example="26 people were killed last night in Kazakhstan, according to the Ministry of Internal Affairs.",
)
def killed(tok: Token, scene: Scene) -> Guess | None:
    """A casualty report: the event type comes from the context named in the clause."""
    verb = tok if tok.pos_ == "VERB" else None
    if tok.pos_ == "NOUN" and lemma(tok) == "death":
        victims = pobj(tok, "of")
    elif verb is not None and lemma(tok) == "kill" and is_passive(tok):
        victims = patient(tok)
    elif verb is not None and lemma(tok) == "die":
        victims = agent(tok)
    else:
        return None
    if victims is None or not any(
        c.like_num or c.dep_ == "nummod" for c in victims.subtree
    ):
        return None
    context = set()
    for t in governing_verb(tok).subtree:
        context.add(lemma(t))
    if context & {"riot", "unrest", "disorder", "pogrom"}:
        return guess(
            "killed", "Riots", "Violent demonstration", tok, a2=victims, conf=0.75
        )
    if context & {"clash"}:
        return None  # the clashes rule codes it
    if context & {"battle", "fighting", "shootout", "firefight"}:
        return guess("killed", "Battles", "Armed clash", tok, a2=victims, conf=0.75)
    if context & (
        rule_words("airstrike")
        | rule_words("shelling")
        | rule_words("remote-explosive")
        | rule_words("grenade")
        | {"attack", "bombing", "suicide"}
    ):
        return None
    if not scene.protest_context:
        return None
    return guess(
        "killed", "Battles", "Armed clash", tok, a2=victims, conf=0.6, strength=WEAK
    )


def is_force(tok: Token | None) -> bool:
    """A body of troops or police (what is deployed)."""
    if tok is None:
        return False
    if lemma(tok) in rule_words("deployment", "objects"):
        return True
    return actor_class(tok) == "state_forces" or lemma(tok) in ("force",)


@RULES.register(
    "deployment",
    example="the member countries of the association decided to send collective peacekeeping forces to Kazakhstan",
)
def deployment(tok: Token, scene: Scene) -> Guess | None:
    """Troops sent, deployed, brought in, put on alert or on their way."""
    lem = lemma(tok)
    if tok.pos_ == "NOUN":
        if (
            lem == "way"
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "on"
            and any(c.lower_ in ("its", "their") for c in tok.children)
        ):
            verb = governing_verb(tok)
            subj = agent(verb)
            if is_force(subj) or (
                subj is not None and any(is_force(t) for t in subj.subtree)
            ):
                return guess(
                    "deployment",
                    "Strategic developments",
                    "Other",
                    tok,
                    verb,
                    a1=subj,
                    conf=0.8,
                )
        if lem == "alert" and tok.dep_ == "pobj" and tok.head.lower_ == "on":
            verb = governing_verb(tok)
            subj = children(verb, "nsubjpass", "nsubj") if verb.i != tok.i else []
            phrase = subj[0] if subj else tok.head.head
            if any(
                is_force(t) for t in (phrase.subtree if phrase is not None else [])
            ) or any(is_force(t) for t in tok.subtree):
                return guess(
                    "deployment",
                    "Strategic developments",
                    "Other",
                    tok,
                    verb if verb.pos_ in ("VERB", "AUX") else tok,
                    a1=phrase,
                    conf=0.75,
                )
        return None
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "relcl"):
        return None
    if lem == "prepare":
        subj = patient(tok) if is_passive(tok) else None
        if (
            subj is None
            or not is_force(subj)
            or lemma(pobj(tok, "for"))
            not in ("transfer", "deployment", "departure", "dispatch")
        ):
            return None
        return guess(
            "deployment",
            "Strategic developments",
            "Other",
            tok,
            tok,
            a1=subj,
            conf=0.75,
        )
    if lem in ("arrive", "enter", "land"):
        subj = agent(tok)
        if not is_force(subj) or actor_class(subj) != "state_forces":
            return None
        return guess(
            "deployment", "Strategic developments", "Other", tok, tok, a1=subj, conf=0.7
        )
    forces = patient(tok)
    if not is_force(forces):
        return None
    if (
        lem in ("bring", "introduce", "transfer", "fly")
        and pobj(tok, "into", "to", "in") is None
        and not any(c.lower_ in ("in", "into") for c in tok.children)
    ):
        return None
    if (
        lem == "deploy"
        and tok.dep_ != "xcomp"
        and pobj(tok, "to", "into") is None
        and not children(tok, "dobj")
    ):
        return None
    return guess(
        "deployment",
        "Strategic developments",
        "Other",
        tok,
        tok,
        a1=agent(tok),
        a2=forces,
        conf=0.8,
    )


@RULES.register("appeal-for-help", example="Tokayev appealed for help to the CSTO")
def appeal_for_help(tok: Token, scene: Scene) -> Guess | None:
    """A government asks for (foreign military) help: appealed/turned to X for help, requested help."""
    if tok.pos_ != "VERB":
        return None
    helps = rule_words("appeal-for-help", "objects")
    lem = lemma(tok)
    wanted = pobj(tok, "for")
    if lem in ("request", "seek"):
        wanted = (children(tok, "dobj") or [None])[0]
    if lemma(wanted) not in helps:
        return None
    if lem == "turn" and pobj(tok, "to") is None:
        return None
    if lem == "call" and pobj(tok, "on", "upon") is None:
        return None
    helper = pobj(tok, "to", "from") or (
        pobj(wanted, "from") if wanted is not None else None
    )
    return guess(
        "appeal-for-help",
        "Strategic developments",
        "Other",
        tok,
        tok,
        a1=agent(tok),
        a2=helper,
        conf=0.8,
    )


@RULES.register(
    "emergency-declared",
    example="A state of emergency was declared throughout Kazakhstan.",
)
def emergency_declared(tok: Token, scene: Scene) -> Guess | None:
    """A state of emergency, curfew or martial law declared or imposed."""
    if tok.pos_ != "VERB":
        return None
    obj = patient(tok)
    if obj is None or not (
        subtree_lemmas(obj) & rule_words("emergency-declared", "objects")
    ):
        return None
    return guess(
        "emergency-declared",
        "Strategic developments",
        "Other",
        tok,
        tok,
        a1=agent(tok),
        conf=0.85,
    )


@RULES.register(
    "security-operation",
    example="As stated by the vice mayor Yerzhan Babakumarov, an anti-terrorist operation began in the city.",
)
def security_operation(tok: Token, scene: Scene) -> Guess | None:
    """A counter-terrorist or security operation begins or is conducted; a city 'cleaned up' of rioters."""
    lem = lemma(tok)
    if tok.pos_ == "NOUN" and lem == "operation":
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")} | {
            lemma(c) for c in tok.children if c.dep_ in ("amod", "compound")
        }
        if not mods & rule_words("security-operation", "modifiers"):
            return None
        verb = tok.head
        verbs = rule_words("security-operation", "verbs")
        if (
            tok.dep_ in ("nsubj", "nsubjpass", "dobj")
            and lemma(verb) in verbs
            and lemma(verb) != "be"
        ):
            return guess(
                "security-operation",
                "Strategic developments",
                "Other",
                tok,
                verb,
                a1=agent(verb) if tok.dep_ == "dobj" else None,
                conf=0.8,
            )
        return None
    if tok.pos_ != "VERB":
        return None
    place = patient(tok)
    rid_of = pobj(tok, "from", "of")
    if place is None or rid_of is None:
        return None
    if actor_class(rid_of) not in ("rioters", "armed_group", "protesters"):
        return None
    return guess(
        "security-operation",
        "Strategic developments",
        "Other",
        tok,
        tok,
        a1=agent(tok),
        a2=rid_of,
        conf=0.75,
    )


@RULES.register(
    "internet-shutdown", example="The Internet was disconnected in the country."
)
def internet_shutdown(tok: Token, scene: Scene) -> Guess | None:
    """The internet or phone network cut, restricted or blocked."""
    if tok.pos_ != "VERB":
        return None
    obj = patient(tok)
    if lemma(obj) not in rule_words("internet-shutdown", "objects"):
        return None
    if lemma(tok) in ("shut", "switch", "turn") and not any(
        c.lower_ in ("off", "down") for c in tok.children
    ):
        return None
    return guess(
        "internet-shutdown",
        "Strategic developments",
        "Other",
        tok,
        tok,
        a1=agent(tok),
        conf=0.8,
    )


@RULES.register(
    "government-removed",
    example="He also removed Nazarbayev as head of the powerful National Security Council",
)
def government_removed(tok: Token, scene: Scene) -> Guess | None:
    """A government sacked, an official removed or replaced."""
    if tok.pos_ != "VERB":
        return None
    obj = patient(tok)
    if obj is None:
        return None
    posts = rule_words("government-removed", "objects")
    as_post = pobj(tok, "as", "from")
    if not (
        lemma(obj) in posts or obj.ent_type_ == "PERSON" and lemma(as_post) in posts
    ):
        return None
    if lemma(tok) == "fire" and pobj(tok, "on", "at") is not None:
        return None
    return guess(
        "government-removed",
        "Strategic developments",
        "Other",
        tok,
        tok,
        a1=agent(tok),
        a2=obj,
        conf=0.75,
    )


@RULES.register(
    "force-ordered",
    example="he ordered the army to open fire to kill terrorists participating in the riots",
)
def force_ordered(tok: Token, scene: Scene) -> Guess | None:
    """An order to security forces to open fire or use force, reported as given."""
    if tok.pos_ != "VERB":
        return None
    forces = patient(tok) or pobj(tok, "to")
    if actor_class(forces) != "state_forces":
        return None
    action = children(tok, "xcomp", "ccomp")
    if not action or not (
        subtree_lemmas(action[0]) & {"fire", "shoot", "kill", "force", "weapon"}
    ):
        return None
    return guess(
        "force-ordered",
        "Strategic developments",
        "Other",
        tok,
        tok,
        a1=agent(tok),
        a2=forces,
        conf=0.7,
    )


@RULES.register(
    "council-formed", example="a council of aksakals is being formed in Zhanaozen"
)
def council_formed(tok: Token, scene: Scene) -> Guess | None:
    """A local council or authority formed; a base or post set up."""
    if tok.pos_ != "VERB":
        return None
    obj = patient(tok)
    if lemma(obj) not in rule_words("council-formed", "objects"):
        return None
    if lemma(tok) == "set" and not any(c.lower_ == "up" for c in tok.children):
        return None
    if lemma(obj) in (
        "headquarters",
        "base",
        "post",
        "camp",
        "outpost",
        "barracks",
        "position",
    ):
        return guess(
            "council-formed",
            "Strategic developments",
            "Headquarters or base established",
            tok,
            tok,
            a1=agent(tok),
            conf=0.75,
        )
    return guess(
        "council-formed",
        "Strategic developments",
        "Other",
        tok,
        tok,
        a1=agent(tok),
        conf=0.7,
    )


@RULES.register("power-transferred", example="power has passed to the protesters.")
def power_transferred(tok: Token, scene: Scene) -> Guess | None:
    """Power or territory passes without fighting (Non-violent transfer of territory)."""
    if tok.pos_ != "VERB":
        return None
    thing = agent(tok) if lemma(tok) == "pass" else patient(tok)
    if lemma(thing) not in ("power", "control", "territory"):
        return None
    to = pobj(tok, "to")
    if to is None:
        return None
    return guess(
        "power-transferred",
        "Strategic developments",
        "Non-violent transfer of territory",
        tok,
        tok,
        a1=to,
        conf=0.75,
    )


# Ground an armed group holds: state forces taking it regain territory (ACLED);
# taking an airport or a facility is securing it (a deployment's task).
HELD_GROUND = frozenset(
    {
        "town",
        "village",
        "area",
        "neighborhood",
        "neighbourhood",
        "district",
        "camp",
        "post",
        "hill",
        "position",
        "city",
        "region",
        "territory",
        "stronghold",
        "enclave",
        "locality",
        "countryside",
    }
)


@RULES.register(
    "control-taken", example="The army recaptured the town from the rebels on Monday."
)
def control_taken(tok: Token, scene: Scene) -> Guess | None:
    """Forces take, retake or seize control of a site or territory."""
    if tok.pos_ != "VERB":
        return None
    lem = lemma(tok)
    obj = patient(tok)
    if lem in ("take", "establish", "recover", "seize", "gain"):
        if lemma(obj) == "control":
            site = pobj(obj, "of", "over") or pobj(tok, "of", "over")
        elif lem in ("establish", "recover", "gain"):
            return None
        else:
            site = obj
    else:
        site = obj
    if site is None:
        return None
    actor = agent(tok)
    cls = actor_class(actor)
    regain = lem in (
        "retake",
        "recapture",
        "regain",
        "liberate",
        "free",
        "reclaim",
    ) or any(c.lower_ == "back" for c in tok.children)
    territory = site.ent_type_ in ("GPE", "LOC", "FAC") or lemma(site) in (
        "town",
        "city",
        "village",
        "area",
        "region",
        "district",
        "territory",
        "base",
        "position",
        "airport",
        "hill",
        "border",
        "crossing",
        "port",
        "province",
        "locality",
        "neighbourhood",
        "neighborhood",
    )
    if not territory:
        return None
    if regain and cls in ("state_forces", "government"):
        return guess(
            "control-taken",
            "Battles",
            "Government regains territory",
            tok,
            tok,
            a1=actor,
            a2=None,
            conf=0.75,
        )
    if cls == "state_forces" and lemma(site) in HELD_GROUND:
        return guess(
            "control-taken",
            "Battles",
            "Government regains territory",
            tok,
            tok,
            a1=actor,
            conf=0.7,
        )
    if cls == "state_forces" and lem == "take":
        return guess(
            "control-taken",
            "Strategic developments",
            "Other",
            tok,
            tok,
            a1=actor,
            conf=0.7,
        )
    if cls == "armed_group" and not scene.protest_context:
        return guess(
            "control-taken",
            "Battles",
            "Non-state actor overtakes territory",
            tok,
            tok,
            a1=actor,
            conf=0.7,
        )
    return None


@RULES.register(
    "violence-against-civilians",
    example="The activists were subjected to violence and taken to the police station.",
)
def violence_against_civilians(tok: Token, scene: Scene) -> Guess | None:
    """Civilians or activists killed, beaten, tortured or attacked outside a riot."""
    if tok.pos_ not in ("VERB",):
        return None
    lem = lemma(tok)
    if lem == "subject":
        if lemma(pobj(tok, "to")) not in (
            "violence",
            "torture",
            "beating",
            "abuse",
            "assault",
        ):
            return None
        victim = patient(tok)
    elif lem == "open":
        if not any(lemma(c) == "fire" for c in tok.children):
            return None
        victim = pobj(tok, "on", "at")
    else:
        victim = patient(tok)
    if victim is None:
        return None
    vcls = actor_class(victim)
    if not (
        vcls == "civilians"
        or lemma(resolve_pronoun(victim))
        in ("activist", "journalist", "reporter", "blogger")
        or lem == "open"
        and lemma(victim)
        in property_words()
        - {
            "building",
            "checkpoint",
            "post",
            "base",
            "station",
            "department",
            "barricade",
        }
    ):
        return None
    actor = agent(tok)
    acls = actor_class(actor)
    if acls in ("protesters", "rioters") and scene.protest_context:
        return None
    if lem == "kill" and is_passive(tok) and actor is None:
        return None
    if actor is not None and acls is None and lem not in ("subject",):
        return None  # "a tsunami killed 222 people": not violence by anyone
    if actor is None and lem in ("kill", "attack", "shoot", "beat", "open"):
        return None
    return guess(
        "violence-against-civilians",
        "Violence against civilians",
        "Attack",
        tok,
        tok,
        a1=actor,
        a2=victim,
        conf=0.7,
    )


@RULES.register("abduction", example="Three of its members have been abducted.")
def abduction(tok: Token, scene: Scene) -> Guess | None:
    """People abducted, kidnapped or taken hostage."""
    lem = lemma(tok)
    if tok.pos_ == "VERB" and lem in ("abduct", "kidnap"):
        return guess(
            "abduction",
            "Violence against civilians",
            "Abduction/forced disappearance",
            tok,
            tok,
            a1=agent(tok),
            a2=patient(tok),
            conf=0.8,
        )
    if (
        tok.pos_ == "NOUN"
        and lem in ("abduction", "kidnapping")
        and is_eventive_noun(tok)
    ):
        return guess(
            "abduction",
            "Violence against civilians",
            "Abduction/forced disappearance",
            tok,
            conf=0.7,
        )
    if lem == "hostage" and lemma(tok.head) in ("take", "hold", "seize"):
        return guess(
            "abduction",
            "Violence against civilians",
            "Abduction/forced disappearance",
            tok,
            tok.head,
            conf=0.75,
        )
    return None


@RULES.register("sexual-violence", example="Two women were raped by soldiers.")
def sexual_violence(tok: Token, scene: Scene) -> Guess | None:
    """Rape and sexual assault."""
    lem = lemma(tok)
    if lem in ("rape", "molest", "gang-rape") or tok.lower_ in rule_words(
        "sexual-violence"
    ):
        return guess(
            "sexual-violence",
            "Violence against civilians",
            "Sexual violence",
            tok,
            conf=0.85,
        )
    if (
        lem in ("sexual", "sexually")
        and tok.lower_ in ("sexual", "sexually")
        and lemma(tok.head)
        in ("assault", "violence", "abuse", "attack", "harass", "harassment", "abuse")
    ):
        return guess(
            "sexual-violence",
            "Violence against civilians",
            "Sexual violence",
            tok,
            conf=0.8,
        )
    return None


@RULES.register(
    "arrests", example="Police arrested ten opposition activists on Sunday."
)
def arrests(tok: Token, scene: Scene) -> Guess | None:
    """People arrested or detained."""
    if tok.pos_ == "NOUN":
        if lemma(tok) == "custody" and lemma(tok.head.head) in ("take",):
            verb = tok.head.head
            return guess(
                "arrests",
                "Strategic developments",
                "Arrests",
                tok,
                verb,
                a1=agent(verb),
                a2=patient(verb),
                conf=0.75,
            )
        return None
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    if lemma(tok) == "round" and not any(c.lower_ == "up" for c in tok.children):
        return None
    victims = patient(tok)
    if victims is None or actor_class(victims) is None or is_property(victims):
        return None
    return guess(
        "arrests",
        "Strategic developments",
        "Arrests",
        tok,
        tok,
        a1=agent(tok),
        a2=victims,
        conf=0.7,
    )


# What shells and rockets do when a report says they were used, and the attack
# nouns they modify ("mortar attack", "rocket fire").
SHELL_IMPACT_VERBS = frozenset(
    {
        "hit",
        "strike",
        "land",
        "fall",
        "explode",
        "kill",
        "wound",
        "injure",
        "damage",
        "destroy",
        "pierce",
        "slam",
        "rain",
        "target",
        "pound",
        "struck",
    }
)
SHELL_ATTACK_NOUNS = frozenset(
    {
        "attack",
        "fire",
        "strike",
        "barrage",
        "shelling",
        "shell",
        "salvo",
        "bombardment",
        "round",
    }
)


def explosive_guess(name: str, st: str, tok: Token, conf: float) -> Guess:
    return guess(name, "Explosions/Remote violence", st, tok, conf=conf)


@RULES.register(
    "airstrike",
    example="The warplanes targeted the region, killing and wounding 30 civilians",
)
def airstrike(tok: Token, scene: Scene) -> Guess | None:
    """Air and drone strikes: warplanes, jets, drones bombing; 'air strike', 'air raid'."""
    lem = lemma(tok)
    if (
        lem in ("airstrike",)
        or lem in ("strike", "raid", "attack", "bombardment")
        and any(c.lower_ in ("air", "drone", "aerial") for c in tok.children)
    ):
        return explosive_guess("airstrike", "Air/drone strike", tok, 0.85)
    if lem in (
        "warplane",
        "jet",
        "drone",
        "bomber",
        "helicopter",
        "aircraft",
        "plane",
    ) and tok.dep_ in ("nsubj", "agent", "pobj"):
        verb = governing_verb(tok)
        if lemma(verb) in (
            "bomb",
            "strike",
            "hit",
            "pound",
            "target",
            "attack",
            "fire",
            "launch",
            "carry",
            "kill",
            "raid",
            "shell",
            "bombard",
        ):
            return guess(
                "airstrike",
                "Explosions/Remote violence",
                "Air/drone strike",
                tok,
                verb,
                a1=tok,
                conf=0.8,
            )
    if (
        lem in ("bomb", "bombard")
        and tok.pos_ == "VERB"
        and lemma(agent(tok))
        in ("air", "force", "aviation", "coalition", "warplane", "jet")
    ):
        return explosive_guess("airstrike", "Air/drone strike", tok, 0.75)
    return None


@RULES.register(
    "shelling", example="Mortar shells hit homes in the capital on Monday afternoon."
)
def shelling(tok: Token, scene: Scene) -> Guess | None:
    """Shelling, artillery, rockets and missiles."""
    lem = lemma(tok)
    if tok.pos_ == "VERB":
        if lem == "shell":
            return explosive_guess(
                "shelling", "Shelling/artillery/missile attack", tok, 0.8
            )
        return None
    if lem == "shelling" and is_eventive_noun(tok):
        return explosive_guess(
            "shelling", "Shelling/artillery/missile attack", tok, 0.8
        )
    head = tok.head
    in_attack = (
        tok.dep_ in ("compound", "amod", "nmod") and lemma(head) in SHELL_ATTACK_NOUNS
    )
    hits = tok.dep_ in ("nsubj",) and lemma(head) in SHELL_IMPACT_VERBS
    fired = tok.dep_ in ("dobj", "nsubjpass") and lemma(head) in (
        "fire",
        "launch",
        "lob",
    )
    carried = (
        tok.dep_ == "pobj"
        and head.lower_ in ("with", "by")
        and lemma(head.head)
        in SHELL_IMPACT_VERBS | {"attack", "target", "shell", "bombard"}
    )
    if not (in_attack or hits or fired or carried):
        return None
    if lem == "tank" and not (hits or in_attack):
        return None
    return explosive_guess("shelling", "Shelling/artillery/missile attack", tok, 0.75)


@RULES.register(
    "remote-explosive", example="A bomb placed in a garbage container exploded"
)
def remote_explosive(tok: Token, scene: Scene) -> Guess | None:
    """IEDs, landmines, planted and car bombs exploding."""
    lem = lemma(tok)
    sub = subtree_lemmas(tok.head) | {lemma(c) for c in tok.children} | {lem}
    if lem in ("ied", "landmine") or lem == "mine" and "land" in sub:
        return explosive_guess(
            "remote-explosive", "Remote explosive/landmine/IED", tok, 0.85
        )
    if lem in ("bomb", "explosive", "device") and (
        sub
        & {
            "car",
            "roadside",
            "plant",
            "improvised",
            "vehicle",
            "magnetic",
            "sticky",
            "explode",
            "detonate",
            "go",
            "explosive",
        }
    ):
        if "suicide" in {lemma(t) for t in tok.sent}:
            return None
        return explosive_guess(
            "remote-explosive", "Remote explosive/landmine/IED", tok, 0.75
        )
    if lem in ("explosion", "blast", "explode", "detonate") and not (
        {lemma(t) for t in tok.sent}
        & {
            "suicide",
            "grenade",
            "gas",
            "tanker",
            "boiler",
            "factory",
            "plant",
            "pipeline",
            "leak",
            "fireworks",
            "cylinder",
            "mortar",
            "shell",
            "rocket",
            "missile",
            "airstrike",
            "strike",
            "furnace",
            "container",
            "storage",
            "industrial",
            "chemical",
            "refinery",
            "warehouse",
            "volcano",
            "volcanic",
        }
    ):
        return explosive_guess(
            "remote-explosive", "Remote explosive/landmine/IED", tok, 0.6
        )
    return None


@RULES.register(
    "suicide-bomb", example="A suicide bomber blew himself up in the city on Friday"
)
def suicide_bomb(tok: Token, scene: Scene) -> Guess | None:
    """Suicide bombers and suicide vehicle bombs."""
    if lemma(tok) == "svbied":
        return explosive_guess("suicide-bomb", "Suicide bomb", tok, 0.9)
    if lemma(tok) == "suicide" and lemma(tok.head) in (
        "bomber",
        "bombing",
        "attack",
        "attacker",
        "bomb",
        "vest",
        "car",
        "blast",
        "explosion",
        "truck",
    ):
        return explosive_guess("suicide-bomb", "Suicide bomb", tok.head, 0.9)
    return None


@RULES.register(
    "grenade", example="two grenades were hurled from outside the compound wall"
)
def grenade(tok: Token, scene: Scene) -> Guess | None:
    """Hand grenades thrown or exploding."""
    if any(c.lower_.startswith("rocket") for c in tok.children):
        return None
    return explosive_guess("grenade", "Grenade", tok, 0.85)


@RULES.register(
    "chemical-weapon", example="a suspected chemical attack killed 28 people on Sunday"
)
def chemical_weapon(tok: Token, scene: Scene) -> Guess | None:
    """Chemical weapons: chemical attack, chlorine, sarin, mustard gas, nerve agent."""
    lem = lemma(tok)
    if lem == "chemical" and lemma(tok.head) in (
        "attack",
        "weapon",
        "agent",
        "strike",
        "bomb",
        "munition",
        "substance",
    ):
        return explosive_guess("chemical-weapon", "Chemical weapon", tok.head, 0.9)
    if lem in ("chlorine", "sarin"):
        return explosive_guess("chemical-weapon", "Chemical weapon", tok, 0.85)
    if lem in ("mustard", "poison", "poisonous", "nerve", "toxic") and lemma(
        tok.head
    ) in ("gas", "agent", "attack"):
        return explosive_guess("chemical-weapon", "Chemical weapon", tok.head, 0.85)
    return None


@RULES.register(
    "weapons-seized",
    example="Police have seized 50 Kalashnikov rifles, a grenade launcher and ammunition",
)
def weapons_seized(tok: Token, scene: Scene) -> Guess | None:
    """Weapons seized, explosives defused, packages intercepted, attacks foiled (Disrupted weapons use)."""
    if tok.pos_ not in ("VERB",):
        if lemma(tok) == "cache" and is_eventive_noun(tok):
            return guess(
                "weapons-seized",
                "Strategic developments",
                "Disrupted weapons use",
                tok,
                conf=0.6,
            )
        return None
    obj = patient(tok)
    if obj is None:
        return None
    found = subtree_lemmas(obj)
    if not found & rule_words("weapons-seized", "objects"):
        return None
    actor = agent(tok)
    if (
        actor_class(actor) in ("protesters", "rioters")
        or lemma(tok) == "seize"
        and scene.protest_context
        and actor is None
    ):
        return None
    if lemma(tok) in ("destroy", "clear", "detonate") and not found & {
        "mine",
        "landmine",
        "ied",
        "explosive",
        "device",
        "bomb",
        "munition",
        "ammunition",
    }:
        return None
    # seizing grenades outranks the grenades' own mention
    return guess(
        "weapons-seized",
        "Strategic developments",
        "Disrupted weapons use",
        tok,
        tok,
        a1=actor,
        conf=0.9,
    )


@RULES.register(
    "agreement",
    example="the government has released 30 separatist rebels in exchange for the release of 16 soldiers",
)
def agreement(tok: Token, scene: Scene) -> Guess | None:
    """Ceasefires, peace deals, prisoner swaps and surrenders."""
    lem = lemma(tok)
    if lem in ("ceasefire", "truce", "swap") and tok.pos_ in ("NOUN", "PROPN"):
        return guess("agreement", "Strategic developments", "Agreement", tok, conf=0.7)
    if lem in ("agreement", "deal", "accord") and lemma(tok.head) in (
        "sign",
        "reach",
        "agree",
        "conclude",
        "strike",
    ):
        return guess("agreement", "Strategic developments", "Agreement", tok, conf=0.7)
    if (
        lem == "exchange"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and lemma(tok.head.head)
        in ("release", "free", "swap", "hand", "exchange", "return")
    ):
        return guess("agreement", "Strategic developments", "Agreement", tok, conf=0.7)
    if (
        lem == "surrender"
        and tok.pos_ == "VERB"
        and actor_class(agent(tok)) in ("state_forces", "armed_group")
        and pobj(tok, "to") is not None
    ):
        return guess(
            "agreement",
            "Strategic developments",
            "Agreement",
            tok,
            tok,
            a1=agent(tok),
            conf=0.75,
        )
    if (
        lem == "talk"
        and tok.tag_ == "NNS"
        and any(lemma(c) == "peace" for c in tok.children)
    ):
        return guess("agreement", "Strategic developments", "Agreement", tok, conf=0.7)
    if (
        lem == "agree"
        and tok.pos_ == "VERB"
        and actor_class(agent(tok)) in ("state_forces", "armed_group")
    ):
        action = children(tok, "xcomp")
        if action and lemma(action[0]) not in rule_words("deployment"):
            return guess(
                "agreement",
                "Strategic developments",
                "Agreement",
                tok,
                tok,
                a1=agent(tok),
                conf=0.7,
            )
    return None


@RULES.register("group-change", example="his forces have withdrawn from the port city")
def group_change(tok: Token, scene: Scene) -> Guess | None:
    """Forces withdraw, mobilise, reinforce; groups merge, split or defect (Change to group/activity)."""
    if tok.pos_ != "VERB":
        return None
    actor = agent(tok) if not is_passive(tok) else patient(tok)
    if actor_class(actor) not in ("state_forces", "armed_group") and not is_force(
        actor
    ):
        return None
    lem = lemma(tok)
    if lem == "pull" and not any(c.lower_ in ("out", "back") for c in tok.children):
        return None
    return guess(
        "group-change",
        "Strategic developments",
        "Change to group/activity",
        tok,
        tok,
        a1=actor,
        conf=0.65,
    )

"""What a noun phrase names: an ACLED actor class, protesters, property, a body of troops.

The class nouns come from `actor_classes` and `targets` in data/events.json;
the few lists here are the ones only this reading uses, each with its reason.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .base import lexicon, rule_words
from .parse import SUBJECTS, dependents, lemma, pobj

# How far back (in tokens) a pronoun looks for the noun it stands for: about
# two sentences, the distance within which crisis narration keeps its subject.
PRONOUN_REACH = 80

# Armed groups that news names by their own name more often than by a class noun.
# Source: groups ACLED codes most often as rebel groups in its global data.
ARMED_NAMES = frozenset(
    {
        "taliban", "al-shabab", "al-shabaab", "shabab", "shabaab", "isis", "isil", "daesh", "hezbollah", "hamas",
        "pkk", "ypg", "hts", "boko", "haram", "houthi", "houthis", "npa", "ola", "farc", "eln", "nusra",
    }
)  # fmt: skip

# Singular nouns that "they" may stand for: bodies of people.
COLLECTIVE_NOUNS = frozenset({"police", "crowd", "military", "army", "contingent", "mob", "government", "authorities"})

# Quantity and part nouns whose class is their "of"-phrase's ("a group of protesters", "hundreds of rioters").
PART_NOUNS = frozenset(
    {"participant", "member", "group", "number", "dozen", "hundred", "thousand", "one", "some", "many", "most", "all",
     "crowd"}
)  # fmt: skip
# What "participants in the ..." took part in when they are rioters.
RIOT_NOUNS = frozenset({"riot", "unrest", "pogrom"})

# Modifiers that make a generic fighter noun an armed group ("armed men", "masked gunmen").
ARMED_MODIFIERS = frozenset(
    {"opposition", "rebel", "insurgent", "militant", "separatist", "jihadist", "guerrilla", "islamist", "armed",
     "masked", "unidentified"}
)  # fmt: skip
FIGHTER_NOUNS = frozenset({"force", "man", "men", "group", "fighter", "person", "gunman", "assailant", "attacker"})

# State-force nouns too generic to name state forces without a state modifier ("security unit", "police officer").
GENERIC_FORCE_NOUNS = frozenset({"force", "unit", "company", "division", "security", "agent", "guard", "officer"})
# Words in an organisation's name that make it a state force.
STATE_ORG_WORDS = ("police", "army", "sbu", "security service", "guard")

# Names of a gathering of protesters ("a small meeting", "where demonstrators had gathered").
GATHERINGS = frozenset(
    {"meeting", "rally", "gathering", "demonstration", "protest", "march", "picket", "sit-in", "crowd"}
)


@lru_cache(maxsize=1)
def actor_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in lexicon()["actor_classes"].items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def property_words() -> frozenset[str]:
    return frozenset(lexicon()["targets"]["property"])


def resolve_pronoun(tok: Token | None) -> Token | None:
    """A personal pronoun's antecedent: the nearest earlier noun with an actor class.

    Crisis narration keeps its subject ("people in the crowd who stormed ...
    At first, they beat law enforcement officers"), so the nearest preceding
    plural actor noun within about two sentences is a reliable reading.
    """
    if (
        tok is None
        or tok.pos_ != "PRON"
        or tok.lower_ not in ("they", "them", "he", "she", "it", "their", "who", "which", "that")
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
        if plural and cand.pos_ == "NOUN" and cand.tag_ != "NNS" and cand.lower_ not in COLLECTIVE_NOUNS:
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
    mods = {lemma(c) for dep, c in dependents(tok) if dep in ("compound", "amod", "nmod")}
    of = pobj(tok, "of", "in", "from")
    if lem in PART_NOUNS and of is not None:
        inner = actor_class(of)
        if inner is not None:
            if lem == "participant" and lemma(of) in RIOT_NOUNS | {"looting"}:
                return "rioters"
            return inner
    if lem == "participant" and of is not None and lemma(of) in RIOT_NOUNS:
        return "rioters"
    if mods & ARMED_MODIFIERS and lem in FIGHTER_NOUNS:
        return "armed_group"
    if lem in words["rioters"]:
        return "rioters"
    if lem in words["protesters"]:
        return "protesters"
    if lem in ("people", "person") and any(dep == "prep" and lemma(pobj(c)) == "crowd" for dep, c in dependents(tok)):
        return "protesters"
    if lem in words["state_forces"] and (
        lem not in GENERIC_FORCE_NOUNS or mods & words["state_modifiers"] or lem == "force" and tok.tag_ == "NNS"
    ):
        return "state_forces"
    if lem in ("officer", "official") and mods & words["state_modifiers"]:
        return "state_forces"
    if lem == "officer" and not mods:
        return "state_forces"
    if lem in words["armed_group"]:
        return "armed_group"
    if tok.ent_type_ == "ORG" and any(w in tok.lower_ for w in STATE_ORG_WORDS):
        return "state_forces"
    if tok.ent_type_ in ("ORG", "NORP") and tok.dep_ in SUBJECTS + ("pobj", "compound") and lem in ARMED_NAMES:
        return "armed_group"
    if lem in words["government"] or tok.ent_type_ == "GPE" and tok.dep_ in SUBJECTS:
        return "government"
    if tok.ent_type_ == "PERSON":
        return "person"
    if tok.ent_type_ == "ORG":
        return "organization"
    if lem in words["civilians"]:
        return "civilians"
    return None


def names_protest(tok: Token | None) -> bool:
    """Whether a phrase names protesters or a gathering of them.

    "opened fire on a small meeting", "the square where demonstrators had gathered".
    """
    if tok is None:
        return False
    return any(actor_class(t) == "protesters" or lemma(t) in GATHERINGS for t in tok.subtree)


def is_property(tok: Token | None) -> bool:
    """A building, vehicle, monument or other property (not a person or a whole town)."""
    if tok is None:
        return False
    tok = resolve_pronoun(tok) if tok.pos_ == "PRON" else tok
    if tok is None or tok.ent_type_ == "GPE" and tok.pos_ == "PROPN":
        return False
    if lemma(tok) in property_words():
        return True
    return tok.ent_type_ == "FAC"


def is_force(tok: Token | None) -> bool:
    """A body of troops or police (what is deployed)."""
    if tok is None:
        return False
    if lemma(tok) in rule_words("deployment", "objects"):
        return True
    return actor_class(tok) == "state_forces" or lemma(tok) == "force"

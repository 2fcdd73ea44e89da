"""Strategic developments of government: officials removed, power handed over, agreements made.

ACLED: dismissals in response to unrest are `Strategic developments/Other`;
power or ground passing without a fight is `Non-violent transfer of
territory`; ceasefires, peace deals, prisoner swaps and surrenders are
`Agreement`.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import OTHER_DEVELOPMENT, RULES, Guess, Scene, guess, rule_words
from .parse import agent, children, has_child_lemma, lemma, patient, pobj
from .phrases import actor_class

TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
AGREEMENT = ("Strategic developments", "Agreement")

# What passes in a transfer of power.
POWER = ("power", "control", "territory")
# Nouns that are an agreement in themselves, and the agreements that are made ("signed a deal").
TRUCE_NOUNS = ("ceasefire", "truce", "swap")
DEAL_NOUNS = ("agreement", "deal", "accord")
MAKING_VERBS = ("sign", "reach", "agree", "conclude", "strike")
# What is released "in exchange for" something in a prisoner swap.
RELEASE_VERBS = ("release", "free", "swap", "hand", "exchange", "return")
ARMED_SIDES = ("state_forces", "armed_group")


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
    if not (lemma(obj) in posts or obj.ent_type_ == "PERSON" and lemma(pobj(tok, "as", "from")) in posts):
        return None
    if lemma(tok) == "fire" and pobj(tok, "on", "at") is not None:  # fired on: shooting, not sacking
        return None
    return guess("government-removed", OTHER_DEVELOPMENT, tok, tok, a1=agent(tok), a2=obj, conf=0.75)


@RULES.register("power-transferred", example="power has passed to the protesters.")
def power_transferred(tok: Token, scene: Scene) -> Guess | None:
    """Power or territory passes without fighting (Non-violent transfer of territory)."""
    if tok.pos_ != "VERB":
        return None
    thing = agent(tok) if lemma(tok) == "pass" else patient(tok)
    to = pobj(tok, "to")
    if lemma(thing) not in POWER or to is None:
        return None
    return guess("power-transferred", TRANSFER, tok, tok, a1=to, conf=0.75)


@RULES.register(
    "agreement",
    example="the government has released 30 separatist rebels in exchange for the release of 16 soldiers",
)
def agreement(tok: Token, scene: Scene) -> Guess | None:
    """Ceasefires, peace deals, prisoner swaps and surrenders."""
    lem = lemma(tok)
    if (
        lem in TRUCE_NOUNS
        and tok.pos_ in ("NOUN", "PROPN")
        or lem in DEAL_NOUNS
        and lemma(tok.head) in MAKING_VERBS
        or lem == "exchange"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and lemma(tok.head.head) in RELEASE_VERBS
        or lem == "talk"
        and tok.tag_ == "NNS"
        and has_child_lemma(tok, "peace")
    ):
        return guess("agreement", AGREEMENT, tok, conf=0.7)
    if lem not in ("surrender", "agree") or tok.pos_ != "VERB" or actor_class(agent(tok)) not in ARMED_SIDES:
        return None
    if lem == "surrender" and pobj(tok, "to") is not None:
        return guess("agreement", AGREEMENT, tok, tok, a1=agent(tok), conf=0.75)
    if lem == "agree":  # to do something other than send troops
        action = children(tok, "xcomp")
        if action and lemma(action[0]) not in rule_words("deployment"):
            return guess("agreement", AGREEMENT, tok, tok, a1=agent(tok), conf=0.7)
    return None

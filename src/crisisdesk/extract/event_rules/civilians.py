"""Violence against civilians outside a riot: civilians, activists and journalists attacked.

ACLED codes an attack on unarmed people by an organised actor as `Violence
against civilians/Attack`; crowd violence in a protest crisis is a riot
(`riots.py`), and abductions and sexual violence are declarative rules
(`patterns.py`).
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import RULES, Guess, Scene, guess
from .parse import agent, has_child_lemma, lemma, patient, pobj
from .phrases import actor_class, property_words, resolve_pronoun

ATTACK = ("Violence against civilians", "Attack")
# What people are "subjected to" when they are attacked.
ABUSES = ("violence", "torture", "beating", "abuse", "assault")
# Unarmed people whom news names by their work rather than as civilians.
UNARMED_TRADES = ("activist", "journalist", "reporter", "blogger")
# Property that is a security site: opening fire on it is a clash, not an attack on civilians.
SECURITY_SITES = frozenset({"building", "checkpoint", "post", "base", "station", "department", "barricade"})
# Verbs that report violence only with a named perpetrator ("a tsunami killed", "were shot").
NEEDS_PERPETRATOR = ("kill", "attack", "shoot", "beat", "open")


@RULES.register(
    "violence-against-civilians",
    example="The activists were subjected to violence and taken to the police station.",
)
def violence_against_civilians(tok: Token, scene: Scene) -> Guess | None:
    """Civilians or activists killed, beaten, tortured or attacked outside a riot."""
    if tok.pos_ != "VERB":
        return None
    lem = lemma(tok)
    if lem == "subject":
        if lemma(pobj(tok, "to")) not in ABUSES:
            return None
        victim = patient(tok)
    elif lem == "open":
        if not has_child_lemma(tok, "fire"):
            return None
        victim = pobj(tok, "on", "at")
    else:
        victim = patient(tok)
    if victim is None:
        return None
    if not (
        actor_class(victim) == "civilians"
        or lemma(resolve_pronoun(victim)) in UNARMED_TRADES
        or lem == "open"
        and lemma(victim) in property_words() - SECURITY_SITES
    ):
        return None
    actor = agent(tok)
    acls = actor_class(actor)
    if acls in ("protesters", "rioters") and scene.protest_context:
        return None
    if actor is not None and acls is None and lem != "subject":
        return None  # "a tsunami killed 222 people": not violence by anyone
    if actor is None and lem in NEEDS_PERPETRATOR:
        return None
    return guess("violence-against-civilians", ATTACK, tok, tok, a1=actor, a2=victim, conf=0.7)

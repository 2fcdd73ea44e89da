"""Strategic developments of armed forces: deployments, appeals for help, security
operations, orders to fire, seized weapons, withdrawals.

ACLED codes these as `Strategic developments` (sub-type `Other` unless named):
they change the situation without a reported fight.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import OTHER_DEVELOPMENT, RULES, Guess, Scene, guess, rule_words
from .parse import (
    agent,
    children,
    governing_verb,
    has_child,
    is_eventive_noun,
    is_passive,
    lemma,
    patient,
    pobj,
    subtree_lemmas,
)
from .phrases import actor_class, is_force

DISRUPTED_WEAPONS = ("Strategic developments", "Disrupted weapons use")
GROUP_CHANGE = ("Strategic developments", "Change to group/activity")

# What forces are prepared for when a report says they are about to deploy.
DEPARTURES = ("transfer", "deployment", "departure", "dispatch")
# Verbs of moving forces that need a destination ("brought into the city"), unlike "sent".
MOVING_VERBS = ("bring", "introduce", "transfer", "fly")
# Words in an order that make it an order to use force.
FORCE_WORDS = frozenset({"fire", "shoot", "kill", "force", "weapon"})
# Who a security operation rids a place of.
HOSTILE_CLASSES = ("rioters", "armed_group", "protesters")
# Explosives that are destroyed, cleared or detonated by sappers (other weapons destroyed are not disrupted use).
EXPLOSIVES = frozenset({"mine", "landmine", "ied", "explosive", "device", "bomb", "munition", "ammunition"})


@RULES.register(
    "deployment",
    example="the member countries of the association decided to send collective peacekeeping forces to Kazakhstan",
)
def deployment(tok: Token, scene: Scene) -> Guess | None:
    """Troops sent, deployed, brought in, put on alert or on their way."""
    if tok.pos_ == "NOUN":
        return forces_under_way(tok)
    lem = lemma(tok)
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "relcl"):
        return None
    if lem == "prepare":
        subj = patient(tok) if is_passive(tok) else None
        if subj is None or not is_force(subj) or lemma(pobj(tok, "for")) not in DEPARTURES:
            return None
        return guess("deployment", OTHER_DEVELOPMENT, tok, tok, a1=subj, conf=0.75)
    if lem in ("arrive", "enter", "land"):
        subj = agent(tok)
        if not is_force(subj) or actor_class(subj) != "state_forces":
            return None
        return guess("deployment", OTHER_DEVELOPMENT, tok, tok, a1=subj, conf=0.7)
    forces = patient(tok)
    if not is_force(forces):
        return None
    if lem in MOVING_VERBS and pobj(tok, "into", "to", "in") is None and not has_child(tok, "in", "into"):
        return None
    if lem == "deploy" and tok.dep_ != "xcomp" and pobj(tok, "to", "into") is None and not children(tok, "dobj"):
        return None
    return guess("deployment", OTHER_DEVELOPMENT, tok, tok, a1=agent(tok), a2=forces, conf=0.8)


def forces_under_way(tok: Token) -> Guess | None:
    """The nominal deployments: forces 'on their way', 'put on alert'."""
    if lemma(tok) == "way" and tok.dep_ == "pobj" and tok.head.lower_ == "on" and has_child(tok, "its", "their"):
        verb = governing_verb(tok)
        subj = agent(verb)
        if is_force(subj) or (subj is not None and any(is_force(t) for t in subj.subtree)):
            return guess("deployment", OTHER_DEVELOPMENT, tok, verb, a1=subj, conf=0.8)
    if lemma(tok) == "alert" and tok.dep_ == "pobj" and tok.head.lower_ == "on":
        verb = governing_verb(tok)
        subj = children(verb, "nsubjpass", "nsubj") if verb.i != tok.i else []
        phrase = subj[0] if subj else tok.head.head
        if any(is_force(t) for t in (phrase.subtree if phrase is not None else [])) or any(
            is_force(t) for t in tok.subtree
        ):
            head = verb if verb.pos_ in ("VERB", "AUX") else tok
            return guess("deployment", OTHER_DEVELOPMENT, tok, head, a1=phrase, conf=0.75)
    return None


@RULES.register("appeal-for-help", example="Tokayev appealed for help to the CSTO")
def appeal_for_help(tok: Token, scene: Scene) -> Guess | None:
    """A government asks for (foreign military) help: appealed/turned to X for help, requested help."""
    if tok.pos_ != "VERB":
        return None
    lem = lemma(tok)
    wanted = (children(tok, "dobj") or [None])[0] if lem in ("request", "seek") else pobj(tok, "for")
    if lemma(wanted) not in rule_words("appeal-for-help", "objects"):
        return None
    if lem == "turn" and pobj(tok, "to") is None:
        return None
    if lem == "call" and pobj(tok, "on", "upon") is None:
        return None
    helper = pobj(tok, "to", "from") or (pobj(wanted, "from") if wanted is not None else None)
    return guess("appeal-for-help", OTHER_DEVELOPMENT, tok, tok, a1=agent(tok), a2=helper, conf=0.8)


@RULES.register(
    "security-operation",
    example="As stated by the vice mayor Yerzhan Babakumarov, an anti-terrorist operation began in the city.",
)
def security_operation(tok: Token, scene: Scene) -> Guess | None:
    """A counter-terrorist or security operation begins or is conducted; a city 'cleaned up' of rioters."""
    if tok.pos_ == "NOUN" and lemma(tok) == "operation":
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
        if not ({c.lower_ for c in mods} | {lemma(c) for c in mods}) & rule_words("security-operation", "modifiers"):
            return None
        verb = tok.head
        if (
            tok.dep_ in ("nsubj", "nsubjpass", "dobj")
            and lemma(verb) in rule_words("security-operation", "verbs")
            and lemma(verb) != "be"
        ):
            a1 = agent(verb) if tok.dep_ == "dobj" else None
            return guess("security-operation", OTHER_DEVELOPMENT, tok, verb, a1=a1, conf=0.8)
        return None
    if tok.pos_ != "VERB":
        return None
    place = patient(tok)
    rid_of = pobj(tok, "from", "of")
    if place is None or rid_of is None or actor_class(rid_of) not in HOSTILE_CLASSES:
        return None
    return guess("security-operation", OTHER_DEVELOPMENT, tok, tok, a1=agent(tok), a2=rid_of, conf=0.75)


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
    if not action or not subtree_lemmas(action[0]) & FORCE_WORDS:
        return None
    return guess("force-ordered", OTHER_DEVELOPMENT, tok, tok, a1=agent(tok), a2=forces, conf=0.7)


@RULES.register(
    "weapons-seized",
    example="Police have seized 50 Kalashnikov rifles, a grenade launcher and ammunition",
)
def weapons_seized(tok: Token, scene: Scene) -> Guess | None:
    """Weapons seized, explosives defused, packages intercepted, attacks foiled (Disrupted weapons use)."""
    if tok.pos_ != "VERB":
        if lemma(tok) == "cache" and is_eventive_noun(tok):
            return guess("weapons-seized", DISRUPTED_WEAPONS, tok, conf=0.6)
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
    ):  # a crowd seizing an armoury is a riot
        return None
    if lemma(tok) in ("destroy", "clear", "detonate") and not found & EXPLOSIVES:
        return None
    # seizing grenades outranks the grenades' own mention
    return guess("weapons-seized", DISRUPTED_WEAPONS, tok, tok, a1=actor, conf=0.9)


@RULES.register("group-change", example="his forces have withdrawn from the port city")
def group_change(tok: Token, scene: Scene) -> Guess | None:
    """Forces withdraw, mobilise, reinforce; groups merge, split or defect (Change to group/activity)."""
    if tok.pos_ != "VERB":
        return None
    actor = agent(tok) if not is_passive(tok) else patient(tok)
    if actor_class(actor) not in ("state_forces", "armed_group") and not is_force(actor):
        return None
    if lemma(tok) == "pull" and not has_child(tok, "out", "back"):
        return None
    return guess("group-change", GROUP_CHANGE, tok, tok, a1=actor, conf=0.65)

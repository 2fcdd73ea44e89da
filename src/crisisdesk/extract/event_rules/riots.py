"""Riots: crowds burning, storming, looting, smashing, toppling and rioting.

ACLED codes crowd violence in a protest crisis as `Riots` (by protesters,
demonstrators, rebels or a crowd: `Violent demonstration`; by rioters, looters
or looting: `Mob violence`); the same acts elsewhere are property destruction
or, for storming and crowd violence, nothing these rules can code.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import PROPERTY_DESTRUCTION, RULES, VIOLENT_DEMONSTRATION, Coding, Guess, Scene, guess, rule_words
from .parse import agent, children, has_child, is_eventive_noun, lemma, patient, pobj
from .phrases import actor_class, is_property

MOB_VIOLENCE: Coding = ("Riots", "Mob violence")
# Storming and crowd violence refuse outside a protest crisis, so their `outside` coding is never read.
NOT_CODED: Coding = ("", "")
# Words that make "set" mean arson ("set ablaze").
ABLAZE = ("ablaze", "alight", "afire")
MONUMENTS = frozenset({"monument", "statue", "bust", "memorial", "sculpture"})
# What a crowd breaks in a riot ("broke the windows"); breaking into a building is storming.
BREAKABLE = ("window", "door", "gate", "glass")
# Acts of a crowd that need no named actor ("cars were smashed", "police were pelted").
UNATTRIBUTED_CROWD_ACTS = ("throw", "smash", "stone", "pelt", "vandalize", "vandalise")


def riot_coding(actor: Token | None, *, default: str, scene: Scene, outside: Coding) -> Coding:
    """Event type and sub-type of crowd violence by `actor`.

    In a protest crisis: rioters/looters -> Mob violence, protesters/rebels/a crowd
    -> Violent demonstration, unnamed -> `default`.  Outside one, `outside`.
    """
    if not scene.protest_context:
        return outside
    cls = actor_class(actor)
    if cls == "rioters":
        return MOB_VIOLENCE
    if cls in ("protesters", "armed_group", "civilians"):
        return VIOLENT_DEMONSTRATION
    return "Riots", default


@RULES.register("arson", example="Several administrative buildings in Almaty were set on fire")
def arson(tok: Token, scene: Scene) -> Guess | None:
    """Set on fire / set fire to / set ablaze / torched / caught fire / the arson of."""
    lem = lemma(tok)
    if tok.pos_ == "NOUN" and lem == "arson":
        if not (is_eventive_noun(tok) or tok.dep_ == "pobj"):
            return None
        coding = riot_coding(None, default="Violent demonstration", scene=scene, outside=PROPERTY_DESTRUCTION)
        return guess("arson", coding, tok, a2=pobj(tok, "of"), conf=0.8)
    if tok.pos_ != "VERB":
        return None
    target: Token | None = None
    if lem == "set":
        on_fire = lemma(pobj(tok, "on")) == "fire"
        fire_obj = any(lemma(c) == "fire" for c in children(tok, "dobj"))
        ablaze = any(c.lower_ in ABLAZE for c in tok.subtree)
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
    coding = riot_coding(actor, default="Violent demonstration", scene=scene, outside=PROPERTY_DESTRUCTION)
    return guess("arson", coding, tok, tok, a1=actor, a2=target, conf=0.85)


@RULES.register("storming", example="The building of the city hall of Almaty was taken by storm")
def storming(tok: Token, scene: Scene) -> Guess | None:
    """A crowd storms, seizes, breaks into or rams a building or site."""
    if not scene.protest_context:
        return None
    lem = lemma(tok)
    if tok.pos_ == "NOUN" and lem in ("storming", "raid", "storm"):
        target = pobj(tok, "of", "on")
        if lem == "storm":  # "taken by storm": the verb's agent took its patient
            if not (tok.dep_ == "pobj" and tok.head.lower_ == "by"):
                return None
            verb = tok.head.head
            coding = riot_coding(agent(verb), default="Violent demonstration", scene=scene, outside=NOT_CODED)
            return guess("storming", coding, tok, verb, a1=agent(verb), a2=patient(verb), conf=0.85)
        if not is_property(target) or not (is_eventive_noun(tok) or tok.dep_ == "pobj"):
            return None
        return guess("storming", VIOLENT_DEMONSTRATION, tok, a2=target, conf=0.75)
    if tok.pos_ != "VERB":
        return None
    if lem == "take" and not has_child(tok, "over"):
        return None
    target = pobj(tok, "into") if lem == "break" else patient(tok)
    if not is_property(target):
        return None
    actor = agent(tok)
    if actor_class(actor) in ("state_forces", "government", "organization"):
        return None
    coding = riot_coding(actor, default="Violent demonstration", scene=scene, outside=NOT_CODED)
    return guess("storming", coding, tok, tok, a1=actor, a2=target, conf=0.8)


@RULES.register("looting", example="many trade establishments were looted in the city")
def looting(tok: Token, scene: Scene) -> Guess | None:
    """Looting, plundering, ransacking."""
    if tok.pos_ == "NOUN":
        if tok.dep_ in ("amod", "compound") or not is_eventive_noun(tok):
            return None
        coding = riot_coding(None, default="Mob violence", scene=scene, outside=PROPERTY_DESTRUCTION)
        return guess("looting", coding, tok, conf=0.8)
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    actor = agent(tok)
    if actor_class(actor) == "state_forces" or actor_class(patient(tok)) is not None:
        return None
    coding = riot_coding(actor, default="Mob violence", scene=scene, outside=PROPERTY_DESTRUCTION)
    if coding[0] == "Riots":  # looting is mob violence whoever loots
        coding = MOB_VIOLENCE
    return guess("looting", coding, tok, tok, a1=actor, a2=patient(tok), conf=0.85)


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
        at = pobj(tok, "at")
        if lem == "shooting" and lemma(at) and actor_class(at) == "state_forces" and is_eventive_noun(tok):
            return guess("crowd-violence", VIOLENT_DEMONSTRATION, tok, a2=at, conf=0.75)
        if lem in ("vandalism", "beating") and is_eventive_noun(tok):
            return guess("crowd-violence", MOB_VIOLENCE, tok, conf=0.7)
        return None
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    if lem == "shoot":
        target = pobj(tok, "at", "on")
    elif lem == "throw":  # "were thrown with stones"; "threw rocks at" is the rioting rule's
        if lemma(pobj(tok, "with")) not in rule_words("rioting", "missiles"):
            return None
        target = patient(tok)
    elif lem == "break":
        target = patient(tok)
        if lemma(target) not in BREAKABLE:
            return None
    else:
        target = patient(tok)
    if target is None:
        return None
    if not (actor_class(target) == "state_forces" or is_property(target)):
        return None
    if lemma(target) in ("airport", "city") and lem == "attack":
        return None
    actor = agent(tok)
    if actor_class(actor) in ("state_forces", "government", "organization", "person"):
        return None
    if actor is None and lem not in UNATTRIBUTED_CROWD_ACTS and not (lem == "shoot" and tok.dep_ == "pcomp"):
        return None
    coding = riot_coding(actor, default="Violent demonstration", scene=scene, outside=NOT_CODED)
    return guess("crowd-violence", coding, tok, tok, a1=actor, a2=target, conf=0.75)


@RULES.register(
    "monument-toppled",
    example="In Taldykorgan, a monument to the former head of state Nursultan Nazarbayev was pulled down "
    "from a pedestal.",
)
def monument_toppled(tok: Token, scene: Scene) -> Guess | None:
    """A statue or monument pulled down, toppled or demolished; 'the fall of the monument'."""
    if tok.pos_ == "NOUN":
        if lemma(tok) in ("fall", "toppling", "demolition") and lemma(pobj(tok, "of")) in MONUMENTS:
            coding = riot_coding(None, default="Violent demonstration", scene=scene, outside=PROPERTY_DESTRUCTION)
            return guess("monument-toppled", coding, tok, a2=pobj(tok, "of"), conf=0.8)
        return None
    if tok.pos_ != "VERB":
        return None
    target = patient(tok)
    if lemma(target) not in MONUMENTS:
        return None
    if lemma(tok) in ("pull", "tear", "knock", "bring") and not has_child(tok, "down"):
        return None
    actor = agent(tok)
    coding = riot_coding(actor, default="Violent demonstration", scene=scene, outside=PROPERTY_DESTRUCTION)
    if coding[0] == "Riots":
        coding = MOB_VIOLENCE if actor_class(actor) == "rioters" else VIOLENT_DEMONSTRATION
    return guess("monument-toppled", coding, tok, tok, a1=actor, a2=target, conf=0.85)


@RULES.register("destruction", example="They destroyed the studios of the TV channels")
def destruction(tok: Token, scene: Scene) -> Guess | None:
    """Property destroyed or smashed: a riot in a protest crisis, else property destruction."""
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    target = patient(tok)
    if not is_property(target):
        return None
    actor = agent(tok)
    if actor_class(actor) in ("state_forces", "government"):
        return None
    if actor is not None and lemma(actor) in (
        rule_words("airstrike") | rule_words("shelling") | rule_words("remote-explosive")
    ):  # "shells destroyed the house" is the explosive's event
        return None
    coding = riot_coding(actor, default="Mob violence", scene=scene, outside=PROPERTY_DESTRUCTION)
    return guess("destruction", coding, tok, tok, a1=actor, a2=target, conf=0.7)


@RULES.register(
    "rioting",
    example="Anti-globalisation activists have rioted for a second night as the summit opened",
)
def rioting(tok: Token, scene: Scene) -> Guess | None:
    """Protesters riot, turn violent or throw stones and bottles at police."""
    if tok.pos_ != "VERB":
        return None
    lem = lemma(tok)
    actor = agent(tok)
    if lem in ("riot", "rampage"):
        coding = riot_coding(actor, default="Violent demonstration", scene=scene, outside=VIOLENT_DEMONSTRATION)
        return guess("rioting", coding, tok, tok, a1=actor, conf=0.8)
    if lem == "turn" and any(c.lower_ in ("violent", "violence") for c in tok.subtree):
        if actor_class(actor) == "protesters" or lemma(actor) in ("protest", "demonstration", "rally"):
            return guess("rioting", VIOLENT_DEMONSTRATION, tok, tok, a1=actor, conf=0.8)
        return None
    if lem in ("throw", "hurl"):
        at = pobj(tok, "at", "on", "against")
        if lemma(patient(tok)) not in rule_words("rioting", "missiles") or at is None:
            return None
        if actor_class(actor) in ("state_forces", "government", "armed_group"):
            return None
        coding = riot_coding(actor, default="Violent demonstration", scene=scene, outside=VIOLENT_DEMONSTRATION)
        return guess("rioting", coding, tok, tok, a1=actor, a2=at, conf=0.75)
    return None

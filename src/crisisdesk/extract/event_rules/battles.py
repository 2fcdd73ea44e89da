"""Battles: armed attacks, clashes, fighting, gunfire, casualty counts and territory taken.

ACLED: two armed sides exchanging fire is `Battles/Armed clash` (in a protest
crisis "clashes" are violent demonstrations instead); an armed group attacking
civilians is `Violence against civilians/Attack`; forces retaking ground is
`Government regains territory`, an armed group taking it `Non-state actor
overtakes territory`.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import (
    ARMED_CLASH,
    OTHER_DEVELOPMENT,
    RULES,
    STRONG,
    VIOLENT_DEMONSTRATION,
    WEAK,
    Guess,
    Scene,
    guess,
    rule_words,
)
from .parse import agent, governing_verb, has_child, has_child_lemma, is_eventive_noun, is_passive, lemma, patient, pobj
from .phrases import actor_class, is_property

CIVILIAN_ATTACK = ("Violence against civilians", "Attack")
REGAINS = ("Battles", "Government regains territory")
OVERTAKES = ("Battles", "Non-state actor overtakes territory")

# Civilian places an armed group attacks (an Attack, not a clash) besides property.
CIVILIAN_SITES = frozenset(
    {"village", "town", "school", "market", "mosque", "church", "hotel", "college", "campus", "bus", "house", "home",
     "teahouse", "cafe", "restaurant", "exchange"}
)  # fmt: skip
# Verbs by which state forces strike an armed group (an armed clash from their side).
STRIKING_VERBS = ("kill", "attack", "ambush", "raid", "target", "hit")
# What is exchanged in an exchange of fire.
FIRE_NOUNS = ("fire", "gunfire", "shot")
# Modifiers that make "fire" gunfire ("automatic fire", "heavy fire").
GUNFIRE_MODIFIERS = ("automatic", "gunfire", "machine-gun", "small-arms", "heavy")

# Context words that say what killed the dead of a casualty count (`killed`).
RIOT_CONTEXT = frozenset({"riot", "unrest", "disorder", "pogrom"})
BATTLE_CONTEXT = frozenset({"battle", "fighting", "shootout", "firefight"})
BOMBING_CONTEXT = frozenset({"attack", "bombing", "suicide"})

# Ground an armed group holds: state forces taking it regain territory (ACLED);
# taking an airport or a facility is securing it (a deployment's task).
HELD_GROUND = frozenset(
    {"town", "village", "area", "neighborhood", "neighbourhood", "district", "camp", "post", "hill", "position",
     "city", "region", "territory", "stronghold", "enclave", "locality", "countryside"}
)  # fmt: skip
# Sites whose capture is a change of territory (with named places: GPE, LOC, FAC).
TERRITORY = frozenset(
    {"town", "city", "village", "area", "region", "district", "territory", "base", "position", "airport", "hill",
     "border", "crossing", "port", "province", "locality", "neighbourhood", "neighborhood"}
)  # fmt: skip
REGAINING_VERBS = frozenset({"retake", "recapture", "regain", "liberate", "free", "reclaim"})


@RULES.register(
    "armed-attack",
    example="Taliban fighters have attacked a checkpoint in the northern province, killing 12 security force members",
)
def armed_attack(tok: Token, scene: Scene) -> Guess | None:
    """An armed group attacks forces or a military site (Armed clash) or civilians (Attack)."""
    lem = lemma(tok)
    if tok.pos_ == "NOUN" and lem in ("attack", "ambush", "raid", "assault"):
        by = pobj(tok, "by", "on", "against")
        owner = next((c for c in tok.children if c.dep_ in ("compound", "poss", "amod")), None)
        by_armed = by is not None and lemma(tok.head) != "on" and actor_class(by) == "armed_group"
        attacker = by if by_armed else owner
        if actor_class(attacker) != "armed_group" or not is_eventive_noun(tok):
            return None
        return guess("armed-attack", ARMED_CLASH, tok, a1=attacker, conf=0.7)
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return None
    if lem == "set" and pobj(tok, "upon", "on") is None:
        return None
    if lem == "open" and not has_child_lemma(tok, "fire"):
        return None
    actor = agent(tok)
    if (
        actor_class(actor) == "state_forces"
        and lem in STRIKING_VERBS
        and actor_class(patient(tok)) == "armed_group"
    ):
        return guess("armed-attack", ARMED_CLASH, tok, tok, a1=actor, a2=patient(tok), conf=0.75)
    if actor_class(actor) != "armed_group" or lem == "kill":
        return None
    target = pobj(tok, "upon", "on") if lem in ("set", "open") else patient(tok)
    if target is None:
        return None
    if lemma(target) in rule_words("armed-attack", "objects") or actor_class(target) in ("state_forces", "armed_group"):
        return guess("armed-attack", ARMED_CLASH, tok, tok, a1=actor, a2=target, conf=0.8)
    if actor_class(target) == "civilians" or is_property(target) or lemma(target) in CIVILIAN_SITES:
        if scene.protest_context:
            return None
        return guess("armed-attack", CIVILIAN_ATTACK, tok, tok, a1=actor, a2=target, conf=0.75)
    return None


@RULES.register("clashes", example="Throughout January 5, clashes took place in the cities of the republic")
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
    if scene.protest_context and actor_class(a1) != "armed_group":
        # "stone-throwing protesters clashed with police in running battles"
        named = actor_class(a1) == "protesters"
        conf = 0.85 if named else 0.75
        return guess("clashes", VIOLENT_DEMONSTRATION, tok, a1=a1, a2=pobj(tok, "with"), conf=conf)
    return guess("clashes", ARMED_CLASH, tok, a1=a1, a2=pobj(tok, "with"), conf=0.75)


@RULES.register("fighting", example="The airport of Alma-Ata was destroyed, fighting began in the streets.")
def fighting(tok: Token, scene: Scene) -> Guess | None:
    """Two-sided fighting: 'fighting began', 'a shootout ensued', 'the battles for the airport'."""
    if tok.pos_ not in ("NOUN", "VERB"):
        return None
    if lemma(tok) == "exchange" and lemma(pobj(tok, "of")) not in FIRE_NOUNS:
        return None
    if tok.pos_ == "VERB" and not (tok.tag_ == "VBG" and lemma(tok) == "fight" and tok.dep_ in ("nsubj", "nsubjpass")):
        return None
    if not (is_eventive_noun(tok) or pobj(tok, "between") is not None):
        return None
    return guess("fighting", ARMED_CLASH, tok, conf=0.8, strength=STRONG)


@RULES.register("gunfire", example="Shootings are going on in Almaty.")
def gunfire(tok: Token, scene: Scene) -> Guess | None:
    """Unattributed gunfire heard or going on: an armed clash unless another event explains it."""
    if tok.pos_ == "NOUN":
        if lemma(tok) in ("explosion", "blast", "shelling"):
            return None
        if pobj(tok, "at", "on") is not None:
            return None
        if lemma(tok) == "fire" and not has_child(tok, *GUNFIRE_MODIFIERS):
            return None
        if not (is_eventive_noun(tok) and tok.dep_ != "ROOT"):
            return None
        return guess("gunfire", ARMED_CLASH, tok, conf=0.65, strength=WEAK)
    if (
        tok.pos_ == "VERB"
        and lemma(tok) == "fire"
        and is_passive(tok)
        and lemma(patient(tok)) in ("shot", "round", "bullet")
    ):
        return guess("gunfire", ARMED_CLASH, tok, tok, conf=0.65, strength=WEAK)
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
    if victims is None or not any(c.like_num or c.dep_ == "nummod" for c in victims.subtree):
        return None
    context = {lemma(t) for t in governing_verb(tok).subtree}
    if context & RIOT_CONTEXT:
        return guess("killed", VIOLENT_DEMONSTRATION, tok, a2=victims, conf=0.75)
    if "clash" in context:
        return None  # the clashes rule codes it
    if context & BATTLE_CONTEXT:
        return guess("killed", ARMED_CLASH, tok, a2=victims, conf=0.75)
    explosive = (
        rule_words("airstrike")
        | rule_words("shelling")
        | rule_words("remote-explosive")
        | rule_words("grenade")
        | BOMBING_CONTEXT
    )
    if context & explosive:  # the explosive's rule codes it
        return None
    if not scene.protest_context:
        return None
    return guess("killed", ARMED_CLASH, tok, a2=victims, conf=0.6, strength=WEAK)


@RULES.register("control-taken", example="The army recaptured the town from the rebels on Monday.")
def control_taken(tok: Token, scene: Scene) -> Guess | None:
    """Forces take, retake or seize control of a site or territory."""
    if tok.pos_ != "VERB":
        return None
    lem = lemma(tok)
    obj = patient(tok)
    site = obj
    if lem in ("take", "establish", "recover", "seize", "gain"):
        if lemma(obj) == "control":
            site = pobj(obj, "of", "over") or pobj(tok, "of", "over")
        elif lem in ("establish", "recover", "gain"):
            return None
    if site is None:
        return None
    if not (site.ent_type_ in ("GPE", "LOC", "FAC") or lemma(site) in TERRITORY):
        return None
    actor = agent(tok)
    cls = actor_class(actor)
    regain = lem in REGAINING_VERBS or has_child(tok, "back")
    if regain and cls in ("state_forces", "government"):
        return guess("control-taken", REGAINS, tok, tok, a1=actor, a2=None, conf=0.75)
    if cls == "state_forces" and lemma(site) in HELD_GROUND:
        return guess("control-taken", REGAINS, tok, tok, a1=actor, conf=0.7)
    if cls == "state_forces" and lem == "take":
        return guess("control-taken", OTHER_DEVELOPMENT, tok, tok, a1=actor, conf=0.7)
    if cls == "armed_group" and not scene.protest_context:
        return guess("control-taken", OVERTAKES, tok, tok, a1=actor, conf=0.7)
    return None

"""Explosions and remote violence: air strikes, shelling and planted bombs.

Grenades, suicide bombs and chemical weapons are declarative rules (`patterns.py`).

ACLED codes a weapon that strikes from afar by its kind: `Air/drone strike`,
`Shelling/artillery/missile attack`, `Remote explosive/landmine/IED`.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import RULES, Guess, Scene, guess
from .parse import agent, governing_verb, is_eventive_noun, lemma, subtree_lemmas

AIR_STRIKE = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
REMOTE_EXPLOSIVE = ("Explosions/Remote violence", "Remote explosive/landmine/IED")

# Aircraft, the verbs by which they strike, and who flies them ("the air force bombed").
AIRCRAFT = frozenset({"warplane", "jet", "drone", "bomber", "helicopter", "aircraft", "plane"})
AIRCRAFT_VERBS = frozenset(
    {"bomb", "strike", "hit", "pound", "target", "attack", "fire", "launch", "carry", "kill", "raid", "shell",
     "bombard"}
)  # fmt: skip
AIR_ARMS = ("air", "force", "aviation", "coalition", "warplane", "jet")
AIR_MODIFIERS = ("air", "drone", "aerial")

# What shells and rockets do when a report says they were used, and the attack
# nouns they modify ("mortar attack", "rocket fire").
SHELL_IMPACT_VERBS = frozenset(
    {"hit", "strike", "land", "fall", "explode", "kill", "wound", "injure", "damage", "destroy", "pierce", "slam",
     "rain", "target", "pound", "struck"}
)  # fmt: skip
SHELL_ATTACK_NOUNS = frozenset(
    {"attack", "fire", "strike", "barrage", "shelling", "shell", "salvo", "bombardment", "round"}
)
SHELL_FIRING_VERBS = ("fire", "launch", "lob")

# Words around a bomb that make it a planted one ("car bomb", "roadside device", "the bomb exploded").
PLANTED = frozenset(
    {"car", "roadside", "plant", "improvised", "vehicle", "magnetic", "sticky", "explode", "detonate", "go",
     "explosive"}
)  # fmt: skip
# Words in a sentence that explain an explosion otherwise: another weapon or an accident.
OTHER_BLASTS = frozenset(
    {"suicide", "grenade", "gas", "tanker", "boiler", "factory", "plant", "pipeline", "leak", "fireworks", "cylinder",
     "mortar", "shell", "rocket", "missile", "airstrike", "strike", "furnace", "container", "storage", "industrial",
     "chemical", "refinery", "warehouse", "volcano", "volcanic"}
)  # fmt: skip


@RULES.register("airstrike", example="The warplanes targeted the region, killing and wounding 30 civilians")
def airstrike(tok: Token, scene: Scene) -> Guess | None:
    """Air and drone strikes: warplanes, jets, drones bombing; 'air strike', 'air raid'."""
    lem = lemma(tok)
    if lem == "airstrike" or lem in ("strike", "raid", "attack", "bombardment") and any(
        c.lower_ in AIR_MODIFIERS for c in tok.children
    ):
        return guess("airstrike", AIR_STRIKE, tok, conf=0.85)
    if lem in AIRCRAFT and tok.dep_ in ("nsubj", "agent", "pobj"):
        verb = governing_verb(tok)
        if lemma(verb) in AIRCRAFT_VERBS:
            return guess("airstrike", AIR_STRIKE, tok, verb, a1=tok, conf=0.8)
    if lem in ("bomb", "bombard") and tok.pos_ == "VERB" and lemma(agent(tok)) in AIR_ARMS:
        return guess("airstrike", AIR_STRIKE, tok, conf=0.75)
    return None


@RULES.register("shelling", example="Mortar shells hit homes in the capital on Monday afternoon.")
def shelling(tok: Token, scene: Scene) -> Guess | None:
    """Shelling, artillery, rockets and missiles."""
    lem = lemma(tok)
    if tok.pos_ == "VERB":
        return guess("shelling", SHELLING, tok, conf=0.8) if lem == "shell" else None
    if lem == "shelling" and is_eventive_noun(tok):
        return guess("shelling", SHELLING, tok, conf=0.8)
    head = tok.head
    in_attack = tok.dep_ in ("compound", "amod", "nmod") and lemma(head) in SHELL_ATTACK_NOUNS
    hits = tok.dep_ == "nsubj" and lemma(head) in SHELL_IMPACT_VERBS
    fired = tok.dep_ in ("dobj", "nsubjpass") and lemma(head) in SHELL_FIRING_VERBS
    carried = (
        tok.dep_ == "pobj"
        and head.lower_ in ("with", "by")
        and lemma(head.head) in SHELL_IMPACT_VERBS | {"attack", "target", "shell", "bombard"}
    )
    if not (in_attack or hits or fired or carried):
        return None
    if lem == "tank" and not (hits or in_attack):
        return None
    return guess("shelling", SHELLING, tok, conf=0.75)


@RULES.register("remote-explosive", example="A bomb placed in a garbage container exploded")
def remote_explosive(tok: Token, scene: Scene) -> Guess | None:
    """IEDs, landmines, planted and car bombs exploding."""
    lem = lemma(tok)
    near = subtree_lemmas(tok.head) | {lemma(c) for c in tok.children} | {lem}
    if lem in ("ied", "landmine") or lem == "mine" and "land" in near:
        return guess("remote-explosive", REMOTE_EXPLOSIVE, tok, conf=0.85)
    in_sentence = {lemma(t) for t in tok.sent}
    if lem in ("bomb", "explosive", "device") and near & PLANTED:
        if "suicide" in in_sentence:
            return None
        return guess("remote-explosive", REMOTE_EXPLOSIVE, tok, conf=0.75)
    if lem in ("explosion", "blast", "explode", "detonate") and not in_sentence & OTHER_BLASTS:
        return guess("remote-explosive", REMOTE_EXPLOSIVE, tok, conf=0.6)
    return None

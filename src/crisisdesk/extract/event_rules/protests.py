"""Protests: protests held and spreading, protesters acting, and the force used on them.

ACLED: a gathering that begins, spreads or is held, and protesters chanting,
marching or demanding, is a `Peaceful protest`; state forces firing on or
beating protesters is `Excessive force against protesters`; dispersing,
cordoning or detaining them is `Protest with intervention`.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import PEACEFUL_PROTEST, RULES, Guess, Scene, guess, rule_words
from .parse import agent, has_child, has_child_lemma, lemma, patient, pobj, subtree_lemmas
from .phrases import actor_class, names_protest

EXCESSIVE_FORCE = ("Protests", "Excessive force against protesters")
INTERVENTION = ("Protests", "Protest with intervention")

# Verbs whose object is a protest its organisers hold ("staged a rally"); the
# other verbs of protest-occurs take the protest as subject ("protests spread").
HOLDING_VERBS = frozenset({"hold", "stage", "organize", "organise", "launch"})
# People who are protesting (an activist arrested at home is not a protest).
PROTESTING = frozenset(
    {"protester", "protestor", "demonstrator", "crowd", "marcher", "picketer", "striker", "rally", "protest",
     "demonstration"}
)  # fmt: skip
# Gatherings at which chanting or demanding people are protesters.
RALLIES = ("rally", "protest", "demonstration")
# What police do to a crowd to end it: "used tear gas to disperse the protest".
DISPERSING = ("disperse", "clear", "break", "scatter")


@RULES.register(
    "protest-occurs",
    example="The protests started at the weekend over soaring prices for liquefied petroleum gas",
)
def protest_occurs(tok: Token, scene: Scene) -> Guess | None:
    """A protest noun that begins, spreads, continues or is held."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
        return None
    if lemma(tok) == "display" and tok.tag_ != "NNS":  # "displays" for protests (synonym spinner)
        return None
    verb = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and lemma(verb) in rule_words("protest-occurs", "verbs") - HOLDING_VERBS:
        return guess("protest-occurs", PEACEFUL_PROTEST, tok, verb, a1=tok, conf=0.8)
    if tok.dep_ == "dobj" and lemma(verb) in HOLDING_VERBS:
        return guess("protest-occurs", PEACEFUL_PROTEST, tok, verb, a1=agent(verb), conf=0.75)
    if tok.dep_ == "nsubjpass" and lemma(verb) in ("hold", "stage"):
        return guess("protest-occurs", PEACEFUL_PROTEST, tok, verb, a1=tok, conf=0.75)
    return None


@RULES.register("protest-activity", example="In Zhanaozen, protesters continue to demand a regime change")
def protest_activity(tok: Token, scene: Scene) -> Guess | None:
    """Protesters chant, march, rally, demand; people chant at rallies."""
    if tok.pos_ != "VERB":
        return None
    subj = agent(tok)
    cls = actor_class(subj)
    at_rally = any(lemma(pobj(tok, p)) in RALLIES for p in ("at", "during"))
    if (
        cls == "protesters"
        and (lemma(subj) != "protest" or lemma(tok) != "protest")
        or at_rally
        and cls in ("civilians", None)
        and subj is not None
    ):
        if lemma(tok) == "gather" and tok.dep_ == "relcl":
            return None
        return guess("protest-activity", PEACEFUL_PROTEST, tok, tok, a1=subj, conf=0.75)
    if (
        lemma(tok) in ("protest", "demonstrate", "rally", "march")
        and cls in ("civilians", None)
        and subj is not None
        and tok.dep_ != "xcomp"
    ):
        return guess("protest-activity", PEACEFUL_PROTEST, tok, tok, a1=subj, conf=0.7)
    return None


@RULES.register(
    "fire-on-protesters",
    example="in the evening the army, brought into the city, opened fire on a small meeting",
)
def fire_on_protesters(tok: Token, scene: Scene) -> Guess | None:
    """State forces fire on, beat or kill protesters (Excessive force against protesters)."""
    if tok.pos_ != "VERB":
        return None
    if lemma(tok) == "open":
        if not has_child_lemma(tok, "fire"):
            return None
        target = pobj(tok, "on", "at", "into")
    else:
        target = pobj(tok, "on", "at", "into") or patient(tok)
    if not names_protest(target):
        return None
    actor = agent(tok)
    if actor_class(actor) != "state_forces":
        return None
    return guess("fire-on-protesters", EXCESSIVE_FORCE, tok, tok, a1=actor, a2=target, conf=0.85)


@RULES.register("protest-dispersed", example="Tass later said protesters had been swept from the square")
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
        purpose = next((c for c in tok.children if c.dep_ in ("advcl", "xcomp") and lemma(c) in DISPERSING), None)
        if not means or not (names_protest(aim) or purpose is not None and names_protest(patient(purpose))):
            return None
        target = aim if names_protest(aim) else patient(purpose)
    elif target is None or not any(lemma(t) in PROTESTING for t in target.subtree):
        return None
    if lem in ("break", "crack") and not has_child(tok, "up", "down"):
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
    coding = EXCESSIVE_FORCE if lethal else INTERVENTION
    return guess("protest-dispersed", coding, tok, head, a1=actor, a2=target, conf=0.8)

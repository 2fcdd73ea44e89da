"""What every event rule shares: the registry, the lexicon, a rule's reading (`Guess`) and its codings.

A rule is called with a candidate trigger token and the `Scene` of its
sentence and returns a `Guess` or None.  Rules are tried in the order of
`rules` in `data/events.json` (an equally confident reading of the same word
goes to the earlier rule), so that table, not import order, is the one list of
rules.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ...registry import Registry
from .parse import governing_verb

RULES = Registry("events")

# Strength decides which guesses survive when several fire in one sentence.
# STRONG: explicit two-sided fighting; NORMAL: most rules; WEAK: unattributed
# gunfire or bare casualty counts, which are usually part of another event.
STRONG, NORMAL, WEAK = 2, 1, 0

# ACLED (event type, sub-event type) pairs that several rules code.
Coding = tuple[str, str]
OTHER_DEVELOPMENT: Coding = ("Strategic developments", "Other")
ARMED_CLASH: Coding = ("Battles", "Armed clash")
VIOLENT_DEMONSTRATION: Coding = ("Riots", "Violent demonstration")
PEACEFUL_PROTEST: Coding = ("Protests", "Peaceful protest")
# Crowd violence or destruction outside a protest crisis (see `riots.riot_coding`).
PROPERTY_DESTRUCTION: Coding = ("Strategic developments", "Looting/property destruction")


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


# A rule: (candidate trigger, its sentence's scene) -> a reading or None.
Rule = Callable[[Token, Scene], "Guess | None"]


def guess(
    name: str,
    coding: Coding,
    trigger: Token,
    head: Token | None = None,
    *,
    a1: Token | None = None,
    a2: Token | None = None,
    conf: float,
    strength: int = NORMAL,
) -> Guess:
    """Rule `name`'s reading; the clause head defaults to the verb that governs the trigger."""
    clause = head if head is not None else governing_verb(trigger)
    return Guess(RULES.qualified(name), *coding, trigger, clause, a1, a2, conf, strength)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """data/events.json, loaded once."""
    text = (resources.files("crisisdesk") / "data" / "events.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def rule_words(name: str, key: str = "lemmas") -> frozenset[str]:
    """A word list of rule `name` in data/events.json (its trigger lemmas by default)."""
    return frozenset(lexicon()["rules"][name].get(key, ()))

"""ACLED-style actor names for the words an event uses ("police", "3,000 people").

ACLED names collective actors by class and country ("Protesters (Kazakhstan)",
"Police Forces of Kazakhstan") and leaves actor2 empty when the target is
property, not people.  An event's actor words are mapped the same way:
1. a class noun (the lemma of the phrase's last word in `data/events.json`
   actor_classes) becomes the class name with the country of the event;
2. a proper name ("Dorin Malek", "CSTO") stays itself, to be looked up as an actor;
3. anything else (pronouns, buildings, shops) is no actor: None.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# ACLED's naming of each class, `{country}` filled with the event's country name.
CLASS_NAMES = {
    "protesters": ("Protesters ({country})", "group"),
    "rioters": ("Rioters ({country})", "group"),
    "armed_group": ("Unidentified Armed Group ({country})", "group"),
    "police": ("Police Forces of {country}", "state_force"),
    "state_forces": ("Military Forces of {country}", "state_force"),
    "government": ("Government of {country}", "organization"),
    "civilians": ("Civilians ({country})", "group"),
}
POLICE_WORDS = {"police", "policeman", "policemen", "policewoman", "officer", "gendarme", "gendarmerie"}

# Words before the head that say how many, not who: "about 200", "3,000", "dozens of".
QUANTITY = re.compile(
    r"^((the|a|an|some|several|many|about|around|over|more than|at least|nearly|dozens of|hundreds of|"
    r"thousands of|[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+)+",
    re.IGNORECASE,
)
PLURAL_ENDINGS = (("men", "man"), ("ies", "y"), ("s", ""))
CONNECTORS = {"of", "the", "and", "for", "on", "in", "de"}
# Sentence-initial pronouns look like names but point elsewhere; events do not resolve them.
PRONOUNS = {"those", "they", "he", "she", "it", "we", "these", "this", "that", "who", "some", "others", "many", "all"}


@dataclass(frozen=True)
class ActorRef:
    name: str
    kind: str


@lru_cache(maxsize=1)
def actor_classes() -> dict[str, set[str]]:
    data = json.loads((resources.files("crisisdesk") / "data" / "events.json").read_text(encoding="utf-8"))
    return {k: set(v) for k, v in data["actor_classes"].items() if k in CLASS_NAMES}


def _lemma(word: str) -> str:
    w = word.lower()
    for ending, replacement in PLURAL_ENDINGS:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            return w[: -len(ending)] + replacement
    return w


def is_proper_name(text: str) -> bool:
    """"Dorin Malek", "Ministry of Internal Affairs": capitalised words (connectors aside), no pronoun."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in CONNECTORS]
    return bool(words) and all(w[0].isupper() for w in words) and words[0].lower() not in PRONOUNS


def actor_class(text: str) -> str | None:
    """The ACLED class a noun phrase names, from its head (last) word."""
    words = re.findall(r"[A-Za-z-]+", text)
    if not words:
        return None
    head = words[-1].lower()
    lemma = _lemma(head)
    if head in POLICE_WORDS or lemma in POLICE_WORDS or (lemma == "force" and "police" in text.lower()):
        return "police"
    for cls, nouns in actor_classes().items():
        if head in nouns or lemma in nouns:
            return cls
    return None


def event_actor(text: str | None, country: str | None) -> ActorRef | None:
    """The actor an event's words name, or None when they name no actor."""
    if not text or not text.strip():
        return None
    core = QUANTITY.sub("", " ".join(text.split())).strip(" ,.;:")
    if not core:
        return None
    cls = actor_class(core)
    if cls is None:
        return ActorRef(core, "other") if is_proper_name(core) else None
    if is_proper_name(core) and len(core.split()) > 1 and cls in ("government",):
        return ActorRef(core, CLASS_NAMES[cls][1])
    template, kind = CLASS_NAMES[cls]
    if country:
        return ActorRef(template.format(country=country), kind)
    return ActorRef(re.sub(r" (\(\{country\}\)|of \{country\})", "", template), kind)

"""Names of people, organisations and groups: the raw material of actors.

Each entity of the parse becomes an `EntityMention` with an actor kind.  The
curated entity-ruler lists (data/actors/) give canonical ids and kinds for the
names a small model cannot know; everything else is classified by its label
and head noun.  Places are the places extractor's job: GPE/LOC/FAC entities, and
any name the places extractor already took (it runs first), are not actors here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span

from ..model import DocFacts, EntityMention
from ..nlp import Parsed, actor_patterns
from ..registry import EXTRACTORS

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization", "NORP": "group"}

# Head nouns that make an organisation a state force in ACLED's sense.
STATE_FORCE_WORDS = re.compile(
    r"\b(police|army|military|armed forces|ministry of (internal affairs|interior|defen[cs]e)|"
    r"interior ministry|defen[cs]e ministry|national guard|security (service|committee|council|forces)|"
    r"special forces|troops|gendarmerie|border guards?|riot police)\b",
    re.IGNORECASE,
)

# Leading words that belong to the sentence, not the name ("the CSTO", "The Kremlin's").
LEADING_ARTICLE = re.compile(r"^(the|The|THE)\s+")
TRAILING_POSSESSIVE = re.compile(r"(['’]s|['’])$")
# What the model drags into a name at its end: "Yerlan Dzhumaev /", "Eurasian Integration and".
TRAILING_JUNK = re.compile(r"(\s+(and|or|of|the)|[\s.,;:/\\|–—-])+$")

# The statistical model tags stray tokens as entities; names need a letter and
# at least two characters.
MIN_NAME_CHARS = 2

RULE_RULER = "mentions.curated-list"
RULE_NER = "mentions.ner"


@lru_cache(maxsize=1)
def curated_kinds() -> dict[str, str]:
    """Canonical id -> actor kind, from the curated lists."""
    return {p["id"]: p["kind"] for p in actor_patterns()}


def actor_kind(label: str, text: str, ent_id: str) -> str:
    """The EXPORT.md actor kind of a name, preferring the curated lists."""
    if ent_id and ent_id in curated_kinds():
        return curated_kinds()[ent_id]
    if label == "ORG" and STATE_FORCE_WORDS.search(text):
        return "state_force"
    return ACTOR_LABELS[label]


def trimmed(text: str, start: int) -> tuple[str, int, int]:
    """Drop a leading article and a trailing possessive; return text and new bounds."""
    lead = LEADING_ARTICLE.match(text)
    if lead:
        start += lead.end()
        text = text[lead.end():]
    tail = TRAILING_POSSESSIVE.search(text)
    if tail and len(text) > tail.end() - tail.start() + 1:
        text = text[: tail.start()]
    text = TRAILING_JUNK.sub("", text)
    return text, start, start + len(text)


# Capitalised words before a surname that are roles, not given names.
ROLE_WORDS = {
    "president", "prime", "minister", "chairman", "chair", "head", "leader", "general", "colonel",
    "mr", "mrs", "ms", "dr", "sir", "senator", "governor", "mayor", "ambassador", "spokesman",
    "spokeswoman", "secretary", "deputy", "king", "queen", "prince", "sheikh", "commander", "judge",
}


def with_given_names(ent):
    """A person name with the given name the curated list did not know.

    The list knows "Pashinyan"; in "the CSTO Nicole Pashinyan said" the given
    name "Nicole" is still part of the name.  Capitalised proper nouns right
    before a PERSON, outside other entities and not role words, are taken in.
    """
    doc, start = ent.doc, ent.start
    while start > 0:
        prev = doc[start - 1]
        if not (prev.is_title and prev.pos_ == "PROPN" and prev.ent_type_ in ("", "PERSON")) or prev.lower_ in ROLE_WORDS:
            break
        start -= 1
    return Span(doc, start, ent.end, label=ent.label_) if start < ent.start else ent


def looks_like_a_name(text: str, label: str) -> bool:
    """A dateline the model took for a person ("Mar 3, 2025") is not a name; "55th Brigade" is."""
    if len(text) < MIN_NAME_CHARS or not any(c.isalpha() for c in text):
        return False
    return not (label == "PERSON" and any(c.isdigit() for c in text))


def is_demonym_adjective(ent) -> bool:
    """"Kazakh" in "Kazakh clans" tells a country, not a group that acts; "Kazakhs" does act."""
    return ent.label_ == "NORP" and not any(t.tag_ in ("NNS", "NNPS") for t in ent)


@EXTRACTORS.register("mentions", example="Kazakh President Kassym-Jomart Tokayev requested help from the CSTO")
def mentions(parsed: Parsed, *, facts: DocFacts) -> Iterator[EntityMention]:
    doc_id = parsed.document.id
    taken = [(p.start, p.end) for p in facts.places]
    for ent in parsed.doc.ents:
        if ent.label_ not in ACTOR_LABELS or is_demonym_adjective(ent):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        canonical = ent.ent_id_ or None
        if ent.label_ == "PERSON":
            ent = with_given_names(ent)
        text, start, end = trimmed(ent.text, ent.start_char)
        if not looks_like_a_name(text, ent.label_):
            continue
        curated = canonical is not None
        yield EntityMention(
            doc=doc_id,
            start=start,
            end=end,
            text=text,
            label=ent.label_,
            kind=actor_kind(ent.label_, text, canonical or ""),
            rule=RULE_RULER if curated else RULE_NER,
            confidence=1.0 if curated else None,
            canonical=canonical,
        )

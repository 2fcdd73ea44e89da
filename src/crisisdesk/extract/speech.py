"""The reporting-verb lexicon and the questions quotes.py asks of a token.

The words live in `data/speech_verbs.json` (with where they came from) so a user
can add a verb without touching code; this module only loads them once and
answers yes/no questions about spaCy tokens.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from .views import column, lower_lemmas

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    attribution_only: frozenset[str]
    verb_particles: dict[str, str]
    object_report: frozenset[str]
    statement_nouns: frozenset[str]
    documents: frozenset[str]
    spun_forms: frozenset[str]
    according_to: tuple[str, ...]
    person_roles: frozenset[str]
    org_roles: frozenset[str]
    platforms: frozenset[str]


def _words(section: dict | list) -> list[str]:
    """A list section, or a dict section's `lemmas`/`forms`/`names` list."""
    if isinstance(section, list):
        return section
    for key in ("lemmas", "forms", "names"):
        if key in section:
            return section[key]
    return []


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon from data/speech_verbs.json, read once per process."""
    raw = json.loads((resources.files("crisisdesk") / "data" / "speech_verbs.json").read_text(encoding="utf-8"))
    return Lexicon(
        speech=frozenset(_words(raw["speech"])),
        attribution_only=frozenset(_words(raw["attribution_only"])),
        verb_particles={k: v for k, v in raw["verb_particles"].items() if not k.startswith("_")},
        object_report=frozenset(_words(raw["object_report"])),
        statement_nouns=frozenset(_words(raw["statement_nouns"])),
        documents=frozenset(_words(raw["documents"])),
        spun_forms=frozenset(_words(raw["spun"])),
        according_to=tuple(raw["according_to"]),
        person_roles=frozenset(_words(raw["person_roles"])),
        org_roles=frozenset(_words(raw["org_roles"])),
        platforms=frozenset(_words(raw["platforms"])),
    )


def _has_required_particle(token: Token, lemma: str) -> bool:
    """'call' counts only as 'call on', 'draw' only as 'draw attention', etc."""
    need = lexicon().verb_particles.get(lemma)
    if need is None:
        return True
    return any(child.lemma_.lower() == need or child.text.lower() == need for child in token.children)


def is_speech_verb(token: Token) -> bool:
    """Whether the token is a reporting verb whose clause is a reported statement."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBN", "VBZ", "VBP", "VBG", "VB"):
        return False
    return lemma in lexicon().speech and _has_required_particle(token, lemma)


def is_attribution_word(token: Token) -> bool:
    """Whether the token attributes a quotation: a speech verb, an opinion verb or a spun form."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    if token.text.lower() in lex.spun_forms:
        return True
    if lemma in lex.attribution_only and _has_required_particle(token, lemma):
        return True
    if lemma in lex.speech and _has_required_particle(token, lemma):
        return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
    return False


def attributes_at(doc: Doc, i: int) -> bool:
    """`is_attribution_word(doc[i])`, asked only of a token whose lower-case form is a
    spun form or whose lemma is a reporting or opinion word (read off the Doc's
    columns): the rules ask it of every word of a sentence or phrase, and making
    each of them a Token cost more than the few questions that follow."""
    lex, lemma = lexicon(), lower_lemmas(doc)[i]
    if column(doc, "LOWER")[i] not in lex.spun_forms and lemma not in lex.attribution_only and lemma not in lex.speech:
        return False
    return is_attribution_word(doc[i])


def role_class(token: Token) -> str | None:
    """'person' or 'org' when the noun is a role that stands for someone named before."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    if lemma in lex.person_roles:
        return "person"
    if lemma in lex.org_roles:
        return "org"
    return None


def pronoun_class(token: Token) -> str | None:
    """'person', 'group' or 'relative' for a pronoun that needs an antecedent."""
    word = token.text.lower()
    if word in PERSON_PRONOUNS:
        return "person"
    if word in GROUP_PRONOUNS:
        return "group"
    if word in RELATIVE_PRONOUNS and token.dep_.startswith("nsubj"):
        return "relative"
    return None

"""Declarative event rules: the rules of one shape, written as rows in data/events.json.

Many rules that code a strategic development or a weapon read the same way:
the trigger word has some part of speech, maybe a particle ("set up") or a
head word ("suicide bomber"), maybe an object from a word list; the event's
clause is the trigger, a word above it or the verb governing it; its actors
are that clause's agent and patient.  Such a rule is a `patterns` list in its
entry under `rules` in data/events.json, next to its trigger lemmas, word
lists and `example` (the sentence that motivated it, tested like every rule's).
One matcher reads them all, so a new rule of this shape is a row, not code.

A row's tests, all of which must hold (a string names a word list of the
rule's entry, a list is the words themselves):
  lemma, lower       the trigger's lemma / lower-case form is one of these;
  pos, not_dep       its part of speech is one of these / its dependency label is none of these;
  head_lemma         the word it hangs on has one of these lemmas ("suicide" -> "bomber");
  eventive           it is a noun in an eventive position (`parse.is_eventive_noun`);
  particle           {lemma: words}: a trigger with that lemma needs one of the words as a
                     dependent ("set up", "shut down");
  unless_child_starts  no dependent starts with one of these ("rocket-propelled grenade");
  clause_lemma       the clause head (below) has one of these lemmas;
  object_lemma       the clause head's patient has one of these lemmas;
  object_subtree     a word of the patient's phrase has one of these lemmas ("state of emergency");
  object_is_actor    the patient names an actor (an ACLED actor class), not property.
and its reading:
  example            the sentence that motivated the row (tests/extract/test_event_rules.py reads it);
  coding             [event type, sub-event type];  confidence;
  trigger            "token" (default) or "head": the word reported as the trigger;
  clause             "governing" (default: the verb above the trigger), or the candidate "token",
                     its "head" or "grandparent": what evidence and modality hang on;
  actor1, actor2     "agent" or "patient" of the clause head;
  note               why the row is there (not read).
The first row whose tests hold gives the rule's reading; a rule with no row
that holds refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .base import RULES, Coding, Guess, Rule, Scene, guess, lexicon
from .parse import agent, governing_verb, has_child, is_eventive_noun, lemma, patient, subtree_lemmas
from .phrases import actor_class, is_property

TokenTest = Callable[[Token], bool]


def needs_particle(needs: dict[str, list[str]]) -> TokenTest:
    """A trigger whose lemma is listed needs one of its words as a dependent ("set up", "shut down")."""
    wanted = {word: tuple(particles) for word, particles in needs.items()}
    return lambda tok: lemma(tok) not in wanted or has_child(tok, *wanted[lemma(tok)])


def no_child_starting(prefixes: list[str]) -> TokenTest:
    """No dependent starts with one of the prefixes ("rocket-propelled grenade" is shelling)."""
    starts = tuple(prefixes)
    return lambda tok: not any(c.lower_.startswith(starts) for c in tok.children)


def names_an_actor(tok: Token | None) -> bool:
    """A phrase naming an ACLED actor class, not property ("ten activists", not "the akimat")."""
    return tok is not None and actor_class(tok) is not None and not is_property(tok)


# The tests a row may hold, by key: value (a word list, tags, a flag ...) -> test.
# Tests on the candidate token come first (their dict order is the order they run:
# cheap ones first), then tests on the clause head the row names.
TOKEN_TESTS: dict[str, Callable[..., TokenTest]] = {
    "lemma": lambda words: lambda tok: lemma(tok) in words,
    "lower": lambda words: lambda tok: tok.lower_ in words,
    "pos": lambda tags: lambda tok: tok.pos_ in tags,
    "not_dep": lambda deps: lambda tok: tok.dep_ not in deps,
    "head_lemma": lambda words: lambda tok: lemma(tok.head) in words,
    "particle": needs_particle,
    "unless_child_starts": no_child_starting,
    "eventive": lambda wanted: lambda tok: is_eventive_noun(tok) == wanted,
}
CLAUSE_TESTS: dict[str, Callable[..., TokenTest]] = {
    "clause_lemma": lambda words: lambda clause: lemma(clause) in words,
    "object_lemma": lambda words: lambda clause: lemma(patient(clause)) in words,
    "object_subtree": lambda words: lambda clause: bool(subtree_lemmas(patient(clause)) & words),
    "object_is_actor": lambda wanted: lambda clause: names_an_actor(patient(clause)) == wanted,
}
# Keys whose value is a word list: a list of words, or the name of a list in the rule's entry.
WORD_LIST_KEYS = frozenset({"lemma", "lower", "head_lemma", "clause_lemma", "object_lemma", "object_subtree"})

# Which token a row's `clause` names, from the candidate token and the reported trigger.
CLAUSES: dict[str, Callable[[Token, Token], Token]] = {
    "governing": lambda tok, trigger: governing_verb(trigger),
    "token": lambda tok, trigger: tok,
    "head": lambda tok, trigger: tok.head,
    "grandparent": lambda tok, trigger: tok.head.head,
}
TRIGGERS: dict[str, Callable[[Token], Token]] = {"token": lambda tok: tok, "head": lambda tok: tok.head}
ROLES: dict[str, Callable[[Token], Token | None]] = {"agent": agent, "patient": patient}
# Keys of a row that are its reading rather than a test.
READING_KEYS = frozenset({"example", "coding", "confidence", "trigger", "clause", "actor1", "actor2", "note"})


@dataclass(frozen=True)
class Pattern:
    """One row of a declarative rule, compiled."""

    rule: str
    coding: Coding
    confidence: float
    token_tests: tuple[TokenTest, ...]
    clause_tests: tuple[TokenTest, ...]
    trigger: Callable[[Token], Token]
    clause: Callable[[Token, Token], Token]
    actor1: Callable[[Token], Token | None] | None
    actor2: Callable[[Token], Token | None] | None

    def read(self, tok: Token) -> Guess | None:
        if not all(test(tok) for test in self.token_tests):
            return None
        trigger = self.trigger(tok)
        clause = self.clause(tok, trigger)
        if not all(test(clause) for test in self.clause_tests):
            return None
        a1 = self.actor1(clause) if self.actor1 else None
        a2 = self.actor2(clause) if self.actor2 else None
        return guess(self.rule, self.coding, trigger, clause, a1=a1, a2=a2, conf=self.confidence)


def compile_row(name: str, entry: dict, row: dict) -> Pattern:
    """A row of rule `name` (whose lexicon entry is `entry`) as a Pattern; unknown keys are refused."""
    unknown = set(row) - READING_KEYS - TOKEN_TESTS.keys() - CLAUSE_TESTS.keys()
    if unknown:
        raise ValueError(f"data/events.json: rule {name!r} has unknown pattern keys {sorted(unknown)}")

    def value(key: str):
        v = row[key]
        if key not in WORD_LIST_KEYS:
            return v
        return frozenset(entry[v] if isinstance(v, str) else v)

    return Pattern(
        rule=name,
        coding=tuple(row["coding"]),
        confidence=row["confidence"],
        token_tests=tuple(make(value(k)) for k, make in TOKEN_TESTS.items() if k in row),
        clause_tests=tuple(make(value(k)) for k, make in CLAUSE_TESTS.items() if k in row),
        trigger=TRIGGERS[row.get("trigger", "token")],
        clause=CLAUSES[row.get("clause", "governing")],
        actor1=ROLES[row["actor1"]] if "actor1" in row else None,
        actor2=ROLES[row["actor2"]] if "actor2" in row else None,
    )


def matcher(patterns: tuple[Pattern, ...]) -> Rule:
    """A rule made of rows: the first row that reads the token."""

    def match(tok: Token, scene: Scene) -> Guess | None:
        for pattern in patterns:
            found = pattern.read(tok)
            if found is not None:
                return found
        return None

    return match


def register_patterns() -> None:
    """Register every rule of data/events.json that is written as `patterns`."""
    for name, entry in lexicon()["rules"].items():
        if "patterns" in entry:
            compiled = tuple(compile_row(name, entry, row) for row in entry["patterns"])
            RULES.register(name, example=entry["example"])(matcher(compiled))


register_patterns()

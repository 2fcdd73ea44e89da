"""The named patterns that code a clause as an ACLED event.

Each rule is a registry entry `events.<name>` holding the sentence that
motivated it (tested in tests/extract/test_events.py; the rows of declarative
rules also in tests/extract/test_event_rules.py).  A rule is called with a
candidate trigger token (its lemma is in the rule's lexicon in
`data/events.json`) and the `Scene` of its sentence, and returns a `Guess` or
None.  Rules say *what* a clause reports; whether it reports something that
happened (not a threat, plan, denial ...) is `modality.py`'s question, and
which guess wins when several fire is `events.py`'s.

Rules of one shape (a trigger, maybe a particle or an object from a word list,
a clause and its agent and patient) are rows in data/events.json read by
`patterns.py`; the rest are code, one module per family of events:
`protests`, `riots`, `battles`, `civilians`, `explosions`, `forces`,
`politics`.  They share `parse` (agent, patient, eventive nouns), `phrases`
(what a noun phrase names) and `base` (the registry, `Guess`, the lexicon).

ACLED conventions the rules encode (codebook 2023 and the gold notes):
- crowd violence in a protest crisis is `Riots`: by protesters/demonstrators/
  rebels/a crowd -> `Violent demonstration`; by rioters/looters or looting ->
  `Mob violence`;
- state forces firing on or beating protesters -> `Excessive force against
  protesters`; dispersing, cordoning, detaining them -> `Protest with intervention`;
- two armed sides exchanging fire -> `Battles/Armed clash`;
- deployments, appeals for foreign help, states of emergency, internet
  shutdowns, dismissals, security operations -> `Strategic developments/Other`.
"""

from . import battles, civilians, explosions, forces, patterns, politics, protests, riots  # noqa: F401  (register)
from .base import RULES, STRONG, WEAK, Guess, Rule, Scene, lexicon
from .parse import lemma
from .phrases import resolve_pronoun

__all__ = ["RULES", "STRONG", "WEAK", "Guess", "Rule", "Scene", "lexicon", "lemma", "resolve_pronoun"]

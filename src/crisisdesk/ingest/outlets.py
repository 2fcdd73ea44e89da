"""Known news outlets (data/outlets.json) and how a printed name maps to one.

Scraped and OCR'd text confuses look-alike glyphs ("bne IntelIiNews" for
"bne IntelliNews"), so names are compared by a folded key: case-folded, a
leading "The" and punctuation dropped, and the glyphs l/I/i/1/| and o/0
merged.  The key is only ever compared for equality with the keys of the
known list (a test checks those keys are unique), so the folding cannot
invent an outlet that is not on the list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Glyphs that OCR and careless typing swap; each class folds to one character.
CONFUSABLES = str.maketrans({"i": "l", "1": "l", "|": "l", "!": "l", "0": "o"})
_NOT_KEY = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    abbreviations: tuple[str, ...]

    @property
    def full_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def fold(name: str) -> str:
    """The comparison key of a printed outlet name."""
    key = _LEADING_THE.sub("", name.strip().casefold())
    return _NOT_KEY.sub("", key.translate(CONFUSABLES))


@lru_cache(maxsize=1)
def known_outlets() -> tuple[Outlet, ...]:
    raw = json.loads((resources.files("crisisdesk") / "data" / "outlets.json").read_text(encoding="utf-8"))
    return tuple(
        Outlet(o["name"], tuple(o.get("aliases", ())), tuple(o.get("abbreviations", ()))) for o in raw["outlets"]
    )


@lru_cache(maxsize=1)
def _by_key() -> dict[str, str]:
    return {fold(full): outlet.name for outlet in known_outlets() for full in outlet.full_names}


@lru_cache(maxsize=1)
def _abbreviation_of() -> dict[str, str]:
    return {abbr: outlet.name for outlet in known_outlets() for abbr in outlet.abbreviations}


def canonical(name: str) -> str | None:
    """The canonical name of a known outlet printed as `name` (full name only), else None."""
    key = fold(name)
    return _by_key().get(key) if key else None


def canonical_or_abbreviation(name: str) -> str | None:
    """Like `canonical`, also accepting an exact abbreviation ("SP"): for cue contexts only."""
    return _abbreviation_of().get(name.strip()) or canonical(name)


@lru_cache(maxsize=1)
def name_pattern() -> str:
    """A regex alternation of every printed form (names, aliases, abbreviations), longest first."""
    forms = {form for outlet in known_outlets() for form in (*outlet.full_names, *outlet.abbreviations)}
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))

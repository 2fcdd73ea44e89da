"""Where a text names the publication that wrote it, besides its byline.

Machine translations from Russian keep the press's habit of citing itself in
the third person: "told SP", "The CSTO “Izvestia” was informed" (for
'сообщили «Известиям»'), "The Izvestia correspondent in Kazakhstan said".
Each named cue below is a regex around a known outlet's printed form (see
outlets.py); the first cue in registry order that fires gives the outlet.

Not a cue: an outlet that is only someone's employer, "the special
correspondent of Komsomolskaya Pravda Vladimir Vorsobin" (a named reporter
quoted by the text), or a source the text cites ("Tass later said").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..registry import Registry
from .outlets import canonical_or_abbreviation, name_pattern

OUTLET_CUES = Registry("outlet")

_OPEN = r"[“\"«‘']"
_CLOSE = r"[”\"»’']"

# Each pattern holds the placeholder {O} for the outlet alternation.
CUE_PATTERNS = {
    "material-of": (
        rf"\bin[ \t]+(?:the[ \t]+|a[ \t]+)?material[ \t]+of[ \t]+{_OPEN}?(?P<o>{{O}}){_CLOSE}?(?!\w)",
        "as stated in the material of Izvestia",
    ),
    "noted-to-outlet": (
        rf"\b[Aa]s[ \t]+(?:noted|said|explained|told)[ \t]+(?:by|to)[ \t]+{_OPEN}(?P<o>{{O}}){_CLOSE}[ \t]+(?:a|an|the)\b",
        "As noted by “SP” a senior researcher at the Center for Post-Soviet Studies",
    ),
    "outlet-was-told": (
        rf"{_OPEN}(?P<o>{{O}}){_CLOSE}[ \t]+(?:was|were|has[ \t]+been|have[ \t]+been)[ \t]+(?:told|informed)\b",
        "The CSTO “Izvestia” was informed that the peacekeeping forces included units",
    ),
    "told-outlet": (
        rf"\b(?:told|informed|said[ \t]+to|explained[ \t]+to|confirmed[ \t]+to)[ \t]+{_OPEN}?(?P<o>{{O}}){_CLOSE}?(?=[ \t]*[,.;:])",
        "the official told SP.",
    ),
    "outlet-correspondent": (
        rf"\b(?:[Tt]he|[Oo]ur)[ \t]+{_OPEN}?(?P<o>{{O}}){_CLOSE}?[ \t]+correspondent\b(?![ \t]+[A-Z])",
        "The Izvestia correspondent in Kazakhstan said that the plane",
    ),
}

# A word without which a cue cannot fire, tested before the search: these
# cues' patterns start with a word boundary, which the regex engine tries at
# every character (about 10 ms per 50 reports each), while `in` finds or
# misses a fixed word at memchr speed.
CUE_WORDS = {"material-of": "material", "outlet-correspondent": "correspondent"}


@lru_cache(maxsize=1)
def compiled() -> dict[str, re.Pattern]:
    """Every cue's pattern, compiled together on first use (each embeds the long
    outlet-name alternation: ~20 ms apiece), not when a later document first
    reaches a cue."""
    return {name: re.compile(pattern.replace("{O}", name_pattern())) for name, (pattern, _) in CUE_PATTERNS.items()}


def _register(name: str) -> None:
    def cue(text: str) -> str | None:
        if CUE_WORDS.get(name, "") not in text:
            return None
        match = compiled()[name].search(text)
        return canonical_or_abbreviation(match.group("o")) if match else None

    cue.__doc__ = f"The outlet named by the `{name}` cue, or None."
    OUTLET_CUES.register(name, example=CUE_PATTERNS[name][1])(cue)


for _name in CUE_PATTERNS:
    _register(_name)


def outlet_from_cues(text: str) -> tuple[str, str] | None:
    """(outlet, qualified rule name) of the first cue that fires, or None."""
    for entry in OUTLET_CUES.entries():
        outlet = entry.func(text)
        if outlet:
            return outlet, OUTLET_CUES.qualified(entry.name)
    return None

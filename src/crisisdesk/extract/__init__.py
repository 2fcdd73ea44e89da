"""The per-document stage: every registered extractor over one parsed document.

`extract_all` is a pure function of its argument (no I/O, no globals mutated;
the views it leaves on the Doc are dropped when it returns), so the stage runs
in-process, on a process pool or on Ray without change.
Each extractor module registers itself with `EXTRACTORS` on import; the order
below is the order they run in, which matters only where a later extractor
reads an earlier one's facts (events read places, times and claims).
"""

from __future__ import annotations

import time

from ..model import DocFacts
from ..nlp import Parsed
from ..registry import EXTRACTORS
from . import views
# Registration order = run order: times before the facts that read them.
from . import places  # noqa: F401,I001  (registers "places")
from . import times  # noqa: F401  (registers "times")
from . import actors  # noqa: F401  (registers "mentions")
from . import quotes  # noqa: F401  (registers "quotes"; reads mentions)
from . import claims  # noqa: F401  (registers "claims")
from . import events  # noqa: F401  (registers "events"; reads places, times, claims)
from . import framing  # noqa: F401  (registers "framing"; leaves quoted words out)

# Which DocFacts field each extractor fills.
FIELD_OF = {
    "mentions": "mentions",
    "places": "places",
    "times": "times",
    "claims": "claims",
    "quotes": "quotes",
    "events": "events",
    "framing": "framing",
}


def extract_all(parsed: Parsed) -> DocFacts:
    """Run every registered extractor; each sees the facts of those before it."""
    facts = DocFacts(document=parsed.document)
    try:
        for entry in EXTRACTORS.entries():
            started = time.perf_counter()
            found = list(entry.func(parsed, facts=facts))
            getattr(facts, FIELD_OF[entry.name]).extend(found)
            facts.timings[entry.name] = time.perf_counter() - started
    finally:
        views.release(parsed.doc)
    return facts

"""Clean one scraped text: boilerplate spans, title, publication date, outlet.

`clean(text)` is a pure function of the text and never changes it: every
result is a span of the original string or a value read from it.

Cascade (cheapest reliable signal first):
1. line rules (boilerplate.py) mark residue and read datelines and bylines;
2. title: the first line not claimed as residue, if it looks like a headline;
3. published: the first dateline or byline date in the header; failing that,
   the latest full date printed anywhere (inferred: a report cannot predate
   the days it describes, so that is the earliest date the content supports);
4. outlet: a byline naming a known outlet, then a closing credit line, then
   the self-citation cues of outlet_cues.py.

Limits: a headline that ends with a full stop is not recognised; a caption
that carries neither a label, a credit, a date nor the short "X in Y." shape
is read as article text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .boilerplate import BOILERPLATE, HEADER_LINES, MAX_RESIDUE_CHARS, Hit, Where
from .dates import find_dates
from .lines import Line, split_lines, strip_span
from .outlet_cues import outlet_from_cues

# Headlines seen run to 20 words; a line over 30 words is a lead paragraph.
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 300
# A headline cut off by the page ("... officers beheaded in K…") ends this way.
ELLIPSES = ("…", "...")
# Markdown heading and hashtag marks are not part of a headline.
TITLE_MARKS = "#"


@dataclass(frozen=True)
class Residue:
    """A span judged not to be article text, the rule that judged it, and what it read."""

    start: int
    end: int
    rule: str
    hit: Hit


@dataclass(frozen=True)
class Cleaned:
    boilerplate: list[tuple[int, int]]
    title: str | None
    title_span: tuple[int, int] | None
    published: str | None
    published_inferred: bool
    outlet: str | None
    residue: tuple[Residue, ...] = ()


Rule = tuple[Callable[[Line, Where], Hit | None], str]


def rule_plan(zones: tuple[str, ...]) -> tuple[list[Rule], list[Rule]]:
    """(rules for short lines, rules for lines over MAX_RESIDUE_CHARS) of `zones`, in registry order.

    Choosing the rules once per text instead of once per line saved a tenth
    of cleaning: the registry's entry list and each rule's zone and name were
    looked up again on every line."""
    short: list[Rule] = []
    long: list[Rule] = []
    for entry in BOILERPLATE.entries():
        if entry.meta["zone"] in zones:
            rule = (entry.func, BOILERPLATE.qualified(entry.name))
            short.append(rule)
            if entry.meta.get("long_lines"):
                long.append(rule)
    return short, long


def _run_rules(line: Line, where: Where, plan: tuple[list[Rule], list[Rule]]) -> Residue | None:
    for func, name in plan[1] if len(line.text) > MAX_RESIDUE_CHARS else plan[0]:
        hit = func(line, where)
        if hit is not None and hit.end > hit.start:
            return Residue(hit.start, hit.end, name, hit)
    return None


def find_residue(text: str) -> list[Residue]:
    """Residue spans in text order, at most one per line."""
    lines = list(split_lines(text))
    found: dict[int, Residue] = {}
    content = [i for i, line in enumerate(lines) if not line.is_blank]
    header, body = rule_plan(("header", "any")), rule_plan(("any",))
    for rank, i in enumerate(content):
        where = Where(
            index=rank,
            prev_blank=i == 0 or lines[i - 1].is_blank,
            next_blank=i + 1 == len(lines) or lines[i + 1].is_blank,
        )
        residue = _run_rules(lines[i], where, header if rank < HEADER_LINES else body)
        if residue is not None:
            found[i] = residue
    unclaimed = [i for i in content if i not in found]
    if unclaimed:
        last = unclaimed[-1]
        tail = _run_rules(lines[last], Where(len(content) - 1, True, True), rule_plan(("tail",)))
        if tail is not None:
            found[last] = tail
    return [found[i] for i in sorted(found)]


def looks_like_headline(text: str) -> bool:
    """Short, has letters, and does not end a sentence with a full stop (unless cut off)."""
    stripped = text.strip()
    if not any(c.isalpha() for c in stripped) or len(stripped) > MAX_TITLE_CHARS:
        return False
    if len(stripped.split()) > MAX_TITLE_WORDS:
        return False
    return stripped.endswith(ELLIPSES) or not stripped.endswith(".")


def find_title(text: str, residue: list[Residue]) -> tuple[int, int] | None:
    """Span of the headline: the first unclaimed line (or rest of a line) if it looks like one."""
    for line in split_lines(text):
        if line.is_blank:
            continue
        start = line.start
        for r in residue:
            if r.start <= start < r.end or (start <= r.start < line.end and r.start - start <= 1):
                start = max(start, r.end)
        start, end = strip_span(text, start, line.end, TITLE_MARKS)
        if end <= start:
            continue
        return (start, end) if looks_like_headline(text[start:end]) else None
    return None


def find_published(text: str, residue: list[Residue]) -> tuple[str | None, bool]:
    """(YYYY-MM-DD or None, inferred?) - see the module docstring, step 3."""
    for r in residue:
        if r.hit.date is not None and r.rule.split(".")[1] in ("dateline", "dateline-prefix", "byline"):
            return r.hit.date.iso, False
    dates = [d.date for d in find_dates(text) if d.weekday_agrees]
    return (max(dates).isoformat(), True) if dates else (None, False)


def find_outlet(text: str, residue: list[Residue]) -> str | None:
    """The publication that wrote the text - see the module docstring, step 4."""
    for rule in ("boilerplate.byline", "boilerplate.closing-credit"):
        for r in residue:
            if r.rule == rule and r.hit.outlet:
                return r.hit.outlet
    cue = outlet_from_cues(text)
    return cue[0] if cue else None


def clean(text: str) -> Cleaned:
    """Boilerplate spans, title, published date and outlet of `text` (see the module docstring)."""
    residue = find_residue(text)
    title_span = find_title(text, residue)
    published, inferred = find_published(text, residue)
    return Cleaned(
        boilerplate=[(r.start, r.end) for r in residue],
        title=text[title_span[0] : title_span[1]] if title_span else None,
        title_span=title_span,
        published=published,
        published_inferred=inferred,
        outlet=find_outlet(text, residue),
        residue=tuple(residue),
    )

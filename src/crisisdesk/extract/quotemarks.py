"""Pair quotation marks in raw text, machine-translation damage included.

Text scraped from the web, and above all machine-translated from Russian,
rarely pairs its quotation marks cleanly: a closing mark comes out as an
opening one (`near future, “the President said`), a space lands on the wrong
side (`without warning, ”he said`), a quote is reopened without being closed
(`... implemented. “In this case`), or a stray mark ends a paragraph.  This
module decides what each mark does from the characters around it (whether it
"flanks" a word on the left or the right, as CommonMark does for emphasis)
and from what is open at that point.  It knows nothing of spaCy, so it is
tested on plain strings.

Limits: a straight single quote (') is never read as a quotation mark (it is
an apostrophe far more often); single curly quotes are paired only outside
double quotes, and a single quote left open at the end of its paragraph is
dropped rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DOUBLE_OPENING = "“«„"
DOUBLE_CLOSING = "”»"
STRAIGHT_DOUBLE = '"'
DOUBLE_MARKS = DOUBLE_OPENING + DOUBLE_CLOSING + STRAIGHT_DOUBLE
SINGLE_OPENING = "‘‹"
SINGLE_CLOSING = "’›"
ALL_MARKS = DOUBLE_MARKS + SINGLE_OPENING + SINGLE_CLOSING
DOUBLE_MARK = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")
SINGLE_MARK = re.compile(f"[{re.escape(SINGLE_OPENING + SINGLE_CLOSING)}]")

# A nested pair inside an open quote ("the mass of “revolutionaries”, ...") is
# short: a word or a title.  80 characters is about a dozen words; a mark
# further away than that is the damaged close of the outer quote instead.
NESTED_PAIR_MAX_CHARS = 80

SENTENCE_FINAL = ".!?…"
# Characters before a mark that count as "space" for flanking: a quote opened
# right after a bracket or a dash still opens.
SPACE_LIKE = "([{–—"
# Characters after a mark that count as the start of a word.
WORD_START = "‘‹'([$#@"


@dataclass(frozen=True)
class MarkedQuote:
    """The words between a pair of marks, marks excluded: `text[start:end]`."""

    start: int
    end: int
    closed: bool  # False when the paragraph (or a reopen) ended it, not a closing mark


def flank(text: str, i: int) -> str:
    """How the mark at i sits: 'left' (opens a word), 'right' (ends one), 'inner' or 'loose'."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    spaced_before = before.isspace() or before in SPACE_LIKE
    word_after = after.isalnum() or after in WORD_START
    if spaced_before and word_after:
        return "left"
    if not spaced_before and not word_after:
        return "right"
    if not spaced_before and word_after:
        return "inner"
    return "loose"


@lru_cache(maxsize=4)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Each line of text with content, as (start, end) without surrounding whitespace
    (kept for the few texts last asked: the quote extractor and both quotation-mark
    scans ask it of the same document)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    return tuple(spans)


def _next_mark(text: str, i: int, end: int, marks: str) -> int | None:
    for j in range(i + 1, end):
        if text[j] in marks:
            return j
    return None


def _closes_soon(text: str, i: int, end: int) -> bool:
    """Whether the mark at i opens a short nested pair: a closing mark follows within reach."""
    j = _next_mark(text, i, end, DOUBLE_MARKS)
    if j is None or j - i > NESTED_PAIR_MAX_CHARS:
        return False
    how = flank(text, j)
    return how == "right" or (how == "inner" and text[j] not in DOUBLE_OPENING)


def _after_sentence_end(text: str, i: int, floor: int) -> bool:
    k = i - 1
    while k > floor and text[k].isspace():
        k -= 1
    return k > floor and text[k] in SENTENCE_FINAL


def _opens_loose(text: str, i: int, end: int) -> bool:
    """A spaced opening glyph opens only if words follow it on the line."""
    if text[i] not in DOUBLE_OPENING + STRAIGHT_DOUBLE:
        return False
    k = i + 1
    while k < end and text[k].isspace():
        k += 1
    return k < end and text[k].isalnum()


def double_quotes(text: str) -> list[MarkedQuote]:
    """Top-level double-quoted passages, across paragraphs where each new one reopens.

    Steps, per mark, given whether a quote is open:
    1. closed: a mark that opens a word (or touches one, with an opening glyph) opens;
    2. open: a mark that ends a word, a loose mark, or a closing glyph closes;
    3. open, opening glyph before a word: a short nested pair is skipped; after a
       sentence end it closes the quote and opens another (a lost closing mark);
       otherwise it is a closing mark printed the wrong way round;
    4. a paragraph that ends inside a quote continues it when the next paragraph
       starts with an opening mark (the print convention), else ends it there.
    """
    found: list[MarkedQuote] = []
    paras = paragraphs(text)
    open_at: int | None = None
    skip_to = -1
    for index, (p_start, p_end) in enumerate(paras):
        i = p_start
        if open_at is not None:  # carried over from the previous paragraph (step 4)
            i = p_start + 1
        while (mark := DOUBLE_MARK.search(text, max(i, skip_to), p_end)) is not None:
            i = mark.start()  # the loop visits marks only: a walk over every character was most of its time
            ch = text[i]
            how = flank(text, i)
            if open_at is None:  # step 1
                if how == "left" or (how == "inner" and ch not in DOUBLE_CLOSING) or (
                    how == "loose" and _opens_loose(text, i, p_end)
                ):
                    open_at = i + 1
            elif how in ("right", "loose", "inner") or ch in DOUBLE_CLOSING:  # step 2
                found.append(MarkedQuote(open_at, i, True))
                open_at = None
            elif _closes_soon(text, i, p_end):  # step 3
                skip_to = (_next_mark(text, i, p_end, DOUBLE_MARKS) or i) + 1
            elif _after_sentence_end(text, i, open_at):
                found.append(MarkedQuote(open_at, i, False))
                open_at = i + 1
            else:
                found.append(MarkedQuote(open_at, i, True))
                open_at = None
            i += 1
        if open_at is not None:  # step 4
            nxt = paras[index + 1] if index + 1 < len(paras) else None
            if nxt is None or text[nxt[0]] not in DOUBLE_OPENING + STRAIGHT_DOUBLE:
                found.append(MarkedQuote(open_at, p_end, False))
                open_at = None
    return [q for q in (_trim(text, q) for q in found) if q is not None]


def single_quotes(text: str, outside: list[MarkedQuote]) -> list[MarkedQuote]:
    """Curly single-quoted passages that are not inside a double-quoted one."""
    inside = [(q.start, q.end) for q in outside]
    found: list[MarkedQuote] = []
    for p_start, p_end in paragraphs(text):
        open_at: int | None = None
        for mark in SINGLE_MARK.finditer(text, p_start, p_end):
            i, ch = mark.start(), mark.group()
            if any(s <= i < e for s, e in inside):
                continue
            how = flank(text, i)
            if open_at is None and ch in SINGLE_OPENING and how in ("left", "inner"):
                open_at = i + 1
            elif open_at is not None and ch in SINGLE_CLOSING and how in ("right", "loose"):
                found.append(MarkedQuote(open_at, i, True))
                open_at = None
    return [q for q in (_trim(text, q) for q in found) if q is not None]


def _trim(text: str, q: MarkedQuote) -> MarkedQuote | None:
    """Drop surrounding spaces, stray marks and a comma left dangling after a space."""
    start, end = q.start, q.end
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ALL_MARKS):
        end -= 1
    if end - start >= 2 and text[end - 1] == "," and text[end - 2].isspace():
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return MarkedQuote(start, end, q.closed)


@lru_cache(maxsize=4)
def quoted_passages(text: str) -> tuple[MarkedQuote, ...]:
    """Every top-level quoted passage, in text order (kept for the few texts last
    asked: three rules of the quote extractor ask it of the same document)."""
    doubles = double_quotes(text)
    return tuple(sorted(doubles + single_quotes(text, doubles), key=lambda q: q.start))

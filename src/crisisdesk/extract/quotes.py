"""Quotations and reported statements, each with who made it.

Rules run as a cascade over one parsed document, each seeing what the ones
before it found (`RULES`, in registration order):

1. `dash`: Russian dash-style speech, "– words – said X.", run first so the
   marks inside it are not read as quotations of their own;
2. `marks`: words between quotation marks (paired by quotemarks.py), kept when
   something attributes them: a reporting verb after the closing mark ("...,"
   he said), a reporting verb governing them, "X said:" / "according to X,"
   before them, an attributed quote just before them in the paragraph, a
   speaker introduced in the sentence before, or -- for a quotation that is a
   whole paragraph -- the speaker of the paragraph before.  Unattributed marks
   are scare quotes, titles or slogans and are dropped, as are fragments under
   `MIN_QUOTE_WORDS` words;
3. `dash-continuation`: "“...,” says X. – More words" continues X's quote;
4. `heading-echo`: a quotation in a headline with no speaker of its own takes
   the speaker of the body quotation it repeats;
5. `reported-*`: a reporting verb's clause as an indirect quote (`direct=False`):
   "Tokayev said that ...", "..., the organisation said", "called on all parties
   to ...", "made a statement that ...", "As stated by X, ...", and a statement
   whose quotation marks were lost ("... . , says X").

Spans exclude the quotation marks; a reported clause excludes its "that".
Boilerplate and headlines yield no reported speech.

Limits: a quotation attributed only by a later paragraph ("This was stated by
X") is not found; "believes"/"in his opinion" make no reported statement (an
opinion is not a statement), though they do attribute a quotation in marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress, islice

from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from ..model import DocFacts, Quote
from ..nlp import Parsed
from ..registry import EXTRACTORS, Registry
from .quotemarks import (
    DOUBLE_CLOSING,
    DOUBLE_MARKS,
    MarkedQuote,
    flank,
    paragraphs,
    quoted_passages,
)
from .speakers import (
    Names,
    Speaker,
    as_speaker,
    first_speaker_in,
    speaker_of,
    subject_of,
)
from .speech import attributes_at, is_speech_verb, lexicon
from .views import (
    char_bounds,
    column,
    flags,
    heads,
    lower_lemmas,
    offsets,
    sentence_of,
)

# One- to three-word fragments in marks are scare quotes or titles ("on request
# only", “Kazakh Spring”), not quotations (annotators' convention on the gold
# set: every annotated fragment has four words or more).
MIN_QUOTE_WORDS = 4
# "Tokayev said it" is not a statement worth a quote: a clause needs a few words.
MIN_REPORTED_WORDS = 3
# An attribution after a quotation is short ("..., says the special
# correspondent of X Vladimir Vorsobin"); its verb comes within ten words.
TAIL_MAX_TOKENS = 24
TAIL_VERB_WITHIN = 10
# "– wrote in Facebook X" / "– the expert says": after a dash the verb is at
# most a few words in, else the dash is punctuation inside the quote.
DASH_VERB_WITHIN = 6
# A heading is a short line without a closing full stop.
HEADING_MAX_WORDS = 25
# A headline quote repeats a body quote when half its content words recur.
ECHO_MIN_OVERLAP = 0.5
# How far a pre-quote name may sit from the mark ("..., Stanislav Pritchin, “...").
PRE_NAME_WITHIN_CHARS = 3

DASHES = "–—"
# The dash that hands over to the narrator follows the quote's own punctuation
# ("..., – said Tokayev", "... coup … – wrote X"); a bare dash is punctuation inside it.
ATTRIBUTION_DASH = re.compile(r"[,.!?…]\s*[–—]\s")
# "..., Jamalov“Judging": a name glued to the opening mark by a lost space.
GLUED_NAME = re.compile(r"((?:[A-Z][\w'’-]+\s){0,2}[A-Z][\w'’-]+)$")
# "called on Russia “to respect ...”": a reporting verb this close before the mark governs it.
PRE_VERB_WITHIN_TOKENS = 4
SENTENCE_FINAL = ".!?…"
LEADING_CLAUSE_WORDS = frozenset({"that", "if", "whether", "and", "but", "or"})
# Clause parts that can be cut away when they carry a quotation the cascade
# already took ("the state faced aggression [as the riots were staged by “...”]").
DETACHABLE_DEPS = frozenset({"advcl", "conj", "ccomp", "relcl", "parataxis"})

CONFIDENCE = {
    "marks": 0.9,
    "dash": 0.85,
    "dash-continuation": 0.8,
    "heading-echo": 0.6,
    "reported-that-clause": 0.75,
    "reported-object": 0.65,
    "reported-statement-noun": 0.65,
    "reported-as-stated": 0.7,
    "reported-orphan-tail": 0.6,
}
# A quote whose attribution is weaker (inherited from a neighbour) is less certain.
INHERITED_PENALTY = 0.15

RULES = Registry("quotes")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    direct: bool
    rule: str
    speaker: Speaker | None
    confidence: float


@dataclass(frozen=True)
class Attribution:
    start: int
    end: int
    speaker: Speaker | None
    verb_at: int  # index of the reporting word among the phrase's tokens


@dataclass
class Context:
    """One document under extraction, and what the rules have found so far."""

    parsed: Parsed
    names: Names
    paras: tuple[tuple[int, int], ...]
    found: list[Found] = field(default_factory=list)
    # (start, end) of the direct quotes in `found`, kept as `_emit` appends: the
    # reported-speech rules ask for them some 120 times a document.
    direct: list[tuple[int, int]] = field(default_factory=list)
    claimed: list[tuple[int, int]] = field(default_factory=list)  # dash regions, not for `marks`
    short_lines: dict[tuple[int, int], bool] = field(default_factory=dict)  # see `_is_short_line`

    @property
    def text(self) -> str:
        return self.parsed.document.text

    @cached_property
    def speech_verbs(self) -> list[Token]:
        """The document's speech verbs outside boilerplate, found once for every rule;
        negated ones are left out ("did not offer evidence or specify which ..." states
        nothing).  Only the tokens with a speech lemma become Tokens to ask."""
        doc = self.parsed.doc
        candidates = (doc[i] for i in self.speech_lemmas)
        return [t for t in candidates if is_speech_verb(t) and not is_negated(t) and not self.unusable(t.idx, t.idx + 1)]

    @cached_property
    def speech_lemmas(self) -> list[int]:
        """Indices of the tokens with a speech lemma, which two rules scan for."""
        return indices_in(lower_lemmas(self.parsed.doc), lexicon().speech)

    def tokens(self, start: int, end: int) -> Span | None:
        return self.parsed.doc.char_span(start, end, alignment_mode="expand")

    @cached_property
    def char_offsets(self) -> list[int]:
        """Every token's character offset (`Token.idx`)."""
        return offsets(self.parsed.doc)

    @cached_property
    def para_starts(self) -> list[int]:
        return [s for s, _ in self.paras]

    def para_of(self, pos: int) -> tuple[int, int]:
        """The paragraph holding pos (paragraphs are ordered and apart, so at most one does)."""
        n = bisect_right(self.para_starts, pos) - 1
        if n >= 0 and pos <= self.paras[n][1]:
            return self.paras[n]
        return pos, pos

    def is_heading(self, pos: int) -> bool:
        """Whether pos lies in the title or a short line without a closing full stop."""
        span = self.parsed.document.title_span
        if span and span[0] <= pos < span[1]:
            return True
        return self._is_short_line(self.para_of(pos))

    def _is_short_line(self, para: tuple[int, int]) -> bool:
        """Asked again and again of the same few lines, so each answer is kept."""
        known = self.short_lines.get(para)
        if known is None:
            line = self.text[para[0] : para[1]].rstrip("”\"’» \t")
            known = self.short_lines[para] = len(line.split()) <= HEADING_MAX_WORDS and not line.endswith((".", "…", ":", ","))
        return known

    def unusable(self, start: int, end: int) -> bool:
        return self.parsed.document.in_boilerplate(start, end)

    def in_quote(self, token: Token) -> bool:
        """Whether a token lies in a quotation (so it cannot be the one who speaks it)."""
        at = token.idx
        return any(s <= at < e for s, e in self.names.excluded) or any(s <= at < e for s, e in self.direct)

    def subject(self, verb: Token) -> Speaker | None:
        """Who does the saying: a person named right before the verb, else its parsed subject."""
        adjacent = self.names.adjacent_person(verb)
        if adjacent is not None:
            return as_speaker(adjacent)
        subject = subject_of(verb, self.in_quote)
        return speaker_of(subject, self.names) if subject is not None else None


def indices_in(values: list[str], words: frozenset[str]) -> list[int]:
    """Indices of the values that are among `words`, scanned by compress/map in C: a
    Python loop over the two thousand lemmas of a long document cost more than the
    rule that reads the few it finds."""
    return list(compress(range(len(values)), map(words.__contains__, values)))


WORD = re.compile(r"\w+")


def has_words(text: str, n: int) -> bool:
    """Whether the text holds at least n words, read up to the n-th only: counting
    every word of every quotation to compare the count with three or four was a
    twentieth of the extractor's time."""
    return len(list(islice(WORD.finditer(text), n))) == n


# ---- attribution phrases ----------------------------------------------------


def _phrase_end(text: str, start: int, limit: int) -> int:
    """End of an attribution phrase: a sentence end, colon, quotation mark or line break."""
    i = start
    while i < limit:
        ch = text[i]
        if ch == "\n" or ch == ":" or ch in DOUBLE_MARKS:
            return i
        if ch in SENTENCE_FINAL and (i + 1 >= limit or text[i + 1].isspace() or ch == "…"):
            return i
        i += 1
    return limit


def attribution_at(ctx: Context, start: int, *, within: int) -> Attribution | None:
    """A reporting phrase starting at `start` ("says the expert", "– he told reporters")."""
    text = ctx.text
    limit = ctx.para_of(start)[1] if ctx.para_of(start)[0] <= start else len(text)
    i = start
    while i < limit and (text[i].isspace() or text[i] in ",–—-" + DOUBLE_MARKS):
        i += 1
    end = _phrase_end(text, i, limit)
    span = ctx.tokens(i, end) if end > i else None
    if span is None:
        return None
    doc, punct = span.doc, flags(span.doc, "IS_PUNCT")
    words = [k for k in range(span.start, span.end) if not punct[k]][:TAIL_MAX_TOKENS]
    for n, k in enumerate(words[:within]):
        if attributes_at(doc, k):
            tok = doc[k]
            speaker = ctx.subject(tok) if tok.pos_ in ("VERB", "AUX") else None
            if speaker is None:
                speaker = first_speaker_in(span, ctx.names)
            return Attribution(i, end, speaker, n)
    return None


def _tail_allowed(text: str, q: MarkedQuote) -> bool:
    """A quotation ending in a full stop and followed by a capital starts a new sentence."""
    if not q.closed:
        return False
    k = q.end
    while k < len(text) and (text[k] in DOUBLE_MARKS + "’" or text[k] == " "):
        k += 1
    nxt = text[k] if k < len(text) else "\n"
    return not (text[q.end - 1] == "." and nxt.isupper())


def dash_pieces(ctx: Context, start: int, end: int, speaker: Speaker | None) -> list[tuple[int, int, Attribution | None]]:
    """Split [start, end) at "– <reporting phrase>" into quote pieces, each with its attribution.

    A piece after a reporting phrase ("..., – says X. – More words") inherits it.
    """
    text = ctx.text
    for m in ATTRIBUTION_DASH.finditer(text[start:end]):
        dash_at = start + m.end() - 2
        with ctx.names.hiding(start, dash_at):
            att = attribution_at(ctx, dash_at + 1, within=DASH_VERB_WITHIN)
        if att is None or att.verb_at > DASH_VERB_WITHIN:
            continue
        pieces = [(start, start + m.start() + 1, att)]  # the quote keeps its own punctuation
        k = att.end + 1
        while k < end and text[k].isspace():
            k += 1
        if k < end and text[k] in DASHES:
            pieces += dash_pieces(ctx, k + 1, end, att.speaker)
        return pieces
    inherited = Attribution(start, start, speaker, 0) if speaker is not None else None
    return [(start, end, inherited)]


def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in DASHES + DOUBLE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in DASHES + DOUBLE_MARKS):
        end -= 1
    if end - start >= 2 and text[end - 1] == "," and text[end - 2].isspace():
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def continuation_end(text: str, start: int, para_end: int) -> int:
    """Where a dash continuation stops: the paragraph end or a closing mark left unmatched."""
    i = start
    while i < para_end:
        if text[i] in DOUBLE_MARKS:
            how = flank(text, i)
            if how == "left" or (how == "inner" and text[i] not in DOUBLE_CLOSING):
                j = next((k for k in range(i + 1, para_end) if text[k] in DOUBLE_MARKS), None)
                if j is None:
                    return i
                i = j + 1
                continue
            return i
        i += 1
    return para_end


# ---- direct speech ----------------------------------------------------------


def _emit(ctx: Context, start: int, end: int, rule: str, speaker: Speaker | None, *, direct: bool, confidence: float) -> None:
    start, end = _clean_bounds(ctx.text, start, end)
    if end <= start or ctx.unusable(start, end):
        return
    minimum = MIN_QUOTE_WORDS if direct else MIN_REPORTED_WORDS
    if not has_words(ctx.text[start:end], minimum):
        return
    if any(f.start == start and f.end == end for f in ctx.found):
        return
    ctx.found.append(Found(start, end, direct, rule, speaker, confidence))
    if direct:
        ctx.direct.append((start, end))
        ctx.names.exclude([(start, end)])


def _governing_attribution(ctx: Context, span: Span) -> Speaker | None | bool:
    """Speaker via a reporting word that governs the quotation in the parse; False if none
    (a reporting word without a speaker does not attribute)."""
    doc, governors = span.doc, heads(span.doc)
    for i in range(span.start, span.end):
        if span.start <= governors[i] < span.end:
            continue  # read off the Doc's heads: most words hang inside the quotation
        head, steps = governors[i], 0
        while steps < 6:
            if not (span.start <= head < span.end) and attributes_at(doc, head):
                speaker = ctx.subject(doc[head])
                if speaker is not None:  # "There were reports that ... “took in the ring”" names no one
                    return speaker
            if governors[head] == head:
                break
            head, steps = governors[head], steps + 1
    return False


def _according_to(ctx: Context, span: Span) -> Speaker | None | bool:
    """The speaker of "according to X" in the span; False if none.  Found on the Doc's
    column of lower-case forms, without a Token per word before the quotation."""
    doc, lower = span.doc, column(span.doc, "LOWER")
    for i in range(span.start, span.end):
        if lower[i] == "according" and i + 1 < len(doc) and lower[i + 1] == "to":
            objs = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
            target = objs[0] if objs else (doc[i + 2] if i + 2 < len(doc) else None)
            return speaker_of(target, ctx.names) if target is not None else None
    return False


def _before_mark(ctx: Context, start: int) -> Speaker | None | bool:
    """Speaker introduced before the opening mark in the same sentence; False if none."""
    text = ctx.text
    mark = start - 1
    while mark > 0 and text[mark] not in DOUBLE_MARKS + "‘‹":
        mark -= 1
    sent_start = ctx.tokens(mark, mark + 1)
    if sent_start is None:
        return False
    para_start = ctx.para_of(mark)[0]
    lo = max(ctx.char_offsets[sentence_of(ctx.parsed.doc, sent_start.start)[0]], para_start)
    if mark <= lo:
        return False
    pre = ctx.tokens(lo, mark)
    if pre is None or len(pre) == 0:
        return False
    near = [n for n in ctx.names.within(lo, mark) if n.kind == "person" and mark - n.end <= PRE_NAME_WITHIN_CHARS]
    if near:
        return Speaker(near[-1].text, near[-1].start, near[-1].end)
    glued = GLUED_NAME.search(text[lo:mark]) if text[mark - 1].isalpha() else None
    if glued and " " in glued.group(1):
        return Speaker(glued.group(1), lo + glued.start(1), mark)
    stripped = text[lo:mark].rstrip()
    according = _according_to(ctx, pre)
    if according is not False:
        return according
    doc = pre.doc
    if stripped.endswith((",", ":")):
        verbs = [k for k in range(pre.start, pre.end) if attributes_at(doc, k)]
        if verbs:
            persons = [n for n in ctx.names.within(lo, mark) if n.kind == "person"]
            if persons:
                return Speaker(persons[-1].text, persons[-1].start, persons[-1].end)
            return ctx.subject(doc[verbs[-1]]) or first_speaker_in(pre, ctx.names)
    punct = flags(doc, "IS_PUNCT")
    words = [k for k in range(pre.start, pre.end) if not punct[k]]
    for k in reversed(words[-PRE_VERB_WITHIN_TOKENS:]):
        if attributes_at(doc, k) and doc[k].pos_ in ("VERB", "AUX"):
            return ctx.subject(doc[k])
    return False


def _previous_sentence(ctx: Context, start: int) -> Speaker | None | bool:
    """A quotation opening its sentence, after a sentence whose subject says or believes."""
    text = ctx.text
    k = start - 1
    while k > 0 and (text[k].isspace() or text[k] in DOUBLE_MARKS):
        k -= 1
    para_start = ctx.para_of(start)[0]
    if k <= para_start or text[k] not in SENTENCE_FINAL:
        return False
    prev = ctx.tokens(k, k + 1)
    if prev is None:
        return False
    doc = prev.doc
    for i in range(*sentence_of(ctx.parsed.doc, prev.start)):
        if attributes_at(doc, i) and ctx.char_offsets[i] >= para_start:
            speaker = ctx.subject(doc[i])
            if speaker is not None:
                return speaker
    return False


def _previous_paragraph(ctx: Context, start: int, end: int) -> Speaker | None | bool:
    """A quotation that is its whole paragraph continues the paragraph before it: the
    speaker of its last attributed quotation, else of the statement it ends with
    ("Steger said ... .\n\n“They want to blame it on something ...”")."""
    text = ctx.text
    p_start, p_end = ctx.para_of(start)
    if text[p_start:start].strip(DOUBLE_MARKS + " ") or text[end:p_end].strip(DOUBLE_MARKS + SENTENCE_FINAL + ", "):
        return False
    index = next((i for i, p in enumerate(ctx.paras) if p == (p_start, p_end)), 0)
    if index == 0:
        return False
    prev_start, prev_end = ctx.paras[index - 1]
    earlier = [f for f in ctx.found if f.direct and prev_start <= f.start < prev_end and f.speaker is not None]
    if earlier:
        return earlier[-1].speaker
    last = ctx.tokens(prev_end - 1, prev_end)
    if last is None or ctx.is_heading(prev_start):
        return False
    doc = last.doc
    for i in range(*sentence_of(ctx.parsed.doc, last.start)):
        if ctx.char_offsets[i] >= prev_start and attributes_at(doc, i) and not ctx.in_quote(doc[i]):
            speaker = ctx.subject(doc[i])
            if speaker is not None:
                return speaker
    return False


def _inherited(ctx: Context, start: int) -> Speaker | None | bool:
    """The speaker of the last attributed quotation earlier in the same paragraph."""
    para_start = ctx.para_of(start)[0]
    earlier = [f for f in ctx.found if f.direct and para_start <= f.start < start and f.speaker is not None]
    return earlier[-1].speaker if earlier else False


def _attribute(ctx: Context, start: int, end: int) -> tuple[Speaker | None, bool] | None:
    """Cascade for a quotation without its own tail: (speaker, inherited) or None if unattributed."""
    span = ctx.tokens(start, end)
    if span is None:
        return None
    for finder, inherited in (
        (lambda: _governing_attribution(ctx, span), False),
        (lambda: _before_mark(ctx, start), False),
        (lambda: _inherited(ctx, start), True),
        (lambda: _previous_sentence(ctx, start), True),
        (lambda: _previous_paragraph(ctx, start, end), True),
    ):
        found = finder()
        if found is not False:
            return found, inherited
    return None


def _continuation(ctx: Context, att: Attribution) -> None:
    """After "says X." a dash opens more of X's words, up to the paragraph end or a stray mark."""
    text = ctx.text
    k = att.end + 1
    para_end = ctx.para_of(att.start)[1]
    while k < para_end and text[k].isspace():
        k += 1
    if k >= para_end or text[k] not in DASHES or att.end >= para_end:
        return
    stop = continuation_end(text, k + 1, para_end)
    ctx.claimed.append((k, stop))
    for s, e, piece_att in dash_pieces(ctx, k + 1, stop, att.speaker):
        speaker = piece_att.speaker if piece_att else att.speaker
        _emit(ctx, s, e, "dash-continuation", speaker, direct=True, confidence=CONFIDENCE["dash-continuation"])


@RULES.register("dash", example="– Power in the city is lost, the police fled. – wrote on Facebook political scientist Marat Shibutov.")
def dash_speech(ctx: Context) -> None:
    for p_start, p_end in ctx.paras:
        if ctx.text[p_start] not in DASHES or ctx.unusable(p_start, p_end):
            continue
        ctx.claimed.append((p_start, p_end))
        pieces = dash_pieces(ctx, p_start + 1, p_end, None)
        for n, (s, e, att) in enumerate(pieces):
            if att is None:
                continue
            rule = "dash" if n == 0 else "dash-continuation"
            _emit(ctx, s, e, rule, att.speaker, direct=True, confidence=CONFIDENCE[rule])
        last = pieces[-1][2]
        if last is not None and last.end > last.start:
            _continuation(ctx, last)


@RULES.register("marks", example="“The lessons of the past are cruel,” says political analyst Sergei Markov.")
def marked(ctx: Context) -> None:
    text = ctx.text
    for q in quoted_passages(text):
        if any(s <= q.start and q.end <= e for s, e in ctx.claimed) or ctx.unusable(q.start, q.end):
            continue
        if ctx.is_heading(q.start) and not _tail_allowed(text, q):
            continue
        pieces = dash_pieces(ctx, q.start, q.end, None)
        tail = attribution_at(ctx, q.end + 1, within=TAIL_VERB_WITHIN) if _tail_allowed(text, q) else None
        for n, (s, e, att) in enumerate(pieces):
            if n == len(pieces) - 1 and att is None and tail is not None:
                att = tail
            if att is not None:
                _emit(ctx, s, e, "marks", att.speaker, direct=True, confidence=CONFIDENCE["marks"])
                continue
            if ctx.is_heading(s):
                continue
            attributed = _attribute(ctx, s, e)
            if attributed is not None:
                speaker, inherited = attributed
                confidence = CONFIDENCE["marks"] - (INHERITED_PENALTY if inherited else 0.0)
                _emit(ctx, s, e, "marks", speaker, direct=True, confidence=confidence)
        if tail is not None:
            _continuation(ctx, tail)


def _content_lemmas(span: Span | None) -> set[str]:
    """The lower-case lemmas of the span's words that are all letters and no stop word,
    read off the Doc's columns: a Token per word of every body quotation was most
    of the heading-echo rule's time."""
    if span is None:
        return set()
    doc = span.doc
    lemmas, words = lower_lemmas(doc), column(doc, "ORTH")
    return {lemmas[i] for i in range(span.start, span.end) if is_content_word(doc.vocab, words[i])}


# Distinct words whose flags are remembered across Docs (as views.LEMMA_MEMO).
CONTENT_WORD_MEMO = 1 << 15


@lru_cache(maxsize=CONTENT_WORD_MEMO)
def is_content_word(vocab: Vocab, word: str) -> bool:
    """`token.is_alpha and not token.is_stop` for a token of this word: flags of its
    lexeme, looked up once per distinct word."""
    lexeme = vocab[word]
    return lexeme.is_alpha and not lexeme.is_stop


@RULES.register("heading-echo", example="“Those who resist will be destroyed!” What next?\n\n“Whoever resists will be destroyed,” summed up Tokayev.")
def heading_echo(ctx: Context) -> None:
    body = [f for f in ctx.found if f.speaker is not None]
    body_words: list[set[str]] | None = None  # read once, when a headline quotation first asks
    for q in quoted_passages(ctx.text):
        if not ctx.is_heading(q.start) or ctx.unusable(q.start, q.end):
            continue
        if any(f.start <= q.start < f.end for f in ctx.found):
            continue
        words = _content_lemmas(ctx.tokens(q.start, q.end))
        if not words:
            continue
        if body_words is None:
            body_words = [_content_lemmas(ctx.tokens(f.start, f.end)) for f in body]
        best, best_overlap = None, 0.0
        for f, their_words in zip(body, body_words):
            overlap = len(words & their_words) / len(words)
            if overlap > best_overlap:
                best, best_overlap = f, overlap
        if best is not None and best_overlap >= ECHO_MIN_OVERLAP:
            _emit(ctx, q.start, q.end, "heading-echo", best.speaker, direct=True, confidence=CONFIDENCE["heading-echo"])


# ---- reported speech --------------------------------------------------------


def _inside_direct(ctx: Context, pos: int) -> bool:
    return any(s <= pos < e for s, e in ctx.direct)


def _clause_bounds(ctx: Context, order: list[int]) -> tuple[int, int] | None:
    """Character bounds of a reported clause, cutting off parts that carry a quotation taken already.

    Reads heads, offsets and flags off the Doc's columns by index: asking each
    token its head and offset made some thirty Tokens per clause."""
    if not order:
        return None
    doc = ctx.parsed.doc
    governors, at = heads(doc), offsets(doc)
    keep = set(order)
    head = min(order, key=lambda i: (governors[i] in keep and governors[i] != i, i))
    for s, e in ctx.direct:
        inside = [i for i in order if s <= at[i] < e and i in keep]
        if not inside:
            continue
        part = inside[0]
        while governors[part] in keep and governors[part] != head and governors[part] != part:
            part = governors[part]
        if part == head or doc[part].dep_ not in DETACHABLE_DEPS:
            return None
        keep -= {t.i for t in doc[part].subtree}
    kept = sorted(keep)
    punct, lower = flags(doc, "IS_PUNCT"), column(doc, "LOWER")
    while kept and (punct[kept[0]] or lower[kept[0]] in LEADING_CLAUSE_WORDS):
        kept.pop(0)
    while kept and (punct[kept[-1]] or doc[kept[-1]].is_space):
        kept.pop()
    if not kept:
        return None
    start, end = char_bounds(doc, kept[0], kept[-1] + 1)
    if any(s < end and start < e for s, e in ctx.direct):
        return None
    return start, end


def _report(ctx: Context, clause: list[int], verb: Token, rule: str, speaker: Speaker | None = None) -> None:
    """Emit the clause (its token indices, in the order of the parse) as `verb`'s reported statement."""
    bounds = _clause_bounds(ctx, clause)
    if bounds is None or ctx.is_heading(bounds[0]):
        return
    if speaker is None:
        speaker = ctx.subject(verb)
    if speaker is None:  # a statement nobody makes is the outlet's own narration
        return
    _emit(ctx, bounds[0], bounds[1], rule, speaker, direct=False, confidence=CONFIDENCE[rule])


def is_negated(verb: Token) -> bool:
    """A negated verb, or one coordinated with a negated verb."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ == "neg" for c in verb.head.children)


def _speech_verbs(ctx: Context) -> Iterator[Token]:
    for tok in ctx.speech_verbs:
        if not _inside_direct(ctx, tok.idx):
            yield tok


@RULES.register("reported-that-clause", example="Tokayev said that he turned to the leaders of the bloc for help.")
def that_clause(ctx: Context) -> None:
    for verb in _speech_verbs(ctx):
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if _inside_direct(ctx, clause.idx):
                conjuncts = [c for c in clause.children if c.dep_ == "conj" and not _inside_direct(ctx, c.idx)]
                for conj in conjuncts:
                    _report(ctx, [t.i for t in conj.subtree], verb, "reported-that-clause")
                continue
            _report(ctx, [t.i for t in clause.subtree], verb, "reported-that-clause")


@RULES.register("reported-object", example="US State Department spokesman Ned Price called on all parties to resolve the situation peacefully.")
def object_report(ctx: Context) -> None:
    lemmas = lexicon().object_report
    for verb in _speech_verbs(ctx):
        if verb.lemma_.lower() not in lemmas or any(c.dep_ == "ccomp" for c in verb.children):
            continue
        first = None
        for c in verb.rights:
            if c.dep_ in ("dobj", "prep", "xcomp", "oprd"):
                first = c
                break
        if first is None:
            continue
        if first.dep_ == "prep":
            objs = [g for g in first.children if g.dep_ == "pobj"]
            if not objs:
                continue
            first = objs[0]
        _report(ctx, [t.i for t in verb.subtree if t.i >= first.left_edge.i], verb, "reported-object")


@RULES.register("reported-statement-noun", example="Opposition leader Mukhtar Ablyazov made a statement that he had nothing to do with the protests.")
def statement_noun(ctx: Context) -> None:
    doc, nouns = ctx.parsed.doc, lexicon().statement_nouns
    for tok in (doc[i] for i in indices_in(lower_lemmas(doc), nouns)):
        if tok.dep_ != "dobj" or _inside_direct(ctx, tok.idx):
            continue
        for clause in tok.children:
            if clause.dep_ in ("acl", "ccomp", "relcl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                _report(ctx, [t.i for t in clause.subtree], tok.head, "reported-statement-noun")


@RULES.register("reported-as-stated", example="As stated by the vice mayor Yerzhan Babakumarov, an anti-terrorist operation began in the city.")
def as_stated(ctx: Context) -> None:
    for verb in _speech_verbs(ctx):
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            continue
        end = sentence_of(ctx.parsed.doc, verb.i)[1]
        words = column(ctx.parsed.doc, "ORTH")
        comma = next((k for k in range(verb.i + 1, end) if words[k] == ","), None)
        if comma is None:
            continue
        who = ctx.tokens(verb.idx, ctx.char_offsets[comma])
        speaker = first_speaker_in(who, ctx.names) if who is not None else None
        _report(ctx, list(range(comma + 1, end)), verb, "reported-as-stated", speaker)


@RULES.register("reported-orphan-tail", example="The assault columns are led by professional militants. , says political scientist Yevgeny Satanovsky.")
def orphan_tail(ctx: Context) -> None:
    doc, text, at = ctx.parsed.doc, ctx.text, ctx.char_offsets
    punct, words = flags(doc, "IS_PUNCT"), column(doc, "ORTH")
    # Only a word with a speech lemma can open such a sentence: those are the ones looked at.
    for i in ctx.speech_lemmas:
        start, end = sentence_of(ctx.parsed.doc, i)
        if start == 0 or any(not (punct[k] or doc[k].is_space) for k in range(start, i)):
            continue  # the first sentence, or not its first word
        verb = doc[i]
        if not is_speech_verb(verb):
            continue
        k = at[start] - 1  # the character before the sentence, spaces passed over
        while k >= 0 and text[k].isspace():
            k -= 1
        if not (words[start] == "," or (k >= 0 and text[k] == ",")):
            continue
        prev_start, prev_end = sentence_of(ctx.parsed.doc, start - 1)
        if ctx.para_of(at[prev_start]) != ctx.para_of(at[start]) or _inside_direct(ctx, at[prev_start]):
            continue
        speaker = ctx.subject(verb) or first_speaker_in(doc[start:end], ctx.names)
        _report(ctx, list(range(prev_start, prev_end)), verb, "reported-orphan-tail", speaker)


# ---- the extractor ----------------------------------------------------------


@EXTRACTORS.register("quotes", example="“Whoever does not surrender will be destroyed,” summed up Tokayev.")
def quotes(parsed: Parsed, *, facts: DocFacts) -> Iterator[Quote]:
    """Every quotation and reported statement of one document, in text order."""
    document = parsed.document
    text = document.text
    names = Names(document, parsed.doc, facts.mentions, [])
    ctx = Context(parsed=parsed, names=names, paras=paragraphs(text))
    quoted = [(q.start, q.end) for q in quoted_passages(text) if has_words(text[q.start : q.end], MIN_QUOTE_WORDS)]
    names.exclude(quoted)
    for entry in RULES.entries():
        entry.func(ctx)
    for f in sorted(ctx.found, key=lambda f: f.start):
        sp = f.speaker
        yield Quote(
            doc=document.id,
            start=f.start,
            end=f.end,
            speaker_text=sp.text if sp else None,
            direct=f.direct,
            rule=RULES.qualified(f.rule),
            confidence=f.confidence,
            speaker_start=sp.start if sp else None,
            speaker_end=sp.end if sp else None,
        )

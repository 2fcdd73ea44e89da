"""The language of a text, as an ISO 639-1 code, by py3langid.

py3langid's naive-Bayes model is fast and offline; a prefix is enough for a
news article and keeps a 20 MB file from costing seconds.  Its model also
knows languages that have only ISO 639-3 codes ("pcm", "yue") and a "zxx"
class for no linguistic content; the export promises ISO 639-1, so our own
identifier is restricted to the two-letter classes (the global one that
`py3langid.classify` uses is left alone).

py3langid counts its byte n-gram features with a Python loop over the bytes
of the sample, one automaton step per byte: about 2 ms of a 3,000-character
sample, half of reading a plain-text report.  `FastIdentifier` takes the
same steps with numpy, which gives the same counts in the same order, so
the same scores and the same answer (a Counter of the same features in the
same order, as py3langid builds).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

# About 400 words: more than enough for a confident call on prose.
LANGUAGE_SAMPLE_CHARS = 3_000
# The model's automaton forgets what it read more than this many bytes ago:
# from any state, the same 6 bytes lead to the same state, so the state after
# byte i is the one reached from the start state by bytes i-5..i alone.  Its
# states are byte strings of up to 6 bytes (breadth-first depth); walking all
# pairs of states in step for 6 bytes left no unequal pair (an 11 s check,
# run once; tests/ingest/test_language.py samples it and compares counts).
AUTOMATON_MEMORY = 6


def walk_states(nextmove: np.ndarray, rowbase: np.ndarray, data: bytes, memory: int = AUTOMATON_MEMORY) -> np.ndarray:
    """The automaton's state after each byte of `data`, for an automaton that forgets after `memory` bytes.

    Every position starts from state 0 and takes its last `memory` bytes in
    step, one array operation per byte of memory instead of one Python
    iteration per byte of data."""
    letters = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
    states = np.zeros(len(letters), dtype=np.intp)
    for lag in range(min(memory, len(letters)) - 1, -1, -1):  # a text shorter than the memory: all of it
        ahead = states[lag:]
        states[lag:] = nextmove[rowbase[ahead] + letters[: len(letters) - lag]]
    return states


class FastIdentifier(LanguageIdentifier):
    """py3langid's identifier with the feature walk done by `walk_states`.

    Its feature table is also kept row-major: py3langid's is column-major, so
    gathering the rows of the features seen took 0.5 ms of strided reads per
    sample, 15 times the row-major gather, which gives the same rows."""

    __slots__ = ("_nextmove_array", "_output_array", "_rowbase_array")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A view of py3langid's array (38 MB), not a copy.
        self._nextmove_array = np.frombuffer(self.tk_nextmove, dtype=self.tk_nextmove.typecode)
        self._rowbase_array = np.asarray(self._rowbase, dtype=np.intp)
        self._output_array = np.asarray(self.tk_output, dtype=np.intp)

    def _raw_score(self, text: bytes) -> np.ndarray:
        states = walk_states(self._nextmove_array, self._rowbase_array, text)
        features = self._output_array[states]
        seen = features[features >= 0]
        if not len(seen):
            return super()._raw_score(text)  # the library's score for a text without features
        return self._sparse_score(Counter(seen.tolist()), self.nb_ptc)

    def set_languages(self, langs: list[str] | None = None) -> None:
        super().set_languages(langs)
        self.nb_ptc = np.ascontiguousarray(self.nb_ptc)


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    ident = FastIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages([code for code in dict.fromkeys(ident.nb_classes) if len(code) == 2])
    return ident


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid's best guess on a prefix)."""
    language, _score = identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return language

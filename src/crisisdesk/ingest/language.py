"""The language of a text, as an ISO 639-1 code, by py3langid.

py3langid's naive-Bayes model is fast and offline; a prefix is enough for a
news article and keeps a 20 MB file from costing seconds.  Its model also
knows languages that have only ISO 639-3 codes ("pcm", "yue") and a "zxx"
class for no linguistic content; the export promises ISO 639-1, so our own
identifier is restricted to the two-letter classes (the global one that
`py3langid.classify` uses is left alone).
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# About 400 words: more than enough for a confident call on prose.
LANGUAGE_SAMPLE_CHARS = 3_000


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages([code for code in dict.fromkeys(ident.nb_classes) if len(code) == 2])
    return ident


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid's best guess on a prefix)."""
    language, _score = identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return language

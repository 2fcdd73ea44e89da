import random
from collections import Counter

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from crisisdesk.ingest.language import (
    AUTOMATON_MEMORY,
    detect_language,
    identifier,
    walk_states,
)

SAMPLES = [
    "",
    "a",
    "\r\n ",  # shorter than the automaton's memory
    "ab",
    "abcde",
    "abcdef",
    "abcdefg",
    "Police detained 40 protesters in central Ostrel on Monday, the interior ministry said.",
    "Полиция задержала 40 протестующих в центре города в понедельник.",
    "奥斯特雷尔发生抗议活动。警方星期一在市中心拘留了四十名抗议者。",
    "Cafe\u0301 owners 🔥 say: 𝐏𝐨𝐥𝐢𝐜𝐞 detained 12 protesters 😢 near the city hall.",
    "Die Polizei in Zürich nahm am Montag 12 Demonstranten fest. Größere Proteste folgten.",
    "0 0 12 ... !!! ???",
]


@pytest.fixture(scope="module")
def library() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(identifier().nb_classes)
    return ident


def _arrays():
    ident = identifier()
    return ident._nextmove_array, ident._rowbase_array, ident._output_array


@pytest.mark.parametrize("text", SAMPLES + ["".join(random.Random(7).choice("aé漢 .\n") for _ in range(3000))])
def test_walk_gives_py3langids_counts_in_order(text):
    nextmove, rowbase, output = _arrays()
    data = LanguageIdentifier._encode(text)
    features = output[walk_states(nextmove, rowbase, data)]
    expected = visit_counts(identifier().tk_nextmove, identifier()._rowbase, identifier().tk_output, data)
    assert list(Counter(features[features >= 0].tolist()).items()) == list((expected or {}).items())


def test_automaton_forgets_after_its_memory():
    nextmove, rowbase, _ = _arrays()
    rng = np.random.default_rng(5)
    for start in rng.integers(0, len(rowbase), 200):
        letters = rng.integers(0, 256, AUTOMATON_MEMORY)
        from_start, from_zero = int(start), 0
        for letter in letters:
            from_start = int(nextmove[rowbase[from_start] + letter])
            from_zero = int(nextmove[rowbase[from_zero] + letter])
        assert from_start == from_zero


@pytest.mark.parametrize("text", SAMPLES)
def test_same_answer_and_score_as_py3langid(library, text):
    assert identifier().classify(text) == library.classify(text)
    assert detect_language(text) == library.classify(text)[0]

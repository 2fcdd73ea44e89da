import pytest

from crisisdesk.ingest.outlet_cues import (
    CUE_PATTERNS,
    CUE_WORDS,
    OUTLET_CUES,
    outlet_from_cues,
)


@pytest.mark.parametrize("entry", OUTLET_CUES.entries(), ids=lambda e: e.name)
def test_every_cue_fires_on_its_example(entry):
    assert entry.func(entry.example) is not None


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("As noted by “SP” a senior researcher at the Center, “interference cannot be ruled out.”", "Svobodnaya Pressa"),
        ("The CSTO “Izvestia” was informed that the forces included units of five armies.", "Izvestia"),
        ("The Izvestia correspondent in the city said that the plane had landed.", "Izvestia"),
        ("This was stated in the material of Izvestia on Thursday.", "Izvestia"),
        ("“We will not leave,” one protester told Reuters.", "Reuters"),
    ],
)
def test_self_citations(text, outlet):
    assert outlet_from_cues(text)[0] == outlet


@pytest.mark.parametrize(
    "text",
    [
        # an employer of a quoted reporter is not the outlet
        "“Corpses lie right on the avenues,” says the special correspondent of Komsomolskaya Pravda Vladimir Vorsobin.",
        "the Komsomolskaya Pravda correspondent Vladimir Vorsobin says",
        # sources the text cites
        "Tass later said protesters had been swept from the square.",
        "REN TV reports that two companies will go.",
        "She was quoted by the BBC as saying the protests were symptomatic.",
        # an abbreviation alone is not a cue
        "The SP said nothing.",
    ],
)
def test_not_self_citations(text):
    assert outlet_from_cues(text) is None


@pytest.mark.parametrize("name", sorted(CUE_WORDS))
def test_cue_word_is_a_literal_of_its_pattern_and_example(name):
    pattern, example = CUE_PATTERNS[name]
    assert CUE_WORDS[name] in pattern and CUE_WORDS[name] in example

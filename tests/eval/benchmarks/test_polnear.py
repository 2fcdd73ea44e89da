"""The PolNeAR adapter: brat attributions read, quotes matched by coverage, speakers by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisdesk.eval.benchmarks import polnear
from crisisdesk.eval.benchmarks.base import BENCHMARKS
from crisisdesk.eval.benchmarks.polnear import (
    GoldAttribution,
    head,
    is_direct,
    name_runs,
    parse_ann,
    read_corpus,
    speaker_right,
)

SHARED = Path(__file__).resolve().parents[3].parent / "shared"

# An article written for this test: a direct quote with a pronoun source, a reported
# statement, and an attribution without a source (an opinion noun PolNeAR annotates).
TEXT = (
    "Mayor Ann Lee opened the bridge on Monday.\n\n"
    "“The bridge will carry ten thousand cars a day,” she said.\n\n"
    "The council said that the budget was approved in May.\n"
    "Fears that the tolls will rise are growing.\n"
)


def span(phrase: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(phrase, after)
    return start, start + len(phrase)


QUOTE = span("“The bridge will carry ten thousand cars a day,”")
SHE = span("she")
BUDGET = span("the budget was approved in May")
TOLLS = span("the tolls will rise")


def t_line(tid: str, kind: str, spans: list[tuple[int, int]]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{kind} {offsets}\t" + " ".join(TEXT[s:e] for s, e in spans)


ANN_A = "\n".join([
    t_line("T1", "Source", [SHE]),
    t_line("T2", "Cue", [span("said")]),
    t_line("T3", "Content", [QUOTE]),
    t_line("T4", "Attribution", [span("said")]),
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    t_line("T5", "Source", [span("The council")]),
    t_line("T6", "Cue", [span("said", BUDGET[0] - 10)]),
    t_line("T7", "Content", [BUDGET]),
    t_line("T8", "Attribution", [span("said", BUDGET[0] - 10)]),
    "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
    t_line("T9", "Cue", [span("Fears")]),
    t_line("T10", "Content", [TOLLS]),
    t_line("T11", "Attribution-no-source", [span("Fears")]),
    "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
    t_line("T12", "Discuss", [span("opened the bridge")]),
]) + "\n"
ANN_B = "\n".join(ANN_A.splitlines()[:5]) + "\n"  # a second annotator: the direct quote only


@pytest.fixture
def shared_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "benchmarks" / "polnear"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "bridge_2016.txt").write_text(TEXT, encoding="utf-8")
    (folder / "attributions" / "bridge_2016_aaaa.ann").write_text(ANN_A, encoding="utf-8")
    (folder / "attributions" / "bridge_2016_bbbb.ann").write_text(ANN_B, encoding="utf-8")
    return tmp_path


def fake_run(texts: list[str]) -> dict:
    """What crisisdesk would export for the article, written by hand: the direct quote with
    the mayor as speaker (the antecedent of "she"), the council's statement with the wrong
    speaker, and a narration sentence taken for a statement."""
    documents = [{"id": f"d{i}", "source": f"item-{i}", "text": t} for i, t in enumerate(texts)]
    actors = [{"id": "a1", "name": "Ann Lee", "kind": "person", "aliases": ["Ann Lee", "Mayor Lee"]}]
    narration = span("Mayor Ann Lee opened the bridge")
    quotes = [
        {"doc": "d0", "start": QUOTE[0] + 1, "end": QUOTE[1] - 2, "direct": True, "speaker": "a1", "speaker_text": "Ann Lee"},
        {"doc": "d0", "start": BUDGET[0], "end": BUDGET[1], "direct": False, "speaker": "a1", "speaker_text": "Lee"},
        {"doc": "d0", "start": narration[0], "end": narration[1], "direct": False, "speaker": None, "speaker_text": None},
    ]
    return {"documents": documents, "actors": actors, "quotes": quotes}


def test_brat_events_give_content_and_source() -> None:
    pairs = parse_ann(ANN_A)
    assert pairs == [((QUOTE,), (SHE,)), ((BUDGET,), (span("The council"),)), ((TOLLS,), ())]


def test_discontinuous_content_and_second_content_are_joined() -> None:
    raw = "T1\tContent 10 20;30 40\tx\nT2\tContent2 50 60\ty\nT3\tSource 0 5\tz\nE1\tAttribution:T9 Content:T1 Source:T3 Content2:T2\n"
    assert parse_ann(raw) == [(((10, 20), (30, 40), (50, 60)), ((0, 5),))]


@pytest.mark.parametrize(
    "text, direct",
    [
        ("“We will win,” he said.", True),
        ("He said: “We will win.”", True),
        ("He said he would “win big” in May.", False),  # mixed: indirect
        ("He said he would win.", False),
    ],
)
def test_direct_means_every_fragment_in_marks(text: str, direct: bool) -> None:
    if direct:
        start, end = text.index("“"), text.index("”") + 1
    else:
        start, end = text.index("he would"), len(text) - 1
    assert is_direct(text, ((start, end),)) is direct
    if direct:  # the marks may lie just outside the annotated span
        assert is_direct(text, ((start + 1, end - 1),))


def test_names_and_heads_of_source_phrases() -> None:
    assert name_runs("Edward Alden of the Council on Foreign Relations in Washington")[0] == "Edward Alden"
    assert name_runs("the Republican lawmaker") == ["Republican"]
    assert name_runs("he") == []
    assert head("an industry lobbyist who spoke on the condition of anonymity") == "an industry lobbyist"
    assert head("Sheila Krumholz, executive director of the Center") == "Sheila Krumholz"


def test_speaker_strict_and_lenient() -> None:
    named = GoldAttribution((QUOTE,), ((0, 1),), "White House Press Secretary Josh Earnest", True, ())
    assert speaker_right(named, ("Josh Earnest",), lenient=False)
    assert not speaker_right(named, ("Jeh Johnson",), lenient=False)
    pronoun = GoldAttribution((QUOTE,), (SHE,), "she", True, ("Mayor Ann Lee",))
    assert not speaker_right(pronoun, ("Ann Lee",), lenient=False)
    assert speaker_right(pronoun, ("Ann Lee",), lenient=True)


def test_pronoun_source_gets_the_name_opening_an_earlier_sentence(shared_dir: Path) -> None:
    texts, annotations = read_corpus(shared_dir / "benchmarks" / "polnear")
    assert texts == [TEXT]
    assert [(a.annotator, a.weight) for a in annotations] == [("aaaa", 0.5), ("bbbb", 0.5)]
    quote = annotations[0].attributions[0]
    assert quote.direct and quote.source_text == "she" and "Mayor Ann Lee" in quote.antecedents
    assert not annotations[0].attributions[1].direct


def test_adapter_measures(shared_dir: Path) -> None:
    result = BENCHMARKS.get("polnear")(shared_dir, fake_run)
    m = result.measures
    # Each annotator weighs 1/2.  Direct: the one quote found by both, speaker right only leniently.
    assert (m["direct content P"], m["direct content R"]) == (100.0, 100.0)
    assert (m["direct speaker acc"], m["direct speaker acc strict"]) == (100.0, 0.0)
    assert m["direct speaker F1"] == 100.0
    # Indirect: annotator A's two (one found, wrong speaker); predictions: the budget clause
    # right for A only, the narration never.
    assert m["indirect content R"] == pytest.approx(50.0)
    assert m["indirect content P"] == pytest.approx(25.0)
    assert m["indirect content F1"] == pytest.approx(100 / 3)
    assert m["indirect speaker acc"] == 0.0
    assert (m["gold direct"], m["gold indirect"]) == (1.0, 1.0)
    assert "82.0" in result.anchor and "PolNeAR" in result.render()


def test_real_annotations_are_read() -> None:
    folder = SHARED / "benchmarks" / "polnear"
    if not folder.is_dir():
        pytest.skip("shared benchmarks not found")
    texts, annotations = read_corpus(folder)
    assert len(texts) == len({a.text_index for a in annotations})
    weights: dict[int, float] = {}
    for a in annotations:
        weights[a.text_index] = weights.get(a.text_index, 0.0) + a.weight
        assert all(g.content for g in a.attributions)
    assert all(w == pytest.approx(1.0) for w in weights.values())
    assert any(g.direct for a in annotations for g in a.attributions)


def test_registered() -> None:
    assert BENCHMARKS.get("polnear") is polnear.polnear

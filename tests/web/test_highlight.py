"""Cutting a text at fact boundaries: overlaps, nesting, bad offsets."""

from __future__ import annotations

from crisisdesk.web.highlight import Mark, pieces

TEXT = "Police detained 40 people in Teska on Monday."


def mark(kind, phrase, label=None):
    start = TEXT.index(phrase)
    return Mark(kind, f"{kind}-{start}", start, start + len(phrase), label or kind)


def test_nested_and_overlapping_facts():
    marks = [mark("event", "Police detained 40 people in Teska"), mark("claim", "detained 40 people"),
             mark("place", "Teska"), mark("time", "in Teska on Monday")]
    cut = pieces(TEXT, marks)
    assert "".join(p.text for p in cut) == TEXT
    by_text = {p.text: p.kinds for p in cut}
    assert by_text["detained 40 people"] == ("event", "claim")
    assert by_text["Teska"] == ("event", "time", "place")  # in KINDS order
    assert by_text[" on Monday"] == ("time",)
    assert by_text["."] == ()
    assert [p.anchors for p in cut if p.text == "Police "] == [("event-0",)]


def test_marks_outside_the_text_are_dropped():
    cut = pieces(TEXT, [Mark("claim", "a", -1, 3, "x"), Mark("claim", "b", 5, 500, "x"), Mark("claim", "c", 4, 4, "x")])
    assert [(p.text, p.kinds) for p in cut] == [(TEXT, ())]


def test_empty_text():
    assert pieces("", []) == []


def test_astral_characters_keep_offsets():
    text = "🔥 Police fired 🔥 tear gas"
    start = text.index("tear gas")
    cut = pieces(text, [Mark("event", "e", start, start + 8, "e")])
    assert [p.text for p in cut if p.kinds] == ["tear gas"]


def test_each_piece_lists_exactly_the_facts_covering_it():
    """Many overlapping facts (a long document's worth): every piece knows every fact over it, in order."""
    import random

    rng = random.Random(7)
    text = "x" * 400
    marks = []
    for i in range(150):
        start = rng.randrange(0, 390)
        marks.append(Mark(rng.choice(("event", "claim", "place", "time")), f"m{i}", start,
                          start + rng.randrange(1, 60), f"label {i}"))
    inside = [m for m in marks if m.end <= len(text)]  # the others are dropped
    offset = 0
    for piece in pieces(text, marks):
        end = offset + len(piece.text)
        covering = [m for m in inside if m.start <= offset and end <= m.end]
        assert piece.labels == tuple(m.label for m in covering)
        assert piece.anchors == tuple(m.anchor for m in inside if m.start == offset)
        offset = end
    assert offset == len(text)

"""Quotes by speaker and the framing table of outlets side by side."""

from __future__ import annotations

from report.fake_crisis import fake_export

from crisisdesk.report.voices import framing_table, quotes_by_speaker


def test_quotes_grouped_by_resolved_speaker_else_the_words_used():
    speakers = {s.speaker: s for s in quotes_by_speaker(fake_export())}
    assert set(speakers) == {"Ilse Varga", "Aurel Banescu", "He <script>alert(1)</script>"}
    assert speakers["Ilse Varga"].actor == "a-varga"
    assert speakers["He <script>alert(1)</script>"].actor is None
    assert speakers["Aurel Banescu"].quotes[0]["outlet"] == "<img src=x onerror=alert(1)> Daily"


def test_unattributed_quotes_come_last():
    export = fake_export()
    export["quotes"].append({**export["quotes"][0], "id": "q9", "speaker": None, "speaker_text": None})
    export["quotes"].append({**export["quotes"][0], "id": "q10", "speaker": None, "speaker_text": None})
    assert quotes_by_speaker(export)[-1].speaker == "Unattributed"


def test_framing_puts_outlets_side_by_side():
    table = framing_table(fake_export())
    assert table.outlets == ("Coastline Wire", "<img src=x onerror=alert(1)> Daily")
    rows = dict(table.rows)
    assert list(rows) == ["protesters", "security_forces"]
    assert rows["protesters"] == ((("marchers", 2), ("protesters", 1)), (("rioters", 1),))

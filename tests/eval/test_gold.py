"""Gold files are read strictly: a malformed one names itself and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk.errors import GoldError
from crisisdesk.eval.gold import load_gold


def write(tmp_path: Path, content: object) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir(exist_ok=True)
    (gold / "x.json").write_text(json.dumps(content), encoding="utf-8")
    return gold


def test_minimal_file_loads(tmp_path: Path) -> None:
    (gold,) = load_gold(write(tmp_path, {"doc": "x"}))
    assert (gold.doc, gold.events, gold.published) == ("x", (), None)
    assert gold.seed_text() is None


def test_seed_text_is_read_beside_the_gold_folder(tmp_path: Path) -> None:
    gold_dir = write(tmp_path, {"doc": "x"})
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "x.txt").write_bytes(b"line one\r\nline two")
    assert load_gold(gold_dir)[0].seed_text() == "line one\r\nline two"  # newlines as they were


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ({"title": "no doc"}, "`doc`"),
        ({"doc": "x", "events": {"not": "a list"}}, "`events`"),
        ({"doc": "x", "claims": [{"evidence": "13 killed", "category": "killed", "low": "13"}]}, "`low`"),
        ({"doc": "x", "places": [{"mention": "Almaty"}]}, "`name`"),
        (["not", "an", "object"], "JSON object"),
    ],
)
def test_malformed_file_names_the_field(tmp_path: Path, content: object, complaint: str) -> None:
    with pytest.raises(GoldError, match=complaint):
        load_gold(write(tmp_path, content))


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="not a folder"):
        load_gold(tmp_path / "nowhere")

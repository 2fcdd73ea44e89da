"""Shared fixtures: the real seed reports and their gold files, when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def seeds() -> list[tuple[str, str, dict]]:
    """(path, original text, gold) for every seed report; skips when ../shared is absent."""
    seed_dir, gold_dir = SHARED / "seeds", SHARED / "gold"
    if not seed_dir.is_dir() or not gold_dir.is_dir():
        pytest.skip(f"{seed_dir} not found")
    out = []
    for path in sorted(seed_dir.glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        out.append((path, text, json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))))
    return out

"""Benchmark corpora: real reports repeated with varied ids, written to a folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

READABLE = {".txt", ".md"}


def source_texts(folders: Iterable[Path]) -> list[str]:
    """The plain-text reports in the folders (HTML and JSONL are left out: the bare
    parse must see exactly the text the full run parses)."""
    texts = []
    for folder in folders:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in READABLE]
    return [t for t in texts if t.strip()]


def build_corpus(texts: list[str], n: int, folder: Path) -> list[Path]:
    """Write `n` documents cycling through `texts`; each copy gets its own id.

    A copy differs from its original by one closing line, so its content hash
    (its id) is new and the full run stores it as a new document.
    """
    if not texts:
        raise ValueError("no texts to build a benchmark corpus from")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"doc{i:06d}.txt"
        path.write_text(f"{texts[i % len(texts)]}\n\nBenchmark copy {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def word_count(paths: Iterable[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)

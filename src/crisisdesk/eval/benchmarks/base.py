"""The door for external benchmarks (`../shared/benchmarks/`, see its README).

An adapter reads one benchmark's upstream format, runs crisisdesk on its texts
through `run_texts`, maps crisisdesk's output to the benchmark's labels (the
mapping written once, in the adapter) and returns the benchmark's own measure
next to its published anchor.  Adapters register by name in `BENCHMARKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...registry import Registry

# run_texts(texts) -> a crisisdesk.v1 export holding one document per text, in
# order, each with `source == f"item-{i}"`.
RunTexts = Callable[[list[str]], dict]

BENCHMARKS = Registry("benchmarks")


@dataclass(frozen=True)
class BenchmarkResult:
    """A benchmark's measures (its own names and scale) and the published figure to beat."""

    name: str
    measures: dict[str, float]
    anchor: str
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {"name": self.name, "measures": dict(self.measures), "anchor": self.anchor,
                "notes": list(self.notes)}

    def render(self) -> str:
        figures = " · ".join(f"{k} {_figure(v)}" for k, v in self.measures.items())
        lines = [f"{self.name}: {figures}", f"    anchor: {self.anchor}"]
        return "\n".join(lines + [f"    note: {n}" for n in self.notes])


def _figure(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.1f}"


def item_index(export: dict, count: int) -> dict[str, int]:
    """Export document id -> the index of the text it came from (`source == item-{i}`)."""
    index = {}
    for document in export.get("documents") or []:
        source = str(document.get("source", ""))
        if source.startswith("item-") and source[5:].isdigit() and int(source[5:]) < count:
            index[str(document.get("id"))] = int(source[5:])
    return index


def shared_file(shared_dir: Path, *parts: str) -> Path:
    """A benchmark file, or a one-line error saying where it was expected."""
    path = Path(shared_dir).joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: benchmark file not found; point --shared at ../shared")
    return path

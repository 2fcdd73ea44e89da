"""Named registries: the one-page map of how crisisdesk extends.

Extractors, event rules, exporters and stores are looked up by name, never
chosen by if/elif chains.  Adding a capability is one module, one registered
function and one test file holding the sentences that motivated it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Entry:
    name: str
    func: Callable[..., Any]
    example: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


class Registry:
    """A name -> function table with the sentence that motivated each entry."""

    def __init__(self, namespace: str):
        self.namespace = namespace
        self._entries: dict[str, Entry] = {}

    def register(self, name: str, *, example: str | None = None, **meta: Any) -> Callable:
        def decorate(func: Callable) -> Callable:
            if name in self._entries:
                raise ValueError(f"{self.namespace}.{name} is registered twice")
            self._entries[name] = Entry(name, func, example, meta)
            return func

        return decorate

    def get(self, name: str) -> Callable:
        try:
            return self._entries[name].func
        except KeyError:
            known = ", ".join(sorted(self._entries)) or "none"
            raise KeyError(f"no {self.namespace} named {name!r}; known: {known}") from None

    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    def names(self) -> list[str]:
        return list(self._entries)

    def qualified(self, name: str) -> str:
        """The name a fact's `rule` field carries, e.g. `events.storming-of-building`."""
        return f"{self.namespace}.{name}"

    def __contains__(self, name: str) -> bool:
        return name in self._entries

    def __len__(self) -> int:
        return len(self._entries)


# The per-document extractors: name -> (Parsed -> Iterable[fact]).
EXTRACTORS = Registry("extractors")

"""Actors: one identity per real person, organisation or group across documents.

Steps, cheapest reliable signal first:
1. Curated names carry their canonical id (entity ruler): those are one actor.
2. Full names (two or more words) are merged when their folded keys match or
   differ by a transliteration slip; persons additionally need compatible
   given names, so two people who share a surname stay apart.
3. Acronyms join the organisation whose initials they are (CSTO).
4. Surname-only mentions ("Tokayev") join the one full-name person with that
   surname in the same document, else the one in the corpus; when several
   people share the surname they stay a separate, ambiguous actor.
The canonical name is the most frequent full form.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Actor, EntityMention
from .names import acronym, fold, is_acronym, person_parts, similar, similar_among

MentionKey = tuple[str, int, int]


@dataclass
class _Cluster:
    kind: str
    surfaces: Counter = field(default_factory=Counter)
    curated_id: str | None = None
    docs: set[str] = field(default_factory=set)

    def canonical(self) -> str:
        if self.curated_id:
            return self.curated_id
        longest_words = max(len(s.split()) for s in self.surfaces)
        full = [s for s in self.surfaces if len(s.split()) == longest_words]
        return max(full, key=lambda s: (self.surfaces[s], len(s)))


def actor_id(name: str) -> str:
    return "actor:" + hashlib.sha1(fold(name).encode()).hexdigest()[:12]


def _compatible_given(a: str, b: str) -> bool:
    """Given names agree when equal, similar, or one is the other's initial/prefix."""
    if not a or not b:
        return True
    if similar(a, b):
        return True
    first_a, first_b = a.split()[0], b.split()[0]
    return first_a[0] == first_b[0] and (len(first_a) == 1 or len(first_b) == 1)


class ActorIndex:
    """The resolved actors and how every mention and surface form maps to them."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_mention: dict[MentionKey, int] = {}
        self._curated: dict[str, int] = {}
        self._by_fold: dict[str, set[int]] = defaultdict(set)  # folded surface -> clusters
        # What the find steps compare a mention with, by the cluster's kind: a
        # scan of every cluster's every surface per mention grew with the square
        # of the corpus's names.
        self._last_words: dict[str, set[int]] = defaultdict(set)  # a person's folded last word -> clusters
        self._full: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))  # kind -> key -> clusters
        self._full_persons: dict[str, set[tuple[str, int]]] = defaultdict(set)  # surname -> (given names, cluster)
        self._initials: dict[str, set[int]] = defaultdict(set)  # CSTO -> clusters with that full name
        self._verbatim: dict[str, set[int]] = defaultdict(set)  # surface as written -> clusters
        # Each cluster's actor id, kept until it gains a surface: every mention,
        # speaker and event actor asks for one, and its canonical name is a
        # pass over all the cluster's surfaces.
        self._ids: dict[int, str] = {}

    # -- building -----------------------------------------------------------
    def _new(self, kind: str, curated_id: str | None = None) -> int:
        self.clusters.append(_Cluster(kind=kind, curated_id=curated_id))
        return len(self.clusters) - 1

    def _add_surface(self, idx: int, text: str, doc: str) -> None:
        c = self.clusters[idx]
        if text not in c.surfaces:
            self._index_surface(idx, c.kind, text)
        c.surfaces[text] += 1
        self._ids.pop(idx, None)
        c.docs.add(doc)

    def _index_surface(self, idx: int, kind: str, text: str) -> None:
        key = fold(text)
        self._by_fold[key].add(idx)
        self._verbatim[text].add(idx)
        initials = acronym(text)
        if initials:
            self._initials[initials].add(idx)
        parts = key.split()
        if parts and kind == "person":
            self._last_words[parts[-1]].add(idx)
        if len(text.split()) < 2:
            return
        if kind == "person":
            given, surname = person_parts(text)
            if given:
                self._full_persons[surname].add((given, idx))
        else:
            self._full[kind][key].add(idx)

    def _attach(self, idx: int, m: EntityMention) -> None:
        self._add_surface(idx, m.text, m.doc)
        self.by_mention[(m.doc, m.start, m.end)] = idx

    def _find_full(self, m: EntityMention) -> int | None:
        """The earliest cluster with a full name that is this one: for a person,
        a similar surname and compatible given names (both given); otherwise the
        same folded key, or a similar one for keys over 8 letters."""
        if m.kind == "person":
            given, surname = person_parts(m.text)
            if not given:
                return None
            found = {
                idx
                for s2 in similar_among(surname, list(self._full_persons))
                for g2, idx in self._full_persons[s2]
                if _compatible_given(given, g2)
            }
            return min(found, default=None)
        key = fold(m.text)
        kinds = {"organization", "state_force"} if m.kind in ("organization", "state_force") else {m.kind}
        found = set()
        for kind in kinds:
            keys = self._full[kind]
            if len(key) > 8:
                others = similar_among(key, list(keys))
            else:
                others = [key] if key in keys else []
            for other in others:
                found |= keys[other]
        return min(found, default=None)

    def add_all(self, mentions: Iterable[EntityMention]) -> "ActorIndex":
        mentions = list(mentions)
        # 1. curated
        for m in mentions:
            if m.canonical:
                cid = m.canonical
                if cid not in self._curated:
                    self._curated[cid] = self._new(m.kind, cid)
                self._attach(self._curated[cid], m)
        rest = [m for m in mentions if (m.doc, m.start, m.end) not in self.by_mention]
        # 2. full names, then the curated clusters' forms also serve as targets
        full = [m for m in rest if len(m.text.split()) >= 2 and not is_acronym(m.text)]
        for m in full:
            idx = self._find_full(m)
            self._attach(idx if idx is not None else self._new(m.kind), m)
        # 3. acronyms, 4. single words
        for m in rest:
            if (m.doc, m.start, m.end) in self.by_mention:
                continue
            idx = self._find_acronym(m) if is_acronym(m.text) else self._find_single(m)
            self._attach(idx if idx is not None else self._new(m.kind), m)
        return self

    def _find_acronym(self, m: EntityMention) -> int | None:
        """The earliest cluster whose initials are the acronym, or that wrote it so."""
        found = self._initials.get(m.text.replace(".", ""), set()) | self._verbatim.get(m.text, set())
        return min(found, default=None)

    def _find_single(self, m: EntityMention) -> int | None:
        """The one cluster of the same kind with this word as a folded surface or,
        for a person, as a similar last word: the one named in the same document
        if there is one, else the one in the corpus; None when several are."""
        key = fold(m.text)
        found = {idx for idx in self._by_fold.get(key, ()) if self.clusters[idx].kind == m.kind} if key else set()
        if m.kind == "person":
            for last in similar_among(key, list(self._last_words)):
                found |= self._last_words[last]
        same_doc = {idx for idx in found if m.doc in self.clusters[idx].docs}
        for pool in (same_doc, found - same_doc):
            if len(pool) == 1:
                return next(iter(pool))
        return None

    # -- reading ------------------------------------------------------------
    def actors(self) -> list[Actor]:
        """One Actor per id; clusters that ended up with the same canonical name are one actor."""
        out: dict[str, Actor] = {}
        for c in self.clusters:
            name = c.canonical()
            aliases = set(c.surfaces) | ({name} if c.curated_id else set())
            found = out.setdefault(actor_id(name), Actor(id=actor_id(name), name=name, kind=c.kind))
            found.aliases = sorted(set(found.aliases) | aliases)
        return list(out.values())

    def id_of_mention(self, key: MentionKey) -> str | None:
        idx = self.by_mention.get(key)
        return None if idx is None else self._id(idx)

    def id_of_text(self, text: str | None, *, doc: str | None = None) -> str | None:
        """The actor a free-text reference (a claim's source, a speaker) names, if any."""
        if not text:
            return None
        key = fold(text)
        words = key.split()
        best = None  # ((named in this document, length of the matched form), -cluster): earliest cluster on ties
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                form = " ".join(words[i:j])  # a surface matches a whole run of the reference's words
                if form != key and len(form) <= 3:
                    continue
                for idx in self._by_fold.get(form, ()):
                    score = ((doc in self.clusters[idx].docs) if doc else False, len(form)), -idx
                    if best is None or score > best:
                        best = score
        return None if best is None else self._id(-best[1])

    def _id(self, idx: int) -> str:
        if idx not in self._ids:
            self._ids[idx] = actor_id(self.clusters[idx].canonical())
        return self._ids[idx]


    def ensure(self, text: str | None, *, doc: str, kind: str = "other") -> str | None:
        """The actor a reference names, creating one when no mention of it was seen.

        A claim credited to "the city commandant's office" or an event whose actor
        is "rioters" still needs an actor row that the export can point at.
        """
        found = self.id_of_text(text, doc=doc)
        if found or not text or not text.strip():
            return found
        name = re.sub(r"^(the|The)\s+", "", " ".join(text.split()))
        self._add_surface(self._new(kind), name, doc)
        return actor_id(name)


def resolve_actors(mentions: Iterable[EntityMention]) -> ActorIndex:
    return ActorIndex().add_all(mentions)

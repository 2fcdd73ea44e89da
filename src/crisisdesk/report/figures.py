"""Numeric claims side by side: what each source says about one quantity, and whether they conflict.

A claim group (`claims[].group`) holds the claims about the same quantity across
documents.  Each claim states an interval ("more than 350" is [350, ∞)); the
sources disagree when no single number fits every interval they state.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .clusters import outlet_label

# "about 200" is read as 200 give or take this fraction: wide enough that "about
# 200" and "198" agree, narrow enough that "about 200" and "250" do not.
ABOUT_TOLERANCE = 0.1

# Categories in the order a reader of a crisis report looks for them.
CATEGORY_ORDER = ("killed", "injured", "hospitalized", "detained", "deployed",
                  "attackers", "protesters", "displaced", "other")


@dataclass(frozen=True)
class ClaimGroup:
    id: str
    category: str
    subject: str | None
    low: int | None  # the smallest number any source states
    high: int | None  # the largest number any source states
    disagree: bool
    claims: tuple[dict, ...]  # export claim rows, each with `source_name` and `outlet` added


def interval(claim: dict) -> tuple[float, float]:
    """The values a claim allows: `at_least 350` -> (350, inf); `about 200` -> (180, 220)."""
    low, high, qualifier = claim.get("low"), claim.get("high"), claim.get("qualifier")
    if qualifier == "at_least":
        return (float(low if low is not None else 0), math.inf)
    if qualifier == "at_most":
        return (0.0, float(high if high is not None else math.inf))
    low = low if low is not None else high
    high = high if high is not None else low
    if low is None:
        return (0.0, math.inf)
    if qualifier == "about":
        return (low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE))
    return (float(low), float(high))


def is_disagreement(claims: list[dict]) -> bool:
    """Whether no single number fits every claim's interval."""
    intervals = [interval(c) for c in claims]
    return max(lo for lo, _ in intervals) > min(hi for _, hi in intervals)


def source_name(claim: dict, actors: dict[str, dict], document: dict | None) -> str:
    """Who the figure is attributed to: the actor, the words the text uses, or the outlet itself."""
    if claim.get("source") and claim["source"] in actors:
        return actors[claim["source"]]["name"]
    if claim.get("source_text"):
        return claim["source_text"]
    return f"{outlet_label(document)} (own reporting)" if document else "the outlet (own reporting)"


def claim_groups(export: dict) -> list[ClaimGroup]:
    """Every claim group, deaths first, largest groups first within a category."""
    documents = {d["id"]: d for d in export.get("documents", [])}
    actors = {a["id"]: a for a in export.get("actors", [])}
    grouped: dict[str, list[dict]] = {}
    for claim in export.get("claims", []):
        document = documents.get(claim["doc"])
        row = {**claim, "source_name": source_name(claim, actors, document),
               "outlet": outlet_label(document) if document else None}
        grouped.setdefault(claim.get("group") or f"claim:{claim['id']}", []).append(row)

    groups = []
    for key, claims in grouped.items():
        numbers = [n for c in claims for n in (c.get("low"), c.get("high")) if n is not None]
        subjects = [c["subject"] for c in claims if c.get("subject")]
        groups.append(ClaimGroup(
            id=key,
            category=claims[0]["category"],
            subject=Counter(subjects).most_common(1)[0][0] if subjects else None,
            low=min(numbers) if numbers else None,
            high=max(numbers) if numbers else None,
            disagree=is_disagreement(claims),
            claims=tuple(sorted(claims, key=lambda c: (c.get("low") or c.get("high") or 0, c["doc"]))),
        ))
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    groups.sort(key=lambda g: (order.get(g.category, len(order)), -len(g.claims), g.id))
    return groups

"""Reprints and spun rewrites of the seeds are found; the five independent seeds are not merged."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from datasketch import MinHash

from crisisdesk.resolve.dedup import MINHASH_SCHEME, NUM_PERM, duplicates_of, find_duplicates, fingerprint, signature

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# A spinner's substitutions, as in seed 003 ("protests" -> "displays", "support" -> "sustain").
SPIN = {
    "protests": "displays",
    "support": "sustain",
    "restricted": "confined",
    "region": "vicinity",
    "rich": "high",
    "prime": "chief",
    "added": "additional",
    "power": "strength",
    "entire": "complete",
    "significant": "meaningful",
    "city": "metropolis",
    "said": "stated",
    "people": "individuals",
    "building": "edifice",
    "troops": "soldiers",
    "government": "administration",
    "country": "nation",
    "large": "big",
    "began": "started",
    "killed": "slain",
    "police": "law enforcement",
}


def seeds() -> list[tuple[str, str]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return [
        (p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))
    ]


def spin(text: str) -> str:
    return re.sub(
        r"\b(\w+)\b", lambda m: SPIN.get(m.group(1).lower(), m.group(1)), text
    )


def reorder(text: str, seed: int) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    random.Random(seed).shuffle(paragraphs)
    return "\n\n".join(paragraphs)


def reboilerplate(text: str) -> str:
    body = "\n".join(
        line
        for line in text.splitlines()
        if "Leave a Reply" not in line and "Article Categories" not in line
    )
    return (
        "Share this article on Facebook Twitter\n\n"
        + body
        + "\n\nRead more: subscribe to our newsletter.\n"
    )


def test_independent_seeds_are_not_merged():
    assert find_duplicates([(name, text, None) for name, text in seeds()]) == {}


def test_reprint_spin_and_reordering_point_at_the_earliest_original():
    docs = [(name, text, "2022-01-06") for name, text in seeds()]
    name, text = seeds()[2]
    copies = [
        ("reprint", reboilerplate(text), "2022-01-07"),
        ("spun", spin(text), "2022-01-08"),
        ("spun-reordered", reorder(spin(text), 1), None),
    ]
    found = find_duplicates(docs + copies)
    assert found == {"reprint": name, "spun": name, "spun-reordered": name}


def test_original_is_the_earliest_even_when_listed_last():
    _, text = seeds()[0]
    found = find_duplicates(
        [("copy", reboilerplate(text), "2022-01-07"), ("orig", text, "2022-01-06")]
    )
    assert found == {"copy": "orig"}


def test_every_seed_rewrite_is_found():
    originals = seeds()
    docs = [(name, text, "2022-01-05") for name, text in originals]
    docs += [
        (f"{name}-spun", reorder(spin(text), 7), "2022-01-09")
        for name, text in originals
    ]
    found = find_duplicates(docs)
    assert found == {f"{name}-spun": name for name, _ in originals}


def test_short_texts_are_left_alone():
    assert (
        find_duplicates(
            [("a", "Protests continue.", None), ("b", "Protests continue.", None)]
        )
        == {}
    )


# A report on another subject, long enough to be judged, sharing no phrasing with the seeds.
HARVEST = (
    "Farmers across the northern valleys began gathering an unusually large wheat harvest this week, "
    "helped by mild autumn weather and late rainfall. Cooperative managers expect grain prices to soften "
    "as silos fill, while millers welcome steady supplies before winter. Agronomists credit improved seed "
    "varieties, careful irrigation and fewer pests. Rail operators added freight wagons to carry sacks "
    "toward coastal ports, where exporters negotiate contracts with overseas bakeries and breweries."
)


def test_stored_fingerprints_need_the_texts_of_candidate_pairs_only():
    """Resolving holds fingerprints, not texts: only a suspected copy's pair is read."""
    docs = [(name, text, "2022-01-06") for name, text in seeds()]
    name, text = seeds()[1]
    docs.append(("reprint", reboilerplate(text), "2022-01-07"))
    docs.append(("harvest", HARVEST, "2022-01-07"))
    texts = {d: t for d, t, _ in docs}
    asked: list[str] = []

    def text_of(doc_id: str) -> str:
        asked.append(doc_id)
        return texts[doc_id]

    found = duplicates_of([(d, fingerprint(d, t), pub) for d, t, pub in docs], text_of)
    assert found == {"reprint": name}
    assert {name, "reprint"} <= set(asked)
    assert "harvest" not in asked


def test_a_fingerprint_is_a_kilobyte_whatever_the_length_of_the_text():
    _, text = seeds()[0]
    assert len(fingerprint("a", text).minhash) == len(fingerprint("b", text * 10).minhash) == 1024
    assert fingerprint("c", "Protests continue.").minhash == ""


def test_shared_permutations_give_the_values_of_a_fresh_minhash():
    shingles = {f"police fired {i}" for i in range(200)}
    fresh = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    fresh.update_batch([s.encode("utf-8") for s in shingles])
    assert (signature(shingles).hashvalues == fresh.hashvalues).all()

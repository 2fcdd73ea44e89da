"""Fuzz ingest and extract for a bounded time: `python fuzz/fuzz.py --seconds 600`.

Hypothesis drives `target.one_input` with article-like text in many
encodings and raw bytes (strategies.py), in rounds of fresh random examples
until the time is up.  A failing input is shrunk by Hypothesis, saved as
fuzz/crashes/<sha>.bin and replayed by tests/properties/test_fuzz.py from
then on: every crash found becomes a regression test.  Exit code 1 when
anything failed.  Hypothesis rather than atheris: no extra dependency, the
same strategies as the property tests, and shrinking to a minimal input.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from strategies import encoded  # noqa: E402
from target import one_input  # noqa: E402

CRASHES = HERE / "crashes"
# Examples per round: small enough that the time limit is kept to a round.
ROUND_EXAMPLES = 200


def fuzz(seconds: float, round_examples: int = ROUND_EXAMPLES) -> int:
    """Rounds until `seconds` pass; the number of failing inputs saved."""
    failed: list[bytes] = []

    @settings(max_examples=round_examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(encoded())
    def round_(data: bytes) -> None:
        try:
            one_input(data)
        except Exception:
            failed.append(data)
            raise

    deadline = time.monotonic() + seconds
    rounds = 0
    found = 0
    while time.monotonic() < deadline:
        rounds += 1
        failed.clear()
        try:
            round_()
        except Exception as error:  # Hypothesis re-raises the shrunk failure last
            data = failed[-1]
            path = CRASHES / f"{hashlib.sha256(data).hexdigest()[:16]}.bin"
            CRASHES.mkdir(exist_ok=True)
            path.write_bytes(data)
            found += 1
            print(f"crash saved to {path}: {type(error).__name__}: {str(error)[:200]}", file=sys.stderr)
    print(f"fuzzed {rounds} round(s) of {round_examples} examples in {seconds:.0f} s; {found} crash(es)")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--round-examples", type=int, default=ROUND_EXAMPLES)
    args = parser.parse_args()
    sys.exit(1 if fuzz(args.seconds, args.round_examples) else 0)


if __name__ == "__main__":
    main()

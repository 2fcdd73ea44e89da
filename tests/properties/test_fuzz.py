"""The fuzz target in CI: a short bounded run, and every saved crash replayed.

`make fuzz` runs fuzz/fuzz.py for minutes and saves any failing input to
fuzz/crashes/; each saved input is a regression test here for good.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
sys.path.insert(0, str(FUZZ))

from strategies import encoded  # noqa: E402
from target import one_input  # noqa: E402

# Examples in the bounded CI run (seconds); `make fuzz` runs for minutes instead.
CI_EXAMPLES = int(os.environ.get("CRISISDESK_FUZZ_EXAMPLES", "25"))
SAVED = sorted((FUZZ / "crashes").glob("*.bin"))


@settings(max_examples=CI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(encoded())
def test_fuzz_target_bounded(data):
    one_input(data)


@pytest.mark.parametrize("path", SAVED, ids=[p.stem for p in SAVED])
def test_saved_crash_stays_fixed(path):
    one_input(path.read_bytes())


def test_fuzz_driver_stops_by_itself(tmp_path):
    """The long run's driver honours its time limit (one round at least, then stops)."""
    import subprocess
    import time

    started = time.monotonic()
    done = subprocess.run([sys.executable, str(FUZZ / "fuzz.py"), "--seconds", "1", "--round-examples", "5"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "round(s)" in done.stdout
    assert time.monotonic() - started < 300

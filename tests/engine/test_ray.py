"""The Ray executor: a private local Ray, and a head node joined by address.

Both give the export the local executor gives.  Each test starts Ray (tens of
seconds on a busy machine), so the runs are kept to what the promise needs:
the five seeds once, and one short report on a head node started here.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from crisisdesk.pipeline import run
from crisisdesk.settings import Settings

pytest.importorskip("ray")

BIN = Path(sys.executable).parent
# Seconds for `ray start --head` to report that the runtime is up.
HEAD_START_TIMEOUT_S = 180
STARTED = "Ray runtime started"


def comparable(export: dict) -> dict:
    return {k: v for k, v in export.items() if k != "generated_at"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_ray_gives_the_local_export_on_the_seeds(seeds_dir, seeds_run, tmp_path):
    _, local_result = seeds_run
    settings = Settings(db=str(tmp_path / "ray.db"), out=str(tmp_path / "out"), engine="ray", processes=2)
    result = run([seeds_dir], settings)
    assert result.stored == 5
    assert "workers" in result.timings
    assert comparable(result.export) == comparable(local_result.export)


def test_a_rerun_on_ray_with_nothing_new_starts_no_ray(seeds_dir, tmp_path):
    """Stored documents are not parsed again, so no cluster is needed."""
    settings = Settings(db=str(tmp_path / "a.db"), out=str(tmp_path / "out"))
    first = run([seeds_dir], settings)
    again = run([seeds_dir], Settings(db=settings.db, out=settings.out, engine="ray", address="127.0.0.1:1"))
    assert (again.stored, again.unchanged) == (0, 5)
    assert comparable(again.export) == comparable(first.export)


@pytest.fixture
def head_node():
    """A one-CPU Ray head on 127.0.0.1 with token authentication, stopped at the end.

    `ray start --block` stays in the foreground and takes the node's processes
    down with it on SIGTERM, so the test ends exactly what it started.
    """
    root = Path(tempfile.mkdtemp(prefix="cdray-"))  # short: Ray's socket paths must fit 107 bytes
    token = root / "token"
    token.write_text(secrets.token_hex(32), encoding="utf-8")
    env = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN_PATH": str(token),
           "RAY_USAGE_STATS_ENABLED": "0"}
    port = free_port()
    log = root / "head.log"
    cmd = [str(BIN / "ray"), "start", "--head", "--block", "--node-ip-address", "127.0.0.1", "--port", str(port),
           "--num-cpus", "1", "--include-dashboard", "false", "--disable-usage-stats",
           "--object-store-memory", str(200 * 2**20), "--temp-dir", str(root / "ray"),
           "--node-manager-port", str(free_port()), "--object-manager-port", str(free_port()),
           "--dashboard-agent-listen-port", str(free_port()), "--dashboard-agent-grpc-port", str(free_port()),
           "--runtime-env-agent-port", str(free_port()), "--metrics-export-port", str(free_port())]
    with log.open("w") as out:
        head = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + HEAD_START_TIMEOUT_S
        while STARTED not in log.read_text(errors="replace"):
            if head.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ray head did not start:\n{log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
        yield f"127.0.0.1:{port}", env
    finally:
        head.terminate()
        try:
            head.wait(timeout=60)
        except subprocess.TimeoutExpired:
            head.kill()
            head.wait()
        shutil.rmtree(root, ignore_errors=True)


def test_run_joins_a_head_node_by_address(seeds_dir, head_node, tmp_path):
    address, env = head_node
    corpus = tmp_path / "in"
    corpus.mkdir()
    shortest = min(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)
    shutil.copy(shortest, corpus / shortest.name)
    cmd = [str(BIN / "crisisdesk"), "run", str(corpus), "--db", str(tmp_path / "ray.db"), "--out",
           str(tmp_path / "ray"), "--engine", "ray", "--address", address, "--quiet"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    joined = json.loads((tmp_path / "ray" / "report.json").read_text(encoding="utf-8"))
    here = run([corpus], Settings(db=str(tmp_path / "local.db"), out=str(tmp_path / "local")))
    assert len(joined["documents"]) == 1
    assert comparable(joined) == comparable(here.export)

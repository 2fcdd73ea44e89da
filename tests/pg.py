"""A throwaway PostgreSQL cluster for the store tests: a real server, never a mock.

It is started in a temporary directory on a free loopback port by the
Debian binaries (installed by `make test` when missing), run as the
`postgres` user because initdb refuses root, and stopped at the end.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

# Seconds to wait for the server to accept connections after pg_ctl start.
START_TIMEOUT_S = 30


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user(cmd: list[str], user: str | None) -> list[str]:
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


@contextmanager
def postgres_server():
    """Yield a postgresql:// URL of a fresh cluster; stop and remove it afterwards."""
    bindir = pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL binaries not found; `make test` installs the Debian package postgresql")
    user = None
    if os.geteuid() == 0:
        user = "postgres"
        pwd.getpwnam(user)
    root = Path(tempfile.mkdtemp(prefix="crisisdesk-pg-"))
    data = root / "data"
    if user:
        shutil.chown(root, user)
        os.chmod(root, 0o700)
    port = _free_port()
    run = lambda cmd: subprocess.run(_as_user(cmd, user), check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run([str(bindir / "initdb"), "-D", str(data), "-U", "crisisdesk", "--auth=trust", "-E", "UTF8"])
        run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", str(START_TIMEOUT_S),
             "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start"])
        url = f"postgresql://crisisdesk@127.0.0.1:{port}/postgres"
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        yield url
    finally:
        subprocess.run(_as_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], user),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)

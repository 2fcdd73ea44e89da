"""Shared fixtures: where the real reports are, and one run over them per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/pg.py, tests/paths.py

from paths import SEEDS  # noqa: E402


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_run(seeds_dir, tmp_path_factory):
    """The pipeline once over the five seeds, with its database and export."""
    from crisisdesk.pipeline import run
    from crisisdesk.settings import Settings

    tmp = tmp_path_factory.mktemp("seeds")
    settings = Settings(db=str(tmp / "seeds.db"), out=str(tmp / "out"))
    result = run([seeds_dir], settings)
    return settings, result


@pytest.fixture(scope="session")
def pg_server():
    """One real PostgreSQL server for the whole test session."""
    from pg import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    import uuid

    import psycopg

    server = request.getfixturevalue("pg_server")
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + "/" + name

"""One settings table: CLI option > environment `CRISISDESK_*` > default.

The same table feeds `--help`, the README and the web app's about page, so a
setting cannot exist in one place and be missing in another.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", None, "spaCy pipeline directory (default: the bundled en_core_web_sm 3.8)"),
    Setting("batch_size", 16, "documents per nlp.pipe batch and per store transaction batch"),
    Setting("processes", 1, "worker processes for the per-document stage"),
    Setting("engine", "local", "executor for the per-document stage: local or ray"),
    Setting("address", None, "Ray cluster to join with --engine ray (default: start Ray on this machine)"),
    Setting("db", "out/crisisdesk.db", "store: a SQLite file path or a postgresql:// URL"),
    Setting("out", "out", "folder for report.json and other outputs"),
    Setting("max_bytes", 20_000_000, "files larger than this many bytes are skipped"),
)


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    batch_size: int = 16
    processes: int = 1
    engine: str = "local"
    address: str | None = None
    db: str = "out/crisisdesk.db"
    out: str = "out"
    max_bytes: int = 20_000_000

    @classmethod
    def load(cls, **options) -> "Settings":
        """Merge CLI options (None = not given) over the environment over defaults."""
        values = {}
        for f in fields(cls):
            given = options.get(f.name)
            env = os.environ.get(f"CRISISDESK_{f.name.upper()}")
            if given is not None:
                values[f.name] = given
            elif env is not None:
                values[f.name] = int(env) if isinstance(f.default, int) else env
        return replace(cls(), **values)


assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)], "settings table and class differ"

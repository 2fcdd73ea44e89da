"""Where documents and facts live: `Store(db)` for a path or a database URL."""

from .database import Store, database_url

__all__ = ["Store", "database_url"]

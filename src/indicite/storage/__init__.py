"""Everything that speaks SQL. Services use the Store; nothing here imports Qt."""

# First: sqlite-utils must load before anything imports pandas (see lean_imports).
import indicite.storage.lean_imports  # noqa: F401  # isort: skip
from indicite.storage.database import open_database, transaction
from indicite.storage.store import Store

__all__ = ["Store", "open_database", "transaction"]

"""Everything that speaks SQL. Services use the Store; nothing here imports Qt."""

from indicite.storage.database import open_database, transaction
from indicite.storage.store import Store

__all__ = ["Store", "open_database", "transaction"]

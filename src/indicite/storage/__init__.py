"""Everything that speaks SQL. Services use the Store; nothing here imports Qt.

DESIGN RULE: only SQLite touches a database file. While a connection to a file exists in the
process, nothing opens, reads, copies or hashes it or its -wal/-shm/-journal by other means:
closing any descriptor of the file drops all of the process's locks on it, and another
program then deletes the write-ahead log under us. See ``storage.open_files`` (the record of
open files and the whole argument) and ``tests/faults/test_only_sqlite_touches.py``.
"""

# First: sqlite-utils must load before anything imports pandas (see lean_imports).
import indicite.storage.lean_imports  # noqa: F401  # isort: skip
from indicite.storage.database import open_database, transaction
from indicite.storage.store import Store

__all__ = ["Store", "open_database", "transaction"]

"""Starting a write transaction when another writer holds the lock past the busy timeout.

SQLite's busy timeout already waits for the lock; a writer that keeps it longer (a big import
on a slow disk) would still surface as "database is locked". We try BEGIN IMMEDIATE a few
more times, with a short random pause, before telling the user.
"""

import random
import sqlite3
import time
from collections.abc import Callable

BEGIN_ATTEMPTS = 4


def is_busy(error: sqlite3.OperationalError) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED (with any extended code)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(error).lower()
    return "locked" in text or "busy" in text


def begin_immediate(
    conn: sqlite3.Connection,
    *,
    attempts: int = BEGIN_ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """BEGIN IMMEDIATE, retried while the database stays busy; the last error is raised."""
    for attempt in range(1, attempts + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as e:
            if attempt == attempts or not is_busy(e):
                raise
        # Jitter, so writers that gave up together do not collide again together.
        sleep(random.uniform(0.05, 0.25) * attempt)  # noqa: S311 (not security)

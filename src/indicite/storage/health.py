"""Checking a database file before opening it for writing: a damaged file is never written to.

The check reads the header and runs ``PRAGMA quick_check`` on a read-only connection
(URI ``mode=ro``), so a file that turns out to be damaged is left exactly as it was for
recovery tools and the user's IT department.

The header is read with Python's ``open()`` only before the process's first connection to
the file (``header=False`` otherwise): see the rule in ``storage.open_files``.

``quick_check`` reads the whole file (1 s for 1 GB). The app may open with the cheap part only
(header, length, schema readable) and finish with ``require_sound()`` in a worker: the Store
then runs that check itself before its first write if the worker has not answered yet.
"""

import sqlite3
from pathlib import Path

from indicite.core.errors import DatabaseUnusable, StorageProblem
from indicite.storage.retry import is_busy

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_BYTES = 100
BUSY_TIMEOUT_S = 10


def check_health(path: Path, *, full: bool = True, header: bool = True) -> None:
    """Raise DatabaseUnusable if ``path`` exists but is not a sound SQLite database.

    A missing or empty file is fine: opening it creates a new database. ``full=False`` skips
    the read of every page (``require_sound()``) and only reads the schema. ``header=False``
    (the file is open in this process) leaves out the reads by other means than SQLite.
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    if header:
        _check_header(path)
    if full:
        require_sound(path)
    else:
        problem = _run_read_only(path, "SELECT count(*) FROM sqlite_master", ok=())
        if problem:
            raise _damaged(path, problem)


def _check_header(path: Path) -> None:
    """Only before the first connection of the process (storage.open_files)."""
    try:
        with path.open("rb") as f:
            header = f.read(HEADER_BYTES)
    except OSError as e:
        raise unreadable(path, e) from e
    if not header.startswith(SQLITE_HEADER):
        raise DatabaseUnusable(
            "{path} is not an Indicite database: it is not an SQLite file at all. "
            "It was not changed; choose another file, or restore a backup.",
            path=path,
        )
    if len(header) < HEADER_BYTES or _is_truncated(path, header):
        raise DatabaseUnusable(
            "{path} is cut short: the file is smaller than its own header says (an "
            "interrupted copy or a full disk). It was not opened or changed; restore a backup "
            "(File → Restore) or open another database.",
            path=path,
        )


def require_sound(path: Path) -> None:
    """Raise DatabaseUnusable unless ``PRAGMA quick_check`` finds the file sound."""
    problem = quick_check(path)
    if problem:
        raise _damaged(path, problem)


def quick_check(path: Path) -> str:
    """The first problem ``PRAGMA quick_check`` finds, or "" when the file is sound."""
    return _run_read_only(path, "PRAGMA quick_check")


def _run_read_only(path: Path, sql: str, ok: tuple[str, ...] = ("ok",)) -> str:
    """Run a checking statement read-only: "" when it answers ``ok`` (or anything, when
    ``ok`` is empty), else its first message or the error that stopped it."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    except sqlite3.OperationalError as e:
        raise unreadable(path, e) from e
    try:
        rows = conn.execute(sql).fetchall()
    except sqlite3.OperationalError as e:
        if "malformed" in str(e).lower():
            return str(e)
        if is_busy(e):  # a writer holds the file: busy is not damaged
            raise StorageProblem(
                "Another program kept {path} busy while it was checked; try again in a moment.",
                path=path,
            ) from e
        raise unreadable(path, e) from e
    except sqlite3.DatabaseError as e:
        return str(e)
    finally:
        conn.close()
    messages = [row[0] for row in rows]
    return "" if not ok or messages == list(ok) else str(messages[0])


def _is_truncated(path: Path, header: bytes) -> bool:
    """The header says how many pages the file holds; fewer on disk means it was cut.

    Skipped while a write-ahead log exists: a checkpoint interrupted by a crash may have
    written page 1 before the rest, and the log still holds what completes the file.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    counts_valid = header[24:28] == header[92:96] and page_count > 0
    size = path.stat().st_size
    if page_size < 512 or size < page_size:
        return True
    return counts_valid and size < page_count * page_size


def _damaged(path: Path, detail: str) -> DatabaseUnusable:
    return DatabaseUnusable(
        "{path} failed SQLite's integrity check ({detail}). It was not opened or changed; "
        "restore a backup (File → Restore) or open another database.",
        path=path,
        detail=detail,
    )


def unreadable(path: Path, error: Exception) -> DatabaseUnusable:
    """SQLite could not read the file: our checks cannot tell whether the file is at fault."""
    return DatabaseUnusable(
        "{path} could not be opened ({detail}). That may be the disk, the network or the "
        "file's permissions rather than the file itself; it was not changed. Try again, or "
        "restore a backup.",
        path=path,
        detail=str(error),
    )

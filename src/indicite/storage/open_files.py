"""The database files this process has open: only SQLite may touch them (issue 12).

DESIGN RULE — only SQLite touches a database file. While a connection to a file exists in
this process, no code of ours opens, reads, copies, hashes or stat-then-reads the database or
its ``-wal``/``-shm``/``-journal`` by any other means (``open()``, ``Path.read_bytes()``,
``shutil.copy``, ``hashlib``, a second ``os.open``). On POSIX, closing *any* descriptor of a
file drops *every* fcntl lock the process holds on it, including the SQLite connection's
shared lock; the next program that closes its own connection then sees no reader,
checkpoints and deletes the write-ahead log the app is still writing to, and the app's
later writes vanish or corrupt the file (SQLite, "How To Corrupt An SQLite Database File",
section 2.2). ``os.stat`` opens no descriptor and is allowed.

So: the header of a file is read with Python only before the first connection of the process
(storage.health); a session opened on a file that is already open here reuses that check
(workers do); everything else goes through an SQLite connection (backups with the backup API,
counts and checks on read-only connections). Code that must handle a database file by name
(setting a damaged file aside, writing an export) asks ``refuse_if_open`` first.
``tests/faults/test_only_sqlite_touches.py`` fails if a read by other means comes back.

Files are known by identity (device and inode), so a second path to the same file (a
symbolic or hard link, ``..`` in the path) is the same file.
"""

import os
import threading
from pathlib import Path

from indicite.core.errors import StorageProblem

SIDE_FILES = ("-wal", "-shm", "-journal")

FileKey = tuple[int, int]

_lock = threading.Lock()
_open: dict[FileKey, int] = {}
_paths: dict[FileKey, Path] = {}
_sound: set[FileKey] = set()


def file_key(path: str | Path) -> FileKey | None:
    """The file's identity, or None when nothing is there (``os.stat`` opens no descriptor)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def opened(path: Path, *, sound: bool) -> FileKey | None:
    """Record a new connection to ``path``; ``sound`` when its full check passed."""
    key = file_key(path)
    if key is None:
        return None
    with _lock:
        _open[key] = _open.get(key, 0) + 1
        _paths.setdefault(key, Path(path).resolve())
        if sound:
            _sound.add(key)
    return key


def closed(key: FileKey | None) -> None:
    """A connection recorded by ``opened`` was closed; the last one forgets the file."""
    if key is None:
        return
    with _lock:
        left = _open.get(key, 0) - 1
        if left > 0:
            _open[key] = left
            return
        _open.pop(key, None)
        _paths.pop(key, None)
        _sound.discard(key)


def mark_sound(key: FileKey | None) -> None:
    if key is not None:
        with _lock:
            if key in _open:
                _sound.add(key)


def is_open(path: str | Path) -> bool:
    """Whether a connection of this process has ``path`` open."""
    key = file_key(path)
    with _lock:
        return key is not None and key in _open


def is_known_sound(path: str | Path) -> bool:
    """Open here and fully checked since: a further session needs no check of its own."""
    key = file_key(path)
    with _lock:
        return key is not None and key in _open and key in _sound


def open_database_of(path: str | Path) -> Path | None:
    """The open database that ``path`` is, or whose ``-wal``/``-shm``/``-journal`` it is."""
    key = file_key(path)
    with _lock:
        if key is not None and key in _paths:
            return _paths[key]
        databases = list(_paths.values())
    target = Path(path)
    for database in databases:
        for side in SIDE_FILES:
            side_path = database.with_name(database.name + side)
            if _same(target, side_path):
                return database
    return None


def refuse_if_open(path: str | Path) -> None:
    """Raise StorageProblem if ``path`` is a database open here (or one of its side files)."""
    database = open_database_of(path)
    if database is not None:
        raise StorageProblem(
            "{path} is the open database {database} (or its journal); "
            "only SQLite may write it — choose another file.",
            path=path,
            database=database,
        )


def _same(a: Path, b: Path) -> bool:
    key_a, key_b = file_key(a), file_key(b)
    if key_a is not None and key_b is not None:
        return key_a == key_b
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))

"""Backup files: copies made with SQLite's online backup API, listed, pruned and restored.

The backup API copies a consistent snapshot while other connections keep working, which a
file copy of a database in WAL mode cannot promise.
"""

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from indicite.core.errors import StorageProblem
from indicite.storage.open_files import refuse_if_open

SUFFIX = ".sqlite"
DAMAGED_SUFFIX = ".damaged"
STAMP = "%Y%m%d-%H%M%S-%f"
KEEP_LAST = 10
KEEP_DAILY_DAYS = 30


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, with what the restore list shows (counts are None if unreadable)."""

    path: Path
    taken_at: datetime
    documents: int | None
    indicators: int | None


def backup_prefix(database: Path) -> str:
    """Backups of one database share a prefix: its name plus a hash of its full path,
    so two databases called alike in different folders never mix their backups."""
    digest = hashlib.sha256(str(Path(database).resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{Path(database).stem}.{digest}"


def write_backup(conn: sqlite3.Connection, folder: Path, prefix: str, now: datetime) -> Path:
    """Copy the open database into a new file in ``folder``; the file appears only when whole."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{prefix}-{now.strftime(STAMP)}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    refuse_if_open(target)
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(partial, target)
    return target


def list_backups(folder: Path, prefix: str) -> list[BackupInfo]:
    """The backups of one database, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{prefix}-*{SUFFIX}"):
        taken_at = _taken_at(path, prefix)
        if taken_at is not None:
            documents, indicators = counts(path)
            found.append(BackupInfo(path, taken_at, documents, indicators))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def counts(path: Path) -> tuple[int | None, int | None]:
    """Documents and (not deleted) indicators in a database file, read without writing."""
    try:
        conn = _connect_read_only(path)
    except sqlite3.Error:
        return None, None
    try:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        indicators = conn.execute(
            "SELECT count(*) FROM indicators WHERE deleted_at IS NULL"
        ).fetchone()[0]
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()
    return int(documents), int(indicators)


def last_event_id(conn: sqlite3.Connection) -> int:
    """The newest history entry: a database whose last event did not move has no new work."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0])


def actions_after(conn: sqlite3.Connection, event_id: int) -> dict[str, int]:
    """How many history entries of each action were recorded after ``event_id``."""
    rows = conn.execute(
        "SELECT action, count(*) FROM events WHERE id > ? GROUP BY action", [event_id]
    ).fetchall()
    return {action: int(n) for action, n in rows}


def last_event_id_of_file(path: Path) -> int | None:
    try:
        conn = _connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        return last_event_id(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def to_delete(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    """The backups the policy no longer keeps: not among the last 10, and not the newest of
    its day within the last 30 days."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in newest_first[:KEEP_LAST]}
    days_seen = set()
    for b in newest_first:
        day = b.taken_at.date()
        if now - b.taken_at <= timedelta(days=KEEP_DAILY_DAYS) and day not in days_seen:
            days_seen.add(day)
            keep.add(b.path)
    return [b for b in newest_first if b.path not in keep]


def restore_into(conn: sqlite3.Connection, backup: Path) -> None:
    """Replace the open database's content with the backup's, as one step for every reader."""
    source = _connect_read_only(backup)
    try:
        source.backup(conn)
    finally:
        source.close()


def set_aside(database: Path, folder: Path, prefix: str, now: datetime) -> Path:
    """Move a damaged database (and its journal files) out of the way, untouched."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{prefix}-{now.strftime(STAMP)}{DAMAGED_SUFFIX}"
    refuse_if_open(database)  # a move across disks copies the file with Python
    for extra in ("", "-wal", "-shm", "-journal"):
        source = database.with_name(database.name + extra)
        if source.exists():
            shutil.move(source, target.with_name(target.name + extra))
    return target


def copy_backup_to(backup: Path, database: Path) -> None:
    """Write a backup's content to a new database file at ``database`` (which must not exist)."""
    if database.exists():
        raise StorageProblem(
            "{database} is still there, so the backup was not put in its place; "
            "close every program using it and try again.",
            database=database,
        )
    source = _connect_read_only(backup)
    dest = sqlite3.connect(database)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def _taken_at(path: Path, prefix: str) -> datetime | None:
    stamp = path.name[len(prefix) + 1 : -len(SUFFIX)]
    try:
        return datetime.strptime(stamp, STAMP)
    except ValueError:
        return None

"""When backups are made and how one is restored: on open, after 30 minutes of work, on demand.

Backups live in the user data folder ("backups"), never next to the database, so a damaged
or deleted shared folder does not take the backups with it.
"""

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from indicite.core.errors import NotFound, StorageProblem
from indicite.paths import data_dir
from indicite.services.session import Session
from indicite.storage.backups import (
    BackupInfo,
    actions_after,
    backup_prefix,
    copy_backup_to,
    last_event_id,
    last_event_id_of_file,
    list_backups,
    restore_into,
    set_aside,
    to_delete,
    write_backup,
)
from indicite.storage.database import upgrade_schema

WORK_INTERVAL = timedelta(minutes=30)


def backups_folder() -> Path:
    return data_dir() / "backups"


def backups_of(database: Path) -> list[BackupInfo]:
    """The backups of one database file, newest first, with their time and counts."""
    return list_backups(backups_folder(), backup_prefix(database))


def back_up(session: Session, now: datetime | None = None) -> Path | None:
    """Back up the session's database now and prune old backups (nothing for an in-memory one)."""
    database = session.store.path
    if database is None:
        return None
    now = now or datetime.now()
    prefix = backup_prefix(database)
    try:
        target = write_backup(session.store.db.conn, backups_folder(), prefix, now)
    except (OSError, sqlite3.Error) as e:
        raise StorageProblem(
            "No backup could be written to {folder} ({detail}); free some space there.",
            folder=backups_folder(),
            detail=str(e),
        ) from e
    for old in to_delete(list_backups(backups_folder(), prefix), now):
        old.path.unlink(missing_ok=True)
    return target


def back_up_if_due(session: Session, now: datetime | None = None) -> Path | None:
    """Back up when the newest backup is 30 minutes old and work was done since."""
    database = session.store.path
    if database is None:
        return None
    now = now or datetime.now()
    existing = backups_of(database)
    if existing:
        newest = existing[0]
        if now - newest.taken_at < WORK_INTERVAL:
            return None
        if last_event_id_of_file(newest.path) == last_event_id(session.store.db.conn):
            return None
    return back_up(session, now)


REVIEW_DECISIONS = frozenset({"approve", "return", "reopen"})
NEW_ENTRIES = frozenset({"create", "load"})


@dataclass(frozen=True)
class WorkAfter:
    """What the current file recorded after a backup: what restoring that backup undoes."""

    review_decisions: int
    new_entries: int
    other_changes: int

    @property
    def nothing(self) -> bool:
        return not (self.review_decisions or self.new_entries or self.other_changes)


def work_after(session: Session, backup: Path) -> WorkAfter | None:
    """Count the history entries recorded after ``backup`` (None when either cannot be read).

    The backup's newest event marks where it stops; events are append-only, so everything
    after it in the current file is what a restore would take away.
    """
    since = last_event_id_of_file(Path(backup))
    if since is None:
        return None
    try:
        counts = actions_after(session.store.db.conn, since)
    except sqlite3.Error:
        return None
    decisions = sum(n for a, n in counts.items() if a in REVIEW_DECISIONS)
    entries = sum(n for a, n in counts.items() if a in NEW_ENTRIES)
    return WorkAfter(decisions, entries, sum(counts.values()) - decisions - entries)


def restore_backup(session: Session, backup: Path) -> None:
    """Replace the database's content with a backup's; the current content is backed up first.

    The restore goes through the open connection, so every window and every other program
    using the file sees the restored content; an older backup is brought up to this schema.
    """
    if session.store.path is None or not Path(backup).is_file():
        raise NotFound("There is no backup {backup}; choose one from the list.", backup=backup)
    back_up(session)
    restore_into(session.store.db.conn, Path(backup))
    upgrade_schema(session.store.db)


def restore_damaged(database: Path, backup: Path, user: str | None = None) -> Session:
    """Put a backup in place of a damaged database file and open it.

    The damaged file is moved to the backups folder unchanged (never written to).
    """
    database = Path(database)
    if not Path(backup).is_file():
        raise NotFound("There is no backup {backup}; choose one from the list.", backup=backup)
    set_aside(database, backups_folder(), backup_prefix(database), datetime.now())
    copy_backup_to(Path(backup), database)
    return Session.open(database, user)

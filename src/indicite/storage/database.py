"""Opening a database file: pragmas, migrations, version checks, transactions."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from indicite.core.errors import DatabaseTooNew, DatabaseUnusable, NotFound, StorageProblem
from indicite.storage.filesystems import is_network_path
from indicite.storage.health import check_health, require_sound, unreadable
from indicite.storage.migrations import APPLICATION_ID, migrations
from indicite.storage.retry import begin_immediate

BUSY_TIMEOUT_MS = 10_000


def schema_version() -> int:
    """The PRAGMA user_version this app writes: the number of migrations it knows."""
    return len(migrations._migrations)


def open_database(
    path: str | Path,
    *,
    migrate: bool = True,
    full_check: bool = True,
    create: bool = True,
    header: bool = True,
) -> Database:
    """Open (or, with ``create``, create) a database, refusing files this app must not touch.

    A file that is not SQLite, someone else's SQLite database, or a database from a newer app
    is refused before any write. A missing folder is never created. ``full_check=False``
    leaves the read of every page to the caller (storage.health), except when opening must
    write (migrations, the journal mode): then it is done here first. ``header=False``: the
    file is open in this process already, so its header is not read again (storage.open_files).
    """
    path = Path(path)
    refuse_missing(path, create=create)
    check_health(path, full=full_check, header=header)
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    db = Database(conn)
    try:
        _refuse_newer(db, path)
        _refuse_foreign(db, path)
        wal = not is_network_path(path)
        if not full_check and _opening_writes(db, wal):
            require_sound(path)
        configure(db, wal=wal)
        if migrate:
            upgrade_schema(db)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise unreadable(path, e) from e
    except BaseException:
        conn.close()
        raise
    return db


def refuse_missing(path: Path, *, create: bool) -> None:
    """A wrong path is an error, not a new database: creating one is asked for explicitly."""
    if not path.parent.is_dir():
        raise NotFound(
            "There is no folder {folder}; check the path (folders are not created for you).",
            folder=path.parent,
        )
    if not create and not path.exists():
        raise NotFound(
            "There is no database at {path}; check --db, or create one with "
            "`indicite --db {path} import --create FILE`.",
            path=path,
        )


def is_indicite_database(db: Database) -> bool:
    """Ours: the application id, an empty file, or (made before the id) our migration record."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id:
        return app_id == APPLICATION_ID
    if not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        return True
    if not db["_sqlite_migrations"].exists():
        return False
    sets = db.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")
    return migrations.name in {row[0] for row in sets}


def _refuse_foreign(db: Database, path: Path) -> None:
    if not is_indicite_database(db):
        raise DatabaseUnusable(
            "{path} is another program's SQLite database, not an Indicite one; "
            "it was not changed. Open an Indicite database or create a new one.",
            path=path,
        )


def upgrade_schema(db: Database) -> None:
    """Apply the migrations this database lacks, all in one transaction."""
    if migrations.pending(db):
        with transaction(db):
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {schema_version():d}")


def _opening_writes(db: Database, wal: bool) -> bool:
    """Whether configure() or the migrations would change the file."""
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    return (mode == "wal") != wal or bool(migrations.pending(db))


def configure(db: Database, *, wal: bool) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")
    if wal:
        db.execute("PRAGMA journal_mode = WAL")
    else:
        # WAL's shared memory only works when every process is on one host.
        db.execute("PRAGMA journal_mode = DELETE")


def _refuse_newer(db: Database, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    known = {m.name for m in migrations._migrations}
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if version > schema_version() or unknown:
        raise DatabaseTooNew(
            "{path} was written by a newer version of Indicite; "
            "install the newer version to open it (the file was not changed)",
            path=path,
        )


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One user action: all of it is stored or none of it.

    BEGIN IMMEDIATE takes the write lock first, so a second writer waits for the busy
    timeout instead of failing halfway. Inside, sqlite-utils' own atomic() nests as savepoints.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        begin_immediate(conn)
    except sqlite3.OperationalError as e:
        raise storage_problem(e) from e
    try:
        yield db
        conn.execute("COMMIT")
    except sqlite3.OperationalError as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise storage_problem(e) from e
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def storage_problem(error: sqlite3.OperationalError) -> Exception:
    """Turn the environmental SQLite errors into a message the user can act on."""
    text = str(error).lower()
    if "full" in text:
        return StorageProblem("The disk is full: nothing was saved. Free some space and try again.")
    if "readonly" in text or "read-only" in text:
        return StorageProblem(
            "The database file is read-only: nothing was saved. "
            "Check the file's permissions or open a copy."
        )
    if "locked" in text or "busy" in text:
        return StorageProblem(
            "Another program kept the database busy: nothing was saved. Try again in a moment."
        )
    if "disk i/o" in text or "unable to open" in text:
        return StorageProblem(
            "The database file could not be written (disk or network problem): nothing was saved."
        )
    return error


def schema_sql(db: Database) -> str:
    """The schema as db/schema.sql holds it: one statement per object, in a stable order."""
    rows = db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, tbl_name, name"
    ).fetchall()
    return "".join(f"{sql};\n\n" for (sql,) in rows).rstrip("\n") + "\n"

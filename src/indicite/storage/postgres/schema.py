"""Versioned schema of a PostgreSQL database: the SQL files of ``migrations/``, in name order.

Like the SQLite store (``storage.migrations``), a database records the migrations it has,
pending ones are applied in one transaction, and a database with a migration this app does
not know (written by a newer Indicite) is refused unchanged. An advisory lock keeps two desks
that start together from upgrading the same database twice.
"""

from importlib import resources

from indicite.core.errors import DatabaseTooNew, DatabaseUnusable
from indicite.storage.postgres.database import PgDatabase

HISTORY = "indicite_migrations"
# pg_advisory_xact_lock key: "INDC" in ASCII, the SQLite application_id.
UPGRADE_LOCK = 0x494E4443


def migration_files() -> list[tuple[str, str]]:
    """(name, SQL) of every migration, in order."""
    folder = resources.files("indicite.storage.postgres") / "migrations"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


def schema_version() -> int:
    return len(migration_files())


def applied(db: PgDatabase) -> list[str]:
    if not db.table(HISTORY).exists():
        return []
    return [row[0] for row in db.execute(f"SELECT name FROM {HISTORY} ORDER BY name")]  # noqa: S608


def upgrade(db: PgDatabase, where: str) -> None:
    """Refuse a foreign or newer database; else apply what it lacks, in one transaction."""
    known = [name for name, _ in migration_files()]
    with db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(?)", [UPGRADE_LOCK])
        done = applied(db)
        if not done and _has_tables(db):
            raise DatabaseUnusable(
                "{path} holds another program's tables, not an Indicite database; "
                "it was not changed. Give an empty database or an Indicite one.",
                path=where,
            )
        if set(done) - set(known):
            raise DatabaseTooNew(
                "{path} was written by a newer version of Indicite; "
                "install the newer version to open it (the database was not changed)",
                path=where,
            )
        pending = [(name, sql) for name, sql in migration_files() if name not in done]
        if pending and _is_desk(db):
            raise DatabaseUnusable(
                "{path} needs changes to its tables that only its owner can make: ask them "
                "to open it once with this version of Indicite.",
                path=where,
            )
        if not done:  # a desk (no CREATE on the schema) never gets here
            db.execute(
                f"CREATE TABLE IF NOT EXISTS {HISTORY} "
                "(name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
        for name, sql in pending:
            db.conn.raw.execute(sql)
            db.execute(f"INSERT INTO {HISTORY} (name) VALUES (?)", [name])  # noqa: S608


def _has_tables(db: PgDatabase) -> bool:
    return bool(
        db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[
            0
        ]
    )


def _is_desk(db: PgDatabase) -> bool:
    """A desk's login (migrations/p004_desk_roles.sql) may not change the schema."""
    if not db.execute("SELECT to_regproc('indicite_role_of') IS NOT NULL").fetchone()[0]:
        return False
    return db.execute("SELECT indicite_role_of(session_user)").fetchone()[0] is not None

import sqlite3
from pathlib import Path

import pytest

from indicite.core.errors import DatabaseTooNew, DatabaseUnusable
from indicite.storage.database import open_database, schema_sql, schema_version
from indicite.storage.dump_schema import current_schema

FILE_STORE_ONLY = True  # about the SQLite file itself

SCHEMA_FILE = Path(__file__).parents[2] / "db" / "schema.sql"


def test_migrations_produce_the_committed_schema():
    assert current_schema() == SCHEMA_FILE.read_text(encoding="utf-8"), (
        "db/schema.sql is stale: python -m indicite.storage.dump_schema > db/schema.sql"
    )


def test_connection_settings(db_path):
    db = open_database(db_path)
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    db.close()


def test_reopening_applies_nothing_twice(db_path):
    open_database(db_path).close()
    db = open_database(db_path)
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == schema_version()
    db.close()


def test_newer_database_is_refused_and_left_alone(db_path):
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_unknown_migration_means_newer(db_path):
    db = open_database(db_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "indicite", "name": "m999_future", "applied_at": "2030"}
    )
    db.close()
    with pytest.raises(DatabaseTooNew):
        open_database(db_path)


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseUnusable, match="not an Indicite database"):
        open_database(path)
    assert path.read_bytes() == before


def test_foreign_keys_are_enforced(db_path):
    db = open_database(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            'INSERT INTO citations (indicator_id, document_id, start, "end", exact, position) '
            "VALUES (99, 99, 0, 1, 'x', 0)"
        )
    db.close()


def test_events_are_append_only(db_path):
    db = open_database(db_path)
    db["events"].insert({"at": "2026-01-01", "who": "a", "action": "import"})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE events SET who = 'b'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM events")
    assert schema_sql(db).count("ON events BEGIN SELECT RAISE") == 2
    db.close()

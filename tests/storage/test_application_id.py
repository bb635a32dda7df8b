"""Only Indicite databases are opened for writing: PRAGMA application_id marks them (issue 12)."""

import hashlib
import sqlite3

import pytest

from indicite.core.errors import DatabaseUnusable
from indicite.services.session import Session
from indicite.storage.migrations import APPLICATION_ID

FILE_STORE_ONLY = True  # about the SQLite file itself


def application_id(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def foreign_database(path, app_id: int = 0) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('张三', '123')")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.commit()
    conn.close()


def test_a_new_database_carries_indicites_id(db_path):
    Session.open(db_path, "tester").close()
    assert application_id(db_path) == APPLICATION_ID == int.from_bytes(b"INDC", "big")


@pytest.mark.parametrize("app_id", [0, 0x4D504247], ids=["no-id", "another-app"])
def test_someone_elses_sqlite_file_is_refused_unchanged(tmp_path, app_id):
    other = tmp_path / "contacts.db"
    foreign_database(other, app_id)
    before = digest(other)
    with pytest.raises(DatabaseUnusable, match="another program's SQLite database"):
        Session.open(other, "tester")
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_an_indicite_file_from_before_the_id_is_recognised_and_marked(db_path):
    Session.open(db_path, "tester").close()
    conn = sqlite3.connect(db_path)  # what an earlier version left: no id, no such migration
    conn.execute("PRAGMA application_id = 0")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE '%application_id'")
    conn.commit()
    conn.close()
    assert application_id(db_path) == 0
    session = Session.open(db_path, "tester")
    session.close()
    assert application_id(db_path) == APPLICATION_ID


def test_an_empty_file_becomes_a_new_database(tmp_path):
    empty = tmp_path / "new.sqlite"
    empty.touch()
    Session.open(empty, "tester").close()
    assert application_id(empty) == APPLICATION_ID
